"""What a rule reports: a :class:`Hit`, before the policy step stamps it into a Finding."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """One problem a rule found. ``span`` is (start, end) in the normalised text, or None for a
    document-level hit. Unset fields take the rule's metadata in the policy step; ``severity`` set
    here is the entry's own (a word-list entry may differ from its rule)."""

    rule_id: str
    message: str
    span: tuple[int, int] | None = None
    replacements: tuple[str, ...] = ()
    rationale: str | None = None
    severity: str | None = None
    source: str | None = None
    #: "safe", "none" or None (see :attr:`inclusive_hiring.results.Finding.fix`)
    fix: str | None = None
    #: ``span`` is in the file as written, not the normalised text (text that masking hides)
    original: bool = False
