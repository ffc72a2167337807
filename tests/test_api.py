"""The library API: lint_text, lint_paths, Finding, FileResult and LintReport.to_dict()."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "job-posting.md"
DOCS = Path(__file__).parent / "fixtures" / "docs"


def test_public_names_import():
    from inclusive_hiring import FileResult, Finding, LintReport, lint_paths, lint_text

    assert callable(lint_text) and callable(lint_paths)
    assert dataclasses.is_dataclass(Finding)
    assert dataclasses.is_dataclass(FileResult) and dataclasses.is_dataclass(LintReport)


def test_unknown_attribute_raises():
    import inclusive_hiring

    with pytest.raises(AttributeError):
        inclusive_hiring.no_such_name  # noqa: B018


def test_lint_text_returns_findings():
    from inclusive_hiring import Finding, lint_text

    result = lint_text("We need a rockstar salesman.")
    assert result.path == "<text>"
    assert result.error is None
    assert result.findings and all(isinstance(f, Finding) for f in result.findings)
    hit = next(f for f in result.findings if f.rule_id == "IH110")
    assert (hit.match, hit.line, hit.column, hit.scope) == ("salesman", 1, 20, "span")
    assert hit.replacements and all(isinstance(r, str) for r in hit.replacements)
    assert "{match}" not in hit.message and "salesman" in hit.message
    assert list(result.findings) == sorted(result.findings)


def test_finding_is_frozen():
    from inclusive_hiring import lint_text

    finding = lint_text("We need a salesman.").findings[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.message = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 99  # type: ignore[misc]


def test_file_result_findings_are_finding_objects():
    from inclusive_hiring import FileResult, Finding, lint_paths

    report = lint_paths([str(EXAMPLE)])
    (result,) = report.files
    assert isinstance(result, FileResult)
    assert isinstance(result.findings, tuple)
    assert len(result.findings) > 10
    assert all(isinstance(f, Finding) for f in result.findings)
    assert all(f.path == str(EXAMPLE) for f in result.findings)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.error = "x"  # type: ignore[misc]


def test_finding_to_dict_keys_are_the_wire_schema():
    from inclusive_hiring import lint_text

    for f in lint_text("We need a salesman.").findings:
        assert list(f.to_dict()) == [
            "rule_id", "rule_name", "category", "severity", "scope", "line", "column",
            "end_line", "end_column", "match", "message", "rationale", "replacements", "source"]


def _cli_json(*args: str) -> dict:
    from inclusive_hiring.cli import app

    result = CliRunner().invoke(app, ["lint", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("target", [EXAMPLE, DOCS], ids=["example", "fixture-dir"])
def test_report_to_dict_equals_cli_json(target):
    from inclusive_hiring import lint_paths

    report = lint_paths([str(target)])
    assert _cli_json(str(target)) == report.to_dict()


def test_report_to_dict_equals_cli_json_with_errors(tmp_path):
    from inclusive_hiring import lint_paths

    (tmp_path / "bad.md").write_bytes(b"caf\xe9")
    (tmp_path / "good.md").write_text("We need a salesman.\n", encoding="utf-8")
    report = lint_paths([str(tmp_path)])
    assert [r.path for r in report.errors] == [str(tmp_path / "bad.md")]
    from inclusive_hiring.cli import app

    result = CliRunner().invoke(app, ["lint", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == report.to_dict()


def test_summary_counts():
    from inclusive_hiring import lint_paths

    report = lint_paths([str(DOCS)])
    summary = report.summary()
    assert summary["files"] == len(report.files)
    assert summary["findings"] == len(report.findings)
    for key, values in (("by_severity", [f.severity for f in report.findings]),
                        ("by_category", [f.category for f in report.findings])):
        assert summary[key] == {v: values.count(v) for v in sorted(set(values))}


def test_lint_paths_jobs_gives_same_report():
    from inclusive_hiring import lint_paths

    assert lint_paths([str(DOCS)], jobs=1).to_dict() == lint_paths([str(DOCS)], jobs=2).to_dict()


def test_one_engine_per_entry_set():
    """get_engine() and get_engine(()) are the same engine: the index is loaded once per run."""
    from inclusive_hiring.lint.linter import get_linter as get_engine

    assert get_engine() is get_engine(()) is get_engine(tuple())
