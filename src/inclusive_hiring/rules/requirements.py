"""IH650: too many must-have requirements listed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text.headings import heading_text
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


def count_requirements(prepared: Prepared) -> int:
    """The list items under headings that introduce must-haves (a shared fact)."""
    count = 0
    in_required = False
    for line in prepared.original.split("\n"):
        is_item = prepared.is_list_item(line)
        title = heading_text(line, is_item)
        if title is not None:
            in_required = bool(_REQUIRED.search(title)) and not _OPTIONAL.search(title)
        elif is_item and in_required:
            count += 1
    return count


def check(ctx: Context) -> None:
    count = ctx.facts.requirements
    limit = int(ctx.option(RULE_ID, "max_requirements"))
    if count > limit:
        ctx.emit(RULE_ID, f"{count} must-have requirements listed (recommended: at most {limit}); move "
                          "the rest to a nice-to-have list.",
                 replacements=("Keep the must-haves short and add: 'Apply even if you don't meet every point.'",))


RULE = DocumentRule(ids=(RULE_ID,), check=check, options=((RULE_ID, "max_requirements"),))
