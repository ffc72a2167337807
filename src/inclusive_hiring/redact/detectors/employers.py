"""Employers, redacted only with ``--redact-employers``: the organisation after "at" in a
sentence about work, and the organisation after a job title on an experience line
("Data Engineer, Monzo (2020 - present)", "Senior QA Engineer – VNG Corporation")."""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import lines
from .phrases import phrases

_ROLE = re.compile(r"(?i)\b(?:engineer|developer|manager|analyst|designer|scientist|consultant|accountant|director|"
                   r"lead|officer|specialist|administrator|assistant|executive|architect|representative|"
                   r"coordinator|intern|controller|senior|partner|head|associate)\b")
_DATES = re.compile(r"(?i)(?:19|20)\d{2}\s*(?:[-–]|to)\s*(?:(?:19|20)\d{2}|present|now|heute|current|date)")
_CONNECTORS = frozenset({"of", "and", "&", "the", "de", "du", "da", "do"})


def find(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    for offset, line in lines(text):
        if not (_DATES.search(line) or re.search(r"(?i)\b(?:at|with|for|joined)\s+[A-Z]", line)):
            continue
        for start, end, _words in phrases(line, _CONNECTORS):
            before = line[:start]
            after_role = _ROLE.search(before[-60:]) and re.search(r"[,–—|@]\s*$|\bat\s+$", before)
            after_at = re.search(r"\b(?:at|joined|with)\s+$", before)
            if (after_role or after_at) and not _ROLE.search(line[start:end]):
                found.append(Span(offset + start, offset + end, "EMPLOYER"))
    return found
