"""Regexes compiled from word-list phrases at index build time: the surface forms of the
gender-coding phrases whose coded word is not counted ("sales leads")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..text.search import trie_pattern

if TYPE_CHECKING:
    from .index import _Builder
    from .wordlists import Catalog


def gender_extras(catalog: Catalog, builder: _Builder) -> dict[str, Any]:
    """A surface-form regex for the phrases whose coded words are not counted ("sales leads")."""

    phrases = catalog.data.get("gender-coded", {}).get("not_counted", ())
    alternatives = []
    words: set[str] = set()
    for term in builder.tokens(phrases):
        parts = []
        firsts: set[str] = set()
        for i, lemma in enumerate(term.lemmas):
            forms = builder.forms_of(lemma) | {term.orths[i].lower()}
            words |= forms
            if i == 0:
                firsts = {f[0] for f in forms}
            parts.append("(?:" + trie_pattern(sorted(forms)) + ")")
            if i + 1 < len(term.lemmas):
                parts.append(r"\s+" if term.spaces[i] else r"\s*")
        alternatives.append(("".join(parts), firsts))
    alternatives.sort()
    body = _by_first_character(alternatives)
    longest = max((len(p) for p in phrases), default=0)
    return {"not_counted_regex": rf"(?<![^\W_])(?:{body})(?![^\W_])" if body else "",
            # the same without its lookbehind, to look for it in lower case (``AfterNonWord``)
            "not_counted_body": body,
            "not_counted_words": frozenset(words),
            # how far a phrase can reach from its coded word, with room for inflection and spacing
            "not_counted_reach": 2 * longest + 20}


def _by_first_character(alternatives: list[tuple[str, set[str]]]) -> str:
    """``a|b|c...`` (for ``re.I``), grouped by the characters the alternatives can start with:
    ``(?=x)(?:a|c)|(?=y)(?:b)``. At any offset only the group of the character there can match,
    and it holds the alternatives that can, in their order, so the same one matches; but ``re``
    no longer tries each of a hundred alternatives at every word."""
    flat = "|".join(a for a, _ in alternatives)
    if not alternatives:
        return flat
    chars = sorted(set().union(*(f for _, f in alternatives)))
    # Two first characters that are one under re.I (say "k" and the Kelvin sign) would both
    # look ahead at the same text; keep the plain alternation then.
    for i, a in enumerate(chars):
        if any(re.fullmatch(re.escape(a), b, re.I) for b in chars[i + 1:]):
            return flat
    groups = []
    for char in chars:
        members = [a for a, f in alternatives if char in f]
        groups.append(f"(?={re.escape(char)})(?:{'|'.join(members)})")
    return f"(?=[{''.join(re.escape(c) for c in chars)}])(?:{'|'.join(groups)})"
