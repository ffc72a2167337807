"""Reading CV files into text: UTF-8 text files and PDF text layers.

PDFs are read by the ``documents`` package's reader (the one ``ih lint`` uses); this module adds
the size limits and turns its errors into :class:`~.RedactError` with the path. Each function
takes a path and returns text or raises ``RedactError`` with a one-line reason.
"""

from __future__ import annotations

from pathlib import Path

from . import RedactError

#: Larger files are refused: a CV is a few hundred kilobytes at most (a .docx with photos more).
MAX_BYTES = 25 * 1024 * 1024
#: Longer texts are refused: a long CV is 30,000 characters; this is over 15 times that.
MAX_CHARS = 500_000


def check_length(path: Path, text: str) -> str:
    if len(text) > MAX_CHARS:
        raise RedactError(f"{path}: {len(text):,} characters of text is too long for a CV (limit {MAX_CHARS:,})")
    return text


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RedactError(f"{path}: {size // (1024 * 1024)} MB is too large for a CV (limit "
                              f"{MAX_BYTES // (1024 * 1024)} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise RedactError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise RedactError(f"{path}: is a folder") from None
    except PermissionError:
        raise RedactError(f"{path}: cannot read (permission denied)") from None
    except OSError as exc:
        raise RedactError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_text_file(path: Path) -> str:
    """A .txt or .md file as text (UTF-8, a byte-order mark dropped)."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RedactError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def read_pdf_text(path: Path) -> str:
    """The text layer of a PDF (read by :func:`inclusive_hiring.documents.pdf.page_lines`, the
    reader ``ih lint`` uses), lines as extracted, pages separated by a blank line. A PDF without
    a text layer (a scan) is refused: OCR is out of scope and the panel would get an empty file."""
    from ..documents.model import DocumentError
    from ..documents.pdf import page_lines

    data = read_bytes(path)
    try:
        pages, _count = page_lines(data)
    except DocumentError as exc:
        raise RedactError(f"{path}: {exc}") from None
    text = "\n\n".join("\n".join(lines) for lines in pages if lines)
    if not text.strip():
        raise RedactError(f"{path}: the PDF has no text layer (a scanned image?); run OCR first, then "
                          "redact the text")
    return text + "\n"
