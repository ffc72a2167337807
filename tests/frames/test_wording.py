"""frames/wording.py: a wording rule's word inside a name, or quoted as a word, describes nobody."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text
from inclusive_hiring.frames.analysis import frame_engine
from inclusive_hiring.frames.wording import mentioned, not_used, wording_data


def _at(text: str, word: str) -> bool:
    start = text.index(word)
    return not_used(text, start, start + len(word), frame_engine().lexicon)


@pytest.mark.parametrize(("text", "word"), [
    ("Text the word “HERO” to 60777 for a call back.", "HERO"),
    ("Reply with the keyword 'NINJA' and we will ring you.", "NINJA"),
    ('Watch the talk titled "Why we stopped hiring rockstars" before the interview.', "rockstars"),
])
def test_quoted_mentions(text, word):
    assert _at(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ('We need a "rockstar" to run our night shift.', "rockstar"),          # scare quotes
    ('Our slogan: "Hustle every day".', "Hustle"),                         # the employer's voice
    ("Text me if you're a guru, it's quick.", "guru"),                    # apostrophes, no quotation
])
def test_uses_are_not_mentions(text, word):
    assert not _at(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("Staff get discounts at Warrior Ninja Studios across the city.", "Ninja"),
    ("Answer questions about the Wizard platform from our enterprise clients.", "Wizard"),
    ("Last year we won the Hustle Award for small employers.", "Hustle"),
    ("The charity's shop, Superhero Kids, needs a volunteer manager.", "Superhero"),
    ("Customer Success Hero Award Winner 2022", "Hero"),                   # headline, name word after
    ("Send the signed forms to Mr Watchman in the site office.", "Watchman"),
    ("Send the signed forms to Dr. Watchman in the site office.", "Watchman"),
])
def test_names(text, word):
    assert _at(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("Rockstar engineering hires get a laptop on day one.", "Rockstar"),    # first word of the sentence
    ("We Want A Rockstar Salesperson For Our Company", "Rockstar"),         # Title Case headline
    ("Join us as a Support Hero for our retail customers.", "Hero"),        # a title, no name word
    ("our guru app team", "guru"),                                          # lower case
])
def test_not_names(text, word):
    assert not _at(text, word)


def test_mentioned_needs_a_closing_quote_nearby():
    line = 'Text the word "GURU to 60777 and wait for a call back from the recruitment team'
    start = line.index("GURU")
    assert not mentioned(line, start, start + 4, wording_data().mention_cues)


def test_data_lists_the_wording_categories():
    data = wording_data()
    assert {"jargon", "gendered-language"} <= data.categories
    assert "word" in data.mention_cues and "app" in data.name_nouns and "mr" in data.honorifics


def test_whole_posting_keeps_the_hire_title_and_drops_the_name():
    text = ("Rockstar Recruitment Ltd is hiring for a client.\n"
            "We want a rockstar developer who loves clean code.\n")
    matches = [f.match for f in lint_text(text, "posting.md").findings if f.rule_id == "IH510"]
    assert matches == ["rockstar"]
