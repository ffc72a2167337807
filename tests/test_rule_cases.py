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
            settings = {**data.get("config", {}), **case.get("config", {})}
            if places:
                settings["jurisdictions"] = list(places)
            yield pytest.param(data["rule"], case, data.get("kind", "posting"), settings,
                               id=f"{data['rule']}-{case['name']}")


def _config(settings: dict):  # type: ignore[no-untyped-def]
    """The configuration a case asks for: ``jurisdictions:`` or ``config:`` (.ih.yaml keys, in the
    file or the case)."""
    from inclusive_hiring.config import load_config

    return load_config(no_config=True, cli_overrides=settings)


@pytest.mark.parametrize(("rule_id", "case", "kind", "settings"), list(_cases()))
def test_rule_case(lint, rule_id, case, kind, settings):
    from inclusive_hiring.lint.linter import get_linter

    text = case.get("fail", case.get("pass"))
    assert isinstance(text, str), "a case needs a 'fail' or a 'pass' text"
    if settings:
        config = _config(settings)
        result = get_linter(config.index_entries).lint(text, "case.md", kind, config)
    else:
        result = lint(text, "case.md", kind)
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


def test_every_rule_has_cases():
    from inclusive_hiring.catalog.wordlists import default_catalog

    have = {p.stem for p in CASES_DIR.glob("IH*.yml")}
    missing = [r.id for r in default_catalog().rules.values() if r.id not in have]
    assert not missing, f"rules without a case file: {missing}"


def test_case_files_have_fail_and_pass():
    for path in sorted(CASES_DIR.glob("IH*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds = {("fail" if "fail" in c else "pass") for c in data["cases"]}
        assert kinds == {"fail", "pass"}, path.name
