"""The faster ways of finding things give exactly what the plain regexes they replace give."""

from __future__ import annotations

import random
import re

import pytest

from conftest import FIXTURES
from inclusive_hiring.catalog.matching import _SENTENCE_END_IN_LINE, _sentence_cuts
from inclusive_hiring.lint import kinds as questions
from inclusive_hiring.text import markup, sentences, syllables
from inclusive_hiring.text.search import AfterNonWord, find_phrases, has_phrase, phrase_regex


def _random_texts(pieces: list[str], count: int, seed: int, longest: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "docs").glob("*"))]


def test_sentence_cuts_are_where_the_regex_cuts():
    dotted = frozenset({"etc.", "inc.", "e.g."})
    texts = _random_texts(["ab", "Ab", "é", "x", ". ", "! ", "? ", " ", "A", "B", "etc", "inc", "1", "_", ".", "e.g"],
                          5000, 1) + _fixture_texts()
    for text in texts:
        expected = [m.end() - 1 for m in _SENTENCE_END_IN_LINE.finditer(text)
                    if m.group(1) + text[m.end() - 2] not in dotted]
        assert _sentence_cuts(text, dotted) == expected, text


@pytest.mark.parametrize(("before", "body"), [
    (r"[\w$]", r"(?:pay|pay range|salary)(?![\w])"),
    (r"[\w-]", r"(?:lead|sales)[\w]*(?:-[\w]+)*"),
    (r"[^\W_]", r"(?:sales\s+lead(?:s)?|lead)(?![^\W_])"),
])
def test_after_non_word_finds_what_the_lookbehind_finds(before, body):
    plain = re.compile(f"(?<!{before}){body}")
    fast = AfterNonWord(before, body)
    texts = _random_texts(["pay", "salary", " range", "lead", "sales ", "s", "-", "_", "$", "é", "’", " ", "\n", "x",
                           "1"], 4000, 2)
    for text in texts:
        assert fast.spans(text) == [m.span() for m in plain.finditer(text)], text
        assert fast.search(text) == (plain.search(text) is not None), text
        for pos in (0, 1, 3):
            for endpos in (len(text), len(text) - 2, 5):
                if 0 <= pos <= endpos:
                    expected = [m.span() for m in plain.finditer(text, pos, endpos)]
                    assert fast.spans(text, pos, endpos) == expected, (text, pos, endpos)


def _find_phrases_by_first_words(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """What ``find_phrases`` always did: the regex of the phrases whose first word is in the text."""
    lower = text.lower()
    present = tuple(p for p in phrases if p.lower().split()[0] in lower)
    return [m.span() for m in phrase_regex(present).finditer(text)] if present else []


def test_phrases_are_found_as_by_their_first_words():
    phrases = ("competitive salary", "competitive pay", "pay", "salary negotiable", "DOE", "d.o.e.",
               "equal opportunity employer", "it")
    texts = _random_texts(["competitive", "COMPETITIVE ", " salary", " pay", "pay", " ", "  ", "\n", "negotiable",
                           "doe", "D.O.E.", "equal ", "opportunity ", "employer", "$", "x", "İ", "ı", "ſ", "K", "it",
                           "é"], 6000, 3)
    for text in texts:
        expected = _find_phrases_by_first_words(text, phrases)
        assert [m.span() for m in find_phrases(text, phrases)] == expected, text
        assert [m.span() for m in find_phrases(text, phrases, text.lower())] == expected, text
        assert has_phrase(text, phrases) == bool(expected), text


def test_sentence_ends_are_counted_as_the_regex_counts_them():
    texts = _random_texts([*"aAbZ .!?…\t\"'“‘_1é\nK", "e.g. ", "U.S. "], 8000, 4) + _fixture_texts()
    for text in texts:
        assert sentences.count_sentence_ends(text) == len(sentences.SENTENCE_END.findall(text)), text


def test_syllables_are_pyphen_s():
    import pyphen

    hyphenator = pyphen.Pyphen(lang="en_US")
    words = ["a", "ab", "the", "syllable", "hyphenation", "extraordinarily", "naïve", "İstanbul", "STRASSE",
             "co-operate", "don't", "rhythm", "queueing", "antidisestablishmentarianism"]
    words += _random_texts(list("aeioustrnlpcbyx"), 3000, 5, longest=14)
    for word in words:
        assert syllables.count_syllables(word) == len(hyphenator.positions(word)) + 1, word


def test_question_lines_are_counted_as_the_regex_counts_them():
    texts = _random_texts(["?", "\n", "What", "how ", "  ", "1. ", "tell me about", "x", "?\n", " ?", "Why?", "\t",
                           "Are you"], 6000, 6) + _fixture_texts()
    for text in texts:
        for enough in (1, 2, 5):
            expected = min(len(questions._QUESTION_LINE.findall(text)), enough)
            assert questions._question_lines(text, enough) == expected, text


@pytest.mark.parametrize(("name", "plain"), [
    ("_URL", re.compile(r"(https?://|ftp://|www\.)[^\s<>()\[\]\"']+", re.I)),
    ("_MD_INLINE", re.compile(r"\*+|_+|\\(?=\S)|!\[")),
    ("_CODE_SPAN", re.compile(r"(`+)[^`\n].*?\1", re.S)),
])
def test_markup_patterns_match_as_before(name, plain):
    fast = getattr(markup, name)
    texts = _random_texts(["h", "H", "t", "T", "p", "s", "S", "ſ", "f", "w", "W", ":", "/", ".", " ", "\n", "*", "_",
                           "\\", "!", "[", "`", "a", "http://", "www.", "HTTPS://", "``", "ftp://"], 6000, 7)
    groups = name == "_CODE_SPAN"  # its group 1 (the backticks) is used; the others' are not
    for text in texts + _fixture_texts():
        assert [(m.span(), m.groups() if groups else ()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups() if groups else ()) for m in plain.finditer(text)], text


def test_list_markers_are_the_regex_s():
    texts = _random_texts(["-", "*", "+", "•", " ", "\t", "\n", "a", "- ", "\n  * ", "x-", "·"], 6000, 8)
    for text in texts + _fixture_texts():
        assert markup._list_markers(text) == [m.span() for m in markup._LIST_MARKER.finditer(text)], text


def test_money_cue_test_rules_out_only_texts_without_money():
    from inclusive_hiring.rules.pay_transparency import MONEY, _may_have_money

    pieces = ["$", "£", "€", "USD", "usd", "Eur", "GBP", "cad", "Dollars", "DOLLARS", "ſ", "uſd", "K", "\u212a",
              "50", "1,000", " ", "k", "to", "-", "x", "\n"]
    texts = _random_texts(pieces, 6000, 7, longest=8) + _fixture_texts()
    ruled_out = 0
    for text in texts:
        if not _may_have_money(text, text.lower()):
            ruled_out += 1
            assert MONEY.search(text) is None, text
    assert ruled_out > 500  # the test exercises the fast path, not only the fallback
    assert _may_have_money("pay: 50 uſd", "pay: 50 uſd")  # "ſ" folds onto "s" under re.I
    assert MONEY.search("pay: 50 uſd")
