"""Who a trait is about: the hire, or someone the job serves (docs/detection.md, "Referents")."""

from __future__ import annotations

from .tokens import Token

#: Tags that put the words after them about the hire ("must be", "looking for", "wanted").
_HIRE_MARKERS = frozenset({"JOB", "JOB+", "HIRE", "HIRE+", "MUST", "SEEK", "WANT", "WANTED", "HIREVERB", "CONSIDERED",
                           "SEXKEY", "ORIGINKEY", "PREFERRED"})
_CLAUSE_ENDS = frozenset({".", ";", "!", "?", ":", "(", ")", "|"})
_HIRE_WORDS = frozenset({"you", "your", "applicant", "applicants", "candidate", "candidates"})
_POSSESSIVE = frozenset({"'s", "'", "’s", "’"})
#: How far back (in tokens) a serve verb or another person's noun still owns a trait.
REACH = 10


def about_other(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the trait in ``tokens[start:end]`` describes someone other than the hire.

    Yes when the nearest person word before it in the clause is someone the job serves (an
    ``others`` noun: "young offenders aged 16 to 21", "our clients are mostly women") or a serve
    verb ("care for an elderly gentleman"), with no word about the hire in between. No when the
    span itself names the hire (a job or hire noun: "female carers") or when the clause reaches a
    hire word first ("you", "candidates", "must", "looking for", "wanted")."""
    if any(t.tags & {"JOB", "HIRE"} for t in tokens[start:end]):
        return False
    if end < len(tokens) and "OTHER" in tokens[end].tags:
        return True  # "young offenders"
    if end < len(tokens) and tokens[end].text in _POSSESSIVE and "TN" in tokens[end - 1].tags:
        return True  # "the girls' team", "ladies' hairdresser": whose it is, not who is hired
    if end < len(tokens) and tokens[end].text == ",":  # "Born in 1990, our founder ..."
        for tok in tokens[end + 1:end + 4]:
            if tok.tags & _HIRE_MARKERS or tok.text in _HIRE_WORDS:
                break
            if "OTHER" in tok.tags:
                return True
    k = start - 1
    while k >= 0 and start - k <= REACH:
        tok = tokens[k]
        if tok.text in _CLAUSE_ENDS:
            return False
        tags = tok.tags
        if "SERVE" in tags and "JOB+" not in tags and (k == 0 or "DET" not in tokens[k - 1].tags):
            return True  # "Coach boys aged 14 to 18": a verb, though "coach" is also a job
        if tags & _HIRE_MARKERS or tok.text in _HIRE_WORDS:
            return False
        if "OTHER" in tags or "OTHER+" in tags:
            return True
        if "SERVE" in tags or "SERVE+" in tags:
            return True
        k -= 1
    return False
