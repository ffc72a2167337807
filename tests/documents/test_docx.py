"""Word documents: reading order, paragraph numbers, headings, lists, tables, headers, footers."""

from __future__ import annotations

from pathlib import Path

import pytest
from document_helpers import job_docx_fixture, write_docx  # noqa: F401 (fixtures)

from inclusive_hiring.api import lint_file
from inclusive_hiring.documents.docx import read_docx
from inclusive_hiring.documents.lint import source_lines
from inclusive_hiring.documents.model import DocumentError, linted_text


def test_reading_order_and_numbers(job_docx: Path) -> None:
    document = read_docx(job_docx.read_bytes())
    texts = [document.lines[(None, n)] for n in range(1, len(document.lines) + 1)]
    # body, then the table cell by cell (the nested table right after its cell), then header, footer
    assert texts == ["Salesman wanted", "We want an experienced person to join us.", "Requirements",
                     "Native English speaker", "Strong writing", "Perks", "Our manpower plan", "Salary",
                     "Work hard play hard culture", "$50,000 - $60,000 per year", "Acme Corp careers",
                     "Acme is an equal opportunity employer."]
    assert document.notes == {"format": "docx", "paragraphs": 10, "header_footer_paragraphs": 2}


def test_headings_and_lists_become_markdown(job_docx: Path) -> None:
    text = linted_text(read_docx(job_docx.read_bytes())).text
    assert text.startswith("# Salesman wanted\n\n")
    assert "\n\n## Requirements\n\n- Native English speaker\n\n- Strong writing\n\n" in text


def test_findings_carry_paragraph_positions(job_docx: Path) -> None:
    result = lint_file(str(job_docx))
    assert result.error is None
    spans = {(f.rule_id, f.line, f.column, f.end_column, f.match) for f in result.findings if f.line}
    assert ("IH110", 1, 1, 9, "Salesman") in spans  # a heading: column counts without the "# "
    assert ("IH401", 4, 1, 23, "Native English speaker") in spans  # a list item
    assert ("IH114", 7, 5, 13, "manpower") in spans  # a nested table's cell
    assert any(f.rule_id == "IH531" and f.line == 9 and f.column == 1 for f in result.findings)  # a cell
    assert all(f.page is None for f in result.findings)
    # the footer's EEO statement and the table's pay range count: no "missing" findings for them
    assert not {"IH750", "IH701"} & {f.rule_id for f in result.findings}
    assert result.metrics["document"] == {"format": "docx", "line_unit": "paragraph", "paragraphs": 10,
                                          "header_footer_paragraphs": 2}


def test_requirements_section_from_word_heading(tmp_path: Path) -> None:
    items = tuple(("List Bullet", f"Skill number {n} with tools") for n in range(12))
    path = write_docx(tmp_path / "reqs.docx", body=(("Heading 1", "Requirements"), *items))
    result = lint_file(str(path))
    assert result.metrics["requirements"] == 12
    assert "IH650" in {f.rule_id for f in result.findings}


def test_text_box_is_read(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Anchor paragraph.")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    run = parse_xml(
        f'<w:r xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Boxed chairman'
        '</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>'
        'Boxed chairman</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>')
    paragraph._p.append(run)
    path = tmp_path / "box.docx"
    document.save(str(path))
    lines = read_docx(path.read_bytes()).lines
    assert lines == {(None, 1): "Anchor paragraph.", (None, 2): "Boxed chairman"}  # once, not twice


def test_tracked_deletions_are_not_read(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Kept words.")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph._p.append(parse_xml(f'<w:del xmlns:w="{w}" w:id="1" w:author="x"><w:r><w:delText>'
                                  'salesman</w:delText></w:r></w:del>'))
    path = tmp_path / "del.docx"
    document.save(str(path))
    assert read_docx(path.read_bytes()).lines == {(None, 1): "Kept words."}


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"plain text pretending"])
def test_damaged_docx_is_one_line_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    result = lint_file(str(path))
    assert result.error is not None and "\n" not in result.error
    assert ".docx" in result.error
    with pytest.raises(DocumentError):
        read_docx(data)


def test_empty_docx_is_an_error(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "empty.docx")
    assert lint_file(str(path)).error == "the .docx file has no text"


def test_source_lines_for_snippets(job_docx: Path) -> None:
    lines = source_lines(str(job_docx))
    assert lines is not None and lines[(None, 9)] == "Work hard play hard culture"
