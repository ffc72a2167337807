"""Adverse-impact statistics for one group against the highest-rate group (29 CFR 1607.4(D)).

Standard library only. Fisher's exact test uses the hypergeometric distribution of the 2x2 table
(selected / not selected x group / reference group), with probabilities from ``math.lgamma``:
the two-sided p-value sums every table as likely as or less likely than the observed one (with
the same relative tolerance as SciPy, 1e-7), and the mid-p value counts the tables exactly as
likely as the observed one at half weight (Lancaster's mid-p).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

FOUR_FIFTHS = Fraction(4, 5)
_TIES = 1 + 1e-7


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


@dataclass(frozen=True)
class Fisher:
    p: float
    mid_p: float


def fisher_exact(a: int, b: int, c: int, d: int) -> Fisher:
    """Two-sided Fisher's exact test of the table [[a, b], [c, d]] (rows: groups; columns: selected,
    not selected), and its mid-p value."""
    if min(a, b, c, d) < 0:
        raise ValueError("counts must not be negative")
    row1, row2, col1 = a + b, c + d, a + c
    total = row1 + row2
    low, high = max(0, col1 - row2), min(col1, row1)
    if low == high:
        return Fisher(1.0, 0.5)
    log_denominator = _log_comb(total, col1)

    def log_p(x: int) -> float:
        return _log_comb(row1, x) + _log_comb(row2, col1 - x) - log_denominator

    observed = log_p(a)
    threshold = observed + math.log(_TIES)
    below = equal = 0.0
    # Ties are judged on log-probabilities relative to the observed table.
    for x in range(low, high + 1):
        lp = log_p(x)
        if lp <= threshold:
            if lp >= observed - math.log(_TIES):
                equal += math.exp(lp)
            else:
                below += math.exp(lp)
    p = min(1.0, below + equal)
    return Fisher(p, min(1.0, below + equal / 2))


def impact_ratio(selected: int, considered: int, ref_selected: int, ref_considered: int) -> Fraction | None:
    """The group's selection rate over the reference group's, exactly; None when undefined."""
    if considered == 0 or ref_considered == 0 or ref_selected == 0:
        return None
    return Fraction(selected, considered) / Fraction(ref_selected, ref_considered)


def below_four_fifths(ratio: Fraction | None) -> bool:
    """The four-fifths flag: strictly below 0.8 (exactly 0.8 is not flagged)."""
    return ratio is not None and ratio < FOUR_FIFTHS


def selections_to_four_fifths(selected: int, considered: int, ref_selected: int, ref_considered: int) -> int:
    """How many more of the group's candidates would have to be selected (the reference group
    unchanged) for the impact ratio to reach 0.8; 0 when it already does."""
    if considered == 0 or ref_considered == 0:
        return 0
    needed = math.ceil(FOUR_FIFTHS * Fraction(ref_selected, ref_considered) * considered)
    return max(0, min(considered, needed) - selected)
