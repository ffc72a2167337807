"""Memberships that reveal a protected trait, replaced by a neutral description, and school names.

``[MEMBERSHIP: professional engineering society]`` keeps what the panel may weigh (the candidate
belongs to a professional society) and drops what it may not (that it is for women engineers).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import lines as _lines
from .dates import DEGREE, education_lines
from .patterns import alternation
from .phrases import phrases

_WORKPLACE = re.compile(r"(?i)\b(?:teacher|lecturer|professor|tutor|head\s+of|principal|headteacher|instructor|"
                        r"counsellor|counselor|librarian|administrator|coordinator|officer|manager|director|"
                        r"nurse|assistant|researcher|fellow|engineer|analyst|developer|scientist)\b")

_CONNECTORS = frozenset({"of", "for", "and", "&", "the", "in", "who", "at", "de", "du", "des", "à", "da", "do",
                         "dos", "das", "di", "del", "la", "le", "y", "e", "für", "zu", "'s", "on", "with", "+"})


_RANGE = re.compile(r"(?i)\b(?:19|20)\d{2}\s*(?:[-–]|to)\s*(?:(?:19|20)\d{2}|present|now|current|date|today)\b")
_ACRONYM = re.compile(r"(?:^|(?<=,\s)|(?<=\|\s)|(?<=[–—-]\s))([A-Z]{3,6})(?=\s*(?:,|\(|\||$|\s[–—-]\s))")
_CAMPUS = re.compile(r"(?:,|\s[–—-])\s+([A-ZÀ-ÖØ-Þ][\w'’-]+)(?=\s*(?:$|[,(\n]|\s[–—-]\s))", re.MULTILINE)
_NOT_CAMPUS = frozenset({"distinction", "merit", "first", "honours", "hons", "pass", "uk", "usa", "us", "india",
                         "nigeria", "germany", "brazil", "philippines", "canada", "graduated", "present"})
_ROLES = frozenset({"member", "members", "president", "organiser", "organizer", "mentor", "volunteer", "treasurer",
                    "chair", "founder", "co-founder", "elder", "secretary", "lead", "leader", "ambassador", "the",
                    "a", "an", "i", "active", "proud", "joined", "alumni", "alumna", "alumnus", "fellow"})


def describe(phrase: str, lexicon: Lexicon) -> str:
    words = {w.casefold().strip("'’") for w in re.findall(r"[\w'’+-]+", phrase)}
    for rule in lexicon.description_rules:
        if words & rule.words:
            return rule.description
    return lexicon.default_description


@functools.cache
def _trait(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("memberships.trait_words"))


def memberships(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    for group in lexicon.named_groups:
        pattern = re.compile(r"(?<![\w])(?:" + group.pattern + r")(?![\w])", re.IGNORECASE)
        for match in pattern.finditer(text):
            start, end = _grow(text, *match.span())
            found.append(Span(start, end, "MEMBERSHIP", f"MEMBERSHIP: {group.description}"))
    traits = _trait(lexicon)
    nouns = frozenset(w.casefold() for w in lexicon.words("memberships.org_nouns"))
    domains = frozenset(w.casefold() for w in lexicon.words("memberships.in_domains"))
    for start, end, words in _split_lists(text, phrases(text, _CONNECTORS), nouns):
        while words and (words[0].casefold() in _ROLES or words[0].casefold() in _CONNECTORS):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = words[1:]
        if not words:
            continue
        folded = [w.casefold().strip("'’") for w in words]
        has_trait = any(w in traits or w.rstrip("s") in traits for w in folded)
        in_domain = any((a in traits or a.rstrip("s") in traits) and b in ("in", "who") and c in domains
                        for a, b, c in zip(folded, folded[1:], folded[2:], strict=False))
        named = any(s.start < end and start < s.end for s in found)  # a named group's description wins
        of_place = len(words) >= 3 and folded[-2] == "of" and words[-1][:1].isupper() and has_trait and \
            folded[0] in traits | {f"{t}s" for t in traits} | {"student", "students"}
        if has_trait and (any(w in nouns for w in folded) or in_domain or of_place) and len(words) >= 2 and not named:
            found.append(Span(start, end, "MEMBERSHIP", f"MEMBERSHIP: {describe(text[start:end], lexicon)}"))
    # National or ethnic origin groups: "Polish Professionals in London", "Nigerian Students' Association".
    demonyms = alternation(lexicon.words("nationalities.demonyms"))
    origin_group = re.compile(rf"(?<!\w){demonyms}\s+(?:Professionals|Students['’]?|Diaspora|Community|Women|Youth|"
                              r"Graduates|Engineers|Doctors|Nurses|Lawyers|Scientists)(?:\s+(?:in|of)\s+[A-Z][\w-]+)?"
                              r"(?:\s+(?:Association|Society|Network|Union|Forum|Group))?")
    for match in origin_group.finditer(text):
        found.append(Span(*match.span(), "MEMBERSHIP", "MEMBERSHIP: professional network"
                          if "Professional" in match.group() else "MEMBERSHIP: community group"))
    # Lower-case ones: "Mumsnet's working mothers' network", "our LGBTQ+ staff network".
    trait_re = alternation(lexicon.words("memberships.trait_words"))
    noun_re = alternation(lexicon.words("memberships.org_nouns"))
    loose = re.compile(rf"(?<![\w'’])(?:[A-Z]\w{{0,30}}['’]s\s+)?(?:[a-z]{{1,30}}\s+)?{trait_re}['’]?s?['’]?\s+"
                       rf"(?:[a-z]{{1,30}}\s+)?{noun_re}(?![\w])", re.IGNORECASE)
    for match in loose.finditer(text):
        if any(s.start <= match.start() and match.end() <= s.end for s in found):
            continue
        found.append(Span(*match.span(), "MEMBERSHIP", f"MEMBERSHIP: {describe(match.group(), lexicon)}"))
    return found


def _split_lists(text: str, found: Iterable[tuple[int, int, list[str]]],
                 nouns: frozenset[str]) -> Iterator[tuple[int, int, list[str]]]:
    """Split "Society of Women Engineers and the National Society of Black Engineers" at "and"
    when both sides name an organisation."""
    for start, end, words in found:
        cut = [i for i, w in enumerate(words) if w in ("and", "&")]
        if not cut or sum(w.casefold() in nouns for w in words) < 2:
            yield start, end, words
            continue
        position = start
        pieces: list[list[str]] = [[]]
        for index, word in enumerate(words):
            if index in cut:
                pieces.append([])
            else:
                pieces[-1].append(word)
        for piece in pieces:
            if piece and piece[0] == "the":
                piece = piece[1:]
            if not piece:
                continue
            begin = text.index(piece[0], position)
            finish = text.index(piece[-1], begin) + len(piece[-1])
            position = finish
            yield begin, finish, piece


def _grow(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a leading capitalised word and a trailing place or chapter ("Aston Islamic Society",
    "Out in Tech Montréal", "Women in Tech Nigeria")."""
    left = re.search(r"(?:[A-ZÀ-Þ][\w'’-]*\s+){1,2}$", text[max(0, start - 40):start])
    if left and "\n" not in left.group() and not re.match(r"(?:The|A|An|Member|President|Organiser|Organizer|"
                                                          r"Mentor|Volunteer|Treasurer|Chair|I)\b", left.group()):
        start -= len(left.group())
    right = re.match(r"(?:\s+[A-ZÀ-Þ][\w'’-]*){1,2}", text[end:end + 40])
    if right and not re.match(r"\s+(?:and|The|I|In|At)\b", right.group()):
        end += len(right.group())
    return start, end


