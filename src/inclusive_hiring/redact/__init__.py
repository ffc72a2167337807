"""``ih redact``: blind review of CVs, cover letters and application answers (docs/redact.md).

Rule-based and offline: detectors find the candidate's identifiers in plain text
(:mod:`.detectors`), :mod:`.engine` resolves overlaps and writes typed placeholders, and
:mod:`.formats` carries the result into .txt, .md, .docx and .pdf (text out) files.
"""

from __future__ import annotations


class RedactError(Exception):
    """A file cannot be redacted; ``str()`` is one line for ``ih: error:``."""


#: Every placeholder kind, in the order the log lists counts.
KINDS: tuple[str, ...] = (
    "NAME", "EMAIL", "PHONE", "URL", "ADDRESS", "DOB", "AGE", "YEAR", "GENDER", "PRONOUN", "TITLE",
    "FAMILY", "NATIONALITY", "RELIGION", "MEMBERSHIP", "SCHOOL", "PERSONAL", "EMPLOYER", "PHOTO",
)
