"""The candidate's name: where it is stated, then every recurrence.

Sources, in order: the first line (or the first line after "Curriculum Vitae", "Application
..."), a "Name:"/"Candidate:" label, the line after a closing ("Kind regards,"), "my name is",
a name after an honorific, PERSON entities from an optional spaCy model, and the parts of an
e-mail's local part that are capitalised words elsewhere in the text. Every later capitalised
occurrence of one of those words is the name too ("Zoë's", "Mr Johnson", "De Vries", the
signature), compared by :func:`~..textutil.fold` so NFC, NFD, "Müller"/"Mueller" all match.
Lower-case occurrences never are: "grace period", "rose by 20%". A first name that is also an
everyday word ("Hope", "Rose") at the start of a sentence counts only when a verb, "'s" or
another part of the name follows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import WORD, fold, fold_variants, is_capitalised, lines, segments
from .contact import EMAIL
from .patterns import alternation, answers, labels

_CLOSING = re.compile(
    r"(?im)^\s*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm|warmest|with\s+best)\s+regards|regards|"
    r"sincerely|respectfully|best\s+wishes|many\s+thanks|thank\s+you|thanks|cheers|best|cordially|with\s+thanks|"
    r"atenciosamente|cordialmente|mit\s+freundlichen\s+grüßen|cordialement|met\s+vriendelijke\s+groet|"
    r"(?:declaration|i\s+hereby\s+(?:declare|certify)|i\s+certify)\b.*)"
    r"[,.!]?\s*$")
_MY_NAME = re.compile(r"(?i:my\s+name\s+is|I\s+am\s+called|this\s+is)\s+((?:[A-ZÀ-Þ][\w'’-]+\s?){1,4})")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class NameForms:
    """What the detector learned: folded name words, and the spans where a name was stated."""

    words: frozenset[str]
    stated: tuple[Span, ...]


def _clean_segment(segment: str) -> str:
    return re.sub(r"^[\s#*>\-•]+|[\s*]+$", "", segment)


def name_tokens(segment: str, lexicon: Lexicon, *, minimum: int = 2) -> list[re.Match[str]] | None:
    """The words of ``segment`` if it reads as a personal name, else None."""
    if re.search(r"[\d@/]", segment) or len(segment) > 70:
        return None
    honorifics = set(lexicon.words("honorifics.terms"))
    post = {p.casefold() for p in lexicon.words("names.post_nominals")}
    particles = lexicon.folded("names.particles")
    stop = lexicon.folded("names.not_name_words")
    words = list(WORD.finditer(segment))
    while words and (words[0].group().rstrip(".") in honorifics or words[0].group() in ("Dr", "Prof", "Professor")):
        words = words[1:]
    while len(words) > 1 and words[-1].group().casefold().rstrip(".") in post:
        words = words[:-1]
    if not minimum <= len(words) <= 6:
        return None
    rest = re.sub(WORD.pattern, "", segment)
    if re.search(r"[^\s.,'’()\-–—*#\"“”]", rest):
        return None
    for word in words:
        text = word.group()
        if text.casefold() in stop:
            return None
        if not is_capitalised(text) and text.casefold() not in particles:
            return None
    if all(w.group().casefold() in particles for w in words):
        return None
    return words


def _in_emails(words: list[re.Match[str]], emails: list[str]) -> bool:
    """Whether a part of the candidate name shows in an e-mail's local part ("sophie.wagner")."""
    keys = {key for word in words for key in fold_variants(word.group()) if len(key) >= 3}
    return any(key in local for key in keys for local in emails)


@functools.cache
def _folded_skip(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.words("names.not_name_lines"))


@functools.cache
def _label_line(lexicon: Lexicon) -> re.Pattern[str]:
    every = alternation(w for key, words in lexicon.lists.items() if key.startswith("labels.") for w in words)
    return re.compile(rf"{every}(?:\s*/?\s*{every})?\s*[:：]?", re.IGNORECASE)


def _is_label(segment: str, lexicon: Lexicon) -> bool:
    return _label_line(lexicon).fullmatch(segment) is not None


def _pieces(value: str, lexicon: Lexicon) -> list[tuple[int, re.Match[str]]]:
    """The name words of a value that may give the name twice, in brackets or after a slash
    ("Sato Haruka (佐藤 春香)", "Olena / Олена"); a bracketed honorific is dropped ("(Ms)")."""
    whole = name_tokens(value, lexicon, minimum=1)
    if whole and not re.search(r"[(/]", value):
        return [(0, w) for w in whole]
    found = []
    for piece in re.finditer(r"[^()/|]+", value):
        words = name_tokens(piece.group(), lexicon, minimum=1)
        honorific = words and len(words) == 1 and words[0].group() in lexicon.words("honorifics.terms")
        if words and not honorific:
            found += [(piece.start(), w) for w in words]
    return found


