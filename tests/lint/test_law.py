"""Findings cite the equality law of the posting's legal system: configured, or shown by its
currency and places; the word lists' US citations never reach a posting under another system."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text
from inclusive_hiring.catalog.equality import default_equality_law, load_equality_law
from inclusive_hiring.catalog.wordlists import default_catalog
from inclusive_hiring.lint.law import legal_system
from inclusive_hiring.yamlio import DataError

LAW = default_equality_law()


@pytest.mark.parametrize(("text", "code"), [
    ("Care assistant, Leeds. £11.44 an hour.", "UK"),
    ("Barista in Galway, €13.50 per hour.", "IE"),
    ("Warehouse associate in Mississauga, Ontario: $19 an hour.", "CA"),
    ("Nurse in Brisbane, Queensland. AUD 85,000.", "AU"),
    ("Developer in Berlin, 60.000 EUR.", "EU"),
    ("Cook wanted in Mumbai. Salary Rs. 15,000 per month.", "INTL"),
    ("Cashier in Austin, Texas: $15 an hour.", "US"),
    ("Cashier needed. Apply in store.", "US"),  # no signal: the default
    ("We pay $50,000 and have offices in Canada and the United States.", "US"),  # a tie stays US
    # a currency only one country writes outweighs a place name that is also a town elsewhere...
    ("Leaflet distributor, Perth and Kinross. £95 a day.", "UK"),
    ("Line cook in London, Ontario. CAD 18 an hour.", "CA"),
    # ...and "$", which several countries write, counts less than a place
    ("Barista in Sydney, $28 an hour.", "AU"),
    # as does "€", which two systems share: a company's euro turnover does not move a Manila job
    ("Lab assistant in Manila, Philippines. Our group's sales there were €90 million.", "INTL"),
])
def test_the_posting_shows_its_legal_system(text, code):
    system, how = legal_system(text, (), LAW)
    assert system.code == code, how
    assert how.startswith("shown by") or (code == "US" and how == "default")


def test_configured_jurisdictions_win_over_the_text():
    assert legal_system("Salary £30,000, London.", ("US-CO",), LAW)[0].code == "US"
    assert legal_system("Salary $30,000, Denver.", ("UK",), LAW)[0].code == "UK"
    assert legal_system("Pay CAD 50,000.", ("CA-ON",), LAW)[0].code == "CA"


def test_a_uk_posting_cites_the_equality_act_and_says_why():
    result = lint_text("Shop assistant, Bristol. £24,000 a year.\n\nRecent graduates only.\n", "job.md")
    age = next(f for f in result.findings if f.category == "age")
    assert "Equality Act 2010" in age.message and "shown by" in age.message and "“£”" in age.message
    assert "over 40" not in age.message and "older applicants" in age.message
    assert age.source.startswith("Equality Act 2010") and "Equality Act 2010" in age.rationale


def test_a_us_posting_keeps_the_us_citations():
    result = lint_text("Shop assistant, Dallas, Texas. $31,000 a year.\n\nRecent graduates only.\n", "job.md")
    age = next(f for f in result.findings if f.category == "age")
    assert "Equality Act" not in age.message and "29 CFR 1625.4" in age.source


def _rules_with_examples():
    for rule in default_catalog().rules.values():
        if rule.scope == "span" and rule.kind == "posting" and not rule.example.startswith("(") \
                and rule.category not in ("organization", "suppression"):
            yield pytest.param(rule, id=rule.id)


@pytest.mark.parametrize("rule", list(_rules_with_examples()))
def test_a_pound_posting_is_never_told_about_us_law(rule):
    text = f"Care worker, Manchester. Pay: £11.50 - £12.50 an hour.\n\n{rule.example}\n"
    result = lint_text(text, "job.md")
    us_law = LAW.us_law_regex
    for finding in result.findings:
        for field in (finding.message, finding.rationale, finding.source):
            assert not us_law.search(field), (finding.rule_id, field)


def test_the_data_file_is_validated(tmp_path):
    bad = tmp_path / "law.yml"
    bad.write_text("families: {age: age}\nsystems:\n  US: {name: x, law: y, source: z}\n"
                   "  UK:\n    name: x\n    law: y\n    source: z\n    notes: {ages: nope}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"law\.yml:8: system UK: unknown family 'ages'"):
        load_equality_law(bad)
    assert set(LAW.systems) >= {"US", "UK", "IE", "CA", "AU", "EU", "INTL"}
    weights = tmp_path / "weights.yml"
    weights.write_text("weights: {currency: 3, town: 1}\nsystems:\n  US: {name: x, law: y, source: z}\n",
                       encoding="utf-8")
    with pytest.raises(DataError, match=r"weights\.yml:1: 'weights' maps"):
        load_equality_law(weights)


def test_an_explicit_preference_cites_the_law_of_its_family():
    """The explicit-preference rules share one category; each maps to its family by rule id."""
    result = lint_text("Cashier, Leeds. Salary £22,000 - £24,000.\n\nOnly males will be considered.\n", "job.md")
    sex = next(f for f in result.findings if f.rule_id == "IH150")
    assert "Equality Act 2010" in sex.message and "sex is protected" in sex.message
