"""Lawful bases and encouragement statements (wordlists/frames/bases.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..text.search import trie_pattern


@dataclass(frozen=True)
class Basis:
    id: str
    name: str
    scope: str
    covers: frozenset[str]
    cues: re.Pattern[str]
    #: cue phrases of which one must be present as well (casting: "casting" or "audition")
    need: re.Pattern[str] | None = None
    #: case-sensitive cues ("=EAR"), searched in the text as written
    exact: re.Pattern[str] | None = None
    #: words that, among the three before a cue, make it not count ("a letter from your pastor")
    not_after: frozenset[str] = frozenset()

    def found_in(self, text: str, lower: str) -> bool:
        """Whether ``text`` (with ``lower``, its lower-case form) holds a cue (and a ``need``)."""
        return (self._cue_in(lower) or (self.exact is not None and bool(self.exact.search(text)))) \
            and (self.need is None or bool(self.need.search(lower)))

    def _cue_in(self, lower: str) -> bool:
        if not self.not_after:
            return bool(self.cues.search(lower))
        return any(not self.not_after.intersection(_WORD.findall(lower[max(m.start() - 40, 0):m.start()])[-3:])
                   for m in self.cues.finditer(lower))

    def covers_all(self, classes: dict[str, str]) -> bool:
        """Whether the basis covers every trait class (class -> family), by class or family."""
        return bool(classes) and all(c in self.covers or f in self.covers for c, f in classes.items())


_WORD = re.compile(r"[a-z']+")


def cue_regex(cues: list[str], folded: bool = False) -> re.Pattern[str]:
    """One regex for cue phrases: whole words, any case; a cue starting with "=" keeps its case.
    ``folded``: the regex is only run on lower-case text (faster: no case-insensitive matching)."""
    if folded:
        return re.compile(r"\b(?:" + trie_pattern([c.lower() for c in cues]) + r")\b" if cues else r"(?!)")
    lower = [c.lower() for c in cues if not c.startswith("=")]
    exact = [c[1:] for c in cues if c.startswith("=")]
    if exact:  # rare: one case-sensitive alternation plus a lower-case one
        parts = [r"\b(?:" + "|".join(re.escape(c) for c in exact) + r")\b"]
        if lower:
            parts.append(r"(?i:\b(?:" + trie_pattern(lower) + r")\b)")
        return re.compile("|".join(parts))
    # Lower-case cues: search the text as it is with one case-insensitive trie (\b is cheaper
    # than a look-behind at every position).
    return re.compile(r"(?i:\b(?:" + trie_pattern(lower) + r")\b)" if lower else r"(?!)")


def load_bases(data: dict[str, Any]) -> tuple[tuple[Basis, ...], re.Pattern[str], frozenset[str],
                                               re.Pattern[str]]:
    """The bases, the encouragement cue regex, the classes encouragement never silences and the
    phrases that make an encouragement favour the dominant group."""
    bases = []
    for raw in data.get("bases") or []:
        need = raw.get("need_all") or []
        cues = [str(c) for c in raw.get("cues") or ()]
        exact = [c for c in cues if c.startswith("=")]
        bases.append(Basis(id=str(raw["id"]), name=" ".join(str(raw["name"]).split()),
                           scope=str(raw.get("scope", "sentence")),
                           covers=frozenset(str(c) for c in raw.get("covers") or ()),
                           cues=cue_regex([c for c in cues if not c.startswith("=")], folded=True),
                           need=cue_regex([str(c) for group in need for c in group], folded=True) if need else None,
                           exact=cue_regex(exact) if exact else None,
                           not_after=frozenset(str(w).lower() for w in raw.get("not_after") or ())))
    encouragement = data.get("encouragement") or {}
    return (tuple(bases), cue_regex([str(c) for c in encouragement.get("cues") or ()], folded=True),
            frozenset(str(c) for c in encouragement.get("dominant") or ()),
            cue_regex([str(c) for c in encouragement.get("dominant_phrases") or ()], folded=True))
