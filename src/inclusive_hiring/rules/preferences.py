"""IH150-IH480: explicit preferences found by the frame engine; IH490: lawful bases relied on.

The frames, lexicons and bases are data (wordlists/frames/); see docs/detection.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import DocumentRule

if TYPE_CHECKING:
    from ..frames.analysis import Preference
    from ..lint.context import Context

EXEMPTION_RULE = "IH490"
RULE_IDS = ("IH150", "IH151", "IH152", "IH153", "IH250", "IH350", "IH440", "IH450", "IH470", "IH480",
            EXEMPTION_RULE)


def check(ctx: Context) -> None:
    analysis = ctx.facts.frames
    families = analysis.engine.lexicon.families
    about_hire = analysis.engine.about_hire
    lexicon_classes = analysis.engine.lexicon.classes
    taken = _taken(ctx, about_hire, lexicon_classes)
    for pref in analysis.preferences():
        if pref.exempt is not None:
            continue
        quote = " ".join(ctx.prepared.normal[pref.start:pref.end].split())
        for family in sorted(pref.families):
            if any(s < pref.end and pref.start < e for s, e in taken.get(family, ())):
                continue  # a phrase rule already reports this preference
            meta = families[family]
            ctx.emit(meta["rule"], _message(quote, meta["label"], pref),
                     span=(pref.start, pref.end), severity=pref.severity,
                     replacements=(ctx.rules[meta["rule"]].instead,), fix="none")
    for basis_id, quotes in sorted(analysis.exemptions.items()):
        basis = next(b for b in analysis.engine.bases if b.id == basis_id)
        # "women only" (a phrase rule) inside "open to women only" (a frame) is one restriction
        shown = [q for q in quotes if not any(q != other and q.lower() in other.lower() for other in quotes)]
        listed = "; ".join(f"“{q}”" for q in shown)
        ctx.emit(EXEMPTION_RULE, f"Not flagged as a preference: {listed}, relying on {basis.name}. "
                                 f"Check that the exemption applies to this role as written.")


def _message(quote: str, label: str, pref: Preference) -> str:
    kind = "excludes applicants by" if pref.polarity == "exclude" else "states a preference based on"
    return (f"“{quote}” {kind} {label}, a protected characteristic: an ad may not limit who applies "
            f"on this ground without a lawful basis stated in the posting.")


def _taken(ctx: Context, about_hire: dict[str, str], classes: dict) -> dict[str, list[tuple[int, int]]]:
    """Spans (normalised) that phrase rules already report as errors, by trait family."""
    from ..frames.policy import normal_span

    out: dict[str, list[tuple[int, int]]] = {}
    for hit in ctx.hits:
        about = about_hire.get(hit.rule_id)
        span = normal_span(ctx.prepared, hit)
        if about is None or span is None or (hit.severity or ctx.rules[hit.rule_id].severity) != "error":
            continue
        family = classes[about].family if about in classes else about
        out.setdefault(family, []).append(span)
    return out


RULE = DocumentRule(ids=RULE_IDS, check=check)
