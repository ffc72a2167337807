"""The referent step: drop phrase-rule hits that the frame engine shows are not about the hire.

Called once per posting after the span step and before the Python rules (``lint/linter.py``,
docs/architecture.md). A hit is dropped when its trait word is part of a name or trade term
("Cripple Creek"), or, for wording rules, part of a name or quoted as a word (``wording.py``);
and, for rules that state a preference about the hire (``about_hire`` in
wordlists/frames/policy.yml), when the trait describes someone else, when the sentence is an
encouragement statement, or when a lawful basis covers it (the basis is then named by IH490).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .analysis import Analysis, Sentence
from .referents import about_other
from .wording import not_used, wording_data

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..lint.hits import Hit
    from ..text.markup import Prepared


def to_normal(prepared: Prepared, offset: int) -> int:
    """The normalised offset of an original offset (the inverse of ``Prepared.to_original``)."""
    origs, norms = prepared._orig_starts, prepared._norm_starts
    i = bisect.bisect_right(origs, offset) - 1
    value = norms[i] + (offset - origs[i])
    return min(value, norms[i + 1]) if i + 1 < len(norms) else value


def normal_span(prepared: Prepared, hit: Hit) -> tuple[int, int] | None:
    """The hit's span in the normalised text (None for a document hit)."""
    if hit.span is None:
        return None
    if not hit.original:
        return hit.span
    start, end = hit.span
    return to_normal(prepared, start), max(to_normal(prepared, end - 1) + 1, to_normal(prepared, start) + 1)


def apply_policy(ctx: Context, kind: str) -> None:
    """Drop the hits of ``ctx`` that name no preference about the hire (postings only)."""
    if kind != "posting" or not ctx.hits:
        return
    kept: list[Hit] = []
    for hit in ctx.hits:
        span = normal_span(ctx.prepared, hit)
        if span is None or not _drop(ctx, hit, span):
            kept.append(hit)
    ctx.hits[:] = kept


def _drop(ctx: Context, hit: Hit, span: tuple[int, int]) -> bool:
    rule = ctx.rules[hit.rule_id]
    category = rule.category
    from .analysis import frame_engine

    engine = frame_engine()
    prepared = ctx.prepared
    start, end = span
    if category in wording_data().categories and not_used(prepared.normal, start, end, engine.lexicon):
        return True  # a name, product or quoted word (frames/wording.py)
    about = engine.about_hire.get(hit.rule_id)
    if category not in engine.name_categories and about is None:
        return False
    begin, stop = prepared.original_span(start, end)
    match = prepared.original[begin:stop]
    if about is None and not match[:1].isupper() and not engine.name_words.intersection(match.lower().split()):
        return False  # a name is capitalised or on the list: no need to read the sentence
    analysis: Analysis = ctx.facts.frames
    sentence = analysis.sentence_at(start)
    if sentence is None:
        return False
    i, j = sentence.token_range(start, end)
    if i >= j:
        return False
    tokens = sentence.tokens
    words = [t for t in tokens[i:j] if t.is_word]
    if category in engine.name_categories and words and all("NAMED" in t.tags for t in words):
        return True
    if about is None:
        return False
    if about_other(tokens, i, j, prepositions=hit.rule_id not in engine.group_address):
        return True
    classes = _classes(sentence, i, j, about, engine.lexicon.classes)
    if sentence.encouraging and not set(classes) & engine.dominant:
        return True
    basis = analysis.basis_for(sentence, classes)
    if basis is not None:
        analysis.exempt(basis, " ".join(match.split()))
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
