"""The engine's reading of who a trait names: plural nouns, hire nouns owning a trait through
"from / of / with", possessives, and job phrases that contain a serve verb."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text
from inclusive_hiring.frames.lexicon import load_lexicon


def _rules(text: str) -> set[str]:
    return {f.rule_id for f in lint_text(text, "case.md", "posting").findings if f.scope == "span"}


def test_plurals_of_nouns_carry_the_people_tag_and_plurals_of_adjectives_do_not():
    lex = load_lexicon()
    tags = {p.tokens: p.tags for items in lex.phrases.values() for p in items if p.trait}
    assert "PL" in tags[("filipinos",)]
    assert "PL" not in tags[("filipino",)]
    assert "PL" not in tags[("singles",)]  # plural of the adjective "single"


@pytest.mark.parametrize(("text", "rule"), [
    ("Priority goes to Kenyans for the driver post.", "IH450"),  # strong class, weak frame, plural noun
    ("Priority to Ugandans.", "IH450"),
    ("Applicants from the Kamba community preferred.", "IH440"),  # hire noun owns the trait via "from"
    ("Candidates of Pakistani origin will not be considered.", "IH450"),
    ("Applicants from Eastern Europe need not apply.", "IH450"),
])
def test_strong_classes_fire_when_the_words_name_the_hire(text, rule):
    assert rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Singles nights host wanted for our bar.",  # plural of an adjective is not a person
    "Candidates from a retail background preferred.",  # no trait in the group
    "Candidates from Kenya are encouraged to apply.",  # encouragement
    "Our clinic serves patients from the Kamba community.",  # the people served
])
def test_words_that_do_not_name_the_hire_stay_quiet(text):
    assert not _rules(text) & {"IH440", "IH450", "IH152"}, text


@pytest.mark.parametrize("text", [
    "Run the women's shoe department on Saturdays.",
    "Coach the boys' under-11 football team.",
])
def test_a_possessive_trait_noun_is_whose_not_who(text):
    assert not _rules(text) & {"IH112", "IH113", "IH150"}, text


def test_a_possessive_does_not_hide_a_number_frame():
    assert "IH480" in _rules("Height: 5'6\" and above")


def test_a_job_phrase_with_a_serve_verb_is_still_the_hire():
    assert "IH150" in _rules("Wanted: Tanzanian female house help for a family in Doha.")
    assert "IH150" not in _rules("You will help the family's elderly mother with meals.")
