"""``POST /api/upload``: the text of an uploaded file, read from the request's bytes in memory.

Nothing is written to disk: the body arrives as bytes (not multipart, whose parser spools large
parts to temporary files), ``.md``/``.txt`` are decoded as ``ih lint`` decodes files, and ``.docx``
and ``.pdf`` are read in memory by :mod:`inclusive_hiring.documents`.
"""

from __future__ import annotations

import os

from .service import MAX_TEXT_BYTES, RequestError

TEXT_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt")
DOCUMENT_SUFFIXES: tuple[str, ...] = (".docx", ".pdf")


def upload_suffixes() -> tuple[str, ...]:
    """The suffixes this installation can open."""
    return (*TEXT_SUFFIXES, *DOCUMENT_SUFFIXES)


def text_of_upload(name: str, data: bytes) -> str:
    """The text of an uploaded file named ``name``; :class:`RequestError` with a one-line reason
    when it cannot be read."""
    from ..api import decode_text, normalise_newlines

    suffix = os.path.splitext(name)[1].lower()
    if suffix in DOCUMENT_SUFFIXES:
        return _document_text(data, name)
    if suffix not in TEXT_SUFFIXES:
        shown = suffix or "a file without a suffix"
        raise RequestError(f"cannot open {shown}: open a {', '.join(upload_suffixes())} file, or paste the text",
                           status=415)
    if len(data) > MAX_TEXT_BYTES:
        raise RequestError(f"file too large ({len(data) / 1048576:.1f} MB; the limit is "
                           f"{MAX_TEXT_BYTES / 1048576:g} MB)", status=413)
    text, error = decode_text(data)
    if text is None:
        raise RequestError(error or "unreadable", status=422)
    return normalise_newlines(text)


def _document_text(data: bytes, name: str) -> str:
    """The text of a Word or PDF upload, read in memory by :mod:`inclusive_hiring.documents`."""
    from ..api import normalise_newlines
    from ..documents.lint import document_from_bytes
    from ..documents.model import DocumentError, linted_text

    try:
        text = linted_text(document_from_bytes(data, name)).text
    except DocumentError as error:
        raise RequestError(" ".join(str(error).split()) or "unreadable document", status=422) from None
    if not text.strip():
        raise RequestError("the document has no text", status=422)
    return normalise_newlines(text)
