"""A CV's sections: which lines are headings and what each section holds.

A heading is a Markdown heading, a short line in capitals, a short bold line or a short line
ending in a colon; its kind (personal, education, memberships, experience, skills) comes from the
stems in ``wordlists/redact/sections.yml``, in any language listed there. A capitalised label at
the start of a line with its content after it ("ACTIVITIES: ...") makes that line a one-line
section; so does a short plain line whose words name a section ("Education" in a PDF's
text, where the Markdown marks are gone). The lines before the first heading that is not a
personal one are the *top* of the CV, where the name, contact and personal details stand.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .textutil import fold, lines

SECTION_KINDS: tuple[str, ...] = ("personal", "education", "memberships", "experience", "skills")

_MARKDOWN = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>\S.*?)\s*#*\s*$")
_BOLD = re.compile(r"^\s*\*\*(?P<title>[^*\n]{2,60}?)\*\*\s*:?\s*$")
_CAPS = re.compile(r"^\s*(?P<title>[^\W\d_a-z][^\na-z]{2,60}?)\s*:?\s*$")
_COLON = re.compile(r"^\s*(?P<title>[^\W\d_][^:\n|]{1,50}?)\s*[:：]\s*$")
_INLINE = re.compile(r"^\s*(?P<title>[A-Z][A-Z &/'’-]{3,40}):\s+\S")
#: Two columns: an all-caps first column is a heading in the left column.
_COLUMN = re.compile(r"^\s*(?P<title>[A-Z][A-Z &/'’-]{3,40}?)(?:\s{3,}|\s\|\s)\S")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
#: A short line of words only, with no sentence end: a heading when its words name a section.
_PLAIN = re.compile(r"^\s*[^\W\d_][^\d:.!?,;|\n]{0,40}$")


@dataclass(frozen=True)
class Line:
    """One line of the text: its offset, text, the kind of its section ("" when none or
    another), whether it is a heading, and whether it is in the top of the CV."""

    start: int
    text: str
    section: str
    heading: bool
    top: bool


def heading_title(line: str) -> str | None:
    """The title when ``line`` reads as a section heading, else None."""
    for pattern in (_MARKDOWN, _BOLD, _CAPS, _COLON):
        match = pattern.match(line)
        if match and len(match.group("title").split()) <= 6:
            title = match.group("title").strip("*: ")
            if pattern is _CAPS and not any(ch.isalpha() for ch in title):
                return None
            return title
    return None


@functools.cache
def _stems(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    pairs = [(fold_phrase(stem), kind) for kind in SECTION_KINDS for stem in lexicon.words(f"sections.{kind}")]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def fold_phrase(phrase: str) -> str:
    """Words of ``phrase`` folded (case, accents) and joined by one space (a final "$", which
    marks a whole-word stem, is kept)."""
    folded = " ".join(fold(w) for w in _WORD.findall(phrase))
    return folded + "$" if phrase.endswith("$") else folded


def stem_matches(stem: str, folded: str) -> bool:
    """Whether ``stem`` starts a word of ``folded`` (a phrase of folded words); a stem of under
    four letters, or one ending in "$", must be a whole word; a stem in a script without spaces
    may stand anywhere."""
    if not stem:
        return False
    if stem.endswith("$"):  # a whole word only
        return re.search(r"(?<!\S)" + re.escape(stem[:-1]) + r"(?!\S)", folded) is not None
    if not stem.isascii() and not any(" " <= ch <= "ɏ" for ch in stem) and stem in folded.replace(" ", ""):
        return True
    pattern = r"(?<!\S)" + re.escape(stem) + (r"(?!\S)" if len(stem) < 4 else "")
    return re.search(pattern, folded) is not None


def classify(title: str, lexicon: Lexicon) -> str:
    """The kind of a section titled ``title`` ("" when none applies)."""
    folded = fold_phrase(title)
    for stem, kind in _stems(lexicon):
        if stem_matches(stem, folded):
            return kind
    return ""


def parse(text: str, lexicon: Lexicon) -> tuple[Line, ...]:
    """Every line of ``text`` with its section (see the module docstring)."""
    out: list[Line] = []
    section = ""
    top = True
    seen_content = False
    for start, line in lines(text):
        title = heading_title(line)
        if title is None and (column := _COLUMN.match(line)):
            title = column.group("title")
        if title is None and _PLAIN.match(line) and len(line.split()) <= 3 \
                and classify(line, lexicon):
            title = line.strip()  # a heading that lost its markup (a PDF's or a .docx's text)
        if title is not None and (seen_content or classify(title, lexicon)):
            section = classify(title, lexicon)
            if section != "personal" and seen_content:
                top = False
            out.append(Line(start, line, section, True, top))
            seen_content = True
            continue
        inline = _INLINE.match(line)
        kind = classify(inline.group("title"), lexicon) if inline else ""
        out.append(Line(start, line, kind or section, False, top))
        if line.strip():
            seen_content = True
    return tuple(out)
