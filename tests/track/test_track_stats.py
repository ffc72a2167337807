"""Adverse-impact statistics: the issue's worked example, the four-fifths boundary, Fisher's exact
test against an exact-fraction oracle and against SciPy."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inclusive_hiring.track.stats import (
    below_four_fifths,
    fisher_exact,
    impact_ratio,
    selections_to_four_fifths,
)


def exact_fisher(a: int, b: int, c: int, d: int) -> tuple[Fraction, Fraction]:
    """Two-sided p and mid-p with exact integers (slow; small tables only)."""
    row1, row2, col1 = a + b, c + d, a + c
    total = math.comb(row1 + row2, col1)
    probs = {x: Fraction(math.comb(row1, x) * math.comb(row2, col1 - x), total)
             for x in range(max(0, col1 - row2), min(col1, row1) + 1)}
    observed = probs[a]
    below = sum((p for p in probs.values() if p < observed), Fraction(0))
    equal = sum((p for p in probs.values() if p == observed), Fraction(0))
    return below + equal, below + equal / 2


def test_twelve_of_forty_against_forty_eight_of_eighty():
    ratio = impact_ratio(12, 40, 48, 80)
    assert ratio == Fraction(1, 2)
    assert below_four_fifths(ratio)
    result = fisher_exact(12, 28, 48, 32)
    assert result.p == pytest.approx(0.0034, abs=5e-5)
    assert result.mid_p < result.p
    assert selections_to_four_fifths(12, 40, 48, 80) == 8  # 20 of 40 = 0.5 = 0.8 x 0.6


def test_exactly_four_fifths_is_not_flagged():
    ratio = impact_ratio(12, 30, 40, 80)
    assert ratio == Fraction(4, 5)
    assert not below_four_fifths(ratio)
    assert below_four_fifths(impact_ratio(11, 30, 40, 80))
    assert selections_to_four_fifths(12, 30, 40, 80) == 0
    assert selections_to_four_fifths(11, 30, 40, 80) == 1


def test_domain_reference_examples():
    # shared/reference/domain.md 6.3: 2 of 10 vs 10 of 20 -> IR 0.40, p = 0.235
    assert impact_ratio(2, 10, 10, 20) == Fraction(2, 5)
    assert fisher_exact(2, 8, 10, 10).p == pytest.approx(0.235, abs=5e-4)
    # 2,125 of 5,000 vs 2,500 of 5,000 -> IR 0.85 (not flagged) yet p ~ 6e-14
    assert not below_four_fifths(impact_ratio(2125, 5000, 2500, 5000))
    assert fisher_exact(2125, 2875, 2500, 2500).p == pytest.approx(6.16e-14, rel=1e-2)


def test_undefined_ratios():
    assert impact_ratio(3, 10, 0, 10) is None  # nobody selected in the reference group
    assert impact_ratio(0, 0, 3, 10) is None
    assert not below_four_fifths(None)
    assert fisher_exact(0, 5, 0, 7).p == 1.0  # one possible table


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 25), st.integers(0, 25), st.integers(0, 25), st.integers(0, 25))
def test_fisher_matches_exact_fractions(a, b, c, d):
    p, mid_p = exact_fisher(a, b, c, d)
    result = fisher_exact(a, b, c, d)
    assert result.p == pytest.approx(float(p), rel=1e-9, abs=1e-15)
    assert result.mid_p == pytest.approx(float(mid_p), rel=1e-9, abs=1e-15)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 300), st.integers(0, 300), st.integers(0, 300), st.integers(0, 300))
def test_fisher_matches_scipy(a, b, c, d):
    scipy_stats = pytest.importorskip("scipy.stats", reason="scipy is the oracle (pip install -e '.[test]')")
    expected = scipy_stats.fisher_exact([[a, b], [c, d]], alternative="two-sided").pvalue
    assert fisher_exact(a, b, c, d).p == pytest.approx(float(expected), rel=1e-6, abs=1e-12)


def test_fisher_rejects_negative_counts():
    with pytest.raises(ValueError):
        fisher_exact(-1, 2, 3, 4)
