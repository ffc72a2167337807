"""The machine-readable scorecard: ``scorecards.csv`` beside the printable ones.

One row per interviewer, stage and competency, in exactly the canonical scorecards shape that
``ih track add --scorecards`` reads (docs/tracking.md). The kit fills in what it knows: the stage
(its slug), the competency (its id) and the interviewer (the panel role's slug, to be replaced by
the person's own id). ``candidate_id``, ``requisition_id``, ``rating`` and the three times are left
empty for the panel to fill in, one copy of the rows per candidate.
"""

from __future__ import annotations

import csv
import io

from .plan import Kit

#: the canonical scorecard columns (kept in step with inclusive_hiring.track.columns.SCORECARD_COLUMNS)
COLUMNS: tuple[str, ...] = ("candidate_id", "requisition_id", "stage", "interviewer_id", "competency",
                            "rating", "interviewed_at", "submitted_at", "debrief_at")
FILE_NAME = "scorecards.csv"


def scorecard_csv(kit: Kit) -> str:
    """The header and one row per interviewer slot and competency, in kit order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for person in kit.interviewers:
        for stage in person.stages:
            for slot in stage.slots:
                writer.writerow(("", "", stage.slug, person.slug, slot.competency.id, "", "", "", ""))
    return out.getvalue()
