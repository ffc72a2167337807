"""A redacted copy of a .docx, edited in place with python-docx and lxml.

- Text: every paragraph of the body (tables and text boxes included), headers, footers,
  footnotes, endnotes and comments is read as runs; the detectors run on the whole document's
  text, and each identifier is replaced inside the runs that held it, so the rest of the
  formatting (bold, styles, tables) stays. A placeholder takes the formatting of the run where
  the identifier began.
- Images: every picture (``w:drawing``/``w:pict``/``w:object`` holding an image) becomes the text
  ``[PHOTO]`` in its run, and the image parts are dropped from the package. Text boxes stay.
- Metadata: core properties (author, last modified by, title...) are emptied; company and
  manager in ``app.xml`` too; comment and tracked-change authors are blanked; external hyperlink
  targets (``mailto:``, profile URLs) are removed; deleted tracked text is cleared.
- The zip is written with fixed timestamps: the same input gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import RedactError
from ..engine import Options, find_spans
from ..readers import check_length, read_bytes
from ..spans import Span
from . import FileRedaction

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_TEXT_PARTS = re.compile(r"^/word/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_IMAGE_TAGS = ("drawing", "pict", "object")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Piece:
    """One stretch of a paragraph's text: a ``w:t`` element (editable) or a tab/break (not)."""

    element: Any
    start: int
    end: int


