"""Schools and graduation years read from the shape of an education entry.

Inside an education section (found by :mod:`..sections`, in any language it lists) every line is
an entry: split at commas, `` | `` cells, dashes and column gaps, each segment is a year or
grade, a qualification (a stem of ``education.degree_stems``), a school (a stem of
``education.school_stems``) or another name. The school is the segment with a school stem, or,
when none has one and the entry names a qualification, the last capitalised segment of two or
more words (or an acronym, or a script without case) after it; a place right after the school
goes with it ("..., Dún Chaoin"). Every year of such a line is a graduation year. The
qualification and its subject stay, as do single words listed after it (subjects, languages).
"""

from __future__ import annotations

import functools
import re

from .. import sections
from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import trim
from .dates import DEGREE

_SPLIT = re.compile(r"\s*(?:,|;|\s[|·•]\s|\||\s[—–-]\s|[ \t]{3,}|\t|(?<=[^\W\d_]{2}):\s|\s(?=\())\s*")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d%])")
_GRADE = re.compile(r"(?i)^(?:[\d\s./%()–-]|gpa|cgpa|grade|first|second|class|hons|honours|distinction|merit|"
                    r"present|now|current)*$")
_CAPITALISED = re.compile(r"(?<![\w'’])(?:[^\W\d_a-z][\w'’.-]*)")
_ACRONYM = re.compile(r"^[A-Z]{2,6}\b")
_MAX_WORDS = 9
_CONNECTORS = frozenset({"of", "the", "and", "&", "de", "du", "des", "la", "le", "del", "di", "da", "do", "dos", "das",
                         "für", "i", "w", "y", "e", "im", "an", "der", "van", "von", "at", "in", "for"})
#: A line of prose (a sentence of twelve words or more) is not an entry.
_PROSE = re.compile(r"(?:\S+\s+){11,}\S+[.!?]?\s*$")


@functools.cache
def _stems(lexicon: Lexicon, key: str) -> tuple[str, ...]:
    return tuple(sorted({sections.fold_phrase(s) for s in lexicon.words(key)}, key=len, reverse=True))


def _has(segment: str, lexicon: Lexicon, key: str) -> bool:
    folded = sections.fold_phrase(segment) + " " + sections.fold_phrase(segment.replace(".", ""))
    return any(sections.stem_matches(stem, folded) for stem in _stems(lexicon, key))


def _caseless(segment: str) -> bool:
    return any(ch.isalpha() and not ch.isupper() and not ch.islower() for ch in segment)


def _name_like(segment: str) -> bool:
    """Two or more capitalised words, an acronym with a word, or letters without case."""
    words = [w for w in segment.split() if w.casefold() not in _CONNECTORS]
    if _caseless(segment):
        return True
    if not 2 <= len(words) <= 6:
        return False
    return all(_CAPITALISED.fullmatch(w.strip("()")) for w in words)


def _segments(line: str) -> list[tuple[int, int]]:
    out = []
    position = 0
    for match in _SPLIT.finditer(line):
        if match.start() > position:
            out.append((position, match.start()))
        position = match.end()
    if position < len(line):
        out.append((position, len(line)))
    return [trim(line, s, e, " \t*#>-•·") for s, e in out if line[s:e].strip(" \t*#>-•·")]


def entry_spans(line: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, kind) in ``line`` of the school and the years of one education entry."""
    found = [(m.start(), m.end(), "YEAR") for m in _YEAR.finditer(line)]
    segments = _segments(line)
    roles: list[str] = []
    for start, end in segments:
        segment = line[start:end]
        if _GRADE.match(segment) or not re.search(r"[^\W\d_]", segment):
            roles.append("grade")
        elif _has(segment, lexicon, "education.not_school_stems"):
            roles.append("other")
        elif _has(segment, lexicon, "education.school_stems") and _name_like(segment) \
                and not _has(" ".join(segment.split()[:2]), lexicon, "education.degree_stems"):
            roles.append("school")  # "Sylhet Govt. Pilot High School", not "High School Diploma"
        elif _has(segment, lexicon, "education.degree_stems") or DEGREE.search(segment):
            roles.append("degree")
        elif len(segment.split()) > _MAX_WORDS:
            roles.append("other")
        elif _has(segment, lexicon, "education.school_stems"):
            roles.append("school")
        elif _has(segment, lexicon, "education.subject_stems"):
            roles.append("subject")
        else:
            roles.append("name" if _name_like(re.sub(r"\(?(?:19|20)\d{2}\)?", "", segment).strip()) else "word")
    schools = [i for i, role in enumerate(roles) if role == "school"]
    if not schools and "degree" in roles:
        after = roles.index("degree")
        names = [i for i, role in enumerate(roles) if role == "name" and i > after]
        schools = names[-1:] if names else []
    for index in schools:
        start, end = segments[index]
        follow = index + 1
        while follow < len(roles) and roles[follow] in ("name", "word") and follow not in schools \
                and len(line[slice(*segments[follow])].split()) <= 3:
            end = segments[follow][1]
            follow += 1
        start, end = _without_year(line, start, end)
        if start < end:
            found.append((start, end, "SCHOOL"))
    return found


def _without_year(line: str, start: int, end: int) -> tuple[int, int]:
    """A school segment without a year or a qualification stuck to its start ("2012 Civil...")."""
    match = re.match(r"(?:19|20)\d{2}(?:\s*[–-]\s*(?:(?:19|20)\d{2}|\d{2}))?\s+", line[start:end])
    if match:
        start += match.end()
    return trim(line, start, end, " \t,;:.()[]*")


def find(text: str, lexicon: Lexicon, *, keep_schools: bool = False) -> list[Span]:
    """Schools and years of the entries of every education section (see the module docstring)."""
    found: list[Span] = []
    for line in sections.parse(text, lexicon):
        if line.heading or line.section != "education" or not line.text.strip():
            continue
        if re.match(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+", line.text) or (_PROSE.match(line.text) \
                and "|" not in line.text and "   " not in line.text.strip()):
            continue
        for start, end, kind in entry_spans(line.text, lexicon):
            if kind == "SCHOOL" and keep_schools:
                continue
            found.append(Span(line.start + start, line.start + end, kind))
    return found
