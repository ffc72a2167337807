"""The filter hook: drop phrase-rule findings that the frame engine shows are not about the hire.

Called once per posting after the span rules ran and before the document checks
(``engine.lint``). A finding is dropped when its trait word is part of a name or trade term
("Cripple Creek"); and, for rules that state a preference about the hire (``about_hire`` in
wordlists/frames/policy.yml), when the trait describes someone else, when the sentence is an
encouragement statement, or when a lawful basis covers it (the basis is then named by IH490).
"""

from __future__ import annotations

import bisect

from ..context import Context
from ..finding import Finding
from ..markup import Prepared
from .analysis import Analysis, Sentence, analyse
from .referents import about_other


def to_normal(prepared: Prepared, offset: int) -> int:
    """The normalised offset of an original offset (the inverse of ``Prepared.to_original``)."""
    origs, norms = prepared._orig_starts, prepared._norm_starts
    i = bisect.bisect_right(origs, offset) - 1
    value = norms[i] + (offset - origs[i])
    return min(value, norms[i + 1]) if i + 1 < len(norms) else value


def analysis_of(ctx: Context) -> Analysis:
    return analyse(ctx.prepared, ctx.words, ctx.metrics)


def apply_policy(ctx: Context, kind: str) -> None:
    """Drop the findings of ``ctx`` that name no preference about the hire (postings only)."""
    if kind != "posting" or not ctx.findings:
        return
    analysis: Analysis | None = None
    kept: list[Finding] = []
    for finding in ctx.findings:
        if finding.scope != "span" or finding.start is None or finding.end is None:
            kept.append(finding)
            continue
        if analysis is None:
            analysis = analysis_of(ctx)
        if not _drop(analysis, finding):
            kept.append(finding)
    ctx.findings[:] = kept


def _drop(analysis: Analysis, finding: Finding) -> bool:
    engine = analysis.engine
    about = engine.about_hire.get(finding.rule_id)
    if finding.category not in engine.name_categories and about is None:
        return False
    match = finding.match or ""
    if about is None and not match[:1].isupper() and not engine.name_words.intersection(match.lower().split()):
        return False  # a name is capitalised or on the list: no need to read the sentence
    prepared = analysis.prepared
    start = to_normal(prepared, finding.start or 0)
    end = max(to_normal(prepared, (finding.end or 1) - 1) + 1, start + 1)
    sentence = analysis.sentence_at(start)
    if sentence is None:
        return False
    i, j = sentence.token_range(start, end)
    if i >= j:
        return False
    tokens = sentence.tokens
    words = [t for t in tokens[i:j] if t.is_word]
    if finding.category in engine.name_categories and words and all("NAMED" in t.tags for t in words):
        return True
    if about is None:
        return False
    if about_other(tokens, i, j):
        return True
    classes = _classes(sentence, i, j, about, engine.lexicon.classes)
    if sentence.encouraging and not set(classes) & engine.dominant:
        return True
    basis = analysis.basis_for(sentence, classes)
    if basis is not None:
        analysis.exempt(basis, " ".join((finding.match or "").split()))
        return True
    return False


def _classes(sentence: Sentence, i: int, j: int, about: str, known: dict) -> dict[str, str]:
    """The trait classes in tokens[i:j] (class -> family); else the rule's own class or family."""
    found = {p.trait.name: p.trait.family for a, b, p in sentence.traits
             if p.trait and a < j and b > i}
    if found:
        return found
    if about in known:
        return {about: known[about].family}
    return {about: about}