def _first_lines(text: str, lexicon: Lexicon) -> Iterable[tuple[int, re.Match[str]]]:
    skip = lexicon.folded("names.not_name_lines")
    emails = [m.group().split("@")[0].casefold() for m in EMAIL.finditer(text)]
    checked = 0
    for offset, line in lines(text):
        if not line.strip():
            continue
        if re.fullmatch(r"[\s\[\]A-Z:]*\[[A-Z]+\][\s\[\]A-Z:]*", line):
            continue  # a [PHOTO] paragraph
        contact_line = "@" in line or re.search(r"\d{3}", line) is not None
        checked += 1
        if checked > 3:
            return
        skipped_only = True
        if " / " in line and all(fold(_clean_segment(p)) in _folded_skip(lexicon) for p in line.split(" / ")):
            continue  # "ÖZGEÇMİŞ / CV": a document title in two languages
        for seg_offset, segment in segments(re.sub(r"\s(?:[–—-]|/)\s", "  |  ", line)):
            cleaned = _clean_segment(segment)
            if cleaned.casefold().rstrip(":") in skip or cleaned.casefold().startswith(("application", "curriculum")):
                continue
            if _is_label(cleaned, lexicon):
                skipped_only = False
                continue  # "| 氏名 Name | ...": a form label, its value comes next
            skipped_only = False
            found = name_tokens(segment, lexicon)
            if found and contact_line and emails and not _in_emails(found, emails):
                continue  # "UX Researcherin · street · phone": a title on a contact line, not the name
            if found:
                for word in found:
                    yield offset + seg_offset, word
                # The same name in another script on the line: "Oleksandr Kovalenko / Олександр Коваленко".
                for piece_offset, piece in _pieces(line[seg_offset + len(segment):], lexicon):
                    yield offset + seg_offset + len(segment) + piece_offset, piece
                return
        if not skipped_only and not contact_line:
            return


def _stated(text: str, lexicon: Lexicon) -> list[tuple[int, re.Match[str]]]:
    found = list(_first_lines(text, lexicon))
    for pattern in (labels(lexicon, "labels.name"), answers(lexicon, "labels.name")):
        for match in pattern.finditer(text):
            found += [(match.start("value") + o, w) for o, w in _pieces(match.group("value"), lexicon)]
    all_lines = list(lines(text))
    for index, (_, line) in enumerate(all_lines):
        if not _CLOSING.match(line):
            continue
        following = [(o, ln) for o, ln in all_lines[index + 1:index + 4] if ln.strip()]
        if following:
            offset, candidate = following[0]
            candidate = re.sub(r"\s*\([^)]*\)\s*$", "", candidate)
            words = name_tokens(candidate, lexicon, minimum=1)
            found += [(offset, w) for w in words or ()]
    for match in _MY_NAME.finditer(text):
        words = name_tokens(match.group(1), lexicon, minimum=1)
        found += [(match.start(1), w) for w in words or ()]
    honorific = re.compile(r"(?<![\w.])" + alternation(lexicon.words("honorifics.terms"))
                           + r"\.?\s+((?:[A-ZÀ-Þ][\w'’-]+)(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})")
    for match in honorific.finditer(text):
        if _is_label(match.group(1).split()[0], lexicon):
            continue  # "Father Name:" is a label, not a father called Name
        words = name_tokens(match.group(1), lexicon, minimum=1)
        found += [(match.start(1), w) for w in words or ()]
    return found


def learn(text: str, lexicon: Lexicon, extra: Iterable[str] = ()) -> NameForms:
    """The candidate's name words, from where the text states them (and ``extra`` names, e.g.
    from an NER model)."""
    particles = lexicon.folded("names.particles")
    words: set[str] = set()
    stated: list[Span] = []

    def add(word: str) -> None:
        base = _POSSESSIVE.sub("", word) if word.endswith(("'s", "’s")) else word
        for part in [base, *re.split(r"[-'’]", base)]:
            if len(fold(part)) >= 2 and part.casefold() not in particles:
                words.update(fold_variants(part))

    for offset, match in _stated(text, lexicon):
        add(match.group())
        stated.append(Span(offset + match.start(), offset + match.end(), "NAME"))
    for name in extra:
        for match in WORD.finditer(name):
            add(match.group())
    # Parts of an e-mail's local part that are capitalised words of the text: "zoe.mueller".
    capitalised = {}
    for match in WORD.finditer(text):
        if is_capitalised(match.group()):
            for key in fold_variants(match.group()):
                capitalised.setdefault(key, match.group())
    forms: dict[str, set[str]] | None = None
    for email in EMAIL.finditer(text):
        local = email.group().split("@")[0].removeprefix("mailto:")
        parts = [p for p in re.split(r"[._\-+\d]+", local) if p]
        beside_name = bool(stated) and any(fold_variants(p) & words for p in parts)
        for part in parts:
            if beside_name:
                forms = forms if forms is not None else _written_forms(text)
            if beside_name and forms is not None and _is_tag(part, forms):
                continue  # "jiwon.kim.design", "joseph.fernandes.hse": a tag beside the stated name
            if len(part) >= 3 and part.casefold() in capitalised and part.casefold() not in {"info", "contact", "jobs"}:
                add(capitalised[part.casefold()])
    return NameForms(frozenset(words), tuple(stated))


