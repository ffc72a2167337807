"""IH703-IH705: what the posting laws of the configured ``jurisdictions:`` ask for beyond a range.

These checks run only when the configuration names places (``jurisdictions:`` in .ih.yaml): the
facts come from ``data/jurisdictions.yml`` (a range cap, benefits, required statements), the
phrases that satisfy them from ``wordlists/pay-transparency.yml`` (``cues``).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..text.search import find_phrases
from . import DocumentRule
from .pay_transparency import RANGE

if TYPE_CHECKING:
    from ..lint.context import Context

_AMOUNT = re.compile(r"(\d{1,3}(?:[,.]\d{3})+|\d+)(?:\.\d{1,2})?\s?([kK]\b)?")
_HOURLY = re.compile(r"hour|/\s?hr\b", re.I)


def yearly_bounds(text: str) -> tuple[int, int] | None:
    """(low, high) per year of a range as written ("$85k - $105k", "85,000 to 105,000 USD"), or
    None for hourly ranges, grades and anything that does not read as two yearly amounts."""
    if _HOURLY.search(text) or text.upper().startswith("GS-"):
        return None
    amounts = [(int(re.sub(r"[,.]", "", m.group(1))), bool(m.group(2))) for m in _AMOUNT.finditer(text)]
    if len(amounts) < 2:
        return None
    (low, low_k), (high, high_k) = amounts[0], amounts[1]
    if high_k or (low_k and high < 1000):
        high *= 1000
    if low_k or (high_k and low < 1000):
        low *= 1000
    if low < 1000 or high <= low:
        return None  # hourly rates without a unit, or not a range
    return low, high


def check(ctx: Context) -> None:
    if not ctx.jurisdictions:
        return
    from ..catalog.jurisdictions import described, requirements

    req = requirements(ctx.jurisdictions)
    text = ctx.prepared.normal
    cues = ctx.data["pay-transparency"]["cues"]
    if req.max_range_spread is not None:
        _range_spread(ctx, text, *req.max_range_spread, described([req.max_range_spread[1]]))
    pay_given = ctx.facts.pay.stated
    benefits = req.benefits_required and pay_given and find_phrases(
        text, tuple(cues["benefits"]), ctx.prepared.lower)
    if req.benefits_required and pay_given and not benefits:
        ctx.emit("IH704", "The posting gives pay but describes no benefits; the posting law in "
                          f"{described(req.benefits_required)} asks for both.",
                 replacements=("Benefits: medical and dental cover, a retirement plan and paid time off.",))
    for token, statement in cues["required_statements"].items():
        places = req.extra.get(token, ())
        if places and not _states(text, ctx.prepared.lower, statement):
            ctx.emit("IH705", f"The posting does not say {statement['label']}, which the posting law "
                              f"in {described(places)} requires.",
                     replacements=(statement["instead"],))


def _states(text: str, lower: str, statement: dict[str, Any]) -> bool:
    """Whether the posting makes ``statement``: one of its phrases, or its ``pattern``."""
    if find_phrases(text, tuple(statement["phrases"]), lower):
        return True
    pattern = statement.get("pattern")
    return bool(pattern) and _compiled("".join(pattern.split())).search(text) is not None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def _range_spread(ctx: Context, text: str, limit: int, code: str, where: str) -> None:
    from ..catalog.jurisdictions import default_jurisdictions

    exempt = default_jurisdictions()[code].pay_transparency.exempt_above
    for match in RANGE.finditer(text):
        bounds = yearly_bounds(match.group())
        if bounds is None:
            continue
        low, high = bounds
        if exempt is not None and low > exempt:
            continue
        if high - low > limit:
            ctx.emit("IH703", f"This range spans {high - low:,} a year; {where} allows at most "
                              f"{limit:,} between the bottom and the top.",
                     span=match.span(), replacements=(f"a range no wider than {limit:,}",))


RULE = DocumentRule(ids=("IH703", "IH704", "IH705"), check=check, needs_jurisdictions=True)
