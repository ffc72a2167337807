"""IH701/IH702: a pay range with both ends, not open-ended or vague."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..textsearch import find_phrases, folds_like_ascii, phrase_regex
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..lint.facts import Pay
    from ..markup import Prepared

_NUM = r"\d{1,3}(?:[,.]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_MONEY = (rf"(?:[$£€]\s?(?:{_NUM})(?:\s?(?:[kK]\b|[mM]{{1,2}}\b|million\b|billion\b))?"
          rf"|(?:USD|EUR|GBP|CAD)\s?(?:{_NUM})[kK]?"
          rf"|(?:{_NUM})\s?[kK]?\s?(?:USD|EUR|GBP|CAD|dollars)\b)")
_SEP = r"\s*(?:-|–|—|to|and|through)\s*"
_PAY_UNIT = r"(?:per hour|an hour|/\s?hr|/\s?hour|hourly|per year|a year|/\s?year|/\s?yr|annually|per annum|p\.a\.)"
RANGE = re.compile(
    rf"{_MONEY}{_SEP}(?:{_MONEY}|(?:{_NUM})\s?[kK]?\b)"
    rf"|\b(?:{_NUM}){_SEP}(?:{_NUM})\s?{_PAY_UNIT}"
    rf"|\b(?:{_NUM})\s?[kK]?{_SEP}(?:{_NUM})\s?[kK]\b"
    rf"|\bGS-\d{{1,2}}\b",
    re.I,
)
MONEY = re.compile(_MONEY, re.I)
_MILLIONS = re.compile(r"(?:[mM]{1,2}|million|billion)$", re.I)
_DIGITS = re.compile(r"\d+")
# Every MONEY match holds a currency sign or one of these words.
_MONEY_CUES = ("$", "£", "€", "usd", "eur", "gbp", "cad", "dollars")


def has_range(text: str) -> bool:
    """True if ``text`` states a pay range. Every range has a digit, so RANGE runs only in windows
    around digits (a scan for currency words and units costs more than the whole check)."""
    last_end = -1
    for digits in _DIGITS.finditer(text):
        if digits.start() < last_end:
            continue
        begin, end = max(0, digits.start() - 60), digits.end() + 60
        if RANGE.search(text, begin, end):
            return True
        last_end = end - 30
    return False


def _may_have_money(text: str, lower: str) -> bool:
    """False only when MONEY cannot match: ``lower`` (``text.lower()``) has no currency cue, and
    ``text`` has no character that ``re.I`` folds onto an ASCII letter ("ſ" for "s")."""
    return not folds_like_ascii(text) or any(cue in lower for cue in _MONEY_CUES)


@functools.cache
def _opener(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{phrase_regex(phrases).pattern})\s*$", re.I)


def pay_facts(prepared: Prepared, cues: dict[str, Any]) -> Pay:
    """What the text says about pay (a shared fact): a range, else its figures and the open-ended
    figures and vague wording among them."""
    from ..lint.facts import Pay

    text = prepared.normal
    if has_range(text):
        return Pay(range=True)
    figures = list(MONEY.finditer(text)) if _may_have_money(text, prepared.lower) else []
    flagged: list[tuple[int, int, str]] = []
    opener = _opener(tuple(cues["open_before_figure"]))
    for figure in figures:
        if _MILLIONS.search(figure.group()):
            continue  # budgets and deal sizes ("from $1M to $2M"), not pay
        head = text[max(0, figure.start() - 20):figure.start()]
        m = opener.search(head)
        if m:
            flagged.append((figure.start() - len(head) + m.start(), figure.end(), "open"))
        elif text[figure.end():figure.end() + 1] == "+":
            flagged.append((figure.start(), figure.end() + 1, "open"))
    for m in find_phrases(text, tuple(cues["vague"]), prepared.lower):
        flagged.append((m.start(), m.end(), "vague"))
    return Pay(range=False, figures=tuple(f.span() for f in figures), flagged=tuple(sorted(flagged)))


def check(ctx: Context) -> None:
    pay = ctx.facts.pay
    if pay.range:
        return
    for start, end, kind in pay.flagged:
        what = "an open-ended figure" if kind == "open" else "vague wording"
        ctx.emit("IH702", f"Pay is given as {what}; state a range with a minimum and a maximum.",
                 span=(start, end), replacements=("$70,000 - $85,000 per year",))
    if not pay.figures:
        # Vague wording ("competitive salary") is no pay figure either: the posting still states
        # no pay. With ``jurisdictions:``, the rule's data names the laws that require a range.
        ctx.emit("IH701", "No salary or pay range found; state a good-faith minimum and maximum.",
                 replacements=("The salary range for this role is $X - $Y per year.",))


RULE = DocumentRule(ids=("IH701", "IH702"), check=check)
