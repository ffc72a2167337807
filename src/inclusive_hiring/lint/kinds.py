"""Interview-question documents: recognising them and splitting them into questions.

A file is a list of interview questions when its front matter says ``kind: questions``, when the
caller asks for that kind, or (``auto``) when most of its list items, or else most of its lines,
are questions: they end with a question mark or open the way interview questions do ("Tell me
about...", "Describe...", "Walk me through..."). A posting that asks "Are you a self-starter?"
once is still a posting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.frontmatter import front_matter
from ..text.markup import Prepared

KINDS = ("posting", "questions")

_KIND_KEY = re.compile(r"^kind:[ \t]*[\"']?([\w-]+)[\"']?[ \t]*$", re.M)
_OPENERS = re.compile(
    r"^(tell (me|us) about|describe|walk (me|us) through|give (me |us )?an example|share an example|"
    r"explain|talk (me|us) through|imagine|suppose|what|how|why|when|where|which|who|whose|"
    r"have you|do you|did you|are you|were you|can you|could you|would you|will you|should you|"
    r"is there|is your|is it|if you)\b",
    re.I)

#: A line that may be a question: it ends with "?" or starts (after list markers) with an opener.
_QUESTION_LINE = re.compile(r"\?[ \t\"'”’*_)]*$|^[ \t\d.)]*(?:" + _OPENERS.pattern[1:] + ")", re.M | re.I)

_BEHAVIOURAL = re.compile(
    r"\b(tell (me|us) about a (time|situation|project|moment|case)|describe a (time|situation|project|case)|"
    r"give (me |us )?an example|share an example|walk (me|us) through (a|an|the) (time|situation|project|"
    r"decision|incident)|what did you do when|when (have|did) you|have you ever|tell (me|us) about an? "
    r"(instance|occasion|example|mistake|failure|conflict|disagreement))\b",
    re.I)
_SITUATIONAL = re.compile(
    r"\b(what would you do|how would you|what would you|imagine|suppose|if you were|if you had to|"
    r"if a (colleague|customer|teammate|client|manager|stakeholder)|what if|you notice|you discover|"
    r"you are asked)\b",
    re.I)
_TECHNICAL = re.compile(
    r"\b(explain|what is the difference|difference between|what is|what are|how does|how do|define|"
    r"design|implement|write (a|an|the)|optimi[sz]e|debug|complexity|algorithm|architecture|"
    r"data structure|sql|api|protocol|framework|compare)\b",
    re.I)


@dataclass(frozen=True)
class Question:
    text: str
    start: int  # offset in the normalised text
    end: int
    type: str  # behavioural | situational | technical | other


def front_matter_kind(text: str) -> str | None:
    front = front_matter(text)
    key = _KIND_KEY.search(front.group(1)) if front else None
    if key and key.group(1).lower() in KINDS:
        return key.group(1).lower()
    return None


def _units(prepared: Prepared) -> list[tuple[str, int, int, bool]]:
    """Non-empty normalised lines as (text, start, end, is list item)."""
    out = []
    pos = 0
    original_lines = prepared.original.split("\n")
    for line in prepared.normal.split("\n"):
        end = pos + len(line)
        text = line.strip()
        if text:
            first = prepared.position(prepared.to_original(pos + len(line) - len(line.lstrip())))[0]
            source = original_lines[first - 1] if first - 1 < len(original_lines) else ""
            if not source.lstrip().startswith("#"):  # headings are not questions
                out.append((text, pos + len(line) - len(line.lstrip()), end, prepared.is_list_item(source)))
        pos = end + 1
    return out


def is_question(text: str) -> bool:
    text = text.strip().strip("*_\"'“”")
    return text.endswith("?") or bool(_OPENERS.match(text))


_LINE_START_OR_QUESTION_MARK = re.compile(r"[\n?]")


def _question_lines(text: str, enough: int) -> int:
    """``len(_QUESTION_LINE.findall(text))``, or ``enough`` if that is more.

    A match starts at a "?" or at the start of a line, so only those offsets are tried (in
    order, each after the end of the last match, as ``findall`` does), not every one."""
    count = 0
    end = 0
    match = _QUESTION_LINE.match
    found = match(text, 0)
    if found:
        count, end = 1, found.end()
    for char in _LINE_START_OR_QUESTION_MARK.finditer(text):
        if count >= enough:
            break
        at = char.start() + (char.group() == "\n")
        if at >= end:
            found = match(text, at)
            if found:
                count, end = count + 1, found.end()
    return min(count, enough)


def detect_kind(prepared: Prepared, requested: str = "auto") -> str:
    """``posting`` or ``questions`` for a file (see the module docstring)."""
    if requested in KINDS:
        return requested
    declared = front_matter_kind(prepared.original)
    if declared:
        return declared
    # Fast path: a posting rarely has two lines that look like questions.
    if _question_lines(prepared.normal, 2) < 2 and prepared.normal.strip().count("\n") > 0:
        return "posting"
    units = _units(prepared)
    items = [u for u in units if u[3]]
    pool = items if len(items) >= 3 else units
    if len(pool) < 2:
        return "questions" if pool and is_question(pool[0][0]) else "posting"
    asked = sum(1 for u in pool if is_question(u[0]))
    return "questions" if asked * 2 > len(pool) else "posting"


def question_type(text: str) -> str:
    if _BEHAVIOURAL.search(text):
        return "behavioural"
    if _SITUATIONAL.search(text):
        return "situational"
    if _TECHNICAL.search(text):
        return "technical"
    return "other"


def split_questions(prepared: Prepared) -> list[Question]:
    """The questions of a question document: every line that is not a heading and is a question
    (or, in a list, every list item)."""
    units = _units(prepared)
    items = [u for u in units if u[3]]
    pool = items if len(items) >= 3 else units
    return [Question(text, start, end, question_type(text)) for text, start, end, _ in pool
            if is_question(text) or len(items) >= 3]
