"""The one table of keys (``config.schema.KEYS``): what is derived from it, and that a new key is one
table entry plus the code that reads it (done here for real with a throwaway key)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from inclusive_hiring.config import (
    CLI_KEYS,
    KEYS,
    OVERRIDE_KEYS,
    TOP_KEYS,
    Key,
    load_config,
    render_show,
    resolve_for,
)
from inclusive_hiring.config.merge import last_wins, nothing
from inclusive_hiring.config.model import IN_FILE, IN_OVERRIDES, ON_COMMAND_LINE
from inclusive_hiring.config.show import show_value
from inclusive_hiring.config.starter import STARTER_CONFIG, starter_text
from inclusive_hiring.config.validate import scalar
from inclusive_hiring.yamlio import DataError

ROOT = Path(__file__).resolve().parents[2]

#: The throwaway key: one table entry, nothing else in the package changes.
MAX_KB = Key(
    "max_file_kb", "a positive integer", frozenset({IN_FILE, IN_OVERRIDES, ON_COMMAND_LINE}),
    default=nothing, parse=scalar("max_file_kb", "integer", minimum=1), merge=last_wins("max_file_kb"),
    show=show_value("max_file_kb"), show_rank=15,
    starter="# Files larger than this (in KB) are skipped.\n#max_file_kb: 500\n", starter_rank=75,
)
EXTENDED = (*KEYS, MAX_KB)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def write(folder: Path, text: str, name: str = ".ih.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_derived_key_lists_keep_their_documented_order():
    assert TOP_KEYS == ("extends", "rules", "terms", "accept", "prefer", "jurisdictions", "exclude",
                        "overrides", "kits", "track")
    assert OVERRIDE_KEYS == ("files", "rules", "terms", "accept", "prefer", "jurisdictions")
    assert CLI_KEYS == ("extends", "rules", "terms", "accept", "prefer", "jurisdictions", "exclude")


def test_every_key_is_complete_and_documented():
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key in KEYS:
        assert f"### `{key.name}`" in doc, key.name
        assert key.type and key.places <= {IN_FILE, IN_OVERRIDES, ON_COMMAND_LINE}
        if IN_OVERRIDES not in key.places:
            assert key.not_in_overrides, f"{key.name}: say why overrides refuse it"
        if key.parse is not None:  # a key with a validator is merged and printed
            assert key.merge is not None and key.default is not None, key.name
        assert key.name in ("extends",) or key.show is not None, key.name
    assert len({key.name for key in KEYS}) == len(KEYS)


def test_a_new_key_is_read_from_the_file_merged_and_shown(repo):
    base = write(repo, "max_file_kb: 10\n", "base.yml")
    write(repo, f"extends: {base}\nmax_file_kb: 20\n")
    config = load_config(start=repo, keys=EXTENDED)
    assert config.value("max_file_kb") == 20
    assert config.origin("max_file_kb") == f"{repo / '.ih.yaml'}:2"
    shown = render_show(config)
    assert "max_file_kb: 20  " in shown and f"# from {repo / '.ih.yaml'}:2" in shown
    # printed at its rank: after jurisdictions (10), before accept (20)
    lines = shown.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("max_file_kb:"))
    assert lines[index - 1].startswith("jurisdictions:") and lines[index + 1].startswith("accept:")


def test_a_new_key_defaults_and_layers(repo):
    assert load_config(start=repo, keys=EXTENDED).value("max_file_kb") is None
    write(repo, "max_file_kb: 20\n")
    config = load_config(start=repo, keys=EXTENDED, cli_overrides={"max_file_kb": 5})
    assert config.value("max_file_kb") == 5 and config.origin("max_file_kb") == "command line"
    assert "max_file_kb" not in render_show(load_config(start=repo, keys=EXTENDED, no_config=True),
                                            only_changed=True)


def test_a_new_key_in_overrides_applies_to_matching_files_only(repo):
    write(repo, "max_file_kb: 20\noverrides:\n  - files: ['big/**']\n    max_file_kb: 200\n")
    config = load_config(start=repo, keys=EXTENDED)
    assert resolve_for(config, repo / "big" / "a.md").value("max_file_kb") == 200
    assert resolve_for(config, repo / "small.md").value("max_file_kb") == 20
    assert "    max_file_kb: 200" in render_show(config)


@pytest.mark.parametrize(("text", "message"), [
    ("max_file_kb: ten\n", "'max_file_kb' must be an integer, not a string"),
    ("max_file_kb: 0\n", "'max_file_kb' must be at least 1, not 0"),
    ("max_file_kb: true\n", "'max_file_kb' must be an integer, not true/false"),
    ("max_file_kb: !!int ten\n", "'ten' is not a valid integer"),
    ("max_file_kb: 1\nmax_file_kbb: 2\n", "unknown key 'max_file_kbb' at the top level (did you mean 'max_file_kb'?)"),
])
def test_a_new_key_is_validated_with_file_and_line(repo, text, message):
    write(repo, text)
    with pytest.raises(DataError) as info:
        load_config(start=repo, keys=EXTENDED)
    assert str(info.value).startswith(f"{repo / '.ih.yaml'}:")
    assert message in str(info.value)
    assert info.value.line == text.count("\n")


def test_without_the_table_entry_the_key_is_unknown(repo):
    write(repo, "max_file_kb: 20\n")
    with pytest.raises(DataError, match="unknown key 'max_file_kb' at the top level"):
        load_config(start=repo)


def test_places_decide_where_a_key_may_appear(repo):
    file_only = (*KEYS, replace(MAX_KB, places=frozenset({IN_FILE}), not_in_overrides="it is per run"))
    write(repo, "overrides:\n  - files: ['x/**']\n    max_file_kb: 2\n")
    with pytest.raises(DataError, match="'max_file_kb' is not allowed in overrides: it is per run"):
        load_config(start=repo, keys=file_only)
    with pytest.raises(DataError, match="unknown key 'max_file_kb' on the command line"):
        load_config(start=repo, keys=file_only, no_config=True, cli_overrides={"max_file_kb": 3})


def test_a_new_key_gets_its_block_in_the_starter_file():
    text = starter_text(EXTENDED)
    assert starter_text(KEYS) == STARTER_CONFIG
    block = "# Files larger than this (in KB) are skipped.\n#max_file_kb: 500\n"
    assert block in text and block not in STARTER_CONFIG
    # at its rank: after exclude (70), before overrides (80), separated by blank lines
    assert text.index("exclude:") < text.index(block) < text.index("overrides:")
    assert "\n\n" + block + "\n# Settings for some files only." in text


def test_a_config_pickles_with_its_table(repo):
    """Workers may receive the configuration by pickle: the table holds no closures."""
    import pickle

    write(repo, "max_file_kb: 20\naccept: [x]\noverrides:\n  - files: ['big/**']\n    max_file_kb: 200\n")
    config = pickle.loads(pickle.dumps(load_config(start=repo, keys=EXTENDED)))
    assert config.value("max_file_kb") == 20 and config.accept == ("x",)
    assert resolve_for(config, repo / "big" / "a.md").value("max_file_kb") == 200
    assert render_show(config) == render_show(load_config(start=repo, keys=EXTENDED))
