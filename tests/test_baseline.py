"""`--write-baseline` / `--baseline`: deterministic file, line-shift survival, new findings reported,
malformed baselines rejected with exit 2; and the shared fingerprint scheme."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inclusive_hiring import lint_paths
from inclusive_hiring.ci.baseline import BaselineError, baseline_path, build, filter_report, read
from inclusive_hiring.cli import app
from inclusive_hiring.formatters import sarif
from inclusive_hiring.results import fingerprint, fingerprints, occurrences

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "job-posting.md"

POSTING = """# Sales Engineer

We're looking for an aggressive salesman who can hit the ground running.
The salesman will own the full sales cycle.

- Native English speaker
"""


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("postings").mkdir()
    Path("postings/sales.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


def concise(result) -> list[str]:
    return result.stdout.splitlines()


def test_fingerprints_are_the_sarif_ones():
    report = lint_paths([str(EXAMPLE)], jobs=1)
    findings = report.files[0].findings
    log = sarif.to_sarif(report)
    got = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in log["runs"][0]["results"]]
    assert got == fingerprints(findings)
    assert got == [fingerprint(f, n) for f, n in zip(findings, occurrences(findings), strict=True)]


def test_occurrences_count_per_rule_and_text(lint):
    findings = [f for f in lint(POSTING + "\nA SALESMAN.\n", "p.md").findings if f.rule_id == "IH110"]
    assert [f.match for f in findings] == ["salesman", "salesman", "SALESMAN"]
    assert occurrences(findings) == [0, 1, 2]   # case folded: the same text
    assert len(set(fingerprints(findings))) == 3


def test_write_then_read_reports_nothing(project):
    written = invoke("lint", "postings", "--write-baseline", "ih-baseline.json", "-f", "concise")
    assert written.exit_code == 0, written.output
    assert concise(written) == []
    assert "ih: wrote ih-baseline.json:" in written.stderr
    doc = json.loads(Path("ih-baseline.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1 and doc["tool"] == "ih"
    assert list(doc["fingerprints"]) == ["postings/sales.md"]
    prints = doc["fingerprints"]["postings/sales.md"]
    assert prints == sorted(prints) and len(prints) == len(set(prints)) > 3
    again = invoke("lint", "postings", "--baseline", "ih-baseline.json", "-f", "concise")
    assert again.exit_code == 0 and concise(again) == []


def test_baseline_file_is_deterministic(project):
    invoke("lint", "postings", "--write-baseline", "one.json")
    invoke("lint", "postings/", "--write-baseline", "two.json")
    invoke("lint", "./postings/sales.md", "--write-baseline", "three.json")
    one = Path("one.json").read_bytes()
    assert one == Path("two.json").read_bytes() == Path("three.json").read_bytes()
    assert one.endswith(b"}\n")


def test_baseline_survives_a_line_shift_and_reports_a_new_finding(project):
    invoke("lint", "postings", "--write-baseline", "ih-baseline.json")
    shifted = "<!-- intro -->\n\nA new first paragraph.\n\n" + POSTING.replace(
        "hit the ground running.", "hit the\nground running.") + "\nWe need a chairman.\n"
    Path("postings/sales.md").write_text(shifted, encoding="utf-8")
    result = invoke("lint", "postings", "--baseline", "ih-baseline.json", "-f", "concise")
    assert result.exit_code == 1
    lines = concise(result)
    assert len(lines) == 1, lines
    assert "IH110" in lines[0] and "chairman" in lines[0]


def test_a_third_identical_phrase_is_new(project):
    invoke("lint", "postings", "--write-baseline", "ih-baseline.json")
    Path("postings/sales.md").write_text(POSTING + "\nA salesman again.\n", encoding="utf-8")
    result = invoke("lint", "postings", "--baseline", "ih-baseline.json", "-f", "json")
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["rule_id"], f["match"], f["line"]) for f in findings] == [("IH110", "salesman", 8)]


def test_fixed_findings_simply_disappear(project):
    invoke("lint", "postings", "--write-baseline", "ih-baseline.json")
    Path("postings/sales.md").write_text(POSTING.replace("Native English speaker", "Fluent in English"),
                                         encoding="utf-8")
    result = invoke("lint", "postings", "--baseline", "ih-baseline.json", "-f", "concise")
    assert result.exit_code == 0 and concise(result) == []


def test_baseline_filters_each_format(project):
    invoke("lint", "postings", "--write-baseline", "ih-baseline.json")
    for fmt in ("json", "sarif", "junit", "github", "human"):
        result = invoke("lint", "postings", "--baseline", "ih-baseline.json", "-f", fmt)
        assert result.exit_code == 0, (fmt, result.output)
        assert "IH110" not in result.stdout, fmt


def test_write_baseline_refuses_when_a_file_cannot_be_read(project):
    result = invoke("lint", "postings", "missing.md", "--write-baseline", "ih-baseline.json")
    assert result.exit_code == 2
    assert "not writing the baseline" in result.stderr
    assert not Path("ih-baseline.json").exists()


@pytest.mark.parametrize(("content", "message"), [
    ('{"version": 1, "tool": "ih", "fingerprints": [', "not valid JSON (line 1"),
    ("[]", "not an ih baseline"),
    ('{"version": 2, "tool": "ih", "fingerprints": {}}', "unsupported version 2"),
    ('{"version": 1, "tool": "ih", "fingerprints": {"a.md": "abc"}}', "must map each path"),
    (b"\xff\xfe", "not valid UTF-8"),
])
def test_malformed_baseline_exits_2_with_one_line(project, content, message):
    path = Path("bad.json")
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = Path("postings/sales.md").read_bytes()
    result = invoke("lint", "postings", "--baseline", "bad.json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("ih: error: baseline bad.json: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert Path("postings/sales.md").read_bytes() == before
    with pytest.raises(BaselineError, match=r"bad\.json"):
        read("bad.json")


def test_missing_baseline_exits_2(project):
    result = invoke("lint", "postings", "--baseline", "nope.json")
    assert result.exit_code == 2
    assert "baseline nope.json: no such file" in result.stderr


def test_baseline_paths_are_normalised():
    assert baseline_path("./postings/a.md") == "postings/a.md"
    assert baseline_path("postings\\a.md") == "postings/a.md"
    assert baseline_path("<stdin>") == "<stdin>"


def test_build_and_filter_round_trip():
    report = lint_paths([str(EXAMPLE)], jobs=1)
    doc = build(report)
    known = {k: frozenset(v) for k, v in doc["fingerprints"].items()}
    assert filter_report(report, known).findings == []
    assert filter_report(report, {}).findings == report.findings
