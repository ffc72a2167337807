"""Tokens and sentences of the normalised text, with offsets into it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

#: Numbers (with an ordinal or decade suffix), words (with inner apostrophes) or one symbol.
_TOKEN_RE = re.compile(r"\d+(?:st|nd|rd|th|s)?(?![^\W\d_])|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")
_CLITICS = ("n't", "'s", "'re", "'ll", "'d", "'m", "'ve")
_NEGATED_BASES = {"ca": "can", "wo": "will", "sha": "shall"}
#: A sentence ends at . ! ? ; followed by space, except after a single capital letter ("U.S.")
#: or a common abbreviation.
_SENTENCE_END_RE = re.compile(r"[.!?;]+[\"')\]]*\s+")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "etc", "e.g", "i.e", "vs", "approx",
                            "min", "max", "yrs", "yr", "inc", "ltd", "co", "jr", "sr", "dept", "nos"})


@dataclass
class Token:
    """One token: its span in the normalised text, its folded lower-case text and its tags."""

    start: int
    end: int
    text: str
    raw: str
    tags: set[str] = field(default_factory=set)

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()


def fold(text: str) -> str:
    """Lower case; NFKC for non-ASCII text so that styled letters ("𝐆𝐄𝐍𝐃𝐄𝐑") read as plain ones;
    curly apostrophes become straight."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return text.lower()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are ``offset`` plus the position in ``text``. Clitics are split
    off ("needn't" -> need n't, "women's" -> women 's) the way spaCy splits them."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        low = raw.lower() if raw.isascii() else fold(raw)
        start = m.start() + offset
        # every clitic holds an apostrophe (a curly one is folded to "'"): most tokens hold none
        for clitic in _CLITICS if "'" in low else ():
            if len(low) > len(clitic) and low.endswith(clitic):
                cut = len(raw) - len(clitic)
                base = low[:cut]
                out.append(Token(start, start + cut, _NEGATED_BASES.get(base, base) if clitic == "n't"
                                 else base, raw[:cut]))
                out.append(Token(start + cut, start + len(raw), clitic, raw[cut:]))
                break
        else:
            out.append(Token(start, start + len(raw), low, raw))
    return out


def token_texts(text: str) -> list[str]:
    """The folded texts of ``tokenize(text)``, faster (for the lexicon's phrases)."""
    out: list[str] = []
    for raw in _TOKEN_RE.findall(fold(text)):
        for clitic in _CLITICS:
            if len(raw) > len(clitic) and raw.endswith(clitic):
                base = raw[:-len(clitic)]
                out += [_NEGATED_BASES.get(base, base) if clitic == "n't" else base, clitic]
                break
        else:
            out.append(raw)
    return out


def sentences(line: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one line of normalised text."""
    bounds: list[tuple[int, int]] = []
    begin = 0
    for m in _SENTENCE_END_RE.finditer(line):
        stop = m.start()
        word_start = stop
        while word_start > 0 and (line[word_start - 1].isalpha() or line[word_start - 1] == "."):
            word_start -= 1
        word = line[word_start:stop].lower()
        if line[stop] == "." and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                                  or ("." in word and len(word) <= 4)):
            continue
        nxt = line[m.end():m.end() + 1]
        if line[stop] == "." and nxt.islower():
            continue
        bounds.append((offset + begin, offset + m.end()))
        begin = m.end()
    if begin < len(line):
        bounds.append((offset + begin, offset + len(line)))
    return [(s, e) for s, e in bounds if line[s - offset:e - offset].strip()]


def mostly_capitalised(words: list[Token]) -> bool:
    """Whether a sentence's ``words`` are a headline (more than two, over 60% capitalised), where
    capitals say little about names."""
    return len(words) > 2 and sum(1 for t in words if t.capitalised) * 10 > len(words) * 6


def capitalised_run(tokens: list[Token], start: int, end: int, joins: frozenset[str]) -> tuple[int, int]:
    """``tokens[start:end]`` widened to its run of capitalised words, across a ``joins`` word
    ("of", "&"...) that stands between two capitalised ones: (lo, hi)."""
    lo, hi = start, end
    while lo > 0 and (tokens[lo - 1].capitalised or
                      (tokens[lo - 1].text in joins and lo > 1 and tokens[lo - 2].capitalised)):
        lo -= 1
    while hi < len(tokens) and (tokens[hi].capitalised or
                                (tokens[hi].text in joins and hi + 1 < len(tokens) and tokens[hi + 1].capitalised)):
        hi += 1
    return lo, hi
