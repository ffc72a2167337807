"""Religion said through a place of worship, a community or a practice, in any listed language.

Outside work lines (experience, skills and education sections stay as they are), a word that
starts with a stem of ``wordlists/redact/faith.yml`` ("parafii greckokatolickiej", "camide",
"pagode", "Taraweeh", "Merit-making") is redacted as ``[RELIGION]`` with the name around it
(capitalised words before it, "of X" or capitalised words after it) and the religious words
next to it; the rest of the sentence stays.
"""

from __future__ import annotations

import functools
import re

from .. import sections
from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import trim
from .origin import extend_proper_noun
from .patterns import alternation


@functools.cache
def _stems(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(sections.fold_phrase(s) for s in lexicon.words("faith.stems"))


def religious(phrase: str, lexicon: Lexicon) -> bool:
    """Whether ``phrase`` holds a word of worship, a faith community or a practice, and no word
    that makes it an employer or a field ("Catholic Relief Services", "Islamic finance")."""
    folded = sections.fold_phrase(phrase)
    if not any(sections.stem_matches(stem, folded) for stem in _stems(lexicon)):
        return False
    return not _work(lexicon).search(phrase) and not _field_after(lexicon).search(phrase)


@functools.cache
def _work(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w){alternation(lexicon.words('religion.organisation_words'))}(?!\w)")


@functools.cache
def _field_after(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?i)[ \t]+{alternation(lexicon.words('religion.fields'))}(?!\w)")


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: In a memberships, activities or personal section a short clause (a list item, a part between
#: ";" or brackets, a short sentence) goes whole; elsewhere only the words and names.
_CLAUSE = re.compile(r"(?:[^;|·•\n \t.!?:]|[ \t]{1,2}(?![ \t])|(?<=\s\w)\.|(?<=\s\w\w)\.|\.(?=\S))+")
_SHORT_CLAUSE = 9


def _religious_word(word: str, lexicon: Lexicon) -> bool:
    if re.search(r"-(?:style|like|based|inspired|themed|esque|type|shaped)$", word):
        return False  # "Bible-style reference guides"
    folded = sections.fold_phrase(word)
    return any(" " not in stem and sections.stem_matches(stem, folded) for stem in _stems(lexicon))


def find(text: str, lexicon: Lexicon) -> list[Span]:
    """Each religious word outside work lines, grown over the name around it ("St Jude's
    Anglican Church", "Wat Phra Chetuphon") and over religious words next to it ("parafii
    greckokatolickiej")."""
    found = []
    for line in sections.parse(text, lexicon):
        if line.heading or line.section in ("experience", "skills", "education") or not line.text.strip():
            continue
        spans: list[tuple[int, int]] = []
        for clause in _CLAUSE.finditer(line.text):
            text_of = clause.group()
            words = text_of.split()
            if line.section in ("memberships", "personal") and 0 < len(words) <= _SHORT_CLAUSE \
                    and religious(text_of, lexicon):
                spans.append(trim(line.text, clause.start(), clause.end(), " \t,;:.-–—*'\"()"))
        covered = list(spans)
        for word in _WORD.finditer(line.text):
            if any(a <= word.start() < b for a, b in covered):
                continue
            if not _religious_word(word.group(), lexicon):
                continue
            start, end = extend_proper_noun(line.text, word.start(), word.end())
            gap_after = re.search(r"[ \t]{3,}|\t", line.text[word.end():end])
            if gap_after:  # a column gap ends the name
                end = word.end() + gap_after.start()
            gap_before = list(re.finditer(r"[ \t]{3,}|\t", line.text[start:word.start()]))
            if gap_before:
                start += gap_before[-1].end()
            opening = re.match(r"[^\W\d_]+(?:ed|ing|s)\s+", line.text[start:word.start()])
            if opening and not line.text[:start].strip(" \t-*•>#0123456789.)").endswith(("St", "Saint")):
                start += opening.end()  # "Analysed Catholic school ...": a verb opens the sentence
            if any(m.start() < end and start < m.end() for m in _work(lexicon).finditer(line.text)) \
                    or _field_after(lexicon).match(line.text, end):
                continue  # "Catholic Relief Services", "Islamic finance"
            if spans and spans[-1] not in covered and not line.text[spans[-1][1]:start].strip(" \t-–'’"):
                start = spans.pop()[0]  # "parafii greckokatolickiej", "Merit-making volunteer"
            spans.append((start, end))
        for start, end in spans:
            start, end = trim(line.text, start, end, " \t,;:.-–—*'\"")
            if start < end:
                found.append(Span(line.start + start, line.start + end, "RELIGION"))
    return found
