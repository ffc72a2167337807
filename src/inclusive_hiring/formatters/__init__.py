"""One module per output format; each is a pure function of the report. Formatters know nothing
about rules: they see only :class:`~inclusive_hiring.results.Finding` objects and metrics."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..results import Finding

FORMATS: tuple[str, ...] = ("human", "concise", "json", "sarif", "github", "junit")


def message_with_replacements(finding: Finding) -> str:
    """The finding's message, then ``Write instead: “a”, “b”.`` when it has replacements.

    Replacements are quoted because some contain commas or are whole sentences.
    """
    if not finding.replacements:
        return finding.message
    quoted = ", ".join(f"“{r}”" for r in finding.replacements)
    end = "" if finding.replacements[-1].rstrip().endswith((".", "!", "?")) else "."
    return f"{finding.message} Write instead: {quoted}{end}"
