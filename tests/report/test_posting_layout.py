"""A posting's text cut into marked segments."""

from __future__ import annotations

from inclusive_hiring import lint_text
from inclusive_hiring.report.posting import layout


def test_marks_and_numbers() -> None:
    text = "# Title\n\nWe need a salesman who is a digital\nnative.\n"
    result = lint_text(text, "a.md")
    lines = {(None, n): line for n, line in enumerate(text.split("\n"), 1)}
    rows = layout(lines, result.findings, "line")
    numbers = {f.rule_id: n for n, f in enumerate(result.findings, 1)}
    third = rows[2].segments
    assert "".join(s.text for s in third) == "We need a salesman who is a digital"
    marked = {s.text: s.finding for s in third if s.finding}
    assert marked["salesman"] == numbers["IH110"]
    assert marked["a digital"] == numbers["IH201"]  # a phrase wrapped onto the next line
    assert [s.text for s in rows[3].segments if s.finding] == ["native"]
    assert sum(1 for row in rows for s in row.segments if s.first) == 2  # one anchor per finding
    assert rows[0].label == "1"


def test_pdf_labels_and_page_breaks() -> None:
    lines = {(1, 1): "one", (1, 2): "two", (2, 1): "three"}
    rows = layout(lines, (), "page-line")
    assert [r.label for r in rows] == ["p1 · 1", "p1 · 2", "p2 · 1"]
    assert [r.new_page for r in rows] == [1, None, 2]
