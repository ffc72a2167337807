"""The word lists compiled for fast lookup, built once and kept in a small on-disk cache.

Building needs the full English lemma table (about 180,000 forms) and tokenizes every term; the
result is what the engine needs at run time and nothing more:

- what each term and token pattern needs: the words a line must contain for it to match there:
  one set of surface forms per required token ("ninja" -> {"ninja", "ninjas"}). A line that lacks
  any of them cannot match, so it is never tokenized. ``anchors`` indexes each need by its rarest
  word in English (from spacy-lookups-data's ``lexeme_prob`` table), so a line is checked only
  against the needs whose rarest word it contains, and only for the need's other words.
- ``lemma_map``: the slice of the lemma table that matters. A token whose lower-case form is not in
  it gets that form as its lemma; it cannot be the lemma of any pattern either way.
- entries' terms tokenized, patterns with their lemmas converted, constraints as lemma tuples.

The cache lives in ``$IH_CACHE_DIR`` (else ``$XDG_CACHE_HOME/inclusive-hiring`` or
``~/.cache/inclusive-hiring``); it holds only data derived from the shipped word lists (never a
user's document), is keyed on a hash of those files and of the package versions, and is skipped
silently when the directory is not writable. ``IH_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..text.words import APOSTROPHES as _APOSTROPHES
from ..text.words import WORD_RE
from .cache import cache_dir, read_cache, write_cache
from .wordlists import Catalog, Entry, Rule

if TYPE_CHECKING:
    from .overlay import OverlayIndex

FORMAT = 4


@dataclass
class TermTokens:
    orths: tuple[str, ...]
    spaces: tuple[bool, ...]
    lemmas: tuple[str, ...]


@dataclass
class CompiledEntry:
    entry: Entry
    terms: tuple[TermTokens, ...] = ()
    patterns: tuple[Any, ...] = ()
    #: lower-case anchor words of the token patterns (None: a pattern has no literal word)
    pattern_anchors: frozenset[str] | None = None
    reach: int = 0
    constraints: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()


class Need(NamedTuple):
    """What a line must contain for one term or pattern of an entry to match on it: for each
    required token, one of its plain words, or one of its other forms ("ivy+", "b.a", "110") as a
    substring of the lower-cased line."""

    entry_id: str
    #: requirements met only by a word of the set (most of them)
    plain: tuple[frozenset[str], ...]
    #: requirements that also accept a substring
    mixed: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()

    # A NamedTuple, not a dataclass: the index holds thousands and unpickles them at start-up.
    def met(self, words: set[str], lower: str) -> bool:
        for required in self.plain:
            if words.isdisjoint(required):
                return False
        return mixed_met(self.mixed, words, lower)


def mixed_met(mixed: tuple[tuple[frozenset[str], tuple[str, ...]], ...], words: set[str], lower: str) -> bool:
    """Whether each requirement that also accepts a substring is met: by a word, or a substring."""
    return all(not words.isdisjoint(plain) or any(x in lower for x in other) for plain, other in mixed)


#: A need as seen from one of its anchor words: (entry id, the plain requirements and the other
#: requirements that remain once the anchor word's is met). A plain tuple: thousands of them are
#: unpickled at start-up, and a NamedTuple costs a Python call each.
Anchored = tuple[str, tuple[frozenset[str], ...], tuple[tuple[frozenset[str], tuple[str, ...]], ...]]


def _anchored(need: Need, anchor: set[str]) -> Anchored:
    """``need`` without the requirement ``anchor`` stands for (every anchor word meets it)."""
    for k, required in enumerate(need.plain):
        if required == anchor:
            return need.entry_id, need.plain[:k] + need.plain[k + 1:], need.mixed
    for k, (plain, other) in enumerate(need.mixed):
        if plain | set(other) == anchor:
            return need.entry_id, need.plain, need.mixed[:k] + need.mixed[k + 1:]
    return need.entry_id, need.plain, need.mixed  # pragma: no cover - always found


class CatalogIndex:
    """What the engine needs from the word lists. Entries stay pickled until a document needs them,
    so linting one posting unpickles only the few entries whose words it contains."""

    def __init__(self, *, digest: str, rules: dict[str, Rule], data: dict[str, dict[str, Any]],
                 entries: dict[str, CompiledEntry],
                 anchors: dict[str, dict[str, tuple[Anchored, ...]]],
                 substrings: dict[str, dict[str, tuple[Need, ...]]],
                 always: dict[str, tuple[str, ...]], specials: dict[str, tuple[str, ...]],
                 dotted_specials: frozenset[str],
                 lemma_map: dict[str, str], extras: dict[str, Any]) -> None:
        self.digest = digest
        self.rules = rules
        self.data = data
        #: per document kind: lower-case word -> the needs it is the anchor of, less what it meets
        self.anchors = anchors
        #: per document kind: anchors that are not plain words ("ivy+"), found as substrings
        self.substrings = substrings
        #: per document kind: entries with a pattern that has no literal token (every line)
        self.always = always
        #: words spaCy splits inside a run of letters ("cannot" -> "can", "not")
        self.specials = specials
        #: lower-case words that spaCy keeps whole with their final ". ! ?" ("etc.")
        self.dotted_specials = dotted_specials
        self.lemma_map = lemma_map
        #: extra data for document checks (the surface-form regex of phrases not counted)
        self.extras = extras
        self.entry_ids = tuple(entries)
        #: entry id -> its rule id (to skip the entries of disabled rules without unpickling them)
        self.entry_rules = {k: v.entry.rule_id for k, v in entries.items()}
        self._blobs = {k: pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for k, v in entries.items()}
        self._loaded: dict[str, CompiledEntry] = dict(entries)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_loaded"] = {}
        return state

    def entry(self, entry_id: str) -> CompiledEntry:
        found = self._loaded.get(entry_id)
        if found is None:
            found = self._loaded[entry_id] = pickle.loads(self._blobs[entry_id])
        return found

    def line_entries(self, lower: str, found_words: list[str] | None = None,
                     kind: str = "posting") -> set[str]:
        """The entries that may match somewhere in a line of a document of ``kind`` (the line in
        lower case, with its ``WORD_RE`` words when the caller has them). Interview questions get
        the posting word lists too: a question can use the same exclusionary words."""
        words = set(WORD_RE.findall(lower) if found_words is None else found_words)
        if "'" in lower or "’" in lower:
            # The letter runs of the line (``PIECE_RE``): the words' own, split at apostrophes.
            for word in [w for w in words if "'" in w or "’" in w]:
                words.update(_APOSTROPHES.split(word))
        for special in words & self.specials.keys():
            words.update(self.specials[special])
        found: set[str] = set()
        for each in (("posting", "questions") if kind == "questions" else (kind,)):
            found.update(self.always.get(each, ()))
            anchors = self.anchors.get(each, {})
            for word in words & anchors.keys():
                for entry_id, plain, mixed in anchors[word]:
                    if entry_id in found:
                        continue
                    for required in plain:  # Need.met, inlined: this is the hot loop
                        if words.isdisjoint(required):
                            break
                    else:
                        if not mixed or mixed_met(mixed, words, lower):
                            found.add(entry_id)
            for sub, subneeds in self.substrings.get(each, {}).items():
                if sub in lower:
                    for need in subneeds:
                        if need.entry_id not in found and need.met(words, lower):
                            found.add(need.entry_id)
        return found


def _word_like(form: str) -> bool:
    return WORD_RE.fullmatch(form) is not None


def full_lemma_table() -> dict[str, str]:
    """The English lemma lookup table from spacy-lookups-data (installed with the package)."""
    import spacy_lookups_data
    from spacy.util import load_language_data

    # The same file and loader spaCy's own ``load_lookups("en", ["lemma_lookup"])`` uses.
    table: dict[str, str] = dict(load_language_data(spacy_lookups_data.en["lemma_lookup"]))
    return table


class _Builder:
    def __init__(self) -> None:
        from spacy.lang.en import English
        from spacy.lang.en.stop_words import STOP_WORDS

        self.nlp = English()
        self.table = full_lemma_table()
        self.stop_words = STOP_WORDS
        forms: dict[str, set[str]] = defaultdict(set)
        for form, lemma in self.table.items():
            forms[lemma].add(form)
        self._forms = forms
        self.used_lemmas: set[str] = set()
        import spacy_lookups_data
        from spacy.util import load_language_data

        #: log probability of each word in English text, to pick the rarest word as an anchor
        self.log_prob: dict[str, float] = dict(load_language_data(spacy_lookups_data.en["lexeme_prob"]))

    def lemma(self, lower: str) -> str:
        return self.table.get(lower, lower)

    def forms_of(self, lemma: str) -> set[str]:
        """Every lower-case form whose lemma is ``lemma``."""
        out = set(self._forms.get(lemma, ()))
        if self.lemma(lemma) == lemma:
            out.add(lemma)
        return out

    def tokens(self, texts: Iterable[str]) -> list[TermTokens]:
        out = []
        for doc in self.nlp.tokenizer.pipe(list(texts)):
            kept = [t for t in doc if not t.is_space]
            lemmas = tuple(self.lemma(t.lower_) for t in kept)
            self.used_lemmas.update(lemmas)
            out.append(TermTokens(tuple(t.text for t in kept),
                                  tuple(bool(t.whitespace_) for t in kept), lemmas))
        return out

    def frequency(self, forms: set[str]) -> float:
        """How often a word of ``forms`` occurs in English text (summed probability)."""
        import math

        return sum(math.exp(self.log_prob.get(f, -20.0)) for f in forms if _word_like(f))

    def best_anchor(self, options: list[set[str]]) -> set[str] | None:
        """The most selective candidate: plain words before substrings, then the rarest in English
        (the summed probability of its forms, from spacy-lookups-data's ``lexeme_prob`` table)."""
        import math

        usable = [o for o in options if o]
        if not usable:
            return None

        def cost(forms: set[str]) -> tuple[float, float, int, list[str]]:
            others = [f for f in forms if not _word_like(f)]
            # A substring test matches more than the word it stands for: the shorter, the worse
            # ("." is everywhere); plain words are ranked by how common they are.
            penalty = max((1.0 / len(f) for f in others), default=0.0)
            frequency = sum(math.exp(self.log_prob.get(f, -20.0)) for f in forms if _word_like(f))
            return penalty, frequency, len(forms), sorted(forms)

        return min(usable, key=cost)


def _convert_pattern(token: dict[str, Any], lemma: Any) -> dict[str, Any]:
    """Lower-case LEMMA values through the same table the documents use."""
    out = dict(token)
    value = out.get("LEMMA")
    if isinstance(value, str):
        out["LEMMA"] = lemma(value.lower())
    elif isinstance(value, dict) and "IN" in value:
        out["LEMMA"] = {**value, "IN": [lemma(str(v).lower()) for v in value["IN"]]}
    return out


def _literal_forms(token: dict[str, Any], builder: _Builder) -> set[str] | None:
    """The lower-case surface forms a pattern token can match, or None if it is not a literal."""
    if token.get("OP") not in (None, "+", "{1,}"):
        return None
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = token.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and set(value) == {"IN"}:
            return {str(v).lower() for v in value["IN"]}
    value = token.get("LEMMA")
    if isinstance(value, str):
        return builder.forms_of(value)
    if isinstance(value, dict) and set(value) == {"IN"}:
        return set().union(*(builder.forms_of(str(v)) for v in value["IN"]))
    return None


def _reach(patterns: list[list[dict[str, Any]]]) -> int:
    """How far (in tokens) a match can extend from any of its tokens."""
    longest = 0
    for pattern in patterns:
        length = sum(8 if t.get("OP") in ("*", "+") else 1 for t in pattern)
        longest = max(longest, length)
    return longest + 1


def _validate_patterns(entry: Entry, patterns: list[list[dict[str, Any]]], nlp: Any) -> None:
    from spacy.matcher import Matcher

    from ..yamlio import DataError

    try:
        Matcher(nlp.vocab, validate=True).add(entry.id, patterns)
    except Exception as exc:  # spaCy raises ValueError/MatchPatternError
        first = str(exc).strip().splitlines()[0]
        raise DataError("wordlists", None, f"entry '{entry.id}': bad pattern: {first}") from None


def build_index(catalog: Catalog, digest: str = "", *, overlay: bool = False) -> CatalogIndex:
    """Compile ``catalog``'s entries. An ``overlay`` (a configuration's own entries, read with the
    shipped index: ``overlay.py``) skips the document checks' data, which the shipped index has."""
    builder = _Builder()
    entries: dict[str, CompiledEntry] = {}
    needs: list[Need] = []
    always: list[str] = []

    def need(entry_id: str, options: list[set[str]]) -> bool:
        """Record what a line needs for one term or pattern; False if nothing literal is required."""
        options = [o for o in options if o]
        if not options:
            return False
        # Rarest requirement first: most lines fail on it.
        ranked = sorted(options, key=builder.frequency)
        plain = tuple(frozenset(o) for o in ranked if all(_word_like(f) for f in o))
        mixed = tuple((frozenset(f for f in o if _word_like(f)), tuple(sorted(f for f in o if not _word_like(f))))
                      for o in ranked if not all(_word_like(f) for f in o))
        needs.append(Need(entry_id, plain, mixed))
        return True

    for entry in catalog.entries.values():
        compiled = CompiledEntry(entry=entry)
        anchored = True
        if entry.terms:
            compiled.terms = tuple(builder.tokens(entry.terms))
            for term in compiled.terms:
                if entry.exact_case:
                    options = [{o.lower()} for o in term.orths]
                else:
                    options = [builder.forms_of(lemma) for lemma in term.lemmas]
                anchored &= need(entry.id, options)
        if entry.patterns:
            patterns = [[_convert_pattern(t, builder.lemma) for t in p] for p in entry.patterns]
            _validate_patterns(entry, patterns, builder.nlp)
            for pattern in patterns:
                for token in pattern:
                    value = token.get("LEMMA")
                    if isinstance(value, str):
                        builder.used_lemmas.add(value)
                    elif isinstance(value, dict):
                        builder.used_lemmas.update(str(v) for v in value.get("IN", ()))
            pattern_words: set[str] | None = set()
            for pattern in patterns:
                options = [f for f in (_literal_forms(t, builder) for t in pattern) if f is not None]
                best = builder.best_anchor(options)
                if best is None or not need(entry.id, options):
                    anchored, pattern_words = False, None
                    break
                pattern_words |= best  # type: ignore[operator]
            compiled.patterns = tuple(patterns)
            compiled.pattern_anchors = frozenset(pattern_words) if pattern_words is not None else None
            compiled.reach = _reach(patterns)
        if entry.constraints:
            compiled.constraints = tuple(
                (kind, tuple(t.lemmas for t in builder.tokens(phrases)))
                for kind, phrases in entry.constraints)
        if not anchored:
            always.append(entry.id)
        entries[entry.id] = compiled
    anchors: dict[str, dict[str, dict[int, Anchored]]] = defaultdict(lambda: defaultdict(dict))
    substrings: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for i, item in enumerate(needs):
        if item.entry_id in always:
            continue
        kind = catalog.entries[item.entry_id].kind
        best = builder.best_anchor([set(p) for p in item.plain] + [set(p) | set(o) for p, o in item.mixed])
        for form in best or ():
            if _word_like(form):
                anchors[kind][form][i] = _anchored(item, best)  # type: ignore[arg-type]
            else:
                substrings[kind][form].add(i)
    always_by_kind: dict[str, list[str]] = defaultdict(list)
    for entry_id in always:
        always_by_kind[catalog.entries[entry_id].kind].append(entry_id)
    # spaCy splits some words inside a run of letters ("cannot" -> "can", "not").
    specials: dict[str, tuple[str, ...]] = {}
    for special, pieces in builder.nlp.tokenizer.rules.items():
        lower = special.lower()
        orths = tuple(str(p.get(65, p.get("ORTH", ""))).lower() for p in pieces)  # 65: ORTH
        if _word_like(lower) and orths != (lower,):
            specials[lower] = tuple(sorted(set(specials.get(lower, ())) | set(orths)))
    dotted = frozenset(k.lower() for k in builder.nlp.tokenizer.rules if k[-1:] in ".!?")
    extras: dict[str, Any] = {}
    if not overlay:
        from .phrases import gender_extras

        extras = gender_extras(catalog, builder)
        extras["hyphenation"] = _hyphenation_patterns()
        extras["syllables"] = _common_word_syllables(builder)
    used = builder.used_lemmas
    lemma_map = {form: lemma for form, lemma in builder.table.items()
                 if lemma in used or form in used}
    return CatalogIndex(
        digest=digest, rules=catalog.rules, data=catalog.data, entries=entries,
        anchors={kind: {form: tuple(found[i] for i in sorted(found)) for form, found in sorted(forms.items())}
                 for kind, forms in sorted(anchors.items())},
        substrings={kind: {form: tuple(needs[i] for i in sorted(ids)) for form, ids in sorted(forms.items())}
                    for kind, forms in sorted(substrings.items())},
        always={kind: tuple(ids) for kind, ids in sorted(always_by_kind.items())},
        specials=dict(sorted(specials.items())), dotted_specials=dotted,
        lemma_map=lemma_map,
        extras=extras,
    )


#: How many of the commonest English words get their syllables counted into the index: about
#: three in four distinct words of real postings (1,948 postings, 12,155 distinct words).
COMMON_WORDS = 30000


def _common_word_syllables(builder: _Builder) -> dict[str, int]:
    """Syllables of the ``COMMON_WORDS`` commonest lower-case words, counted as the reading-grade
    check counts them (0.5 s, once per build); empty if it cannot. spacy-lookups-data's
    ``lexeme_prob`` table lists words from the commonest down, so its first word-like forms are
    taken (if a release listed them in another order, the counts would still be right, for
    other words)."""
    from ..text.syllables import can_count_fast, count_syllables

    if not can_count_fast():  # pragma: no cover - pyphen changed
        return {}
    common: dict[str, None] = {}
    for word in builder.log_prob:
        lower = word.lower()
        if lower not in common and WORD_RE.fullmatch(lower):
            common[lower] = None
            if len(common) == COMMON_WORDS:
                break
    return {word: count_syllables(word) for word in sorted(common)}


def _hyphenation_patterns() -> Any:
    """pyphen's parsed en_US patterns (parsing the dictionary costs 50 ms per process)."""
    import pyphen

    from ..text.syllables import pattern_prefixes

    hd = pyphen.Pyphen(lang="en_US").hd
    # Every prefix of a pattern: the reading-grade check stops looking at a word's substrings
    # that no pattern starts with (building this costs 8 ms per process, loading it 2 ms).
    hd.ih_prefixes = pattern_prefixes(hd.patterns)
    return hd


# --- the cache ------------------------------------------------------------------------------

def spacy_version() -> str:
    """spaCy's version, from its installed metadata: importing spaCy costs 0.6 s, and a run whose
    documents hold no word of any entry never needs it (``spacy.__version__`` where the metadata
    is missing)."""
    from importlib import metadata

    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:  # pragma: no cover - spaCy run from a source tree
        from .nlp import import_spacy

        return str(import_spacy().__version__)


def digest_of(files: Iterable[Path], extra: bytes = b"") -> str:
    import pyphen
    import spacy_lookups_data

    from .. import __version__

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{spacy_version()}|{spacy_lookups_data.__version__}|"
             f"{pyphen.__version__}|{sys.version_info[:2]}".encode())
    # The files are keyed on name, size and modification time (reading them costs more than the
    # rest of the start-up); the builder's own code is one of them, and so is the syllable
    # counter whose counts it stores, so a changed builder never reads an old cache.
    for path in sorted([*files, Path(__file__), Path(__file__).parents[1] / "text" / "syllables.py"]):
        stat = path.stat()
        h.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\0".encode())
    h.update(extra)
    return h.hexdigest()[:32]


