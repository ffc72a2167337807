"""Who a trait is about: the hire, or someone the job serves (docs/detection.md, "Referents")."""

from __future__ import annotations

from .tokens import Token

#: Tags that put the words after them about the hire ("must be", "looking for", "wanted").
_HIRE_MARKERS = frozenset({"JOB", "JOB+", "HIRE", "HIRE+", "MUST", "SEEK", "WANT", "WANTED", "HIREVERB", "CONSIDERED",
                           "SEXKEY", "ORIGINKEY", "PREFERRED"})
_CLAUSE_ENDS = frozenset({".", ";", "!", "?", ":", "(", ")", "|"})
_HIRE_WORDS = frozenset({"you", "your", "applicant", "applicants", "candidate", "candidates"})
_RESTRICTORS = frozenset({"only", "strictly", "exclusively", "solely", "mainly", "primarily", "specifically",
                          "open", "available", "reserved", "limited", "restricted"})
_POSSESSIVES = frozenset({"'s", "'", "’s", "’"})
#: A possessive before these is about the job ("a man's job"), not a service for someone else.
_HIRE_POSSESSIONS = frozenset({"job", "jobs", "work", "role", "roles", "position", "post", "career", "careers"})
#: How far back (in tokens) a serve verb or another person's noun still owns a trait.
REACH = 10


def about_other(tokens: list[Token], start: int, end: int, prepositions: bool = True) -> bool:
    """Whether the trait in ``tokens[start:end]`` describes someone other than the hire.

    Yes when the nearest person word before it in the clause is someone the job serves (an
    ``others`` noun: "young offenders aged 16 to 21", "our clients are mostly women") or a serve
    verb ("care for an elderly gentleman"), with no word about the hire in between. No when the
    span itself names the hire (a job or hire noun: "female carers") or when the clause reaches a
    hire word first ("you", "candidates", "must", "looking for", "wanted"). With ``prepositions``
    false, the object of a preposition ("for the guys") is not by itself about someone else."""
    if any("NUM" in t.tags for t in tokens[start:end]) and _benefit_band(tokens, start):
        return True  # an age band of a benefit ("life insurance for employees aged 18-65")
    if any(t.tags & {"JOB", "HIRE"} for t in tokens[start:end]):
        return False
    if end < len(tokens) and "OTHER" in tokens[end].tags:
        return True  # "young offenders"
    if prepositions and _object_of_preposition(tokens, start):
        return True
    if end < len(tokens) and tokens[end].text in _POSSESSIVES and tokens[end - 1].is_word \
            and (end + 1 == len(tokens) or tokens[end + 1].text not in _HIRE_POSSESSIONS):
        # "young people's services", "the girls' team", "ladies' hairdresser": whose it is, not
        # who is hired ("a man's job" is about the job)
        return True
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


#: Tags of the words that may stand between a preposition and the trait ("with all our young ...").
_SKIPPABLE = frozenset({"DET", "TA", "TN", "CONJ"})


def _object_of_preposition(tokens: list[Token], start: int) -> bool:
    """Whether the trait at ``tokens[start]`` is the object of a preposition that puts it about
    someone else ("working with young people", "the lives of older people"), per the lists
    ``object_prepositions``, ``hire_groups`` and ``open_words`` in people.yml."""
    k, plain = start - 1, 0
    while k >= 0 and "OBJPREP" not in tokens[k].tags and "OBJPREP+" not in tokens[k].tags:
        tok = tokens[k]
        if tok.text in _CLAUSE_ENDS or tok.tags & _HIRE_MARKERS or tok.tags & {"OTHER", "SERVE", "PERSON"}:
            return False
        if not tok.tags & _SKIPPABLE:
            plain += 1
            if plain > 2 or not tok.is_word:
                return False
        k -= 1
    if k < 0:
        return False
    while k > 0 and "OBJPREP+" in tokens[k].tags and "OBJPREP" not in tokens[k].tags:
        k -= 1  # the first word of "on behalf of"
    b = k - 1
    if tokens[k].text in ("to", "for"):  # "the vacancy is (only) for X": skip the verb and adverb
        while b > 0 and k - b <= 3 and (tokens[b].tags & {"BE"} or tokens[b].text in _RESTRICTORS):
            b -= 1
    before = tokens[b] if b >= 0 else None
    if before is None:
        return False
    if before.tags & {"HIRE", "JOB", "PERSON", "OPENS", "OPENS+"} or before.text in _HIRE_WORDS:
        return False  # "candidates with disabilities", "open to women", "jobs for young people"
    if tokens[k].text == "of" and "GROUP" in before.tags:
        return False  # "a team of young graduates"
    # "looking for X", "wanted for X": a frame word governs to / for; "the needs of X": of, with,
    # about... never take a frame's object
    return tokens[k].text not in ("to", "for") or not before.tags & _HIRE_MARKERS


def _benefit_band(tokens: list[Token], start: int) -> bool:
    """Whether a benefit or statutory pay word (``benefits`` in people.yml) comes before the trait
    in its clause: the age band says who the benefit applies to ("life insurance for employees
    aged 18-65"), not whom to hire."""
    k = start - 1
    while k >= 0 and start - k <= REACH * 2:
        tok = tokens[k]
        if tok.text in _CLAUSE_ENDS:
            return False
        if "BENEFIT" in tok.tags or "BENEFIT+" in tok.tags:
            return True
        k -= 1
    return False
