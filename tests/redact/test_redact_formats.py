"""The .docx and .pdf paths: runs, tables, headers, pictures, metadata, text layers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from redact_corpus import PNG_1PX, make_pdf

from inclusive_hiring.redact import RedactError
from inclusive_hiring.redact.engine import Options
from inclusive_hiring.redact.formats import redact_file


def _docx(path: Path) -> Path:
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.shared import Inches

    document = Document()
    document.core_properties.author = "Zoë Müller"
    document.core_properties.last_modified_by = "Zoë Müller"
    document.core_properties.title = "CV of Zoë Müller"
    header = document.sections[0].header.paragraphs[0]
    header.add_run("zoe.mueller@example.co.uk · +44 7700 900461")
    document.add_heading("Zoë Müller", level=1)
    document.add_picture(io.BytesIO(PNG_1PX), width=Inches(1))
    paragraph = document.add_paragraph()
    bold = paragraph.add_run("Zo")
    bold.bold = True
    paragraph.add_run("ë Müller leads ")
    paragraph.add_run("Kafka").italic = True
    paragraph.add_run(" pipelines; she is based in Manchester M14 5TQ.")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["Degree", "School", "Year"], strict=True):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["BSc Mathematics", "University of Manchester", "2015"], strict=True):
        cell.text = value
    link_paragraph = document.add_paragraph("Profile: ")
    rel = document.part.relate_to("https://linkedin.com/in/zoe-mueller", RT.HYPERLINK, is_external=True)
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "linkedin.com/in/zoe-mueller"
    run.append(text)
    link.append(run)
    link_paragraph._p.append(link)
    document.save(str(path))
    return path


def test_docx_is_redacted_in_place(tmp_path):
    from docx import Document

    result = redact_file(_docx(tmp_path / "cv.docx"), Options())
    out = tmp_path / "out.docx"
    out.write_bytes(result.data)
    document = Document(str(out))
    body = [p.text for p in document.paragraphs]
    assert body[0] == "[NAME]"
    assert "[PHOTO]" in body
    paragraph = next(p for p in document.paragraphs if "leads" in p.text)
    assert paragraph.text == "[NAME] leads Kafka pipelines; [PRONOUN] is based in [ADDRESS]."
    runs = paragraph.runs
    assert runs[0].text == "[NAME]" and runs[0].bold  # the placeholder keeps the first run's format
    assert any(r.text == "Kafka" and r.italic for r in runs)
    cells = [c.text for c in document.tables[0].rows[1].cells]
    assert cells == ["BSc Mathematics", "[SCHOOL]", "[YEAR]"]
    assert document.sections[0].header.paragraphs[0].text == "[EMAIL] · [PHONE]"
    assert result.counts["PHOTO"] == 1 and result.counts["NAME"] == 2
    package = zipfile.ZipFile(out)
    names = package.namelist()
    assert not [n for n in names if n.startswith("word/media/") or "thumbnail" in n]
    xml = package.read("word/document.xml").decode()
    assert "<w:drawing" not in xml and "Zoë" not in xml and "linkedin" not in xml.replace("[URL]", "")
    rels = package.read("word/_rels/document.xml.rels").decode()
    assert "linkedin" not in rels and "image" not in rels
    core = package.read("docProps/core.xml").decode()
    assert "Zo" not in core and "CV of" not in core


def test_docx_output_is_deterministic(tmp_path):
    source = _docx(tmp_path / "cv.docx")
    assert redact_file(source, Options()).data == redact_file(source, Options()).data


def test_docx_that_is_not_a_docx(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RedactError, match=r"broken\.docx: not a readable \.docx"):
        redact_file(broken, Options())


def test_pdf_text_layer_to_text(tmp_path):
    source = tmp_path / "cv.pdf"
    make_pdf(["Adébáyọ̀ Ọlátúnjí", "adebayo@example.ng · +234 803 555 0192", "Go and PostgreSQL engineer.",
              "Adébáyọ̀ built the settlement service."], source)
    result = redact_file(source, Options())
    text = result.data.decode()
    assert result.suffix == ".txt"
    assert text.splitlines()[0] == "[NAME]"
    assert "[EMAIL] · [PHONE]" in text and "Go and PostgreSQL engineer." in text
    assert "[NAME] built the settlement service." in text


def test_pdf_pages_are_read_by_the_documents_reader(tmp_path):
    from inclusive_hiring.documents.pdf import page_lines
    from inclusive_hiring.redact.readers import read_pdf_text

    source = tmp_path / "long.pdf"
    lines = [f"Line {n} about Kubernetes upgrades" for n in range(1, 66)]  # 60 lines a page: two pages
    make_pdf(lines, source)
    pages, count = page_lines(source.read_bytes())
    text = read_pdf_text(source)
    assert count == 2 and pages[1][0] == "Line 61 about Kubernetes upgrades"
    assert text == "\n".join(lines[:60]) + "\n\n" + "\n".join(lines[60:]) + "\n"


def test_scanned_pdf_is_one_line_error(tmp_path):
    source = tmp_path / "scan.pdf"
    make_pdf(["ignored"], source, text_layer=False)
    with pytest.raises(RedactError, match="no text layer"):
        redact_file(source, Options())


def test_garbage_pdf_and_wrong_types(tmp_path):
    garbage = tmp_path / "cv.pdf"
    garbage.write_bytes(b"%PDF-1.4\nthis is not a pdf")
    with pytest.raises(RedactError, match=r"not a readable PDF|no text layer"):
        redact_file(garbage, Options())
    old = tmp_path / "cv.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(RedactError, match=r"\.doc .*save it as \.docx"):
        redact_file(old, Options())
    latin1 = tmp_path / "cv.txt"
    latin1.write_bytes("Zoë".encode("latin-1"))
    with pytest.raises(RedactError, match="not UTF-8"):
        redact_file(latin1, Options())


def test_markdown_markup_is_kept(tmp_path):
    source = tmp_path / "cv.md"
    source.write_text("# Zoë Müller\n\n**Email:** zoe@example.com\n\n- Python, *Kafka*\n", encoding="utf-8")
    text = redact_file(source, Options()).data.decode()
    assert text == "# [NAME]\n\n**Email:** [EMAIL]\n\n- Python, *Kafka*\n"


def test_text_too_long_for_a_cv(tmp_path):
    source = tmp_path / "huge.txt"
    source.write_text("word " * 120_000, encoding="utf-8")
    with pytest.raises(RedactError, match="too long for a CV"):
        redact_file(source, Options())
