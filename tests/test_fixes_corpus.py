"""The fix round-trip on every real posting of the shared corpus, in a temporary copy: `ih lint
--fix --unsafe-fixes` changes only matched text, keeps line endings, lints cleaner afterwards, and a
second run changes nothing."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from inclusive_hiring import lint_paths
from inclusive_hiring.api import read_text
from inclusive_hiring.cli import app

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "jobs"

pytestmark = pytest.mark.slow


def outside_kept(old: str, new: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every piece of ``old`` outside ``spans`` is in ``new``, in order, with the first
    piece at the start and the last at the end (the text between them is free)."""
    pieces, pos = [], 0
    for start, end in sorted(spans):
        pieces.append(old[pos:start])
        pos = max(pos, end)
    pieces.append(old[pos:])
    if not new.startswith(pieces[0]) or not new.endswith(pieces[-1]):
        return False
    at = len(pieces[0])
    for piece in pieces[1:-1]:
        found = new.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return at <= len(new) - len(pieces[-1])


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not present at {CORPUS}")
    copy = tmp_path_factory.mktemp("corpus") / "jobs"
    shutil.copytree(CORPUS, copy, copy_function=shutil.copyfile)   # shared/ is read-only: drop modes
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    before_bytes = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    before = lint_paths([str(copy)], jobs=2)
    first = CliRunner().invoke(app, ["lint", str(copy), "--fix", "--unsafe-fixes", "-j", "2",
                                     "-f", "json", "--fail-on", "never"])
    assert first.exit_code == 0, first.stderr
    after_bytes = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    second = CliRunner().invoke(app, ["lint", str(copy), "--fix", "--unsafe-fixes", "-j", "2",
                                      "-f", "json", "--fail-on", "never"])
    after = lint_paths([str(copy)], jobs=2)
    return SimpleNamespace(before=before, after=after, before_bytes=before_bytes,
                           after_bytes=after_bytes, first=first, second=second, copy=copy)


def test_fixes_were_made(round_trip):
    before_bytes, after_bytes, first = round_trip.before_bytes, round_trip.after_bytes, round_trip.first
    changed = [p for p in before_bytes if before_bytes[p] != after_bytes[p]]
    assert len(changed) > 50
    assert "ih: fixed " in first.stderr
    assert set(before_bytes) == set(after_bytes)     # no file added, none removed


def test_only_matched_spans_changed(round_trip):
    before, before_bytes, after_bytes = round_trip.before, round_trip.before_bytes, round_trip.after_bytes
    spans = {r.path: [(f.start, f.end) for f in r.findings if f.start is not None] for r in before.files}
    bad = []
    for path, old_bytes in before_bytes.items():
        if old_bytes == after_bytes[path] or path.name == "MANIFEST.tsv":
            continue
        new, _ = read_text(str(path))
        old = old_bytes.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        if not outside_kept(old, new or "", spans[str(path).replace("\\", "/")]):
            bad.append(path.relative_to(round_trip.copy).as_posix())
    assert bad == []


def test_line_endings_kept(round_trip):
    before_bytes, after_bytes = round_trip.before_bytes, round_trip.after_bytes
    for path, old in before_bytes.items():
        if b"\r\n" in old:
            assert after_bytes[path].count(b"\r\n") > 0 and after_bytes[path].count(b"\n") == \
                after_bytes[path].count(b"\r\n") + (old.count(b"\n") - old.count(b"\r\n")), path


def test_lints_cleaner_afterwards(round_trip):
    before, after = round_trip.before, round_trip.after
    assert [r.path for r in after.files] == [r.path for r in before.files]
    assert not after.errors
    assert len(after.findings) < len(before.findings)
    for old, new in zip(before.files, after.files, strict=True):
        assert len(new.findings) <= len(old.findings) + 1, new.path


def test_second_run_changes_nothing(round_trip):
    assert "ih: fixed 0 findings in 0 files" in round_trip.second.stderr
