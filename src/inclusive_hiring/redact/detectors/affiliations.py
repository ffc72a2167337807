"""Memberships found by where they stand and what their names hold, not by a list of groups.

Where a membership is said (a line of a memberships, volunteering or activities section, or a
line with a membership cue or role: "member of", "volunteer with", "Board member,", "Anggota")
every organisation named is read against a lexicon of trait words (``wordlists/redact/traits.yml``:
women, LGBT+, Indigenous and ethnic peoples, disability, religions, and the stems of every
demonym in ``nationalities.yml``). A name holding one is replaced by a neutral
``[MEMBERSHIP: ...]``. Outside such lines only a capitalised name of three or more words with a
sex, orientation or Indigenous trait word ("... Women's Leadership Connection ...") goes.
"""

from __future__ import annotations

import functools
import itertools
import re

from .. import sections
from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import fold, trim
from .groups import describe
from .patterns import alternation

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")
_CHUNK = re.compile(r"[^;|·•()\n]+")
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})\.\s+|:\s+|\s+(?:and|und|et|y|e|ve|dan)\s+(?:the\s+|of\s+)?(?=[A-Z])")
_DEMONYM_ENDINGS = ("ians", "ian", "eans", "ean", "ese", "ish", "ans", "an", "i", "ois", "ais", "ien", "ienne",
                    "er", "ers")
_STRONG = ("wom", "femal", "frau", "femme", "mujer", "mulher", "kvinn", "queer", "lgbt", "lesb", "gay", "bisex",
           "transg", "indigen", "aborig", "autochton", "first nations", "inuit", "metis", "alumnae")
_CUE_WORDS = ("member", "membre", "miembro", "membro", "mitglied", "członek", "anggota", "üye", "thành viên",
              "volunteer", "volontär", "vorstand", "bénévole", "voluntári", "voluntari", "volontari",
              "gönüllü", "convenor", "chair", "co-chair", "board", "founder", "president", "secretary",
              "treasurer", "committee", "chapter")


@functools.cache
def _stems(lexicon: Lexicon) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(word-start stems, inside stems, origin endings), folded."""
    stems = {fold(s) for s in lexicon.words("traits.stems") if " " not in s}
    return frozenset(stems), tuple(fold(s) for s in lexicon.words("traits.inside")), \
        tuple(fold(s) for s in lexicon.words("traits.origin_endings"))


@functools.cache
def _demonym_stems(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """(stems of the demonyms, folded country names)."""
    stems: set[str] = set()
    for demonym in lexicon.words("nationalities.demonyms"):
        word = fold(demonym)
        if " " in demonym:
            continue
        for ending in _DEMONYM_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        stems.add(word)
    countries = frozenset(fold(c) for c in lexicon.words("nationalities.countries"))
    return frozenset(stems), countries


def _demonym_word(word: str, lexicon: Lexicon) -> bool:
    """A word of a nationality ("Ukrainian", "Ukraińców", "Algériens"), not a country's name."""
    folded = fold(word)
    stems, countries = _demonym_stems(lexicon)
    if folded in countries or not word[:1].isupper():
        return False
    return folded in stems or any(folded[:n] in stems for n in range(4, len(folded)))


