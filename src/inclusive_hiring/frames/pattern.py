"""Compile the frame language (wordlists/frames/frames.yml) to regular expressions.

A sentence is encoded as one string, a token at a time: ``\\x01text\\x02 TAG TAG \\x03``. A literal
matches a token's text, a class matches a tag; a phrase of several tokens tags its first token
``C`` and the others ``C+``, and the class matches them all. So a frame written once is one regular
expression, run with ``re.search`` on the encoded sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..yamlio import DataError
from .tokens import token_texts

_ANY = "\x01[^\x03]*\x03"
#: Marks of the start and end of a sentence in an encoded window.
START = "\x04"
END = "\x05"
_GROUP_TOKENS = re.compile(r"\(|\)[?*+]?(?:\{\d+,\d+\})?|[^\s()]+")
_REPEAT = re.compile(r"(.*?)([?*+]|\{\d+,\d+\})?$")
#: Built-in token kinds (set by the tagger) besides the lexicon's classes.
KINDS = frozenset({"NUM", "NUMBER", "YEAR", "DEC", "PUNCT", "WORD", "ANY", "X"})


def tag_re(tag: str) -> str:
    """A token carrying ``tag`` (and the rest of its phrase)."""
    t = re.escape(tag)
    return f"(?:\x01[^\x02]*\x02[^\x03]* {t} [^\x03]*\x03(?:\x01[^\x02]*\x02[^\x03]* {t}\\+ [^\x03]*\x03)*)"


def word_re(word: str) -> str:
    return f"(?:\x01{re.escape(word)}\x02[^\x03]*\x03)"


def _trait_group() -> str:
    """X: determiner, trait words joined by conjunctions, and a head noun or a clause end."""
    trait = f"(?:{tag_re('TA')}|{tag_re('TN')})"
    head = f"(?:{tag_re('JOB')}|{tag_re('HIRE')}|{tag_re('PERSON')}){{1,2}}"
    plain = f"(?:{tag_re('WORD')}{tag_re('CONJ')}?)"
    end = f"(?=\x01[^\x02]*\x02[^\x03]* (?:FOLLOW|PUNCT) [^\x03]*\x03|{END})"
    det = f"(?:{tag_re('DET')})?"
    lead = f"(?:{trait}{tag_re('CONJ')}?)*"
    noun = f"{tag_re('TN')}(?:{head})?"
    adj = f"{tag_re('TA')}(?:{plain}{{0,2}}{head}|{end})"
    with_ = f"{head}(?:{word_re('with')}|{word_re('having')}){det}{trait}"
    return f"(?:{det}{lead}(?:{adj}|{noun})|{with_})"


@dataclass(frozen=True)
class Frame:
    id: str
    strength: str
    polarity: str
    regexes: tuple[Compiled, ...]
    family: str | None = None
    trait_class: str | None = None
    check: str | None = None
    not_after: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    max_tokens: int = 0
    #: the severity of a frame without X (``severity: warning``); else the trait classes decide
    severity: str = ""


def _atom(atom: str, classes: set[str], where: str) -> str:
    if atom in ("^", "$"):  # the window's start and end markers, present at the sentence's ends
        return START if atom == "^" else END
    if atom == "X":
        return _trait_group()
    if atom == "ANY":
        return _ANY
    options = atom.split("|") if atom != "|" else [atom]
    out = []
    for option in options:
        if option.isupper() or option.startswith(("F:", "C:")):
            if option not in classes and option not in KINDS:
                raise ValueError(f"{where}: unknown class '{option}'")
            out.append(tag_re(option))
        else:
            out.append("".join(word_re(t) for t in token_texts(option)))
    return "(?:" + "|".join(out) + ")"


def compile_pattern(pattern: str, classes: set[str], where: str) -> Compiled:
    """The regular expression of one frame pattern."""
    pieces: list[list[str]] = [[]]  # a stack of groups; each group a list of alternatives' parts
    alternatives: list[list[list[str]]] = [[]]
    keys: frozenset[str] | None = None
    for raw in _GROUP_TOKENS.findall(pattern):
        if raw == "(":
            pieces.append([])
            alternatives.append([])
            continue
        if raw.startswith(")"):
            if len(pieces) == 1:
                raise ValueError(f"{where}: unbalanced ')'")
            alts = [*alternatives.pop(), pieces.pop()]
            body = "(?:" + "|".join("".join(a) for a in alts) + ")"
            pieces[-1].append(body + raw[1:])
            continue
        if raw == "|":
            alternatives[-1].append(pieces[-1])
            pieces[-1] = []
            continue
        m = _REPEAT.match(raw)
        atom, repeat = (m.group(1), m.group(2) or "") if m and raw not in ("?", "+", "*") else (raw, "")
        if not atom:  # a lone "?" or "+" is punctuation
            atom, repeat = raw, ""
        pieces[-1].append(f"(?:{_atom(atom, classes, where)}){repeat}" if repeat else _atom(atom, classes, where))
        if keys is None and len(pieces) == 1 and not alternatives[0] and repeat in ("", "+") \
                and atom not in _OPEN_ATOMS:
            keys = _keys(atom)
    if len(pieces) != 1:
        raise ValueError(f"{where}: unbalanced '('")
    alts = [*alternatives[0], pieces[0]]
    if alternatives[0]:
        keys = None  # top-level alternatives: no single token is required
    return Compiled(re.compile("(?:" + "|".join("".join(a) for a in alts) + ")"), keys or frozenset())


#: Atoms that say nothing about which words a sentence must hold.
_OPEN_ATOMS = frozenset({"X", "^", "$", "ANY", "WORD", "PUNCT", "NUM", "NUMBER", "YEAR", "DEC", "DET", "CONJ"})


def _keys(atom: str) -> frozenset[str]:
    """The token texts or tags one of which a required atom needs."""
    out: set[str] = set()
    for option in atom.split("|"):
        if option.isupper() or option.startswith(("F:", "C:")):
            out.add(option)
        else:
            out.update(token_texts(option)[:1])
    return frozenset(out)


@dataclass(frozen=True)
class Compiled:
    """A pattern's regex and ``keys``: a window must hold one of these token texts or tags
    (a required word of the pattern), else the regex is not run. Empty: always run."""

    regex: re.Pattern[str]
    keys: frozenset[str]


def compile_frames(data: dict, classes: set[str], path: object) -> tuple[Frame, ...]:
    """Every frame of frames.yml, compiled; a bad pattern is a DataError with the frame's line."""
    from pathlib import Path

    out = []
    for raw in data.get("frames") or []:
        frame_id = str(raw.get("id"))
        patterns = raw.get("patterns") or [raw.get("pattern")]
        try:
            regexes = tuple(compile_pattern(str(p), classes, f"frame '{frame_id}'") for p in patterns)
        except (ValueError, re.error) as exc:
            raise DataError(Path(str(path)), getattr(raw, "line", None), str(exc)) from None
        strength = raw.get("strength", "weak")
        polarity = raw.get("polarity", "prefer")
        if strength not in ("weak", "strong") or polarity not in ("prefer", "exclude"):
            raise DataError(Path(str(path)), getattr(raw, "line", None),
                            f"frame '{frame_id}': strength weak|strong, polarity prefer|exclude")
        out.append(Frame(id=frame_id, strength=strength, polarity=polarity, regexes=regexes,
                         family=raw.get("family"), trait_class=raw.get("class"), check=raw.get("check"),
                         not_after=frozenset(str(w) for w in raw.get("not_after") or ()),
                         families=frozenset(str(w) for w in raw.get("families") or ()),
                         max_tokens=int(raw.get("max_tokens") or 0),
                         severity=str(raw.get("severity") or "")))
    return tuple(out)
