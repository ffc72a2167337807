"""``--format github``: GitHub Actions workflow commands, one annotation a line.

``::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=IH123 rule-name::message``.
Severity: error -> ``error``, warning -> ``warning``, info -> ``notice``. Document findings have
no position, so they omit line and columns (GitHub pins them to the file). GitHub accepts
columns only when a span starts and ends on the same line, so a span hard-wrapped over two lines
gives ``line`` and ``endLine`` only. ``endColumn`` is exclusive, as in our findings. An unreadable
file is ``::error file=PATH::reason``. Nothing else is printed.
"""

from __future__ import annotations

from ..results import Finding, LintReport
from . import RenderOptions, message_with_replacements

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape the message (after ``::``) as @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``) as @actions/core does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: LintReport, options: RenderOptions | None = None) -> str:
    lines: list[str] = []
    for result in report.files:
        if result.error:
            lines.append(f"::error file={escape_property(_path(result.path))}::{escape_data(result.error)}")
            continue
        lines.extend(annotation(f) for f in result.findings)
    return "\n".join(lines) + ("\n" if lines else "")


def annotation(f: Finding) -> str:
    props = [("file", _path(f.path))]
    if f.line is not None:
        props.append(("line", str(f.line)))
        same_line = f.end_line in (None, f.line)
        if same_line and f.column is not None:
            props.append(("col", str(f.column)))
        if f.end_line is not None and f.end_line != f.line:
            props.append(("endLine", str(f.end_line)))
        elif same_line and f.column is not None and f.end_column is not None:
            props.extend((("endLine", str(f.line)), ("endColumn", str(f.end_column))))
    props.append(("title", f"{f.rule_id} {f.rule_name}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    command = _COMMAND.get(f.severity, "warning")
    return f"::{command} {joined}::{escape_data(message_with_replacements(f))}"


def _path(path: str) -> str:
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix
