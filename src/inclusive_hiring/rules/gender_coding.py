"""IH101: document-level gender-coding balance from the density of Gaucher et al. (2011) stems."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..text.search import AfterNonWord, folds_like_ascii, trie_pattern
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..lint.facts import Facts

RULE_ID = "IH101"


@functools.cache
def _compiled(stems: tuple[str, ...], not_counted: str, not_counted_body: str
              ) -> tuple[re.Pattern[str] | None, AfterNonWord | None, AfterNonWord]:
    # A whole word (hyphenated compounds included) that starts with a stem: the matches of
    # (?<![\w-])(?:stem|...)\w*(?:-\w+)*. The compound is one word: "data-driven" starts with
    # "data", so it is not counted as "driven". It runs on the lower-cased text: faster than re.I.
    words = AfterNonWord(r"[\w-]", "(?:" + trie_pattern(sorted(set(stems))) + r")[\w]*(?:-[\w]+)*")
    # Phrases whose coded word is not counted ("sales leads"), every inflection spelled out by the
    # index builder from the lemma table; and the same for the lower-cased text, without re.I,
    # where that finds the same (ASCII phrases: see ``text/search.py``, ``folds_like_ascii``).
    excluded = re.compile(not_counted, re.I) if not_counted else None
    excluded_lower = None
    if excluded is not None and not_counted_body and not_counted_body.isascii():
        excluded_lower = AfterNonWord(r"[^\W_]", rf"(?:{not_counted_body})(?![^\W_])")
    return excluded, excluded_lower, words


@functools.cache
def _not_traits(entries: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The stem collisions of ``stems.not_traits``: whole words, and word beginnings (``x*``)."""
    words = frozenset(e for e in entries if not e.endswith("*"))
    return words, tuple(e[:-1] for e in entries if e.endswith("*"))


@functools.cache
def _lowered(*lists: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each word list in lower case (once per process, not once per document)."""
    return tuple(tuple(x.lower() for x in words) for words in lists)


def coded_words(facts: Facts) -> list[tuple[str, str, int, int]]:
    """Every coded word as (coding, word, start, end) with offsets in the normalised text; a word
    that only shares a stem's letters ("committee", "Connecticut") is not counted."""
    stems = facts.data["gender-coded"]["stems"]
    not_traits, masculine, feminine = _lowered(tuple(stems.get("not_traits", ())), tuple(stems["masculine"]),
                                               tuple(stems["feminine"]))
    not_words, not_prefixes = _not_traits(not_traits)
    excluded_re, excluded_lower, words = _compiled(
        masculine + feminine, facts.extras.get("not_counted_regex", ""),
        facts.extras.get("not_counted_body", ""))
    text = facts.prepared.normal
    lower = facts.prepared.lower
    if len(lower) != len(text):  # a rare letter whose lower case is longer ("İ")
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if excluded_lower is not None and not folds_like_ascii(text):
        excluded_lower = None
    reach = int(facts.extras.get("not_counted_reach", 80))
    phrase_words = facts.extras.get("not_counted_words", frozenset())
    found: list[tuple[str, str, int, int]] = []
    for start, end in words.spans(lower):
        word = lower[start:end]
        if word in not_words or word.startswith(not_prefixes):
            continue
        # Only a word that occurs in some phrase, and only the text around it, can be excluded.
        if excluded_re is not None and (word in phrase_words or not phrase_words.isdisjoint(word.split("-"))):
            begin, stop = max(0, start - reach), end + reach
            spans = excluded_lower.spans(lower, begin, stop) if excluded_lower is not None \
                else [x.span() for x in excluded_re.finditer(text, begin, stop)]
            if any(a <= start < b for a, b in spans):
                continue
        coding = "masculine" if word.startswith(masculine) else "feminine"
        found.append((coding, word, start, end))
    return found


def verdict(masculine: int, feminine: int, words: int, min_density: float,
            min_balance: float, min_total: int = 1) -> tuple[str, float, float, float]:
    """(label, masculine per 100 words, feminine per 100 words, balance). Fewer than ``min_total``
    coded words in all is too little evidence for any label but neutral."""
    total = masculine + feminine
    balance = (masculine - feminine) / total if total else 0.0
    m_density = 100.0 * masculine / words if words else 0.0
    f_density = 100.0 * feminine / words if words else 0.0
    if total < max(1, min_total) or abs(balance) < 1 / 3:
        label = "neutral"
    elif balance > 0:
        strong = balance >= min_balance and m_density >= min_density
        label = "strongly masculine-coded" if strong else "masculine-coded"
    else:
        strong = -balance >= min_balance and f_density >= min_density
        label = "strongly feminine-coded" if strong else "feminine-coded"
    return label, round(m_density, 3), round(f_density, 3), round(balance, 3)


def gender_coding(facts: Facts) -> dict[str, Any]:
    """The ``gender_coding`` metric: the coded words, their densities and the verdict."""
    found = coded_words(facts)
    masculine = [w for c, w, _, _ in found if c == "masculine"]
    feminine = [w for c, w, _, _ in found if c == "feminine"]
    words = len(facts.words)
    min_density = float(facts.option(RULE_ID, "min_masculine_per_100"))
    min_balance = float(facts.option(RULE_ID, "min_balance"))
    min_total = int(facts.option(RULE_ID, "min_coded_words"))
    label, m_density, f_density, balance = verdict(
        len(masculine), len(feminine), words, min_density, min_balance, min_total)
    matches = []
    for coding, word, start, _end in found:
        line, column = facts.prepared.position(facts.prepared.to_original(start))
        matches.append({"word": word, "coding": coding, "line": line, "column": column})
    return {
        "masculine": masculine, "feminine": feminine, "verdict": label,
        "masculine_per_100_words": m_density, "feminine_per_100_words": f_density,
        "balance": balance, "matches": matches,
    }


def check(ctx: Context) -> None:
    coding = ctx.facts.gender_coding
    masculine: list[str] = coding["masculine"]
    feminine: list[str] = coding["feminine"]
    if coding["verdict"] == "strongly masculine-coded" and len(masculine) >= int(
            ctx.option(RULE_ID, "min_masculine_words")):
        top = sorted(set(masculine), key=lambda w: (-masculine.count(w), w))[:6]
        ctx.emit(RULE_ID, (
            f"Strongly masculine-coded: {len(masculine)} masculine vs {len(feminine)} feminine "
            f"coded words ({coding['masculine_per_100_words']:.1f} per 100 words), e.g. {', '.join(top)}."),
            replacements=("Describe the work and its outcomes in neutral terms",))


RULE = DocumentRule(ids=(RULE_ID,), check=check,
                    options=((RULE_ID, "min_masculine_per_100"), (RULE_ID, "min_balance"),
                             (RULE_ID, "min_masculine_words"), (RULE_ID, "min_coded_words")))
