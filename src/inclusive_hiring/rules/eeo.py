"""IH750/IH751: an equal-opportunity statement and an accommodation route are present."""

from __future__ import annotations

from ..context import Context
from ..textsearch import has_phrase


def check(ctx: Context) -> None:
    cues = ctx.data["eeo"]["cues"]
    text = ctx.prepared.normal
    has_eeo = has_phrase(text, tuple(cues["eeo"]), ctx.prepared.lower)
    has_accommodation = has_phrase(text, tuple(cues["accommodation"]), ctx.prepared.lower)
    ctx.metrics["statements"] = {"eeo": has_eeo, "accommodation": has_accommodation}
    if not has_eeo:
        ctx.emit("IH750", "No equal-opportunity statement found.",
                 replacements=("We are an equal opportunity employer and welcome applicants of every "
                               "background.",))
    if not has_accommodation:
        ctx.emit("IH751", "No statement on how to request an accommodation during hiring.",
                 replacements=("If you need an accommodation at any stage of hiring, contact <email>.",))
