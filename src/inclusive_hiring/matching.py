"""Compile word-list entries into spaCy matchers and find their matches in a document.

Terms go into a ``PhraseMatcher`` on ``LEMMA`` (or ``ORTH`` for ``case: exact``); raw token
patterns into a ``Matcher``. Every match is then checked against its entry's data-level context
constraints, and overlapping matches are resolved longest-first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .catalog import Entry
from .finding import severity_rank
from .nlp import Pipeline
from .yamlio import DataError

if TYPE_CHECKING:
    from spacy.tokens import Doc

_HYPHENS = {"-", "‐", "‑"}
_SENTENCE_END = {".", "!", "?", "…"}


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int  # token index
    end: int


def _convert_pattern(token: dict[str, Any], lemma: Any) -> dict[str, Any]:
    """Lower-case LEMMA values through the same table the documents use."""
    out = dict(token)
    value = out.get("LEMMA")
    if isinstance(value, str):
        out["LEMMA"] = lemma(value.lower())
    elif isinstance(value, dict) and "IN" in value:
        out["LEMMA"] = {**value, "IN": [lemma(str(v).lower()) for v in value["IN"]]}
    return out


class CompiledEntries:
    """All span entries of a catalog, compiled once per process."""

    def __init__(self, pipeline: Pipeline, entries: Iterable[Entry]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        vocab = pipeline.vocab
        self._pipeline = pipeline
        self._by_key: dict[int, Entry] = {}
        self._lemma = PhraseMatcher(vocab, attr="LEMMA")
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        # Token patterns get one Matcher per entry, run only when the document contains the
        # entry's anchor words: a single Matcher over hundreds of patterns that start with
        # common words ("a", "we", "you") spends its time on partial matches that never finish.
        self._token_matchers: list[tuple[frozenset[int] | None, int, Any]] = []
        self._constraints: dict[str, list[tuple[str, list[tuple[str, ...]]]]] = {}
        lemma = pipeline.lemmatizer.lemma
        for entry in entries:
            key = vocab.strings.add(entry.id)
            self._by_key[key] = entry
            if entry.terms:
                docs = pipeline.make_many(entry.terms)
                (self._exact if entry.exact_case else self._lemma).add(entry.id, docs)
            if entry.patterns:
                patterns = [[_convert_pattern(t, lemma) for t in p] for p in entry.patterns]
                matcher = Matcher(vocab, validate=True)
                try:
                    matcher.add(entry.id, patterns)
                except Exception as exc:  # spaCy raises ValueError/MatchPatternError
                    first = str(exc).strip().splitlines()[0]
                    raise DataError("wordlists", None,
                                    f"entry '{entry.id}': bad pattern: {first}") from None
                self._token_matchers.append((_anchors(patterns, vocab), _reach(patterns), matcher))
            if entry.constraints:
                self._constraints[entry.id] = [
                    (kind, [self._lemmas(p) for p in phrases]) for kind, phrases in entry.constraints
                ]

        import numpy

        self._all_anchors = numpy.asarray(
            sorted({a for anchors, _, _ in self._token_matchers if anchors for a in anchors}),
            dtype="uint64")

    def _lemmas(self, phrase: str) -> tuple[str, ...]:
        return tuple(t.lemma_ for t in self._pipeline.make(phrase) if not t.is_space)

    def find(self, doc: Doc) -> list[Match]:
        raw = self._lemma(doc) + self._exact(doc)
        if self._token_matchers:
            where = _word_positions(doc, self._all_anchors)
            for anchors, reach, matcher in self._token_matchers:
                if anchors is None:
                    raw.extend(matcher(doc))
                    continue
                hits = sorted({i for a in anchors for i in where.get(a, ())})
                for begin, end in _windows(hits, reach, len(doc)):
                    raw.extend((k, begin + s, begin + e) for k, s, e in matcher(doc[begin:end]))
        sentences: list[tuple[int, int]] | None = None
        kept: list[Match] = []
        for key, start, end in raw:
            entry = self._by_key[key]
            if not entry.compound_allowed and _in_compound(doc, start, end):
                continue
            rules = self._constraints.get(entry.id)
            if rules:
                if sentences is None:
                    sentences = sentence_bounds(doc)
                if not _satisfies(doc, start, end, rules, sentences):
                    continue
            kept.append(Match(entry, start, end))
        return _resolve_overlaps(kept)


def _word_positions(doc: Doc, wanted: Any) -> dict[int, list[int]]:
    """Token indices of the anchor words (string hashes in ``wanted``) present in the document."""
    import numpy
    from spacy.attrs import LEMMA, LOWER

    arr = doc.to_array([LOWER, LEMMA])
    rows = numpy.nonzero(numpy.isin(arr, wanted).any(axis=1))[0].tolist()
    where: dict[int, list[int]] = {}
    for i in rows:
        lower, lemma = arr[i].tolist()
        where.setdefault(lower, []).append(i)
        if lemma != lower:
            where.setdefault(lemma, []).append(i)
    return where


def _windows(hits: list[int], reach: int, n: int) -> list[tuple[int, int]]:
    """Merged token windows of ``reach`` tokens either side of each anchor hit."""
    out: list[tuple[int, int]] = []
    for i in hits:
        begin, end = max(0, i - reach), min(n, i + reach + 1)
        if out and begin <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((begin, end))
    return out


def _reach(patterns: list[list[dict[str, Any]]]) -> int:
    """How far (in tokens) a match can extend from any of its tokens."""
    longest = 0
    for pattern in patterns:
        length = sum(8 if t.get("OP") in ("*", "+") else 1 for t in pattern)
        longest = max(longest, length)
    return longest + 1


def _literal_values(token: dict[str, Any]) -> set[str] | None:
    """The lower-case strings a pattern token can match, or None if it is not a plain literal."""
    for key in ("LOWER", "LEMMA", "ORTH", "TEXT", "NORM"):
        value = token.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and set(value) == {"IN"}:
            return {str(v).lower() for v in value["IN"]}
    return None


def _anchors(patterns: list[list[dict[str, Any]]], vocab: Any) -> frozenset[int] | None:
    """Hashes of words of which every pattern needs at least one; None when a pattern has none."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[int] = set()
    for pattern in patterns:
        best: set[str] | None = None
        best_rank: tuple[int, int] = (2, 0)
        for token in pattern:
            if token.get("OP") not in (None, "+", "{1,}"):
                continue
            values = _literal_values(token)
            if values is None:
                continue
            # Prefer tokens made of content words: "young" anchors better than "we".
            common = values & STOP_WORDS or any(not any(c.isalnum() for c in v) for v in values)
            rank = (1 if common else 0, len(values))
            if best is None or rank < best_rank:
                best, best_rank = values, rank
        if best is None:
            return None
        words.update(vocab.strings.add(v) for v in best)
    return frozenset(words)


