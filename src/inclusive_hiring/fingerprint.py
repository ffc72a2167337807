"""Stable finding fingerprints, shared by SARIF's ``partialFingerprints`` and ``--baseline``.

A fingerprint is the first 16 hex digits of a SHA-256 hash over the rule id, the path (forward
slashes), the matched text (whitespace runs collapsed to one space, case folded; a document finding
counts as an empty match) and the occurrence index of that (rule, text) pair in the file. No line or
column goes in, so a finding keeps its fingerprint when lines are added or removed elsewhere in the
file or when the phrase is re-wrapped. docs/ci.md describes the scheme for users.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from .results import Finding

#: The key in SARIF ``partialFingerprints``; bump the version if the hashed fields ever change.
FINGERPRINT_KEY = "ihFingerprint/v1"


def normalised_match(finding: Finding) -> str:
    """The matched text with whitespace runs collapsed and case folded ("" for document findings)."""
    return " ".join((finding.match or "").split()).casefold()


def fingerprint(finding: Finding, occurrence: int) -> str:
    """The fingerprint of ``finding``, the ``occurrence``-th (0-based) of its (rule, text) pair."""
    key = "\x1f".join((finding.rule_id, finding.path.replace("\\", "/"), normalised_match(finding),
                       str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def occurrences(findings: Sequence[Finding]) -> list[int]:
    """The occurrence index of each finding of one file, in the given (report) order: 0 for the
    first finding of a rule on a text, 1 for the second, and so on."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.rule_id, normalised_match(f))
        out.append(seen[key])
        seen[key] += 1
    return out


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding of one file, in order."""
    return [fingerprint(f, n) for f, n in zip(findings, occurrences(findings), strict=True)]
