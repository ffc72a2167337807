"""Nationality, citizenship, visa and place-of-birth statements, and religion.

A demonym alone is not redacted (British Airways, State Bank of India stay); it is when it sits in
a statement: a "Nationality:" label, "Nigerian citizen", "citizen of Ghana", "holds an Italian
passport", "dual Jordanian nationality", "I am Nigerian".
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import lines as _lines
from ..textutil import trim
from .patterns import alternation, compiled, labels


def find(text: str, lexicon: Lexicon) -> list[Span]:
    return [*nationality(text, lexicon), *religion(text, lexicon)]


def nationality(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    for match in labels(lexicon, "labels.nationality").finditer(text):
        if match.group("value").strip():
            found.append(Span(*trim(text, *match.span("value")), "NATIONALITY"))
    origin = alternation([*lexicon.words("nationalities.demonyms"), *lexicon.words("nationalities.countries")])
    nouns = alternation(lexicon.words("nationalities.statement_nouns"))
    visas = alternation(lexicon.words("nationalities.visas"))
    flags = re.IGNORECASE
    patterns = [
        rf"(?:(?:holds?|holding|have|has)\s+(?:an?\s+)?)?(?:dual\s+|naturali[sz]ed\s+)?{origin}(?:\s+and\s+{origin})?[\s-]+{nouns}"
        rf"(?:\s+holder)?(?:\s*\((?:{origin})\))?",
        rf"(?:dual\s+)?(?:citizen|national|citizenship|nationality)\s+of\s+(?:the\s+)?{origin}",
        rf"(?:I\s+am|I'm)\s+(?:an?\s+)?{origin}(?=\s*[.,;]|\s+(?:by|and|citizen|national))",
        rf"(?:born|raised)\s+(?:and\s+raised\s+)?in\s+{origin}",
        rf"(?:(?:would\s+|will\s+)?(?:holds?|holding|on|with|have|has|require|requires|need|needs|needing)\s+(?:an?\s+)?)?"
        r"(?:(?:valid|current|permanent|temporary)\s+)?"
        rf"(?:{origin}\s+)?"
        rf"{visas}(?:\s+(?:holder|recipient|required|needed|sponsorship|status))*(?:\s+(?:in|for|from)\s+(?:the\s+)?{origin})?",
        r"(?:will\s+)?(?:require|requires|need|needs|needing)\s+(?:visa\s+)?sponsorship",
        rf"(?:{origin})-born",
        r"(?:[Mm]y\s+)?(?:home\s?town|native\s+place|village|state\s+of\s+origin|place\s+of\s+birth)\s+is\s+"
        r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?",
        # Any demonym-shaped word in a statement: "Surinamese-born", "Bhutanese citizen".
        r"[A-Z][a-z]+(?:ian|ese|ish|ean|i|an)(?:-born|\s+(?:citizen|national|passport))",
    ]
    for pattern in patterns:
        for match in re.finditer(r"(?<![\w])" + pattern + r"(?![\w])", text, flags):
            found.append(Span(*match.span(), "NATIONALITY"))
    # A demonym as one item of a personal-details line: "Ghanaian · married · born 1987".
    item = re.compile(rf"(?:^|(?<=[|·•,;.—–]\s)|(?<=[|·•,;])){origin}(?=\s*(?:$|[|·•,;.—–]|\s+and\s))",
                      re.MULTILINE | re.IGNORECASE)
    personal = re.compile(r"(?i)\b(?:married|single|divorced|born|birth|age|aged|years\s+old|male|female|children|"
                          r"partner|nationality|citizen|citizenship|passport|anos|años|ans|jahre|"
                          + alternation(lexicon.words("family.marital"))[3:-1]
                          + r")\b")
    for offset, line in _lines(text):
        if personal.search(line):
            found += [Span(offset + m.start(), offset + m.end(), "NATIONALITY") for m in item.finditer(line)]
    return found


def religion(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    for match in labels(lexicon, "labels.religion").finditer(text):
        if match.group("value").strip():
            found.append(Span(*trim(text, *match.span("value")), "RELIGION"))
    practice = re.compile(r"\bpray(?:s|ing)?(?:\s+\w+){0,4}?\s+(?:a|per|each|every)\s+day\b", re.IGNORECASE)
    found += [Span(*m.span(), "RELIGION") for m in practice.finditer(text)]
    for key in ("religion.words", "religion.festivals"):
        found += [Span(*m.span(), "RELIGION") for m in compiled(lexicon, key).finditer(text)]
    places = re.compile(r"(?<!\w)" + alternation(lexicon.words("religion.places")) + r"(?!\w)", re.IGNORECASE)
    for match in places.finditer(text):
        start, end = extend_proper_noun(text, *match.span())
        head = text[start:end]
        if head.split()[0].lower() == "temple" and not re.search(
                r"(?i)\b(?:hindu|sikh|buddhist|jain|worship)\b", text[max(0, start - 60):end + 60]):
            continue  # "Temple University", "Temple Bar": not a place of worship without context
        found.append(Span(start, end, "RELIGION"))
    return found


_LEFT_WORD = re.compile(r"(?:St\.?|Saint|[A-ZÀ-Þ][\w'’.-]*)\s+$")
_RIGHT_OF = re.compile(r"\s+(?:of|de|del|da|do|des|du)\s+(?:the\s+|la\s+)?[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2}")


def extend_proper_noun(text: str, start: int, end: int, limit: int = 5) -> tuple[int, int]:
    """Grow ``start:end`` over up to ``limit`` capitalised words before it and an "of the X Y"
    after it: "church" -> "St Aidan's Church", "Church" -> "Redeemed Christian Church of God"."""
    for _ in range(limit):
        left = _LEFT_WORD.search(text, max(0, start - 40), start)
        if not left or "\n" in left.group():
            break
        start = left.start()
    right = _RIGHT_OF.match(text, end)
    if right and text[start:start + 1].isupper():
        end = right.end()
    elif text[start:start + 1].isupper():
        # "Capel Salem", "Gurdwara Sahib Dasmesh Darbar": capitalised words after the place word.
        after = re.match(r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*){1,4}", text[end:end + 80])
        if after:
            end += len(after.group())
    return start, end
