"""Postal addresses and postcodes (UK, US ZIP, Canada, India PIN, Brazil CEP, EU styles).

An address is found by its parts: a postcode, a street ("27 Wilmslow Road", "Rua Augusta, 1500",
"Schönhauser Allee 112"), a unit prefix ("Flat 4", "Plot 7", "H.No. 12") or an "Address:" label.
The whole segment of the line that holds one (between " | ", " · " separators) is redacted, so the
town and district next to the street go too.
"""

from __future__ import annotations

import itertools
import re

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import lines, segments, trim
from .patterns import labels

_US_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
              "NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR")
POSTCODE = re.compile(
    r"(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}"            # UK
    rf"|(?:{_US_STATES}|SP|RJ|MG|QC|ON|BC|AB)\s+\d{{5}}(?:-\d{{3,4}})?"     # US ZIP, Brazil state + CEP
    r"|[ABCEGHJ-NPRSTVXY]\d[A-Z][ -]?\d[A-Z]\d"                             # Canada
    r"|\d{5}-\d{3}"                                                         # Brazil CEP
    r"|\d{2}-\d{3}(?=\s+[A-ZÀ-Þ][a-zà-ÿ])"                                 # Poland
    r"|(?<=[A-Za-z]\s)\d{3}-\d{4}"                                          # Japan
    r"|\d{3}\s\d{2}(?=\s+[A-ZÀ-ÖØ-ÞĀ-ž][a-zà-ÿ])"                           # Sweden, Czechia, Greece
    r"|\d{4}\s?[A-Z]{2}(?=\s+[A-Z][a-z])"                                   # Netherlands
    r"|(?:PIN|Pin|Pincode|PIN code|Pin code)\s*[:\-]?\s*[1-9]\d{2}\s?\d{3}"  # India, labelled
    r")(?![\w-])")
#: A number then a town at the end of a segment: "10439 Berlin", "Lagos 101241", "Bengaluru 560038".
TOWN_CODE = re.compile(r"(?:\b\d{4,5}\s+[A-ZÀ-ÖØ-ÞĀ-ž][\w’'-]+|[A-ZÀ-ÖØ-ÞĀ-ž][\w’'.-]+(?:\s+[A-ZÀ-Þ][\w’'.-]+)?"
                       r"\s*[-–,]?\s*(?!(?:19|20)\d{2}\b)\d{3}\s?\d{1,3})\s*(?:,\s*[A-Z][\w ]+)?$")
_STREET_WORDS = (r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Close|Court|Ct|Place|Pl|Terrace|"
                 r"Crescent|Cres|Gardens|Grove|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Walk|Hill|Park|Circle|Cir|"
                 r"Trail|Rise|Green|Cross|Nagar|Marg|Layout|Colony|Main|Estate|Caddesi|Cad\.|Sokak|Sk\.|Mahallesi|Jalan|Calle")
STREET = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?(?:[-/]\d+)?,?\s+(?:[A-ZÀ-Þ][\w'’.-]*\s+|\d+(?:st|nd|rd|th)\s+){{0,4}}(?:{_STREET_WORDS})\.?"
    rf"(?:\s+(?:NE|NW|SE|SW|N|S|E|W))?\b"
    r"|\b(?:Rua|Avenida|Av\.|Travessa|Calle|Carrera|Rue|rue|Boulevard|Via|Viale|Piazza|Praça|Jalan|Jl\.|Đường|ul\.|al\.|"
    r"Str\.|Strada|Bulevardul|Bd\.|Calea|Aleea|Sos\.|Şos\.|Şoseaua|Soseaua|Splaiul)\s+"
    r"[\w'’. -]+?,?\s*\d+"
    r"|\b[A-Z][\w]*-(?:ro|gil|daero|dong)\s+\d+"
    r"|\b[A-ZÀ-ÖØ-Þ][\w'’-]+\s+(?:Blvd|Boulevard|Street|St|Avenue|Ave|Road|Rd|Sderot|Rehov)\.?\s+\d+[a-z]?\b"
    r"|\b[A-ZÀ-ÖØ-ÞĀ-ž][\w-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|gracht|laan|straat|plein|ring|damm|ufer|"
    r"gatan|vägen|gata|väg|gade|vej|veien|gate|katu|tie|utca|ulica)"
    r"\s+\d+[a-z]?\b"
    r"|\b[A-ZÀ-ÖØ-ÞĀ-ž][\w-]+\s+(?:Straße|Strasse|Allee|Weg|Platz|Gracht|Laan|Straat|Caddesi|Sokak|Bulvarı)\s+"
    r"(?:No\s*[:.]?\s*)?\d+[a-z]?\b")
UNIT = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+|\bPostfach\s+\d+|\bCaixa\s+Postal\s+\d+|"
                  r"\b(?:House\s+\d+[-A-Z]*|Block\s+[A-Z0-9]{1,3}\b|Purok\s+\d+|Barangay|Sitio|Flat|Apt\.?|Apartment|Unit|Suite|House\s+No\.?|H\.\s?No\.?|Plot|Blk|Block|Lot|Door\s+No\.?"
                  r"|No\.|No:|Nr\.|Nº|nº)\s*\d+[A-Za-z]?\b")


