"""What a document check sees: the prepared text, the rules and word-list data, and options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import Rule
from .finding import Finding
from .index import WORD_RE
from .markup import Prepared

__all__ = ["WORD_RE", "Context"]


@dataclass
class Context:
    path: str
    prepared: Prepared
    rules: dict[str, Rule]
    #: per-category word-list data (``cues``, ``defaults``, ``stems``, ``not_counted``)
    data: dict[str, dict[str, Any]]
    extras: dict[str, Any] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    #: where the organization hires (``jurisdictions:`` in its configuration)
    jurisdictions: tuple[str, ...] = ()

    def option(self, rule_id: str, key: str) -> Any:
        configured = self.options.get(rule_id, {})
        if key in configured:
            return configured[key]
        return self.rules[rule_id].options[key]

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    @property
    def words(self) -> list[str]:
        """Lower-cased words of the document (see ``WORD_RE``), computed once."""
        cached = self.metrics.get("_words")
        if cached is None:
            cached = self.metrics["_words"] = WORD_RE.findall(self.prepared.lower)
        return cached

    def emit(self, rule_id: str, message: str, *, span: tuple[int, int] | None = None,
             replacements: tuple[str, ...] = (), rationale: str | None = None,
             severity: str | None = None, source: str | None = None,
             fix: str | None = None) -> None:
        """Record a finding of ``rule_id``; ``span`` is a (start, end) in the normalised text."""
        rule = self.rule(rule_id)
        position: dict[str, Any] = {}
        if span is not None:
            start, end = self.prepared.original_span(*span)
            line, column = self.prepared.position(start)
            end_line, end_column = self.prepared.position(end)
            position = dict(line=line, column=column, end_line=end_line, end_column=end_column,
                            match=self.prepared.original[start:end], start=start, end=end)
        self.findings.append(Finding(
            path=self.path, rule_id=rule.id, rule_name=rule.name, category=rule.category,
            severity=severity or rule.severity, scope="span" if span else "document",
            message=message, rationale=rationale or rule.why, source=source or rule.source,
            replacements=replacements, fix=fix, **position,
        ))
