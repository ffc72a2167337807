"""IH650: too many must-have requirements listed."""

from __future__ import annotations

import re

from ..context import Context

RULE = "IH650"
_REQUIRED = re.compile(
    r"requirement|qualification|must[- ]have|you.ll need|you will need|you have|you bring|what we.re "
    r"looking for|what you bring|who you are|skills|ideal candidate|minimum|required|knowledge, skills",
    re.I)
# Optional skills, and conditions of employment (trial period, background check), are not must-haves.
_OPTIONAL = re.compile(r"prefer|nice|bonus|plus|desir|optional|extra|helpful|great if|benefit|"
                       r"employment requirement|conditions? of employment|key requirements", re.I)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_LABEL = re.compile(r"^\s*(\*\*|__)?([^.!?]{3,80}?)(\*\*|__)?\s*:?\s*(\*\*|__)?\s*$")


def _heading(line: str, is_item: bool) -> str | None:
    if is_item:
        return None
    m = _MD_HEADING.match(line)
    if m:
        return m.group(1)
    stripped = line.strip()
    if stripped.endswith(":") or (stripped.startswith(("**", "__")) and stripped.endswith(("**", "__"))):
        label = _LABEL.match(stripped)
        if label and len(stripped.split()) <= 10:
            return label.group(2)
    return None


def count_requirements(ctx: Context) -> int:
    prepared = ctx.prepared
    count = 0
    in_required = False
    for line in prepared.original.split("\n"):
        is_item = prepared.is_list_item(line)
        title = _heading(line, is_item)
        if title is not None:
            in_required = bool(_REQUIRED.search(title)) and not _OPTIONAL.search(title)
        elif is_item and in_required:
            count += 1
    return count


def check(ctx: Context) -> None:
    count = count_requirements(ctx)
    ctx.metrics["requirements"] = count
    limit = int(ctx.option(RULE, "max_requirements"))
    if count > limit:
        ctx.emit(RULE, f"{count} must-have requirements listed (recommended: at most {limit}); move "
                       "the rest to a nice-to-have list.",
                 replacements=("Keep the must-haves short and add: 'Apply even if you don't meet every point.'",))
