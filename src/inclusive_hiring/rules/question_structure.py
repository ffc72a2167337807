"""IH990: question typing and the share of behavioural or situational questions."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..lint.kinds import Question
    from ..text.markup import Prepared

RULE_ID = "IH990"
TYPES = ("behavioural", "situational", "technical", "other")


def question_metrics(prepared: Prepared, questions: list[Question]) -> dict[str, Any]:
    """The ``questions`` metric: counts per type, the structured share and each item's type."""
    counts = Counter(q.type for q in questions)
    items = []
    for q in questions:
        line, column = prepared.position(prepared.to_original(q.start))
        items.append({"line": line, "column": column, "type": q.type})
    total = len(questions)
    structured = counts["behavioural"] + counts["situational"]
    return {"count": total, **{t: counts[t] for t in TYPES},
            "structured_share": round(structured / total, 3) if total else 0.0, "items": items}


def check(ctx: Context) -> None:
    questions = ctx.facts.questions
    total = len(questions)
    structured = sum(1 for q in questions if q.type in ("behavioural", "situational"))
    minimum = float(ctx.option(RULE_ID, "min_structured_share"))
    if total >= int(ctx.option(RULE_ID, "min_questions")) and structured < minimum * total:
        ctx.emit(RULE_ID, (f"Only {structured} of {total} questions are behavioural or situational "
                           f"(at least {minimum:.0%} recommended)."),
                 replacements=("Tell me about a time you ...", "What would you do if ..."))


RULE = DocumentRule(ids=(RULE_ID,), check=check, kind="questions",
                    options=((RULE_ID, "min_structured_share"), (RULE_ID, "min_questions")))
