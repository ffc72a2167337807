"""Bounded pieces for the span step: no spaCy Doc is ever longer than :data:`MAX_DOC` characters,
and no line piece longer than :data:`MAX_PIECE`.

The span step tokenizes the candidate lines of a document (``catalog/matching.py``). Matches never
cross a line, so lines can go into separate Docs without changing any result: they are grouped
into Docs of at most :data:`MAX_DOC` characters (spaCy refuses texts over 1,000,000 characters,
and memory grows with the Doc).

A single line longer than :data:`MAX_PIECE` (no real posting has one: the matcher already cuts
long lines at sentence ends) is cut into pieces, each cut placed in the last tenth of the piece:
at a sentence end (". ! ? …" and a space) if there is one, else after a clause mark (", ; :"),
else at a space, else (a run of 1,000 characters without a space, which holds no phrase) at the
fixed width. The trade-off: a phrase written across a cut at a plain space is not found, and a
"sentence" constraint of a word list entry sees only its piece; at most one phrase per cut is
lost, only in lines over :data:`MAX_PIECE` characters without sentence punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalog.matching import Line
from .limits import MAX_DOC, MAX_PIECE

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")
_CLAUSE_END = re.compile(r"[,;:]\s")
_SPACE = re.compile(r"\s")


def _last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """The offset of the last whitespace character that ends a match of ``pattern`` in text[lo:hi]."""
    found = None
    for m in pattern.finditer(text, lo, hi):
        found = m.end() - 1
    return found


def cut_point(text: str, start: int, limit: int) -> int:
    """Where to end the piece that begins at ``start`` and may reach ``limit`` (exclusive)."""
    lo = max(start + 1, limit - (limit - start) // 10)
    for pattern in (_SENTENCE_END, _CLAUSE_END, _SPACE):
        at = _last(pattern, text, lo, limit)
        if at is not None:
            return at
    return limit


def bounded_lines(lines: list[Line], text: str, max_piece: int = MAX_PIECE) -> list[Line]:
    """``lines`` with every line longer than ``max_piece`` cut into pieces (see the module)."""
    out: list[Line] = []
    for line in lines:
        start = line.start
        while line.end - start > max_piece:
            cut = cut_point(text, start, start + max_piece)
            if text[start:cut].strip():
                out.append(Line(start, cut, line.entries))
            start = cut
            while start < line.end and text[start].isspace():
                start += 1
        if start < line.end:
            out.append(Line(start, line.end, line.entries))
    return out


def doc_groups(lines: list[Line], max_doc: int = MAX_DOC) -> Iterator[list[Line]]:
    """Consecutive runs of ``lines`` whose texts, joined by newlines, fit in ``max_doc`` characters
    (each line no longer than ``max_doc``: see :func:`bounded_lines`)."""
    group: list[Line] = []
    size = 0
    for line in lines:
        length = line.end - line.start + 1
        if group and size + length > max_doc:
            yield group
            group, size = [], 0
        group.append(line)
        size += length
    if group:
        yield group
