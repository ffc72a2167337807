"""IH801/IH802: Flesch-Kincaid reading grade and mean sentence length.

Syllables come from textstat 0.7.8 (pyphen dictionaries shipped in its wheel, no download), counted
once per distinct word; words and sentences come from the spaCy tokens the linter already has, so
textstat never re-tokenises the document.
"""

from __future__ import annotations

import functools

from ..context import Context
from ..matching import sentence_bounds


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    import textstat

    return max(1, int(textstat.syllable_count(word)))


def grade(words: list[str], sentences: int) -> float | None:
    if not words or not sentences:
        return None
    total = sum(syllables(w) for w in words)
    value = 0.39 * (len(words) / sentences) + 11.8 * (total / len(words)) - 15.59
    return round(value, 1)


def check(ctx: Context) -> None:
    words = [t.lower_ for t in ctx.word_tokens if t.is_alpha]
    sentences = sum(
        1 for s, e in sentence_bounds(ctx.doc) if any(t.is_alpha for t in ctx.doc[s:e])
    )
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
