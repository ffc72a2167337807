"""Findings as LSP objects: diagnostics, quick fixes and hover text (lsprotocol types only)."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from ..formatters.sarif import help_uri
from ..results import FileResult, Finding

SOURCE = "ih"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


class Positions:
    """Finding positions (1-based lines, code-point columns of the text with ``\\n`` line breaks)
    to LSP positions in the client's units (UTF-16 unless negotiated otherwise)."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.encoding = encoding

    def units(self, text: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8"))
        return len(text.encode("utf-16-le")) // 2

    def position(self, line: int, column: int) -> types.Position:
        """``line``/``column`` 1-based, as in a finding."""
        row = min(max(line - 1, 0), len(self.lines) - 1)
        return types.Position(line=row, character=self.units(self.lines[row][:max(column - 1, 0)]))

    def code_points(self, position: types.Position) -> tuple[int, int]:
        """(1-based line, 1-based code-point column) of an LSP position."""
        row = min(position.line, len(self.lines) - 1)
        text = self.lines[row]
        count = 0
        for i, char in enumerate(text):
            if count >= position.character:
                return row + 1, i + 1
            count += self.units(char)
        return row + 1, len(text) + 1

    def range_of(self, finding: Finding) -> types.Range:
        """The finding's span; a document finding covers the first line."""
        if finding.line is None or finding.column is None:
            first = self.units(self.lines[0])
            return types.Range(types.Position(0, 0), types.Position(0, first))
        end_line = finding.end_line or finding.line
        end_column = finding.end_column or finding.column
        return types.Range(self.position(finding.line, finding.column), self.position(end_line, end_column))


def diagnostic(finding: Finding, positions: Positions, replacement: str | None) -> types.Diagnostic:
    """One finding as a diagnostic; ``replacement`` is its safe fix, kept in ``data``."""
    return types.Diagnostic(
        range=positions.range_of(finding),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.rule_id,
        code_description=types.CodeDescription(href=help_uri(finding.rule_id, finding.rule_name)),
        source=SOURCE,
        data={"replacement": replacement} if replacement is not None else None,
    )


def diagnostics(result: FileResult, text: str, encoding: str,
                fixes: dict[int, str]) -> list[types.Diagnostic]:
    """Every finding of ``result`` (``fixes``: finding index -> safe replacement)."""
    positions = Positions(text, encoding)
    return [diagnostic(f, positions, fixes.get(i)) for i, f in enumerate(result.findings)]


def config_diagnostic(message: str) -> types.Diagnostic:
    """A broken ``.ih.yaml``: one error on the first line, so the writer sees why nothing else shows."""
    return types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                            message=f"ih cannot lint this file: {message}",
                            severity=types.DiagnosticSeverity.Error, source=SOURCE)


def hover_text(findings: Sequence[Finding]) -> str:
    """Markdown for the findings under the cursor: message, why it matters, what to write instead."""
    parts = []
    for f in findings:
        lines = [f"**{f.rule_id} {f.rule_name}** ({f.severity}): {f.message}", "", f"*Why it matters:* {f.rationale}"]
        if f.replacements:
            lines += ["", "*Write instead:* " + "; ".join(f"“{r}”" for r in f.replacements)]
        if f.source:
            lines += ["", f"*Source:* {f.source}"]
        lines += ["", f"[Rule documentation]({help_uri(f.rule_id, f.rule_name)})"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)


def overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)
