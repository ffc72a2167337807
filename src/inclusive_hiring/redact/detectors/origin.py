"""Nationality, citizenship, visa and place-of-birth statements, and religion.

A demonym alone is not redacted (British Airways, State Bank of India stay); it is when it sits in
a statement: a "Nationality:" label, "Nigerian citizen", "citizen of Ghana", "holds an Italian
passport", "dual Jordanian nationality", "I am Nigerian".
"""

from __future__ import annotations

import bisect
import functools
import re

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import lines as _lines
from ..textutil import trim
from .patterns import alternation, compiled, labels
from .phrases import phrases


def find(text: str, lexicon: Lexicon) -> list[Span]:
    return [*nationality(text, lexicon), *religion(text, lexicon)]


def nationality(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    for match in labels(lexicon, "labels.nationality").finditer(text):
        if match.group("value").strip():
            found.append(Span(*trim(text, *match.span("value")), "NATIONALITY"))
    origin = alternation([*lexicon.words("nationalities.demonyms"), *lexicon.words("nationalities.countries")])
    nouns = alternation(lexicon.words("nationalities.statement_nouns"))
    visas = alternation(lexicon.words("nationalities.visas"))
    flags = re.IGNORECASE
    patterns = [
        rf"(?:(?:holds?|holding|have|has)\s+(?:an?\s+)?)?(?:dual\s+|naturali[sz]ed\s+)?{origin}(?:\s*(?:and|/|&)\s*{origin})?[\s-]+{nouns}"
        rf"(?:\s+holder)?(?:\s*\((?:{origin})\))?",
        rf"(?:dual\s+)?(?:citizen|national|citizenship|nationality)\s+of\s+(?:the\s+)?{origin}",
        rf"(?:I\s+am|I'm)\s+(?:an?\s+)?(?P<stated>{origin}(?:[\s-]+{nouns})?)(?=\s*[.,;]|\s+(?:by|and))",
        rf"(?:born|raised)\s+(?:and\s+raised\s+)?in\s+{origin}",
        rf"(?:(?:would\s+|will\s+)?(?:holds?|holding|on|with|have|has|require|requires|need|needs|needing)\s+(?:an?\s+)?)?"
        r"(?:(?:valid|current|permanent|temporary)\s+)?"
        rf"(?:{origin}\s+)?"
        rf"{visas}(?:\s+(?:holder|recipient|required|needed|sponsorship|status))*(?:\s+(?:in|of|for|from)\s+(?:the\s+)?{origin})?",
        rf"{origin}\s+by\s+(?:birth|descent|origin|naturali[sz]ation|marriage)",
        rf"{origin}\s+(?:por|de|par|von|od|sejak)\s+(?:nacimiento|nascimento|naissance|Geburt|urodzenia|lahir)",
        rf"(?:citizen|national|citizenship|nationality)\s+of\s+(?:the\s+)?{origin}\?\s*(?:yes|no|sí|si|oui|non|ja|nein|sim|não)",
        r"(?:originally|hails?|hailing|coming)\s+from\s+(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w'’-]+)?)"
        r"(?:,\s*(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w'’-]+)?))?",
        r"(?:will\s+)?(?:require|requires|need|needs|needing)\s+(?:visa\s+)?sponsorship",
        rf"(?:{origin})-born",
        r"(?:[Mm]y\s+)?(?:home\s?town|native\s+place|village|state\s+of\s+origin|place\s+of\s+birth)\s+is\s+"
        r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?",
        # Any demonym-shaped word in a statement: "Surinamese-born", "Bhutanese citizen".
        r"[A-Z][a-z]+(?:ian|ese|ish|ean|i|an)(?:-born|\s+(?:citizen|national|passport))",
    ]
    for pattern in patterns:
        for match in re.finditer(r"(?<![\w])" + pattern + r"(?![\w])", text, flags):
            found.append(Span(*match.span("stated" if "(?P<stated>" in pattern else 0), "NATIONALITY"))
    found += [Span(*m.span("place"), "NATIONALITY") for m in _BIRTHPLACE.finditer(text)]
    documents = alternation(lexicon.words("nationalities.id_documents"))
    numbers = re.compile(rf"(?<!\w){documents}(?:\s+(?:card|no\.?|number|num\.?|#))*\s*(?:is\s+|:\s*|#\s*|-\s*)?"
                         r"(?P<number>[A-Z]{0,3}\d(?:[\d.\- ]?\d){5,}(?:-?[A-Z])?)(?![\w-])", re.IGNORECASE)
    found += [Span(*m.span("number"), "NATIONALITY") for m in numbers.finditer(text)]
    # A nationality noun before its value in prose: "de nacionalidad mexicana", "cittadinanza italiana".
    before = alternation(lexicon.words("nationalities.nouns_before"))
    value = r"[^\W\d_][\w'’-]*"
    prose = re.compile(rf"(?<!\w){before}\s+(?:(?:de|do|da|du|di|della|del)\s+)?{value}"
                       rf"(?:\s+(?:e|y|et|i|ve|dan|at|and|und|ed)\s+{origin}(?!\w))?", re.IGNORECASE)
    found += [Span(*m.span(), "NATIONALITY") for m in prose.finditer(text)]
    found += _reservation_categories(text, lexicon)
    # A demonym as one item of a personal-details line: "Ghanaian · married · born 1987", or
    # joined to another personal item: "é solteiro e brasileiro", "sono sposata e italiana".
    joined = "|".join(rf"(?<=\s{w}\s)" for w in _JOINERS)
    item = re.compile(rf"(?:^|(?<=[|·•,;.—–]\s)|(?<=[|·•,;]){'|' + joined}){origin}"
                      rf"(?=\s*(?:$|[|·•,;.—–!]|\s+(?:{'|'.join(_JOINERS)})\s))",
                      re.MULTILINE | re.IGNORECASE)
    personal = re.compile(r"(?i)\b(?:married|single|divorced|born|birth|age|aged|years\s+old|male|female|children|"
                          r"partner|nationality|citizen|citizenship|passport|anos|años|ans|jahre|"
                          + alternation([*lexicon.words("family.marital"),
                                         *lexicon.words("family.marital_anywhere")])[3:-1]
                          + r"|anni|lat|lata|yaş\w*|tahun|taong|edad|idade|età|wiek|usia|umur)\b")
    for offset, line in _lines(text):
        if personal.search(line):
            found += [Span(offset + m.start(), offset + m.end(), "NATIONALITY") for m in item.finditer(line)
                      if not _in_language_list(line, m.start())]
    return found


_LANGUAGES = re.compile(r"(?i)\b(?:languages?|idiomas?|sprachen|langues?|lingue|języki|diller|bahasa|wika|speaks?|"
                        r"speaking|spoken|fluent|native\s+speaker|mother\s+tongue|muttersprache|língua|lengua)\b")


def _in_language_list(line: str, position: int) -> bool:
    """Whether a demonym at ``position`` is in a list of languages ("Languages: Hindi, English
    and Tamil", "speaks French and Arabic"): a skill, not a nationality."""
    segment = max(line.rfind(mark, 0, position) for mark in (";", "|", "·", "•", ". "))
    return bool(_LANGUAGES.search(line, max(0, segment), position))


#: Words that join two items of a personal statement ("solteiro e brasileiro").
_JOINERS = ("and", "e", "y", "et", "und", "ed", "i", "ve", "dan", "at", "é", "es", "est", "ist", "è", "sou", "soy",
            "sono", "jestem", "bin", "ay", "am", "is")


def _reservation_categories(text: str, lexicon: Lexicon) -> list[Span]:
    """The value of a "Community:"/"Category:" label when it is a reservation category ("BC")."""
    categories = re.compile(alternation(lexicon.words("nationalities.reservation_categories")) + r"(?![\w-])",
                            re.IGNORECASE)
    found = []
    for match in labels(lexicon, "labels.category").finditer(text):
        value = categories.match(match.group("value"))
        if value:
            found.append(Span(match.start("value"), match.start("value") + value.end(), "NATIONALITY"))
    return found


#: The town after a birth phrase: "born 3 May 1990 in Leeds", "nascido em Recife", "lahir di Medan".
_BIRTHPLACE = re.compile(
    r"(?:(?i:\b(?:born|geboren|nascid[oa]|nasceu|nasci|nacid[oa]|nació|nací|nacque|urodzon[ya]|urodził[ay]?|"
    r"urodziłe[mś]|lahir|ipinanganak))|\b(?:[Nn]ée?|[Nn]at[oa])\b)"
    r"(?:[ \t]+[^\s.;]+){0,8}?[ \t]+(?:in|em|en|à|a|w|we|di|sa|am)[ \t]+"
    r"(?P<place>[A-ZÀ-ÖØ-Þİ][\w'’-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w'’-]+)?)")


#: A place of worship named in one German compound ("Gethsemanekirche") or after a Vietnamese or
#: Polish place word ("chùa Quán Sứ", "kościoła Mariackiego").
_NAMED_PLACE_OF_WORSHIP = re.compile(
    r"(?<!\w)[A-ZÄÖÜ][a-zäöüß]+(?:kirche|moschee|synagoge|kapelle)(?:\s+(?-i:[A-ZÄÖÜ][\w-]+))?(?!\w)"
    r"|(?<!\w)(?:chùa|đền|nhà\s+thờ|kościoła|kościół|kościele|cerkwi|cerkiew)(?:\s+(?:św\.\s+)?[A-ZĐÀ-ỸŚŻŹ][\w-]*){1,4}")


def religion(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    for match in labels(lexicon, "labels.religion").finditer(text):
        if match.group("value").strip():
            found.append(Span(*trim(text, *match.span("value")), "RELIGION"))
    practice = re.compile(r"\bpray(?:s|ing)?(?:\s+\w+){0,4}?\s+(?:a|per|each|every)\s+day\b", re.IGNORECASE)
    found += [Span(*m.span(), "RELIGION") for m in practice.finditer(text)]
    found += [Span(*m.span(), "RELIGION") for m in _NAMED_PLACE_OF_WORSHIP.finditer(text)]
    names = _CapitalisedPhrases(text)
    matches = [m for key in ("religion.words", "religion.festivals", "religion.groups")
               for m in compiled(lexicon, key).finditer(text)]
    matches += compiled(lexicon, "religion.groups_exact", case_sensitive=True).finditer(text)
    for match in matches:
        span = _religious_phrase(text, match.start(), match.end(), names, lexicon)
        if span is not None:
            found.append(Span(*span, "RELIGION"))
    places = re.compile(r"(?<!\w)" + alternation(lexicon.words("religion.places")) + r"(?!\w)", re.IGNORECASE)
    for match in places.finditer(text):
        start, end = extend_proper_noun(text, *match.span())
        head = text[start:end]
        if head.split()[0] == "Temple" and not re.search(
                r"(?i)\b(?:hindu|sikh|buddhist|jain|worship)\b", text[max(0, start - 60):end + 60]):
            continue  # "Temple University", "Temple Bar": not a place of worship without context
        found.append(Span(start, end, "RELIGION"))
    return found


_RELIGION_CONNECTORS = frozenset({"of", "for", "the", "and", "&", "in", "de", "del", "la", "ni", "di", "da", "do",
                                  "din", "du", "des", "w", "z", "zu", "von"})
_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")


class _CapitalisedPhrases:
    """The capitalised phrases of a text ("Couples for Christ"), found once, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.spans = [(start, end, words) for start, end, words in phrases(text, _RELIGION_CONNECTORS)]
        self.starts = [start for start, _end, _words in self.spans]

    def around(self, start: int, end: int) -> tuple[int, int, list[str]] | None:
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.spans[index][1] >= end:
            return self.spans[index]
        return None


def _religious_phrase(text: str, start: int, end: int, names: _CapitalisedPhrases,
                      lexicon: Lexicon) -> tuple[int, int] | None:
    """The span a religion word or group stands for: the whole capitalised name it is part of
    ("Couples for Christ", "Catholic Youth") and a following practice word ("Jewish holidays");
    None when it names a field ("Islamic finance"), an employer ("Catholic Health Initiatives")
    or a person ("the Christian Dior account")."""
    if text[end:end + 1] == "-" and text[end + 1:end + 2].islower():
        return None  # "Torah-style versioning": a compound adjective, not a statement
    following = _NEXT_WORD.match(text, end)
    next_word = following.group(1) if following else ""
    if next_word.casefold() in lexicon.folded("religion.fields") and next_word.islower():
        return None
    words_of_groups = lexicon.folded("religion.followers") | lexicon.folded("religion.places") \
        | lexicon.folded("memberships.org_nouns")
    if text[start:end].casefold() in lexicon.folded("religion.first_names") and next_word[:1].isupper() \
            and next_word.casefold() not in words_of_groups:
        return None
    word_end = end
    phrase = names.around(start, end) if text[start:start + 1].isupper() else None
    if phrase is not None and len(phrase[2]) <= 7:
        if any(w.casefold() in lexicon.folded("religion.organisation_words") for w in phrase[2]):
            return None
        begin, words = phrase[0], phrase[2]
        skip = lexicon.folded("religion.not_in_names")
        articles = [i for i, w in enumerate(words) if w in ("the", "a", "an") and text.find(w, begin) < start]
        if articles:  # "Launched the Ramadan offers page": a name does not run back over "the"
            cut = articles[-1]
            for word in words[:cut + 1]:
                begin = text.index(word, begin) + len(word)
            begin += len(text[begin:start]) - len(text[begin:start].lstrip())
            words = words[cut + 1:]
        if words and len(words) > 1 and re.search(r"(?:ed|ing)$", words[0]) and _sentence_start(text, begin):
            begin = text.index(words[0], begin) + len(words[0])  # "Analysed Catholic school data"
            begin += len(text[begin:start]) - len(text[begin:start].lstrip())
            words = words[1:]
        while words and words[0].casefold() in skip and begin < start:
            begin = text.index(words[0], begin) + len(words[0])
            begin += len(text[begin:start]) - len(text[begin:start].lstrip())
            words = words[1:]
        finish = phrase[1]
        while len(words) > 1 and words[-1].casefold() in skip and finish > end:
            finish = text.rindex(words[-1], begin, finish)  # "Ramadan and I": not part of the name
            finish = len(text[:finish].rstrip())
            words = words[:-1]
        start, end = min(start, begin), max(end, finish)
    after = _followers(lexicon).match(text, end) if end == word_end else None  # not after a longer name
    if after:
        end = after.end()
    return start, end


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 4):position].rstrip(" \t*_")
    return not before or before[-1] in "\n.!?:;•-"


@functools.cache
def _followers(lexicon: Lexicon) -> re.Pattern[str]:
    words = [*lexicon.words("religion.followers"), *lexicon.words("memberships.org_nouns")]
    return re.compile(r" " + alternation(words) + r"(?![\w])", re.IGNORECASE)


_LEFT_WORD = re.compile(r"(?:St\.?|Saint|[A-ZÀ-Þ][\w'’.-]*)\s+$")
_RIGHT_OF = re.compile(r"\s+(?:of|de|del|da|do|des|du)\s+(?:the\s+|la\s+)?[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2}")


def extend_proper_noun(text: str, start: int, end: int, limit: int = 5) -> tuple[int, int]:
    """Grow ``start:end`` over up to ``limit`` capitalised words before it and an "of the X Y"
    after it: "church" -> "St Aidan's Church", "Church" -> "Redeemed Christian Church of God"."""
    for _ in range(limit):
        left = _LEFT_WORD.search(text, max(0, start - 40), start)
        if not left or "\n" in left.group():
            break
        start = left.start()
    right = _RIGHT_OF.match(text, end)
    if right:
        end = right.end()  # "Church of God", "the parish of St Mary", "parroquia de San José"
    elif text[start:start + 1].isupper():
        # "Capel Salem", "Gurdwara Sahib Dasmesh Darbar", "Kirchengemeinde St. Martin".
        after = re.match(r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*(?<=\bSt)\.?|[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*){1,4}",
                         text[end:end + 80])
        if after:
            end += len(after.group())
            right = _RIGHT_OF.match(text, end)
            end = right.end() if right else end  # "Igreja Batista da Lagoinha"
    return start, end
