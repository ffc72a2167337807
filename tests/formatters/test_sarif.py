"""`--format sarif`: valid SARIF 2.1.0, positions, stable fingerprints, notifications, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inclusive_hiring import lint_paths
from inclusive_hiring.cli import app
from inclusive_hiring.formatters import sarif

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "job-posting.md"
SCHEMA = Path(__file__).parents[2].parent / "shared" / "reference" / "sarif-schema-2.1.0.json"

POSTING = """# Sales Engineer

We're looking for an aggressive salesman who can hit the ground running.
The salesman will own the full sales cycle.

- Native English speaker
- Competitive salary, depending on experience
"""


def _sarif(*paths: str) -> dict:
    return json.loads(sarif.render(lint_paths(list(paths), jobs=1)))


def _results(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


@pytest.fixture(scope="module")
def example_log() -> dict:
    return _sarif(str(EXAMPLE))


def test_validates_against_the_official_schema(tmp_path, example_log):
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)  # the schema declares its draft
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    missing = tmp_path / "missing.md"
    for log in (example_log, _sarif(str(EXAMPLE), str(missing))):
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        assert errors == [], "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_log_shape(example_log):
    assert example_log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert example_log["version"] == "2.1.0"
    assert len(example_log["runs"]) == 1
    run = example_log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "ih"
    import inclusive_hiring

    assert driver["version"] == inclusive_hiring.__version__
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert "timestamp" not in json.dumps(example_log).lower()


def test_rules_are_the_distinct_rule_ids_sorted(example_log):
    findings = lint_paths([str(EXAMPLE)]).findings
    rules = example_log["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted({f.rule_id for f in findings})
    by_id = {r["id"]: r for r in rules}
    ih110 = by_id["IH110"]
    assert ih110["name"] == "gendered-job-title"
    assert ih110["shortDescription"]["text"] == "Gendered job title"
    assert ih110["fullDescription"]["text"]
    assert ih110["helpUri"] == ("https://github.com/inclusive-hiring/ih/blob/main/docs/rules.md"
                                "#ih110-gendered-job-title")
    assert ih110["properties"] == {"category": "gendered-language", "tags": ["gendered-language"]}
    assert ih110["defaultConfiguration"]["level"] == "error"
    assert by_id["IH102"]["shortDescription"]["text"] == "Gender coded trait"
    for result in _results(example_log):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_help_uri_anchors_exist_in_docs(example_log):
    import re

    headings = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    anchors = {f"{m[1].lower()}-{m[2]}" for m in re.finditer(r"^### (IH\d{3}) (\S+)$", headings, re.M)}
    for rule in example_log["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"].split("#", 1)[1] in anchors


def test_results_match_findings(example_log):
    findings = lint_paths([str(EXAMPLE)]).findings
    results = _results(example_log)
    assert len(results) == len(findings)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for f, r in zip(findings, results, strict=True):
        assert r["ruleId"] == f.rule_id
        assert r["level"] == levels[f.severity]
        assert r["message"]["text"].startswith(f.message)
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == EXAMPLE.as_uri()  # an absolute path was given
        region = location["region"]
        if f.line is None:
            assert region == {"startLine": 1}
        else:
            assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
            assert (region["endLine"], region["endColumn"]) == (f.end_line, f.end_column)
            assert region["snippet"]["text"] == f.match


def test_end_column_is_exclusive(example_log):
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    salesman = next(r for r in _results(example_log) if r["ruleId"] == "IH110")
    region = salesman["locations"][0]["physicalLocation"]["region"]
    line = lines[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "salesman"


def test_replacements_are_in_the_message(example_log):
    salesman = next(r for r in _results(example_log) if r["ruleId"] == "IH110")
    assert salesman["message"]["text"].endswith(" Write instead: “salesperson”.")


def test_relative_path_uses_srcroot(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub dir").mkdir()
    (tmp_path / "sub dir" / "post.md").write_text(POSTING, encoding="utf-8")
    location = _results(_sarif("sub dir/post.md"))[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "sub%20dir/post.md", "uriBaseId": "%SRCROOT%"}


def test_absolute_path_is_a_file_uri(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(POSTING, encoding="utf-8")
    artifact = _results(_sarif(str(path)))[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"].startswith("file:///")
    assert artifact["uri"].endswith("/post.md")
    assert "uriBaseId" not in artifact


def _fingerprinted(log: dict) -> list[tuple[str, str, int]]:
    return [(r["ruleId"], r["partialFingerprints"]["ihFingerprint/v1"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in _results(log)]


def test_fingerprints_survive_a_line_shift(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "post.md"
    path.write_text(POSTING, encoding="utf-8")
    before = _fingerprinted(_sarif("post.md"))
    path.write_text("\n\n\n" + POSTING, encoding="utf-8")
    after = _fingerprinted(_sarif("post.md"))
    assert len(before) == len(after) > 3
    span_count = 0
    for (rule_a, print_a, line_a), (rule_b, print_b, line_b) in zip(before, after, strict=True):
        assert rule_a == rule_b
        assert print_a == print_b
        assert len(print_a) == 16 and int(print_a, 16) >= 0
        if line_a != 1:  # span findings move down; document findings stay on line 1
            assert line_b == line_a + 3
            span_count += 1
    assert span_count >= 3


def test_repeated_match_gets_distinct_fingerprints(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(POSTING, encoding="utf-8")
    salesmen = [p for rule, p, _ in _fingerprinted(_sarif(str(path))) if rule == "IH110"]
    assert len(salesmen) == 2
    assert salesmen[0] != salesmen[1]
    prints = [p for _, p, _ in _fingerprinted(_sarif(str(path)))]
    assert len(set(prints)) == len(prints)


def test_output_is_byte_identical_across_runs(tmp_path):
    missing = str(tmp_path / "missing.md")
    first = CliRunner().invoke(app, ["lint", str(EXAMPLE), missing, "-f", "sarif"])
    second = CliRunner().invoke(app, ["lint", str(EXAMPLE), missing, "-f", "sarif"])
    assert first.stdout == second.stdout
    assert first.stdout.endswith("\n")
    assert first.exit_code == 2
    json.loads(first.stdout)


def test_unreadable_file_is_a_notification(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(POSTING, encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    log = _sarif("post.md", "binary.md", "missing.md")
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == [
        "binary.md", "missing.md"]
    assert all(n["level"] == "error" for n in notes)
    assert notes[0]["message"]["text"] == "binary file, not text"
    assert notes[1]["message"]["text"] == "no such file or directory"
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in _results(log)} == {"post.md"}


def test_clean_report_has_an_empty_run(tmp_path):
    log = json.loads(sarif.render(lint_paths([], jobs=1)))
    run = log["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


@pytest.mark.parametrize(("name", "short"), [
    ("gender-coded-trait", "Gender coded trait"),
    ("lgbtq-exclusion", "LGBTQ exclusion"),
    ("missing-eeo-statement", "Missing EEO statement"),
    ("native-speaker", "Native speaker"),
])
def test_short_description(name, short):
    assert sarif.short_description(name) == short
