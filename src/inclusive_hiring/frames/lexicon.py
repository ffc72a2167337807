"""Load the frame engine's data (``wordlists/frames/*.yml``) into lookup tables.

Every phrase (trait, person, job, word class, name) becomes a token tuple, tokenized like the text
(hyphens dropped, so "hiv negative" also matches "HIV-negative"), with the tags it gives. Nouns
and trait words get their plurals. Words of 6+ letters of the trait lexicon are also found with
one typo (one letter deleted, added, changed or two swapped) when the typo is not a word itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..yamlio import DataError, load_yaml_file
from .tokens import token_texts

_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people",
              "wife": "wives", "gentleman": "gentlemen", "housewife": "housewives", "fellow": "fellows",
              "lady": "ladies", "youth": "youths", "mother-in-law": "mothers-in-law"}
#: Tokens that never start a phrase on their own when hyphens are dropped.
_HYPHENS = frozenset({"-", "‐", "‑", "–"})
FUZZY_MIN = 6


@dataclass(frozen=True)
class TraitClass:
    name: str
    family: str
    strength: str = "weak"
    exclude_only: bool = False
    severity: str = "error"
    not_followed_by: frozenset[str] = frozenset()
    not_preceded_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Phrase:
    """What a phrase says: ``tags`` for its first token, ``trait`` when it names a trait."""

    tokens: tuple[str, ...]
    tags: frozenset[str]
    trait: TraitClass | None = None


@dataclass
class Lexicon:
    families: dict[str, dict[str, str]]
    classes: dict[str, TraitClass]
    complete_sets: tuple[frozenset[str], ...]
    #: first token -> phrases starting with it, longest first
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    #: words that can start a trait phrase (for the quick check whether a document needs reading)
    trait_words: frozenset[str] = frozenset()
    #: one word of each trait phrase, the least common one (a document without any needs no reading)
    triggers: frozenset[str] = frozenset()
    #: first and last three letters of the long trait words (a quick test before the deletes)
    typo_ends: frozenset[str] = frozenset()
    #: one-typo variants (deletes) of long trait words -> the words
    deletes: dict[str, set[str]] = field(default_factory=dict)
    names: tuple[tuple[str, ...], ...] = ()
    name_suffixes: frozenset[str] = frozenset()
    #: words that never describe a trait noun ("Part Time Housewife": the shift, not the person)
    not_describing: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    hire_subjects: tuple[tuple[str, ...], ...] = ()
    data: dict[str, Any] = field(default_factory=dict)
    #: English words one typo away from a trait word ("vocals", "mature"): never read as typos
    not_typos: frozenset[str] = frozenset()
    #: word -> the trait word it is a typo of (None: none), filled as documents are read
    typo_cache: dict[str, str | None] = field(default_factory=dict)
    #: document words already looked at, and those of them that are triggers or typos of trait words
    words_seen: set[str] = field(default_factory=set)
    words_found: set[str] = field(default_factory=set)

    def add(self, text: str, tags: Iterable[str], trait: TraitClass | None = None,
            plural: bool = False) -> None:
        for form in (_plurals(text) if plural else [text]):
            toks = phrase_tokens(form) or ((form,) if form in _HYPHENS else ())
            if toks:
                # PL: a plural noun names people ("Filipinos", "Christians") as a head noun would
                form_tags = {*tags, "PL"} if form != text and trait is not None else set(tags)
                self.phrases.setdefault(toks[0], []).append(Phrase(toks, frozenset(form_tags), trait))

    def finish(self) -> None:
        for key, items in self.phrases.items():
            merged: dict[tuple[tuple[str, ...], TraitClass | None], set[str]] = {}
            for p in items:
                merged.setdefault((p.tokens, p.trait), set()).update(p.tags)
            self.phrases[key] = sorted((Phrase(t, frozenset(tags), tr) for (t, tr), tags in merged.items()),
                                       key=lambda p: (-len(p.tokens), p.tokens, sorted(p.tags)))
        words = {k for k, items in self.phrases.items() if any(p.trait for p in items)}
        self.trait_words = frozenset(words)
        singles = frozenset(k for k, items in self.phrases.items()
                            if any(p.trait and len(p.tokens) == 1 for p in items))
        self.triggers = frozenset(_trigger(p.tokens, singles) for items in self.phrases.values()
                                  for p in items if p.trait)
        ends: set[str] = set()
        for word in words:
            if len(word) >= FUZZY_MIN and word.isalpha():
                ends.update((word[:3], word[-3:]))
                for variant in _deletes(word):
                    self.deletes.setdefault(variant, set()).add(word)
        self.typo_ends = frozenset(ends)

    def typo_of(self, word: str) -> str | None:
        """The trait word ``word`` is one typo away from (not checking whether it is a word)."""
        if len(word) < FUZZY_MIN - 1 or not word.isalpha() or word in self.trait_words:
            return None
        # One edit leaves the first three or the last three letters of a 6+ letter word alone.
        if word[:3] not in self.typo_ends and word[-3:] not in self.typo_ends:
            return None
        found = set(self.deletes.get(word, ()))  # a letter dropped ("femal")
        for variant in _deletes(word):  # a letter added, changed or swapped
            if variant in self.trait_words and len(variant) >= FUZZY_MIN:
                found.add(variant)
            found.update(self.deletes.get(variant, ()))
        found = {w for w in found if w[0] == word[0] and abs(len(w) - len(word)) <= 1}
        if not found or word in self.not_typos:
            return None
        traits = {p.trait for w in found for p in self.phrases[w] if p.trait and len(p.tokens) == 1}
        return min(found) if len({t.name for t in traits if t}) == 1 else None


#: Words too common to tell a document apart; a phrase is found by another of its words.
_COMMON = frozenset({"looking", "built", "born", "raised", "bred", "free", "able", "negative", "positive",
                     "people", "person", "man", "woman", "of", "with", "in", "no", "not", "to", "and",
                     "responsibilities", "responsibility", "problems", "problem", "issues", "issue",
                     "conditions", "condition", "user", "users", "vision", "something", "going",
                     "seeking", "community", "communities", "candidate", "candidates", "be", "us", "s",
                     "u", "well", "applicant", "applicants", "commitments", "obligations",
                     "ties", "face", "looks", "skin", "any", "a", "the", "from", "on", "for",
                     "permanent", "your", "their", "his", "her", "over", "excellent", "learning",
                     "working", "digital", "forward", "clear", "same", "middle", "history", "without"})


def _trigger(tokens: tuple[str, ...], singles: frozenset[str]) -> str:
    """The word of a phrase that triggers reading a sentence: a word that is a trait on its own
    ("mother" in "working mother"), else the longest word that is not common."""
    words = [t for t in tokens if t[:1].isalnum()]
    rare = [t for t in words if t not in _COMMON]
    pool = [t for t in rare if t in singles] or rare or words or list(tokens)
    return max(reversed(pool), key=len)  # the last of the longest: "caste" in "lower caste"


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | \
        {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}


def phrase_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in token_texts(text) if t not in _HYPHENS)


def _plurals(text: str) -> list[str]:
    head, _, last = text.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = {last}
    if last in _IRREGULAR:
        forms.add(_IRREGULAR[last])
    elif last.endswith("man"):
        forms.add(last[:-3] + "men")
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(("s", "x", "ch", "sh")) and not last[:1].isdigit():
        forms.add(last + "es")
    if last[-1:].isalpha() and not last.endswith("s"):
        forms.add(last + "s")
    return [prefix + f for f in sorted(forms)]


def frames_dir() -> Path:
    from ..catalog.wordlists import wordlist_dir

    return wordlist_dir() / "frames"


def _words(raw: Any, path: Path, key: str) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise DataError(path, getattr(raw, "line", None), f"'{key}' must be a list of strings")
    return [" ".join(w.split()) for w in raw]


def _load(directory: Path) -> Lexicon:
    traits_path = directory / "traits.yml"
    traits = load_yaml_file(traits_path)
    families = {str(k): {str(a): str(b) for a, b in v.items()} for k, v in traits["families"].items()}
    classes: dict[str, TraitClass] = {}
    lex = Lexicon(families=families, classes=classes,
                  complete_sets=tuple(frozenset(s) for s in traits.get("complete_sets") or []))
    for name, raw in traits["classes"].items():
        family = raw.get("family")
        if family not in families:
            raise DataError(traits_path, raw.line_of("family"), f"class '{name}': unknown family '{family}'")
        trait = TraitClass(
            name=str(name), family=family, strength=raw.get("strength", "weak"),
            exclude_only=bool(raw.get("exclude_only", False)), severity=raw.get("severity", "error"),
            not_followed_by=frozenset(phrase_tokens(w)[0] for w in _words(raw.get("not_followed_by"), traits_path,
                                                                           "not_followed_by")
                                      if len(phrase_tokens(w)) == 1),  # one word: the next token
            not_preceded_by=frozenset(_words(raw.get("not_preceded_by"), traits_path, "not_preceded_by")))
        if trait.strength not in ("weak", "strong", "exclusive"):
            raise DataError(traits_path, raw.line_of("strength"), "strength must be weak, strong or exclusive")
        classes[trait.name] = trait
        for word in _words(raw.get("adjectives"), traits_path, "adjectives"):
            lex.add(word, ("TA", f"C:{name}"), trait)
            if " " not in word:  # "females", "Hindus", "locals": the plural is a noun
                for form in _plurals(word):
                    if form != word:
                        lex.add(form, ("TN", f"C:{name}"), trait)  # no PL: "singles", "whites"
        for word in _words(raw.get("nouns"), traits_path, "nouns"):
            lex.add(word, ("TN", f"C:{name}"), trait, plural=True)
    people_path = directory / "people.yml"
    people = load_yaml_file(people_path)
    for word in _words(people.get("hire"), people_path, "hire"):
        lex.add(word, ("HIRE",), plural=True)
    for word in _words(people.get("persons"), people_path, "persons"):
        lex.add(word, ("PERSON",))
    for word in _words(people.get("others"), people_path, "others"):
        lex.add(word, ("OTHER",), plural=True)
    for word in _words(people.get("serve"), people_path, "serve"):
        lex.add(word, ("SERVE",))
    for key, tag_name in (("object_prepositions", "OBJPREP"), ("hire_groups", "GROUP"), ("open_words", "OPENS"),
                          ("benefits", "BENEFIT")):
        for word in _words(people.get(key), people_path, key):
            lex.add(word, (tag_name,))
    lex.hire_subjects = tuple(phrase_tokens(w) for w in _words(people.get("hire_subjects"), people_path,
                                                                "hire_subjects"))
    jobs_path = directory / "occupations.yml"
    for group in load_yaml_file(jobs_path)["jobs"]:
        for word in _words(group, jobs_path, "jobs"):
            lex.add(word, ("JOB",), plural=True)
    frames_path = directory / "frames.yml"
    frames = load_yaml_file(frames_path)
    for cls, words in frames["classes"].items():
        for word in _words(words, frames_path, str(cls)):
            lex.add(word, (str(cls),))
    names_path = directory / "names.yml"
    names = load_yaml_file(names_path)
    lex.names = tuple(phrase_tokens(w) for w in (_words(names.get("names"), names_path, "names")
                                                 + _words(names.get("trade_terms"), names_path, "trade_terms")))
    for toks in lex.names:
        lex.phrases.setdefault(toks[0], []).append(Phrase(toks, frozenset({"NAME"})))
    lex.name_suffixes = frozenset(_words(names.get("name_suffixes"), names_path, "name_suffixes"))
    lex.connectors = frozenset(_words(names.get("connectors"), names_path, "connectors"))
    lex.data = {"frames": frames, "bases": load_yaml_file(directory / "bases.yml"),
                "policy": load_yaml_file(directory / "policy.yml")}
    lex.not_typos = frozenset(_words(traits.get("not_typos"), traits_path, "not_typos"))
    lex.not_describing = frozenset(_words(traits.get("not_describing"), traits_path, "not_describing"))
    lex.finish()
    return lex


@functools.cache
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """The lexicon, loaded once per process; kept in ``ih``'s cache (``catalog/cache.py``: trusted
    files only, pruned) keyed on the data files and this code, like the word-list index."""
    import hashlib

    from .. import __version__
    from ..catalog.cache import cache_dir, read_cache, write_cache

    directory = directory or frames_dir()
    sources = [*sorted(directory.glob("*.yml")), Path(__file__), Path(__file__).with_name("tokens.py")]
    digest = hashlib.sha256(__version__.encode())
    for path in sources:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\0".encode())
    where = cache_dir()
    cached = where / f"frames-{digest.hexdigest()[:32]}.pickle" if where else None
    if cached is not None:
        lexicon = read_cache(cached)
        if isinstance(lexicon, Lexicon):
            return lexicon
    lexicon = _load(directory)
    if cached is not None:
        write_cache(cached, lexicon)
    return lexicon


def words_read_as_typos(lexicon: Lexicon) -> list[str]:
    """English words (spacy-lookups-data's lemma table) that ``typo_of`` would read as a trait
    word: they belong in ``not_typos`` of traits.yml (scripts/gen_not_typos.py writes them)."""
    from ..catalog.index import full_lemma_table

    table = full_lemma_table()
    return sorted(w for w in {*table, *table.values()} if w.isalpha() and lexicon.typo_of(w))
