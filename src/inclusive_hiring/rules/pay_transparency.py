"""IH701/IH702: a pay range with both ends, not open-ended or vague."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..text.search import StartsAfter, find_phrases, folds_like_ascii, phrase_regex
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..lint.facts import Pay
    from ..text.markup import Prepared

_NUM = r"\d{1,3}(?:[,.]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
#: currency signs, and codes or abbreviations written before or after a figure (US, UK, EU, Canada,
#: Australia, India, the Philippines, Kenya, Bangladesh, Poland, the Gulf, South-East Asia)
_SIGNS = "$£€₹₱"
_CODES = r"USD|EUR|GBP|CAD|AUD|NZD|INR|PHP|KES|KSh|Ksh|BDT|PLN|AED|SAR|QAR|SGD|MYR|Rs\.?|Tk\.?"
_MONEY = (rf"(?:[{_SIGNS}]\s?(?:{_NUM})(?:\s?(?:[kK]\b|[mM]{{1,2}}\b|million\b|billion\b))?"
          rf"|(?<![\w.])(?:{_CODES})\s?(?:{_NUM})[kK]?"
          rf"|(?:{_NUM})\s?[kK]?\s?(?:{_CODES}|zł|dollars|euros|rupees|pesos|shillings|taka)(?![\w]))")
_SEP = r"\s*(?:-|–|—|to|and|through)\s*"
_PAY_UNIT = (r"(?:per hour|an hour|/\s?hr|/\s?hour|hourly|per year|a year|/\s?year|/\s?yr|annually|per annum|p\.a\.|"
             r"per month|a month|/\s?month|/\s?mo\b|monthly|per week|a week|/\s?week|weekly|per day|a day|daily|"
             r"per night|a night|per shift|a shift)")
RANGE = re.compile(
    rf"{_MONEY}{_SEP}(?:{_MONEY}|(?:{_NUM})\s?[kK]?\b)"
    rf"|\b(?:{_NUM}){_SEP}(?:{_NUM})\s?{_PAY_UNIT}"
    rf"|\b(?:{_NUM})\s?[kK]?{_SEP}(?:{_NUM})\s?[kK]\b"
    rf"|\bGS-\d{{1,2}}\b",
    re.I,
)
MONEY = re.compile(_MONEY, re.I)
#: How far a MONEY (or RANGE) match can start before its first digit: a code ("KSh", "Rs.") and
#: a space ("GS-" is shorter).
_MONEY_REACH = 2 + max(len(code.replace("\\.?", ".")) for code in _CODES.split("|"))
_MILLIONS = re.compile(r"(?:[mM]{1,2}|million|billion)$", re.I)
_DIGITS = re.compile(r"\d+")
# Every MONEY match holds a currency sign or one of these (lower-case) words.
_MONEY_CUES = ("$", "£", "€", "₹", "₱", "usd", "eur", "gbp", "cad", "aud", "nzd", "inr", "php", "kes", "ksh",
               "bdt", "pln", "aed", "sar", "qar", "sgd", "myr", "rs", "tk", "zł", "dollars", "euros",
               "rupees", "pesos", "shillings", "taka")
_CURRENCY = re.compile(rf"[{_SIGNS}]|(?<![\w.])(?:{_CODES})(?=\s?\d)")
# ``_CURRENCY``'s two alternatives, each searched for quickly (a sign is never a code's letter,
# so they never start at the same offset, and the leftmost is ``_CURRENCY``'s match).
_SIGN = re.compile(rf"[{_SIGNS}]")
_CODE = StartsAfter(rf"(?:{_CODES})(?=\s?\d)", r"[\w.]")


def has_range(text: str) -> bool:
    """True if ``text`` states a pay range. Every range has a digit, so RANGE runs only in windows
    around digits (a scan for currency words and units costs more than the whole check)."""
    runs = [m.span() for m in _DIGITS.finditer(text)]
    last_end = -1
    for k, (first, last) in enumerate(runs):
        if first < last_end:
            continue
        begin, end = max(0, first - 60), last + 60
        # RANGE.search(text, begin, end), tried only where a match can start: every match has a
        # digit at most _MONEY_REACH characters after its start (a MONEY, a number, "GS-12").
        tried = begin
        i = k
        while i > 0 and runs[i - 1][1] > begin:  # an earlier run that reaches into the window
            i -= 1
        while i < len(runs) and runs[i][0] < end:
            run_start, run_end = runs[i]
            for start in range(max(tried, run_start - _MONEY_REACH), min(run_end, end)):
                if RANGE.match(text, start, end):
                    return True
            tried = max(tried, min(run_end, end))
            i += 1
        last_end = end - 30
    return False


def money_figures(text: str) -> list[re.Match[str]]:
    """``MONEY.finditer(text)``, tried only near digits: every match has a digit at most
    ``_MONEY_REACH`` characters after its start (``re`` would try the whole pattern everywhere)."""
    out: list[re.Match[str]] = []
    pos = tried = 0
    for run in _DIGITS.finditer(text):
        for start in range(max(pos, tried, run.start() - _MONEY_REACH), run.end()):
            if start < pos:
                continue  # inside the last match, as finditer goes on from its end
            found = MONEY.match(text, start)
            if found is not None:
                out.append(found)
                pos = found.end()
        tried = run.end()
    return out


def _may_have_money(text: str, lower: str) -> bool:
    """False only when MONEY cannot match: ``lower`` (``text.lower()``) has no currency cue, and
    ``text`` has no character that ``re.I`` folds onto an ASCII letter ("ſ" for "s")."""
    return not folds_like_ascii(text) or any(cue in lower for cue in _MONEY_CUES)


@functools.cache
def _opener(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = [phrase_regex(phrases).pattern, *("(?:" + " ".join(p.split()) + ")" for p in patterns)]
    return re.compile(rf"(?:{'|'.join(alternatives)})\s*$", re.I)


def first_currency(text: str) -> re.Match[str] | None:
    """``_CURRENCY.search(text)``, without trying the lookbehind at every offset."""
    sign, code = _SIGN.search(text), _CODE.search(text)
    if sign is None or code is None:
        return sign or code
    return sign if sign.start() < code.start() else code


def currency(text: str) -> str:
    """The posting's currency as written before a figure ("£", "$", "Rs. ", "KES "), or "" when it
    names none: suggestions use it instead of inventing one."""
    found = first_currency(text)
    if found is None:
        return ""
    sign = found.group()
    return sign if sign in _SIGNS else sign.rstrip(".") + " "


def pay_facts(prepared: Prepared, cues: dict[str, Any]) -> Pay:
    """What the text says about pay (a shared fact): a range, else its figures, the open-ended
    figures among them, and vague wording ("competitive", "DOE", "Salary: Attractive")."""
    from ..lint.facts import Pay

    text = prepared.normal
    may_have_money = _may_have_money(text, prepared.lower)
    money = currency(text) if may_have_money else ""
    if has_range(text) or _field_range(tuple(cues.get("pay_fields", ()))).search(text):
        return Pay(range=True, currency=money)
    figures = money_figures(text) if may_have_money else []
    flagged: list[tuple[int, int, str]] = []
    opener = _opener(tuple(cues["open_before_figure"]), tuple(cues.get("open_before_figure_patterns", ())))
    for figure in figures:
        if _MILLIONS.search(figure.group()):
            continue  # budgets and deal sizes ("from $1M to $2M"), not pay
        head = text[max(0, figure.start() - 40):figure.start()]
        m = opener.search(head)
        if m:
            flagged.append((figure.start() - len(head) + m.start(), figure.end(), "open"))
        elif text[figure.end():figure.end() + 1] == "+":
            flagged.append((figure.start(), figure.end() + 1, "open"))
    vague = [m.span() for m in find_phrases(text, tuple(cues["vague"]), prepared.lower)]
    field = _field(tuple(cues.get("pay_fields", ())), tuple(cues.get("vague_field_values", ())))
    if field is not None:
        vague += [m.span("value") for m in field.finditer(text)]
    flagged += [(start, end, "vague") for start, end in sorted(set(vague))]
    return Pay(range=False, figures=tuple(f.span() for f in figures), flagged=tuple(sorted(flagged)),
               currency=money)


@functools.cache
def _field_range(fields: tuple[str, ...]) -> re.Pattern[str]:
    """A pay field (one word may come first: "Annual salary", "Hourly rate") whose value starts with
    two figures ("Salary: 18,000 - 21,500", "Pay range: 1000-2000"): a range, though it names no
    currency or period (the posting's place implies one)."""
    if not fields:
        return re.compile(r"(?!)")
    return re.compile(rf"(?:^|\n)[ \t*_-]*(?:[A-Za-z]+[ \t]+)?(?:{phrase_regex(fields).pattern})[ \t*_]*[:\-–]"
                      rf"[ \t*_]*(?:from[ \t]+)?"
                      rf"(?:{_NUM})[ \t]?[kK]?{_SEP}(?:{_NUM})[ \t]?[kK]?(?![\w.,]*\d)"
                      r"(?![ \t]*(?:years?|yrs?|months?|weeks?|%|percent)\b)", re.I)


@functools.cache
def _field(fields: tuple[str, ...], values: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pay field whose whole value is vague ("Salary: Attractive", "Pay - Negotiable")."""
    if not fields or not values:
        return None
    return re.compile(rf"(?:^|\n)[ \t]*(?:{phrase_regex(fields).pattern})[ \t]*[:\-–][ \t]*"
                      rf"(?P<value>{phrase_regex(values).pattern})[ \t.!]*(?=\n|$)", re.I)


def check(ctx: Context) -> None:
    pay = ctx.facts.pay
    if pay.range:
        return
    money = pay.currency
    suggestion = f"{money}<minimum> - {money}<maximum> a year"
    if not pay.figures:
        # No figure at all: one finding, which names the vague wording the posting uses instead.
        # With ``jurisdictions:``, the rule's data names the laws that require a range.
        words = [ctx.prepared.normal[start:end] for start, end, _ in pay.flagged]
        named = list(dict.fromkeys(" ".join(w.split()) for w in words))
        said = ""
        if len(named) == 1:
            said = f" (“{named[0]}” is not one)"
        elif named:
            said = f" (“{'”, “'.join(named[:-1])}” and “{named[-1]}” are not)"
        ctx.emit("IH701", f"No salary or pay range found{said}; state a good-faith minimum and maximum.",
                 replacements=(f"The pay for this role is {suggestion}.",), fix="none")
        return
    for start, end, kind in pay.flagged:
        what = "an open-ended figure" if kind == "open" else "vague wording"
        ctx.emit("IH702", f"Pay is given as {what}; state a range with a minimum and a maximum.",
                 span=(start, end), replacements=(suggestion,), fix="none")


RULE = DocumentRule(ids=("IH701", "IH702"), check=check)
