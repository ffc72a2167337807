"""What makes a document a job posting, whatever share of its lines are questions.

A posting written as questions ("Are you our next sales rockstar? Do you love closing deals?") is
still a posting. These signals are read from the lines that are *not* questions (a list of
interview questions may well ask "What benefits matter to you?" or "Why did you apply?"):

- a section heading that postings have: Responsibilities, Requirements, About us, Benefits,
  What we offer, How to apply, Salary ... (2 points each, at most two counted);
- a pay figure: a currency and a number, or a number per hour/year (2 points);
- an application or offer cue: "apply now", "send your CV", "closing date", "equal opportunity
  employer" (2 points each); "we offer", "we are hiring", "full-time" (1 point each); at most
  three cues counted;
- a first line that names a job ("Senior Sales Executive", "Cook wanted") (1 point).

:func:`posting_signals` returns them with their points; ``kinds.py`` weighs the total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A line that is one of the sections of a posting (after "#", "*", "_" and a trailing colon are
#: stripped): the whole line, up to a few words.
_SECTION = re.compile(
    r"^(?:about (?:us|you|the (?:role|job|company|team|position|opportunity|employer))|who we are|"
    r"(?:key |main |your |job |primary |core )?(?:responsibilities|duties)(?: and (?:responsibilities|duties))?|"
    r"what you(?:'ll| will) (?:do|bring|need)|the role|role (?:overview|description|summary|purpose)|"
    r"job (?:description|summary|overview|details|type|purpose)|position (?:summary|overview|description)|"
    r"(?:essential |minimum |basic |preferred |desired |key |required )?(?:requirements|qualifications)"
    r"(?: and (?:experience|skills|qualifications))?|skills and experience|experience and skills|"
    r"what (?:we're|we are) looking for|who you are|(?:what )?we offer|what (?:we|you'll|you will) (?:offer|get)|"
    r"benefits|perks(?: and benefits)?|benefits and perks|compensation(?: and benefits)?|salary(?: and benefits)?|"
    r"remuneration|pay|how to apply|to apply|application process|working hours|hours of work|contract type|"
    r"closing date|application deadline|equal (?:employment )?opportunit(?:y|ies)(?: employer)?)$",
    re.I)
_STRIP = re.compile(r"^[#*_\s>|-]+|[*_:\s|]+$")

_PAY = re.compile(
    r"(?:[$£€₹₱৳₦₨]|\b(?:usd|gbp|eur|inr|php|bdt|kes|ksh|pln|cad|aud|nzd|zar|ngn|rs\.?|tk\.?|zł|zl))\s?\d"
    r"|\d[\d,.]*\s?(?:k|K)?\s?(?:zł|zl|pln|usd|gbp|eur|inr|php|bdt|kes)\b"
    r"|\b\d[\d,.]*\s?(?:k|K)?\s?(?:per|/|an?)\s?(?:hour|hr|h|year|yr|annum|month|week|day)\b",
    re.I)

#: (name shown in the reason, points, pattern) for application and offer cues. Asking people to
#: apply, to send a CV, by a closing date, and an EEO statement are what postings (and nothing
#: else) say: 2 points; the rest 1.
_CUES: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple(
    (name, points, re.compile(pattern, re.I)) for name, points, pattern in (
        ("apply", 2, r"\b(?:apply (?:now|today|online|here|via|through|at|by|on (?:our|the|this)|"
                     r"with (?:your|a|an|the))|"
                     r"how to apply|to apply(?:[,:.!]|$| (?:for (?:this|the|our) (?:role|job|position|post|vacancy)|"
                     r"please|now|today|online|send|email|e-mail|visit|click|contact|call)))"),
        ("send your CV", 2, r"\b(?:send|submit|email|e-mail|forward|upload) (?:us )?(?:your|an?|the) (?:updated )?"
                            r"(?:cv|resume|résumé|application|cover letter)"),
        ("closing date", 2, r"\b(?:closing date|application deadline|"
                            r"applications? (?:close|closes|are welcome|must))\b"),
        ("EEO statement", 2, r"\b(?:equal (?:employment )?opportunit(?:y|ies) employer|eoe\b|we (?:are|'re) an equal)"),
        ("we offer", 1, r"\b(?:we offer|we(?:'re| are) offering|benefits include|what we offer)\b"),
        ("we are hiring", 1, r"\b(?:we(?:'re| are) (?:hiring|recruiting|looking for|seeking)|join (?:our|the) team|"
                             r"now hiring)\b"),
        ("job type", 1, r"\b(?:full[- ]time|part[- ]time|permanent (?:role|position|contract)|fixed[- ]term|"
                        r"job type|employment type)\b"),
    ))

#: A first line that names a job: short, no question mark, a job noun or "wanted"/"hiring".
_JOB_TITLE = re.compile(
    r"\b(?:engineer|developer|manager|assistant|associate|executive|officer|analyst|designer|nurse|"
    r"driver|cook|chef|cashier|clerk|accountant|technician|specialist|coordinator|co-ordinator|"
    r"administrator|consultant|representative|rep|agent|supervisor|director|lead|intern|teacher|"
    r"tutor|carer|caregiver|cleaner|receptionist|operator|labourer|laborer|worker|attendant|"
    r"salesperson|sales|marketer|writer|editor|scientist|architect|programmer|mechanic|electrician|"
    r"plumber|waiter|waitress|bartender|barista|guard|secretary|pharmacist|therapist|"
    r"operative|handler|picker|packer|loader|porter|housekeeper|nanny|helper|crew|"
    r"wanted|hiring|vacancy|vacancies)s?\b",
    re.I)


@dataclass(frozen=True)
class Signal:
    name: str
    points: int


def section_heading(line: str) -> str | None:
    """The section name when ``line`` is one of a posting's section headings ("How to apply:",
    "## What we offer", "BENEFITS"), else None."""
    text = _STRIP.sub("", line)
    return text if text and len(text.split()) <= 6 and _SECTION.match(text) else None


def posting_signals(statements: list[str], first_line: str | None) -> list[Signal]:
    """The posting signals in ``statements`` (the lines that are not questions, headings
    included) and the document's ``first_line``, in a fixed order."""
    out: list[Signal] = []
    sections = []
    for line in statements:
        name = section_heading(line)
        if name and name.lower() not in (s.lower() for s in sections):
            sections.append(name)
    out += [Signal(f"heading '{name}'", 2) for name in sections[:2]]
    if any(_PAY.search(line) for line in statements):
        out.append(Signal("a pay figure", 2))
    cues = [Signal(f"'{name}'", points) for name, points, pattern in _CUES
            if any(pattern.search(line) for line in statements)]
    out += cues[:3]
    if first_line is not None:
        title = _STRIP.sub("", first_line)
        if title and "?" not in title and len(title.split()) <= 8 and _JOB_TITLE.search(title) \
                and not re.search(r"\binterview|\bquestions?\b", title, re.I):
            out.append(Signal("a job title first", 1))
    return out
