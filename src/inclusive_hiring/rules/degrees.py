"""IH601 beyond the word lists: a degree as a must-have with no equivalent-experience route.

Two readings, both driven by ``cues`` in ``wordlists/requirement-inflation.yml``:

* list items under a must-have heading (the ``required_items`` fact) that name a degree
  (``cues.degree``) with no route around it (``cues.equivalence``) in the item or the posting;
* sentences that state a requirement and name a degree (``cues.degree_gate``, found in one pass over
  the posting), read in their sentence: a requirement cue or a requirement heading, no route around
  the degree, not a wish, not the employer's or the clients' education, not a degree that a licence
  or registration needs, and no route anywhere in the posting (``cues.degree_route_in_posting``).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..text.headings import heading_text
from ..text.search import has_phrase
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context

RULE_ID = "IH601"
# Sentence ends inside a line: ". " before a capital, "word.Word" and "wordWord" run-ons (a lost line
# break), "word.+ " (a list item glued to the one before), "? ", inline bullets, runs of spaces.
_BOUNDARY = re.compile(r"(?<=[.!])\s+(?=[A-Z0-9“\"(])|(?<=[a-z]{3}[.!])(?=[A-Z])|(?<=[a-z)][.!])(?=[+*–-]\s)|"
                       r"(?<=\?)\s+|[•·▪●]|\s{3,}|"
                       r"(?<=[a-z]{3})(?=[A-Z][a-z])")
# What may stand before a degree that opens its sentence: bullets, or a short label ("Education:").
_OPENING = re.compile(r"^[\s\-*+–—:]*(?:(?:[\w/&,'’()]+\s*){1,5}[:\-–—]\s*)?$")
# "five years in retail, or a degree": the degree offered as the alternative to experience.
_ALTERNATIVE_TO_EXPERIENCE = re.compile(
    r"\b(?:experience|years?|yrs)\b[^;]*\bor\s+(?:an?\s+)?$|\bequivalen\w*\s+to\s+(?:an?\s+|the\s+)?$", re.I)
_OR_NEXT = re.compile(r"[\s.;,:•·-]*or\b", re.I)
# Words run together by a lost line break ("RequirementsPreferably"): cut apart before reading cues.
_RUN_ON = re.compile(r"(?<=[a-z])(?=[A-Z])")
_REACH = 400  # how far a sentence, its line's lead-in or the heading above is looked for
_PARENS = re.compile(r"\([^()]*\)")
# A run-on boundary right after a lower-case degree or field noun ("Bachelor's degree Experience in ...
# is an advantage", "in any discipline Any degree in HRM will get priority"): a capitalised word that is
# not part of the degree's phrase starts the next item.
_DEGREE_RUN_ON = re.compile(
    r"\b(?:degree|diploma|discipline|field|subject)s?\s+(?=(?!(?:Preferred|Preferably|Required|Holders?|"
    r"Programs?|Programmes?|Courses?|In|Of|From|Or|And|With|Is|Level|Graduates?)\b)[A-Z][a-z])")
_MESSAGE = "“{}” is a must-have with no equivalent-experience path; add “or equivalent experience”."


@functools.cache
def _compiled(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile("".join(pattern.split()), flags)


def _emit(ctx: Context, found: re.Match[str], start: int, end: int) -> None:
    ctx.emit(RULE_ID, _MESSAGE.format(" ".join(found.group().split())), span=(start, end), original=True,
             replacements=("a degree in ... or equivalent practical experience",), fix="none")


def _overlaps(ctx: Context, start: int, end: int) -> bool:
    """Whether an IH601 hit already covers part of ``start``-``end`` (offsets in the file)."""
    return any(first < end and start < last for first, last in ctx.reported_spans((RULE_ID,)))


def _check_items(ctx: Context, cues: dict[str, Any]) -> None:
    items = ctx.facts.required_items
    if not items:
        return
    equivalence, optional = tuple(cues["equivalence"]), tuple(cues["optional"])
    if has_phrase(ctx.prepared.normal, equivalence, ctx.prepared.lower):
        return  # a route around the degree stated once covers every item
    degree = _compiled(cues["degree"])
    for item in items:
        found = degree.search(item.text)
        if found is None or has_phrase(item.text, optional):
            continue
        start, end = item.start + found.start(), item.start + found.end()
        if _overlaps(ctx, item.start, item.end):
            continue  # the word lists already flagged this item
        _emit(ctx, found, start, end)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence around ``pos``: within its line, cut at ``_BOUNDARY``, and
    at most ``_REACH`` characters either side (scraped postings can be one long line)."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - _REACH)
    end = text.find("\n", pos, pos + _REACH)
    end = min(len(text), pos + _REACH) if end == -1 else end
    for cut in _BOUNDARY.finditer(text, start, end):
        if cut.end() <= pos:
            start = cut.end()
        elif cut.start() >= pos:
            end = cut.start()
            break
    return start, end


def _under_requirement_heading(text: str, line_start: int, cues: dict[str, Any]) -> bool:
    """Whether the nearest non-blank line above ``line_start`` is a heading of requirements."""
    before = text[max(0, line_start - _REACH):line_start].rstrip()
    title = heading_text(before[before.rfind("\n") + 1:])
    return title is not None and _compiled(cues["degree_requirement"]).search(title) is not None \
        and _compiled(cues["degree_optional"]).search(title) is None


def _is_gate(text: str, found: re.Match[str], cues: dict[str, Any]) -> bool:
    """Whether the degree ``found`` is stated as a hard requirement in its sentence."""
    start, end = _sentence(text, found.start())
    sentence = text[start:end]
    at = found.start() - start
    words = _RUN_ON.sub(" ", sentence)
    if any(p.start() < at < p.end() for p in _PARENS.finditer(sentence)):
        return False  # a degree in brackets qualifies another one ("(MS preferred)")
    if _compiled(cues["degree_not_gate"]).search(words):
        return False
    if _compiled(cues["degree_licensed"]).search(words) and \
            _compiled(cues["degree_licence_optional"]).search(words) is None:
        return False  # a degree a licence needs, unless the licence itself is only an advantage
    routes = _compiled(cues["degree_not_alternative"]).sub(" ", sentence[at:])
    if _compiled(cues["degree_alternative"]).search(routes):
        return False
    if _ALTERNATIVE_TO_EXPERIENCE.search(sentence[:at]) or _OR_NEXT.match(text, end):
        return False  # the degree is the alternative to experience, or the next sentence offers one
    clause_start = sentence.rfind(";", 0, at) + 1
    clause_end = sentence.find(";", at)
    run_on = _DEGREE_RUN_ON.search(sentence, at, len(sentence) if clause_end == -1 else clause_end)
    clause_end = run_on.end() if run_on else clause_end
    clause = sentence[clause_start:None if clause_end == -1 else clause_end]
    clause = _PARENS.sub(lambda m: " " * len(m.group()), clause)
    clause = _compiled(cues["degree_field_preference"]).sub(" ", _RUN_ON.sub(" ", clause))
    if _compiled(cues["degree_optional"]).search(clause):
        return False
    if _compiled(cues["degree_requirement"]).search(words):
        return True
    if _OPENING.match(sentence[:at]) is None:
        return False
    # A degree that opens a line or a bullet item, or follows a requirement label on its line.
    line_start = text.rfind("\n", 0, start) + 1
    lead = _RUN_ON.sub(" ", text[max(line_start, start - _REACH):start])
    return not lead.strip() or lead.rstrip()[-1:] in "•·▪●" or \
        _compiled(cues["degree_requirement"]).search(lead) is not None or \
        _under_requirement_heading(text, line_start, cues)


def _candidates(text: str, cues: dict[str, Any]) -> list[re.Match[str]]:
    """The ``degree_gate`` matches in ``text``, in order: the full expression runs only in a window
    around each fast hint (``degree_hint`` in the lower-cased text, ``degree_hint_capitals``)."""
    hints = [m.start() for m in _compiled(cues["degree_hint"], 0).finditer(text.lower())]
    if any(word in text for word in ("BA", "BS", "MA", "MS")):
        hints += [m.start() for m in _compiled(cues["degree_hint_capitals"], 0).finditer(text)]
    gate = _compiled(cues["degree_gate"])
    found: list[re.Match[str]] = []
    end = 0
    for hint in sorted(hints):
        if hint < end:
            continue
        for match in gate.finditer(text, max(end, hint - 40), min(len(text), hint + 80)):
            if match.start() > hint + 10:
                break  # a later hint finds it in its own window
            if match.start() >= end:
                found.append(match)
                end = match.end()
    return found


def _route_in_posting(ctx: Context, cues: dict[str, Any]) -> bool:
    """Whether the posting offers a route around a degree anywhere: a route phrase, or "or
    equivalent" after an education or experience word (not after software or a certification)."""
    normal = ctx.prepared.normal
    routes = tuple(cues["degree_route_in_posting"])
    kept = _compiled(cues["degree_not_alternative"]).sub(" ", normal)
    if has_phrase(normal, routes, ctx.prepared.lower) and has_phrase(kept, routes):
        return True
    if "equivalen" not in ctx.prepared.lower:
        return False
    kept = _compiled(cues["degree_not_route"]).sub(" ", kept)
    return _compiled(cues["degree_route_or_equivalent"]).search(kept) is not None


def _check_sentences(ctx: Context, cues: dict[str, Any]) -> None:
    text = ctx.prepared.original
    gates: list[tuple[re.Match[str], int, int]] = []
    done: set[int] = set()
    previous_end = -9
    for found in _candidates(text, cues):
        start, end = _sentence(text, found.start())
        joined, previous_end = found.start() - previous_end <= 2, found.end()
        if joined or start in done or not _is_gate(text, found, cues):
            continue  # (a degree name in two matches, "Bachelor's" + "Degree in", is read once)
        done.add(start)
        gates.append((found, start, end))
    if not gates or _route_in_posting(ctx, cues):
        return  # a route stated anywhere covers the posting ("equivalent field of study" is no route)
    for found, start, end in gates:
        if not _overlaps(ctx, start, end):
            _emit(ctx, found, found.start(), found.end())


def check(ctx: Context) -> None:
    cues = ctx.data["requirement-inflation"]["cues"]
    _check_items(ctx, cues)
    _check_sentences(ctx, cues)


RULE = DocumentRule(ids=(RULE_ID,), check=check)
