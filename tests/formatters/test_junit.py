"""`--format junit`: one test case per file; failures, system-out and errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from inclusive_hiring import LintReport, lint_paths
from inclusive_hiring.cli import app
from inclusive_hiring.formatters import junit
from inclusive_hiring.results import FileResult, Finding

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "job-posting.md"

# Only document-level info findings: nothing at warning or above (the same text as tests/test_cli.py).
# A short posting with nothing to flag (shared with other tests).
CLEAN = (Path(__file__).parents[1] / "fixtures" / "clean-posting.md").read_text(encoding="utf-8")


def _junit(paths: list[str]) -> tuple[str, ET.Element]:
    out = junit.render(lint_paths(paths, jobs=1))
    return out, ET.fromstring(out)


def _cases(root: ET.Element) -> dict[str, ET.Element]:
    return {c.get("name"): c for c in root.iter("testcase")}


def test_one_testcase_per_file(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text(CLEAN, encoding="utf-8")
    missing = tmp_path / "missing.md"
    paths = [str(EXAMPLE), str(clean), str(missing)]
    out, root = _junit(paths)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "ih", "tests": "3", "failures": "1", "errors": "1"}
    suites = root.findall("testsuite")
    assert len(suites) == 1 and suites[0].get("name") == "ih lint"
    assert suites[0].get("tests") == "3"
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == paths
    assert {c.get("classname") for c in cases} == {"ih"}


def test_flawed_posting_fails_with_one_line_per_finding():
    report = lint_paths([str(EXAMPLE)])
    root = ET.fromstring(junit.render(report))
    case = _cases(root)[str(EXAMPLE)]
    failure = case.find("failure")
    assert failure is not None
    failing = [f for f in report.findings if f.severity in ("error", "warning")]
    info = [f for f in report.findings if f.severity == "info"]
    assert failure.get("message") == f"{len(failing)} findings"
    assert failure.get("type") == "error"
    lines = failure.text.splitlines()
    assert len(lines) == len(failing)
    assert f"{failing[0].line or 1}:{failing[0].column or 1}: {failing[0].rule_id} [{failing[0].severity}] " \
        in lines[0]
    assert any(" IH110 [error] " in line for line in lines)
    system_out = case.find("system-out")
    assert system_out is not None and len(system_out.text.splitlines()) == len(info)
    assert case.find("error") is None


def test_clean_posting_passes(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text(CLEAN, encoding="utf-8")
    _, root = _junit([str(clean)])
    case = _cases(root)[str(clean)]
    assert case.find("failure") is None and case.find("error") is None
    out = case.find("system-out")
    assert out is not None and "[info]" in out.text  # info findings are reported, not failed
    assert root.get("failures") == "0"


def test_unreadable_file_is_an_error(tmp_path):
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x00\x01 binary")
    _, root = _junit([str(binary)])
    case = _cases(root)[str(binary)]
    error = case.find("error")
    assert error is not None and error.get("message") == "binary file, not text"
    assert case.find("failure") is None
    assert root.get("errors") == "1" and root.get("failures") == "0"


def test_warning_only_type_and_singular_message():
    f = Finding(path="a.md", rule_id="IH510", rule_name="jargon-job-title", category="jargon",
                severity="warning", scope="span", message="“ninja” <is> & jargon\x01.", rationale="r",
                source="s", line=2, column=3, end_line=2, end_column=8, match="ninja")
    out = junit.render(LintReport(files=(FileResult(path="a.md", findings=(f,)),)))
    failure = ET.fromstring(out).find("testsuite/testcase/failure")
    assert failure.get("message") == "1 finding" and failure.get("type") == "warning"
    assert failure.text == "2:3: IH510 [warning] “ninja” <is> & jargon\ufffd."


def test_deterministic_and_no_timestamps(tmp_path):
    args = ["lint", str(EXAMPLE), str(tmp_path / "missing.md"), "-f", "junit"]
    first = CliRunner().invoke(app, args)
    second = CliRunner().invoke(app, args)
    assert first.exit_code == 2
    assert first.stdout == second.stdout
    assert "timestamp" not in first.stdout and "time=" not in first.stdout
    ET.fromstring(first.stdout)
