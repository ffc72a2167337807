"""The engine's faster searches (issue 14, the speed floor) find exactly what the plain regexes
they stand for find: the legal-system signals, the pay figures, the frames' age-limit cue and
the frame regexes tried only where a token starts."""

from __future__ import annotations

import random
import re

import pytest

from conftest import FIXTURES
from inclusive_hiring.text.search import StartsAfter


def _random_texts(pieces: list[str], count: int, seed: int, longest: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "docs").glob("*"))]


@pytest.mark.parametrize(("body", "before", "flags"), [
    (r"(?:Leeds|London|New York|York|UK)(?![\w-])", r"[\w-]", 0),
    (r"(?P<sign>£|Rs|KSh|US\$)\.?\s?\d", r"[\w.]", 0),
    (r"(?:over|under|older than)\s+\d{2}(?!\d)", r"[\w]", 0),
    (r"(?:over|é)\w*", r"\w", re.I),
])
def test_starts_after_finds_what_the_lookbehind_finds(body, before, flags):
    plain = re.compile(f"(?<!{before}){body}", flags)
    fast = StartsAfter(body, before, flags)
    pieces = ["Leeds", "London", "New ", "York", "UK", "-", "x", " ", "\n", "£", "Rs", ".", "KSh", "US$", "5", "30",
              "over", "under", "older than ", "é", "_", "O", "ſ"]
    for text in _random_texts(pieces, 4000, 11):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for pos, endpos in ((0, None), (1, None), (3, len(text) - 2), (2, 6)):
            if endpos is not None and not 0 <= pos <= endpos:
                continue
            expected = plain.search(text, pos) if endpos is None else plain.search(text, pos, endpos)
            got = fast.search(text, pos, endpos)
            assert (got.span() if got else None) == (expected.span() if expected else None), (text, pos, endpos)


def test_legal_system_tokens_are_the_regexes_matches():
    from inclusive_hiring.catalog.equality import default_equality_law

    signals = default_equality_law().signals
    places = sorted({p for s in default_equality_law().systems.values() for p in s.places})[:40]
    signs = sorted({c for s in default_equality_law().systems.values() for c in s.currency})
    pieces = [*places, *signs, " ", "-", ".", "x", "5", "30,000", "\n", "_", "é"]
    for text in _random_texts(pieces, 3000, 12, longest=12) + _fixture_texts():
        expected = [("currency", m.group("sign")) for m in signals.currency.finditer(text)]
        expected += [("place", m.group()) for m in signals.places.finditer(text)]
        assert signals.tokens(text) == expected, text


def test_pay_figures_are_the_money_regex_matches():
    from inclusive_hiring.rules.pay_transparency import MONEY, money_figures

    pieces = ["$", "£", "₹", "1", "23", "4,000", ".5", "k", "K", " ", "USD", "usd", "Rs.", "rs", "ksh", "KSh", "x",
              "-", "dollars", "zł", "m", "million", ".", " to ", "Tk", "Tk.", "\u212a", "uſd", "١٢", "\n"]
    texts = _random_texts(pieces, 8000, 13) + _fixture_texts()
    assert any(MONEY.search(t) for t in texts)
    for text in texts:
        assert [m.span() for m in money_figures(text)] == [m.span() for m in MONEY.finditer(text)], text


def test_age_limit_cue_is_the_lookbehind_regex_and_needs_two_digits():
    from inclusive_hiring.frames.analysis import _TWO_DIGITS, frame_engine

    cue = frame_engine().number_cue
    assert cue is not None
    words = ["over", "under", "above", "below", "older than", "not older than", "aged", "the age of"]
    plain = re.compile(r"(?<![\w])" + cue.body.pattern)
    pieces = [*words, " ", "  ", "\n", "30", "5", "100", "x", "discover", "-", "é", " the age of "]
    found = 0
    for text in _random_texts(pieces, 5000, 14, longest=10):
        expected = [m.start() for m in plain.finditer(text)]
        assert [m.start() for m in cue.finditer(text)] == expected, text
        if expected:
            found += 1
            assert _TWO_DIGITS.search(text), text
    assert found > 20


