"""Ages: the value after an age label and age phrases in prose, with their unit and prefix
("Age: [AGE]" for "Age: 35 years", "[AGE]" for "âgée de 30 ans"), since a unit left behind is
noise that still says an age was there."""

from __future__ import annotations

import functools
import re

from ..lexicon import Lexicon
from ..spans import Span
from .patterns import alternation, labels

#: Words just before a number that make "N years" work experience, not an age.
_EXPERIENCE_BEFORE = re.compile(
    r"(?:experience|experiencia|experiência|expérience|erfahrung|doświadczeni\w*|deneyim\w*|pengalaman|опыт\w*|"
    r"досвід\w*|стаж\w*|over|more\s+than|más\s+de|mais\s+de|plus\s+de|über|ponad|lebih\s+dari|более|понад|"
    r"selama|durante|during|for|por|pendant|seit|od|since|past|last)\W*$", re.IGNORECASE)
_EXPERIENCE_AFTER = (r"(?!\s+(?:de|of|d['’]|di|in|at|as|w|z|na|\w*erfahrung|\w*ervaring|experi\w*|doświadczenia|"
                     r"deneyim\w*|pengalaman|опыт\w*|досвід\w*|стаж\w*|kinh\s+nghiệm|経験|经验|경력|"
                     r"dans|en|em|im|bei|kerja|bekerja))")
_WORD_NUMBER = (r"(?:twenty|thirty|forty|fifty|sixty|seventy)(?:[\s-](?:one|two|three|four|five|six|seven|"
                r"eight|nine))?")


@functools.cache
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    units = alternation(lexicon.words("ages.units"))
    prose_units = alternation(lexicon.words("ages.prose_units"))
    prefixes = alternation(lexicon.words("ages.prefixes"))
    after = r"(?![^\W\d_])"
    labelled = re.compile(rf"(?:{prefixes}\s*)?\d{{1,3}}(?!\d)(?:\s*[-–]\s*\d{{2,3}}|\s*\+)?"
                          rf"(?:(?:\s*|-){units}{after})?", re.IGNORECASE)
    prose = (
        re.compile(rf"(?<![\w.])(?:{prefixes}\s*)?\d{{2}}(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-|\.\s*|/)(?:old|o\.?)"
                   r"(?!\w)", re.IGNORECASE),
        re.compile(r"\(\s*(?P<age>(?:age|aged)\s+\d{2})\s*\)", re.IGNORECASE),
        re.compile(rf"(?<![\w.])(?:{prefixes}\s*)?\d{{2}}\s*{prose_units}{after}{_EXPERIENCE_AFTER}",
                   re.IGNORECASE),
        re.compile(rf"\b(?:aged|âgée?\s+de|agée?\s+de)\s+(?:\d{{2}}(?!\d)(?:\s*{units}{after})?|{_WORD_NUMBER}\b)",
                   re.IGNORECASE),
        re.compile(r"\bage\s+(?P<age>\d{2})\b(?!\s*(?:%|years? of|yrs? of|to\s+\d|-\s*\d|–\s*\d))", re.IGNORECASE),
        re.compile(r"\bI(?:\s+am|['’]m)\s+(?P<age>\d{2})(?=\s*[,.;]|\s+and\b)", re.IGNORECASE),
        re.compile(r"(?:^|(?<=[.;]\s))At\s+(?P<age>\d{2}),\s+I\b", re.MULTILINE),
    )
    return labelled, prose


def find(text: str, lexicon: Lexicon) -> list[Span]:
    labelled, prose = _patterns(lexicon)
    found = []
    for match in labels(lexicon, "labels.age").finditer(text):
        value = labelled.match(text, match.start("value"))
        if value:
            found.append(Span(*value.span(), "AGE"))
    for pattern in prose:
        for match in pattern.finditer(text):
            start, end = match.span("age") if "age" in pattern.groupindex else match.span()
            if _EXPERIENCE_BEFORE.search(text, max(0, start - 30), start):
                continue
            found.append(Span(start, end, "AGE"))
    return found
