"""The progress bar of long ``ih lint`` runs: only on a terminal, only for many files."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from inclusive_hiring.api import lint_paths
from inclusive_hiring.progress import lint_progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with lint_progress(True) as progress:
        assert progress is None


def test_no_bar_for_machine_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with lint_progress(False) as progress:
        assert progress is None


def test_bar_only_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with lint_progress(True, min_files=40) as progress:
        assert progress is not None
        for done in range(1, 11):
            progress(done, 10)
    assert terminal.getvalue() == ""
    with lint_progress(True, min_files=40) as progress:
        assert progress is not None
        for done in range(1, 51):
            progress(done, 50)
    assert "linting" in terminal.getvalue()


def test_lint_paths_reports_each_file(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.md").write_text("We need a salesman.\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    report = lint_paths([str(tmp_path)], progress=lambda done, total: calls.append((done, total)))
    assert len(report.files) == 3
    assert calls == [(1, 3), (2, 3), (3, 3)]