def _in_compound(doc: Doc, start: int, end: int) -> bool:
    if start >= 2:
        hyphen, before = doc[start - 1], doc[start - 2]
        if hyphen.text in _HYPHENS and not hyphen.whitespace_ and not before.whitespace_ \
                and before.is_alpha:
            return True
    if end + 1 < len(doc):
        last, hyphen, after = doc[end - 1], doc[end], doc[end + 1]
        if hyphen.text in _HYPHENS and not last.whitespace_ and not hyphen.whitespace_ \
                and after.is_alpha:
            return True
    return False


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of sentences and list items: split at ``. ! ?`` and at hard line breaks.

    Computed once per document and kept in ``doc.user_data``.
    """
    cached = doc.user_data.get("ih_sentences")
    if cached is None:
        cached = doc.user_data["ih_sentences"] = _sentence_bounds(doc)
    return cached


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    begin = 0
    n = len(doc)
    texts = [t.text for t in doc]
    for i, text in enumerate(texts):
        split = False
        if text[:1] == "\n":
            split = True
        elif text in _SENTENCE_END and i + 1 < n:
            nxt = texts[i + 1]
            split = nxt[:1].isspace() or nxt[:1].isupper() or nxt[:1] in "\"'“‘"
        if split:
            if i + 1 > begin:
                bounds.append((begin, i + 1))
            begin = i + 1
    if begin < n:
        bounds.append((begin, n))
    return bounds


def _seq_at(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    if i < 0 or i + len(phrase) > len(doc):
        return False
    return all(doc[i + k].lemma_ == phrase[k] for k in range(len(phrase)))


def _contains(doc: Doc, begin: int, end: int, phrase: tuple[str, ...]) -> bool:
    if not phrase:
        return False
    first = phrase[0]
    return any(doc[i].lemma_ == first and _seq_at(doc, i, phrase) for i in range(begin, end - len(phrase) + 1))


def _satisfies(doc: Doc, start: int, end: int,
               rules: list[tuple[str, list[tuple[str, ...]]]],
               sentences: list[tuple[int, int]]) -> bool:
    for kind, phrases in rules:
        if kind in ("followed_by", "not_followed_by"):
            hit = any(_seq_at(doc, end, p) for p in phrases)
        elif kind in ("preceded_by", "not_preceded_by"):
            hit = any(_seq_at(doc, start - len(p), p) for p in phrases)
        else:
            s_begin, s_end = _sentence_of(sentences, start)
            hit = any(_contains(doc, s_begin, s_end, p) for p in phrases)
        if hit == kind.startswith("not_"):
            return False
    return True


def _sentence_of(sentences: list[tuple[int, int]], token: int) -> tuple[int, int]:
    import bisect

    # Sentences are sorted, non-overlapping (begin, end) pairs; (token + 1,) sorts after every
    # pair that begins at or before the token.
    i = bisect.bisect_right(sentences, (token + 1,)) - 1
    return sentences[max(i, 0)]


def _resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Keep the longest match where matches overlap (then the most severe, then the first)."""
    ranked = sorted(
        matches,
        key=lambda m: (-(m.end - m.start), -severity_rank(m.entry.severity), m.start, m.entry.id),
    )
    taken: list[Match] = []
    used: set[int] = set()
    for m in ranked:
        span = set(range(m.start, m.end))
        if span & used:
            continue
        used |= span
        taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.entry.id))