def _own_paragraph(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != _w("p"):
        parent = parent.getparent()
    return parent


def _row_of(paragraph: Any) -> Any:
    parent = paragraph.getparent()
    while parent is not None and parent.tag != _w("tr"):
        parent = parent.getparent()
    return parent


def _paragraph_pieces(paragraph: Any) -> tuple[str, list[_Piece]]:
    text: list[str] = []
    pieces: list[_Piece] = []
    length = 0
    for element in paragraph.iter(_w("t"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")):
        if _own_paragraph(element) is not paragraph:
            continue
        if element.tag == _w("t"):
            value = element.text or ""
            editable = element
        else:
            value = {_w("tab"): "\t", _w("noBreakHyphen"): "-"}.get(element.tag, "\n")
            editable = None
        pieces.append(_Piece(editable, length, length + len(value)))
        text.append(value)
        length += len(value)
    return "".join(text), pieces


def _rewrite(paragraph_text: str, pieces: list[_Piece], spans: list[Span]) -> None:
    """Replace each span's characters in the ``w:t`` pieces; the placeholder goes into the first
    editable piece the span touches."""
    owner: dict[int, Span] = {}
    first: dict[Span, int] = {}
    for span in spans:
        for position in range(span.start, span.end):
            owner[position] = span
    for piece in pieces:
        if piece.element is None:
            continue
        for position in range(piece.start, piece.end):
            span = owner.get(position)
            if span is not None and span not in first:
                first[span] = position
    for piece in pieces:
        if piece.element is None:
            continue
        out: list[str] = []
        changed = False
        for position in range(piece.start, piece.end):
            span = owner.get(position)
            if span is None:
                out.append(paragraph_text[position])
                continue
            changed = True
            if first.get(span) == position:
                out.append(span.placeholder)
        if changed:
            piece.element.text = "".join(out)
            piece.element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _is_picture(element: Any) -> bool:
    xml_tags = {child.tag.rsplit("}", 1)[-1] for child in element.iter() if isinstance(child.tag, str)}
    return bool(xml_tags & {"blip", "imagedata", "pic"}) and "txbxContent" not in xml_tags


def _replace_pictures(root: Any) -> int:
    """Swap every picture for a ``[PHOTO]`` text run; return how many."""
    from lxml import etree

    count = 0
    targets = []
    for tag in _IMAGE_TAGS:
        for element in root.iter(_w(tag)):
            if _is_picture(element):
                outer = element
                parent = element.getparent()
                # A picture inside mc:AlternateContent: replace the whole alternative.
                while parent is not None and parent.tag != _w("r"):
                    if parent.tag == f"{{{MC}}}AlternateContent":
                        outer = parent
                    parent = parent.getparent()
                targets.append(outer)
    seen: set[int] = set()
    for outer in targets:
        if id(outer) in seen or outer.getparent() is None:
            continue
        seen.add(id(outer))
        text = etree.Element(_w("t"))
        text.text = "[PHOTO]"
        outer.getparent().replace(outer, text)
        count += 1
    return count


def _scrub_metadata(root: Any) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in (_w("author"), _w("initials")):
            if attribute in element.attrib:
                element.set(attribute, "")
        if element.tag == _w("delText"):
            element.text = ""
        if element.tag == _w("instrText") and element.text and "HYPERLINK" in element.text:
            element.text = " "
    for link in root.iter(_w("hyperlink")):
        link.attrib.pop(f"{{{R}}}id", None)


def _referenced_ids(root: Any) -> set[str]:
    found = set()
    for element in root.iter():
        if isinstance(element.tag, str):
            for name, value in element.attrib.items():
                if name.startswith(f"{{{R}}}"):
                    found.add(value)
    return found


def _drop_unused_rels(part: Any, root: Any) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    used = _referenced_ids(root)
    droppable = {RT.IMAGE, RT.HYPERLINK, RT.OLE_OBJECT, RT.PACKAGE}
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in droppable and rel_id not in used:
            del part.rels[rel_id]


def _roots(document: Any) -> list[tuple[Any, Any, bool]]:
    """(part, XML root, is generic blob part) for every part that holds text, body first."""
    from docx.oxml import parse_xml

    found = []
    for part in document.part.package.iter_parts():
        if not _TEXT_PARTS.match(str(part.partname)):
            continue
        if hasattr(part, "element"):
            found.append((part, part.element, False))
        else:
            found.append((part, parse_xml(part.blob), True))
    # Headers first (a CV's name and contact line often sit there), then the body, then the rest.
    order = {"header": 0, "document": 1}
    found.sort(key=lambda item: (order.get(re.sub(r"\d*\.xml$", "", str(item[0].partname).rsplit("/", 1)[-1]), 2),
                                 str(item[0].partname)))
    return found


def _clear_properties(document: Any) -> None:
    core = document.core_properties._element  # no public API to empty the element
    for child in list(core):
        core.remove(child)
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of page one: the photo and the name
            del package.rels[rel_id]
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            blob = re.sub(rb"<(\w+:)?(Company|Manager)>[^<]*</(\w+:)?(Company|Manager)>", b"", part.blob)
            part._blob = blob  # a generic part: its bytes are what gets saved


def _deterministic_zip(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def open_docx(path: Path) -> Any:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    data = read_bytes(path)
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise RedactError(f"{path}: not a readable .docx ({type(exc).__name__})") from None
    except Exception as exc:  # lxml and python-docx raise assorted errors on damaged files
        raise RedactError(f"{path}: not a readable .docx ({type(exc).__name__})") from None


def redact_docx(path: Path, options: Options) -> FileRedaction:
    document = open_docx(path)
    roots = _roots(document)
    photos = sum(_replace_pictures(root) for _, root, _ in roots)
    paragraphs: list[tuple[Any, str, list[_Piece], int]] = []
    chunks: list[str] = []
    offset = 0
    for _, root, _ in roots:
        for paragraph in root.iter(_w("p")):
            text, pieces = _paragraph_pieces(paragraph)
            paragraphs.append((paragraph, text, pieces, offset))
            chunks += [text, "\n"]
            offset += len(text) + 1
    # Cells of one table row are joined by tabs, so a row reads as one line (as in a text CV).
    for index in range(len(paragraphs) - 1):
        row = _row_of(paragraphs[index][0])
        if row is not None and row is _row_of(paragraphs[index + 1][0]):
            chunks[2 * index + 1] = "\t"
    full_text = check_length(path, "".join(chunks[:-1]))
    spans = find_spans(full_text, options)
    originals = [(span, full_text[span.start:span.end]) for span in spans]
    index = 0
    for _paragraph, text, pieces, start in paragraphs:
        end = start + len(text)
        local = []
        while index < len(spans) and spans[index].end <= start:
            index += 1
        probe = index
        while probe < len(spans) and spans[probe].start < end:
            span = spans[probe]
            local.append(Span(max(span.start, start) - start, min(span.end, end) - start, span.kind, span.label))
            probe += 1
        if local:
            _rewrite(text, pieces, local)
    for part, root, generic in roots:
        _scrub_metadata(root)
        _drop_unused_rels(part, root)
        if generic:
            from lxml import etree

            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _clear_properties(document)
    out = io.BytesIO()
    document.save(out)
    counts: Counter[str] = Counter(span.kind for span in spans)
    if photos:
        counts["PHOTO"] = photos
    key: dict[tuple[str, str], int] = {}
    for span, original in originals:
        key[(span.placeholder, original)] = key.get((span.placeholder, original), 0) + 1
    if photos:
        key[("[PHOTO]", f"{photos} image(s) removed; not kept in the key")] = photos
    entries: list[dict[str, object]] = [{"placeholder": p, "original": o, "occurrences": n}
                                        for (p, o), n in key.items()]
    return FileRedaction(_deterministic_zip(out.getvalue()), ".docx", counts, entries)