#: An address's continuation after a dash, to the end of its segment: "– 641011".
_DASH_TAIL = re.compile(r"(?:[ \t][–—-][ \t][^|·•\n]*?)+(?=[ \t]*(?:\n|$|[ \t][|·•][ \t]))")
#: Place names between two address parts of one line.
_BETWEEN = re.compile(r"[ \t]*[–—,-][ \t]*(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ \t]+(?:(?:de|da|do|dos|das|del|di)[ \t]+)?"
                      r"[A-ZÀ-ÖØ-Þ][\w'’.-]*)*[ \t]*[,–—-][ \t]*)+")
#: Japanese and Korean addresses: from the postal mark, or from the province and the district,
#: to the end of the segment ("〒150-0012 東京都...", "서울특별시 마포구 ...").
_EAST_ASIAN = re.compile(r"〒\s?\d{3}-?\d{4}[^\n|·]*"
                         r"|[\uac00-\ud7a3]{2,8}(?:특별시|광역시|특별자치시|특별자치도|도)\s+[\uac00-\ud7a3]{1,8}(?:시|군|구)"
                         r"[^\n|·]*")
#: Three lower-case words in a row: a sentence, not an address line.
_PROSE = re.compile(r"\b(?!(?:rue|de|la|le|du|des|da|do|dos|das|del|di|van|der|den|apto|bis|via|calle)\b)[a-z]{2,}\s+"
                    r"(?!(?:rue|de|la|le|du|des|da|do|dos|das|del|di|van|der|den|apto|bis|via|calle)\b)[a-z]{2,}\s+"
                    r"(?!(?:rue|de|la|le|du|des|da|do|dos|das|del|di|van|der|den|apto|bis|via|calle)\b)[a-z]{2,}\b"
                    r"|\b(?:I|[Ww]e|[Mm]y)\s+[a-z]{2,}")
_CHUNK_RIGHT = re.compile(r"(?:,?\s+(?:-\s+)?[A-ZÀ-ÖØ-Þ0-9][\w'’.-]*)+")
_WORDS_LEFT = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*,?\s+){1,4}$")


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """Inside a sentence: the address parts found and the capitalised words around them."""
    piece = text[start:end]
    hits = [m.span() for pattern in (POSTCODE, STREET, UNIT) for m in pattern.finditer(piece)]
    hits += [m.span() for m in TOWN_CODE.finditer(piece)] if not hits else []
    if not hits:
        return start, end
    first, last = min(h[0] for h in hits), max(h[1] for h in hits)
    left = _WORDS_LEFT.search(piece[:first])
    if left:
        first = left.start()
    right = _CHUNK_RIGHT.match(piece, last)
    if right:
        last = right.end()
    return start + first, start + last


def _address_like(segment: str) -> bool:
    return bool(POSTCODE.search(segment) or STREET.search(segment) or UNIT.search(segment)
                or (TOWN_CODE.search(segment) and "," in segment))


def find(text: str, lexicon: Lexicon) -> list[Span]:
    found: list[Span] = []
    for match in labels(lexicon, "labels.address").finditer(text):
        if match.group("value").strip():
            tail = _DASH_TAIL.match(text, match.end("value"))  # "..., Coimbatore – 641011"
            end = tail.end() if tail else match.end("value")
            found.append(Span(*trim(text, match.start("value"), end), "ADDRESS"))
    found += [Span(*trim(text, *m.span()), "ADDRESS") for m in _EAST_ASIAN.finditer(text)]
    address_labels = {w.casefold() for w in lexicon.words("labels.address")} | {"location", "home", "contact"}
    rows: list[tuple[int, str, bool]] = []
    for offset, line in lines(text):
        hit = False
        for seg_offset, segment in segments(line):
            if not _address_like(segment):
                continue
            begin = offset + seg_offset
            label = re.match(r"\s*\**\s*([\w' ]{2,30}?)\s*:\**\s*", segment)
            if label and label.group(1).casefold() in address_labels:
                begin += label.end()
            end = offset + seg_offset + len(segment)
            if _PROSE.search(segment):
                begin, end = _core(text, begin, end)  # "... she is based in Manchester M14 5TQ."
            found.append(Span(*trim(text, begin, end), "ADDRESS"))
            hit = True
        rows.append((offset, line, hit))
    # A short town line between two address lines ("12 Baker Street / London / NW1 6XE").
    for (_, _, before), (offset, line, hit), (_, _, after) in zip(rows, rows[1:], rows[2:], strict=False):
        if before and after and not hit and line.strip() and len(line.split()) <= 4 and "@" not in line:
            found.append(Span(*trim(text, offset, offset + len(line)), "ADDRESS"))
    return found + _joined(text, found)


def _joined(text: str, found: list[Span]) -> list[Span]:
    """One span over two address parts of a line and the place names between them ("Rua X,
    1250 – Vila Madalena, São Paulo – SP, CEP 05435-001")."""
    ordered = sorted(found)
    return [Span(a.start, b.end, "ADDRESS") for a, b in itertools.pairwise(ordered)
            if a.end <= b.start and _BETWEEN.fullmatch(text, a.end, b.start)]

