"""Wording-rule words that describe nobody: inside a name or product, or quoted as a word.

A hype title, gendered title or coded trait (the wording categories of wordlists/frames/wording.yml)
is not about the hire when it is part of the name of an organisation, product, award or work
("Delivery Hero Group", "the Guru app", "Foreman Construction Ltd"), or when a quotation mentions
it as a word ("text the word "SUPERSTAR" to ..."). Called by the referent step (``policy.py``) for
the hits of those categories only; see docs/detection.md, "Wording in names and quotations".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..yamlio import DataError, load_yaml_file
from .lexicon import Lexicon, frames_dir
from .tokens import Token, capitalised_run, mostly_capitalised, sentences, tokenize

#: Quotation marks: (opening, closing). Straight quotes open and close alike; a straight single
#: quote between two letters is an apostrophe ("don't") and is blanked first.
_QUOTES = (('"', '"'), ("'", "'"), ("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"))
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
#: How far (characters) a quotation may reach around the word, and how many words it may hold.
_QUOTE_REACH = 80
_QUOTE_WORDS = 8
#: How far (characters) around the word the sentence is looked for.
_WINDOW = 400


@dataclass(frozen=True)
class WordingData:
    categories: frozenset[str]
    name_nouns: frozenset[str]
    mention_cues: frozenset[str]
    honorifics: frozenset[str]
    name_fields: frozenset[str]
    dropped_t: frozenset[str]
    colleague_cues: frozenset[str]
    slogan_cues: frozenset[str]


@functools.cache
def wording_data() -> WordingData:
    """The data of wordlists/frames/wording.yml, loaded once per process."""
    path = frames_dir() / "wording.yml"
    raw = load_yaml_file(path)
    out = {}
    for key in ("categories", "name_nouns", "mention_cues", "honorifics", "name_fields",
                "dropped_t", "colleague_cues", "slogan_cues"):
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(path, raw.line_of(key) if key in raw else None, f"'{key}' must be a list of words")
        out[key] = frozenset(v.lower() for v in value)
    return WordingData(**out)


def not_used(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the word at ``text[start:end]`` (normalised text) is quoted as a word or is part of a
    name: then it describes nobody."""
    data = wording_data()
    # Only the text around the word is read (a scraped posting can be one line of a megabyte).
    newline = text.rfind("\n", max(0, start - _WINDOW), start)
    line_start = newline + 1 if newline >= 0 else max(0, start - _WINDOW)
    line_end = text.find("\n", end, end + _WINDOW)
    line = text[line_start:min(len(text), end + _WINDOW) if line_end < 0 else line_end]
    if mentioned(line, start - line_start, end - line_start, data.mention_cues):
        return True
    if in_name_field(line[:start - line_start], data.name_fields):
        return True
    if named_in_apposition(line, start - line_start, end - line_start, data.slogan_cues):
        return True
    if text[start:end] in data.dropped_t and _DROPPED_T.match(text, end) \
            and _SENTENCE_START.search(text[max(0, start - 3):start] if start else "\n"):
        return True  # "he Program Associate will...": "The" with its T lost in scraping
    if not text[start:start + 1].isupper():
        return False
    bound = next(((s, e) for s, e in sentences(line, line_start) if s <= start < e), None)
    if bound is None:
        return False
    tokens = tokenize(text[bound[0]:bound[1]], bound[0])
    return in_name(tokens, start, end, lexicon, data.name_nouns, data.honorifics) \
        or colleague_title(tokens, start, data.colleague_cues)


#: A field key at the start of a line ("Place: ", "- Company – "), and a sentence end after it.
_FIELD = re.compile(r"[^\w]*([^\W\d_][\w .'&/]{1,28}?)\s*[:：–—-]\s")
#: A capitalised word next ("he Program Associate"), and a sentence start before ("... . he").
_DROPPED_T = re.compile(r" [A-Z][a-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:—–]\s*|\n\s*)$")
_SENTENCE_END = re.compile(r"[.;!?]\s")


def in_name_field(head: str, fields: frozenset[str]) -> bool:
    """Whether the text before the word (``head``, from the line start) is a field key that holds a
    name ("Place: Badass", "Company: Rockstar Games", "Advertiser: ..."), with no sentence end since."""
    found = _FIELD.match(head)
    return bool(found) and found.group(1).strip().lower() in fields \
        and not _SENTENCE_END.search(head, found.end())


#: A personal name of two or three capitalised words.
_NAME = r"[A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2}"
_NAME_AFTER = re.compile(rf",? ({_NAME})(?:,| \(| has| is| was| who| will| leads| founded| runs)")
_NAME_BEFORE = re.compile(rf"({_NAME}), (?:our|the|their|its|your)(?: [a-z]+)?[ -]?$")
_HONORIFIC_AFTER = re.compile(r",? (?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Hon|Rev|Cllr|Eng|Capt)\.? [A-Z]")
_DEFINITE = re.compile(r"\b(?:[Oo]ur|[Tt]he|[Tt]heir|[Ii]ts|[Yy]our|[Ff]ormer|[Cc]urrent)(?: [a-z'’]+){0,3}[ -]?$")
#: Words a Title Case title leaves in lower case.
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "for", "and", "or", "to", "at", "by", "with", "from"})
_TITLE_QUOTE = re.compile(r"[\"“«„‘']([^\"”»“’']{3,80})[\"”»“’']")


