"""IH604 by technology age: a year count above the age of the technology named after it."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text
from inclusive_hiring.catalog.wordlists import load_catalog
from inclusive_hiring.rules.technology_age import technologies, too_old

TABLE = {("kubernetes",): 2014, ("react", "native"): 2015, ("react",): 2013, ("aws",): 2006}


def _ih604(text: str) -> list[str]:
    return [f.match for f in lint_text(text, kind="posting").findings if f.rule_id == "IH604"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Must have 13 years of Kubernetes.", [(13, "Kubernetes", 2014)]),
    ("12-14 yrs with React Native required", [(12, "React Native", 2015)]),
    ("12 years of React Native", [(12, "React Native", 2015)]),
])
def test_counts_above_the_age_are_found(text: str, expected: list[tuple[int, str, int]]) -> None:
    assert [(y, n, r) for _, _, y, n, r in too_old(text, TABLE, 2026)] == expected


@pytest.mark.parametrize("text", [
    "Must have 12 years of Kubernetes.",           # exactly as old as the tool
    "10-14 years of React Native",                 # a range counts from its lower bound
    "11 years of React Native",                    # exactly as old as the tool
    "20 years in software, including 5 years of AWS.",  # the count nearest the name decides
    "15 years in retail. Kubernetes is a plus.",   # another sentence
    "Our AWS account is 15 years old.",            # no year count before the name
])
def test_plausible_counts_are_quiet(text: str) -> None:
    assert too_old(text, TABLE, 2026) == []


def test_the_shipped_table_is_read_from_the_word_list() -> None:
    cues = load_catalog().data["requirement-inflation"]["cues"]
    table = technologies(cues)
    assert table[("kubernetes",)] == 2014
    assert table[("amazon", "web", "services")] == 2006
    assert isinstance(cues["technology_as_of"], int)


def test_lint_reports_the_demand_once() -> None:
    assert _ih604("You bring 15 years of experience with Kubernetes.") == ["15 years of experience with Kubernetes"]
    # "16+ years" is already an excessive-tenure finding of the word lists: no second finding
    assert len(_ih604("Must have 16+ years' experience with Docker.")) == 1
    assert _ih604("You bring 5 years of experience with Kubernetes.") == []
