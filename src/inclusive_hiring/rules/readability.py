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
from collections import Counter

from ..context import WORD_RE, Context

# A sentence end inside a line: more text follows on the same line, starting with a capital or quote.
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])[.!?…]+(?=[ \t]*[A-Z\"'“‘])")


@functools.cache
def _hyphenator():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    return len(_hyphenator().positions(word)) + 1


def grade(words: list[str], sentences: int) -> float | None:
    if not words or not sentences:
        return None
    total = sum(syllables(w) * n for w, n in Counter(words).items())
    value = 0.39 * (len(words) / sentences) + 11.8 * (total / len(words)) - 15.59
    return round(value, 1)


def count_sentences(text: str) -> int:
    """Every line with a word is a sentence, plus one for each sentence end inside a line."""
    lines = sum(1 for line in text.split("\n") if WORD_RE.search(line))
    return lines + len(_SENTENCE_END.findall(text)) if lines else 0


def _use_parsed_patterns(patterns: object) -> None:
    """Give pyphen the en_US patterns the index parsed once (pyphen keeps them per path)."""
    import pyphen

    if patterns is not None:
        pyphen.hdcache.setdefault(pyphen.LANGUAGES[pyphen.language_fallback("en_US")], patterns)


def check(ctx: Context) -> None:
    if _hyphenator.cache_info().currsize == 0:
        _use_parsed_patterns(ctx.extras.get("hyphenation"))
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
