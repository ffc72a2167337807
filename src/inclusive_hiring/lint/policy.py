"""The policy step: hits become findings, in one documented order (docs/architecture.md).

1. **Stamp**: each hit gets its rule's metadata (name, category, rationale, source) and a
   position; its severity is the entry's own, else the rule's default.
2. **Jurisdictions**: a rule with a ``jurisdictions:`` effect is re-graded for the configured places
   and its message names the law (``jurisdictions.py``).
3. **Configuration**: findings of disabled rules are dropped, span findings on an ``accept:``
   phrase are dropped, and a configured severity replaces the finding's.
4. **Suppressions**: inline ``<!-- ih-... -->`` directives drop what they cover; their meta findings
   (IH001, IH002) go through step 3 too.

So a severity is decided as: configuration > jurisdiction > entry > rule default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..results import Finding
from .hits import Hit

if TYPE_CHECKING:
    from ..catalog.wordlists import Rule
    from ..config import Config
    from ..text.markup import Prepared


def stamp(hit: Hit, rules: Mapping[str, Rule], prepared: Prepared, path: str) -> Finding:
    """The finding for ``hit``: its rule's metadata, its position in the original text."""
    rule = rules[hit.rule_id]
    position: dict[str, Any] = {}
    if hit.span is not None:
        start, end = hit.span if hit.original else prepared.original_span(*hit.span)
        line, column = prepared.position(start)
        end_line, end_column = prepared.position(end)
        position = dict(line=line, column=column, end_line=end_line, end_column=end_column,
                        match=prepared.original[start:end], start=start, end=end)
    return Finding(
        path=path, rule_id=rule.id, rule_name=rule.name, category=rule.category,
        severity=hit.severity or rule.severity, scope="span" if hit.span else "document",
        message=hit.message, rationale=hit.rationale or rule.why, source=hit.source or rule.source,
        replacements=hit.replacements, fix=hit.fix, **position,
    )


def configure(findings: Iterable[Finding], config: Config, text: str) -> list[Finding]:
    """Step 3: drop findings of disabled rules and span findings that overlap an ``accept:`` phrase
    in ``text`` (the original text the offsets refer to); apply configured severities. The
    configuration owns what its keys mean (:meth:`~inclusive_hiring.config.Config.apply`)."""
    return config.apply(findings, text)


def finish(findings: Iterable[Finding], text: str, path: str, rules: Mapping[str, Rule],
           config: Config | None = None) -> list[Finding]:
    """Steps 3 and 4 on stamped findings (``text`` is the original file). Returns them sorted."""
    from .suppressions import apply, parse

    findings = list(findings)
    if config is not None:
        findings = configure(findings, config, text)
    directives = parse(text, path) if "ih-" in text else []
    if not directives:
        return sorted(findings)
    kept, meta = apply(findings, directives, rules, path=path)
    if config is not None:
        meta = configure(meta, config, "")
    return sorted(kept + meta)


def findings_of(hits: Iterable[Hit], *, prepared: Prepared, path: str, rules: Mapping[str, Rule],
                jurisdictions: tuple[str, ...] = (), config: Config | None = None) -> list[Finding]:
    """The whole policy step, from a document's hits to its sorted findings."""
    findings = [stamp(hit, rules, prepared, path) for hit in hits]
    if jurisdictions:
        from ..catalog.jurisdictions import apply_effects

        findings = apply_effects(findings, rules, jurisdictions)
    if findings:
        from ..catalog.equality import default_equality_law
        from .law import cite, legal_system

        law = default_equality_law()
        system, how = legal_system(prepared.normal, jurisdictions, law)
        findings = cite(findings, system, how, law)
    return finish(findings, prepared.original, path, rules, config)
