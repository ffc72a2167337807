"""Structured-interview discipline from the scorecards (no demographics are read here).

- a *scorecard* is one interviewer's ratings of one candidate at one stage of a requisition;
  it is *complete* when it rates every competency assessed at that stage of that requisition;
- *before the debrief*: its latest ``submitted_at`` is earlier than its earliest ``debrief_at``
  (scorecards missing either time are left out of that share, and counted);
- per interviewer: number of ratings, mean and standard deviation, and the mean difference from
  the other panel members' ratings of the same candidate, stage and competency. *Flat*: at least
  ``MIN_RATINGS`` ratings with a standard deviation under ``FLAT_SD`` (rates everyone alike).
  *Harsh* / *kind*: at least ``MIN_RATINGS`` paired ratings, on average ``LEAN`` points or more
  below / above the rest of the panel;
- per requisition: the share of its candidates who went through the requisition's stages in
  order without skipping one (stages ordered by their first interview) and who, at every stage
  they reached, were assessed on the same competencies as most candidates at that stage;
- panel size: distinct interviewers per interview (candidate, requisition, stage).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from sqlite3 import Connection
from typing import Any

MIN_RATINGS = 10
FLAT_SD = 0.5
LEAN = 0.75


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def scorecard_filter(since: str | None, stage: str | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if since:
        clauses.append("interviewed_at >= ?")
        params.append(since + "T00:00:00")
    if stage:
        clauses.append("stage = ?")
        params.append(stage)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def discipline(conn: Connection, since: str | None = None, stage: str | None = None) -> dict[str, Any]:
    where, params = scorecard_filter(since, stage)
    out: dict[str, Any] = {}
    out.update(_cards(conn, where, params))
    out["interviewers"], out["panel_ratings"] = _interviewers(conn, where, params)
    out["requisitions"], out["same_plan_share"] = _consistency(conn, where, params)
    out["panel_size"] = _panel_size(conn, where, params)
    return out


def _cards(conn: Connection, where: str, params: list[str]) -> dict[str, Any]:
    row = conn.execute(f"""
        WITH rows AS (SELECT * FROM scorecards {where}),
        comps AS (SELECT requisition_id, stage, COUNT(DISTINCT competency) AS n FROM rows GROUP BY 1, 2),
        cards AS (SELECT requisition_id, stage, COUNT(rating) AS rated, MAX(submitted_at) AS sub,
                         MIN(debrief_at) AS deb
                  FROM rows GROUP BY candidate_id, requisition_id, stage, interviewer_id)
        SELECT COUNT(*), COALESCE(SUM(cards.rated = comps.n), 0),
               COALESCE(SUM(sub IS NOT NULL AND deb IS NOT NULL), 0), COALESCE(SUM(sub < deb), 0)
        FROM cards JOIN comps USING (requisition_id, stage)""", params).fetchone()
    total, complete, timed, before = (int(v) for v in row)
    return {"scorecards": total, "completed": complete, "completed_share": _share(complete, total),
            "with_both_times": timed, "before_debrief": before, "before_debrief_share": _share(before, timed),
            "missing_times": total - timed}


def _sd(n: int, total: float, squares: float) -> float | None:
    if n < 2:
        return None
    return math.sqrt(max(0.0, (squares - total * total / n) / (n - 1)))


def _interviewers(conn: Connection, where: str, params: list[str]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rated = f"{where} AND rating IS NOT NULL" if where else "WHERE rating IS NOT NULL"
    rows = conn.execute(f"""
        WITH r AS (SELECT interviewer_id, rating, SUM(rating) OVER w AS s, COUNT(rating) OVER w AS c
                   FROM scorecards {rated}
                   WINDOW w AS (PARTITION BY candidate_id, requisition_id, stage, competency))
        SELECT interviewer_id, COUNT(*), SUM(rating), SUM(rating * rating),
               SUM(CASE WHEN c > 1 THEN rating - (s - rating) * 1.0 / (c - 1) END), SUM(c > 1)
        FROM r GROUP BY interviewer_id ORDER BY interviewer_id""", params).fetchall()
    people = []
    n_all = sum_all = sq_all = 0
    for who, n, total, squares, diff, paired in rows:
        n_all += n
        sum_all += total
        sq_all += squares
        sd = _sd(n, total, squares)
        lean = diff / paired if paired else None
        flags = []
        if n >= MIN_RATINGS and sd is not None and sd < FLAT_SD:
            flags.append("flat")
        if paired >= MIN_RATINGS and lean is not None and lean <= -LEAN:
            flags.append("harsh")
        if paired >= MIN_RATINGS and lean is not None and lean >= LEAN:
            flags.append("kind")
        people.append({"interviewer_id": who, "ratings": n, "mean": round(total / n, 3),
                       "sd": None if sd is None else round(sd, 3), "paired_ratings": int(paired),
                       "vs_panel": None if lean is None else round(lean, 3), "flags": flags})
    panel = {"ratings": n_all, "mean": round(sum_all / n_all, 3) if n_all else None,
             "sd": None if _sd(n_all, sum_all, sq_all) is None else round(_sd(n_all, sum_all, sq_all) or 0, 3)}
    return people, panel


def _stage_order(conn: Connection, where: str, params: list[str]) -> dict[str, list[str]]:
    """Each requisition's stages in interview order: by the first ``interviewed_at`` of the stage
    (stages without any time last, then by name)."""
    firsts = conn.execute(f"""SELECT requisition_id, stage, MIN(interviewed_at) FROM scorecards {where}
                              GROUP BY 1, 2""", params).fetchall()
    order: dict[str, list[tuple[bool, str, str]]] = defaultdict(list)
    for req, stage, first in firsts:
        order[req].append((first is None, first or "", stage))
    return {req: [stage for *_, stage in sorted(keys)] for req, keys in order.items()}


def _consistency(conn: Connection, where: str, params: list[str]) -> tuple[list[dict[str, Any]], float | None]:
    """Per requisition: candidates whose stages are the first stages of the requisition's
    sequence (leaving early is fine, skipping a stage is not) and who, at each stage, were
    assessed on the competencies most candidates at that stage were assessed on."""
    rows = conn.execute(f"""
        SELECT requisition_id, stage, candidate_id, group_concat(competency, char(31))
        FROM (SELECT DISTINCT requisition_id, stage, candidate_id, competency FROM scorecards {where}
              ORDER BY 1, 2, 3, 4)
        GROUP BY 1, 2, 3""", params)
    sets: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    plans: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for req, stage, cand, comps in rows:
        sets[(req, stage)][comps] += 1
        plans[req][cand][stage] = comps
    modal = {key: min(counter.items(), key=lambda item: (-item[1], item[0]))[0] for key, counter in sets.items()}
    sequence = _stage_order(conn, where, params)
    out = []
    same_all = total_all = 0
    for req in sorted(plans):
        candidates = plans[req]
        order = sequence[req]
        same = sum(set(stages) == set(order[:len(stages)])
                   and all(modal[(req, st)] == comps for st, comps in stages.items())
                   for stages in candidates.values())
        out.append({"requisition_id": req, "candidates": len(candidates), "same_plan": same,
                    "same_plan_share": _share(same, len(candidates)), "stages": order})
        same_all += same
        total_all += len(candidates)
    return out, _share(same_all, total_all)


def _panel_size(conn: Connection, where: str, params: list[str]) -> dict[str, Any]:
    rows = conn.execute(f"""
        SELECT size, COUNT(*) FROM (SELECT COUNT(DISTINCT interviewer_id) AS size FROM scorecards {where}
                                    GROUP BY candidate_id, requisition_id, stage)
        GROUP BY size ORDER BY size""", params).fetchall()
    interviews = sum(count for _, count in rows)
    total = sum(size * count for size, count in rows)
    return {"interviews": interviews, "mean": round(total / interviews, 2) if interviews else None,
            "distribution": {str(size): count for size, count in rows},
            "single_interviewer": sum(count for size, count in rows if size == 1)}
