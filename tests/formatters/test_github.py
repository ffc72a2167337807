"""`--format github`: workflow-command annotations, escaping, severity mapping and `--format auto`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inclusive_hiring import LintReport, lint_paths
from inclusive_hiring.cli import app
from inclusive_hiring.formatters import github
from inclusive_hiring.results import FileResult, Finding

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "job-posting.md"
COMMAND = re.compile(r"^::(?P<command>error|warning|notice) (?P<props>[^:]*)::(?P<message>.+)$")


def _finding(**changes) -> Finding:
    fields = dict(path="posts/a.md", rule_id="IH110", rule_name="gendered-job-title",
                  category="gendered-language", severity="error", scope="span",
                  message="“salesman” is a gendered job title.", rationale="why", source="src",
                  replacements=(), line=3, column=5, end_line=3, end_column=13, match="salesman",
                  start=20, end=28)
    fields.update(changes)
    return Finding(**fields)


def _render(*findings: Finding, path: str = "posts/a.md") -> str:
    return github.render(LintReport(files=(FileResult(path=path, findings=tuple(findings)),)))


def _props(line: str) -> dict[str, str]:
    m = COMMAND.match(line)
    assert m, line
    return dict(p.split("=", 1) for p in m["props"].split(","))


def test_span_finding_line():
    assert _render(_finding()) == (
        "::error file=posts/a.md,line=3,col=5,endLine=3,endColumn=13,title=IH110 gendered-job-title"
        "::“salesman” is a gendered job title.\n")


def test_replacements_are_appended():
    out = _render(_finding(replacements=("salesperson", "sales rep, senior")))
    assert out.rstrip("\n").endswith("::“salesman” is a gendered job title. "
                                      "Write instead: “salesperson”, “sales rep, senior”.")


@pytest.mark.parametrize(("severity", "command"), [
    ("error", "error"), ("warning", "warning"), ("info", "notice")])
def test_severity_mapping(severity, command):
    assert _render(_finding(severity=severity)).startswith(f"::{command} file=")


def test_message_escaping():
    out = _render(_finding(message="100% sure:\r\nsecond line, with comma"))
    assert out.endswith("::100%25 sure:%0D%0Asecond line, with comma\n")
    assert out.count("\n") == 1


def test_property_escaping():
    out = _render(_finding(path="dir,x/a:b%.md", rule_name="odd,name:here"), path="dir,x/a:b%.md")
    assert "file=dir%2Cx/a%3Ab%25.md," in out
    assert ",title=IH110 odd%2Cname%3Ahere::" in out
    props = _props(out.rstrip("\n"))
    assert props["file"] == "dir%2Cx/a%3Ab%25.md"


def test_document_finding_has_no_position():
    out = _render(_finding(scope="document", line=None, column=None, end_line=None, end_column=None,
                           match=None, start=None, end=None, rule_id="IH701",
                           rule_name="missing-salary-range", severity="warning", message="No pay."))
    assert out == "::warning file=posts/a.md,title=IH701 missing-salary-range::No pay.\n"


def test_multi_line_span_omits_columns():
    out = _render(_finding(end_line=4, end_column=3, match="sales\nman"))
    props = _props(out.rstrip("\n"))
    assert props["line"] == "3" and props["endLine"] == "4"
    assert "col" not in props and "endColumn" not in props


def test_unreadable_file():
    report = LintReport(files=(FileResult(path="bad,file.md", error="not valid UTF-8 (byte 0xe9 at offset 3)"),))
    assert github.render(report) == "::error file=bad%2Cfile.md::not valid UTF-8 (byte 0xe9 at offset 3)\n"


def test_windows_and_dot_slash_paths_are_normalised():
    assert "file=posts/a.md," in _render(_finding(path="./posts\\a.md"))


def test_example_posting_one_line_per_finding():
    report = lint_paths([str(EXAMPLE)])
    lines = github.render(report).splitlines()
    assert len(lines) == len(report.findings)
    for line, f in zip(lines, report.findings, strict=True):
        assert COMMAND.match(line), line
        props = _props(line)
        assert props["title"] == f"{f.rule_id} {f.rule_name}"
        if f.line is not None and f.end_line == f.line:
            assert (int(props["line"]), int(props["col"]), int(props["endColumn"])) == (
                f.line, f.column, f.end_column)


def test_empty_report_prints_nothing():
    assert github.render(LintReport(files=())) == ""


def _cli(*args: str, env: dict[str, str | None]):
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_format_github_via_cli():
    result = _cli("lint", str(EXAMPLE), "-f", "github", env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert all(COMMAND.match(line) for line in result.stdout.splitlines())


def test_auto_picks_github_inside_github_actions():
    result = _cli("lint", str(EXAMPLE), env={"GITHUB_ACTIONS": "true"})
    explicit = _cli("lint", str(EXAMPLE), "-f", "github", env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert result.stdout == explicit.stdout
    assert result.stdout.startswith("::")


@pytest.mark.parametrize("value", [None, "false", "1", ""])
def test_auto_is_concise_off_a_terminal_outside_github_actions(value):
    result = _cli("lint", str(EXAMPLE), env={"GITHUB_ACTIONS": value})
    concise = _cli("lint", str(EXAMPLE), "-f", "concise", env={"GITHUB_ACTIONS": value})
    assert result.stdout == concise.stdout
    assert not result.stdout.startswith("::")
