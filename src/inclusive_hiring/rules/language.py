"""IH820: a document that does not read as English.

The share of its words that are common English function words (``wordlists/language.yml``) decides.
Rules declared with ``reads_english=True`` (the statement checks and the reading grade) do not run
on such a document: their findings would say something is missing that ih could not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context


def english_share(words: list[str], function_words: Iterable[str]) -> float:
    """The share of ``words`` (lower case) that are in ``function_words``; 0.0 for no words."""
    if not words:
        return 0.0
    return sum(map(frozenset(function_words).__contains__, words)) / len(words)


def check(ctx: Context) -> None:
    if ctx.facts.reads_english:
        return
    share = ctx.facts.english_share
    limit = float(ctx.option("IH820", "min_english_share"))
    ctx.emit("IH820", f"This text does not read as English ({share:.0%} of its words are common English "
                      f"words; ih reads a text as English from {limit:.0%}), so the equal-opportunity, "
                      "accommodation and reading-grade checks were skipped.")


RULE = DocumentRule(ids=("IH820",), check=check,
                    options=(("IH820", "min_english_share"), ("IH820", "min_words")))
