"""The default terminal output, drawn with rich: findings grouped by file, then a summary."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..results import LintReport, position_label
from . import RenderOptions

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: LintReport, options: RenderOptions | None = None) -> str:
    """The report as a terminal shows it (with styles when ``options.terminal``)."""
    from rich.console import Console

    options = options or RenderOptions()
    out = io.StringIO()
    console = Console(file=out, highlight=False, force_terminal=options.terminal,
                      color_system=options.color_system if options.terminal else None,  # type: ignore[arg-type]
                      width=options.width or 80)
    draw(report, console, options.sources)
    return out.getvalue()


def draw(report: LintReport, console: Console, sources: Mapping[str, Mapping[tuple[int | None, int], str]]) -> None:
    from rich.text import Text

    for result in report.files:
        if result.error:
            continue  # errors go to stderr, one line each (see cli.py)
        kind = _kind_note(result.kind, result.metrics.get("kind_reason"))
        if not result.findings:
            console.print(Text.assemble((result.path, "bold"), kind, ("  no findings", "green")))
            continue
        console.print(Text.assemble((result.path, "bold underline"), kind))
        lines = None
        document = result.metrics.get("document")
        unit = document.get("line_unit") if isinstance(document, dict) else None
        for f in result.findings:
            where = position_label(f, unit)  # "12:5", "paragraph 12" (.docx), "page 2, line 12" (.pdf)
            head = Text.assemble(
                ("  " + where.ljust(8) + " " * (len(where) >= 8), "dim"), (f.rule_id + " ", "bold"),
                (f.severity.ljust(8), _STYLE.get(f.severity, "")), f.message,
            )
            console.print(head)
            if f.line and f.start is not None and f.end is not None:
                if lines is None:
                    lines = sources.get(result.path)
                snippet = _snippet(f, lines)
                if snippet is not None:
                    console.print(snippet)
            if f.replacements:
                console.print(Text.assemble(("           write instead: ", "dim"),
                                            ("; ".join(f.replacements), "green")))
        console.print()
    _summary(report, console)


def _kind_note(kind: str, reason: str | None) -> tuple[str, str] | str:
    """Say when a file was read as interview questions (the posting checks, pay, EEO and length,
    do not run on those) and why; and why a file that is mostly questions is still a posting."""
    if kind == "questions":
        return (f"  (interview questions: {reason})" if reason else "  (interview questions)", "dim")
    if reason and "but the rest reads as a posting" in reason:
        return (f"  (posting: {reason})", "dim")
    return ""


def _snippet(f, lines):  # type: ignore[no-untyped-def]
    from rich.text import Text

    line = lines.get((f.page, f.line)) if lines is not None and f.line is not None else None
    if line is None:
        return None
    start = (f.column or 1) - 1
    end = f.end_column - 1 if f.end_line == f.line and f.end_column else len(line)
    text = Text("           ")
    text.append(line[:start].lstrip()[-60:] if len(line[:start]) > 60 else line[:start].lstrip())
    text.append(line[start:end], style="bold reverse")
    text.append(line[end:end + 60].rstrip())
    return text


def _summary(report: LintReport, console: Console) -> None:
    from rich.table import Table

    summary = report.summary()
    files = [r for r in report.files if not r.error]
    table = Table(title="Summary", show_header=True, header_style="bold", box=None)
    table.add_column("category")
    table.add_column("findings", justify="right")
    for category, count in summary["by_category"].items():
        table.add_row(category, str(count))
    if summary["by_category"]:
        console.print(table)
    sev = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    console.print(f"{_count(summary['findings'], 'finding')} ({sev}) in {_count(summary['files'], 'file')}"
                  + (f"; {len(report.errors)} could not be linted" if report.errors else ""))
    if len(files) == 1:
        m = files[0].metrics
        grade = m.get("reading_grade")
        console.print(
            f"gender coding: {m['gender_coding']['verdict']}"
            f" ({len(m['gender_coding']['masculine'])} masculine, "
            f"{len(m['gender_coding']['feminine'])} feminine); "
            f"reading grade: {grade if grade is not None else 'n/a'}; words: {m['words']}")
    elif files:
        verdicts: dict[str, int] = {}
        for r in files:
            v = r.metrics["gender_coding"]["verdict"]
            verdicts[v] = verdicts.get(v, 0) + 1
        console.print("gender coding: " + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
