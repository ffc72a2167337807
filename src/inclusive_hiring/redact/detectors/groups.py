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
from .dates import DEGREE, HEADING, education_lines
from .patterns import alternation
from .phrases import phrases

_WORKPLACE = re.compile(r"(?i)\b(?:teacher|lecturer|professor|tutor|head\s+of|principal|headteacher|instructor|"
                        r"counsellor|counselor|librarian|administrator|coordinator|officer|manager|director|"
                        r"nurse|assistant|researcher|fellow|engineer|analyst|developer|scientist)\b")

_CONNECTORS = frozenset({"of", "for", "and", "&", "the", "in", "who", "at", "de", "du", "des", "à", "da", "do",
                         "dos", "das", "di", "del", "la", "le", "y", "e", "für", "zu", "'s", "on", "with", "+",
                         "na", "no", "nas", "nos", "em", "en", "dans", "pour", "im", "am", "w", "dla", "nella", "nel",
                         "per", "con", "com", "para", "pela", "pelo", "ve", "dan", "untuk", "sa", "ng", "der", "die",
                         "den", "dem", "und", "din", "pentru", "și", "dari", "của", "z", "ze", "i"})


_RANGE = re.compile(r"(?i)\b(?:19|20)\d{2}\s*(?:[-–]|to)\s*(?:[A-Z][a-z]{2,8}\.?\s+)?"
                    r"(?:(?:19|20)\d{2}|present|now|current|date|today)\b")
_ACRONYM = re.compile(r"(?:^|(?<=,\s)|(?<=\|\s)|(?<=[–—-]\s))([A-Z]{3,6})(?=\s*(?:,|\(|\||$|\s[–—-]\s))")
#: A campus or town after a school's name: "University of Nigeria, Nsukka", "X University, Ife
#: Campus", "University of Wisconsin–Madison" (a dash without spaces): one or two words.
_CAMPUS = re.compile(r"(?:,[ \t]+|[ \t][–—-][ \t]+|[–—])([A-ZÀ-ÖØ-Þİ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þİ][\w'’-]+)?"
                     r"(?:[ \t]+[Cc]ampus)?)(?=[ \t]*(?:$|[,(\n;|·]|\.(?:\s|$)|[ \t][–—-][ \t]))", re.MULTILINE)
