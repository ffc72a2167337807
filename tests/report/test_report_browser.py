"""The report in headless Chromium: injected markup never runs, the sort script does (under the
CSP), and the page renders. Skipped where Chromium is absent."""

from __future__ import annotations

import re
from pathlib import Path

from report_helpers import ih, postings, write_docx, write_pdf

from browser import dump_dom, require_chromium, screenshot


def test_report_in_chromium(tmp_path: Path) -> None:
    require_chromium()
    folder = postings(tmp_path / "postings")
    write_docx(folder / "word.docx", body=(("Title", "Chairman"),), table=(("Our manpower",),))
    write_pdf(folder / "scan.pdf", [["x"]], image_only=True)
    out = tmp_path / "report.html"
    assert ih("report", str(folder), "-o", str(out)).returncode == 0
    dom = dump_dom(out.as_uri())
    assert "data-pwned" not in re.sub(r"&[^;]+;", "", dom.split("<body", 1)[1].split(">", 1)[0])
    assert "<title>pwned</title>" not in dom and "<title>Job posting report</title>" in dom
    assert not re.search(r"<img\b", dom)  # the posting's <img onerror> is text, not an element
    assert len(re.findall(r"<script\b", dom)) == 1
    assert 'data-sorting="ready"' in dom  # the sort script ran: the CSP hash matches
    assert dom.count("<button") >= 10  # sort buttons in the table headings
    assert "no text layer" in dom  # the unreadable PDF is listed with its reason
    assert "¶2" in dom and "manpower" in dom  # the Word table cell, numbered as a paragraph
    png = screenshot(out.as_uri(), tmp_path / "report.png")
    assert png.stat().st_size > 20_000  # a rendered page, not a blank one


def test_report_prints_each_posting_on_its_own_page(tmp_path: Path) -> None:
    require_chromium()
    from pypdf import PdfReader

    import browser

    folder = postings(tmp_path / "postings")
    out = tmp_path / "report.html"
    assert ih("report", str(folder), "-o", str(out)).returncode == 0
    pdf = tmp_path / "report.pdf"
    browser._run([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", out.as_uri()], 60)
    tops = [page.extract_text().split("\n", 1)[0] for page in PdfReader(str(pdf)).pages]
    assert tops[0] == "Job posting report"
    for name in ("example.md", "clean.md", "evil.md"):  # @media print: a posting starts a page
        assert name in tops, tops
