"""Read a PDF's text layer (pypdf) into a :class:`~.model.Document`.

Lines are numbered per page (1-based, lines with text only). A word hyphenated at a line end is
joined (the hyphen kept after a prefix such as "self-" or "full-"); a line continues the one before
(a soft wrap) when it starts in lower case, or when the line before is long and does not end a
sentence. Running headers and footers (a line, digits aside, among the first or last two lines of
most pages) are linted once, where they first appear. No OCR: a PDF without a text layer is an error.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator

from .model import Document, DocumentError, Piece

_HYPHENS = ("-", "\u00ad", "\u2010")
# Words that keep their hyphen when a compound breaks at it ("self-\nstarter" is "self-starter").
_KEEP_HYPHEN = frozenset({
    "self", "well", "full", "part", "non", "cross", "long", "short", "high", "low", "multi", "co",
    "ex", "e", "follow", "up", "on", "off", "hands", "fast", "team", "cutting", "detail", "results",
    "data", "customer", "client", "mid", "senior", "entry", "top", "world", "best", "in",
    "out", "user", "fact", "work", "life", "twenty", "thirty", "forty", "fifty", "sixty", "year",
})
_LIST_START = re.compile(r"^([-*+•▪◦●·]|\d{1,3}[.)]|[a-z][.)])\s")
_DIGITS = re.compile(r"\d+")
_EDGE = 2  # lines at the top and bottom of a page where running headers and footers are looked for


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs warnings about odd but readable files; they are not the user's business here."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def page_lines(data: bytes) -> tuple[list[list[str]], int]:
    """The text lines of every page (blank lines dropped) and the page count; :class:`DocumentError`
    when the PDF is encrypted or cannot be read. ``ih redact`` reads PDFs through this too."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")  # only an owner password: readable as it is
                except (DependencyError, NotImplementedError, PdfReadError):
                    opened = 0
                if not opened:
                    raise DocumentError("encrypted PDF (it needs a password to open); save an "
                                        "unprotected copy, or save the source document as .docx")
            pages = [[line.rstrip() for line in (page.extract_text() or "").split("\n") if line.strip()]
                     for page in reader.pages]
        except DocumentError:
            raise
        except Exception as exc:  # pypdf raises many types on a damaged file
            raise DocumentError(f"not a readable PDF ({type(exc).__name__}); export it again from "
                                "the source document") from exc
    return pages, len(pages)


def _key(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line).split()).casefold()


def running_lines(pages: list[list[str]]) -> set[str]:
    """Keys (digits as #) of lines at the top or bottom of most pages: running headers/footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(line) for line in lines[:_EDGE] + lines[-_EDGE:]})
    return {key for key, n in counts.items() if n >= 2 and 2 * n > len(pages)}


def _joiner(line: str, following: str | None, width: int) -> str:
    """How ``line`` joins the next line of text: "" hyphen join, "\\n" soft wrap, "\\n\\n" break."""
    if following is None:
        return "\n\n"
    first = following.lstrip()[:1]
    if line.endswith(_HYPHENS) and len(line) > 1 and line[-2].isalpha() and first.islower():
        return ""
    if _LIST_START.match(following.lstrip()):
        return "\n\n"
    if first.islower():
        return "\n"
    if line.endswith((".", "!", "?", ":", ";")) or len(line.strip()) < 0.6 * width:
        return "\n\n"
    return "\n"


def read_pdf(data: bytes) -> Document:
    """The pieces of a PDF's bytes; :class:`DocumentError` when it cannot be read or has no text."""
    pages, count = page_lines(data)
    if not any(pages):
        raise DocumentError(f"the PDF ({count} page{'s' * (count != 1)}) has no text layer (a scan "
                            "or an image); ih does not do OCR: export the PDF from the source "
                            "document, or lint the .docx")
    running = running_lines(pages)
    seen: set[str] = set()
    kept: list[tuple[int, int, str, int]] = []  # (page, line, text, width of the page)
    removed = 0
    lines: dict[tuple[int | None, int], str] = {}
    for page_no, page in enumerate(pages, 1):
        width = max((len(line.strip()) for line in page), default=0)
        for line_no, line in enumerate(page, 1):
            lines[(page_no, line_no)] = line
            key = _key(line)
            edge = line_no <= _EDGE or line_no > len(page) - _EDGE
            if edge and key in running:
                if key in seen:
                    removed += 1
                    continue
                seen.add(key)
            kept.append((page_no, line_no, line, width))
    pieces: list[Piece] = []
    for i, (page_no, line_no, line, width) in enumerate(kept):
        following = kept[i + 1][2] if i + 1 < len(kept) else None
        after = _joiner(line.rstrip(), following, width)
        text = line.strip()
        column = len(line) - len(line.lstrip()) + 1
        if after == "":
            stem = text[:-1].split()[-1] if text[:-1].split() else ""
            if text.endswith("\u00ad") or stem.casefold() not in _KEEP_HYPHEN:
                text = text[:-1]
        pieces.append(Piece(text=text, line=line_no, column=column, page=page_no, after=after))
    notes = {"format": "pdf", "pages": count, "running_lines_removed": removed,
             "pages_without_text": [n for n, page in enumerate(pages, 1) if not page]}
    return Document(format="pdf", pieces=tuple(pieces), lines=lines, notes=notes)
