"""Build small .docx and .pdf files for the tests: python-docx for Word, a tiny hand-written PDF
generator (one Helvetica text line per row, no dependencies) for PDFs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def ih(*args: str, columns: int = 200) -> Run:
    """Run ``ih ARGS`` in this process (typer's CliRunner: no new interpreter and spaCy per run)."""
    from typer.testing import CliRunner

    from inclusive_hiring.cli import app

    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def write_docx(path: Path, *, header: str = "", footer: str = "",
               body: tuple[tuple[str, str], ...] = (), table: tuple[tuple[str, ...], ...] = (),
               nested: tuple[tuple[str, ...], ...] = (), after: tuple[tuple[str, str], ...] = ()) -> Path:
    """A .docx: ``body`` paragraphs as (style, text) ("" is Normal), then ``table`` (rows of
    cells; with ``nested``, a table nested in the first cell), then ``after`` paragraphs."""
    import docx

    document = docx.Document()
    for style, text in body:
        document.add_paragraph(text, style=style or None)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
        if nested:
            inner = grid.cell(0, 0).add_table(rows=len(nested), cols=max(len(row) for row in nested))
            for r, row in enumerate(nested):
                for c, text in enumerate(row):
                    inner.cell(r, c).text = text
    for style, text in after:
        document.add_paragraph(text, style=style or None)
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    document.save(str(path))
    return path


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: list[list[str]], image_only: bool = False) -> bytes:
    """A PDF with one page per list, each string one line of text from the top (Helvetica 11pt).
    ``image_only``: pages with a filled rectangle and no text, as a scan has none."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for i, lines in enumerate(pages):
        if image_only:
            stream = b"0.5 g 72 300 400 400 re f"
        else:
            rows = [f"({_escape(line)}) Tj T*" for line in lines]
            stream = ("BT /F1 11 Tf 14 TL 72 760 Td " + " ".join(rows) + " ET").encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
                       f"<< /F1 {font_id} 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def write_pdf(path: Path, pages: list[list[str]], image_only: bool = False) -> Path:
    path.write_bytes(pdf_bytes(pages, image_only))
    return path


def write_encrypted_pdf(path: Path, pages: list[list[str]], password: str = "secret") -> Path:
    """A PDF that needs ``password`` to open (RC4, which pypdf handles without extra packages)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(pages))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def write_zipped_html(path: Path, html: str, extra: dict[str, bytes] | None = None) -> Path:
    """A Google Docs style 'Web page (.html, zipped)' export: one .html plus images."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("JobPosting.html", html.encode("utf-8"))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


@pytest.fixture(name="job_docx")
def job_docx_fixture(tmp_path: Path) -> Path:
    """A .docx with a title, headings, list items, a table (one cell holds a nested table), a
    header and a footer."""
    return write_docx(
        tmp_path / "job.docx",
        header="Acme Corp careers",
        footer="Acme is an equal opportunity employer.",
        body=(("Title", "Salesman wanted"),
              ("", "We want an experienced person to join us."),
              ("Heading 2", "Requirements"),
              ("List Bullet", "Native English speaker"),
              ("List Bullet", "Strong writing")),
        table=(("Perks", "Salary"), ("Work hard play hard culture", "$50,000 - $60,000 per year")),
        nested=(("Our manpower plan",),),
    )


@pytest.fixture(name="job_pdf")
def job_pdf_fixture(tmp_path: Path) -> Path:
    """A two-page PDF with a running header and footer and a word hyphenated at a line end."""
    return write_pdf(tmp_path / "job.pdf", [
        ["ACME CORP - Job posting", "We are looking for a salesman who knows our",
         "customers and plans well. The team is young and small. Require-",
         "ments are few and we train you.", "Page 1 of 2"],
        ["ACME CORP - Job posting", "Benefits: a competitive salary and a", "digital native mindset.",
         "Page 2 of 2"],
    ])
