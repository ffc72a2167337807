"""Dates and places of birth in prose, in any language ``wordlists/redact/birth.yml`` lists.

After a word for being born ("born", "nata", "född", "urodziłam", "lahir"...), in the same
sentence and within 80 characters: a date or a year is the date of birth (``[DOB]``), and a
capitalised place after a preposition (or straight after the word) is the place of birth
(``[NATIONALITY]``), with a country in brackets after it ("Salonicco (Grecia)").
"""

from __future__ import annotations

import functools
import re

from ..lexicon import Lexicon
from ..spans import Span
from .dates import DATE
from .patterns import alternation

_WINDOW = 80
_PLACE_WORD = r"(?:[^\W\d_a-z][\w'’.-]*)"
_JOIN = r"(?:[ \t]+(?:of|de|del|di|da|do|la|le|el|am|an|der|upon|on|sur)[ \t]+|[ \t]+|-)"


@functools.cache
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    word = alternation(lexicon.words("birth.words"))
    before = alternation(lexicon.words("birth.prepositions"))
    born = re.compile(rf"(?i)(?<!\w){word}(?!\w)")
    place = re.compile(rf"(?:(?<=\s)(?i:{before})[ \t]+(?:(?i:the)[ \t]+)?|^[ \t]*)"
                       rf"(?P<place>{_PLACE_WORD}(?:{_JOIN}{_PLACE_WORD}){{0,3}}(?:[ \t]*\([^()\n]{{2,30}}\))?)")
    return born, place


def find(text: str, lexicon: Lexicon) -> list[Span]:
    born, place = _patterns(lexicon)
    found: list[Span] = []
    for match in born.finditer(text):
        if match.group().isupper() and len(match.group()) > 2:
            continue  # "NATO", not "nato"
        end = min(len(text), match.end() + _WINDOW)
        stop = re.search(r"[.;!?](?:\s|$)|\n", text[match.end():end])
        window_end = match.end() + stop.start() if stop else end
        for date in DATE.finditer(text, match.end(), window_end):
            found.append(Span(date.start(), date.end(), "DOB"))
        cursor = match.end()
        while cursor < window_end:
            hit = place.search(text[:window_end], cursor)
            if not hit:
                break
            value = hit.group("place")
            first = value.split()[0].rstrip(".,")
            gap = DATE.sub(" ", text[match.end():hit.start()])
            if len(re.findall(r"[^\W\d_]+", gap)) > 2:  # "born to lead projects in ...": no place
                break
            if not DATE.fullmatch(first) and not first.isdigit():
                found.append(Span(hit.start("place"), hit.end("place"), "NATIONALITY"))
                break
            cursor = hit.end()
    return found