_NOT_CAMPUS = frozenset({"distinction", "merit", "first", "honours", "hons", "pass", "uk", "usa", "us", "india",
                         "nigeria", "germany", "brazil", "philippines", "canada", "graduated", "present"})


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
    roles = lexicon.folded("memberships.roles")
    nouns = frozenset(w.casefold() for w in lexicon.words("memberships.org_nouns"))
    domains = frozenset(w.casefold() for w in lexicon.words("memberships.in_domains"))
    for start, end, words in _split_lists(text, phrases(text, _CONNECTORS), nouns):
        while words and (words[0].casefold() in roles or words[0].casefold() in _CONNECTORS):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = words[1:]
        if not words:
            continue
        folded = [_ELIDED_ARTICLE.sub("", w.casefold()).strip("'’") for w in words]
        compound = any(_FEMININE_COMPOUND.search(w) for w in folded)  # "Ingenieurinnenbund"
        has_trait = compound or any(w in traits or w.rstrip("s") in traits for w in folded)
        content = [w for w in folded if w not in _ARTICLES]  # "Frauen in der Technik"
        in_domain = any((a in traits or a.rstrip("s") in traits) and b in _IN_WORDS and c in domains
                        for a, b, c in zip(content, content[1:], content[2:], strict=False))
        named = any(s.start < end and start < s.end for s in found)  # a named group's description wins
        of_place = len(words) >= 3 and folded[-2] == "of" and words[-1][:1].isupper() and has_trait and \
            folded[0] in traits | {f"{t}s" for t in traits} | {"student", "students"}
        if has_trait and len(words) >= 2 and not named and (
                compound or any(w in nouns for w in folded) or in_domain or of_place
                or _membership_cue(text, start, end, lexicon)):
            acronym = re.match(r"[ \t]*\([A-Z][A-Za-z+&-]{1,9}\)", text[end:end + 14])  # "(COGAM)"
            label = f"MEMBERSHIP: {describe(text[start:end], lexicon)}"
            found.append(Span(start, end + (acronym.end() if acronym else 0), "MEMBERSHIP", label))
    found += _student_years(text, found)
    # National or ethnic origin groups: "Polish Professionals in London", "Nigerian Students' Association".
    demonyms = alternation(lexicon.words("nationalities.demonyms"))
    origin_group = re.compile(rf"(?<!\w){demonyms}\s+(?:(?:Professionals|Students['’]?|Diaspora|Community|Women|Youth|"
                              r"Graduates|Engineers|Doctors|Nurses|Lawyers|Scientists)(?:\s+(?:and|&)\s+(?:Scholars|"
                              r"Professionals|Alumni|Friends|Families))?(?:\s+(?:in|of)\s+[A-Z][\w-]+)?"
                              r"(?:\s+(?:Association|Society|Network|Union|Forum|Group|Syndicate|Council|Club))?"
                              r"|(?:Society|Association|Union|Syndicate|Institution)\s+of\s+(?:Engineers|Doctors|Nurses|"
                              r"Lawyers|Scientists|Accountants|Architects|Professionals|Women)"
                              rf"|{demonyms}[\s-]+(?:Congress|Council|Association|Society|Federation|League|Alliance|"
                              r"Foundation|Chamber|Network|Community))"
                              r"(?:\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w-]+)?")
    for match in origin_group.finditer(text):
        found.append(Span(*match.span(), "MEMBERSHIP", "MEMBERSHIP: professional network"
                          if "Professional" in match.group() else "MEMBERSHIP: community group"))
    # Lower-case ones: "Mumsnet's working mothers' network", "our LGBTQ+ staff network".
    trait_re = alternation(lexicon.words("memberships.trait_words"))
    noun_re = alternation(lexicon.words("memberships.org_nouns"))
    determiner = r"(?!(?:the|a|an|our|my|their|his|her|of|in|at) )"  # "the Muslim Council": not part of it
    loose = re.compile(rf"(?<![\w'’])(?:[A-Z]\w{{0,30}}['’]s )?(?:{determiner}[a-z]{{1,30}} )?{trait_re}['’]?s?['’]? "
                       rf"(?:[a-z]{{1,30}} )?{noun_re}(?![\w])(?!\s*[:：])", re.IGNORECASE)  # not a label
    for match in loose.finditer(text):
        if any(s.start <= match.start() and match.end() <= s.end for s in found):
            continue
        found.append(Span(*match.span(), "MEMBERSHIP", f"MEMBERSHIP: {describe(match.group(), lexicon)}"))
    return found


#: A role at a school right before its name: the school is the employer.
_ROLE_AT = re.compile(_WORKPLACE.pattern + r"(?:\s+(?:of\s+)?[A-Z][\w-]+){0,3}\s+(?:at|with|for)\s+(?:the\s+)?$")
#: A school named in one compound word ("Thomasschule", "Goethe-Gymnasium" is two).
_COMPOUND_SCHOOL = re.compile(r"^[A-ZÄÖÜ]\w+(?:schule|gymnasium|lyzeum|kolleg|akademie|hochschule)$")
#: A number or a Roman numeral that ends a university's name ("Lyon 3", "Mohammed V").
_SCHOOL_NUMBER = re.compile(r"[ \t]+(?:\d{1,2}|(?-i:[IVX]{1,4}))(?![\w.]\w|\d)(?!\w)(?![ \t]+[a-z])")
#: Schools in scripts written without spaces, or in Vietnamese: "東京都立日比谷高等学校", "홍익대학교",
#: "Đại học Bách khoa Hà Nội", "Trường THPT Chu Văn An".
_UNSPACED_SCHOOL = re.compile(
    r"[\u3400-\u9fff\u30a0-\u30ff]{1,20}?(?:大学院|大学|大學|高等学校|高等専門学校|高校|中学校|中学|小学校|学院|学校)"
    r"|[\uac00-\ud7a3]{1,15}?(?:대학교|대학원|고등학교|중학교|초등학교|대학)"
    r"|(?<!\w)(?:Trường(?:\s+(?:THPT|THCS|Đại\s+học|Cao\s+đẳng))?|Đại\s+học|Học\s+viện|Cao\s+đẳng)"
    r"(?:\s+(?:[A-ZĐÀ-Ỹ][^\s,;()|]*|khoa|học|và|quốc|gia|kinh|tế|công|nghệ|sư|phạm)){1,8}")