def named_in_apposition(line: str, start: int, end: int, slogan_cues: frozenset[str]) -> bool:
    """Whether line[start:end] names the office or job of a named person ("our chairman, Ravi Shah,
    founded...", "Maria Lopez, our saleswoman, ..."), or sits in a quoted title of a work in Title
    Case ("The Greatest Salesman in the World"), which a slogan cue does not introduce."""
    if _HONORIFIC_AFTER.match(line, end):
        return True  # "our chairman Mr Otieno", "the foreman, Mrs Achieng"
    if _NAME_AFTER.match(line, end) and _DEFINITE.search(line[max(0, start - 40):start]):
        return True  # "our chairman, Ravi Shah," (not "a salesman, North London")
    if _NAME_BEFORE.search(line[max(0, start - 60):start]):
        return True
    for quote in _TITLE_QUOTE.finditer(line, max(0, start - 80), min(len(line), end + 80)):
        if not quote.start(1) <= start < quote.end(1):
            continue
        words = [w for w in quote.group(1).split() if w.lower() not in _SMALL_WORDS]
        capitals = sum(1 for w in words if w[:1].isupper())
        lead = {w.strip(".,:;").lower() for w in line[max(0, quote.start() - 30):quote.start()].split()[-3:]}
        return len(words) >= 3 and capitals * 3 >= len(words) * 2 and not lead & slogan_cues
    return False


def mentioned(line: str, start: int, end: int, cues: frozenset[str]) -> bool:
    """Whether line[start:end] sits in a short quotation that a mention cue introduces."""
    line = _APOSTROPHE.sub(" ", line)
    for opening, closing in _QUOTES:
        before = line[max(0, start - _QUOTE_REACH):start]
        if opening == closing:
            if before.count(opening) % 2 == 0:
                continue
            open_at = before.rfind(opening)
        else:
            open_at = before.rfind(opening)
            if open_at < 0 or before.rfind(closing) > open_at:
                continue
        close_at = line.find(closing, end, end + _QUOTE_REACH)
        if close_at < 0:
            continue
        quote_start = max(0, start - _QUOTE_REACH) + open_at
        if len(line[quote_start + 1:close_at].split()) > _QUOTE_WORDS:
            continue
        lead = [t.text for t in tokenize(line[max(0, quote_start - 40):quote_start]) if t.is_word][-3:]
        if cues.intersection(lead):
            return True
    return False


def in_name(tokens: list[Token], start: int, end: int, lexicon: Lexicon, nouns: frozenset[str],
            honorifics: frozenset[str] = frozenset()) -> bool:
    """Whether the capitalised word at [start, end) is part of a name: its run of capitalised words
    (joined by "of", "&", "'s"...) holds a name word or name noun ("Delivery Hero Group"), or, when
    the word does not start the sentence alone, a name noun follows within two words ("the Guru app",
    "Sexy Fish restaurant"),
    or one comes right before the run ("our app, Crush It"), or an honorific starts it ("Mr Foreman").
    In sentences mostly in capitals or Title Case, where capitals say little, only a name word
    right after the word counts ("Customer Success Hero Award")."""
    inside = [k for k, t in enumerate(tokens) if t.start < end and t.end > start]
    if not inside:
        return False
    suffixes = lexicon.name_suffixes | nouns
    if mostly_capitalised([t for t in tokens if t.is_word]):
        # a headline: only a name word right after the word ("Customer Success Hero Award")
        nxt = inside[-1] + 1
        return nxt < len(tokens) and tokens[nxt].capitalised and tokens[nxt].text in suffixes
    lo, hi = capitalised_run(tokens, inside[0], inside[-1] + 1, lexicon.connectors | {"'s", "-"})
    run = [tokens[k].text for k in range(lo, hi) if tokens[k].capitalised and k not in inside]
    if any(word in suffixes for word in run):
        return True
    if (tokens[lo].text in honorifics and lo < inside[0]) or \
            (lo >= 2 and tokens[lo - 1].text == "." and tokens[lo - 2].text in honorifics):
        return True  # "Mr Foreman", "Dr. Foreman"
    before = [t.text for t in tokens[max(0, lo - 2):lo] if t.text != ","][-1:]
    if before and before[0] in suffixes:
        return True  # "our app, Crush It"
    if not any(t.is_word for t in tokens[:inside[0]]) and sum(t.capitalised for t in tokens[lo:hi]) < 2:
        return False  # the sentence's first word alone: capitalised anyway
    after = [t.text for t in tokens[hi:hi + 2] if t.is_word]
    return any(word in nouns for word in after)


#: What may stand between a colleague cue and a title in a list of titles ("works with the Academic
#: Director, Batch Gurus and the Marketing Team").
_LIST_GLUE = frozenset({",", "and", "&", "the", "our", "its", "their", "/", "-", "of", "for", "s"})


def colleague_title(tokens: list[Token], start: int, cues: frozenset[str]) -> bool:
    """Whether the capitalised word at ``start`` is a title in a list of colleagues' titles that a
    ``colleague_cues`` phrase introduces ("collaborates with the Academic Director, Batch Gurus and
    the Marketing Team", "reports to the Chief Growth Hacker"): the title of someone else."""
    at = next((k for k, t in enumerate(tokens) if t.end > start), None)
    if at is None:
        return False
    k = at - 1
    while k >= 0 and tokens[k].text not in (".", ";", ":") and (tokens[k].capitalised or tokens[k].text in _LIST_GLUE):
        k -= 1
    if k < 0 or k == at - 1:
        return False
    lead = [t.text for t in tokens[max(0, k - 2):k + 1]]
    return any(" ".join(lead[n:]) in cues for n in range(len(lead)))
