"""Lint one document: prepare the text, run the span matchers and the document checks."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .context import Context
from .finding import Finding
from .markup import kind_of, prepare

if TYPE_CHECKING:
    from .catalog import Entry
    from .config import Config
    from .index import CatalogIndex
    from .matching import Matchers


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
    """Holds the compiled index and the spaCy matchers; build once per process (:func:`get_engine`)."""

    def __init__(self, index: CatalogIndex, options: dict[str, dict[str, Any]] | None = None,
                 extra: tuple[Entry, ...] = ()) -> None:
        from .rules import document_checks

        self.index = index
        self.options = options or {}
        #: the configuration entries compiled into ``index``, by id: their content keys
        self.extra_keys: dict[str, str] = {}
        if extra:
            from .config import entry_content_key

            self.extra_keys = {e.id: entry_content_key(e) for e in extra}
        self.checks = {kind: document_checks(kind) for kind in ("posting", "questions")}
        self._matchers: Matchers | None = None

    @property
    def matchers(self) -> Matchers:
        """The spaCy side, built on first use: a posting without anchor words never needs it."""
        if self._matchers is None:
            from .matching import Matchers
            from .nlp import Pipeline

            self._matchers = Matchers(Pipeline(self.index.lemma_map), self.index)
        return self._matchers

    def warm_up(self) -> None:
        """Build spaCy now (before forking workers, so they share it). Each worker compiles the
        entries' matchers as its documents need them: a corpus of postings needs about a quarter
        of them, and compiling all of them here would hold every worker up."""
        self.matchers  # noqa: B018

    def serves(self, config: Config) -> bool:
        """Whether every configuration entry of ``config`` is compiled into this engine's index."""
        return config.entry_keys <= set(self.extra_keys.values())

    def _inactive(self, config: Config | None) -> frozenset[str]:
        """The ids of configuration entries in the index that ``config`` does not use (the terms of
        ``overrides:`` for other paths)."""
        if config is None or not self.extra_keys:
            return frozenset()
        used = config.entry_keys
        return frozenset(i for i, key in self.extra_keys.items() if key not in used)

    def _span_findings(self, ctx: Context, kind: str, inactive: frozenset[str] = frozenset()) -> None:
        from .matching import Line, candidate_lines
        from .textsearch import has_phrase

        normal = ctx.prepared.normal
        lines, words = candidate_lines(normal, self.index, kind)
        ctx.metrics["_words"] = words
        if inactive:
            lines = [Line(line.start, line.end, line.entries - inactive) for line in lines
                     if line.entries - inactive]
        if not lines:
            return
        matchers = self.matchers
        matchers.prepare(set().union(*(line.entries for line in lines)))
        starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for line in lines:
            starts.append(pos)
            parts.append(normal[line.start:line.end])
            pos += line.end - line.start + 1
        doc = matchers.pipeline.make("\n".join(parts))
        from spacy.attrs import IDX

        token_starts = doc.to_array([IDX]).ravel().tolist() if len(doc) else []
        firsts = [bisect.bisect_left(token_starts, s) for s in starts] + [len(doc)]
        ranges = [(firsts[i], firsts[i + 1], line.entries) for i, line in enumerate(lines)]
        found: dict[tuple[str, ...], bool] = {}

        def lifted(phrases: tuple[str, ...]) -> bool:
            """Whether the whole document has one of these phrases (``not_in_document_with``)."""
            if phrases not in found:
                found[phrases] = has_phrase(normal, phrases, ctx.prepared.lower)
            return found[phrases]

        for match in matchers.find(doc, ranges, kind, lifted):
            entry = match.entry
            span = doc[match.start:match.end]
            i = bisect.bisect_right(starts, span.start_char) - 1
            shift = lines[i].start - starts[i]
            start, end = ctx.prepared.original_span(span.start_char + shift, span.end_char + shift)
            # A phrase wrapped over two lines is still one line in the message.
            quoted = " ".join(ctx.prepared.original[start:end].split())
            ctx.emit(entry.rule_id, entry.message.replace("{match}", quoted),
                     span=(span.start_char + shift, span.end_char + shift),
                     replacements=entry.replacements, rationale=entry.rationale,
                     severity=entry.severity, source=entry.source,
                     fix="safe" if entry.fix_safe else ("none" if entry.no_fix else None))

    def lint(self, text: str, path: str, kind: str = "auto", config: Config | None = None) -> FileResult:
        """Lint one document; ``kind`` is ``posting``, ``questions`` or ``auto`` (detect it).
        ``config`` (the file's effective configuration) sets options, disables or re-grades rules,
        accepts phrases; inline ``<!-- ih-... -->`` directives apply with or without it."""
        from .questions import detect_kind

        prepared = prepare(text, kind_of(path))
        kind = detect_kind(prepared, kind)
        options = {**self.options, **config.rule_options} if config is not None else self.options
        ctx = Context(path=path, prepared=prepared, rules=self.index.rules, data=self.index.data,
                      extras=self.index.extras, options=options,
                      jurisdictions=config.jurisdictions if config is not None else ())
        self._span_findings(ctx, kind, self._inactive(config))
        from .frames.policy import apply_policy  # names, referents, lawful bases (docs/detection.md)

        apply_policy(ctx, kind)
        for check in self.checks[kind]:
            check(ctx)
        if ctx.jurisdictions:
            from .jurisdictions import apply_effects

            ctx.findings[:] = apply_effects(ctx.findings, self.index.rules, ctx.jurisdictions)
        metrics: dict[str, Any] = {"words": len(ctx.words), "reading_grade": None}
        if kind == "questions":
            metrics["gender_coding"] = empty_metrics()["gender_coding"]
        metrics.update({k: v for k, v in ctx.metrics.items() if not k.startswith("_")})
        findings: list[Finding] = ctx.findings
        if config is not None or "ih-" in prepared.original:  # else nothing to apply
            from .suppressions import process

            findings = process(findings, prepared.original, path, self.index.rules, config)
        return FileResult(path=path, kind=kind, findings=tuple(sorted(findings)), metrics=metrics)


def get_engine(extra: tuple[Entry, ...] = ()) -> Engine:
    """The engine for the shipped word lists plus ``extra`` entries (a configuration's ``terms:``
    and ``prefer:``); built once per process for each set."""
    # One cache key per set: get_engine() and get_engine(()) must be the same engine.
    return _engine(tuple(extra))


@functools.cache
def _engine(extra: tuple[Entry, ...]) -> Engine:
    from .index import load_index

    return Engine(load_index(extra=extra), extra=extra)


get_engine.cache_clear = _engine.cache_clear  # type: ignore[attr-defined]
