"""IH101: document-level gender-coding balance from the density of Gaucher et al. (2011) stems."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from ..context import Context
from ..textsearch import trie_pattern

RULE = "IH101"


@functools.cache
def _compiled(stems_m: tuple[str, ...], stems_f: tuple[str, ...],
              not_counted: tuple[str, ...]) -> tuple[Any, re.Pattern[str]]:
    from spacy.matcher import PhraseMatcher

    from ..nlp import get_pipeline

    pipeline = get_pipeline()
    matcher = PhraseMatcher(pipeline.vocab, attr="LEMMA")
    matcher.add("not_counted", pipeline.make_many(not_counted))
    stems = sorted(set(stems_m) | set(stems_f))
    # A whole word (hyphenated compounds included) that starts with a stem. The compound is one
    # word: "data-driven" starts with "data", so it is not counted as "driven".
    words = re.compile(r"(?<![\w-])(?:" + trie_pattern(stems) + r")[\w]*(?:-[\w]+)*", re.I)
    return matcher, words


def coded_words(ctx: Context) -> list[tuple[str, str, int, int]]:
    """Every coded word as (coding, word, start, end) with offsets in the normalised text."""
    data = ctx.catalog.data["gender-coded"]
    masculine = tuple(x.lower() for x in data["stems"]["masculine"])
    feminine = tuple(x.lower() for x in data["stems"]["feminine"])
    matcher, words = _compiled(masculine, feminine, tuple(data.get("not_counted", ())))
    doc = ctx.doc
    excluded = sorted((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for _, s, e in matcher(doc))
    starts = [a for a, _ in excluded]
    found: list[tuple[str, str, int, int]] = []
    for m in words.finditer(ctx.prepared.normal):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and excluded[i][0] <= m.start() < excluded[i][1]:
            continue
        word = m.group().lower()
        coding = "masculine" if word.startswith(masculine) else "feminine"
        found.append((coding, word, m.start(), m.end()))
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
    words = len(ctx.words)
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
    if label == "strongly masculine-coded" and len(masculine) >= int(
            ctx.option(RULE, "min_masculine_words")):
        top = sorted(set(masculine), key=lambda w: (-masculine.count(w), w))[:6]
        ctx.emit(RULE, (
            f"Strongly masculine-coded: {len(masculine)} masculine vs {len(feminine)} feminine "
            f"coded words ({m_density:.1f} per 100 words), e.g. {', '.join(top)}."),
            replacements=("Describe the work and its outcomes in neutral terms",))
