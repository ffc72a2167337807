"""What a rule sees while it runs: the prepared text, the shared facts, its options; and where it
reports (:meth:`Context.emit`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .hits import Hit

if TYPE_CHECKING:
    from ..catalog.wordlists import Rule
    from ..text.markup import Prepared
    from .facts import Facts


@dataclass
class Context:
    path: str
    prepared: Prepared
    facts: Facts
    #: rule metadata by id (from the word lists)
    rules: dict[str, Rule]
    #: per-category word-list data (``cues``, ``defaults``, ``stems``, ``not_counted``)
    data: dict[str, dict[str, Any]]
    #: where the organization hires (``jurisdictions:`` in its configuration)
    jurisdictions: tuple[str, ...] = ()
    hits: list[Hit] = field(default_factory=list)

    def option(self, rule_id: str, key: str) -> Any:
        return self.facts.option(rule_id, key)

    @property
    def words(self) -> list[str]:
        """Lower-case words of the document (see ``text.words.WORD_RE``)."""
        return self.facts.words

    def reported_spans(self, rule_ids: tuple[str, ...]) -> list[tuple[int, int]]:
        """The spans of the hits of ``rule_ids`` so far, as (start, end) in the file as written: a
        rule that reads what the word lists may already have reported skips those places."""
        return [hit.span if hit.original else self.prepared.original_span(*hit.span)
                for hit in self.hits if hit.rule_id in rule_ids and hit.span is not None]

    def emit(self, rule_id: str, message: str, *, span: tuple[int, int] | None = None,
             replacements: tuple[str, ...] = (), rationale: str | None = None,
             severity: str | None = None, source: str | None = None,
             fix: str | None = None, original: bool = False) -> None:
        """Report a hit of ``rule_id``; ``span`` is a (start, end) in the normalised text, or in the
        file as written when ``original``."""
        self.hits.append(Hit(rule_id, message, span, tuple(replacements), rationale, severity, source, fix,
                             original))
