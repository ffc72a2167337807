"""IH810-IH812: word count and the share of words in bullet lists."""

from __future__ import annotations

from ..context import Context
from ..index import WORD_RE


def bullet_share(ctx: Context) -> float:
    prepared = ctx.prepared
    total = len(ctx.words)  # the same words as the masked text's, whitespace aside
    bullets = 0
    for original, masked in zip(prepared.original.split("\n"), prepared.masked.split("\n"), strict=False):
        if prepared.is_list_item(original):
            bullets += len(WORD_RE.findall(masked))
    return bullets / total if total else 0.0


def check(ctx: Context) -> None:
    words = len(ctx.words)
    share = round(bullet_share(ctx), 3)
    ctx.metrics["bullet_share"] = share
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
