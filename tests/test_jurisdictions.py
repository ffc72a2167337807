"""The jurisdiction table as data: shape, dates and sources, provenance, and what it adds up to."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from inclusive_hiring.jurisdictions import (
    REQUIRES,
    WHAT,
    data_path,
    expand,
    load_jurisdictions,
    requirements,
    suggest,
)
from inclusive_hiring.yamlio import DataError

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
