"""Fast whole-word search for fixed phrases in normalised text (used by document checks)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation factored into a trie: far faster than a flat ``a|b|c`` in ``re``."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


@functools.cache
def phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word, case-insensitive matches of any phrase; spaces match any whitespace run."""
    return re.compile(rf"(?<![\w$])(?:{_phrase_body(phrases)})(?![\w])", re.I)


def _phrase_body(phrases: tuple[str, ...]) -> str:
    lowered = sorted({" ".join(p.lower().split()) for p in phrases})
    return trie_pattern(lowered).replace(r"\ ", r"\s+")


class AfterNonWord:
    """The matches of ``(?<!<before>)<body>`` (as ``re.finditer`` finds them), found faster;
    ``<before>`` is a character class such as ``[\\w$]``.

    A pattern that starts with a lookbehind makes ``re`` try all of it at every offset, and a
    class like ``\\w`` costs a Unicode lookup per character. Here ``re`` looks for the character
    before a match instead, from an explicit set of ASCII characters (a quick scan), with
    ``<body>`` in a lookahead: that gives every offset where a match can start, and the body's
    span there. Offsets after a character outside ASCII get a second scan and a check against
    ``<before>``; the start of the text has no character before it. ``re.finditer`` takes the
    first offset, continues at the end of its match, and so on: so does ``spans``. ``<body>``
    never matches an empty string.
    """

    def __init__(self, before: str, body: str, flags: int = 0) -> None:
        self._before = re.compile(before)
        allowed = "".join(re.escape(chr(c)) for c in range(128) if not self._before.match(chr(c)))
        self._first = re.compile(f"(?:{body})", flags)
        self._after_ascii = re.compile(f"[{allowed}](?=({body}))", flags)
        self._after_other = re.compile(f"[^\\x00-\\x7f](?=({body}))", flags)

    def _starts(self, text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        scan_from = pos - 1 if pos else 0  # the character before ``pos`` counts too
        found = [m.span(1) for m in self._after_ascii.finditer(text, scan_from, endpos)]
        if not text.isascii():
            before = self._before.match
            found += [m.span(1) for m in self._after_other.finditer(text, scan_from, endpos)
                      if not before(text, m.start())]
            found.sort()
        if pos == 0:
            first = self._first.match(text, 0, endpos)
            if first is not None:
                found.insert(0, first.span())
        return found

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        """The spans of ``re.finditer(text, pos, endpos)``."""
        out: list[tuple[int, int]] = []
        for start, end in self._starts(text, pos, len(text) if endpos is None else endpos):
            if start >= pos:
                out.append((start, end))
                pos = end
        return out

    def search(self, text: str) -> bool:
        """Whether there is any match."""
        return (self._first.match(text) is not None or self._after_ascii.search(text) is not None
                or (not text.isascii() and any(not self._before.match(text, m.start())
                                               for m in self._after_other.finditer(text))))


class StartsAfter:
    """The matches of ``(?<!<before>)<body>`` (as ``re.finditer`` and ``re.search`` find them),
    where ``<before>`` is a one-character class and ``<body>`` never matches an empty string.

    ``<body>`` alone starts with literal characters, which ``re`` scans for quickly; behind a
    lookbehind (or a ``\\b``) it is tried at every offset. Here ``<body>`` is searched for, and a
    match after a ``<before>`` character is dropped and the search goes on from the next offset,
    as ``re`` does. Like ``re``, the character before ``pos`` counts, the text after ``endpos``
    does not. For ``\\b<body>`` where ``<body>`` always starts with a word character, ``before``
    is ``\\w``."""

    def __init__(self, body: str, before: str, flags: int = 0) -> None:
        self.body = re.compile(body, flags)
        self._before = re.compile(before)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        while True:
            found = self.body.search(text, pos, end)
            if found is None:
                return None
            start = found.start()
            if not start or self._before.match(text, start - 1) is None:
                return found
            pos = start + 1  # re fails at this offset and tries the next one

    def finditer(self, text: str) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        pos = 0
        while (found := self.search(text, pos)) is not None:
            out.append(found)
            pos = found.end()
        return out


#: The only characters outside ASCII that ``re.I`` takes for ASCII letters ("İ" for "i"; "İ" is
#: also the only character whose lower case is longer). In a text without them, a pattern of
#: lower-case ASCII matches under ``re.I`` exactly where it matches the lower-cased text without
#: ``re.I`` (lower-casing keeps every character a word character, a space or neither).
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


@functools.cache
def _phrases_in_lower_case(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], AfterNonWord] | None:
    """``phrase_regex(phrases)`` for the lower-cased text, and the longest word of each phrase
    (a text that has none of them has no phrase); None unless the phrases are ASCII."""
    if not all(p.isascii() for p in phrases):
        return None
    longest = tuple(sorted({max(p.lower().split(), key=len) for p in phrases}))
    return longest, AfterNonWord(r"[\w$]", rf"{_phrase_body(phrases)}(?![\w])")


@functools.lru_cache(maxsize=1)
def folds_like_ascii(text: str) -> bool:
    """Whether ``text`` has none of ``_FOLDS_TO_ASCII`` (a pure function, cached for the last text
    asked: the checks of one document ask about the same text)."""
    return text.isascii() or not any(char in text for char in _FOLDS_TO_ASCII)


@functools.cache
def _first_words(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((p.lower().split()[0], p) for p in phrases)


def find_phrases(text: str, phrases: tuple[str, ...], lower: str | None = None) -> list[re.Match[str]]:
    """All whole-word matches of ``phrases`` in ``text`` (``phrase_regex``); cheap when none occurs.

    ``lower`` is ``text.lower()``, if the caller has it. A plain substring test on it rules out
    most documents before any regex runs. When the phrases are ASCII and the text has none of
    ``_FOLDS_TO_ASCII``, that test looks for the longest word of each phrase, and the phrases are
    looked for in ``lower`` without ``re.I``; otherwise for their first words, in ``text``.
    """
    if lower is None:
        lower = text.lower()
    fast = _phrases_in_lower_case(phrases)
    if fast is not None and folds_like_ascii(text):
        words, matcher = fast
        if not any(word in lower for word in words):
            return []
        spans = matcher.spans(lower)
        if not spans:
            return []
        regex = phrase_regex(phrases)
        return [regex.match(text, start) for start, _ in spans]  # type: ignore[misc]
    present = tuple(p for first, p in _first_words(phrases) if first in lower)
    if not present:
        return []
    return list(phrase_regex(present).finditer(text))


def has_phrase(text: str, phrases: tuple[str, ...], lower: str | None = None) -> bool:
    """Whether ``find_phrases`` finds anything: the same answer without finding every match."""
    if lower is None:
        lower = text.lower()
    fast = _phrases_in_lower_case(phrases)
    if fast is not None and folds_like_ascii(text):
        words, matcher = fast
        return any(word in lower for word in words) and matcher.search(lower)
    present = tuple(p for first, p in _first_words(phrases) if first in lower)
    return bool(present) and phrase_regex(present).search(text) is not None
