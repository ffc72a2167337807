"""IH601 in requirement lists: a degree as a must-have item with no equivalent-experience route.

The word-list entries of IH601 find "degree required" wording in a sentence; a list under a
"Requirements" heading says "required" by where it stands, so this rule reads the must-have items
(the ``required_items`` fact) for a degree (``cues.degree`` in ``wordlists/requirement-inflation.yml``)
with no route around it (``cues.equivalence``) in the item or anywhere in the posting.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..text.search import has_phrase
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context

RULE_ID = "IH601"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile("".join(pattern.split()), re.I)


def check(ctx: Context) -> None:
    items = ctx.facts.required_items
    if not items:
        return
    cues = ctx.data["requirement-inflation"]["cues"]
    equivalence, optional = tuple(cues["equivalence"]), tuple(cues["optional"])
    if has_phrase(ctx.prepared.normal, equivalence, ctx.prepared.lower):
        return  # a route around the degree stated once covers every item
    degree = _compiled(cues["degree"])
    reported = [h.span for h in ctx.hits if h.rule_id == RULE_ID and h.span is not None]
    for item in items:
        found = degree.search(item.text)
        if found is None or has_phrase(item.text, optional):
            continue
        start, end = item.start + found.start(), item.start + found.end()
        if any(ctx.prepared.original_span(*span)[0] < item.end and item.start < ctx.prepared.original_span(*span)[1]
               for span in reported):
            continue  # the word lists already flagged this item
        ctx.emit(RULE_ID, f"“{' '.join(found.group().split())}” is a must-have with no equivalent-experience "
                          "path; add “or equivalent experience”.",
                 span=(start, end), original=True,
                 replacements=("a degree in ... or equivalent practical experience",), fix="none")


RULE = DocumentRule(ids=(RULE_ID,), check=check)
