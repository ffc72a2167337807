"""--format gitlab: GitLab's Code Quality report, added as docs/architecture.md says a format is
added (one module in formatters/ and one FORMATS entry)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from inclusive_hiring import lint_paths
from inclusive_hiring.formatters import FORMATS, gitlab
from inclusive_hiring.results import fingerprints


def test_each_finding_is_a_code_quality_issue(tmp_path: Path):
    posting = tmp_path / "job.md"
    posting.write_text("# Sales\n\nWe need a salesman. We need a salesman.\n", encoding="utf-8")
    report = lint_paths([str(posting)])
    issues = json.loads(gitlab.render(report))
    assert len(issues) == len(report.findings)
    by_rule = [i for i in issues if i["check_name"] == "IH110"]
    assert len(by_rule) == 2 and {i["severity"] for i in by_rule} == {"major"}
    assert by_rule[0]["location"] == {"path": str(posting), "lines": {"begin": 3}}
    assert "salesperson" in by_rule[0]["description"]
    # the same phrase twice gets two fingerprints (GitLab would show only one of equal prints)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert [i["fingerprint"] for i in issues] == fingerprints(report.files[0].findings)
    doc = next(i for i in issues if i["check_name"] == "IH701")
    assert doc["location"]["lines"]["begin"] == 1 and doc["severity"] == "minor"


def test_the_cli_offers_every_registered_format(tmp_path: Path):
    assert "gitlab" in FORMATS
    posting = tmp_path / "job.md"
    posting.write_text("We need a salesman.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "inclusive_hiring", "lint", "-f", "gitlab", str(posting)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 1, out.stderr
    assert {i["check_name"] for i in json.loads(out.stdout)} >= {"IH110"}
