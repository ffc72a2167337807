"""The output formats: one module each, and this registry (``--format`` is built from it).

A formatter is a pure function of the report: ``render(report, options) -> str``. It sees only the
report types (:mod:`inclusive_hiring.results`) and :class:`RenderOptions`; it knows nothing of rules
or configuration and does no I/O (the CLI reads the source lines the human format shows and writes
the result). Adding a format is one module here plus one :data:`FORMATS` entry.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..results import Finding, LintReport


@dataclass(frozen=True)
class Format:
    name: str
    #: one line for ``ih lint --help``
    help: str
    #: machine-readable: no colour, no progress bar, no prose on stdout
    machine: bool = True


@dataclass(frozen=True)
class RenderOptions:
    """What a formatter may need besides the report, handed in by the caller."""

    #: source lines of the linted files, by report path (the human format shows the matched line)
    sources: Mapping[str, list[str]] = field(default_factory=dict)
    #: the human format: draw colours and styles as for a terminal, and how wide it is
    terminal: bool = False
    color_system: str | None = None
    width: int | None = None


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("human", "grouped by file with the matched line and a summary (a terminal's default)", machine=False),
    Format("concise", "path:line:col: IH123 [severity] message, a finding a line"),
    Format("json", "the versioned wire schema (docs/json-schema.md)"),
    Format("sarif", "SARIF 2.1.0, for code scanning"),
    Format("github", "GitHub Actions annotations"),
    Format("junit", "JUnit XML"),
    Format("gitlab", "GitLab Code Quality JSON, for artifacts:reports:codequality"),
)}


def render(name: str, report: LintReport, options: RenderOptions | None = None) -> str:
    """``report`` in the format ``name`` (a key of :data:`FORMATS`)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = importlib.import_module(f"{__name__}.{name}")
    return str(module.render(report, options or RenderOptions()))


def message_with_replacements(finding: Finding) -> str:
    """The finding's message, then ``Write instead: “a”, “b”.`` when it has replacements.

    Replacements are quoted because some contain commas or are whole sentences.
    """
    if not finding.replacements:
        return finding.message
    quoted = ", ".join(f"“{r}”" for r in finding.replacements)
    end = "" if finding.replacements[-1].rstrip().endswith((".", "!", "?")) else "."
    return f"{finding.message} Write instead: {quoted}{end}"
