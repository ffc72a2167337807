"""Addresses at the top of a CV or letter, found by their shape and position, without a gazetteer.

In the first lines of a document (before its first section heading, at most twelve lines), a
segment of the contact line (the line with a phone number or an e-mail address) or a line next
to it that is a list of three or more short capitalised or numbered parts ("Rue X, Quarter,
City"; "P.O. Box 12, Town, Region") is an address, and so is a capitalised place followed by a
postcode of four to six digits ("Springfield 40213").
"""

from __future__ import annotations

import re

from .. import sections
from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import segments, trim

_CONTACT = re.compile(r"@|\+?\d[\d ()-]{7,}\d")
_PART = re.compile(r"[ \t]*(?:[^\W\d_a-z][\w'’.-]*|\d[\w/-]*|[A-Z]{1,3}\.?)(?:[ \t]+(?:[^\W\d_a-z][\w'’.-]*|\d[\w/-]*|"
                   r"de|du|des|la|le|al|el|of|the|da|do|di))*[ \t]*")
_PLACE_CODE = re.compile(r"(?<!\S)[^\W\d_a-z][\w'’-]+(?:[ \t]+[^\W\d_a-z][\w'’-]+)?[ \t]+\d{4,6}(?!\S)")
_MAX_LINES = 12


def _address_shape(segment: str) -> bool:
    parts = segment.split(",")
    if len(parts) < 3 or any(not _PART.fullmatch(p) for p in parts):
        return False
    return all(len(p.split()) <= 4 for p in parts)


def find(text: str, lexicon: Lexicon) -> list[Span]:
    parsed = [line for line in sections.parse(text, lexicon)[: _MAX_LINES * 2] if line.top and not line.heading]
    contact = {i for i, line in enumerate(parsed) if _CONTACT.search(line.text)}
    found: list[Span] = []
    for index, line in enumerate(parsed[:_MAX_LINES]):
        if index == 0 or not (index in contact or index - 1 in contact or index + 1 in contact):
            continue
        for offset, segment in segments(line.text):
            start = line.start + offset
            stripped = segment.strip(" *")
            if _CONTACT.search(stripped) and "@" in stripped:
                continue
            if _address_shape(stripped):
                found.append(Span(*trim(text, start, start + len(segment), " \t*"), "ADDRESS"))
            else:
                found += [Span(start + m.start(), start + m.end(), "ADDRESS") for m in _PLACE_CODE.finditer(segment)]
    return found
