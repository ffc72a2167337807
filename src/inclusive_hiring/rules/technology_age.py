"""IH604 by technology age: "15 years of Kubernetes experience" asks for more years than the tool exists.

A year count ("10+ years", "8-10 yrs") is read once per document with one expression; the words
right after it, to the end of the clause, are looked up in ``cues.technology_released`` of
``wordlists/requirement-inflation.yml`` (name -> year of first public release). A count above
``technology_as_of`` minus that year is reported. The lower bound of a range counts ("12-15 years"
reads as 12), and the name must follow within six words in the same clause, so the check errs toward
silence.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..text.search import StartsAfter
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context

RULE_ID = "IH604"
#: A year count: ``(?<![\d.,])`` and this body (``StartsAfter`` finds the matches of the two
#: without trying the lookbehind at every offset).
YEARS_BODY = r"(\d{1,2})(?:\s*(?:-|–|to)\s*\d{1,2})?\s*\+?\s*(?:years?|yrs?)\b"
YEARS_BEFORE = r"[\d.,]"
_YEARS = StartsAfter(YEARS_BODY, YEARS_BEFORE, re.I)
# The clause after the count: up to a full stop, semicolon, line end or the next count, at most 90
# characters.
_CLAUSE_END = re.compile(r"[;\n]|\.(?:\s|$)")
_WORD = re.compile(r"[a-z0-9][a-z0-9.+#-]*[a-z0-9+#]|[a-z0-9]|\.net", re.I)
_LONGEST = 3  # words in the longest name ("amazon web services")
# The name must follow the count closely ("15 years of hands-on Kubernetes"): within this many
# words, before any word that starts another clause ("14 years in logistics and moved to Kubernetes").
_NEAR = 6
_BREAK = frozenset({"and", "or", "but", "then", "while", "since", "before", "after", "until", "when", "where",
                    "which", "who", "we", "our", "moved", "switched", "plus", "including"})


@functools.cache
def _table(items: tuple[tuple[Any, Any], ...]) -> dict[tuple[str, ...], int]:
    ordered = sorted((str(name), int(year)) for name, year in items)
    return {tuple(_WORD.findall(name.lower())): year for name, year in ordered}


def technologies(cues: dict[str, Any]) -> dict[tuple[str, ...], int]:
    """Name (as words) -> year of first release, from the word list's cues (the key of the
    memo is the mapping's items as they are: sorting them for every document cost more)."""
    return _table(tuple(cues.get("technology_released", {}).items()))


def too_old(text: str, table: dict[tuple[str, ...], int], as_of: int) -> list[tuple[int, int, int, str, int]]:
    """(start, end, years asked, name, release year) for each count above the technology's age."""
    found: list[tuple[int, int, int, str, int]] = []
    for count in _YEARS.finditer(text):
        years = int(count.group(1))
        rest = text[count.end():count.end() + 90]
        stops = [m.start() for m in (_CLAUSE_END.search(rest), _YEARS.search(rest)) if m is not None]
        clause = rest[:min(stops)] if stops else rest
        clause = clause.split(",", 1)[0]
        words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(clause)][:_NEAR + _LONGEST]
        cut = next((i for i, (_, _, w) in enumerate(words) if w in _BREAK), len(words))
        words = words[:min(cut, _NEAR + _LONGEST)]
        for i in range(min(len(words), _NEAR)):
            hit = next(((n, table[key]) for n in range(_LONGEST, 0, -1)
                        if (key := tuple(w for _, _, w in words[i:i + n])) in table and i + n <= len(words)),
                       None)
            if hit is None:
                continue
            n, released = hit
            if years > as_of - released:
                end = count.end() + words[i + n - 1][1]
                found.append((count.start(), end, years, clause[words[i][0]:words[i + n - 1][1]], released))
            break  # the first technology named after the count is the one it is about
    return found


def check(ctx: Context) -> None:
    cues = ctx.data["requirement-inflation"]["cues"]
    table = technologies(cues)
    if not table:
        return
    text = ctx.prepared.normal
    reported = ctx.reported_spans((RULE_ID,))
    for start, end, years, name, released in too_old(text, table, int(cues["technology_as_of"])):
        first, last = ctx.prepared.original_span(start, end)
        if any(s < last and first < e for s, e in reported):
            continue  # a word-list entry of IH604 already reports this demand
        ctx.emit(RULE_ID, f"“{' '.join(text[start:end].split())}” asks for {years} years of {name}, which was "
                          f"first released in {released}: no one can meet it, and it tells capable people "
                          "not to apply.",
                 span=(start, end), replacements=("describe the depth of experience the work needs",),
                 fix="none")


RULE = DocumentRule(ids=(RULE_ID,), check=check)
