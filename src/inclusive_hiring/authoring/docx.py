"""The posting's Markdown as a Word document with real styles (python-docx).

Only the Markdown the posting template writes is understood: ``#`` and ``##`` headings become
"Heading 1" and "Heading 2", ``- `` items "List Bullet" paragraphs, other lines body paragraphs
(``**bold**`` becomes bold). The text is the same as in the Markdown, so it lints the same. The
file is deterministic: zip entries get a fixed date and the document properties no clock time.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) for each block: ("h1"|"h2"|"h3"|"item"|"para", text)."""
    out: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(("para", " ".join(paragraph)))
            paragraph.clear()

    for line in markdown.splitlines():
        heading = re.match(r"(#{1,3}) (.*)", line)
        if heading:
            flush()
            out.append((f"h{len(heading.group(1))}", heading.group(2).strip()))
        elif line.startswith("- "):
            flush()
            out.append(("item", line[2:].strip()))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line.strip().removeprefix("\\"))
    flush()
    return out


def _add_runs(paragraph: Any, text: str) -> None:
    pos = 0
    for match in _BOLD.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        paragraph.add_run(match.group(1)).bold = True
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def to_docx(markdown: str, *, title: str, author: str) -> bytes:
    """The Word document (bytes) for the posting's Markdown."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.comments = "Written by ih new posting"
    styles = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "item": "List Bullet", "para": None}
    for kind, text in blocks(markdown):
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]))
        else:
            _add_runs(document.add_paragraph(style=styles[kind]), text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_dates(buffer.getvalue())


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so equal documents are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
