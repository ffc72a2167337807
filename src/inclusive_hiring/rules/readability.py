"""IH801/IH802: Flesch-Kincaid reading grade and mean sentence length.

The formula is textstat's Flesch-Kincaid grade. Syllables are counted the way textstat 0.7.8 counts
words missing from CMUdict: with pyphen's bundled en_US hyphenation dictionary (textstat's own
dependency), once per distinct word. textstat's CMUdict lookup is skipped because loading it costs
about 1.3 s per process, more than linting a hundred postings. Words are the context's words;
sentences end at ``. ! ? …`` before a capital letter or a quote (not after a single letter, as in
"e.g." or "U.S."), and at every line break (a list item or heading is a sentence of its own).
"""

from __future__ import annotations

import functools
import re
from operator import itemgetter

from ..context import WORD_RE, Context

# A sentence end inside a line: more text follows on the same line, starting with a capital or quote.
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])[.!?…]+(?=[ \t]*[A-Z\"'“‘])")
# The same ends, faster (a pattern that starts with a lookbehind is tried at every offset): the
# runs of stops before a capital, then the lookbehind by hand (see ``_count_sentence_ends``).
_STOP_RUN = re.compile(r"[.!?…]+(?=[ \t]*[A-Z\"'“‘])")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD_CHAR = re.compile(r"\w")


@functools.cache
def _hyphenator():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="en_US")


#: syllables per word: the index's common words (``_KNOWN``), then others as they come (at most
#: ``_CACHE_SIZE`` of those, then started afresh)
_SYLLABLES: dict[str, int] = {}
_KNOWN: dict[str, int] = {}
_seeded = False
_CACHE_SIZE = 65536


def _restart() -> None:
    _SYLLABLES.clear()
    _SYLLABLES.update(_KNOWN)


def use_known_syllables(known: dict[str, int]) -> None:
    """Start the syllable cache from the index's counts for common words (``index.py``)."""
    global _KNOWN, _seeded
    _KNOWN = known
    _seeded = True
    _restart()


def syllables(word: str) -> int:
    count = _SYLLABLES.get(word)
    if count is None:
        if len(_SYLLABLES) >= _CACHE_SIZE + len(_KNOWN):
            _restart()
        count = _SYLLABLES[word] = len(_hyphenator().positions(word)) + 1 \
            if _patterns() is None else _count_syllables(word)
    return count


@functools.cache
def _patterns() -> tuple[dict[str, tuple[int, tuple[int, ...]]], frozenset[str], int] | None:
    """pyphen's en_US patterns, with every prefix of a pattern (None if pyphen's are not the
    plain integer patterns ``_count_syllables`` knows)."""
    hd = _hyphenator().hd
    patterns = getattr(hd, "patterns", None)
    if not isinstance(patterns, dict) or not all(
            type(v) is int for _, values in patterns.values() for v in values):
        return None  # pragma: no cover - pyphen changed
    prefixes = getattr(hd, "ih_prefixes", None)  # the index's copy of the patterns has them
    if not isinstance(prefixes, frozenset):
        prefixes = pattern_prefixes(patterns)
    return patterns, prefixes, hd.maxlen


def pattern_prefixes(patterns: dict[str, object]) -> frozenset[str]:
    """Every prefix of every hyphenation pattern (``_count_syllables`` stops at any other)."""
    return frozenset(key[:j] for key in patterns for j in range(1, len(key) + 1))


def _count_syllables(word: str) -> int:
    """``len(pyphen.Pyphen(lang="en_US").positions(word)) + 1``, computed the same way (Liang's
    patterns over ".word.") but without trying substrings that no pattern starts with."""
    patterns, prefixes, maxlen = _patterns()  # type: ignore[misc]
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


def grade(words: list[str], sentences: int) -> float | None:
    if not words or not sentences:
        return None
    new = set(words).difference(_SYLLABLES)
    if len(_SYLLABLES) + len(new) > _CACHE_SIZE + len(_KNOWN):
        _restart()
        new = set(words).difference(_SYLLABLES)
    for word in new:
        syllables(word)
    total = sum(itemgetter(*words)(_SYLLABLES)) if len(words) > 1 else _SYLLABLES[words[0]]
    value = 0.39 * (len(words) / sentences) + 11.8 * (total / len(words)) - 15.59
    return round(value, 1)


def count_sentences(text: str) -> int:
    """Every line with a word is a sentence, plus one for each sentence end inside a line."""
    lines = sum(1 for line in text.split("\n") if WORD_RE.search(line))
    return lines + _count_sentence_ends(text) if lines else 0


def _count_sentence_ends(text: str) -> int:
    """``len(_SENTENCE_END.findall(text))``, in one scan for the runs of stops (``_STOP_RUN``).

    A run of stops holds one match when a capital follows: at its start, unless the lookbehind
    forbids it there, then at its second stop, if any. So every run counts but a single stop
    after a single letter ("e.g. The", "U.S. The").
    """
    count = 0
    for run in _STOP_RUN.finditer(text):
        stop = run.start()
        if run.end() - stop == 1 and stop and text[stop - 1] in _ASCII_LETTERS \
                and not (stop > 1 and _WORD_CHAR.match(text, stop - 2)):
            continue
        count += 1
    return count


def _use_parsed_patterns(patterns: object) -> None:
    """Give pyphen the en_US patterns the index parsed once (pyphen keeps them per path)."""
    import pyphen

    if patterns is not None:
        pyphen.hdcache.setdefault(pyphen.LANGUAGES[pyphen.language_fallback("en_US")], patterns)


def check(ctx: Context) -> None:
    if not _seeded:
        _use_parsed_patterns(ctx.extras.get("hyphenation"))
        use_known_syllables(ctx.extras.get("syllables") or {})
    words = ctx.words
    sentences = count_sentences(ctx.prepared.normal)
    value = grade(words, sentences)
    ctx.metrics["reading_grade"] = value
    mean = round(len(words) / sentences, 1) if sentences else 0.0
    ctx.metrics["mean_sentence_words"] = mean
    if len(words) < 100 or value is None:
        return
    limit = float(ctx.option("IH801", "max_grade"))
    if value > limit:
        ctx.emit("IH801", f"Reading grade {value:.1f} is above {limit:g}; use shorter sentences and "
                          "plainer words.")
    max_mean = float(ctx.option("IH802", "max_mean_sentence_words"))
    if mean > max_mean:
        ctx.emit("IH802", f"Sentences average {mean:.1f} words (recommended: at most {max_mean:g}).")
