"""Shortcuts of the third speed round (issue 14, the 5x-alex floor) give what the plain
computation gives: configuration discovery remembered per folder, and the frame engine's regular
expressions rebuilt from their cached code."""

from __future__ import annotations

import random
from pathlib import Path

from inclusive_hiring.config import ConfigResolver
from inclusive_hiring.discovery import discover


def _tree(tmp_path: Path) -> list[Path]:
    """Folders with and without .ih.yaml and .git at several depths, and files in them."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / ".ih.yaml").write_text("rules:\n  IH101: off\n", encoding="utf-8")
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    (tmp_path / "repo" / "a" / ".ih.yml").write_text("rules:\n  IH102: off\n", encoding="utf-8")
    (tmp_path / "repo" / "c" / "d").mkdir(parents=True)
    (tmp_path / "other" / "e").mkdir(parents=True)
    (tmp_path / "other" / ".git").mkdir()
    files = []
    for folder in ("repo", "repo/a", "repo/a/b", "repo/c", "repo/c/d", "other", "other/e"):
        for name in ("x.md", "y.txt"):
            path = tmp_path / folder / name
            path.write_text("We want a rockstar.\n", encoding="utf-8")
            files.append(path)
    return files


def test_discovery_remembered_per_folder_finds_what_a_fresh_walk_finds(tmp_path):
    files = _tree(tmp_path)
    rng = random.Random(31)
    order = [rng.choice(files + [f.parent for f in files]) for _ in range(200)]
    seen: dict[Path, Path | None] = {}
    found = {discover(p, seen) for p in order}
    for path in order:
        assert discover(path, seen) == discover(path), path
    assert {tmp_path / "repo" / ".ih.yaml", tmp_path / "repo" / "a" / ".ih.yml", None} <= found


def test_resolver_gives_each_file_what_a_new_resolver_gives(tmp_path):
    files = _tree(tmp_path)
    shared = ConfigResolver()
    for path in files * 3:
        fresh = ConfigResolver()
        assert shared.for_file(path).disabled_rules == fresh.for_file(path).disabled_rules, path
        assert shared.index_entries(path) == fresh.index_entries(path), path
    assert shared.for_file(tmp_path / "repo" / "a" / "b" / "x.md").disabled_rules != \
        shared.for_file(tmp_path / "repo" / "c" / "x.md").disabled_rules
