"""IH750/IH751: an equal-opportunity statement and an accommodation route are present."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..text.search import has_phrase
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..text.markup import Prepared


def statements(prepared: Prepared, cues: dict[str, Any]) -> dict[str, bool]:
    """Whether the text has an EEO statement and an accommodation route (a shared fact)."""
    text = prepared.normal
    return {"eeo": has_phrase(text, tuple(cues["eeo"]), prepared.lower),
            "accommodation": has_phrase(text, tuple(cues["accommodation"]), prepared.lower)}


def check(ctx: Context) -> None:
    found = ctx.facts.statements
    if not found["eeo"]:
        ctx.emit("IH750", "No equal-opportunity statement found.",
                 replacements=("We are an equal opportunity employer and welcome applicants of every "
                               "background.",))
    if not found["accommodation"]:
        ctx.emit("IH751", "No statement on how to request an accommodation during hiring.",
                 replacements=("If you need an accommodation at any stage of hiring, contact <email>.",))


RULE = DocumentRule(ids=("IH750", "IH751"), check=check)
