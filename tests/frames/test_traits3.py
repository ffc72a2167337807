"""Engine capabilities added for religion, health, origin and LGBTQ (h/traits3): a class noun
after "a" names a person, a lawful basis ignores role words that name a referee, and a trait
phrase's trigger word is not a common word (the engine reads few extra sentences)."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text
from inclusive_hiring.frames.bases import load_bases
from inclusive_hiring.frames.lexicon import load_lexicon


def _rules(text: str) -> set[str]:
    return {f.rule_id for f in lint_text(text, "case.md", "posting").findings if f.scope == "span"}


def _all_rules(text: str) -> set[str]:
    return {f.rule_id for f in lint_text(text, "case.md", "posting").findings}


@pytest.mark.parametrize(("text", "rule"), [
    ("Preferably a Sikh.", "IH470"),  # strong class, weak frame: "a" + class noun is a person
    ("Ideally an Emirati, with a clean driving record.", "IH450"),
    ("The right candidate is a devout Jain.", "IH470"),  # one plain word between "a" and the noun
])
def test_a_class_noun_after_an_article_names_a_person(text, rule):
    assert rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Preferably a Catholic school leaver with good grades.",  # the class excludes "school" after it
    "Ideally a Christian bookshop background.",  # another word follows: an adjective, not a person
    "Preferably Hindi and English.",  # a language, no article
])
def test_an_adjective_before_another_word_is_not_a_person(text):
    assert not _rules(text) & {"IH470", "IH450"}


def test_a_role_word_naming_a_referee_is_not_a_religious_role():
    secular = "Office clerk\n\nMust profess the Christian faith.\n\nEnclose a letter from your vicar."
    role = "Parish vicar wanted\n\nMust profess the Christian faith and lead services."
    assert "IH470" in _rules(secular)
    assert "IH490" not in _all_rules(secular)
    assert "IH470" not in _rules(role)
    assert "IH490" in _all_rules(role)


def test_basis_not_after_checks_the_three_words_before_each_cue():
    data = {"bases": [{"id": "b", "name": "b", "scope": "document", "covers": ["religion"],
                       "cues": ["pastor"], "not_after": ["your", "from"]}]}
    basis = load_bases(data)[0][0]
    assert not basis.found_in("A reference from your pastor.", "a reference from your pastor.")
    assert not basis.found_in("A letter from the church pastor.", "a letter from the church pastor.")
    assert basis.found_in("Youth pastor wanted.", "youth pastor wanted.")
    # one referee mention does not hide a second, role mention
    text = "a letter from your pastor. the assistant pastor leads services."
    assert basis.found_in(text, text)


def test_new_trait_phrases_do_not_trigger_on_common_words():
    lex = load_lexicon()
    common = {"experience", "term", "leave", "relationship", "record", "difficulty", "back", "heart",
              "wearing", "history", "problems"}
    assert not lex.triggers & common
