"""The span step: word-list entries matched in the document (``index.py``, ``matching.py``)."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from .hits import Hit

if TYPE_CHECKING:
    from ..catalog.index import CatalogIndex
    from ..catalog.matching import Line, Matchers
    from ..catalog.overlay import OverlayIndex
    from ..text.markup import Prepared


def span_hits(prepared: Prepared, index: CatalogIndex | OverlayIndex, matchers: Callable[[], Matchers], kind: str,
              skip: frozenset[str] = frozenset()) -> tuple[list[Hit], list[str]]:
    """The hits of the entries that match, except the ``skip`` entries (those of disabled rules,
    and configuration terms of other paths); and the document's words, found on the way.
    ``matchers`` builds the spaCy side on first use: a text with no anchor word never needs it."""
    from ..catalog.matching import Line, candidate_lines
    from ..text.search import has_phrase
    from .limits import MAX_FINDINGS, TooManyFindings
    from .pieces import bounded_lines, doc_groups

    normal = prepared.normal
    lines, words = candidate_lines(normal, index, kind)
    if skip:
        lines = [Line(line.start, line.end, line.entries - skip) for line in lines if line.entries - skip]
    if not lines:
        return [], words
    found_matchers = matchers()
    found_matchers.prepare(set().union(*(line.entries for line in lines)))
    found: dict[tuple[str, ...], bool] = {}

    def lifted(phrases: tuple[str, ...]) -> bool:
        """Whether the whole document has one of these phrases (``not_in_document_with``)."""
        if phrases not in found:
            found[phrases] = has_phrase(normal, phrases, prepared.lower)
        return found[phrases]

    hits: list[Hit] = []
    # Bounded pieces (``pieces.py``): no Doc over MAX_DOC characters, whatever the input.
    for group in doc_groups(bounded_lines(lines, normal)):
        hits.extend(_group_hits(prepared, group, found_matchers, kind, lifted))
        if len(hits) > MAX_FINDINGS:
            raise TooManyFindings(MAX_FINDINGS)
    return hits, words


def _group_hits(prepared: Prepared, lines: list[Line], found_matchers: Matchers, kind: str,
                lifted: Callable[[tuple[str, ...]], bool]) -> list[Hit]:
    """The hits in ``lines``, tokenized together as one Doc."""
    normal = prepared.normal
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        parts.append(normal[line.start:line.end])
        pos += line.end - line.start + 1
    doc = found_matchers.pipeline.make("\n".join(parts))
    from spacy.attrs import IDX

    token_starts = doc.to_array([IDX]).ravel().tolist() if len(doc) else []
    firsts = [bisect.bisect_left(token_starts, s) for s in starts] + [len(doc)]
    ranges = [(firsts[i], firsts[i + 1], line.entries) for i, line in enumerate(lines)]
    hits: list[Hit] = []
    for match in found_matchers.find(doc, ranges, kind, lifted):
        entry = match.entry
        span = doc[match.start:match.end]
        i = bisect.bisect_right(starts, span.start_char) - 1
        shift = lines[i].start - starts[i]
        start, end = prepared.original_span(span.start_char + shift, span.end_char + shift)
        # A phrase wrapped over two lines is still one line in the message.
        quoted = " ".join(prepared.original[start:end].split())
        hits.append(Hit(entry.rule_id, entry.message.replace("{match}", quoted),
                        span=(span.start_char + shift, span.end_char + shift),
                        replacements=entry.replacements, rationale=entry.rationale,
                        severity=entry.severity, source=entry.source,
                        fix="safe" if entry.fix_safe else ("none" if entry.no_fix else None)))
    return hits
