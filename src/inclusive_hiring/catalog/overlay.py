"""A configuration's own entries (``terms:``, ``prefer:``) as a small overlay on the shipped index.

The overlay is compiled from those entries alone (a few kilobytes, cached on them), and
:class:`OverlayIndex` reads the two as one index: a line may hold the entries either finds, an
entry comes from whichever holds it, and the lemma map is their union. Matching then works exactly
as on one index built from both, so overlapping matches are resolved across them as before.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import CatalogIndex, CompiledEntry
    from .wordlists import Rule


class OverlayIndex:
    """The shipped index and a configuration's overlay, read as one."""

    def __init__(self, base: CatalogIndex, overlay: CatalogIndex) -> None:
        self.base = base
        self.overlay = overlay
        self.digest = f"{base.digest}+{overlay.digest}"
        self.rules: dict[str, Rule] = base.rules
        self.data: dict[str, dict[str, Any]] = base.data
        self.extras: dict[str, Any] = base.extras
        self.specials = base.specials
        self.dotted_specials = base.dotted_specials
        self.entry_ids = base.entry_ids + overlay.entry_ids
        self.entry_rules = {**base.entry_rules, **overlay.entry_rules}

    @functools.cached_property
    def lemma_map(self) -> dict[str, str]:
        return {**self.base.lemma_map, **self.overlay.lemma_map}

    def entry(self, entry_id: str) -> CompiledEntry:
        own = entry_id in self.overlay.entry_rules
        return (self.overlay if own else self.base).entry(entry_id)

    def line_entries(self, lower: str, found_words: list[str] | None = None,
                     kind: str = "posting") -> set[str]:
        return (self.base.line_entries(lower, found_words, kind)
                | self.overlay.line_entries(lower, found_words, kind))
