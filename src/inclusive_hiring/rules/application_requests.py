"""Protected information asked for in a list of what to send (IH432, IH720, IH740, IH741, IH743).

The word-list entries of these rules need a request word ("attach", "include", "CV") in the same
sentence. A list item under an application heading or lead-in ("How to apply", "Documents
required:", "Please send the following:") is a request by where it stands, so this rule reads such
items for the words in ``cues.application_items`` of ``wordlists/protected-info-request.yml``. Items
that a word-list entry already reports, and items or sections about what happens after an offer,
are skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..text.markup import Prepared

RULE_IDS = ("IH432", "IH720", "IH740", "IH741", "IH743")
_MARKER = re.compile(r"^[ \t]{0,6}(?:[-*+•▪◦●·]|\d{1,3}[.)]|[a-z][.)])[ \t]+", re.I)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


@functools.cache
def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]*") for w in words),
                          key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)


def application_items(prepared: Prepared, cues: dict[str, Any]) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) in the original file of each list item under an application heading."""
    section, not_section = _compiled(cues["application_section"]), _compiled(cues["not_application_section"])
    plain_heading = _compiled(cues["application_heading"])
    in_section = False
    offset = 0
    for line, is_item, title in prepared.line_layout:
        if title is None and not is_item and plain_heading.search(line):
            title = line
        if title is not None:
            in_section = bool(section.search(title)) and not not_section.search(title)
        elif not is_item and line.strip():
            in_section = in_section and line.rstrip().endswith(":")
        elif is_item and in_section:
            marker = len(line) - len(_MARKER.sub("", line, count=1))
            yield offset + marker, offset + len(line.rstrip()), line[marker:].rstrip()
        offset += len(line) + 1


def check(ctx: Context) -> None:
    cues = ctx.data["protected-info-request"]["cues"]
    classes = [(c["rule"], _words(tuple(c["words"])), c["message"]) for c in cues["application_items"]]
    not_item = _compiled(cues["not_application_item"])
    reported = ctx.reported_spans(RULE_IDS)
    for start, end, text in application_items(ctx.prepared, cues):
        if not_item.search(text) or any(s < end and start < e for s, e in reported):
            continue
        for rule_id, words, message in classes:
            found = words.search(text)
            if found is None:
                continue
            span = (start + found.start(), start + found.end())
            ctx.emit(rule_id, message.format(item=" ".join(text.split())), span=span, original=True, fix="none")
            break  # one finding per item


RULE = DocumentRule(ids=RULE_IDS, check=check)
