"""IH810-IH812: word count and the share of words in bullet lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.words import WORD_RE
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..text.markup import Prepared


def bullet_share(prepared: Prepared, total: int) -> float:
    """The share of the document's ``total`` words that are in list items (a shared fact)."""
    bullets = 0
    for (_line, is_item, _title), masked in zip(prepared.line_layout, prepared.masked.split("\n"), strict=False):
        if is_item:
            bullets += len(WORD_RE.findall(masked))
    return bullets / total if total else 0.0


def check(ctx: Context) -> None:
    words = len(ctx.words)
    share = ctx.facts.bullet_share
    max_words = int(ctx.option("IH810", "max_words"))
    min_words = int(ctx.option("IH811", "min_words"))
    if words > max_words:
        ctx.emit("IH810", f"{words} words; the recommended maximum is {max_words}.")
    elif words < min_words:
        ctx.emit("IH811", f"Only {words} word{'' if words == 1 else 's'}; the recommended minimum is {min_words}.")
    if words >= int(ctx.option("IH812", "min_words")):
        low = float(ctx.option("IH812", "min_bullet_share"))
        high = float(ctx.option("IH812", "max_bullet_share"))
        if not low <= share <= high:
            ctx.emit("IH812", f"{share:.0%} of the words are in bullet lists "
                              f"(recommended {low:.0%}-{high:.0%}).")


RULE = DocumentRule(ids=("IH810", "IH811", "IH812"), check=check,
                    options=(("IH810", "max_words"), ("IH811", "min_words"), ("IH812", "min_words"),
                             ("IH812", "min_bullet_share"), ("IH812", "max_bullet_share")))
