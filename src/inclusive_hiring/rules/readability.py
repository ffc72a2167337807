"""IH801/IH802: Flesch-Kincaid reading grade and mean sentence length.

The formula is textstat's Flesch-Kincaid grade. Syllables are counted the way textstat 0.7.8 counts
words missing from CMUdict (``text/syllables.py``); textstat's CMUdict lookup is skipped because
loading it costs about 1.3 s per process, more than linting a hundred postings. Words are the
document's words; sentences are counted by ``text/sentences.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.sentences import count_sentences
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..text.syllables import SyllableCounter


def grade(words: list[str], sentences: int, syllables: SyllableCounter) -> float | None:
    if not words or not sentences:
        return None
    value = 0.39 * (len(words) / sentences) + 11.8 * (syllables.total(words) / len(words)) - 15.59
    return round(value, 1)


def reading(words: list[str], text: str, syllables: SyllableCounter) -> tuple[float | None, float]:
    """(reading grade, mean words per sentence) of a document (a shared fact)."""
    sentences = count_sentences(text)
    mean = round(len(words) / sentences, 1) if sentences else 0.0
    return grade(words, sentences, syllables), mean


def check(ctx: Context) -> None:
    value, mean = ctx.facts.reading
    if len(ctx.words) < 100 or value is None:
        return
    limit = float(ctx.option("IH801", "max_grade"))
    if value > limit:
        ctx.emit("IH801", f"Reading grade {value:.1f} is above {limit:g}; use shorter sentences and "
                          "plainer words.")
    max_mean = float(ctx.option("IH802", "max_mean_sentence_words"))
    if mean > max_mean:
        ctx.emit("IH802", f"Sentences average {mean:.1f} words (recommended: at most {max_mean:g}).")


RULE = DocumentRule(ids=("IH801", "IH802"), check=check,
                    options=(("IH801", "max_grade"), ("IH802", "max_mean_sentence_words")), reads_english=True)
