"""Regular expressions built from the word lists, compiled once per lexicon."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..lexicon import Lexicon


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any run of spaces."""
    escaped = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(escaped) + ")"


#: A dot that ends a short abbreviation inside a value, not the value: "T.C.", "Md. Abdul",
#: "Mst. Rokeya".
_ABBREVIATION_DOT = r"(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.(?=\s+[A-Z])"


def label_regex(labels: Iterable[str]) -> re.Pattern[str]:
    """``Label:`` (or ``Label -``) at the start of a line, a segment or after a bullet; group
    ``value`` is the rest up to a separator or the end of the line. A second label may follow the
    first ("性别 / Gender:", "生年月日 Date of birth"), so may a bracketed note ("Date of birth
    (dd/mm/yyyy):") and a place ("Legal status in Poland:"); a Markdown table cell holding the
    label ("| Age | 37 |") works like a colon, except in a header row (a row followed by a
    ``|---|`` line), and so does a gap of four spaces or more (a table row as a PDF's text layer
    gives it: "Age    37"), or a tab (the cells of a ``.docx`` table row are joined by tabs)."""
    words = alternation(labels)
    return re.compile(
        r"(?im)(?:^|(?<=[|·•;\t])|(?<=\s{2})|(?<=^[-*•]\s)|(?<=\*\*)|(?<=[.,]\s)|(?<=\s[—–-]\s)|(?<=^#{2}\s)|(?<=^#{3}\s))\s*\**\s*"
        + words + rf"\.?(?:\s*/?\s*{words}\.?)?" + r"(?:\s*\([^()\n]{1,24}\))?"
        + r"(?:[ \t]+(?:in|for)[ \t]+(?:the[ \t]+)?[A-Z][\w-]+)?"
        + r"\s*\**\s*(?::|：|\s[-–]\s|\s*\|(?![^\n]*\n[ \t]*\|[ \t:]*-{2})"
        + r"|(?<=\S)[ \t]{4,}(?=\S)|(?<=\S)[ ]*\t[ \t]*(?=\S))"
        + r"\s*\**\s*(?P<value>(?:[^\n|·•\t.]|\.(?=\S)|"
        + _ABBREVIATION_DOT + r")*?)"
        r"\s*(?=$|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2}(?=\.\s+[A-Z]))\.(?:\s|$)|\s[|·•—–]\s|\t| {3,}|\s*;)")


@functools.cache
def compiled(lexicon: Lexicon, key: str, *, whole_words: bool = True,
             case_sensitive: bool = False) -> re.Pattern[str]:
    body = alternation(lexicon.words(key))
    if whole_words:
        body = r"(?<![\w@])" + body + r"(?![\w@])"
    return re.compile(body, 0 if case_sensitive else re.IGNORECASE)


@dataclass(frozen=True)
class LabelFinder:
    """The values after the labels of one list: ``Label: value`` (:func:`label_regex`), and the
    ``Label value | Label value`` rows of a Europass-style details line, where no colon follows
    the label but at least two segments of the line open with a known label, one of them with a
    number (a date of birth, an age, an ID): "Sex female | Date of birth 02.11.1989"."""

    colon: re.Pattern[str]
    bare: re.Pattern[str]
    any_label: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        yield from self.colon.finditer(text)
        position = text.find(" | ")
        while position >= 0:  # only lines with " | " segments can be Europass rows
            start = text.rfind("\n", 0, position) + 1
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            opened = [m for part in re.split(r"\s\|\s", text[start:end]) if (m := self.any_label.match(part))]
            if len(opened) >= 2 and any(m.group().rstrip()[-1:].isdigit() for m in opened):
                yield from self.bare.finditer(text, start, end)
            position = text.find(" | ", end)


@functools.cache
def _any_label(lexicon: Lexicon) -> re.Pattern[str]:
    every = alternation(w for key, words in lexicon.lists.items() if key.startswith("labels.") for w in words)
    return re.compile(rf"[\s*•·-]*{every}\.?[ \t]+[^\s|:]", re.IGNORECASE)


@functools.cache
def labels(lexicon: Lexicon, key: str) -> LabelFinder:
    words = alternation(lexicon.words(key))
    bare = re.compile(rf"(?im)(?:^[ \t*•·-]*|(?<=\s\|\s))(?:{words})\.?[ \t]+"
                      r"(?P<value>[^\s|:][^|\n:]*?)(?=[ \t]+\|[ \t]|[ \t]*$)")
    return LabelFinder(label_regex(lexicon.words(key)), bare, _any_label(lexicon))


@functools.cache
def answers(lexicon: Lexicon, key: str) -> re.Pattern[str]:
    """A label standing alone as a heading or a form question ("**Q4. Date of birth**", "Full
    name (as in passport)?"), its answer on the next line: group ``value``, to the end of it."""
    return re.compile(r"(?im)^[ \t>#*-]*(?:Q?\d{1,2}[.)]\s*)?" + alternation(lexicon.words(key))
                      + r"(?:\s*\([^()\n]{1,30}\))?\s*[:?]?[ \t*]*\n(?:[ \t]*\n)?[ \t>*-]*(?P<value>\S[^\n]*?)[ \t*]*$")
