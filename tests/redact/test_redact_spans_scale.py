"""Span resolution at scale: the bisecting resolver picks exactly what the plain pairwise rule
picks, and a very long generated CV comes out whole (time is measured in docs, not asserted)."""

from __future__ import annotations

import itertools
import random

from inclusive_hiring.redact.engine import redact_text
from inclusive_hiring.redact.spans import PRIORITY, Span, _beats, resolve


def _pairwise(spans: list[Span]) -> list[Span]:
    """The reference rule, written the slow and obvious way."""
    chosen: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (-(s.end - s.start), -PRIORITY.get(s.kind, 0), s)):
        if span.end <= span.start:
            continue
        clashes = [c for c in chosen if c.start < span.end and span.start < c.end]
        if all(_beats(span, c) for c in clashes):
            chosen = [c for c in chosen if c not in clashes] + [span]
    return sorted(chosen)


def test_resolver_matches_the_pairwise_rule_on_random_spans():
    rng = random.Random(20261207)
    kinds = sorted(PRIORITY)
    for _ in range(40):
        spans = []
        for _ in range(rng.randrange(1, 300)):
            start = rng.randrange(0, 2000)
            spans.append(Span(start, start + rng.randrange(0, 60), rng.choice(kinds)))
        chosen = resolve(spans)
        assert chosen == _pairwise(spans)
        assert all(a.end <= b.start for a, b in itertools.pairwise(chosen))


def test_a_very_long_cv_is_redacted_whole():
    block = ("Referee {n}: Dr Amaka Obi, amaka.obi{n}@example.org, +44 7700 900{n:03d}\n"
             "Volunteer tutor at a code club; mentors new analysts in SQL and dashboards.\n")
    text = "Tomasz Brandt\ntomasz.brandt@example.com\n\n" + "".join(block.format(n=n) for n in range(1600))
    assert len(text) > 190_000
    result = redact_text(text)
    assert "@example" not in result.text
    assert result.counts["EMAIL"] == 1601
    assert result.text.count("Volunteer tutor at a code club; mentors new analysts in SQL and dashboards.") == 1600
    assert "Tomasz" not in result.text and "Brandt" not in result.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(result.spans))