@functools.cache
def _phrases(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(sections.fold_phrase(s) for s in lexicon.words("traits.stems") if " " in s)


def trait_word(word: str, lexicon: Lexicon) -> bool:
    """Whether one word reveals a trait (see the module docstring)."""
    folded = fold(word)
    if len(folded) < 3:
        return False
    stems, inside, endings = _stems(lexicon)
    if word[:1].isupper() and any(folded.endswith(e) and len(folded) > len(e) + 2 for e in endings):
        return True
    if any(s in folded for s in inside):
        return True
    return folded in stems or any(folded[:n] in stems for n in range(4, len(folded)))


def has_trait(phrase: str, lexicon: Lexicon) -> bool:
    """Whether a group's name reveals a trait: a trait word, or a demonym in a name that is not
    a professional or commercial body's."""
    folded = sections.fold_phrase(phrase)
    if any(re.search(r"(?<!\S)" + re.escape(p) + r"(?!\S)", folded) for p in _phrases(lexicon)):
        return True
    words = [w.rstrip(".") for w in _WORD.findall(phrase)]
    if any(trait_word(w, lexicon) for w in words):
        return True
    if any(_starts(fold(w), _religion(lexicon)) for w in words) and not _organisation_word(lexicon).search(phrase):
        return True
    professional = _professional(lexicon)
    if any(fold(w) in professional or (w[:1].isupper() and fold(w).endswith(_OCCUPATION_ENDINGS)) for w in words) \
            or any(p in folded for p in professional if " " in p):
        return False
    return any(_demonym_word(w, lexicon) for w in words)


#: A plural occupation ("Geologists", "Surveyors", "Accountants") makes a name a professional body.
_OCCUPATION_ENDINGS = ("ists", "eers", "ers", "ants", "ents", "icians", "ors")


def _starts(folded: str, stems: frozenset[str]) -> bool:
    return folded in stems or any(folded[:n] in stems for n in range(4, len(folded)))


@functools.cache
def _religion(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(fold(s) for s in lexicon.words("traits.religion_stems"))


@functools.cache
def _organisation_word(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w){alternation(lexicon.words('religion.organisation_words'))}(?!\w)")


@functools.cache
def _professional(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(sections.fold_phrase(w) for w in lexicon.words("traits.professional_words"))


@functools.cache
def _company_suffix(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w){alternation(lexicon.words('names.company_suffixes'))}\.?\s*$")


@functools.cache
def _cue(lexicon: Lexicon) -> re.Pattern[str]:
    words = alternation([*_CUE_WORDS, *lexicon.words("memberships.cues_before")])
    return re.compile(rf"(?i)(?<!\w){words}")


@functools.cache
def _roles(lexicon: Lexicon) -> frozenset[str]:
    return frozenset({fold(w) for w in lexicon.words("memberships.roles")} | {fold(w) for w in _CUE_WORDS}
                     | {"vice", "co", "chair", "convenor", "of", "the", "de", "im", "in", "at", "with", "for", "du",
                        "des", "la", "le", "l", "del", "di", "w", "i", "u", "na", "no", "em", "en", "bei"})


def _organisation(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The organisation in the chunk ``start:end``: from its first capitalised word that is not a
    role or cue to the chunk's end."""
    roles = _roles(lexicon)
    cues = list(_cue(lexicon).finditer(text, start, end))
    if cues:  # the name follows the last cue: "... and am an active member of X network"
        start = cues[-1].end()
    for match in _WORD.finditer(text, start, end):
        word = match.group().rstrip(".")
        elided = re.match(r"[ldLD]['’](?=\w)", word)
        if elided:  # "l'Association des ..."
            word = word[elided.end():]
        if fold(word) in roles or any(fold(word).startswith(fold(c)) for c in _CUE_WORDS):
            continue
        if word[:1].isupper() or (word[:1].isalpha() and not word[:1].islower()):
            begin, stop = trim(text, match.start() + (elided.end() if elided else 0), end, " \t,;:.-–—'’\"")
            return (begin, stop) if begin < stop else None
        return None
    return None


def find(text: str, lexicon: Lexicon) -> list[Span]:
    """Trait-revealing memberships (see the module docstring)."""
    found: list[Span] = []
    cue = _cue(lexicon)
    follows_cue = False
    for line in sections.parse(text, lexicon):
        wrapped, follows_cue = follows_cue, bool(cue.search(line.text[-30:])) if line.text.strip() else False
        if line.heading or not line.text.strip() or line.section in ("experience", "skills", "education"):
            continue
        in_context = line.section == "memberships" or wrapped or bool(cue.search(line.text))
        for chunk in _CHUNK.finditer(line.text):
            pieces = [(chunk.start(), chunk.end())]
            sentence = list(_SENTENCE_END.finditer(line.text, chunk.start(), chunk.end()))
            if sentence:
                cuts = [chunk.start(), *[m.end() for m in sentence], chunk.end()]
                pieces = list(itertools.pairwise(cuts))
            for start, end in pieces:
                piece = line.text[start:end]
                if not has_trait(piece, lexicon):
                    continue
                if in_context and (cue.search(piece) or line.section == "memberships" or (wrapped and start == 0)):
                    span = _organisation(line.text, start, end, lexicon)
                    if span and len(line.text[span[0]:span[1]].split()) <= 10 \
                            and not _company_suffix(lexicon).search(line.text[span[0]:span[1]]):
                        name = line.text[span[0]:span[1]]
                        found.append(Span(line.start + span[0], line.start + span[1], "MEMBERSHIP",
                                          f"MEMBERSHIP: {describe(name, lexicon)}"))
                        continue
                found += _strong_names(line.text, line.start, start, end, lexicon)
    return found


#: a run of capitalised words on one line, with the small words of names between them
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*(?:[ \t]+(?:of|in|for|and|&|the|de|des|du)[ \t]+|[ \t]+)){2,}"
                              r"[A-Z][\w'’-]*")


def _strong_names(line: str, offset: int, start: int, end: int, lexicon: Lexicon) -> list[Span]:
    """Capitalised names of 3+ words with a sex, orientation or Indigenous word, anywhere."""
    out = []
    for match in _CAPITALISED_RUN.finditer(line, start, end):
        words = [fold(w) for w in _WORD.findall(match.group())]
        if any(w.startswith(s) for w in words for s in _STRONG) and has_trait(match.group(), lexicon) \
                and not _company_suffix(lexicon).search(match.group()) \
                and not _organisation_word(lexicon).search(match.group()):  # "Women's Health Unit"
            out.append(Span(offset + match.start(), offset + match.end(), "MEMBERSHIP",
                            f"MEMBERSHIP: {describe(match.group(), lexicon)}"))
    return out


_FIRST_PERSON = re.compile(r"(?i)(?:\bI\s+am|\bI'm|\bidentify\s+as|\bfrom\s+an?|\bmember\s+of\s+the|\bas\s+an?|"
                           r"\bproud|\bI\s+belong\s+to)\s+(?:an?\s+|the\s+)?$")
_PEOPLE = re.compile(r"(?i)[ \t]+(?:community|people|nation|descent|heritage|background|origin|tribe|clan)\b")
_CAPITALISED_WORDS = re.compile(r"[^\W\d_a-z][\w'’-]*(?:[ \t]+[^\W\d_a-z][\w'’-]*){0,3}(?:[ \t]*\([^()\n]{2,30}\))?")


def origin_statements(text: str, lexicon: Lexicon) -> list[Span]:
    """An ethnic, Indigenous or national origin said of oneself: "I am Métis (Red River)", "from a
    Tharu community", "member of the Haida Nation" -> [NATIONALITY]."""
    found = []
    for match in _CAPITALISED_WORDS.finditer(text):
        words = _WORD.findall(re.sub(r"\([^()]*\)", " ", match.group()))
        people = {"community", "people", "nation", "nations", "descent", "heritage", "tribe", "clan", "first"}
        # Every word names the origin ("Métis", "Huron-Wendat Nation"); "British Computer Society" is a body.
        if not words or not all(trait_word(w, lexicon) or _demonym_word(w, lexicon) or fold(w) in people
                                for w in words):
            continue
        if any(fold(w).startswith(s) for w in words for s in _STRONG[:8]):
            continue  # sex and orientation are not origin
        before = text[max(0, match.start() - 40):match.start()]
        if "\n\n" in before:  # a paragraph break: only this paragraph's words
            before = before.rsplit("\n\n", 1)[1]
        if not _FIRST_PERSON.search(before.replace("\n", " ")):
            continue
        end = match.end()
        people = _PEOPLE.match(text, end)
        if people:
            end = people.end()
        found.append(Span(match.start(), end, "NATIONALITY"))
    return found
