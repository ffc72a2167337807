"""Runs every case file in tests/fixtures/rules/IH###.yml (one file per rule)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).parent / "fixtures" / "rules"


def _cases():
    for path in sorted(CASES_DIR.glob("IH*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            places = tuple(case.get("jurisdictions", data.get("jurisdictions", ())))
            yield pytest.param(data["rule"], case, data.get("kind", "posting"), places,
                               id=f"{data['rule']}-{case['name']}")


def _config(places: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The configuration a case asks for: ``jurisdictions:`` (in the file or the case)."""
    from inclusive_hiring.config import load_config

    return load_config(no_config=True, cli_overrides={"jurisdictions": list(places)})


@pytest.mark.parametrize(("rule_id", "case", "kind", "places"), list(_cases()))
def test_rule_case(lint, engine, rule_id, case, kind, places):
    text = case.get("fail", case.get("pass"))
    assert isinstance(text, str), "a case needs a 'fail' or a 'pass' text"
    result = engine.lint(text, "case.md", kind, _config(places)) if places else lint(text, "case.md", kind)
    hits = [f for f in result.findings if f.rule_id == rule_id]
    if "fail" in case:
        assert hits, f"{rule_id} did not flag: {text!r}"
        if "match" in case:
            matches = [(f.match or "").lower() for f in hits]
            assert case["match"].lower() in matches, f"expected {case['match']!r}, got {matches}"
        if "severity" in case:
            assert {f.severity for f in hits} == {case["severity"]}, [f.message for f in hits]
        if "message" in case:
            assert any(case["message"] in f.message for f in hits), [f.message for f in hits]
    else:
        assert not hits, f"{rule_id} wrongly flagged {[f.match for f in hits]} in {text!r}"


def test_every_span_rule_has_cases():
    from inclusive_hiring.catalog import default_catalog

    have = {p.stem for p in CASES_DIR.glob("IH*.yml")}
    missing = [r.id for r in default_catalog().rules.values()
               if r.scope == "span" and r.id not in have]
    assert not missing, f"rules without a case file: {missing}"


def test_case_files_have_fail_and_pass():
    for path in sorted(CASES_DIR.glob("IH*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds = {("fail" if "fail" in c else "pass") for c in data["cases"]}
        assert kinds == {"fail", "pass"}, path.name
