"""PDFs: per-page lines, hyphenation, running headers and footers, scans, encryption."""

from __future__ import annotations

from pathlib import Path

from document_helpers import job_pdf_fixture, write_encrypted_pdf, write_pdf  # noqa: F401 (fixtures)

from inclusive_hiring.api import lint_file
from inclusive_hiring.documents.model import linted_text
from inclusive_hiring.documents.pdf import read_pdf, running_lines


def test_running_header_and_footer_linted_once(job_pdf: Path) -> None:
    document = read_pdf(job_pdf.read_bytes())
    text = linted_text(document).text
    assert text.count("ACME CORP - Job posting") == 1
    assert text.count("Page 1 of 2") == 1 and "Page 2 of 2" not in text
    assert document.notes["running_lines_removed"] == 2
    assert document.lines[(2, 1)] == "ACME CORP - Job posting"  # still shown in snippets


def test_hyphenated_line_end_is_joined(job_pdf: Path) -> None:
    text = linted_text(read_pdf(job_pdf.read_bytes())).text
    assert "Requirements are few" in text
    assert "Require-" not in text


def test_compound_keeps_its_hyphen(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "c.pdf", [["We want a self-", "starter who plans the work."]])
    assert "a self-starter who" in linted_text(read_pdf(path.read_bytes())).text


def test_findings_have_page_and_line(job_pdf: Path) -> None:
    result = lint_file(str(job_pdf))
    assert result.error is None
    spans = {(f.rule_id, f.page, f.line, f.column, f.end_line) for f in result.findings if f.line}
    assert ("IH110", 1, 2, 22, 2) in spans  # "salesman", page 1 line 2 (the header is line 1)
    # "a digital native" runs from page 2's line 2 into line 3
    assert ("IH201", 2, 2, 36, 3) in spans
    assert all(f.page is not None for f in result.findings if f.line)
    pages = [(f.page, f.line) for f in result.findings if f.line]
    assert pages == sorted(pages)
    assert result.findings[-1].to_dict()["page"] == 2


def test_wrapped_phrase_matches_across_lines(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "w.pdf", [["We are a fast-paced team looking for a recent",
                                           "graduate to join us in our office downtown."]])
    result = lint_file(str(path))
    wrapped = [f for f in result.findings if f.line == 1 and f.end_line == 2]
    assert wrapped, [(f.rule_id, f.match) for f in result.findings]


def test_running_lines_need_most_pages() -> None:
    pages = [["Header", "a", "b", "Footer 1"], ["Header", "c", "d", "Footer 2"], ["x", "e", "f", "y"]]
    assert running_lines(pages) == {"header", "footer #"}
    assert running_lines([["Only", "page"]]) == set()


def test_scanned_pdf_is_one_line_error(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [["ignored"], ["ignored"]], image_only=True)
    error = lint_file(str(path)).error
    assert error is not None and "\n" not in error
    assert "no text layer" in error and "OCR" in error and "2 pages" in error


def test_encrypted_pdf_is_one_line_error(tmp_path: Path) -> None:
    path = write_encrypted_pdf(tmp_path / "locked.pdf", [["We need a salesman."]])
    error = lint_file(str(path)).error
    assert error is not None and error.startswith("encrypted PDF") and "\n" not in error


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    path = write_encrypted_pdf(tmp_path / "owner.pdf", [["We need a salesman."]], password="")
    result = lint_file(str(path))
    assert result.error is None
    assert "IH110" in {f.rule_id for f in result.findings}


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("hello, not a pdf", encoding="utf-8")
    error = lint_file(str(path)).error
    assert error is not None and error.startswith("not a readable PDF")