#: A German compound of a feminine plural and an organisation noun ("Ingenieurinnenbund").
_FEMININE_COMPOUND = re.compile(r"\winnen(?:bund|verband|netzwerk|kreis|forum|gruppe|verein|rat|initiative)$")
_PROFESSIONAL_BODY = re.compile(r"(?i)\b(?:member|fellow|associate|affiliate|chartered|certified|licensed)\b")
_IN_WORDS = frozenset({"in", "who", "na", "no", "en", "em", "w", "dans", "du", "des", "de", "del", "della", "din",
                       "dalam", "trong", "im", "da", "do"})
_ELIDED_ARTICLE = re.compile(r"^(?:l|d|dell|all|nell)['’]")


def _membership_cue(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the words around ``start:end`` say the candidate belongs to it: "member of",
    "volunteer with", "chapter lead", or a "Memberships"/"Volunteering" section."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60):start]
    after = text[end:end + 40].split("\n", 1)[0]
    cues = _cue_patterns(lexicon)
    if cues[0].search(before) or cues[1].match(after):
        return True
    heading = _section_title(text, line_start)
    return bool(heading and cues[2].search(heading))


@functools.cache
def _cue_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    before = alternation(lexicon.words("memberships.cues_before"))
    after = alternation(lexicon.words("memberships.cues_after"))
    sections = alternation(lexicon.words("memberships.sections"))
    return (re.compile(rf"(?i)(?<!\w){before}(?:\s+(?:the|a|an))?[\s,:]*$"),
            re.compile(rf"(?i)[\s,]+(?:\w+\s+)?{after}(?!\w)"),
            re.compile(rf"(?i)(?<!\w){sections}(?!\w)"))


def _section_title(text: str, line_start: int) -> str | None:
    """The heading of the section holding the line at ``line_start`` (the nearest line above
    that reads as a heading), or None."""
    position = line_start
    for _ in range(40):  # a section's heading is near; never scan a whole long text per name
        if position <= 0:
            break
        previous = text.rfind("\n", 0, position - 1) + 1
        line = text[previous:position - 1]
        if line.strip() and HEADING.match(line) and len(line.split()) <= 6:
            return line
        position = previous
    return None


_YEARS_AFTER = re.compile(r"[ \t]*\(((?:19|20)\d{2})(?:[ \t]*[-–][ \t]*((?:19|20)\d{2}))?\)")


def _student_years(text: str, found: list[Span]) -> list[Span]:
    """Years in brackets after a student society ("Islamic Society (2016)") date the studies."""
    years = []
    for span in found:
        if span.label.endswith("student society"):
            after = _YEARS_AFTER.match(text, span.end)
            if after:
                years += [Span(*after.span(g), "YEAR") for g in (1, 2) if after.group(g)]
    return years


def _split_lists(text: str, found: Iterable[tuple[int, int, list[str]]],
                 nouns: frozenset[str]) -> Iterator[tuple[int, int, list[str]]]:
    """Split "Society of Women Engineers and the National Society of Black Engineers" at "and"
    when both sides name an organisation."""
    for start, end, words in found:
        cut = [i for i, w in enumerate(words) if w in ("and", "&")]
        # "... and the Ministry of Testing", "... and of Pride in Engineering": a second organisation.
        second = any(i + 1 < len(words) and words[i + 1] in ("the", "of") for i in cut)
        if not cut or (sum(w.casefold() in nouns for w in words) < 2 and not second):
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
            while piece and piece[0] in ("the", "of"):
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
    # on the same line: the next line's first word ("Skills" after a blank line) is not the name's
    right = re.match(r"(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){1,2}", text[end:end + 40])
    if right and not re.match(r"[ \t]+(?:and|The|I|In|At)\b", right.group()):
        end += len(right.group())
    return start, end


#: After a numbered school's kind ("SMA Negeri", "Liceum Ogólnokształcące"): its number, a
#: patron ("im. Jana Kochanowskiego") and its town ("w Krakowie", "Bandung").
_NUMBERED_TAIL = (r"(?:[ \t]+(?:nr|no|n[º°])\.?)?[ \t]*\d{1,3}(?!\d)"
                  r"(?:[ \t]+im\.[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)?"
                  r"(?:[ \t]+(?:w|we|in|di|de|em|en)[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+|(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2})?")


#: A school's short name or campus in brackets after it: "(UNAM)", "(Legon campus)".
_BRACKETED = re.compile(r"[ \t]*\((?:[A-Z][A-Za-z&]{1,9}"
                        r"|[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+)?[ \t]+[Cc]ampus)\)")
#: Words after which a school's name starts ("Engineering at the Tecnológico", "Ingeniería en
#: el Instituto"); an article only after one of them ("Christ the King College" is one name).
_SPLIT_AT = frozenset({"at", "en", "em", "no", "na", "à", "au", "an", "in", "presso", "bei", "w"})
_ARTICLES = frozenset({"the", "el", "la", "le", "der", "die", "das", "o", "a"})
_FACULTY = re.compile(r",[ \t]+(?:Faculty|Faculdade|Facultad|Faculté|Fakultät|Wydział|Fakültesi|School|College|"
                      r"Department|Institute|Instituto|Escola|Escuela)[ \t]+(?:of|de|da|do|des|der|für)[ \t]+"
                      r"(?:the[ \t]+)?[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+(?:and|&|e|y)?[ \t]*[A-ZÀ-ÖØ-Þ][\w'’-]+){0,2}")
_PATRON = re.compile(r"[ \t]+im\.[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+){0,2}")
_NUMERAL = re.compile(r"(?:^|(?<=[,;:|·(•*-]\s)|(?<=[,;:|·(]))[IVXL]{1,5} $", re.MULTILINE)


def _is_campus(words: str, cues: frozenset[str]) -> bool:
    """Whether the words after a school's comma or dash are its campus or town, not a grade, a
    country or a degree."""
    parts = words.split()
    return parts[0].casefold() not in _NOT_CAMPUS and not DEGREE.search(words) \
        and not any(p.casefold() in cues for p in parts)


def _federal_member(text: str, start: int, lexicon: Lexicon) -> int:
    """Take in the college before a federal university: "Birkbeck, University of London"."""
    name = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]
    if not any(name.startswith(f) for f in lexicon.words("schools.federal")):
        return start
    member = re.search(r"(?:^|(?<=[,;|·–—]\s)|(?<=[,;|·]))"
                       r"((?:[A-ZÀ-ÖØ-Þ][\w'’&-]*[ \t]+){0,3}[A-ZÀ-ÖØ-Þ][\w'’&-]*),[ \t]+$",
                       text[max(0, start - 60):start], re.MULTILINE)
    if member and not DEGREE.search(member.group(1)):
        return start - len(member.group()) + member.start(1) - member.start()
    return start


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
        cued = any(w.casefold() in cues or any(p.casefold() in cues for p in w.split("-"))
                   or _ELIDED_ARTICLE.sub("", w.casefold()) in cues for w in words) \
            or any(_COMPOUND_SCHOOL.search(w) for w in words) \
            or multi.search(text, start, end) \
            or (len(words) >= 2 and words[-1] == "High" and text.rfind("\n", 0, start) + 1 in education)
        cue_at = next((i for i, w in enumerate(words) if w.casefold() in cues), len(words))
        split = max((i for i, w in enumerate(words[:cue_at])
                     if i > 0 and (w in _SPLIT_AT or (w in _ARTICLES and words[i - 1] in _SPLIT_AT))), default=None)
        if cued and split is not None:  # "Industrial Engineering at the Tecnológico de Monterrey"
            for word in words[:split + 1]:
                start = text.index(word, start) + len(word)
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = words[split + 1:]
            if words and words[0] in _ARTICLES:
                start = text.index(words[0], start) + len(words[0]) + 1
                words = words[1:]
        # "Graduated Stanford University", "Alumnus of St. Xavier's College": lead words and the
        # connectors after them are not the name.
        while cued and len(words) > 1 and (words[0].casefold() in leads or words[0] in connectors):
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
        if cued and _ROLE_AT.search(text, line_start, start):
            continue  # "As Head of Mathematics at Opoku Ware School I introduced ...": the employer
        body = next((w for w in words if w.casefold() in cues), "")
        if cued and body.casefold() in ("institution", "institute") and not has_degree:
            cue_start = text.index(body, start)
            if _PROFESSIONAL_BODY.search(text, max(line_start, cue_start - 80), cue_start):
                continue  # "Member of the Institution of Civil Engineers": a professional body
        if cued and (len(words) >= 2 or words[0].casefold() in ("gymnasium", "polytechnic", "technion")
                     or _COMPOUND_SCHOOL.search(words[0])):
            number = _SCHOOL_NUMBER.match(text, end)
            if number:
                end = number.end()  # "Université Lyon 3", "Université Mohammed V"
            acronym = _BRACKETED.match(text, end)
            if acronym:
                end = acronym.end()  # "(UNAM)", "(Legon campus)": the school's short name or campus
            campus = _CAMPUS.match(text, end)
            if campus and _is_campus(campus.group(1), cues):
                end = campus.end(1)  # "University of Nigeria, Nsukka"
            start = _federal_member(text, start, lexicon)
            faculty = _FACULTY.match(text, end)
            if faculty:
                end = faculty.end()  # "Cairo University, Faculty of Engineering"
            patron = _PATRON.match(text, end)
            if patron:
                end = patron.end()  # "Liceum Ogólnokształcące im. Adama Mickiewicza"
            numeral = _NUMERAL.search(text, max(0, start - 8), start)
            if numeral:
                start = numeral.start()  # "V Liceum Ogólnokształcące"
            found.append(Span(start, end, "SCHOOL"))
    found += [Span(*m.span(), "SCHOOL") for m in _UNSPACED_SCHOOL.finditer(text)]
    for offset, line in _lines(text):
        if DEGREE.search(line):
            for match in _ACRONYM.finditer(line):
                if not DEGREE.fullmatch(match.group(1)) and match.group(1).casefold() not in credentials:
                    found.append(Span(offset + match.start(1), offset + match.end(1), "SCHOOL"))
    numbered = re.compile(r"(?<![\w])" + alternation(lexicon.words("schools.numbered")) + _NUMBERED_TAIL)
    found += [Span(*m.span(), "SCHOOL") for m in numbered.finditer(text)]
    abbreviations = re.compile(r"(?<![\w])" + alternation(lexicon.words("schools.abbreviations")) + r"(?![\w])")
    with_place = re.compile(r"(?<![\w])" + alternation(lexicon.words("schools.abbreviations_with_place"))
                            + r"(?:\s*\([A-Z]{2,6}\))?\s+(?:(?:w|we|in|zu|à|de|di|em|en)\s+)?"
                            r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
    found += [Span(*m.span(), "SCHOOL") for m in abbreviations.finditer(text)]
    found += [Span(*m.span(), "SCHOOL") for m in with_place.finditer(text)]
    return found
