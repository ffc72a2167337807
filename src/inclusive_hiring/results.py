"""The report types: what flows from the rules to every output format.

:class:`Finding` (one problem), :class:`FileResult` (one file's findings and metrics, or its error)
and :class:`LintReport` (a run). Formatters, the baseline, ``--diff`` and the fixer depend on this
module and nothing else of the linter; it imports nothing of the package.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
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
    #: the PDF page of ``line`` (lines are counted per page); None for every other file
    page: int | None = None
    #: "safe" when the single replacement may be applied automatically, "none" when the
    #: replacements are advice only (never applied), else None (applied by --unsafe-fixes).
    fix: str | None = field(default=None, compare=False)

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


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file: findings and metrics, or an error."""

    path: str
    kind: str = "posting"
    error: str | None = None
    findings: tuple[Finding, ...] = ()
    metrics: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        metrics = {k: v for k, v in self.metrics.items() if not k.startswith("_")}
        return {
            "path": self.path,
            "kind": self.kind,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
            "metrics": metrics,
        }


def position_label(finding: Finding, line_unit: str | None = None) -> str:
    """Where a finding is, as a reader of the file would say it: ``12:5``, ``paragraph 12`` (Word,
    ``line_unit`` "paragraph") or ``page 2, line 12`` (PDF); ``doc`` for a document finding."""
    if finding.line is None:
        return "doc"
    if finding.page is not None:
        return f"page {finding.page}, line {finding.line}"
    if line_unit == "paragraph":
        return f"paragraph {finding.line}"
    return f"{finding.line}:{finding.column}"


def empty_metrics() -> dict[str, Any]:
    return {"words": 0, "reading_grade": None,
            "gender_coding": {"masculine": [], "feminine": [], "verdict": "neutral"}}


@dataclass(frozen=True)
class LintReport:
    files: tuple[FileResult, ...]
    #: one line per file that was skipped on the way (a FIFO, a link out of the tree): "path: why"
    notes: tuple[str, ...] = ()

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error]

    def summary(self) -> dict[str, Any]:
        findings = self.findings
        return {
            "files": len(self.files),
            "findings": len(findings),
            "by_severity": dict(sorted(Counter(f.severity for f in findings).items())),
            "by_category": dict(sorted(Counter(f.category for f in findings).items())),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"version": 1, "files": [r.to_dict() for r in self.files],
                "summary": self.summary()}


# --------------------------------------------------------------------------- fingerprints
# Stable finding fingerprints, shared by SARIF's ``partialFingerprints`` and ``--baseline``.
#
# A fingerprint is the first 16 hex digits of a SHA-256 hash over the rule id, the path (forward
# slashes), the matched text (whitespace runs collapsed to one space, case folded; a document finding
# counts as an empty match) and the occurrence index of that (rule, text) pair in the file. No line or
# column goes in, so a finding keeps its fingerprint when lines are added or removed elsewhere in the
# file or when the phrase is re-wrapped. docs/ci.md describes the scheme for users.

#: The key in SARIF ``partialFingerprints``; bump the version if the hashed fields ever change.
FINGERPRINT_KEY = "ihFingerprint/v1"


def normalised_match(finding: Finding) -> str:
    """The matched text with whitespace runs collapsed and case folded ("" for document findings)."""
    return " ".join((finding.match or "").split()).casefold()


def fingerprint(finding: Finding, occurrence: int) -> str:
    """The fingerprint of ``finding``, the ``occurrence``-th (0-based) of its (rule, text) pair."""
    key = "\x1f".join((finding.rule_id, finding.path.replace("\\", "/"), normalised_match(finding),
                       str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def occurrences(findings: Sequence[Finding]) -> list[int]:
    """The occurrence index of each finding of one file, in the given (report) order: 0 for the
    first finding of a rule on a text, 1 for the second, and so on."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.rule_id, normalised_match(f))
        out.append(seen[key])
        seen[key] += 1
    return out


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding of one file, in order."""
    return [fingerprint(f, n) for f, n in zip(findings, occurrences(findings), strict=True)]
