"""The canonical input: three CSV files and their columns (docs/tracking.md, "Input")."""

from __future__ import annotations

PIPELINE = "pipeline"
SCORECARDS = "scorecards"
DEMOGRAPHICS = "demographics"
KINDS: tuple[str, ...] = (PIPELINE, SCORECARDS, DEMOGRAPHICS)

PIPELINE_COLUMNS: tuple[str, ...] = ("candidate_id", "requisition_id", "stage", "outcome", "decided_on")
PIPELINE_REQUIRED: tuple[str, ...] = PIPELINE_COLUMNS[:4]

SCORECARD_COLUMNS: tuple[str, ...] = ("candidate_id", "requisition_id", "stage", "interviewer_id", "competency",
                                      "rating", "interviewed_at", "submitted_at", "debrief_at")
SCORECARD_REQUIRED: tuple[str, ...] = SCORECARD_COLUMNS

#: the one fixed column of the demographics file; every other column is a dimension
DEMOGRAPHICS_ID = "candidate_id"

OUTCOMES: tuple[str, ...] = ("advanced", "rejected", "withdrew", "hired")
#: outcomes that count as selected; ``withdrew`` is left out of the selection rate altogether
SELECTED: frozenset[str] = frozenset({"advanced", "hired"})
DECIDED: frozenset[str] = frozenset({"advanced", "hired", "rejected"})

RATING_MIN, RATING_MAX = 1, 5

#: demographic values that mean "not disclosed" (compared case-insensitively, after trimming)
NOT_DISCLOSED: frozenset[str] = frozenset({"", "declined"})

#: the longest value a cell may hold; longer input is refused rather than stored
MAX_CELL = 200


def required(kind: str) -> tuple[str, ...]:
    return {PIPELINE: PIPELINE_REQUIRED, SCORECARDS: SCORECARD_REQUIRED, DEMOGRAPHICS: (DEMOGRAPHICS_ID,)}[kind]


def known(kind: str) -> tuple[str, ...]:
    return {PIPELINE: PIPELINE_COLUMNS, SCORECARDS: SCORECARD_COLUMNS, DEMOGRAPHICS: (DEMOGRAPHICS_ID,)}[kind]
