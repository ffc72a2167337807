"""Carrying a redaction into each file format: :func:`redact_file` picks by suffix."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import RedactError
from ..engine import Options

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")


@dataclass(frozen=True)
class FileRedaction:
    """The bytes to write, the output suffix, counts per kind and the key entries."""

    data: bytes
    suffix: str
    counts: Counter[str]
    key: list[dict[str, object]]


def redact_file(path: Path, options: Options) -> FileRedaction:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docx_format import redact_docx

        return redact_docx(path, options)
    if suffix == ".pdf":
        from .plain import redact_pdf

        return redact_pdf(path, options)
    if suffix in (".txt", ".md", ".markdown"):
        from .plain import redact_plain

        return redact_plain(path, options)
    if suffix == ".doc":
        raise RedactError(f"{path}: .doc (Word 97-2003) is not supported; save it as .docx")
    raise RedactError(f"{path}: unsupported file type '{suffix or 'none'}' (use .txt, .md, .docx or .pdf)")
