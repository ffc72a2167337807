"""Find word-list matches in a document with spaCy's PhraseMatcher and Matcher.

Only lines that contain an anchor word of some entry (see ``index.py``) are tokenized: they are
joined into one small Doc, so a posting of 400 words usually costs a Doc of a few dozen tokens.
Matches never cross a line, and every context constraint looks only within the match's sentence,
which never crosses a line either, so the result is the same as matching the whole document. The
matches of interview-question entries never cross a sentence end either: one question each.

An entry's matchers are compiled the first time a document needs it: terms go into a
``PhraseMatcher`` on ``LEMMA`` (or ``ORTH`` for ``case: exact``), raw token patterns into one
``Matcher`` per entry, run only in windows around the entry's anchor words. Every match is then
checked against its entry's context constraints, and overlapping matches are resolved
longest-first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..results import severity_rank
from .index import WORD_RE, CatalogIndex
from .nlp import Pipeline
from .overlay import OverlayIndex
from .wordlists import Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc

_HYPHENS = {"-", "‐", "‑"}
_SENTENCE_END = {".", "!", "?", "…"}


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int  # token index
    end: int


@dataclass(frozen=True)
class Line:
    """A line of the normalised text that may hold matches, and the entries it may hold."""

    start: int  # offset in the normalised text
    end: int
    entries: frozenset[str]


def candidate_lines(text: str, index: CatalogIndex | OverlayIndex,
                    kind: str = "posting") -> tuple[list[Line], list[str]]:
    """The lines of ``text`` that contain the words of some entry, with the entries each may
    match; and all the lower-cased words of ``text`` (``WORD_RE``), found on the way."""
    out: list[Line] = []
    all_words: list[str] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line:
            if len(line) < _SPLIT_LONGER_THAN:
                lower = line.lower()
                words = WORD_RE.findall(lower)
                all_words.extend(words)
                found = index.line_entries(lower, words, kind)
                if found:
                    out.append(Line(pos, end, frozenset(found)))
            else:
                out.extend(_sentences_that_can_match(line, pos, index, kind, all_words))
        pos = end + 1
    return out, all_words


#: Lines longer than this (paragraphs of plain-text postings) are cut into sentences.
_SPLIT_LONGER_THAN = 160
#: The end of a sentence that spaCy's tokenizer splits too: a word of two or more lower-case
#: letters, then ". ! ?", one space and a capital. "etc. The" stays whole: "etc." is one token.
#: (``_sentence_cuts`` finds the same places without trying this at every offset.)
_SENTENCE_END_IN_LINE = re.compile(r"(?<![^\W\d_])([a-z]{2,})[.!?] (?=[A-Z])")
_STOP_BEFORE_CAPITAL = re.compile(r"[.!?] (?=[A-Z])")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _sentence_cuts(line: str, dotted: frozenset[str]) -> list[int]:
    """Where ``_SENTENCE_END_IN_LINE`` ends a sentence in ``line`` (the offset of the space after
    the stop), except after a word that spaCy keeps whole with its stop (``dotted``: "etc.")."""
    cuts = []
    for m in _STOP_BEFORE_CAPITAL.finditer(line):
        stop = m.start()
        begin = stop
        while begin > 0 and line[begin - 1] in _ASCII_LOWER:
            begin -= 1
        # two or more lower-case letters, a whole word: no other letter right before them
        if stop - begin >= 2 and not (begin > 0 and _LETTER.match(line, begin - 1)) \
                and line[begin:stop + 1] not in dotted:
            cuts.append(stop + 1)
    return cuts


def _sentences_that_can_match(line: str, pos: int, index: CatalogIndex | OverlayIndex, kind: str,
                              all_words: list[str]) -> list[Line]:
    """The sentences of a long line that contain the words of some entry; the line's words are
    added to ``all_words`` (no word runs across a cut, which is a space).

    A line is cut only where the linter's own sentence rule (``_sentence_bounds``) cuts it, so
    each piece is one or more whole sentences, tokenized exactly as inside the line; and no
    entry matches across a sentence end, so nothing is lost. The sentences of a line are looked
    up one by one, never the whole line: their entries are among the line's anyway.
    """
    out: list[Line] = []
    begin = 0
    for cut in [*_sentence_cuts(line, index.dotted_specials), len(line)]:
        piece = line[begin:cut]
        if piece.strip():
            lower = piece.lower()
            words = WORD_RE.findall(lower)
            all_words.extend(words)
            found = index.line_entries(lower, words, kind)
            if found:
                out.append(Line(pos + begin, pos + cut, frozenset(found)))
        begin = cut + 1
    return out


class Matchers:
    """spaCy matchers for the entries that documents have needed so far (one set per process)."""

    def __init__(self, pipeline: Pipeline, index: CatalogIndex | OverlayIndex) -> None:
        from spacy.matcher import PhraseMatcher

        self.pipeline = pipeline
        self._index = index
        self._vocab = pipeline.vocab
        self._lemma = PhraseMatcher(self._vocab, attr="LEMMA")
        self._exact = PhraseMatcher(self._vocab, attr="ORTH")
        self._entries: dict[int, Entry] = {}
        self._ids: dict[int, str] = {}
        #: entry id -> (anchor hashes or None, reach, Matcher)
        self._token: dict[str, tuple[frozenset[int] | None, int, Any]] = {}
        self._constraints: dict[str, Any] = {}
        self._ready: set[str] = set()

    def prepare(self, entry_ids: Iterable[str]) -> None:
        """Compile the matchers of these entries unless already done."""
        for entry_id in entry_ids:
            if entry_id not in self._ready:
                self._compile(entry_id)

    def _compile(self, entry_id: str) -> None:
        from spacy.matcher import Matcher
        from spacy.tokens import Doc

        compiled = self._index.entry(entry_id)
        entry = compiled.entry
        key = self._vocab.strings.add(entry_id)
        self._entries[key] = entry
        self._ids[key] = entry_id
        if compiled.terms:
            if entry.exact_case:
                docs = [Doc(self._vocab, words=list(t.orths), spaces=list(t.spaces))
                        for t in compiled.terms]
                self._exact.add(entry_id, docs)
            else:
                docs = [Doc(self._vocab, words=list(t.orths), spaces=list(t.spaces),
                            lemmas=list(t.lemmas)) for t in compiled.terms]
                self._lemma.add(entry_id, docs)
        if compiled.patterns:
            matcher = Matcher(self._vocab)
            matcher.add(entry_id, [list(p) for p in compiled.patterns])
            anchors = compiled.pattern_anchors
            hashes = None if anchors is None else frozenset(self._vocab.strings.add(a) for a in anchors)
            self._token[entry_id] = (hashes, compiled.reach, matcher)
        if compiled.constraints:
            self._constraints[entry_id] = compiled.constraints
        self._ready.add(entry_id)

    def find(self, doc: Doc, lines: list[tuple[int, int, frozenset[str]]],
             kind: str = "posting",
             in_document: Callable[[tuple[str, ...]], bool] | None = None) -> list[Match]:
        """Matches in ``doc``; ``lines`` are its (first token, end token, candidate entries).
        ``in_document`` tells whether the whole document holds one of some phrases: an entry's
        ``not_in_document_with`` is checked with it, before overlaps are resolved."""
        import numpy
        from spacy.attrs import LOWER

        firsts = [a for a, _, _ in lines]

        def allowed(entry_id: str, token: int) -> bool:
            i = bisect.bisect_right(firsts, token) - 1
            return i >= 0 and entry_id in lines[i][2]

        raw = [(self._ids[k], s, e) for k, s, e in self._lemma(doc) + self._exact(doc)]
        raw = [(i, s, e) for i, s, e in raw if allowed(i, s)]
        lowers: list[int] | None = None
        for begin, end, entry_ids in lines:
            for entry_id in sorted(entry_ids & self._token.keys()):
                anchors, reach, matcher = self._token[entry_id]
                if anchors is None:
                    windows = [(begin, end)]
                else:
                    if lowers is None:
                        lowers = numpy.asarray(doc.to_array([LOWER])).ravel().tolist()
                    hits = [i for i in range(begin, end) if lowers[i] in anchors]
                    windows = _windows(hits, reach, begin, end)
                for w_begin, w_end in windows:
                    raw.extend((entry_id, w_begin + s, w_begin + e)
                               for _, s, e in matcher(doc[w_begin:w_end]))
        sentences: list[tuple[int, int]] | None = None
        seen_in_sentence: dict[tuple[int, int, tuple[str, ...]], bool] = {}
        kept: list[Match] = []
        for entry_id, start, end in sorted(set(raw)):
            entry = self._index.entry(entry_id).entry
            if not entry.compound_allowed and _in_compound(doc, start, end):
                continue
            if entry.not_in_document and in_document is not None and in_document(entry.not_in_document):
                continue
            if entry.kind == "questions":
                # A question rule matches within one question: never across a "?" (or ". !") that
                # ends one question and starts the next on the same line.
                if sentences is None:
                    sentences = sentence_bounds(doc)
                if _sentence_of(sentences, start) != _sentence_of(sentences, end - 1):
                    continue
            rules = self._constraints.get(entry_id)
            if rules:
                if sentences is None:
                    sentences = sentence_bounds(doc)
                if not _satisfies(token_strings(doc)[1], start, end, rules, sentences, seen_in_sentence):
                    continue
            kept.append(Match(entry, start, end))
        return _resolve_overlaps(kept, kind)


def _windows(hits: list[int], reach: int, begin: int, end: int) -> list[tuple[int, int]]:
    """Merged token windows of ``reach`` tokens either side of each hit, within [begin, end)."""
    out: list[tuple[int, int]] = []
    for i in hits:
        w_begin, w_end = max(begin, i - reach), min(end, i + reach + 1)
        if out and w_begin <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], w_end))
        else:
            out.append((w_begin, w_end))
    return out


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


def token_strings(doc: Doc) -> tuple[list[str], list[str]]:
    """The texts and lemmas of all tokens, read from arrays once per document (making spaCy
    ``Token`` objects one at a time costs more than the matching)."""
    cached = doc.user_data.get("ih_strings")
    if cached is None:
        from spacy.attrs import LEMMA, ORTH

        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LEMMA]).tolist() if len(doc) else []
        cached = ([strings[o] for o, _ in rows], [strings[lm] for _, lm in rows])
        doc.user_data["ih_strings"] = cached
    return cached


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of sentences and list items: split at ``. ! ?`` and at hard line breaks.

    Computed once per document and kept in ``doc.user_data``.
    """
    cached = doc.user_data.get("ih_sentences")
    if cached is None:
        cached = doc.user_data["ih_sentences"] = _sentence_bounds(token_strings(doc)[0])
    return cached


