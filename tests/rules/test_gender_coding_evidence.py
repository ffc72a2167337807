"""IH101's gender-coding verdict: counted words are traits, not stem collisions, and it names them."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text


def _coded(text: str) -> tuple[list[str], list[str]]:
    coding = lint_text(text, "posting.md").metrics["gender_coding"]
    return coding["masculine"], coding["feminine"]


@pytest.mark.parametrize("text", [
    "Your grade will be determined upon selection, and pay has been determined by the county.",
    "You will brief the elections committee and the commissioners in Hartford, Connecticut.",
    "Kindly send your CV; you will prepare tenders and report to the shareholders.",
    "Duties and responsibilitiesmanage the office diary.",          # scraped text glued together
    "You will determine eligibility and keep case files confidential.",
    "Clients include the Superior Court and the Armed Forces; you will file intellectual property forms.",
    "Gentlemen's outfitter in Leeds seeks a tailor for the kindergarten uniform range.",
])
def test_stem_collisions_are_not_counted(text):
    masculine, feminine = _coded(text)
    assert masculine == [] and feminine == [], (masculine, feminine)


@pytest.mark.parametrize(("text", "word"), [
    ("We want determined people who push every project over the line.", "determined"),
    ("You are competitive, assertive and decisive.", "assertive"),
    ("You are kind to customers and share what you learn.", "kind"),
    ("You will support a committed team.", "committed"),
])
def test_traits_still_counted(text, word):
    masculine, feminine = _coded(text)
    assert word in masculine + feminine


def test_verdict_names_its_words_and_ignores_collisions():
    text = ("We want an aggressive, competitive, decisive and dominant leader who thrives in a fiercely "
            "competitive market and is driven to win every deal. Pay will be determined upon selection "
            "by the committee in Connecticut.")
    result = lint_text(text, "posting.md")
    coding = result.metrics["gender_coding"]
    assert "determined" not in coding["masculine"]
    assert not {"committee", "connecticut"} & set(coding["feminine"])
    [finding] = [f for f in result.findings if f.rule_id == "IH101"]
    assert "aggressive" in finding.message and "decisive" in finding.message
    assert all({"word", "coding", "line", "column"} <= set(m) for m in coding["matches"])


def test_collisions_alone_give_no_verdict():
    text = ("Salary will be determined upon selection. The committee meets in Connecticut; committee "
            "members are determined by the commissioners. Kindly apply by Friday.")
    assert lint_text(text, "posting.md").metrics["gender_coding"]["verdict"] == "neutral"
