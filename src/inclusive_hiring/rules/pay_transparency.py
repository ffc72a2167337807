"""IH701/IH702: a pay range with both ends, not open-ended or vague."""

from __future__ import annotations

import functools
import re

from ..context import Context

_NUM = r"\d{1,3}(?:[,.]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_MONEY = (rf"(?:[$£€]\s?(?:{_NUM})(?:\s?(?:[kK]\b|million\b))?"
          rf"|(?:USD|EUR|GBP|CAD)\s?(?:{_NUM})[kK]?"
          rf"|(?:{_NUM})\s?[kK]?\s?(?:USD|EUR|GBP|CAD|dollars)\b)")
_SEP = r"\s*(?:-|–|—|to|and|through)\s*"
_PAY_UNIT = r"(?:per hour|an hour|/\s?hr|/\s?hour|hourly|per year|a year|/\s?year|/\s?yr|annually|per annum|p\.a\.)"
RANGE = re.compile(
    rf"{_MONEY}{_SEP}(?:{_MONEY}|(?:{_NUM})\s?[kK]?\b)"
    rf"|\b(?:{_NUM}){_SEP}(?:{_NUM})\s?{_PAY_UNIT}"
    rf"|\b(?:{_NUM})\s?[kK]{_SEP}(?:{_NUM})\s?[kK]\b"
    rf"|\bGS-\d{{1,2}}\b",
    re.I,
)
MONEY = re.compile(_MONEY, re.I)


@functools.cache
def _cue_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(rf"(?<![\w$]){'|'.join(alternatives)}(?![\w])", re.I)


def check(ctx: Context) -> None:
    text = ctx.prepared.normal
    cues = ctx.catalog.data["pay-transparency"]["cues"]
    has_range = RANGE.search(text) is not None
    figures = list(MONEY.finditer(text))
    ctx.metrics["pay"] = {"range": has_range, "figures": len(figures)}
    if has_range:
        return
    flagged: list[tuple[int, int, str]] = []
    opener = _cue_regex(tuple(cues["open_before_figure"]))
    for figure in figures:
        head = text[max(0, figure.start() - 20):figure.start()]
        m = re.search(rf"({opener.pattern})\s*$", head, re.I)
        if m:
            flagged.append((figure.start() - len(head) + m.start(), figure.end(), "open"))
        elif text[figure.end():figure.end() + 1] == "+":
            flagged.append((figure.start(), figure.end() + 1, "open"))
    for m in _cue_regex(tuple(cues["vague"])).finditer(text):
        flagged.append((m.start(), m.end(), "vague"))
    if flagged:
        for start, end, kind in sorted(flagged):
            what = "an open-ended figure" if kind == "open" else "vague wording"
            ctx.emit("IH702", f"Pay is given as {what}; state a range with a minimum and a maximum.",
                     span=(start, end), replacements=("$70,000 - $85,000 per year",))
    elif not figures:
        ctx.emit("IH701", "No salary or pay range found; state a good-faith minimum and maximum.",
                 replacements=("The salary range for this role is $X - $Y per year.",))
