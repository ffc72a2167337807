"""``--format concise``: ``path:line:col: IH123 [severity] message``, one finding a line."""

from __future__ import annotations

from ..results import LintReport
from . import RenderOptions


def render(report: LintReport, options: RenderOptions | None = None) -> str:
    lines: list[str] = []
    for result in report.files:
        # Unreadable files are reported on stderr by the CLI, one line each.
        for f in result.findings:
            where = f"{f.path}:{f.line}:{f.column}" if f.line else f"{f.path}:1:1"
            lines.append(f"{where}: {f.rule_id} [{f.severity}] {f.message}")
    return "\n".join(lines) + ("\n" if lines else "")
