"""YAML front matter at the top of a Markdown file (``---`` ... ``---`` or ``...``)."""

from __future__ import annotations

import re

#: The block: group 1 is its body (the YAML lines), group 2 the closing marker.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(---|\.\.\.)[ \t]*(\n|\Z)", re.S)


def front_matter(text: str) -> re.Match[str] | None:
    """The front-matter block at the start of ``text``, or None."""
    return FRONT_MATTER.match(text)


def front_matter_value(text: str, key: str) -> str | None:
    """The plain scalar ``key: value`` of the front matter (quotes dropped), or None. Only simple
    one-line values are read: the linter never parses a document's YAML."""
    block = FRONT_MATTER.match(text)
    if block is None:
        return None
    found = re.search(rf"^{re.escape(key)}:[ \t]*[\"']?(.*?)[\"']?[ \t]*$", block.group(1), re.M)
    return found.group(1) if found else None
