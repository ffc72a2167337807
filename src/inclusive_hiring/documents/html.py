"""Read Google Docs' "Web page (.html, zipped)" export: a .zip holding one .html file.

The HTML is read block by block (headings, paragraphs, list items, table cells), numbered like a
Word document's paragraphs, so positions and sections work as for a .docx. A plain .html file is
not read here: ``ih lint`` reads it as text, positions are then lines of the file.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

from .model import Document, DocumentError, Paragraphs

MAX_MEMBER_BYTES = 16 * 1024 * 1024
_SKIP = frozenset({"head", "style", "script", "title", "noscript", "template", "svg"})
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "pre",
                     "dt", "dd", "caption"})
_CELLS = frozenset({"td", "th"})
_SPACE = re.compile(r"[ \t\r\n\f]+")


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Paragraphs()
        self.skipping = 0
        self.text: list[str] = []
        self.prefix = ""
        self.cells: list[list[tuple[str, str]]] = []  # open table cells (nested tables)

    def flush(self) -> None:
        text = "\n".join(" ".join(_SPACE.sub(" ", part).split()) for part in "".join(self.text).split("\n"))
        text = text.strip("\n ")
        self.text = []
        prefix, self.prefix = self.prefix, ""
        if not text:
            return
        if self.cells:
            self.cells[-1].append((prefix, text))
        else:
            self.out.add([(prefix, text)])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "br":
            self.text.append("\n")
        elif tag in _BLOCKS or tag in _CELLS:
            self.flush()
            if tag in _CELLS:
                self.cells.append([])
            elif tag[0] == "h" and tag[1:].isdigit():
                self.prefix = "#" * int(tag[1:]) + " "
            elif tag == "li":
                self.prefix = "- "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in _BLOCKS:
            self.flush()
        elif tag in _CELLS and self.cells:
            self.flush()
            self.out.add(self.cells.pop())  # a nested table's cells come before the outer cell's

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)


def html_document(html: str) -> Document:
    """Paragraph pieces of an HTML page."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    while parser.cells:
        parser.out.add(parser.cells.pop())
    if not parser.out.pieces:
        raise DocumentError("the web page has no text")
    return parser.out.document("zip-html", {"format": "zip-html", "paragraphs": parser.out.number})


def read_zipped_html(data: bytes) -> Document:
    """The pieces of a zipped web-page export; :class:`DocumentError` when it is not one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        pages = [i for i in archive.infolist()
                 if not i.is_dir() and i.filename.lower().endswith((".html", ".htm"))]
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentError(f"not a readable .zip file ({type(exc).__name__})") from exc
    if len(pages) != 1:
        found = "no .html file" if not pages else f"{len(pages)} .html files"
        raise DocumentError(f"the .zip holds {found}; ih reads a .zip only as Google Docs' "
                            "'Web page (.html, zipped)' export (one .html): unzip it and lint the files")
    member = pages[0]
    if member.file_size > MAX_MEMBER_BYTES:
        raise DocumentError(f"{member.filename} in the .zip is too large "
                            f"({member.file_size / 1048576:.1f} MB unpacked)")
    try:
        with archive.open(member) as handle:
            raw = handle.read(MAX_MEMBER_BYTES + 1)
        html = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{member.filename} in the .zip is not valid UTF-8") from exc
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:  # RuntimeError: encrypted member
        raise DocumentError(f"cannot unpack {member.filename} from the .zip ({exc})") from exc
    document = html_document(html)
    document.notes["member"] = member.filename
    return document
