"""The one result type that flows from rules to every output format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
_SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


def severity_rank(severity: str) -> int:
    """Order severities: info < warning < error (unknown names rank 0)."""
    return _SEVERITY_RANK.get(severity, 0)


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    ``line``/``column`` are 1-based and refer to the original file; ``start``/``end`` are character
    offsets into it. Document-scope findings have no position.
    """

    path: str
    rule_id: str
    rule_name: str
    category: str
    severity: str
    scope: str
    message: str
    rationale: str
    source: str
    replacements: tuple[str, ...] = ()
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    match: str | None = None
    start: int | None = None
    end: int | None = None
    #: "safe" when the single replacement may be applied automatically, "none" when the
    #: replacements are advice only (never applied), else None (applied by --unsafe-fixes).
    fix: str | None = field(default=None, compare=False)
    #: the PDF page of ``line`` (lines are counted per page); None for every other file
    page: int | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.path,
            self.page or 0,
            self.line or 0,
            self.column or 0,
            self.rule_id,
            self.end_line or 0,
            self.end_column or 0,
            self.message,
        )

    def __lt__(self, other: Finding) -> bool:
        return self.sort_key() < other.sort_key()

    def to_dict(self) -> dict[str, Any]:
        """The wire form (schema version 1); the single source for every machine format."""
        out: dict[str, Any] = {
            "rule_id": self.rule_id,
            "rule_name": self.rule_name,
            "category": self.category,
            "severity": self.severity,
            "scope": self.scope,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "message": self.message,
            "rationale": self.rationale,
            "replacements": list(self.replacements),
            "source": self.source,
        }
        if self.page is not None:  # PDFs only: text files keep the exact output of before
            out["page"] = self.page
        return out
