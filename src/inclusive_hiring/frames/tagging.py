"""Tag the tokens of one sentence with the lexicon's classes (see ``pattern.py`` for the encoding)."""

from __future__ import annotations

from .lexicon import Lexicon, Phrase
from .tokens import Token, capitalised_run, mostly_capitalised

_HYPHENS = frozenset({"-", "‐", "‑"})
_DECADE_WORDS = frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "teens"})
#: Words a hyphen may join to a trait word without making a compound ("women-only").
_HYPHEN_OK = frozenset({"only", "aged", "age", "old", "year", "years"})
TRAIT_TAGS = ("TA", "TN")


def _kind(tok: Token) -> str:
    text = tok.text
    if text[:1].isdigit():
        if text.isdigit():
            if len(text) <= 2:
                return "NUM"
            if len(text) == 4 and 1900 <= int(text) <= 2099:
                return "YEAR"
            return "NUMBER"
        return "DEC" if text.endswith("0s") and text[:-1].isdigit() else "NUMBER"
    if text[:1].isalpha():
        return "DEC" if text in _DECADE_WORDS else "WORD"
    return "PUNCT"


def _match_at(tokens: list[Token], keys: list[str], i: int, phrase: Phrase) -> int | None:
    """The end (exclusive) of ``phrase`` matched at token ``i``, skipping hyphens between its
    words; None when it does not match."""
    k = i
    for n, want in enumerate(phrase.tokens):
        if n and k < len(tokens) and tokens[k].text in _HYPHENS and tokens[k].start == tokens[k - 1].end:
            k += 1
        if k >= len(tokens) or keys[k] != want:
            return None
        k += 1
    return k


def _attached(a: Token, b: Token) -> bool:
    return a.end == b.start


def tag(lexicon: Lexicon, tokens: list[Token]) -> list[tuple[int, int, Phrase]]:
    """Set ``tags`` on every token; return the trait phrases found as (start, end, phrase)."""
    keys = []
    for tok in tokens:
        tok.tags.add(_kind(tok))
        key = tok.text
        if key not in lexicon.phrases and tok.is_word and len(key) >= 5 \
                and not (key in lexicon.words_seen and key not in lexicon.words_found):
            typo = lexicon.typo_cache.get(key, "")
            if typo == "":
                typo = lexicon.typo_cache[key] = lexicon.typo_of(key)
            key = typo or key
        keys.append(key)
    traits: list[tuple[int, int, Phrase]] = []
    named: set[int] = set()
    count = len(tokens)
    for i in range(count):
        for phrase in lexicon.phrases.get(keys[i], ()):
            # The phrases of keys[i] start with it: one of a single token matches there, one of
            # more needs its second word next (or a hyphen before it: ``_match_at``).
            if len(phrase.tokens) == 1:
                end: int | None = i + 1
            elif i + 1 >= count or (keys[i + 1] != phrase.tokens[1] and tokens[i + 1].text not in _HYPHENS):
                continue
            else:
                end = _match_at(tokens, keys, i, phrase)
            if end is None:
                continue
            if "NAME" in phrase.tags:
                named.update(range(i, end))
                continue
            trait = phrase.trait
            if trait is not None:
                nxt = keys[end] if end < len(tokens) else ""
                prev = keys[i - 1] if i else ""
                if nxt in trait.not_followed_by or prev in trait.not_preceded_by:
                    continue
                if _compound(tokens, keys, i, end):
                    continue
                traits.append((i, end, phrase))
            tokens[i].tags.update(phrase.tags)
            for k in range(i + 1, end):
                tokens[k].tags.update(f"{t}+" for t in phrase.tags)
    for k, tok in enumerate(tokens):
        compound = k > 0 and tokens[k - 1].text in _HYPHENS and _attached(tokens[k - 1], tok)
        if compound:
            tok.tags.discard("SEEK")  # "good-looking", "forward-looking" look for nobody
        # a word that may describe a trait noun ("a devout Muslim", "Mature Christian", "Swiss
        # nationals"): not the end of a hyphen compound, nor a word of the job's hours or terms
        # (``not_describing`` in traits.yml), so "Part Time Housewife" and "good-looking ladies"
        # keep to the noun
        elif "WORD" in tok.tags and tok.text.lower() not in lexicon.not_describing:
            tok.tags.add("PLAIN")
    named |= _capitalised_names(lexicon, tokens, traits)
    if named:
        traits = [t for t in traits if not named.intersection(range(t[0], t[1]))]
        for k in named:
            tokens[k].tags = {t for t in tokens[k].tags if not t.startswith(("TA", "TN", "C:"))}
            tokens[k].tags.add("NAMED")
    return traits


def _compound(tokens: list[Token], keys: list[str], i: int, end: int) -> bool:
    """Whether the trait phrase tokens[i:end] is joined by a hyphen to another word ("cloud-native",
    "single-minded", "male-dominated"); "women-only" is not a compound."""
    if i >= 2 and tokens[i - 1].text in _HYPHENS and _attached(tokens[i - 1], tokens[i]) \
            and _attached(tokens[i - 2], tokens[i - 1]) and tokens[i - 2].is_word:
        return True
    return (end + 1 < len(tokens) and tokens[end].text in _HYPHENS and _attached(tokens[end - 1], tokens[end])
            and _attached(tokens[end], tokens[end + 1]) and tokens[end + 1].is_word
            and keys[end + 1] not in _HYPHEN_OK)


def _capitalised_names(lexicon: Lexicon, tokens: list[Token],
                       traits: list[tuple[int, int, Phrase]]) -> set[int]:
    """Tokens of capitalised names that hold a trait word: a run of capitalised words (joined by
    "of", "for", "&"...) with a word that is neither a trait, a job nor a frame word, or ending
    in a name word ("Creek", "Aid", "Vic"). Off in lines mostly in capitals or Title Case."""
    words = [t for t in tokens if t.is_word]
    if not traits or not words or mostly_capitalised(words):
        return set()
    out: set[int] = set()
    for start, end, _phrase in traits:
        if not all(tokens[k].capitalised for k in range(start, end) if tokens[k].is_word):
            continue
        lo, hi = capitalised_run(tokens, start, end, lexicon.connectors)
        others = [tokens[k] for k in [*range(lo, start), *range(end, hi)] if tokens[k].capitalised]
        if not others:
            continue
        # a name word after the trait ("Cripple Creek", "Young Vic"), not before it: "Bar Man
        # wanted" is a job title, not a bar's name
        suffix = any(tokens[k].text in lexicon.name_suffixes for k in range(end, hi) if tokens[k].capitalised)
        plain = any(not (t.tags & {"TA", "TN", "JOB", "HIRE", "OTHER", "JOB+", "HIRE+", "TA+", "TN+"})
                    and not _frame_word(t) for t in others)
        initial = lo == 0 or tokens[lo - 1].text in (":", "-", "•", "|")
        if suffix or (plain and not initial):
            out.update(range(lo, hi))
    return out


def _frame_word(tok: Token) -> bool:
    return any(t.isupper() and t not in ("WORD", "PUNCT", "NUM") for t in tok.tags)