def _encoded_windows() -> list[str]:
    """The encoded windows of every candidate sentence of the fixtures and of some written ones."""
    from inclusive_hiring.frames.analysis import Analysis, frame_engine
    from inclusive_hiring.text.markup import prepare
    from inclusive_hiring.text.words import WORD_RE

    texts = [
        *_fixture_texts(),
        "We want a young, energetic female cashier aged 20-28.",
        "Only male candidates need apply. Women are not considered.",
        "Christians preferred; Muslim applicants need not apply.",
        "Seeking native English speakers under 35 with no disability.",
        "Applicants must be American citizens. Height: 5'8\" minimum, slim build.",
        "Female, 21-30\nCook: male\nAge below 40 only",
    ]
    out = []
    for text in texts:
        prepared = prepare(text, "x.md")
        analysis = Analysis(frame_engine(), prepared, WORD_RE.findall(prepared.lower))
        out += [encoded for sentence in analysis.candidate_sentences() for _, encoded, _ in sentence.windows]
    return out


def test_frame_regexes_tried_at_token_starts_find_what_finditer_finds():
    from inclusive_hiring.frames.analysis import frame_engine

    windows = _encoded_windows()
    assert len(windows) > 10
    rng = random.Random(15)
    # The windows' tokens joined out of order, with or without the marks of a sentence's start
    # and end (only ever first and last): matches at other places than in the text.
    tokens = [t + "\x03" for window in windows for t in window.strip("\x04\x05").split("\x03") if t]
    windows += [("\x04" if rng.random() < 0.5 else "") + "".join(rng.choice(tokens) for _ in range(rng.randint(1, 12)))
                + ("\x05" if rng.random() < 0.5 else "") for _ in range(1500)]
    compiled = [c for frame in frame_engine().frames for c in frame.regexes]
    matched = 0
    for encoded in windows:
        for c in compiled:
            expected = [m.span() for m in c.regex.finditer(encoded) if m.end() > m.start()]
            assert c.spans(encoded) == expected, (c.regex.pattern[:80], encoded)
            matched += bool(expected)
    assert matched > 50


def test_a_frame_pattern_that_can_match_nothing_is_run_as_a_plain_regex():
    from inclusive_hiring.frames.pattern import compile_pattern

    optional = compile_pattern("(only)? (WORD)?", {"TA"}, "test")
    for encoded in ("\x01only\x02 WORD \x03", "\x04\x01x\x02 PUNCT \x03\x01only\x02 WORD \x03\x05", "\x04\x05"):
        expected = [m.span() for m in optional.regex.finditer(encoded) if m.end() > m.start()]
        assert optional.spans(encoded) == expected, encoded
    assert optional.spans("\x01only\x02 WORD \x03") == [(0, 13)]


def _has_range_by_windows(text: str) -> bool:
    """What ``has_range`` always did: RANGE searched in a window around each run of digits."""
    from inclusive_hiring.rules.pay_transparency import RANGE

    last_end = -1
    for digits in re.finditer(r"\d+", text):
        if digits.start() < last_end:
            continue
        begin, end = max(0, digits.start() - 60), digits.end() + 60
        if RANGE.search(text, begin, end):
            return True
        last_end = end - 30
    return False


def test_pay_range_is_found_where_the_window_search_finds_it():
    from inclusive_hiring.rules.pay_transparency import has_range

    pieces = ["$", "£", "1", "23", "4,000", ".5", "k", "K", " ", "USD", "Rs.", "x", "-", " to ", "per hour",
              " and ", "GS-", "12", "a" * 50, "\n", "KSh", "Tk."]
    texts = _random_texts(pieces, 10000, 16, longest=25) + _fixture_texts()
    found = 0
    for text in texts:
        expected = _has_range_by_windows(text)
        assert has_range(text) == expected, text
        found += expected
    assert 100 < found < len(texts) - 100
