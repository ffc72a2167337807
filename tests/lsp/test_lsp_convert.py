"""Finding positions to LSP positions in each position encoding, and hover text."""

from __future__ import annotations

from lsprotocol import types

from inclusive_hiring import lint_text
from inclusive_hiring.lsp.convert import Positions, diagnostics, hover_text

TEXT = "Emoji 😀 then a salesman.\r\nNext line.\n"


def test_positions_in_utf16_utf8_and_utf32() -> None:
    finding = next(f for f in lint_text(TEXT).findings if f.rule_id == "IH110")
    assert (finding.line, finding.column) == (1, 16)
    utf16 = Positions(TEXT).range_of(finding)
    assert (utf16.start.character, utf16.end.character) == (16, 24)
    utf8 = Positions(TEXT, types.PositionEncodingKind.Utf8).range_of(finding)
    assert (utf8.start.character, utf8.end.character) == (18, 26)
    utf32 = Positions(TEXT, types.PositionEncodingKind.Utf32).range_of(finding)
    assert (utf32.start.character, utf32.end.character) == (15, 23)
    assert Positions(TEXT).code_points(types.Position(line=0, character=16)) == (1, 16)
    assert Positions(TEXT).code_points(types.Position(line=0, character=99)) == (1, 25)


def test_document_findings_sit_on_the_first_line_and_safe_fixes_ride_in_data() -> None:
    result = lint_text(TEXT)
    index = next(i for i, f in enumerate(result.findings) if f.rule_id == "IH110")
    found = diagnostics(result, TEXT, types.PositionEncodingKind.Utf16, {index: "salesperson"})
    assert found[index].data == {"replacement": "salesperson"}
    document = [d for d, f in zip(found, result.findings, strict=True) if f.scope == "document"]
    assert document and all(d.range.start.line == 0 and d.range.end.line == 0 for d in document)
    assert all(d.data is None for i, d in enumerate(found) if i != index)


def test_hover_text_has_the_why_and_the_instead() -> None:
    finding = next(f for f in lint_text(TEXT).findings if f.rule_id == "IH110")
    text = hover_text([finding])
    assert text.startswith("**IH110 gendered-job-title** (error): “salesman” is a gendered job title")
    assert "*Why it matters:*" in text and "*Write instead:* “salesperson”" in text
    assert "(https://github.com/inclusive-hiring/ih/blob/main/docs/rules.md#ih110-gendered-job-title)" in text
