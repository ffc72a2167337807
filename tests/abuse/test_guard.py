"""The global guard, the bounded span step and the file checks, in process."""

from __future__ import annotations

import os
import signal

import pytest
from typer.testing import CliRunner

from inclusive_hiring.api import expand_paths, lint_paths, lint_text, read_bytes
from inclusive_hiring.catalog.matching import Line
from inclusive_hiring.cli import app
from inclusive_hiring.lint import limits
from inclusive_hiring.lint.linter import Linter
from inclusive_hiring.lint.pieces import bounded_lines, cut_point, doc_groups

POSTING = "We want a salesman to grow our accounts.\n"


@pytest.fixture
def broken_linter(monkeypatch):
    """The linter fails on any file named bad*.md, as a bug would."""
    real = Linter.lint

    def lint(self, text, path, *args, **kwargs):
        if os.path.basename(path).startswith("bad"):
            raise KeyError("boom")
        return real(self, text, path, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint", lint)


def _folder(tmp_path, good: int = 3):
    (tmp_path / "bad.md").write_text(POSTING, encoding="utf-8")
    for i in range(good):
        (tmp_path / f"good{i}.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_unexpected_exception_is_one_files_error(tmp_path, broken_linter, jobs):
    report = lint_paths([str(_folder(tmp_path))], jobs=jobs)
    by_name = {os.path.basename(r.path): r for r in report.files}
    assert by_name["bad.md"].error.startswith("internal error (KeyError: 'boom'); this is a bug in ih")
    assert "\n" not in by_name["bad.md"].error
    assert all(by_name[f"good{i}.md"].findings for i in range(3))


def test_the_cli_reports_the_others_and_exits_2(tmp_path, broken_linter):
    folder = _folder(tmp_path, good=1)
    done = CliRunner().invoke(app, ["lint", "-f", "concise", "-j", "1", str(folder)])
    assert done.exit_code == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(f"ih: {folder}/bad.md: internal error (KeyError") and "report it" in line
    assert "good0.md:1:11: IH110" in done.stdout


def test_cut_points_prefer_sentence_ends_then_clauses_then_spaces():
    # the cut falls in the last tenth of the piece: [90, 100) here
    sentence = "b" * 88 + "x, y. " + "z" * 20
    assert cut_point(sentence, 0, 100) == 93 and sentence[92] == "."
    clause = "b" * 91 + "x, y z" + "z" * 20
    assert cut_point(clause, 0, 100) == 93 and clause[92] == ","
    space = "b" * 95 + " " + "z" * 20
    assert cut_point(space, 0, 100) == 95
    assert cut_point("x" * 200, 0, 100) == 100


def test_long_lines_are_cut_and_grouped_within_the_limits():
    text = ("word " * 9000 + "end. ") * 10
    pieces = bounded_lines([Line(0, len(text), frozenset({"e"}))], text, max_piece=10_000)
    assert all(p.end - p.start <= 10_000 for p in pieces)
    assert all(not text[p.start].isspace() for p in pieces)
    assert "".join(text[p.start:p.end] for p in pieces).replace(" ", "") == text.replace(" ", "")
    groups = list(doc_groups(pieces, max_doc=25_000))
    assert all(sum(p.end - p.start + 1 for p in g) <= 25_000 for g in groups)
    assert [p for g in groups for p in g] == pieces


def test_a_phrase_in_a_long_line_is_found_at_its_offset():
    filler = "the team builds tools for people " * 1500   # 49,500 characters, no full stop
    text = filler + "we want a salesman " + filler + "\n"
    [finding] = [f for f in lint_text(text, "x.md").findings if f.rule_id == "IH110"]
    assert text[finding.start:finding.end] == "salesman"


def test_more_findings_than_the_limit_is_an_error(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FINDINGS", 5)
    result = lint_text("We want a salesman.\n" * 10, "x.md")
    assert result.error == "more than 5 findings, the limit for one file: is this really a job posting?"
    assert not result.findings
    assert lint_text("We want a salesman.\n" * 3, "x.md").error is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    signal.signal(signal.SIGALRM, signal.default_int_handler)
    signal.alarm(5)   # a blocking open would hang here
    try:
        data, error = read_bytes(str(tmp_path / "pipe.md"))
    finally:
        signal.alarm(0)
    assert data is None and error == "not a regular file (a FIFO); not read"


def test_links_out_of_a_folder_are_skipped_unless_asked(tmp_path):
    (tmp_path / "out.md").write_text(POSTING, encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "in.md").write_text(POSTING, encoding="utf-8")
    (tree / "out-link.md").symlink_to(tmp_path / "out.md")
    (tree / "sub" / "in-link.md").symlink_to(tree / "in.md")
    (tree / "dir-link").symlink_to(tmp_path)
    notes: list[str] = []
    found = [p for p, _ in expand_paths([str(tree)], notes=notes)]
    assert found == [f"{tree}/in.md", f"{tree}/sub/in-link.md"]
    assert notes == [f"{tree}/out-link.md: skipped: a symbolic link to a file outside the linted folder "
                     "(--follow-symlinks follows it)"]
    followed = [p for p, _ in expand_paths([str(tree)], follow_symlinks=True)]
    assert followed == [f"{tree}/in.md", f"{tree}/out-link.md", f"{tree}/sub/in-link.md"]


def test_a_bug_while_fixing_one_file_leaves_the_others_fixed(tmp_path, monkeypatch):
    from inclusive_hiring import fixes

    real = fixes.fix_document

    def fix_document(raw, findings, **kwargs):
        if "Barman" in raw:
            raise IndexError("boom")
        return real(raw, findings, **kwargs)

    monkeypatch.setattr(fixes, "fix_document", fix_document)
    (tmp_path / "a.md").write_text("We want a Barman.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(POSTING, encoding="utf-8")
    done = CliRunner().invoke(app, ["lint", "-f", "concise", "-j", "1", "--fix", str(tmp_path)])
    assert done.exit_code == 2
    assert f"ih: {tmp_path}/a.md: internal error (IndexError: boom)" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "We want a Barman.\n"
    assert "salesperson" in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_an_unexpected_exception_outside_any_file_is_one_line(tmp_path, monkeypatch):
    """The last guard, in ``ih``'s entry point: a bug in a formatter is one line, exit 2."""
    import subprocess
    import sys

    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    program = ("import sys; import inclusive_hiring.formatters as f\n"
               "def broken(*a, **k): raise ZeroDivisionError('boom')\n"
               "f.render = broken\n"
               "from inclusive_hiring.cli import main\n"
               f"sys.argv = ['ih', 'lint', '-f', 'json', {str(posting)!r}]\n"
               "main()\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "ih: error: internal error (ZeroDivisionError: boom); this is a bug in ih: please report it at "
        "https://github.com/inclusive-hiring/ih/issues"]
