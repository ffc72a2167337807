"""Which equality law a posting's findings cite (a step of the policy, docs/architecture.md).

The word lists cite US federal law. The legal system of a posting is the one its configured
``jurisdictions:`` select, else the one its text shows: currency signs and codes, and place names
(``data/equality-law.yml``, whose ``weights`` say how much each counts: a currency only one
country writes, such as "£", more than a place name, which may be a town elsewhere too, and "$"
less than either); with no signal (or a tie with the US) the system is the US. Under any other
system a finding that names US law loses that clause, cites the system's law for its family
instead, and takes the system's rationale and source; the message says which system and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog.equality import EqualityLaw, LegalSystem
    from ..results import Finding


def legal_system(text: str, jurisdictions: Sequence[str], law: EqualityLaw) -> tuple[LegalSystem, str]:
    """The system and how it was chosen ("configured", or the signals the text shows)."""
    for code in jurisdictions:
        for system in law.systems.values():
            if any(code == p or code.startswith(p + "-") for p in system.jurisdictions):
                return system, f"configured: {code}"
    if jurisdictions:
        return law.systems["US"], "configured"
    found = law.signals
    scores: dict[str, tuple[int, list[str]]] = {code: (0, []) for code in law.systems}
    seen: set[tuple[str, str]] = set()
    for kind, token in found.tokens(text):
        if (kind, token) in seen:
            continue
        seen.add((kind, token))
        for code in found.owners[(kind, token)]:
            score, shown = scores[code]
            scores[code] = (score + found.weights[(kind, token)], [*shown, token])
    best = max(scores, key=lambda c: (scores[c][0], c == "US"))
    score, shown = scores[best]
    if score == 0 or score <= scores["US"][0]:
        return law.systems["US"], "default"
    return law.systems[best], "shown by " + ", ".join(f"“{s}”" for s in shown[:3])


def cite(findings: Iterable[Finding], system: LegalSystem, how: str, law: EqualityLaw) -> list[Finding]:
    """``findings`` citing ``system``'s law instead of US law (unchanged under the US system)."""
    if system.code == "US":
        return list(findings)
    us_law = law.us_law_regex
    out = []
    for finding in findings:
        family = law.families.get(finding.rule_id) or law.families.get(finding.category)
        note = system.notes.get(family) if family else None
        if note is None and not any(us_law.search(t) for t in (finding.message, finding.rationale, finding.source)):
            out.append(finding)
            continue
        message = _without_us_law(finding.message, law).replace("applicants over 40", "older applicants")
        if note is not None:
            message = f"{message} {note.rstrip('.')} ({system.name}; {how})."
            rationale, source = note, system.source
        else:  # research still holds; the US statutes do not
            rationale = " ".join(s for s in _SENTENCE.findall(finding.rationale) if not us_law.search(s)).strip()
            source = "; ".join(p.strip() for p in finding.source.split(";") if not us_law.search(p))
        out.append(replace(finding, message=message, rationale=rationale or system.law,
                           source=source or system.source))
    return out


_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+(?=\s|$)|$)")


def _without_us_law(message: str, law: EqualityLaw) -> str:
    """The message without the clause that names US law ("..., which the ADEA forbids.")."""
    found = law.us_law_regex.search(message)
    if found is None:
        return message
    quote_end = message.find("”") + 1
    head = message[:found.start()]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("("))
    if cut < quote_end:  # no clause mark after the quoted words: cut before "the ADA ..."
        cut = len(re.sub(r"\s+(?:that|which|the)?\s*$", "", head, flags=re.I))
        cut = max(cut, quote_end)
    return message[:cut].rstrip(" ,;(") + "."
