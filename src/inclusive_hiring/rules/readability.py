"""IH801/IH802: Flesch-Kincaid reading grade and mean sentence length.

The formula is textstat's Flesch-Kincaid grade. Syllables are counted the way textstat 0.7.8 counts
words missing from CMUdict: with pyphen's bundled en_US hyphenation dictionary (textstat's own
dependency), once per distinct word. textstat's CMUdict lookup is skipped because loading it costs
about 1.3 s per process, more than linting a hundred postings; words and sentences come from the
spaCy tokens the linter already has, so the document is never tokenised twice.
"""

from __future__ import annotations

import functools

from ..context import Context
from ..matching import sentence_bounds


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
    total = sum(syllables(w) for w in words)
    value = 0.39 * (len(words) / sentences) + 11.8 * (total / len(words)) - 15.59
    return round(value, 1)


def check(ctx: Context) -> None:
    words = ctx.words
    sentences = sum(1 for s, e in sentence_bounds(ctx.doc) if e - s > 1)
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
