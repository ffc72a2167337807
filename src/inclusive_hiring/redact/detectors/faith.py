"""Religion said through a place of worship, a community or a practice, in any listed language.

Outside work lines (experience, skills and education sections stay as they are), a clause that
holds a stem of ``wordlists/redact/faith.yml`` ("parafii greckokatolickiej", "camide", "pagode",
"Taraweeh", "Merit-making") is redacted whole as ``[RELIGION]``: the clause runs between ";",
brackets, sentence ends and line ends, or between commas and "and" when it is long.
"""

from __future__ import annotations

import functools
import itertools
import re

from .. import sections
from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import trim
from .patterns import alternation

_CLAUSE = re.compile(r"(?:[^;|·•\n \t]|[ \t]{1,2}(?![ \t]))+")
_SENTENCE = re.compile(r"(?<=[^\W\d_]{3})[.!?](?:\s+|$)|:\s+")
_SHORTER = re.compile(r",\s+|\s+(?:and|und|et|y|e|och|ve|dan|i)\s+")
_MAX_WORDS = 10


@functools.cache
def _stems(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(sections.fold_phrase(s) for s in lexicon.words("faith.stems"))


def religious(phrase: str, lexicon: Lexicon) -> bool:
    """Whether ``phrase`` holds a word of worship, a faith community or a practice, and no word
    that makes it an employer or a field ("Catholic Relief Services", "Islamic finance")."""
    folded = sections.fold_phrase(phrase)
    if not any(sections.stem_matches(stem, folded) for stem in _stems(lexicon)):
        return False
    return not _work(lexicon).search(phrase)


@functools.cache
def _work(lexicon: Lexicon) -> re.Pattern[str]:
    words = alternation([*lexicon.words("religion.organisation_words"), *lexicon.words("religion.fields")])
    return re.compile(rf"(?i)(?<!\w){words}(?!\w)")


def _pieces(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    cuts = [start, *[m.end() for m in pattern.finditer(text, start, end)], end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _clauses(text: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The shortest clauses of ``start:end`` (sentences, then comma parts) that are religious."""
    out = []
    for a, b in _pieces(text, start, end, _SENTENCE):
        if not religious(text[a:b], lexicon):
            continue
        if len(text[a:b].split()) <= _MAX_WORDS:
            out.append((a, b))
            continue
        out += [(c, d) for c, d in _pieces(text, a, b, _SHORTER)
                if religious(text[c:d], lexicon) and len(text[c:d].split()) <= _MAX_WORDS]
    return out


def find(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    for line in sections.parse(text, lexicon):
        if line.heading or line.section in ("experience", "skills", "education") or not line.text.strip():
            continue
        for clause in _CLAUSE.finditer(line.text):
            for a, b in _clauses(line.text, clause.start(), clause.end(), lexicon):
                start, end = trim(line.text, a, b, " \t,;:.-–—*'\"")
                if start < end:
                    found.append(Span(line.start + start, line.start + end, "RELIGION"))
    return found
