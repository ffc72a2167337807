"""The jurisdiction table as data: shape, dates and sources, provenance, and what it adds up to."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from inclusive_hiring.catalog.jurisdictions import (
    REQUIRES,
    WHAT,
    data_path,
    expand,
    load_jurisdictions,
    requirements,
    suggest,
)
from inclusive_hiring.yamlio import DataError

ROOT = Path(__file__).resolve().parents[1]

DOMAIN = Path(__file__).resolve().parents[2] / "shared" / "reference" / "domain.md"
#: the places the issue and the reference name; every one must be in the table
REQUIRED_CODES = ("US-CA", "US-CO", "US-NY", "US-NYC", "US-WA", "US-IL", "US-MD", "US-MA", "US-MN", "US-VT",
                  "US-HI", "US-DC", "US-NJ", "US-DE", "US-CT", "US-RI", "US-NV", "US-NJ-JERSEY-CITY",
                  "US-OH-CLEVELAND", "US-OH-COLUMBUS", "CA-ON", "CA-BC", "CA-PE", "EU")


@pytest.fixture(scope="module")
def table():
    return load_jurisdictions()


def test_every_entry_has_as_of_source_and_a_valid_shape(table):
    assert set(REQUIRED_CODES) <= set(table)
    for code, j in table.items():
        assert j.code == code and j.name and j.source.strip(), code
        assert dt.date.fromisoformat(j.as_of) <= dt.date.today(), code
        pay = j.pay_transparency
        assert pay.what in WHAT and set(pay.requires) <= set(REQUIRES), code
        assert pay.note.strip(), code
        if pay.required:
            assert pay.what in ("range", "range+benefits"), code
        assert j.salary_history_ban in (True, False, None), code
        if j.parent:
            assert j.parent in table, code


def test_sources_cite_the_reference_and_the_header_says_to_reverify():
    text = data_path().read_text(encoding="utf-8")
    assert "shared/reference/domain.md" in text and "RE-VERIFY" in text
    for j in load_jurisdictions().values():
        assert "domain.md §3" in j.source, j.code


@pytest.mark.skipif(not DOMAIN.is_file(), reason="the shared domain reference is not checked out here")
def test_every_date_comes_from_the_domain_reference(table):
    """Each in-force and salary-history date is written in the reference ("1 Jan 2021")."""
    reference = DOMAIN.read_text(encoding="utf-8")
    missing = []
    for j in table.values():
        pay = j.pay_transparency
        for value in (pay.in_force, pay.enforced_from, j.salary_history_since):
            if value is None:
                continue
            day = dt.date.fromisoformat(value)
            written = f"{day.day} {day.strftime('%b')} {day.year}"
            if written not in reference:
                missing.append((j.code, written))
    assert not missing, missing


@pytest.mark.skipif(not DOMAIN.is_file(), reason="the shared domain reference is not checked out here")
def test_headcounts_come_from_the_domain_reference(table):
    reference = DOMAIN.read_text(encoding="utf-8")
    section = reference[reference.index("## 3. Pay transparency"):reference.index("### 3.1")]
    for j in table.values():
        count = j.pay_transparency.applies_from_employees
        if count and count > 1:
            assert re.search(rf"\b{count}\+? employees|\b{count}\+|≥{count}|{count} or more", section), j.code


def test_known_facts(table):
    co, on, nyc, ca = table["US-CO"], table["CA-ON"], table["US-NYC"], table["US-CA"]
    assert co.pay_transparency.what == "range+benefits" and "application-deadline" in co.pay_transparency.requires
    assert on.pay_transparency.max_range_spread == 50000 and on.pay_transparency.exempt_above == 200000
    assert nyc.parent == "US-NY" and nyc.pay_transparency.applies_from_employees == 4
    assert ca.salary_history_ban and ca.salary_history_since == "2018-01-01"
    assert table["US-CT"].pay_transparency.what == "on-request" and not table["US-CT"].pay_transparency.required
    assert table["US-AL"].salary_history_ban is False


def test_requirements_combine_places_and_parents(table):
    req = requirements(["US-NYC", "US-CO", "CA-ON", "US-DE"], on=dt.date(2026, 6, 1))
    assert req.range_required == ("US-NYC", "US-NY", "US-CO", "CA-ON")
    assert req.benefits_required == ("US-CO",)
    assert req.pending == ("US-DE",)
    assert req.extra["application-deadline"] == ("US-CO",) and req.extra["ai-use-disclosure"] == ("CA-ON",)
    assert req.max_range_spread == (50000, "CA-ON")
    assert set(req.salary_history_ban) == {"US-NYC", "US-NY", "US-CO", "US-DE"}
    assert req.names(("US-CO", "CA-ON")) == "Colorado, Ontario"
    assert requirements(["US-DE"], on=dt.date(2028, 1, 1)).range_required == ("US-DE",)
    assert requirements(["CA-ON"], on=dt.date(2025, 6, 1)).pending == ("CA-ON",)
    assert expand(["US-NJ-JERSEY-CITY", "US-NJ"]) == ("US-NJ-JERSEY-CITY", "US-NJ")
    assert requirements(["US-WA", "US-MN"]).rejects_open_ended == ("US-WA", "US-MN")


@pytest.mark.parametrize(("typed", "near"), [("us-col", "US-CO"), ("Colorado", "US-CO"), ("Ontario", "CA-ON"),
                                             ("new york city", "US-NYC"), ("CA-ONT", "CA-ON"), ("UK", None)])
def test_suggestions(typed, near):
    assert suggest(typed) == near


@pytest.mark.parametrize(("body", "expected"), [
    ("as_of: 2026-01-01\njurisdictions:\n  US-CO:\n    nme: x\n", ":4: unknown key 'nme' in jurisdiction US-CO "
                                                                  "(did you mean 'name'?)"),
    ("as_of: 2026-01-01\njurisdictions:\n  colorado: {}\n", ":3: jurisdiction code 'colorado' must look like"),
    ("as_of: 2026\njurisdictions: {}\n", ":1: 'as_of' must be a date"),
])
def test_the_loader_is_strict(tmp_path, body, expected):
    path = tmp_path / "j.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_jurisdictions(path)
    assert expected in str(err.value)


def test_a_bad_field_names_its_line(tmp_path):
    text = data_path().read_text(encoding="utf-8").replace("what: range+benefits", "what: range+perks", 1)
    path = tmp_path / "j.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"j\.yml:\d+: 'what' must be one of"):
        load_jurisdictions(path)


# --------------------------------------------------------------------------- rule effects as data

def test_rules_declare_their_jurisdiction_effects():
    from inclusive_hiring.catalog.wordlists import default_catalog

    rules = default_catalog().rules
    facts = {rid: rules[rid].jurisdictions.fact for rid in ("IH701", "IH702", "IH720", "IH721", "IH920")}
    assert facts == {"IH701": "range-required", "IH702": "open-ended-rejected", "IH720": "salary-history-ban",
                     "IH721": "salary-history-ban", "IH920": "salary-history-ban"}


def test_apply_effects_regrades_only_the_rules_that_declare_one():
    from inclusive_hiring.catalog.jurisdictions import apply_effects
    from inclusive_hiring.catalog.wordlists import default_catalog
    from inclusive_hiring.results import Finding

    rules = default_catalog().rules

    def finding(rule_id: str) -> Finding:
        rule = rules[rule_id]
        return Finding(path="a.md", rule_id=rule_id, rule_name=rule.name, category=rule.category,
                       severity=rule.severity, scope=rule.scope, message="Message.", rationale="",
                       source="")

    found = [finding("IH720"), finding("IH510"), finding("IH701")]
    banned = apply_effects(found, rules, ("US-NYC",))
    assert [f.severity for f in banned] == ["error", rules["IH510"].severity, "error"]
    assert banned[0].message == "Message. Banned in New York City (US-NYC), New York State (US-NY)."
    assert banned[1] is found[1]
    assert banned[2].message.endswith("required by law in New York City (US-NYC), New York State (US-NY).")
    elsewhere = apply_effects(found, rules, ("US-AL",))
    assert elsewhere[0].severity == "warning" and "No ban applies in Alabama (US-AL)" in elsewhere[0].message
    assert elsewhere[2] is found[2]  # IH701 has no "elsewhere": unchanged
    # A posting law that is enacted but not yet in force is not applied (Delaware, 2027).
    assert apply_effects([found[2]], rules, ("US-DE",), on=dt.date(2026, 11, 1))[0] is found[2]


@pytest.mark.parametrize(("block", "expected"), [
    ("jurisdictions: {fact: salary-ban, where: {note: 'In {places}.'}}", "unknown fact 'salary-ban'"),
    ("jurisdictions: {fact: salary-history-ban, where: {note: 'Banned.'}}", "must name the places"),
    ("jurisdictions: {fact: salary-history-ban}", "needs 'where'"),
    ("jurisdictions: {fact: salary-history-ban, where: {severity: fatal, note: '{places}'}}",
     "unknown severity 'fatal'"),
    ("jurisdictions: {fact: requires:tipped-wage, wher: {}}", "unknown jurisdictions key 'wher'"),
])
def test_a_bad_effect_in_a_word_list_is_a_data_error(tmp_path, block, expected):
    from inclusive_hiring.catalog.wordlists import load_catalog

    text = (ROOT / "wordlists" / "salary-history.yml").read_text(encoding="utf-8")
    start = text.index("    jurisdictions:\n")
    end = text.index("  - id: IH721")
    (tmp_path / "salary-history.yml").write_text(text[:start] + "    " + block + "\n" + text[end:],
                                                 encoding="utf-8")
    with pytest.raises(DataError, match=expected):
        load_catalog(tmp_path)


@pytest.mark.parametrize(("text", "bounds"), [
    ("$60,000 - $150,000", (60000, 150000)),
    ("$70k-$130k", (70000, 130000)),
    ("$80 - 140k", (80000, 140000)),
    ("85,000 to 105,000 USD", (85000, 105000)),
    ("$25 - $40 per hour", None),
    ("$25 - $40", None),
    ("GS-13", None),
    ("$90,000 - $90,000", None),
])
def test_yearly_bounds(text, bounds):
    from inclusive_hiring.rules.posting_law import yearly_bounds

    assert yearly_bounds(text) == bounds
