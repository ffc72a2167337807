"""What the configured ``jurisdictions:`` ask a posting to contain, from the shipped data.

Unlike the lint checks, this does not depend on the day: a place whose posting law is enacted
but not yet in force counts too, so the same spec gives the same posting on any day and a
posting written today is ready when the law starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: ``requires:`` tokens the posting states from spec fields, and the field that holds each
STATEMENT_FIELDS: dict[str, str] = {
    "application-deadline": "application_deadline",
    "ai-use-disclosure": "ai_use",
    "vacancy-status": "existing_vacancy",
}


@dataclass(frozen=True)
class LawNeeds:
    """The posting-law facts of a set of places (parents included)."""

    codes: tuple[str, ...] = ()
    #: codes that ask for a general description of benefits as well
    benefits: tuple[str, ...] = ()
    #: ``requires:`` token -> codes that ask for it
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the narrowest yearly range spread allowed, the code that sets it, and the pay above which
    #: that place needs no disclosure
    max_spread: tuple[int, str, int | None] | None = None
    #: "Colorado (US-CO)" for each code
    names: dict[str, str] = field(default_factory=dict)

    def described(self, codes: Iterable[str]) -> str:
        return ", ".join(self.names[c] for c in codes)


def needs(codes: Iterable[str]) -> LawNeeds:
    """The requirements of ``codes`` (the configuration's ``jurisdictions:``), whatever the day."""
    codes = tuple(codes)
    if not codes:
        return LawNeeds()
    from ..catalog.jurisdictions import default_jurisdictions, expand

    table = default_jurisdictions()
    chosen = [table[c] for c in expand(codes, table)]
    extra: dict[str, list[str]] = {}
    for place in chosen:
        for token in place.pay_transparency.requires:
            extra.setdefault(token, []).append(place.code)
    spreads = sorted((p.pay_transparency.max_range_spread, p.code, p.pay_transparency.exempt_above)
                     for p in chosen if p.pay_transparency.required
                     and p.pay_transparency.max_range_spread is not None)
    return LawNeeds(
        codes=tuple(p.code for p in chosen),
        benefits=tuple(p.code for p in chosen if p.pay_transparency.required
                       and p.pay_transparency.benefits_required),
        extra={token: tuple(places) for token, places in sorted(extra.items())},
        max_spread=spreads[0] if spreads else None,  # type: ignore[assignment]
        names={p.code: f"{p.name} ({p.code})" for p in chosen},
    )
