"""Run every detector on a text, resolve overlaps, and write the placeholders."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import KINDS
from .detectors import (
    address,
    affiliations,
    birth,
    contact,
    dates,
    details,
    education,
    employers,
    faith,
    groups,
    names,
    origin,
    toplines,
    traits,
)
from .lexicon import Lexicon, shipped
from .spans import Span, fill, merge_adjacent, resolve

#: A function that returns the PERSON names an NER model finds in a text.
PersonFinder = Callable[[str], list[str]]


@dataclass(frozen=True)
class Options:
    keep_schools: bool = False
    redact_employers: bool = False
    person_finder: PersonFinder | None = None


@dataclass(frozen=True)
class Redaction:
    """The redacted text, the spans replaced (offsets in the original) and their originals."""

    text: str
    spans: tuple[Span, ...]
    originals: tuple[str, ...]
    counts: Counter[str] = field(default_factory=Counter)

    def key_entries(self) -> list[dict[str, object]]:
        """(placeholder, original, occurrences) in order of first appearance."""
        seen: dict[tuple[str, str], int] = {}
        for span, original in zip(self.spans, self.originals, strict=False):
            pair = (span.placeholder, original)
            seen[pair] = seen.get(pair, 0) + 1
        return [{"placeholder": p, "original": o, "occurrences": n} for (p, o), n in seen.items()]


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """``text`` in Unicode NFC and, when that changed it, the original offset of every NFC
    character (plus one for the end). Detectors and word lists are written in NFC; a CV saved
    in NFD ("Adébáyọ̀" as letters plus combining marks) is matched the same way."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    origin: list[int] = []
    index = 0
    while index < len(text):
        stop = index + 1
        while stop < len(text) and unicodedata.combining(text[stop]):
            stop += 1
        cluster = unicodedata.normalize("NFC", text[index:stop])
        pieces.append(cluster)
        origin += [index] * len(cluster)
        index = stop
    origin.append(len(text))
    return "".join(pieces), origin


def find_spans(text: str, options: Options = Options(), lexicon: Lexicon | None = None) -> list[Span]:
    """Every identifier in ``text``, non-overlapping and sorted (offsets in ``text``)."""
    normal, origin = nfc_with_offsets(text)
    spans = _find_nfc(normal, options, lexicon)
    if origin is None:
        return spans
    return [Span(origin[s.start], origin[s.end], s.kind, s.label) for s in spans]


def _find_nfc(text: str, options: Options, lexicon: Lexicon | None) -> list[Span]:
    lexicon = lexicon or shipped()
    extra = options.person_finder(text) if options.person_finder else []
    found: list[Span] = []
    found += contact.find(text, lexicon)
    found += address.find(text, lexicon)
    found += toplines.find(text, lexicon)
    found += dates.find(text, lexicon)
    found += birth.find(text, lexicon)
    found += traits.find(text, lexicon)
    found += origin.find(text, lexicon)
    found += faith.find(text, lexicon)
    named = groups.memberships(text, lexicon)
    found += named
    # A group the lists name keeps their description; the trait lexicon adds the ones they miss.
    found += [s for s in affiliations.find(text, lexicon)
              if not any(n.start < s.end and s.start < n.end for n in named)]
    found += affiliations.origin_statements(text, lexicon)
    found += education.find(text, lexicon, keep_schools=options.keep_schools)
    if not options.keep_schools:
        found += groups.schools(text, lexicon)
    if options.redact_employers:
        found += employers.find(text, lexicon)
    found += names.find(text, lexicon, extra)
    chosen = fill(resolve(found), details.find(text, lexicon), text)
    return merge_adjacent(chosen, text, frozenset({"NAME", "ADDRESS", "PRONOUN"}) - {"PRONOUN"}, " ,")


def apply(text: str, spans: list[Span]) -> Redaction:
    pieces: list[str] = []
    originals: list[str] = []
    position = 0
    for span in spans:
        pieces += [text[position:span.start], span.placeholder]
        originals.append(text[span.start:span.end])
        position = span.end
    pieces.append(text[position:])
    counts = Counter(span.kind for span in spans)
    return Redaction("".join(pieces), tuple(spans), tuple(originals), counts)


def redact_text(text: str, options: Options = Options(), lexicon: Lexicon | None = None) -> Redaction:
    """Redact plain text or Markdown (markup outside the identifiers is kept)."""
    return apply(text, find_spans(text, options, lexicon))


def count_line(counts: Counter[str]) -> str:
    """"NAME 3, EMAIL 1" in the fixed order of :data:`KINDS` (counts only, never values)."""
    parts = [f"{kind} {counts[kind]}" for kind in KINDS if counts.get(kind)]
    return ", ".join(parts) if parts else "nothing found"
