"""``POST /api/upload``: the text of an uploaded file, read from the request's bytes in memory.

Nothing is written to disk: the body arrives as bytes (not multipart, whose parser spools large
parts to temporary files), ``.md``/``.txt`` are decoded as ``ih lint`` decodes files, and ``.docx``
goes to :mod:`inclusive_hiring.documents` when that package is installed and can read bytes.
"""

from __future__ import annotations

import importlib
import os

from .service import MAX_TEXT_BYTES, RequestError

TEXT_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt")


def _docx_reader() -> object | None:
    """The bytes reader of :mod:`inclusive_hiring.documents` (``read_bytes(data, name)`` returning
    a ``Document``), or None while that package is absent or has no such reader."""
    try:
        documents = importlib.import_module("inclusive_hiring.documents")
    except ImportError:
        return None
    reader = getattr(documents, "read_bytes", None)
    return reader if callable(reader) else None


def upload_suffixes() -> tuple[str, ...]:
    """The suffixes this installation can open."""
    return TEXT_SUFFIXES + ((".docx",) if _docx_reader() is not None else ())


def text_of_upload(name: str, data: bytes) -> str:
    """The text of an uploaded file named ``name``; :class:`RequestError` with a one-line reason
    when it cannot be read."""
    from ..api import decode_text, normalise_newlines

    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".docx":
        return _docx_text(name, data)
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


def _docx_text(name: str, data: bytes) -> str:
    reader = _docx_reader()
    if reader is None:
        raise RequestError("cannot open .docx here (this ih has no Word reader); paste the text, "
                           "or save it as .txt", status=415)
    from ..api import normalise_newlines

    model = importlib.import_module("inclusive_hiring.documents.model")
    try:
        document = reader(data, name)  # type: ignore[operator]
        text = model.linted_text(document).text
    except Exception as error:  # the reader's own one-line reason (DocumentError and friends)
        raise RequestError(" ".join(str(error).split()) or "unreadable .docx", status=422) from None
    if not text.strip():
        raise RequestError("the document has no text", status=422)
    return normalise_newlines(text)
