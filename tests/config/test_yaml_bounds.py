"""The YAML loader is bounded (size, values, aliases, depth) and typed (explicit tags must fit),
and every refusal is one ``file:line: message`` line."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from inclusive_hiring import yamlio
from inclusive_hiring.yamlio import DataError, LineDict, LineList, load_yaml, load_yaml_file


def alias_bomb(levels: int = 9) -> str:
    """The classic "billion laughs": each level holds nine aliases of the one before."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijklmnop"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join(["*" + previous] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def error_of(text: str, path: str = "f.yml") -> DataError:
    with pytest.raises(DataError) as info:
        load_yaml(text, path)
    assert "\n" not in str(info.value)
    return info.value


def test_an_alias_bomb_fails_fast_with_file_and_line():
    text = alias_bomb(9)
    assert len(text.encode()) < 400
    started = time.perf_counter()
    error = error_of(text)
    assert time.perf_counter() - started < 2.0
    assert str(error).startswith("f.yml:")
    assert error.line == 5  # where the aliases that overflow the budget are written (*d)
    assert f"more than {yamlio.MAX_ALIAS_NODES} values" in error.detail


def test_a_few_aliases_are_still_fine():
    data = load_yaml("base: &b [x, y]\nfirst: *b\nsecond: *b\n", "f.yml")
    assert data["first"] == data["second"] == ["x", "y"]
    assert isinstance(data["first"], LineList) and data["first"].line == 1


def test_the_alias_budget_counts_values_reached_through_aliases(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_ALIAS_NODES", 5)
    load_yaml("base: &b [1, 2, 3, 4]\nuse: *b\n", "f.yml")  # the list and its four items: 5
    error = error_of("base: &b [1, 2, 3, 4, 5]\nuse: *b\n")
    assert "more than 5 values" in error.detail


def test_the_total_number_of_values_is_bounded(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_NODES", 50)
    error = error_of("items:\n" + "".join(f"  - {i}\n" for i in range(60)))
    assert "at most 50" in error.detail and error.line is not None and error.line > 40


def test_the_document_size_is_bounded(tmp_path):
    big = "x" * (yamlio.MAX_DOCUMENT_CHARS + 1)
    assert "too large" in error_of(big).detail
    path = tmp_path / "big.yml"
    path.write_text("# " + big, encoding="utf-8")
    with pytest.raises(DataError, match="too large"):
        load_yaml_file(path)


def test_nesting_is_bounded():
    deep = "[" * (yamlio.MAX_DEPTH + 5) + "]" * (yamlio.MAX_DEPTH + 5)
    error = error_of(deep)
    assert f"nested more than {yamlio.MAX_DEPTH} levels" in error.detail
    shallow = "[" * 20 + "]" * 20
    assert isinstance(load_yaml(shallow, "f.yml"), list)


@pytest.mark.parametrize(("text", "line", "detail"), [
    ("accept: [!!int EU]\n", 1, "'EU' is not a valid integer"),
    ("a: 1\nb: !!float abc\n", 2, "'abc' is not a valid number"),
    ("a:\n  - !!timestamp x\n", 2, "'x' is not a valid date"),
    ("a: !!bool maybe\n", 1, "'maybe' is not a valid boolean"),
    ("a: !!null abc\n", 1, "'abc' is not a valid null"),
    ("a: 2024-13-45\n", 1, "'2024-13-45' is not a valid date"),
    ("a: " + "9" * 5000 + "\n", 1, "is not a valid integer"),
    ("a: !!binary aGVsbG8=\n", 1, "unsupported YAML tag '!!binary'"),
    ("a: !!python/object/apply:os.system ['true']\n", 1, "unsupported YAML tag '!!python/object/apply:os.system'"),
    ("a: !!python/name:os.system\n", 1, "unsupported YAML tag '!!python/name:os.system'"),
    ("a: !custom x\n", 1, "unsupported YAML tag '!custom'"),
    ("a: !!set {x}\n", 1, "unsupported YAML tag '!!set'"),
    ("a: !!map [x]\n", 1, "the YAML tag '!!map' (mapping) does not fit a list"),
    ("a: !!str {x: 1}\n", 1, "the YAML tag '!!str' (string) does not fit a mapping"),
    ("a: !!seq x\n", 1, "the YAML tag '!!seq' (list) does not fit a single value"),
    ("base: &b {x: 1}\nc:\n  <<: *b\n", 3, "unsupported YAML tag '!!merge'"),
    ("a: [b\x01c]\n", 1, "invalid YAML: unacceptable character #x0001"),
    ("a: 1\nb: \ud800\n", 2, "not valid Unicode"),
    ("a: [1\n", 2, "invalid YAML"),
])
def test_tags_and_bad_scalars_are_refused_with_a_line(text, line, detail):
    error = error_of(text, "conf.yml")
    assert error.line == line, str(error)
    assert detail in error.detail
    assert str(error) == f"conf.yml:{line}: {error.detail}"


@pytest.mark.parametrize(("text", "value"), [
    ("a: !!int 12\n", 12), ("a: !!float 1.5\n", 1.5), ("a: !!str 12\n", "12"), ("a: !!bool yes\n", True),
    ("a: !!null ~\n", None), ("a: '2024-13-45'\n", "2024-13-45"),
])
def test_tags_that_fit_their_value_are_read(text, value):
    assert load_yaml(text, "f.yml")["a"] == value


def test_lines_are_kept():
    data = load_yaml("top:\n  key: [a,\n    b]\nother: 1\n", "f.yml")
    assert isinstance(data, LineDict) and data.line_of("other") == 4 and data["top"].line_of("key") == 2
    assert data["top"]["key"].item_lines == [2, 3]


def test_only_regular_files_are_read(tmp_path):
    fifo = tmp_path / "spec.yml"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(DataError, match="not a regular file"):
        load_yaml_file(fifo)
    assert time.perf_counter() - started < 2.0
    with pytest.raises(DataError, match=r"cannot read: \[Errno 21\] Is a directory"):
        load_yaml_file(tmp_path)
    with pytest.raises(DataError, match=r"cannot read: \[Errno 2\] No such file"):
        load_yaml_file(tmp_path / "missing.yml")


def test_files_read_with_universal_newlines(tmp_path):
    path = tmp_path / "crlf.yml"
    path.write_bytes(b"a: |\r\n  one\r\n  two\r\nb: 2\r\n")
    data = load_yaml_file(path)
    assert data["a"] == "one\ntwo\n" and data.line_of("b") == 4


def test_the_shipped_data_fits_the_bounds_with_room():
    from inclusive_hiring.catalog.jurisdictions import default_jurisdictions
    from inclusive_hiring.catalog.wordlists import default_catalog

    assert default_catalog().rules and default_jurisdictions()
    root = Path(__file__).resolve().parents[2]
    for path in [*root.glob("wordlists/*.yml"), *root.glob("src/inclusive_hiring/data/**/*.yml")]:
        assert path.stat().st_size < yamlio.MAX_DOCUMENT_CHARS // 4, path
        builder_nodes = _count_values(load_yaml_file(path))
        assert builder_nodes < yamlio.MAX_NODES // 4, path


def _count_values(value: object) -> int:
    if isinstance(value, dict):
        return 1 + sum(1 + _count_values(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_count_values(v) for v in value)
    return 1


def test_the_documented_yaml_errors_are_the_real_messages(tmp_path):
    """The second ``text`` block of the Errors section in docs/configuration.md."""
    import re

    from inclusive_hiring.config import load_config

    text = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    block = text[text.index("## Errors"):text.index("## `ih init`")]
    documented = re.findall(r"```text\n(.*?)```", block, re.S)[1].splitlines()
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"{n}: &{n} [" + ",".join(["*" + p] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    cases = ["\n".join(bomb) + "\n", "accept: [!!int EU]\n", "jurisdictions:\n  - !!timestamp x\n",
             "accept: [!!binary aGVsbG8=]\n", "accept: !!map [x]\n"]
    (tmp_path / ".git").mkdir()
    assert len(documented) == len(cases)
    for line, case in zip(documented, cases, strict=True):
        (tmp_path / ".ih.yaml").write_text(case, encoding="utf-8")
        with pytest.raises(DataError) as info:
            load_config(start=tmp_path)
        assert f".ih.yaml:{str(info.value).split('.ih.yaml:', 1)[1]}" == line
