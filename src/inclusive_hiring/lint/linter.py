"""The linter: one object per set of compiled word lists, built once per process (and handed to
``--jobs`` workers), that lints one document at a time through the pipeline of
``docs/architecture.md``:

prepare the text → pick the kind → select the enabled rules → span step and document rules yield
hits → the policy step (``policy.py``) makes them findings → metrics from the shared facts.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..results import FileResult, empty_metrics
from .context import Context
from .facts import Facts
from .hits import Hit
from .limits import TooManyFindings
from .policy import findings_of
from .spans import span_hits

if TYPE_CHECKING:
    from ..catalog.index import CatalogIndex
    from ..catalog.matching import Matchers
    from ..catalog.overlay import OverlayIndex
    from ..catalog.wordlists import Entry
    from ..config import Config
    from ..text.syllables import SyllableCounter


class Linter:
    """Holds the compiled index, the spaCy matchers (built on first use) and the syllable counts."""

    def __init__(self, index: CatalogIndex | OverlayIndex, options: dict[str, dict[str, Any]] | None = None,
                 extra: tuple[Entry, ...] = ()) -> None:
        self.index = index
        self.options = options or {}
        #: the configuration entries compiled into ``index``, by id: their content keys
        self.extra_keys: dict[str, str] = {}
        if extra:
            from ..config import entry_content_key

            self.extra_keys = {e.id: entry_content_key(e) for e in extra}
        self._matchers: Matchers | None = None
        self._syllables: SyllableCounter | None = None
        #: per set of disabled rules: the enabled rules; per (entry keys, enabled rules): the
        #: entries to skip (configurations are few, documents many)
        self._enabled: dict[frozenset[str], frozenset[str]] = {}
        self._skipped: dict[tuple[frozenset[str], frozenset[str] | None], frozenset[str]] = {}

    @property
    def matchers(self) -> Matchers:
        """The spaCy side, built on first use: a posting without anchor words never needs it."""
        if self._matchers is None:
            from ..catalog.matching import Matchers
            from ..catalog.nlp import Pipeline

            self._matchers = Matchers(Pipeline(self.index.lemma_map), self.index)
        return self._matchers

    @property
    def syllables(self) -> SyllableCounter:
        """The syllable counter, seeded with the index's counts of the commonest words."""
        if self._syllables is None:
            from ..text.syllables import SyllableCounter, use_parsed_patterns

            use_parsed_patterns(self.index.extras.get("hyphenation"))
            self._syllables = SyllableCounter(self.index.extras.get("syllables") or {})
        return self._syllables

    def warm_up(self) -> None:
        """Build spaCy now (before forking workers, so they share it). Each worker compiles the
        entries' matchers as its documents need them: a corpus of postings needs about a quarter
        of them, and compiling all of them here would hold every worker up."""
        self.matchers  # noqa: B018

    def serves(self, config: Config) -> bool:
        """Whether every configuration entry of ``config`` is compiled into this linter's index."""
        return config.entry_keys <= set(self.extra_keys.values())

    def _skipped_entries(self, config: Config | None, enabled: frozenset[str] | None) -> frozenset[str]:
        """Entries not to match: configuration terms of other paths (in the index, not used by
        ``config``) and the entries of disabled rules."""
        if config is None:
            return frozenset()
        key = (config.entry_keys, enabled)
        known = self._skipped.get(key)
        if known is None:
            known = self._skipped[key] = self._entries_to_skip(config, enabled)
        return known

    def _entries_to_skip(self, config: Config, enabled: frozenset[str] | None) -> frozenset[str]:
        skip: set[str] = set()
        if self.extra_keys:
            used = config.entry_keys
            skip.update(i for i, key in self.extra_keys.items() if key not in used)
        if enabled is not None:
            skip.update(i for i, rule in self.index.entry_rules.items() if rule not in enabled)
        return frozenset(skip)

    def _enabled_rules(self, config: Config) -> frozenset[str]:
        """The rules of the index that ``config`` leaves on."""
        disabled = config.disabled_rules
        enabled = self._enabled.get(disabled)
        if enabled is None:
            enabled = self._enabled[disabled] = frozenset(r for r in self.index.rules if r not in disabled)
        return enabled

    def lint(self, text: str, path: str, kind: str = "auto", config: Config | None = None) -> FileResult:
        """Lint one document; ``kind`` is ``posting``, ``questions`` or ``auto`` (detect it).
        ``config`` (the file's effective configuration) sets options, disables or re-grades rules,
        accepts phrases; inline ``<!-- ih-... -->`` directives apply with or without it."""
        from ..rules import rules_for
        from ..text.markup import kind_of, prepare
        from .kinds import detect_kind

        prepared = prepare(text, kind_of(path))
        kind = detect_kind(prepared, kind)
        rules = self.index.rules
        enabled = None if config is None else self._enabled_rules(config)
        jurisdictions = config.jurisdictions if config is not None else ()
        options = {**self.options, **config.rule_options} if config is not None else self.options
        hits: list[Hit]
        try:
            hits, words = span_hits(prepared, self.index, lambda: self.matchers, kind,
                                    self._skipped_entries(config, enabled))
        except TooManyFindings as exc:
            return FileResult(path=path, error=str(exc), metrics=empty_metrics())
        facts = Facts(prepared, rules=rules, data=self.index.data, extras=self.index.extras,
                      options=options, syllables=self.syllables, words=words)
        ctx = Context(path=path, prepared=prepared, facts=facts, rules=rules, data=self.index.data,
                      jurisdictions=jurisdictions, hits=hits)
        if kind == "posting" and hits:
            from ..frames.policy import apply_policy

            apply_policy(ctx, kind)  # the referent step: names, people served, lawful bases
        for rule in rules_for(kind):
            if rule.needs_jurisdictions and not jurisdictions:
                continue
            if rule.reads_english and not facts.reads_english:
                continue
            if enabled is None or not enabled.isdisjoint(rule.ids):
                rule.check(ctx)
        findings = findings_of(ctx.hits, prepared=prepared, path=path, rules=rules,
                               jurisdictions=jurisdictions, config=config)
        return FileResult(path=path, kind=kind, findings=tuple(findings), metrics=facts.metrics(kind))


def get_linter(extra: tuple[Entry, ...] = ()) -> Linter:
    """The linter for the shipped word lists plus ``extra`` entries (a configuration's ``terms:``
    and ``prefer:``); built once per process for each set."""
    # One cache key per set: get_linter() and get_linter(()) must be the same linter.
    return _linter(tuple(extra))


@functools.cache
def _linter(extra: tuple[Entry, ...]) -> Linter:
    from ..catalog.index import load_index

    return Linter(load_index(extra=extra), extra=extra)


get_linter.cache_clear = _linter.cache_clear  # type: ignore[attr-defined]
