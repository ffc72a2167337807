"""Compile the frame language (wordlists/frames/frames.yml) to regular expressions.

A sentence is encoded as one string, a token at a time: ``\\x01text\\x02 TAG TAG \\x03``. A literal
matches a token's text, a class matches a tag; a phrase of several tokens tags its first token
``C`` and the others ``C+``, and the class matches them all. So a frame written once is one regular
expression, run with ``re.search`` on the encoded sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
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
    # "candidates with disabilities", "applicants from the Nair community", "of Indian origin"
    joins = "|".join(word_re(w) for w in ("with", "having", "from", "of"))
    with_ = f"{head}(?:{joins}){det}{trait}(?:{tag_re('GROUPNOUN')})?"
    # one plain word may stand before a trait noun: "a settled married woman", "a devout Muslim"
    # (PLAIN: a lower-case word, not the end of a hyphen compound; tagging.py)
    described = f"{det}{tag_re('PLAIN')}{lead}{noun}"
    return f"(?:{det}{lead}(?:{adj}|{noun})|{described}|{with_})"


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


def compile_pattern(pattern: str, classes: set[str], where: str,
                    compile_regex: Callable[[str], re.Pattern[str]] = re.compile) -> Compiled:
    """The regular expression of one frame pattern (compiled by ``compile_regex``: ``re.compile``
    or a store's, ``catalog/regexes.py``)."""
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
    body = "(?:" + "|".join("".join(a) for a in alts) + ")"
    return Compiled(body, keys or frozenset(), compile_regex(f"[\x03{START}](?=({body}))"))


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

    #: the pattern's regular expression (``regex``, compiled when first asked for)
    body: str
    keys: frozenset[str]
    #: ``body`` looked for after the end of a token or the mark of a window's start: ``spans``
    after_token: re.Pattern[str]

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.body)

    def spans(self, encoded: str) -> list[tuple[int, int]]:
        """The spans of the non-empty matches of ``regex.finditer(encoded)``, for a window whose
        tokens hold no mark character (``\\x01``-``\\x05``).

        Every atom starts with the mark of a token or of a window's start or end, so a non-empty
        match starts at offset 0, after the start mark, or after a token's end (``\\x03``):
        ``after_token`` tries the regex there only, not at every character, and ``finditer``'s
        choice at each of those offsets is the regex's match there. Should the regex match an
        empty string there, ``finditer`` would go on differently: then it runs as it is."""
        out: list[tuple[int, int]] = []
        pos = 0
        for m in self.after_token.finditer("\x03" + encoded):
            start, end = m.span(1)
            if start == end:
                return [m.span() for m in self.regex.finditer(encoded) if m.end() > m.start()]
            if start - 1 >= pos:  # finditer goes on from the end of a match
                out.append((start - 1, end - 1))
                pos = end - 1
        return out


def compile_frames(data: dict, classes: set[str], path: object,
                   compile_regex: Callable[[str], re.Pattern[str]] = re.compile) -> tuple[Frame, ...]:
    """Every frame of frames.yml, compiled (by ``compile_regex``); a bad pattern is a DataError
    with the frame's line."""
    from pathlib import Path

    out = []
    for raw in data.get("frames") or []:
        frame_id = str(raw.get("id"))
        patterns = raw.get("patterns") or [raw.get("pattern")]
        try:
            regexes = tuple(compile_pattern(str(p), classes, f"frame '{frame_id}'", compile_regex)
                            for p in patterns)
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
