"""What a document is (a posting or a list of interview questions), why, and its questions.

A file is a list of interview questions when its front matter says ``kind: questions``, when the
caller asks for that kind, or (``auto``) when most of its list items, or else most of its lines,
are questions (they end with a question mark or open the way interview questions do: "Tell me
about...", "Describe...", "Walk me through...") **and** its other lines do not read as a posting.
A posting written as questions ("Are you our next sales rockstar? Do you love closing deals?")
is still a posting when its other lines carry enough posting signals (``kind_signals.py``:
section headings, a pay figure, "apply now", a job title first). A posting that asks "Are you a
self-starter?" once is a posting anyway.

:func:`choose_kind` says which kind and why; the reason goes into the file's metrics
(``kind_reason``) and the human output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.frontmatter import front_matter
from ..text.markup import Prepared
from .kind_signals import Signal, posting_signals, section_heading

KINDS = ("posting", "questions")
#: Posting signals (points, see ``kind_signals.py``) that make a question-shaped file a posting:
#: at least ``POSTING_POINTS``, and one point per ``QUESTIONS_PER_POINT`` questions (a list of 40
#: questions needs 5), so a long question list with a short "About the role" stays questions.
POSTING_POINTS = 3
QUESTIONS_PER_POINT = 8

_KIND_KEY = re.compile(r"^kind:[ \t]*[\"']?([\w-]+)[\"']?[ \t]*$", re.M)
_OPENERS = re.compile(
    r"^(tell (me|us)|describe|walk (me|us) through|give (me |us )?an example|share an example|sell me|"
    r"estimate|list (any|all|the|your|three|two|five)|"
    r"explain|talk (me|us) through|imagine|suppose|what|how|why|when|where|which|who|whose|"
    r"have you|do you|did you|are you|were you|can you|could you|would you|will you|should you|"
    r"is there|is your|is it|"
    # "If you were a manager...", "If you had to...": a situational question. "If you are disabled
    # and need adjustments, tell us" or "If you have questions, call" is a posting addressing the
    # reader, so the conditionals of a posting do not open a question.
    r"if you (?:were|had|could|found|discovered|noticed|saw|disagreed|made|got|received|joined|started|"
    r"led|managed|knew|inherited|took over|became|only had|weren't))\b",
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


_NUMBERING = re.compile(r"^\(?\d{1,3}[.)]\s+")


def is_question(text: str) -> bool:
    """Whether a line is a question: it ends with "?" or opens like one, and is not a posting's
    section heading ("What we offer", "How to apply:")."""
    text = _NUMBERING.sub("", text.strip()).strip("*_\"'“”")
    if text.endswith("?"):
        return True
    return bool(_OPENERS.match(text)) and section_heading(text) is None


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


class Kind(str):
    """A kind ("posting" or "questions") that also carries the reason it was chosen (``reason``):
    it travels from :func:`detect_kind` to the metrics wherever a plain ``str`` kind does."""

    reason: str

    def __new__(cls, kind: str, reason: str) -> Kind:
        made = super().__new__(cls, kind)
        made.reason = reason
        return made

    def __reduce__(self) -> tuple[type[Kind], tuple[str, str]]:
        return (Kind, (str(self), self.reason))


def _signal_text(signals: list[Signal]) -> str:
    return ", ".join(s.name for s in signals)


def choose_kind(prepared: Prepared, requested: str = "auto") -> Kind:
    """``posting`` or ``questions`` for a file, with the reason (see the module docstring)."""
    if requested in KINDS:
        return Kind(requested, f"requested: kind {requested}")
    declared = front_matter_kind(prepared.original)
    if declared:
        return Kind(declared, f"front matter: kind: {declared}")
    # Fast path: a posting rarely has two lines that look like questions.
    if _question_lines(prepared.normal, 2) < 2 and prepared.normal.strip().count("\n") > 0:
        return Kind("posting", "fewer than 2 lines are questions")
    units = _units(prepared)
    items = [u for u in units if u[3]]
    pool = items if len(items) >= 3 else units
    what = "list items" if pool is items else "lines"
    if len(pool) < 2:
        if pool and is_question(pool[0][0]):
            return Kind("questions", "a single question")
        return Kind("posting", "no questions")
    asked = sum(1 for u in pool if is_question(u[0]))
    share = f"{asked} of {len(pool)} {what} are questions"
    if asked * 2 <= len(pool):
        return Kind("posting", share)
    signals = posting_signals(_statements(prepared), _first_line(prepared))
    points = sum(s.points for s in signals)
    if points >= max(POSTING_POINTS, -(-asked // QUESTIONS_PER_POINT)):
        return Kind("posting", f"{share}, but the rest reads as a posting: {_signal_text(signals)}")
    if signals:
        return Kind("questions", f"{share}; too few posting signals ({_signal_text(signals)})")
    return Kind("questions", share)


def detect_kind(prepared: Prepared, requested: str = "auto") -> Kind:
    """``posting`` or ``questions`` for a file; the result's ``reason`` says why."""
    return choose_kind(prepared, requested)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _statements(prepared: Prepared) -> list[str]:
    """The sentences of the normalised text that are not questions (headings included): "Are you
    after a pension? We offer one." gives "We offer one."."""
    return [piece.strip() for line in prepared.normal.split("\n") for piece in _SENTENCE_END.split(line)
            if piece.strip() and not is_question(piece)]


def _first_line(prepared: Prepared) -> str | None:
    for line in prepared.normal.split("\n"):
        if line.strip():
            return line.strip()
    return None


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
