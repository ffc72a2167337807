"""Syllable counts for the reading grade, as textstat 0.7.8 counts words missing from CMUdict:
pyphen's bundled en_US hyphenation dictionary, ``len(positions(word)) + 1``.

:class:`SyllableCounter` holds the counts of one process: the index's counts for the commonest
words, then others as they come (at most ``cache_size`` of those, then started afresh). The
linter owns one; nothing here is module state.
"""

from __future__ import annotations

import functools
from operator import itemgetter
from typing import Any

#: What the counter keeps besides the known words before it starts afresh.
CACHE_SIZE = 65536


@functools.cache
def _hyphenator():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def use_parsed_patterns(patterns: Any) -> None:
    """Give pyphen the en_US patterns the index parsed once (pyphen keeps them per path)."""
    import pyphen

    if patterns is not None:
        pyphen.hdcache.setdefault(pyphen.LANGUAGES[pyphen.language_fallback("en_US")], patterns)


def pattern_prefixes(patterns: dict[str, object]) -> frozenset[str]:
    """Every prefix of every hyphenation pattern (:func:`count_syllables` stops at any other)."""
    return frozenset(key[:j] for key in patterns for j in range(1, len(key) + 1))


@functools.cache
def _patterns() -> tuple[dict[str, tuple[int, tuple[int, ...]]], frozenset[str], int] | None:
    """pyphen's en_US patterns, with every prefix of a pattern (None if pyphen's are not the
    plain integer patterns :func:`count_syllables` knows)."""
    hd = _hyphenator().hd
    patterns = getattr(hd, "patterns", None)
    if not isinstance(patterns, dict) or not all(
            type(v) is int for _, values in patterns.values() for v in values):
        return None  # pragma: no cover - pyphen changed
    prefixes = getattr(hd, "ih_prefixes", None)  # the index's copy of the patterns has them
    if not isinstance(prefixes, frozenset):
        prefixes = pattern_prefixes(patterns)
    return patterns, prefixes, hd.maxlen


def can_count_fast() -> bool:
    """Whether pyphen's patterns are the plain ones :func:`count_syllables` reads directly."""
    return _patterns() is not None


def count_syllables(word: str) -> int:
    """``len(pyphen.Pyphen(lang="en_US").positions(word)) + 1``, computed the same way (Liang's
    patterns over ".word.") but without trying substrings that no pattern starts with."""
    found = _patterns()
    if found is None:  # pragma: no cover - pyphen changed
        return len(_hyphenator().positions(word)) + 1
    patterns, prefixes, maxlen = found
    pointed = f".{word.lower()}."
    size = len(pointed)
    references = [0] * (size + 1)
    for i in range(size - 1):
        for j in range(i + 1, min(i + maxlen, size) + 1):
            piece = pointed[i:j]
            if piece not in prefixes:
                break
            pattern = patterns.get(piece)
            if pattern:
                k = i + pattern[0]
                for value in pattern[1]:
                    if value > references[k]:
                        references[k] = value
                    k += 1
    # pyphen's positions are the odd references less one, kept from 2 to len(word) - 2
    return sum(value & 1 for value in references[3:len(word)]) + 1


class SyllableCounter:
    """Counts syllables, once per distinct word, starting from ``known`` counts."""

    def __init__(self, known: dict[str, int] | None = None, cache_size: int = CACHE_SIZE) -> None:
        self._known = dict(known or {})
        self._cache_size = cache_size
        self._counts: dict[str, int] = dict(self._known)

    def _restart(self) -> None:
        self._counts = dict(self._known)

    def __call__(self, word: str) -> int:
        count = self._counts.get(word)
        if count is None:
            if len(self._counts) >= self._cache_size + len(self._known):
                self._restart()
            count = self._counts[word] = count_syllables(word)
        return count

    def total(self, words: list[str]) -> int:
        """The syllables of ``words`` (a document's), counting each new word once."""
        new = set(words).difference(self._counts)
        if len(self._counts) + len(new) > self._cache_size + len(self._known):
            self._restart()
            new = set(words).difference(self._counts)
        for word in new:
            self(word)
        counts = self._counts
        return sum(itemgetter(*words)(counts)) if len(words) > 1 else counts[words[0]]