def schools(text: str, lexicon: Lexicon) -> list[Span]:
    cues = frozenset(w.casefold() for w in lexicon.words("schools.cues") if " " not in w)
    multi = re.compile(r"(?<!\w)" + alternation([w for w in lexicon.words("schools.cues") if " " in w]) + r"(?!\w)")
    connectors = frozenset(w.casefold() for w in lexicon.words("schools.connectors"))
    leads = frozenset(w.casefold() for w in lexicon.words("schools.lead_words"))
    found = []
    education = education_lines(text)
    credentials = {w.casefold() for w in lexicon.words("names.post_nominals")}
    line_facts: dict[int, tuple[bool, bool, list[int]]] = {}
    for start, end, words in phrases(text, connectors):
        cued = any(w.casefold() in cues or any(p.casefold() in cues for p in w.split("-")) for w in words) \
            or multi.search(text, start, end)
        cue_at = next((i for i, w in enumerate(words) if w.casefold() in cues), len(words))
        split = max((i for i, w in enumerate(words[:cue_at]) if w in ("at", "the") and i > 0), default=None)
        if cued and split is not None:  # "Industrial Engineering at the Tecnológico de Monterrey"
            for word in words[:split + 1]:
                start = text.index(word, start) + len(word)
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = words[split + 1:]
            if words and words[0] == "the":
                start = text.index("the", start) + 4
                words = words[1:]
        while cued and len(words) > 1 and words[0].casefold() in leads:  # "Graduated Stanford University"
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = words[1:]
        line_start = text.rfind("\n", 0, start) + 1
        facts = line_facts.get(line_start)
        if facts is None:
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            facts = (bool(_RANGE.search(text, line_start, line_end)), bool(DEGREE.search(text, line_start, line_end)),
                     [m.end() for m in _WORKPLACE.finditer(text, line_start, line_end)])
            line_facts[line_start] = facts
        has_range, has_degree, workplace_ends = facts
        experience = has_range or any(e <= start for e in workplace_ends)
        if cued and experience and line_start not in education and not has_degree:
            continue  # "Head of Mathematics, Ghana International School": the employer
        if cued and (len(words) >= 2 or words[0].casefold() in ("gymnasium", "polytechnic")):
            campus = _CAMPUS.match(text, end)
            if campus and campus.group(1).casefold() not in _NOT_CAMPUS:
                end = campus.end(1)  # "University of Nigeria, Nsukka"
            found.append(Span(start, end, "SCHOOL"))
    for offset, line in _lines(text):
        if DEGREE.search(line):
            for match in _ACRONYM.finditer(line):
                if not DEGREE.fullmatch(match.group(1)) and match.group(1).casefold() not in credentials:
                    found.append(Span(offset + match.start(1), offset + match.end(1), "SCHOOL"))
    abbreviations = re.compile(r"(?<![\w])" + alternation(lexicon.words("schools.abbreviations")) + r"(?![\w])")
    with_place = re.compile(r"(?<![\w])" + alternation(lexicon.words("schools.abbreviations_with_place"))
                            + r"\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
    found += [Span(*m.span(), "SCHOOL") for m in abbreviations.finditer(text)]
    found += [Span(*m.span(), "SCHOOL") for m in with_place.finditer(text)]
    return found
