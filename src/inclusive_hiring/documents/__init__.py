"""Word, PDF and zipped-HTML documents: extract their text, lint it, report positions in them.

This module stays light (no python-docx or pypdf import) because ``api.lint_file`` asks
:func:`handles` about every path. docs/documents.md describes formats, positions and limits.
"""

from __future__ import annotations

import os

#: Suffixes read by this package (``.zip``: a Google Docs "Web page (.html, zipped)" export).
DOCUMENT_SUFFIXES: tuple[str, ...] = (".docx", ".pdf", ".zip")
#: Suffixes a directory run picks up besides the text ones (a .zip only when named on the command line).
DIRECTORY_SUFFIXES: tuple[str, ...] = (".docx", ".pdf")
#: Formats ih cannot read, with the one-line advice given for them.
UNSUPPORTED: dict[str, str] = {
    ".doc": "Word 97-2003 document (.doc) is not supported; save it as .docx or PDF",
    ".odt": "OpenDocument text (.odt) is not supported; save it as .docx or PDF",
    ".rtf": "Rich Text Format (.rtf) is not supported; save it as .docx or PDF",
    ".pages": "Apple Pages document (.pages) is not supported; export it as .docx or PDF",
    ".wpd": "WordPerfect document (.wpd) is not supported; save it as .docx or PDF",
    ".dotx": "Word template (.dotx) is not supported; save it as a .docx document",
    ".docm": "macro-enabled Word document (.docm) is not supported; save it as .docx",
}


def suffix(path: str) -> str:
    """The lower-case suffix of ``path`` (``""`` when there is none)."""
    return os.path.splitext(path)[1].lower()


def handles(path: str) -> bool:
    """Whether ``path`` is read by this package rather than as UTF-8 text."""
    ext = suffix(path)
    return ext in DOCUMENT_SUFFIXES or ext in UNSUPPORTED


def line_unit(path: str) -> str | None:
    """What a finding's ``line`` counts in ``path``: ``"paragraph"``, ``"page-line"`` or None (text lines)."""
    ext = suffix(path)
    if ext in (".docx", ".zip"):
        return "paragraph"
    if ext == ".pdf":
        return "page-line"
    return None
