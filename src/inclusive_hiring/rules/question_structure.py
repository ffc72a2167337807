"""IH990: question typing and the share of behavioural or situational questions."""

from __future__ import annotations

from collections import Counter

from ..context import Context
from ..questions import split_questions

RULE = "IH990"
TYPES = ("behavioural", "situational", "technical", "other")


def check(ctx: Context) -> None:
    questions = split_questions(ctx.prepared)
    counts = Counter(q.type for q in questions)
    items = []
    for q in questions:
        line, column = ctx.prepared.position(ctx.prepared.to_original(q.start))
        items.append({"line": line, "column": column, "type": q.type})
    total = len(questions)
    structured = counts["behavioural"] + counts["situational"]
    ctx.metrics["questions"] = {"count": total, **{t: counts[t] for t in TYPES},
                                "structured_share": round(structured / total, 3) if total else 0.0,
                                "items": items}
    minimum = float(ctx.option(RULE, "min_structured_share"))
    if total >= int(ctx.option(RULE, "min_questions")) and structured < minimum * total:
        ctx.emit(RULE, (f"Only {structured} of {total} questions are behavioural or situational "
                        f"(at least {minimum:.0%} recommended)."),
                 replacements=("Tell me about a time you ...", "What would you do if ..."))
