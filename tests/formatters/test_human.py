"""The default terminal output: findings grouped by file with the matched text shown in its line,
suggestions, and a summary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from inclusive_hiring import lint_paths
from inclusive_hiring.formatters import RenderOptions, human
from inclusive_hiring.results import LintReport


def render(report: LintReport) -> str:
    """The human format, with the source lines handed in as the CLI hands them in."""
    sources = {r.path: dict(enumerate(Path(r.path).read_text(encoding="utf-8").split("\n"), 1))
               for r in report.files}
    sources = {path: {(None, n): line for n, line in lines.items()} for path, lines in sources.items()}
    return human.render(report, RenderOptions(sources=sources, width=160))


def test_findings_show_position_rule_line_and_suggestion(tmp_path: Path):
    posting = tmp_path / "job.md"
    posting.write_text("# Sales\n\nWe need an aggressive salesman who will crush it.\n", encoding="utf-8")
    out = render(lint_paths([str(posting)]))
    lines = out.splitlines()
    assert lines[0].strip() == str(posting)
    row = next(line for line in lines if "IH110" in line)
    assert row.split()[:3] == ["3:23", "IH110", "error"]
    # the source line is shown under the finding, and the suggestion after it
    at = lines.index(row)
    assert "We need an aggressive salesman who will crush it." in lines[at + 1]
    assert "write instead: salesperson" in lines[at + 2]
    assert "1 file" in out and "1 files" not in out
    assert "gender coding: " in out and "reading grade: " in out


def test_a_clean_file_says_so_and_question_files_are_marked(tmp_path: Path):
    clean = tmp_path / "clean.md"
    clean.write_text((Path(__file__).parents[1] / "fixtures" / "docs" / "01-clean.md").read_text("utf-8"),
                     encoding="utf-8")
    questions = tmp_path / "questions.md"
    questions.write_text("# Interview\n\n1. Are you married?\n2. Tell me about a project you led.\n"
                         "3. How do you test your code?\n", encoding="utf-8")
    report = lint_paths([str(clean), str(questions)])
    # the clean fixture is short (an info finding on length): take that away to see a clean file
    first = replace(report.files[0], findings=())
    out = render(LintReport(files=(first, report.files[1])))
    assert f"{clean}  no findings" in out
    # the note says why the file was read as questions (rich may wrap the long line)
    assert f"{questions} (interview questions: 3 of 3 list items are questions)" in " ".join(out.split())
    assert "in 2 files" in out
