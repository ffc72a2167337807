"""A synthetic data set for the ih track tests (a module, not a conftest.py).

Stage ``onsite`` (120 decided candidates):
- ``sex``: F selected 12 of 40, M 48 of 80 -> impact ratio 0.5, Fisher two-sided p ~ 0.0034, flagged;
- ``age_40_plus``: yes 12 of 30 (0.4), no 40 of 80 (0.5) -> exactly 0.8, not flagged; 10 not disclosed;
- ``disability``: yes 3 (suppressed: fewer than 5), no 110, 7 declined (suppressed too, complementary).
Stage ``screen``: all 120 plus 30 more, 20 of whom advanced, 5 withdrew.
Candidate ids are ``cand-0001`` ... ``cand-0150`` (fixed width, so that a scan can look for each).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

SCORECARD_HEADER = ["candidate_id", "requisition_id", "stage", "interviewer_id", "competency", "rating",
                    "interviewed_at", "submitted_at", "debrief_at"]
INTERVIEWERS = ("iv-ada", "iv-bo", "iv-cy", "iv-flat", "iv-harsh", "iv-kind")
COMPETENCIES = ("communication", "problem-solving")


def cid(n: int) -> str:
    return f"cand-{n:04d}"


@dataclass(frozen=True)
class Synthetic:
    pipeline: Path
    scorecards: Path
    demographics: Path
    ids: tuple[str, ...]


def _write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def make(folder: Path) -> Synthetic:
    folder.mkdir(parents=True, exist_ok=True)
    pipeline: list[list[object]] = []
    demo: list[list[object]] = []
    # onsite: candidates 1-40 are F (12 selected: 1-12), 41-120 are M (48 selected: 41-88)
    for n in range(1, 121):
        selected = n <= 12 or 41 <= n <= 88
        pipeline.append([cid(n), "REQ-1", "onsite", "advanced" if selected else "rejected", "2026-03-01"])
        pipeline.append([cid(n), "REQ-1", "screen", "advanced", "2026-02-01"])
    for n in range(121, 151):
        outcome = "advanced" if n <= 140 else ("withdrew" if n <= 145 else "rejected")
        pipeline.append([cid(n), "REQ-1", "screen", outcome, "2026-02-01"])
    # age_40_plus over onsite: 30 yes with 12 selected, 80 no with 40 selected, 10 not disclosed (8 selected)
    onsite_selected = [n for n in range(1, 121) if n <= 12 or 41 <= n <= 88]
    onsite_rejected = [n for n in range(1, 121) if n not in onsite_selected]
    age: dict[int, str] = {}
    for n in onsite_selected[:12]:
        age[n] = "yes"
    for n in onsite_rejected[:18]:
        age[n] = "yes"
    for n in onsite_selected[12:52]:
        age[n] = "no"
    for n in onsite_rejected[18:58]:
        age[n] = "no"
    # the rest (8 selected, 2 rejected) leave it empty or declined
    disability: dict[int, str] = {}
    for i, n in enumerate(range(1, 121)):
        disability[n] = "yes" if n in (2, 50, 60) else ("declined" if i % 17 == 5 else "no")
    for n in range(1, 121):
        demo.append([cid(n), "F" if n <= 40 else "M", age.get(n, "declined" if n % 2 else ""), disability[n]])
    scorecards: list[list[object]] = []
    for n in range(1, 121):
        panel = (INTERVIEWERS[n % 3], INTERVIEWERS[3 + (n // 3) % 3])
        for who in panel:
            for k, comp in enumerate(COMPETENCIES):
                base = 2 + (n + k) % 3  # 2..4
                rating = {"iv-flat": 3, "iv-harsh": max(1, base - 1), "iv-kind": min(5, base + 1)}.get(who, base)
                if n % 25 == 0 and k == 1 and who == panel[0]:
                    rating = ""  # an incomplete scorecard
                submitted = "2026-03-02T09:00:00Z" if n % 10 else "2026-03-04T09:00:00Z"  # 1 in 10 late
                scorecards.append([cid(n), "REQ-1", "onsite", who, comp, rating, "2026-03-01T10:00:00Z",
                                   submitted, "2026-03-03T16:00:00+01:00"])
    return Synthetic(
        pipeline=_write(folder / "pipeline.csv", ["candidate_id", "requisition_id", "stage", "outcome",
                                                  "decided_on"], pipeline),
        scorecards=_write(folder / "scorecards.csv", SCORECARD_HEADER, scorecards),
        demographics=_write(folder / "demographics.csv", ["candidate_id", "sex", "age_40_plus", "disability"], demo),
        ids=tuple(cid(n) for n in range(1, 151)))
