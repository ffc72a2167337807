"""Lint a Word, PDF or zipped-HTML file: extract, lint the text, map positions back."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..results import FileResult, Finding, empty_metrics
from ..results import position_label as results_position_label
from . import UNSUPPORTED, suffix
from .model import Document, DocumentError, PositionMap, linted_text

if TYPE_CHECKING:
    from ..lint.run import LintRun

#: Documents carry images; the limit applies to the file, the extracted text has the text limit.
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024


def read_document(path: str) -> Document:
    """The extracted document at ``path``; :class:`DocumentError` with a one-line reason."""
    from ..api import read_bytes

    if suffix(path) in UNSUPPORTED:
        raise DocumentError(UNSUPPORTED[suffix(path)])
    data, error = read_bytes(path, MAX_DOCUMENT_BYTES)
    if data is None:
        raise DocumentError(error or "unreadable")
    return document_from_bytes(data, path)


def document_from_bytes(data: bytes, name: str) -> Document:
    """The document in ``data``, of the format ``name``'s suffix says (.docx, .pdf, zipped HTML),
    read in memory; :class:`DocumentError` with a one-line reason."""
    from ..api import MAX_BYTES

    ext = suffix(name)
    if ext in UNSUPPORTED:
        raise DocumentError(UNSUPPORTED[ext])
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"file too large (the limit is {MAX_DOCUMENT_BYTES // 1048576} MB)")
    if ext == ".docx":
        from .docx import read_docx

        document = read_docx(data)
    elif ext == ".pdf":
        from .pdf import read_pdf

        document = read_pdf(data)
    else:
        from .html import read_zipped_html

        document = read_zipped_html(data)
    if sum(len(p.text) for p in document.pieces) > MAX_BYTES:
        raise DocumentError(f"too much text ({sum(len(p.text) for p in document.pieces)} characters; "
                            f"the limit is {MAX_BYTES})")
    return document


def lint_document_file(path: str, run: LintRun) -> FileResult:
    """Lint the document at ``path`` with ``run``'s kind and configuration."""

    try:
        document = read_document(path)
    except DocumentError as exc:
        return FileResult(path=path, error=str(exc), metrics=empty_metrics())
    mapped = linted_text(document)
    result = run.lint_document(mapped.text, path)
    return remap(result, mapped, document)


def remap(result: FileResult, mapped: PositionMap, document: Document) -> FileResult:
    """``result`` with positions in the document (paragraph, or page and line) instead of lines of
    the linted text; ``metrics.document`` says what was read."""
    findings = []
    for f in result.findings:
        if f.start is None or f.end is None:
            findings.append(f)
            continue
        page, line, column = mapped.position(f.start)
        end_page, end_line, end_column = mapped.end_position(f.end)
        if end_page != page:  # a phrase running over a page break ends at its page's last line
            end_line, end_column = line, column + len(f.match or "")
        findings.append(replace(f, page=page, line=line, column=column, end_line=end_line,
                                end_column=end_column))
    metrics = dict(result.metrics)
    coding = metrics.get("gender_coding")
    if isinstance(coding, dict) and coding.get("matches"):
        starts = _line_starts(mapped.text)
        matches = []
        for match in coding["matches"]:
            offset = starts[match["line"] - 1] + match["column"] - 1
            page, line, column = mapped.position(offset)
            moved = {**match, "line": line, "column": column}
            if page is not None:
                moved["page"] = page
            matches.append(moved)
        metrics["gender_coding"] = {**coding, "matches": matches}
    from . import line_unit

    metrics["document"] = {"format": document.format, "line_unit": line_unit(result.path),
                           **{k: v for k, v in document.notes.items() if k != "format"}}
    return replace(result, findings=tuple(sorted(findings)), metrics=metrics)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def source_lines(path: str) -> dict[tuple[int | None, int], str] | None:
    """What each reported line of ``path`` says, keyed (page, line); page is None but for PDFs.
    None when the file cannot be read."""
    from . import handles

    if handles(path):
        try:
            return read_document(path).lines
        except DocumentError:
            return None
    from ..api import read_text

    text, _ = read_text(path)
    if text is None:
        return None
    return {(None, n): line for n, line in enumerate(text.split("\n"), 1)}


def position_label(finding: Finding) -> str:
    """Where a finding is, as a reader of the file would say it (see ``results.position_label``)."""
    from . import line_unit

    return results_position_label(finding, line_unit(finding.path))

