"""The report's content, as one JSON-ready dict (schema: docs/json-schema-track.md). The
Markdown and HTML reports only format it; the JSON report is it."""

from __future__ import annotations

from collections import defaultdict
from sqlite3 import Connection
from typing import Any

from .discipline import discipline
from .stats import below_four_fifths, fisher_exact, impact_ratio, selections_to_four_fifths
from .store import counts, dimensions, group_counts, stage_totals
from .suppress import Cell, reason_text, suppress

REPORT_VERSION = 1
SIGNIFICANCE = 0.05
_UNDISCLOSED = "\x00not disclosed"


def _p(value: float) -> float:
    return float(f"{value:.4g}")


def _rate(selected: int, considered: int) -> float | None:
    return round(selected / considered, 4) if considered else None


def build(conn: Connection, *, since: str | None = None, stage: str | None = None, min_cell: int = 5) -> dict[str, Any]:
    totals = stage_totals(conn, since, stage)
    decided = {s: (sel + rej, sel) for s, sel, rej, _ in totals}
    order = sorted(decided, key=lambda s: (-decided[s][0], s))
    stages = [{"stage": s, "considered": decided[s][0], "selected": decided[s][1],
               "rate": _rate(decided[s][1], decided[s][0]),
               "withdrew": next(w for st, _, _, w in totals if st == s)} for s in order]
    by_block: dict[tuple[str, str], list[Cell]] = defaultdict(list)
    for st, dim, group, n, k in group_counts(conn, since, stage):
        by_block[(st, dim)].append(Cell(group, n, k))
    rows: list[dict[str, Any]] = []
    undisclosed: list[dict[str, Any]] = []
    primary = complementary = 0
    for st in order:
        for dim in dimensions(conn):
            cells = list(by_block.get((st, dim), []))
            known_n = sum(c.considered for c in cells)
            known_k = sum(c.selected for c in cells)
            rest = Cell(_UNDISCLOSED, decided[st][0] - known_n, decided[st][1] - known_k)
            block = cells + ([rest] if rest.considered else [])
            hidden = suppress(block, min_cell)
            primary += sum(1 for r in hidden.values() if r == "small")
            complementary += sum(1 for r in hidden.values() if r != "small")
            rows.extend(_block_rows(st, dim, cells, hidden, min_cell))
            undisclosed.append({"stage": st, "dimension": dim,
                                "considered": None if _UNDISCLOSED in hidden else rest.considered,
                                "suppressed": _UNDISCLOSED in hidden,
                                "suppressed_reason": reason_text(hidden[_UNDISCLOSED], min_cell)
                                if _UNDISCLOSED in hidden else None})
    return {
        "report": "ih-track", "version": REPORT_VERSION,
        "filters": {"since": since, "stage": stage, "min_cell": min_cell},
        "store": counts(conn),
        "stages": stages,
        "adverse_impact": rows,
        "not_disclosed": undisclosed,
        "suppression": {"min_cell": min_cell, "small": primary, "complementary": complementary},
        "scorecards": discipline(conn, since, stage),
    }


def _block_rows(stage: str, dim: str, cells: list[Cell], hidden: dict[str, str], min_cell: int) -> list[dict[str, Any]]:
    shown = [c for c in cells if c.key not in hidden]
    # The reference is the shown group with the highest rate (never a suppressed one: its rate
    # could be worked back from the ratios); ties go to the larger group, then the name.
    reference = max(shown, key=lambda c: (c.selected / c.considered, c.considered, c.key), default=None)
    out = []
    for cell in sorted(cells, key=lambda c: c.key):
        row: dict[str, Any] = {"stage": stage, "dimension": dim, "group": cell.key}
        if cell.key in hidden:
            row.update(considered=None, selected=None, rate=None, impact_ratio=None, fisher_p=None,
                       fisher_mid_p=None, flag=None, significant=None, selections_to_four_fifths=None,
                       reference=False, suppressed=True,
                       suppressed_reason=reason_text(hidden[cell.key], min_cell))
            out.append(row)
            continue
        is_ref = reference is not None and cell.key == reference.key
        ratio = fisher = None
        if reference is not None and len(shown) > 1:
            ratio = impact_ratio(cell.selected, cell.considered, reference.selected, reference.considered)
            if not is_ref:
                fisher = fisher_exact(cell.selected, cell.considered - cell.selected,
                                      reference.selected, reference.considered - reference.selected)
        needed = None
        if ratio is not None and not is_ref:
            needed = selections_to_four_fifths(cell.selected, cell.considered, reference.selected,  # type: ignore[union-attr]
                                               reference.considered)  # type: ignore[union-attr]
        row.update(considered=cell.considered, selected=cell.selected, rate=_rate(cell.selected, cell.considered),
                   impact_ratio=None if ratio is None else round(float(ratio), 4),
                   fisher_p=None if fisher is None else _p(fisher.p),
                   fisher_mid_p=None if fisher is None else _p(fisher.mid_p),
                   flag=below_four_fifths(ratio),
                   significant=None if fisher is None else fisher.p < SIGNIFICANCE,
                   selections_to_four_fifths=needed, reference=is_ref and ratio is not None,
                   suppressed=False, suppressed_reason=None)
        out.append(row)
    return out
