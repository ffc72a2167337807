"""Small-cell suppression, with complementary suppression (docs/tracking.md, "Suppression").

The cells of one block are the groups of one dimension at one stage, plus the candidates who did
not disclose that dimension; the block's total (everyone decided at the stage) is published.

1. Primary: a cell with fewer than ``min_cell`` decided candidates is suppressed.
2. Complementary: while the suppressed cells could be worked out from the total and the cells
   shown, more cells are suppressed, smallest first (ties by name). That is the case when only one
   cell is suppressed (total minus the rest), when the suppressed cells add up to fewer than
   ``min_cell`` candidates, or when none or all of them were selected (the total's selections
   minus the rest would tell each suppressed person's outcome).
"""

from __future__ import annotations

from dataclasses import dataclass

PRIMARY = "small"
COMPLEMENTARY = "complementary"


@dataclass(frozen=True)
class Cell:
    key: str
    considered: int
    selected: int


def reason_text(reason: str, min_cell: int) -> str:
    if reason == PRIMARY:
        return f"fewer than {min_cell} decided candidates"
    return "suppressed too, so that a suppressed group cannot be worked out by subtraction from the total"


def _exposed(cells: list[Cell], suppressed: dict[str, str], min_cell: int) -> bool:
    hidden = [c for c in cells if c.key in suppressed]
    if not hidden:
        return False
    considered = sum(c.considered for c in hidden)
    selected = sum(c.selected for c in hidden)
    return len(hidden) < 2 or considered < min_cell or selected == 0 or selected == considered


def suppress(cells: list[Cell], min_cell: int) -> dict[str, str]:
    """The suppressed cells' keys, each with its reason (``PRIMARY`` or ``COMPLEMENTARY``)."""
    suppressed = {c.key: PRIMARY for c in cells if 0 < c.considered < min_cell}
    rest = sorted((c for c in cells if c.key not in suppressed), key=lambda c: (c.considered, c.key))
    while rest and _exposed(cells, suppressed, min_cell):
        suppressed[rest.pop(0).key] = COMPLEMENTARY
    return suppressed