def _sentence_bounds(texts: list[str]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    begin = 0
    n = len(texts)
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


def _seq_at(lemmas: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    if i < 0 or i + len(phrase) > len(lemmas):
        return False
    return tuple(lemmas[i:i + len(phrase)]) == phrase


def _contains(lemmas: list[str], begin: int, end: int, phrase: tuple[str, ...]) -> bool:
    if not phrase:
        return False
    first = phrase[0]
    stop = end - len(phrase) + 1
    i = begin
    while i < stop:
        try:
            i = lemmas.index(first, i, stop)  # the scan runs in C, not a Python loop
        except ValueError:
            return False
        if _seq_at(lemmas, i, phrase):
            return True
        i += 1
    return False


def _sentence_holds(lemmas: list[str], begin: int, end: int, phrase: tuple[str, ...],
                    seen: dict[tuple[int, int, tuple[str, ...]], bool]) -> bool:
    key = (begin, end, phrase)
    found = seen.get(key)
    if found is None:
        found = seen[key] = _contains(lemmas, begin, end, phrase)
    return found


def _satisfies(lemmas: list[str], start: int, end: int,
               rules: list[tuple[str, list[tuple[str, ...]]]],
               sentences: list[tuple[int, int]],
               seen: dict[tuple[int, int, tuple[str, ...]], bool] | None = None) -> bool:
    """Whether the match ``start:end`` meets every context rule of its entry. ``seen`` keeps
    whether a sentence holds a phrase, for the other matches of the same sentence: without it a
    long sentence with many matches (a 50 KB line without a full stop) is scanned once per match,
    quadratic time."""
    if seen is None:
        seen = {}
    for kind, phrases in rules:
        if kind in ("followed_by", "not_followed_by"):
            hit = any(_seq_at(lemmas, end, p) for p in phrases)
        elif kind in ("preceded_by", "not_preceded_by"):
            hit = any(_seq_at(lemmas, start - len(p), p) for p in phrases)
        else:
            s_begin, s_end = _sentence_of(sentences, start)
            hit = any(_sentence_holds(lemmas, s_begin, s_end, p, seen) for p in phrases)
        if hit == kind.startswith("not_"):
            return False
    return True


def _sentence_of(sentences: list[tuple[int, int]], token: int) -> tuple[int, int]:
    # Sentences are sorted, non-overlapping (begin, end) pairs; (token + 1,) sorts after every
    # pair that begins at or before the token.
    i = bisect.bisect_right(sentences, (token + 1,)) - 1
    return sentences[max(i, 0)]


def _resolve_overlaps(matches: list[Match], kind: str = "posting") -> list[Match]:
    """Where matches overlap keep the one written for this kind of document (a question rule in
    a question file), then the longest, then the most severe, then the first."""
    ranked = sorted(
        matches,
        key=lambda m: (m.entry.kind != kind, -(m.end - m.start), -severity_rank(m.entry.severity),
                       m.start, m.entry.id),
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
