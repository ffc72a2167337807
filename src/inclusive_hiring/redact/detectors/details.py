"""Personal-details fields: ``label: value`` lines, found by their shape and not by a list of
whole labels.

A field is a short label and its value: ``Label: value`` (also in a `` | `` or `` · `` segment,
after a bullet or a form number, in bold), a two-cell Markdown table row ``| Label | value |``
(or rows of label/value pairs), and, inside a personal-details block, ``Label<3+ spaces>value``.
The label's words are compared with the stems of ``wordlists/redact/details.yml`` (any language
listed there, either half of a bilingual "Religion / Tôn giáo" label), and the whole value is
redacted with the label's kind.

A *personal-details block* is a section headed as personal ("Personal details", "Dados
pessoais", "Biodata"...), the top of the CV before its first other section, or a run of three or
more field lines of which at least two carry a known personal label. There a value whose label
matches no stem is an identifier too, redacted as ``[PERSONAL]``, unless its label is one of the
``keep`` stems (languages, skills, salary, notice...) or the value is long (a sentence).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import sections
from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import trim

#: The kinds a label can name, and "keep" for labels whose values stay.
LABEL_KINDS: tuple[str, ...] = ("NAME", "DOB", "AGE", "GENDER", "FAMILY", "NATIONALITY", "RELIGION", "ADDRESS",
                                "keep")
_PREFIX = r"^[ \t>]*(?:[-*•·▪◦][ \t]+)?\**[ \t]*(?:\(?(?:Q\s?)?\d{1,2}[.)]\s*)?\**[ \t]*"
_COLON_FIELD = re.compile(r"(?P<label>[^\W\d_][^:：\n|*]{0,45}?)[ \t]*\**[ \t]*[:：][ \t]*\**[ \t]*"
                          r"(?P<value>[^\n]*?)[ \t*]*$")
_GAP_FIELD = re.compile(r"(?P<label>[^\W\d_][^\n:|]{0,30}?)[ \t]{3,}(?P<value>\S[^\n]*?)[ \t]*$")
_SEGMENT = re.compile(r"\s+[|·•]\s+|\s*;\s+|[ \t]{3,}(?=[^\W\d_][^:\n]{0,40}:)|\t")
_SEPARATOR_ROW = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_MAX_LABEL_WORDS = 6
_MAX_VALUE_WORDS = 12


@dataclass(frozen=True)
class Field:
    """A label and its value: the value's offsets in the text."""

    label: str
    start: int
    end: int


@functools.cache
def _label_stems(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    pairs = [(sections.fold_phrase(stem), kind) for kind in LABEL_KINDS for stem in lexicon.words(f"details.{kind}")]
    return tuple(sorted({p for p in pairs if p[0]}, key=lambda pair: (-len(pair[0]), pair)))


def label_kind(label: str, lexicon: Lexicon) -> str:
    """The kind of value ``label`` names ("NAME", ..., "keep"), or "" when no stem matches.
    Each half of a bilingual label ("Religion / Tôn giáo") is read; the longest stem wins."""
    best = ("", 0)
    for half in re.split(r"\s*/\s*|\s+\(|\)", label):
        folded = sections.fold_phrase(half)
        for stem, kind in _label_stems(lexicon):
            if len(stem) <= best[1]:
                break
            if sections.stem_matches(stem, folded):
                best = (kind, len(stem))
                break
    return best[0]


def _is_label(label: str) -> bool:
    words = label.split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and not re.search(r"[a-z]{4,}[.!?]\s|[!?,;]", label) and len(label) <= 48


def fields(line: str, offset: int, *, gaps: bool = False) -> Iterator[Field]:
    """The fields of one line (offsets in the text); ``gaps`` also reads ``Label   value``."""
    if line.lstrip().startswith("|"):
        if _SEPARATOR_ROW.match(line):
            return
        cells = [(m.start(1), m.group(1)) for m in re.finditer(r"\|([^|\n]*)(?=\|)", line)]
        for (_l_start, label), (v_start, value) in zip(cells[::2], cells[1::2], strict=False):
            label = label.strip(" *:")
            stripped = value.strip()
            if _is_label(label) and stripped:
                begin = v_start + value.index(stripped[0])
                start, end = trim(line, begin, begin + len(stripped))
                yield Field(label, offset + start, offset + end)
        return
    prefix = re.match(_PREFIX, line)
    body_start = prefix.end() if prefix else 0
    position = body_start
    parts = [(position, line[position:])]
    if _SEGMENT.search(line[position:]):
        parts = []
        for piece in _SEGMENT.split(line[position:]):
            index = line.index(piece, position)
            parts.append((index, piece))
            position = index + len(piece)
    for start, part in parts:
        match = _COLON_FIELD.match(part) or (_GAP_FIELD.match(part) if gaps else None)
        if match and _is_label(match.group("label").strip()) and match.group("value").strip():
            value_end = start + match.end("value")
            column = re.search(r"[ \t]{3,}|\t", line[start + match.start("value"):value_end])
            if column:  # a second column starts after a wide gap
                value_end = start + match.start("value") + column.start()
            begin, end = trim(line, start + match.start("value"), value_end, " \t*")
            if begin < end:
                yield Field(match.group("label").strip(" *"), offset + begin, offset + end)


def _personal_runs(text: str, parsed: tuple[sections.Line, ...], lexicon: Lexicon) -> set[int]:
    """Offsets of the lines in a run of 3+ field lines with 2+ known personal labels."""
    marked: set[int] = set()
    run: list[int] = []
    known = 0

    def close() -> None:
        if len(run) >= 3 and known >= 2:
            marked.update(run)

    for line in parsed:
        if not line.text.strip():
            continue
        found = list(fields(line.text, line.start))
        if found and not line.heading:
            run.append(line.start)
            known += sum(1 for f in found if label_kind(f.label, lexicon) not in ("", "keep"))
        else:
            close()
            run, known = [], 0
    close()
    return marked


def _identifier_shaped(value: str) -> bool:
    """A value that can be an identifier: it starts with a capital, a digit or a letter without
    case, and is no sentence ("open to relocation." is not)."""
    first = value[:1]
    return (first.isdigit() or first.isupper() or (first.isalpha() and not first.islower())) \
        and not (value.endswith(".") and len(value.split()) >= 3)


def find(text: str, lexicon: Lexicon) -> list[Span]:
    """The values of personal-details fields (see the module docstring)."""
    parsed = sections.parse(text, lexicon)
    runs = _personal_runs(text, parsed, lexicon)
    found: list[Span] = []
    headers = {parsed[i].start for i in range(len(parsed) - 1) if _SEPARATOR_ROW.match(parsed[i + 1].text)}
    for line in parsed:
        if line.heading or not line.text.strip() or line.start in headers:
            continue
        block = line.section == "personal" or line.start in runs
        # The top of a CV counts as a personal block for "Label: value" lines, not for tables.
        personal = block or (line.top and not line.section and not line.text.lstrip().startswith("|"))
        if line.section in ("experience", "skills") and line.start not in runs:
            continue
        for field in fields(line.text, line.start, gaps=line.section == "personal"):
            kind = label_kind(field.label, lexicon)
            value = text[field.start:field.end]
            if kind == "keep" or (kind == "NAME" and re.search(r"\d", value)):
                continue
            if not kind:
                if not personal or len(value.split()) > _MAX_VALUE_WORDS // 2 or not _identifier_shaped(value):
                    continue
                kind = "PERSONAL"
            elif len(value.split()) > _MAX_VALUE_WORDS:
                continue
            found.append(Span(field.start, field.end, kind))
    return found
