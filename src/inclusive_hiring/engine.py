"""Lint one document: prepare the text, run the span matchers and the document checks."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog, default_catalog
from .context import Context
from .finding import Finding
from .markup import kind_of, prepare


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


def empty_metrics() -> dict[str, Any]:
    return {"words": 0, "reading_grade": None,
            "gender_coding": {"masculine": [], "feminine": [], "verdict": "neutral"}}


class Engine:
    """Holds the compiled matchers; build once per process with :func:`get_engine`."""

    def __init__(self, catalog: Catalog, options: dict[str, dict[str, Any]] | None = None) -> None:
        from .matching import CompiledEntries
        from .nlp import get_pipeline
        from .rules import document_checks

        self.catalog = catalog
        self.options = options or {}
        self.pipeline = get_pipeline()
        self.entries = CompiledEntries(self.pipeline, catalog.entries.values())
        self.checks = document_checks()

    def lint(self, text: str, path: str) -> FileResult:
        prepared = prepare(text, kind_of(path))
        doc = self.pipeline.make(prepared.normal)
        ctx = Context(path=path, prepared=prepared, doc=doc, catalog=self.catalog,
                      options=self.options)
        for match in self.entries.find(doc):
            entry = match.entry
            span = doc[match.start:match.end]
            start, end = prepared.original_span(span.start_char, span.end_char)
            text_of_match = prepared.original[start:end]
            # A phrase wrapped over two lines is still one line in the message.
            quoted = " ".join(text_of_match.split())
            ctx.emit(entry.rule_id, entry.message.replace("{match}", quoted),
                     span=(span.start_char, span.end_char), replacements=entry.replacements,
                     rationale=entry.rationale, severity=entry.severity, source=entry.source,
                     fix="safe" if entry.fix_safe else None)
        for check in self.checks:
            check(ctx)
        metrics = {"words": len(ctx.words), "reading_grade": None}
        metrics.update({k: v for k, v in ctx.metrics.items() if not k.startswith("_")})
        return FileResult(path=path, kind="posting", findings=tuple(sorted(ctx.findings)),
                          metrics=metrics)


@functools.cache
def get_engine() -> Engine:
    return Engine(default_catalog())
