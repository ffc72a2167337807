"""IH650: too many must-have requirements listed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..text.markup import Prepared

RULE_ID = "IH650"
_REQUIRED = re.compile(
    r"requirement|qualification|must[- ]have|you.ll need|you will need|you have|you bring|what we.re "
    r"looking for|what you bring|who you are|skills|ideal candidate|minimum|required|knowledge, skills",
    re.I)
# Optional skills, and conditions of employment (trial period, background check), are not must-haves.
_OPTIONAL = re.compile(r"prefer|nice|bonus|plus|desir|optional|extra|helpful|great if|benefit|"
                       r"employment requirement|conditions? of employment|key requirements", re.I)


# Sections that list what to send or do, not what to be or know.
_APPLYING = re.compile(r"\bapply|\bapplication|how to|to be considered|submit|submission|documents|"
                       r"interview process|selection process|next steps", re.I)
# A list item's marker (the markers ``text/markup.py`` knows).
_MARKER = re.compile(r"^[ \t]{0,6}(?:[-*+•▪◦●·]|\d{1,3}[.)]|[a-z][.)])[ \t]+|^\s*<li[^>]*>\s*", re.I)
# A lead-in that makes the items after it alternatives ("One of the following:").
_ALTERNATIVES = re.compile(r"\b(?:one of|any of|either|at least one|one or more of)\b[^:\n]*:\s*$", re.I)


@dataclass(frozen=True)
class RequiredItem:
    """A list item under a must-have heading."""

    #: offsets of the item's text (marker excluded) in the original file
    start: int
    end: int
    text: str
    #: items of one "one of the following" group share a group number; others have their own
    group: int


def required_items(prepared: Prepared) -> list[RequiredItem]:
    """The list items under headings that introduce must-haves (a shared fact): not under
    optional, application or conditions-of-employment headings; alternatives grouped."""
    items: list[RequiredItem] = []
    in_required = False
    lead_in: int | None = None  # indentation of an item that opened a group of alternatives
    group = 0
    offset = 0
    for line, is_item, title in prepared.line_layout:
        indent = len(line) - len(line.lstrip())
        # A lead-in ends with a colon: a line without one is never tried (``\b`` makes ``re``
        # try the pattern at every offset).
        alternatives = ":" in line and _ALTERNATIVES.search(line) is not None
        if title is not None and not alternatives:
            in_required = bool(_REQUIRED.search(title)) and not _OPTIONAL.search(title) \
                and not _APPLYING.search(title)
            lead_in = None
            group += 1
        elif alternatives:  # "One of the following:", as a line or as an item
            lead_in = indent if is_item else -1
            group += 1
        elif not is_item:
            if line.strip():
                lead_in = None
        elif in_required:
            if lead_in is None or indent <= lead_in:
                lead_in = None
                group += 1
            marker = len(line) - len(_MARKER.sub("", line, count=1))
            items.append(RequiredItem(offset + marker, offset + len(line.rstrip()), line[marker:].rstrip(), group))
        offset += len(line) + 1
    return items


def count_requirements(prepared: Prepared) -> int:
    """How many must-haves the posting lists: alternatives of one group count once."""
    return len({item.group for item in required_items(prepared)})


def check(ctx: Context) -> None:
    count = ctx.facts.requirements
    limit = int(ctx.option(RULE_ID, "max_requirements"))
    if count > limit:
        ctx.emit(RULE_ID, f"{count} must-have requirements listed (recommended: at most {limit}); move "
                          "the rest to a nice-to-have list.",
                 replacements=("Keep the must-haves short and add: 'Apply even if you don't meet every point.'",))


RULE = DocumentRule(ids=(RULE_ID,), check=check, options=((RULE_ID, "max_requirements"),))
