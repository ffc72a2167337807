"""IH760: an unfinished draft: placeholders, template fields and internal notes.

The patterns are data (``wordlists/drafting.yml``, ``cues.placeholders``). Prose patterns run on
the normalised text; template syntax ("[insert title]", "{{ salary }}") runs on the file as
written, because masking blanks brackets and tags.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context

RULE_ID = "IH760"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def check(ctx: Context) -> None:
    cues: list[dict[str, Any]] = ctx.data["drafting"]["cues"]["placeholders"]
    original = ctx.prepared.original
    seen: set[tuple[int, int]] = set()
    lower_original: str | None = None
    for cue in cues:
        on_original = cue["where"] == "original"
        text = original if on_original else ctx.prepared.normal
        needs = cue.get("needs") or ()
        if needs:
            if on_original:
                lower_original = lower_original if lower_original is not None else original.lower()
            haystack = lower_original if on_original else ctx.prepared.lower
            if not any(need in haystack for need in needs):  # a quick test before the regex
                continue
        for match in _compiled(cue["pattern"]).finditer(text):
            start, end = match.span("found") if "found" in match.groupdict() else match.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            where = (start, end) if on_original else ctx.prepared.original_span(start, end)
            if start == end or any(a < where[1] and where[0] < b for a, b in seen):
                continue
            seen.add(where)
            found = " ".join(text[start:end].split())
            ctx.emit(RULE_ID, f"“{found}” is {cue['label']} left in the posting; finish it or take it out.",
                     span=(start, end), original=on_original,
                     replacements=("the real wording",), fix="none")


RULE = DocumentRule(ids=(RULE_ID,), check=check)
