"""One posting's text laid out for the report: rows of segments, findings marked where they are."""

from __future__ import annotations

from dataclasses import dataclass

from ..results import Finding, severity_rank


@dataclass(frozen=True)
class Segment:
    text: str
    #: 1-based number of the finding that marks this text (in the posting's finding list), or None
    finding: int | None = None
    severity: str = ""
    #: the first segment of its finding (where the finding's list entry links to)
    first: bool = False


@dataclass(frozen=True)
class Row:
    label: str  # "12" (text line), "¶12" (Word paragraph), "p2 · 12" (PDF page and line)
    segments: tuple[Segment, ...]
    #: a PDF page starts here (its number), for a visible page break
    new_page: int | None = None


def _label(page: int | None, line: int, unit: str) -> str:
    if page is not None:
        return f"p{page} · {line}"
    return f"¶{line}" if unit == "paragraph" else str(line)


def _spans(f: Finding, line: int, length: int) -> tuple[int, int] | None:
    """The 0-based [start, end) of ``f`` on ``line`` of a given length, or None."""
    if f.line is None or f.column is None or f.end_line is None or f.end_column is None:
        return None
    if not f.line <= line <= f.end_line:
        return None
    start = f.column - 1 if line == f.line else 0
    end = f.end_column - 1 if line == f.end_line else length
    start, end = max(0, min(start, length)), max(0, min(end, length))
    return (start, end) if end > start else None


def layout(lines: dict[tuple[int | None, int], str], findings: tuple[Finding, ...], unit: str) -> list[Row]:
    """The rows of a posting, each line cut into segments: plain text, or text marked by the most
    severe finding on it (numbered as in ``findings``, 1-based)."""
    by_line: dict[tuple[int | None, int], list[tuple[int, Finding]]] = {}
    for number, f in enumerate(findings, 1):
        if f.line is None or f.end_line is None:
            continue
        for line in range(f.line, f.end_line + 1):
            by_line.setdefault((f.page, line), []).append((number, f))
    rows: list[Row] = []
    anchored: set[int | None] = set()
    last_page: int | None = None
    for (page, line), text in sorted(lines.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1])):
        owner: list[int | None] = [None] * len(text)
        marks = sorted(by_line.get((page, line), ()), key=lambda nf: (-severity_rank(nf[1].severity), nf[0]))
        for number, f in marks:
            span = _spans(f, line, len(text))
            if span is None:
                continue
            for i in range(*span):
                if owner[i] is None:
                    owner[i] = number
        severity = {number: f.severity for number, f in marks}
        segments: list[Segment] = []
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or owner[i] != owner[start]:
                who = owner[start] if text else None
                first = who is not None and who not in anchored
                if first:
                    anchored.add(who)
                segments.append(Segment(text[start:i], who, severity.get(who, "") if who else "", first))
                start = i
        if not segments:
            segments.append(Segment(""))
        new_page = page if page is not None and page != last_page else None
        last_page = page
        rows.append(Row(label=_label(page, line, unit), segments=tuple(segments), new_page=new_page))
    return rows
