"""Unicode-aware words, comparison keys and lines for the detectors.

Python's ``\\w`` does not match combining marks, so a decomposed (NFD) "Ọlátúnjí" would split into
pieces; :data:`WORD` takes letters with any marks. :func:`fold` gives the key two spellings of a
name share (NFC or NFD, accents or none, "ß"/"ss", "ü"/"ue", hyphens and apostrophes dropped).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from types import MappingProxyType

MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
LETTER = rf"(?:[^\W\d_]|[{MARKS}])"
#: A word: letters and marks, with inner apostrophes or hyphens ("O'Connor", "Okonkwo-Eze").
WORD = re.compile(rf"{LETTER}+(?:['’\-]{LETTER}+)*")
_GERMAN = MappingProxyType(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(word: str) -> str:
    """The comparison key of a word: case, accents, hyphens and apostrophes folded away."""
    plain = strip_marks(word.casefold()).replace("ß", "ss")
    return re.sub(r"['’\-.]", "", plain)


def fold_variants(word: str) -> set[str]:
    """``fold`` and the German transliteration ("Müller" -> {"muller", "mueller"})."""
    nfc = unicodedata.normalize("NFC", word.casefold())
    return {fold(word), re.sub(r"['’\-.]", "", strip_marks(nfc.translate(_GERMAN)))}


def is_capitalised(word: str) -> bool:
    """Starts with an upper-case letter (Title or ALL CAPS) or a letter without case (李伟)."""
    return bool(word) and (word[0].isupper() or (word[0].isalpha() and not word[0].islower()))


def lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line, without its line break (and without a trailing \\r)."""
    for match in re.finditer(r"[^\n]*", text):
        if match.start() > 0 and text[match.start() - 1] != "\n":
            continue
        line = match.group()
        yield match.start(), line.rstrip("\r")


_SEPARATOR = re.compile(r"\s+[|·•—–]\s+|\t+| {3,}|\s*[|·•]\s*")


def segments(line: str) -> Iterator[tuple[int, str]]:
    """(offset in line, text) of the parts of a line between " | ", " · ", " • ", " — ", tabs and
    runs of spaces (contact lines, two-column layouts)."""
    position = 0
    for match in _SEPARATOR.finditer(line):
        if match.start() > position:
            yield position, line[position:match.start()]
        position = match.end()
    if position < len(line):
        yield position, line[position:]


def trim(text: str, start: int, end: int, chars: str = " \t,;:.()[]\"'“”") -> tuple[int, int]:
    """``start``/``end`` moved inwards past ``chars`` (keeps a trailing "." of an abbreviation)."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        if text[end - 1] == "." and re.search(r"(?:\b[A-Z]\.|\b[A-Za-z]{1,3}\.)$", text[start:end]):
            break
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break  # "Yadav (OBC)": the bracket closes one inside the value
        end -= 1
    return start, end