def _read_cache(path: Path, digest: str) -> CatalogIndex | None:
    index = read_cache(path)
    if not isinstance(index, CatalogIndex) or getattr(index, "digest", None) != digest:
        return None
    return index


def load_index(directory: Path | None = None, extra: tuple[Entry, ...] = ()) -> CatalogIndex | OverlayIndex:
    """The compiled index of the word lists in ``directory`` (default: the shipped ones); with
    ``extra`` entries (an organization's ``terms:`` and ``prefer:``), that index read together with
    a small overlay of them. Each is cached on what it is built from."""
    from .wordlists import load_catalog, wordlist_dir, wordlist_files

    directory = directory or wordlist_dir()
    files = wordlist_files(directory)
    digest = digest_of(files)
    base = _cached("index", digest, lambda: build_index(load_catalog(directory), digest))
    if not extra:
        return base
    from .overlay import OverlayIndex

    overlay_digest = digest_of(files, repr(sorted((e.id, repr(e)) for e in extra)).encode())

    def build_overlay() -> CatalogIndex:
        shipped = load_catalog(directory)
        own = Catalog(rules=shipped.rules, entries={e.id: e for e in extra}, data=shipped.data)
        return build_index(own, overlay_digest, overlay=True)

    return OverlayIndex(base, _cached("overlay", overlay_digest, build_overlay))


def _cached(prefix: str, digest: str, build: Callable[[], CatalogIndex]) -> CatalogIndex:
    where = cache_dir()
    path = where / f"{prefix}-{digest}.pickle" if where else None
    if path is not None:
        cached = _read_cache(path, digest)
        if cached is not None:
            return cached
    index = build()
    if path is not None:
        write_cache(path, index)
    return index
