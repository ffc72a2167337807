"""IH101: document-level gender-coding balance from the density of Gaucher et al. (2011) stems."""

from __future__ import annotations

import functools
from typing import Any

from ..context import Context

RULE = "IH101"
_HYPHENS = {"-", "‐", "‑"}


@functools.cache
def _compiled(catalog_id: int, stems_m: tuple[str, ...], stems_f: tuple[str, ...],
              not_counted: tuple[str, ...]) -> Any:
    from spacy.matcher import PhraseMatcher

    from ..nlp import get_pipeline

    pipeline = get_pipeline()
    matcher = PhraseMatcher(pipeline.vocab, attr="LEMMA")
    matcher.add("not_counted", pipeline.make_many(not_counted))
    return matcher


def coded_words(ctx: Context) -> list[tuple[str, str, int, int]]:
    """Every coded word as (coding, word, start, end) with offsets in the normalised text."""
    data = ctx.catalog.data["gender-coded"]
    masculine = tuple(s.lower() for s in data["stems"]["masculine"])
    feminine = tuple(s.lower() for s in data["stems"]["feminine"])
    matcher = _compiled(id(ctx.catalog), masculine, feminine, tuple(data.get("not_counted", ())))
    doc = ctx.doc
    skip: set[int] = set()
    for _, start, end in matcher(doc):
        skip.update(range(start, end))
    found: list[tuple[str, str, int, int]] = []
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        if i in skip or not token.is_alpha:
            i += 1
            continue
        if i >= 2 and doc[i - 1].text in _HYPHENS and not doc[i - 1].whitespace_ \
                and not doc[i - 2].whitespace_:
            i += 1  # the tail of a compound such as "data-driven"
            continue
        word, last = token.lower_, i
        if i + 2 < n and doc[i + 1].text in _HYPHENS and not token.whitespace_ \
                and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
            word, last = f"{word}-{doc[i + 2].lower_}", i + 2
        for coding, stems in (("masculine", masculine), ("feminine", feminine)):
            if word.startswith(stems) and not any(j in skip for j in range(i, last + 1)):
                found.append((coding, word, token.idx, doc[last].idx + len(doc[last])))
                break
        i = last + 1
    return found


def verdict(masculine: int, feminine: int, words: int, min_density: float,
            min_balance: float) -> tuple[str, float, float, float]:
    total = masculine + feminine
    balance = (masculine - feminine) / total if total else 0.0
    m_density = 100.0 * masculine / words if words else 0.0
    f_density = 100.0 * feminine / words if words else 0.0
    if total == 0 or abs(balance) < 1 / 3:
        label = "neutral"
    elif balance > 0:
        strong = balance >= min_balance and m_density >= min_density
        label = "strongly masculine-coded" if strong else "masculine-coded"
    else:
        strong = -balance >= min_balance and f_density >= min_density
        label = "strongly feminine-coded" if strong else "feminine-coded"
    return label, round(m_density, 3), round(f_density, 3), round(balance, 3)


def check(ctx: Context) -> None:
    found = coded_words(ctx)
    masculine = [w for c, w, _, _ in found if c == "masculine"]
    feminine = [w for c, w, _, _ in found if c == "feminine"]
    words = len(ctx.word_tokens)
    min_density = float(ctx.option(RULE, "min_masculine_per_100"))
    min_balance = float(ctx.option(RULE, "min_balance"))
    label, m_density, f_density, balance = verdict(
        len(masculine), len(feminine), words, min_density, min_balance)
    matches = []
    for coding, word, start, _end in found:
        line, column = ctx.prepared.position(ctx.prepared.to_original(start))
        matches.append({"word": word, "coding": coding, "line": line, "column": column})
    ctx.metrics["gender_coding"] = {
        "masculine": masculine, "feminine": feminine, "verdict": label,
        "masculine_per_100_words": m_density, "feminine_per_100_words": f_density,
        "balance": balance, "matches": matches,
    }
    if label == "strongly masculine-coded":
        top = sorted(set(masculine), key=lambda w: (-masculine.count(w), w))[:6]
        ctx.emit(RULE, (
            f"Strongly masculine-coded: {len(masculine)} masculine vs {len(feminine)} feminine "
            f"coded words ({m_density:.1f} per 100 words), e.g. {', '.join(top)}."),
            replacements=("Describe the work and its outcomes in neutral terms",))
