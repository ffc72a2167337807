"""Read a Word .docx (python-docx) into a :class:`~.model.Document`.

Reading order: body paragraphs, each followed by the text boxes anchored in it; tables row by row,
cell by cell (a cell is one paragraph number; a table nested in a cell follows that cell); then
the headers and footers of every section (each distinct one once). Empty paragraphs are not
numbered. Word headings ("Heading 1".."Heading 9", "Title", or an outline level) become Markdown
headings in the linted text and list paragraphs (numbering or a "List ..." style) list items, so
the section logic of Markdown files applies; positions count in the paragraph's own text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from .model import Document, DocumentError, Paragraphs

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (_W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _BR, _CR, _NB_HYPHEN = (_W + t for t in ("t", "tab", "br", "cr", "noBreakHyphen"))
_TXBX = _W + "txbxContent"
# Text under these is not what the reader sees in the paragraph itself.
_NOT_SHOWN = frozenset({_W + "del", _W + "moveFrom", _W + "pPr", _TXBX, _MC_FALLBACK, _W + "rPr"})
_HEADING = re.compile(r"^heading ([1-9])$")


def _text(paragraph: Any) -> str:
    """A paragraph's visible text: runs, hyperlinks, insertions; tabs as \\t, breaks as \\n."""
    out: list[str] = []
    for el in paragraph.iter(_T, _TAB, _BR, _CR, _NB_HYPHEN):
        parent = el.getparent()
        hidden = False
        while parent is not None and parent is not paragraph:
            if parent.tag in _NOT_SHOWN:
                hidden = True
                break
            parent = parent.getparent()
        if hidden:
            continue
        if el.tag == _T:
            out.append(el.text or "")
        elif el.tag == _TAB:
            out.append("\t")
        elif el.tag == _NB_HYPHEN:
            out.append("-")
        else:
            out.append("\n")
    return "".join(out).strip()


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The paragraphs of the text boxes anchored in ``paragraph`` (the DrawingML copy only, not
    the VML fallback that repeats it)."""
    for box in paragraph.iter(_TXBX):
        parent = box.getparent()
        fallback = False
        while parent is not None and parent is not paragraph:
            if parent.tag == _MC_FALLBACK:
                fallback = True
                break
            parent = parent.getparent()
        if not fallback:
            yield from box.iter(_P)


class _Reader:
    def __init__(self, styles: dict[str, tuple[str, str | None]]) -> None:
        self.styles = styles  # style id -> (lower-case name, based-on id)
        self.out = Paragraphs()

    def style_name(self, paragraph: Any) -> str:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return self.styles.get(style.get(_W + "val"), ("", None))[0] if style is not None else ""

    def heading_level(self, paragraph: Any) -> int:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        style_id = style.get(_W + "val") if style is not None else None
        for _ in range(6):  # a style based on a heading style is a heading too
            if style_id is None or style_id not in self.styles:
                break
            name, based_on = self.styles[style_id]
            match = _HEADING.match(name)
            if match:
                return int(match.group(1))
            if name == "title":
                return 1
            if name == "subtitle":
                return 2
            style_id = based_on
        outline = paragraph.find(f"{_W}pPr/{_W}outlineLvl")
        if outline is not None and (value := outline.get(_W + "val", "")).isdigit() and int(value) < 9:
            return int(value) + 1
        return 0

    def is_list_item(self, paragraph: Any) -> bool:
        return (paragraph.find(f"{_W}pPr/{_W}numPr") is not None
                or self.style_name(paragraph).startswith("list"))

    def paragraph(self, paragraph: Any) -> None:
        level = self.heading_level(paragraph)
        prefix = "#" * level + " " if level else ("- " if self.is_list_item(paragraph) else "")
        self.out.add([(prefix, _text(paragraph))])
        for inner in _text_boxes(paragraph):
            self.out.add([("", _text(inner))])

    def container(self, element: Any) -> None:
        """Body, header, footer, content control or text box content, in document order."""
        for child in element.iterchildren():
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.container(content)

    def table(self, table: Any) -> None:
        for row in table.iterchildren(_TR):  # nested tables' rows come with their cell
            for cell in row.iterchildren(_TC):
                parts: list[tuple[str, str]] = []
                nested = []
                for child in cell.iterchildren():
                    if child.tag == _P:
                        parts.append(("", _text(child)))
                    elif child.tag == _TBL:
                        nested.append(child)
                self.out.add(parts)
                for inner in nested:
                    self.table(inner)


def _styles(document: Any) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for style in document.styles.element.iterchildren(_W + "style"):
        style_id = style.get(_W + "styleId")
        name = style.find(_W + "name")
        based = style.find(_W + "basedOn")
        if style_id:
            out[style_id] = ((name.get(_W + "val") or "").lower() if name is not None else "",
                             based.get(_W + "val") if based is not None else None)
    return out


def read_docx(data: bytes) -> Document:
    """The pieces of a .docx file's bytes; :class:`DocumentError` when it cannot be read."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"not a readable .docx file ({type(exc).__name__}); open it in Word "
                            "and save it again as .docx") from exc
    except Exception as exc:  # lxml and zip errors of a damaged file
        raise DocumentError(f"damaged .docx file ({type(exc).__name__}); open it in Word and "
                            "save it again") from exc
    reader = _Reader(_styles(document))
    reader.container(document.element.body)
    body = reader.out.number
    seen: set[str] = set()
    for section in document.sections:
        for part in (section.first_page_header, section.header, section.even_page_header,
                     section.first_page_footer, section.footer, section.even_page_footer):
            if part.is_linked_to_previous:
                continue  # no definition of its own (reading it would add one)
            key = part.part.partname
            if key in seen:
                continue
            seen.add(key)
            reader.container(part._element)
    if not reader.out.pieces:
        raise DocumentError("the .docx file has no text")
    notes = {"format": "docx", "paragraphs": body, "header_footer_paragraphs": reader.out.number - body}
    return reader.out.document("docx", notes)
