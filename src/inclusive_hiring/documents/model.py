"""The text of a document as pieces with positions, and the text that gets linted.

A reader (docx, pdf, zipped html) returns a :class:`Document`: pieces of text, each with the
position a reader of the original would use (paragraph number, or page and line). The linted text
is the pieces joined, headings prefixed with ``#`` and list items with ``-`` so the Markdown
section logic applies; :class:`PositionMap` turns offsets in the linted text back into positions.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


class DocumentError(Exception):
    """A document that cannot be linted; ``str()`` is the one-line reason."""


@dataclass(frozen=True)
class Piece:
    """One run of text as it appears in the document."""

    text: str
    #: the reported line: paragraph number (Word, HTML) or line on its page (PDF), 1-based
    line: int
    #: 1-based column of ``text[0]`` within that line
    column: int = 1
    page: int | None = None
    #: Markdown-like marker put before the text in the linted text ("## ", "- ")
    prefix: str = ""
    #: what follows the piece in the linted text: "\n\n" a hard break, "\n" a soft wrap,
    #: "" a word hyphenated over a line end (the hyphen is not in ``text``)
    after: str = "\n\n"


@dataclass(frozen=True)
class Document:
    """A document's pieces, the text of each reported line (for snippets and reports) and notes
    for the ``metrics.document`` object."""

    format: str
    pieces: tuple[Piece, ...]
    lines: dict[tuple[int | None, int], str]
    notes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PositionMap:
    """Offsets in the linted text -> (page, line, column) in the document."""

    text: str
    starts: tuple[int, ...]  # where each piece's prefix starts in ``text``
    text_starts: tuple[int, ...]  # where each piece's text starts
    pieces: tuple[Piece, ...]

    def position(self, offset: int) -> tuple[int | None, int, int]:
        """(page, line, column) of the character at ``offset`` of the linted text."""
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        piece = self.pieces[i]
        delta = min(max(offset - self.text_starts[i], 0), len(piece.text))
        return piece.page, piece.line, piece.column + delta

    def end_position(self, end: int) -> tuple[int | None, int, int]:
        """(page, line, column) just after the character at ``end - 1`` (exclusive end)."""
        page, line, column = self.position(max(end - 1, 0))
        return page, line, column + 1


def linted_text(document: Document) -> PositionMap:
    """Join the pieces into the text that is linted, with its position map."""
    parts: list[str] = []
    starts: list[int] = []
    text_starts: list[int] = []
    pos = 0
    for piece in document.pieces:
        starts.append(pos)
        parts.append(piece.prefix)
        pos += len(piece.prefix)
        text_starts.append(pos)
        parts.append(piece.text)
        pos += len(piece.text)
        parts.append(piece.after)
        pos += len(piece.after)
    text = "".join(parts).rstrip("\n") + "\n"
    return PositionMap(text=text, starts=tuple(starts), text_starts=tuple(text_starts),
                       pieces=document.pieces)


class Paragraphs:
    """Collects numbered paragraphs (Word, HTML): each number one or more (prefix, text) parts."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.lines: dict[tuple[int | None, int], str] = {}
        self.number = 0

    def add(self, parts: list[tuple[str, str]]) -> None:
        """One numbered paragraph; a table cell's paragraphs are the parts of one number, shown
        joined by line breaks. Parts without text are dropped; nothing is numbered for none."""
        parts = [(prefix, text) for prefix, text in parts if text]
        if not parts:
            return
        self.number += 1
        column = 1
        for prefix, text in parts:
            self.pieces.append(Piece(text=text, line=self.number, column=column, prefix=prefix))
            column += len(text) + 1
        self.lines[(None, self.number)] = "\n".join(text for _, text in parts)

    def document(self, format_name: str, notes: dict[str, Any]) -> Document:
        return Document(format=format_name, pieces=tuple(self.pieces), lines=self.lines, notes=notes)
