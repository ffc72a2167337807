"""A found identifier (:class:`Span`) and the rule that picks one of overlapping spans."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

#: Higher wins when two spans overlap and neither contains the other's whole text.
PRIORITY: Mapping[str, int] = MappingProxyType({
    "EMAIL": 100, "URL": 95, "PHONE": 90, "DOB": 85, "MEMBERSHIP": 80, "ADDRESS": 75, "SCHOOL": 70,
    "NAME": 65, "TITLE": 60, "NATIONALITY": 55, "RELIGION": 50, "FAMILY": 45, "GENDER": 40,
    "AGE": 35, "YEAR": 30, "PRONOUN": 25, "PERSONAL": 22, "EMPLOYER": 20,
})


@dataclass(frozen=True, order=True)
class Span:
    """Characters ``start:end`` of the text are a ``kind`` identifier. ``label`` is the text
    inside the placeholder (``[MEMBERSHIP: student society]``) when it is more than the kind."""

    start: int
    end: int
    kind: str
    label: str = ""

    @property
    def placeholder(self) -> str:
        return f"[{self.label or self.kind}]"


def _beats(new: Span, old: Span) -> bool:
    """Whether ``new`` should replace ``old`` where they overlap."""
    if new.start <= old.start and new.end >= old.end and (new.end - new.start) > (old.end - old.start):
        # A span that contains another wins, unless the inner one is a stronger kind that the
        # outer one merely swallowed (an e-mail inside a "Contact:" line).
        return PRIORITY.get(new.kind, 0) + 40 >= PRIORITY.get(old.kind, 0)
    if old.start <= new.start and old.end >= new.end and (old.end - old.start) > (new.end - new.start):
        return PRIORITY.get(new.kind, 0) > PRIORITY.get(old.kind, 0) + 40
    return PRIORITY.get(new.kind, 0) > PRIORITY.get(old.kind, 0)


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, sorted; of overlapping ones the longer or stronger wins.

    The chosen spans are kept sorted by start; as they never overlap, their ends are sorted too,
    so the ones a new span clashes with are one run found by bisection (near-linear overall)."""
    chosen: list[Span] = []
    starts: list[int] = []
    for span in sorted(set(spans), key=lambda s: (-(s.end - s.start), -PRIORITY.get(s.kind, 0), s)):
        if span.end <= span.start:
            continue
        high = bisect.bisect_left(starts, span.end)
        low = high
        while low > 0 and chosen[low - 1].end > span.start:
            low -= 1
        if all(_beats(span, c) for c in chosen[low:high]):
            chosen[low:high] = [span]
            starts[low:high] = [span.start]
    return chosen


def merge_adjacent(spans: list[Span], text: str, kinds: frozenset[str], glue: str) -> list[Span]:
    """Join neighbouring spans of the same kind in ``kinds`` whose gap is only ``glue`` characters
    ("Zoë" + " " + "Müller" -> one [NAME])."""
    merged: list[Span] = []
    for span in spans:
        if merged:
            last = merged[-1]
            gap = text[last.end:span.start]
            if (last.kind == span.kind and span.kind in kinds and last.label == span.label
                    and all(ch in glue for ch in gap) and "\n" not in gap):
                merged[-1] = Span(last.start, span.end, last.kind, last.label)
                continue
        merged.append(span)
    return merged


def fill(chosen: list[Span], fields: Iterable[Span], text: str) -> list[Span]:
    """``chosen`` plus the parts of each field value that no chosen span covers, as spans of the
    field's kind (a value is redacted whole even where a detector took only a word of it)."""
    out = list(chosen)
    starts = [s.start for s in chosen]
    for field in fields:
        position = field.start
        index = bisect.bisect_right(starts, field.start) - 1
        index = max(index, 0)
        pieces: list[tuple[int, int]] = []
        while index < len(chosen) and chosen[index].start < field.end:
            span = chosen[index]
            if span.end > position:
                if span.start > position:
                    pieces.append((position, span.start))
                position = max(position, span.end)
            index += 1
        if position < field.end:
            pieces.append((position, field.end))
        for start, end in pieces:
            while start < end and not (text[start].isalnum() or text[start] in "([+"):
                start += 1
            while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")]"):
                end -= 1
            piece = text[start:end]
            if re.fullmatch(r"[a-z]{1,3}", piece):
                continue  # a joining word between two redacted parts ("21.09.1987 in Kassel")
            if start < end and any(ch.isalnum() for ch in piece):
                out.append(Span(start, end, field.kind, field.label))
    return sorted(out)
