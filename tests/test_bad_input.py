"""Inputs that cannot be linted: a one-line error naming the file, exit 2, the rest still linted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inclusive_hiring.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOOD_TEXT = "# Sales lead\n\nWe need a rockstar salesman who can crush it.\n"


def _missing(tmp: Path) -> Path:
    return tmp / "does-not-exist.md"


def _empty_dir(tmp: Path) -> Path:
    path = tmp / "nothing-here"
    path.mkdir()
    (path / "notes.rst").write_text("We need a salesman.\n", encoding="utf-8")
    (path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return path


def _binary(tmp: Path) -> Path:
    path = tmp / "binary.md"
    path.write_bytes(b"We need a salesman.\x00\x01\x02\xff" * 20)
    return path


def _latin1(tmp: Path) -> Path:
    path = tmp / "latin1.txt"
    path.write_bytes(b"Our caf\xe9 needs a salesman.\n")
    return path


def _utf16(tmp: Path) -> Path:
    path = tmp / "saved-as-unicode.txt"
    path.write_bytes("We need a salesman.\n".encode("utf-16"))  # with its byte-order mark
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.md"
    path.write_bytes(b"")
    return path


def _whitespace(tmp: Path) -> Path:
    path = tmp / "blank.md"
    path.write_bytes(b"  \n\t\n   \r\n\n")
    return path


def _huge(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    line = b"We need a salesman who can hit the ground running. " * 20 + b"\n"
    with path.open("wb") as handle:
        for _ in range(10 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size >= 10 * 1024 * 1024
    return path


def _unreadable(tmp: Path) -> Path:
    path = tmp / "secret.md"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o644)
        pytest.skip("chmod 000 does not stop this user (root) from reading the file, "
                    "so an unreadable file cannot be made here")
    return path


def _broken_symlink(tmp: Path) -> Path:
    path = tmp / "dangling.md"
    path.symlink_to(tmp / "gone.md")
    return path


BAD = {
    "missing": _missing,
    "empty-directory": _empty_dir,
    "binary": _binary,
    "non-utf8": _latin1,
    "utf-16": _utf16,
    "empty": _empty,
    "whitespace-only": _whitespace,
    "ten-megabytes": _huge,
    "unreadable": _unreadable,
    "broken-symlink": _broken_symlink,
}


def snapshot(paths: list[Path]) -> dict[str, tuple]:
    out = {}
    for root in paths:
        for path in [root, *root.rglob("*")] if root.is_dir() else [root]:
            if path.is_symlink():
                out[str(path)] = ("link", os.readlink(path))
            elif path.is_file():
                st = path.stat()
                data = path.read_bytes() if os.access(path, os.R_OK) else None
                out[str(path)] = (st.st_mtime_ns, st.st_size, st.st_mode, data)
    return out


@pytest.fixture
def good_files(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "one.md").write_text(GOOD_TEXT, encoding="utf-8")
    (good / "two.txt").write_text("Salesmen wanted for the night shift.\n", encoding="utf-8")
    return [good / "one.md", good / "two.txt"]


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_input_is_reported_and_others_still_linted(tmp_path, good_files, kind):
    bad = BAD[kind](tmp_path)
    before = snapshot([tmp_path])
    args = ["lint", str(good_files[0]), str(bad), str(good_files[1]), "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    err_lines = result.stderr.splitlines()
    assert len(err_lines) == 1, result.stderr
    assert str(bad) in err_lines[0]
    assert err_lines[0].startswith("ih: ")
    data = json.loads(result.stdout)
    entries = {e["path"]: e for e in data["files"]}
    assert list(entries) == [str(good_files[0]), str(bad), str(good_files[1])]
    assert entries[str(bad)]["error"]
    assert "\n" not in entries[str(bad)]["error"]
    assert entries[str(bad)]["findings"] == []
    for good in good_files:
        assert entries[str(good)]["error"] is None
        assert "IH110" in {f["rule_id"] for f in entries[str(good)]["findings"]}
    assert snapshot([tmp_path]) == before


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_input_concise_format(tmp_path, good_files, kind):
    bad = BAD[kind](tmp_path)
    result = CliRunner().invoke(app, ["lint", str(bad), str(good_files[0]), "-f", "concise"])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and str(bad) in result.stderr
    assert f"{good_files[0]}:" in result.stdout
    assert str(bad) not in result.stdout


def test_all_bad_inputs_at_once_in_a_real_process(tmp_path, good_files):
    bad = []
    for kind, make in BAD.items():
        sub = tmp_path / kind
        sub.mkdir()
        try:
            bad.append(make(sub))
        except pytest.skip.Exception:
            continue
    before = snapshot([tmp_path])
    proc = subprocess.run(
        [sys.executable, "-m", "inclusive_hiring", "lint", "--format", "json", "--jobs", "2",
         str(good_files[0]), *map(str, bad), str(good_files[1])],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    err_lines = proc.stderr.splitlines()
    assert len(err_lines) == len(bad)
    for path, line in zip(bad, err_lines, strict=False):
        assert line.startswith(f"ih: {path}: ")
    data = json.loads(proc.stdout)
    errors = {e["path"]: e["error"] for e in data["files"] if e["error"]}
    assert sorted(errors) == sorted(map(str, bad))
    for good in good_files:
        entry = next(e for e in data["files"] if e["path"] == str(good))
        assert entry["error"] is None and entry["findings"]
    assert snapshot([tmp_path]) == before


def test_good_files_are_not_modified(tmp_path):
    path = tmp_path / "posting.md"
    path.write_text(GOOD_TEXT.replace("\n", "\r\n"), encoding="utf-8")
    before = snapshot([tmp_path])
    result = CliRunner().invoke(app, ["lint", str(path), "-f", "json"])
    assert result.exit_code == 1
    assert snapshot([tmp_path]) == before


@pytest.mark.parametrize(("make", "says"), [(_utf16, "UTF-16 text"), (_latin1, "not valid UTF-8 (byte 0xe9")])
def test_text_in_another_encoding_is_named_and_the_fix_given(tmp_path, make, says):
    bad = make(tmp_path)
    result = CliRunner().invoke(app, ["lint", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"ih: {bad}: {says}") and result.stderr.rstrip().endswith("save it as UTF-8")
