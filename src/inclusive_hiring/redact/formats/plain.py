"""Plain text and Markdown in, the same text with placeholders out; PDF text layer in, text out."""

from __future__ import annotations

from pathlib import Path

from ..engine import Options, redact_text
from ..readers import check_length, read_pdf_text, read_text_file
from . import FileRedaction


def _result(text: str, suffix: str, options: Options) -> FileRedaction:
    redaction = redact_text(text, options)
    return FileRedaction(redaction.text.encode("utf-8"), suffix, redaction.counts, redaction.key_entries())


def redact_plain(path: Path, options: Options) -> FileRedaction:
    return _result(check_length(path, read_text_file(path)), path.suffix, options)


def redact_pdf(path: Path, options: Options) -> FileRedaction:
    return _result(check_length(path, read_pdf_text(path)), ".txt", options)
