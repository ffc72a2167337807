"""Headings in postings: Markdown ``#`` headings and label lines ("Requirements:", "**Skills**")."""

from __future__ import annotations

import re

#: A Markdown ATX heading; group 1 is its text.
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_LABEL = re.compile(r"^\s*(\*\*|__)?([^.!?]{3,80}?)(\*\*|__)?\s*:?\s*(\*\*|__)?\s*$")


def heading_text(line: str, is_list_item: bool = False) -> str | None:
    """The title when ``line`` is a heading: a Markdown heading, or a short label line that ends
    with a colon or is set in bold; else None. List items are never headings."""
    if is_list_item:
        return None
    m = MD_HEADING.match(line)
    if m:
        return m.group(1)
    stripped = line.strip()
    if stripped.endswith(":") or (stripped.startswith(("**", "__")) and stripped.endswith(("**", "__"))):
        label = _LABEL.match(stripped)
        if label and len(stripped.split()) <= 10:
            return label.group(2)
    return None