def _written_forms(text: str) -> dict[str, set[str]]:
    """How each word of ``text`` is written (folded to lower case -> forms), outside e-mail
    addresses, URLs and domains."""
    forms: dict[str, set[str]] = {}
    for match in re.finditer(r"(?<![\w@./])\w+(?![\w@/]|\.\w)", text):
        forms.setdefault(match.group().casefold(), set()).add(match.group())
    return forms


def _is_tag(part: str, forms: dict[str, set[str]]) -> bool:
    """Whether an e-mail part is an ordinary word or an acronym of the text, not a nickname:
    it occurs in lower case as a word, or only as a short all-caps word ("HSE")."""
    written = forms.get(part.casefold(), set())
    return any(w.islower() for w in written) or (bool(written) and all(w.isupper() and len(w) <= 4 for w in written))


def find(text: str, lexicon: Lexicon, extra: Iterable[str] = ()) -> list[Span]:
    forms = learn(text, lexicon, extra)
    if not forms.words:
        return []
    common = lexicon.folded("names.common_words")
    verbs = lexicon.folded("names.name_verbs")
    particles = lexicon.folded("names.particles")
    suffixes = lexicon.folded("names.company_suffixes")
    tokens = list(WORD.finditer(text))
    hits: list[tuple[int, int]] = []
    stated = {(s.start, s.end) for s in forms.stated}
    for index, match in enumerate(tokens):
        word = match.group()
        start, end = match.span()
        if word.endswith(("'s", "’s")):
            word, end = word[:-2], end - 2
        parts = [word, *re.split(r"[-'’]", word)] if re.search(r"[-'’]", word) else [word]
        if not is_capitalised(word) or not any(fold_variants(p) & forms.words for p in parts if len(p) > 1):
            continue
        if (start, match.end()) not in stated and _in_company_name(text, tokens, index, forms.words, suffixes):
            continue  # "Hassan Allam Holding": an employer that carries a name word
        if fold(word) in common and (start, match.end()) not in stated:
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            before = text[max(0, start - 200):start].rstrip(" \t*_\"“‘'(")
            sentence_start = not before or before[-1] in ".!?:\n#>-•"
            name_follows = after is not None and text[end:after.start()].strip() == "" and \
                bool(fold_variants(after.group()) & forms.words)
            previous = tokens[index - 1].group() if index > 0 else ""
            name_precedes = index > 0 and text[tokens[index - 1].end():start].strip() == "" and \
                bool(fold_variants(previous) & forms.words) and is_capitalised(previous)
            verb_follows = after is not None and after.group().islower() and (
                after.group() in verbs or re.search(r"(?:[^s]s|ed)$", after.group()) is not None)
            possessive = match.group().endswith(("'s", "’s"))
            if sentence_start and not (name_follows or verb_follows or possessive):
                continue
            if not sentence_start and not (name_follows or name_precedes or possessive or verb_follows
                                           or text[end:end + 1] in ",.;:)\n"):
                continue
        hits.append((start, end))
    return _join(text, hits, particles)


def _in_company_name(text: str, tokens: list[re.Match[str]], index: int, name_words: frozenset[str],
                     suffixes: frozenset[str]) -> bool:
    """Whether token ``index`` opens a company's name: one or two capitalised words that are no
    part of the name, then a company word ("Holding", "Group", "Ltd"), on the same line."""
    for step in range(1, 4):
        if index + step >= len(tokens):
            return False
        token = tokens[index + step]
        gap = text[tokens[index + step - 1].end():token.start()]
        if gap.strip(" \t&") or not is_capitalised(token.group()):
            return False
        if fold(token.group()) in suffixes:
            return step > 1
        if fold_variants(token.group()) & name_words:
            return False
    return False


def _join(text: str, hits: list[tuple[int, int]], particles: frozenset[str]) -> list[Span]:
    """One span per written name: neighbouring words joined over spaces, initials ("D.") and
    particles ("de", "da"); a particle or initial right before the name is taken in."""
    joiner = re.compile(r"(?:\s+|\s*(?:\b[A-Z]\.\s*)+|\s+(?:" + "|".join(map(re.escape, sorted(particles)))
                        + r")(?:\s+(?:" + "|".join(map(re.escape, sorted(particles))) + r"))*\s+|-)", re.IGNORECASE)
    spans: list[list[int]] = []
    for start, end in sorted(hits):
        if spans and joiner.fullmatch(text, spans[-1][1], start) and "\n" not in text[spans[-1][1]:start]:
            spans[-1][1] = end
            continue
        lead = re.search(r"(?:\b(?:[A-Z]\.|" + "|".join(map(re.escape, sorted(particles)))
                         + r")\s+)+$", text[max(0, start - 30):start], re.IGNORECASE)
        before = text[max(0, start - 30):start - len(lead.group())] if lead else ""
        if lead and lead.group()[:1].isupper() and not re.search(r"(?:^|\s)[a-z]+[ \t]*$", before):
            start -= len(lead.group())
        spans.append([start, end])
    return [Span(s, e, "NAME") for s, e in spans]
