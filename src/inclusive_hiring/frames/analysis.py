"""Read one prepared document with the frame engine: sentences, tags, preferences, exemptions."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ..catalog.regexes import RegexStore
from ..text.markup import Prepared
from ..text.search import StartsAfter, trie_pattern
from .bases import Basis, cue_regex, load_bases
from .lexicon import Lexicon, load_lexicon
from .pattern import END, START, Compiled, Frame, compile_frames
from .referents import about_other
from .tagging import tag
from .tokens import Token, sentences, tokenize

#: How far around a trait word a long sentence is read (characters).
_CLIP = 110
#: A sentence this short is read even without a frame anchor ("Female, 21-30", "Cook: male").
_SHORT_LINE = 60
#: Words that start frames without a trait word (age limits, height, field lines).
_ANCHORS = frozenset({"age", "aged", "ages", "born", "class", "height", "weight", "sex", "gender",
                      "nationality", "citizenship", "religion", "caste", "ethnicity", "complexion",
                      "twenties", "thirties", "forties", "fifties", "old", "older", "elder", "skin",
                      "hail", "hails", "originate", "originates", "church", "congregation", "parish",
                      "mosque", "fellowship", "synagogue", "gurdwara", "denomination"})


#: What every match of ``Engine.number_cue`` holds: a number of two digits after a space.
_TWO_DIGITS = re.compile(r"\s\d{2}(?!\d)")
_DIGIT = re.compile(r"\d")
#: The characters that mark tokens and windows in an encoded sentence (``pattern.py``).
_MARKS = re.compile("[\x01-\x05]")


@dataclass(frozen=True)
class Engine:
    """The compiled data: lexicon, frames, bases; built once per process (:func:`frame_engine`)."""

    lexicon: Lexicon
    frames: tuple[Frame, ...]
    bases: tuple[Basis, ...]
    encouragement: Any
    dominant: frozenset[str]
    dominant_phrases: Any
    about_hire: dict[str, str]
    name_categories: frozenset[str]
    #: rules whose word addresses a group of colleagues ("the guys"): a preposition before it
    #: ("drinks for the guys") does not make it about someone else (``group_address:``)
    group_address: frozenset[str]
    #: the words of the shipped names and trade terms
    name_words: frozenset[str]
    triggers: frozenset[str]
    #: words one of which every frame needs (``anchors:`` in frames.yml)
    anchors: Any
    #: an age limit with no trait word ("over 40", "below 30"): ``number_triggers:`` in
    #: frames.yml, each followed by a number, make its sentence one to read
    number_cue: StartsAfter | None = None
    #: the last word of each of those triggers ("below", "than"): a window opens there
    number_words: frozenset[str] = frozenset()
    #: every frame's regexes in order, as (frame, regex)
    regexes: tuple[tuple[Frame, Compiled], ...] = ()
    #: key -> the positions in ``regexes`` of the regexes with that key
    by_key: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: the positions of the regexes without keys (run on every window)
    keyless: tuple[int, ...] = ()
    #: a number followed by one of ``number_suffixes:`` ("25+", "25 or over") opens a window too
    number_suffix: StartsAfter | None = None
    #: minimum ages up to this are statutory (alcohol, driving) and never reported
    statutory_minimum_age: int = 21
    #: words that open a window without a trait word (_ANCHORS and ``trigger_words:``)
    anchor_words: frozenset[str] = _ANCHORS
    #: the first word of each number suffix ("+", "or"): a window opens at the number before it
    suffix_words: frozenset[str] = frozenset()


@functools.cache
def frame_engine() -> Engine:
    lex = load_lexicon()
    frames_data = lex.data["frames"]
    classes = {str(c) for c in frames_data["classes"]} | {"TA", "TN", "JOB", "HIRE", "OTHER", "SERVE", "PERSON"}
    # The frames' regexes are built from their code kept in the cache (0.2 s of re.compile a run)
    store = RegexStore("frames")
    frames = compile_frames(frames_data, classes, "wordlists/frames/frames.yml", store.compile)
    store.save()
    bases, encouragement, dominant, dominant_phrases = load_bases(lex.data["bases"])
    policy = lex.data["policy"]
    regexes = tuple((frame, compiled) for frame in frames for compiled in frame.regexes)
    by_key: dict[str, list[int]] = {}
    for k, (_frame, compiled) in enumerate(regexes):
        for key in compiled.keys:
            by_key.setdefault(key, []).append(k)
    return Engine(lexicon=lex, frames=frames, bases=bases, encouragement=encouragement,
                  dominant=dominant, dominant_phrases=dominant_phrases,
                  about_hire={str(k): str(v) for k, v in policy["about_hire"].items()},
                  name_categories=frozenset(policy["name_categories"]),
                  group_address=frozenset(str(r) for r in policy.get("group_address") or ()),
                  name_words=frozenset(w for name in lex.names for w in name),
                  triggers=lex.triggers | _ANCHORS | frozenset(str(w) for w in frames_data.get("trigger_words") or ()),
                  anchor_words=_ANCHORS | frozenset(str(w) for w in frames_data.get("trigger_words") or ()),
                  anchors=cue_regex([str(a) for a in frames_data.get("anchors") or ()], folded=True),
                  number_cue=_number_cue([str(w) for w in frames_data.get("number_triggers") or ()]),
                  number_words=frozenset(str(w).split()[-1] for w in frames_data.get("number_triggers") or ()),
                  regexes=regexes, by_key={key: tuple(ks) for key, ks in by_key.items()},
                  keyless=tuple(k for k, (_f, compiled) in enumerate(regexes) if not compiled.keys),
                  number_suffix=_number_suffix([str(w) for w in frames_data.get("number_suffixes") or ()]),
                  statutory_minimum_age=int(frames_data.get("statutory_minimum_age") or 21),
                  suffix_words=frozenset(str(w).split()[0] for w in frames_data.get("number_suffixes") or ()))


def _number_cue(words: list[str]) -> StartsAfter | None:
    r"""``words`` (lower case) followed by a number of two digits, as whole words: the matches of
    ``(?<![\w])(?:words)...``, searched without trying the lookbehind at every offset."""
    if not words:
        return None
    # A trie tries the longer of two words first, as the alternation longest-first did.
    return StartsAfter(rf"(?:{trie_pattern(words)})\s+(?:the\s+age\s+of\s+)?\d{{2}}(?![\d])", r"[\w]")


def _number_suffix(words: list[str]) -> StartsAfter | None:
    r"""A number of two digits followed by one of ``words`` (lower case): "25+", "30 or over"; the
    matches of ``(?<![\d])\d{2}\s*(?:words)(?![\w])`` without trying the lookbehind everywhere."""
    if not words:
        return None
    return StartsAfter(rf"\d{{2}}\s*(?:{trie_pattern(words)})(?![\w])", r"[\d]")


@dataclass
class Sentence:
    start: int  # offsets in the normalised text
    end: int
    tokens: list[Token]
    traits: list[tuple[int, int, Any]]
    #: the encoded windows around trait words and anchors: (first token, encoded, offsets)
    windows: list[tuple[int, str, list[int]]]
    #: the text [start, end), and the engine that reads it (for the two properties below,
    #: computed when a frame match or a referent asks: most sentences never need them)
    text: str = field(repr=False)
    engine: Engine = field(repr=False)

    @functools.cached_property
    def encouraging(self) -> bool:
        """An encouragement or EEO statement (that does not favour the dominant group)."""
        folded = self.text.lower()
        return bool(self.engine.encouragement.search(folded)) and not self.engine.dominant_phrases.search(folded)

    @functools.cached_property
    def bases(self) -> tuple[Basis, ...]:
        """The lawful bases of sentence scope whose cues the sentence holds."""
        folded = self.text.lower()
        return tuple(b for b in self.engine.bases if b.scope == "sentence" and b.found_in(self.text, folded))

    @functools.cached_property
    def vocabularies(self) -> list[frozenset[str]]:
        """The token texts and tags of each window (to skip frames that cannot match)."""
        out = []
        for first, _encoded, offsets in self.windows:
            vocab: set[str] = set()
            for tok in self.tokens[first:first + len(offsets) - 1]:
                vocab.add(tok.text)
                vocab.update(tok.tags)
            out.append(frozenset(vocab))
        return out

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The tokens that overlap the normalised span [start, end)."""
        starts = [t.start for t in self.tokens]
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        j = i
        while j < len(self.tokens) and self.tokens[j].start < end:
            j += 1
        while i < j and self.tokens[i].end <= start:
            i += 1
        return i, j


@dataclass
class Preference:
    """A frame match about the hire: its span, the traits by family, the frame."""

    start: int
    end: int
    frame: str
    polarity: str
    families: dict[str, set[str]]
    severity: str
    exempt: Basis | None = None


@dataclass
class Analysis:
    engine: Engine
    prepared: Prepared
    words: list[str]
    _sentences: dict[tuple[int, int], Sentence] = field(default_factory=dict)
    #: line start -> the (start, end) of its sentences
    _lines: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _preferences: list[Preference] | None = None
    _doc_bases: tuple[Basis, ...] | None = None
    #: basis id -> the quoted restrictions it covers (for the IH490 note)
    exemptions: dict[str, list[str]] = field(default_factory=dict)

    # --- sentences ---------------------------------------------------------------------------
    def sentence_at(self, offset: int) -> Sentence | None:
        """The tagged sentence around a normalised offset."""
        normal = self.prepared.normal
        if not 0 <= offset < len(normal):
            return None
        bounds = self._bounds_at(offset)
        return self._sentence(*bounds) if bounds is not None else None

    def _sentence(self, start: int, end: int, whole: tuple[int, int] | None = None) -> Sentence:
        """The tagged text [start, end): a sentence, or a part of the sentence ``whole``."""
        cached = self._sentences.get((start, end))
        if cached is not None:
            return cached
        engine = self.engine
        text = self.prepared.normal[start:end]
        tokens = tokenize(text, start)
        traits = tag(engine.lexicon, tokens)
        whole = whole or (start, end)
        # Bases and encouragement are read in the whole sentence, not only the clip around the
        # trait ("Male applicants born after 1959 ... confirming their selective service status").
        full = self.prepared.normal[whole[0]:whole[1]] if whole != (start, end) else text
        sentence = Sentence(start, end, tokens, traits,
                            _windows(tokens, traits, start == whole[0], end == whole[1],
                                     engine.number_words, engine.suffix_words, engine.anchor_words),
                            full, engine)
        self._sentences[(start, end)] = sentence
        return sentence

    def candidate_sentences(self) -> list[Sentence]:
        """The sentences that hold a trait word or a frame anchor (most hold neither)."""
        engine = self.engine
        lex = engine.lexicon
        distinct = set(self.words)
        found = distinct & engine.triggers
        # Words not seen before in this process: fold, split clitics, check for a typo (the
        # results are kept on the lexicon, so a corpus costs a set difference per document).
        for word in distinct - lex.words_seen:
            lex.words_seen.add(word)
            base = word.replace("’", "'").split("'")[0]
            folded = base if base.isascii() else _fold(base)
            if folded in engine.triggers or (len(folded) >= 5 and folded.isalpha() and lex.typo_of(folded)):
                lex.words_found.add(word)
        found |= distinct & lex.words_found
        lower = self.prepared.lower
        normal = self.prepared.normal
        if len(lower) != len(normal):
            lower = normal.lower() if len(normal.lower()) == len(normal) else normal
        offsets: set[int] = set()
        if engine.number_cue is not None and _TWO_DIGITS.search(lower) is not None:
            offsets.update(m.start() for m in engine.number_cue.finditer(lower))
            if engine.number_suffix is not None:
                offsets.update(m.start() for m in engine.number_suffix.finditer(lower))
        if not found and not offsets:
            return []
        for word in found:
            at = lower.find(word)
            while at >= 0:
                before = lower[at - 1] if at else " "
                after = lower[at + len(word)] if at + len(word) < len(lower) else " "
                if not before.isalpha() and not after.isalpha():
                    offsets.add(at)
                at = lower.find(word, at + len(word))
        # The text around each trait word (at most _CLIP characters each side, within its
        # sentence), merged where they overlap.
        clips: dict[tuple[int, int], list[list[int]]] = {}
        for at in sorted(offsets):
            bounds = self._bounds_at(at)
            if bounds is None:
                continue
            lo, hi = max(bounds[0], at - _CLIP), min(bounds[1], at + _CLIP)
            if lo > bounds[0]:
                lo = min(lower.find(" ", lo) + 1 or at, at)
            if hi < bounds[1]:
                hi = max(lower.rfind(" ", at, hi), at + 1)
            spans = clips.setdefault(bounds, [])
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
        out: list[Sentence] = []
        anchors = engine.anchors
        for bounds, spans in sorted(clips.items()):
            sentence_text = lower[bounds[0]:bounds[1]]
            # An encouragement or EEO statement is never a preference (unless it favours the
            # dominant group, or holds a number: "Age 24 to 35, both males and females may apply"
            # is read, and only its dominant classes, such as age limits, are kept).
            if engine.encouragement.search(sentence_text) and not engine.dominant_phrases.search(sentence_text) \
                    and _DIGIT.search(sentence_text) is None:
                continue
            for lo, hi in spans:
                # A frame needs one of its words ("only", "must", "wanted", "age"...) near the
                # trait, or a short line ("Female, 21-30", "Cook: male").
                if bounds[1] - bounds[0] > _SHORT_LINE and not anchors.search(lower, lo, hi):
                    continue
                out.append(self._sentence(lo, hi, bounds))
        return out

    def _bounds_at(self, offset: int) -> tuple[int, int] | None:
        normal = self.prepared.normal
        line_start = normal.rfind("\n", 0, offset) + 1
        bounds = self._lines.get(line_start)
        if bounds is None:
            line_end = normal.find("\n", offset)
            line_end = len(normal) if line_end < 0 else line_end
            bounds = self._lines[line_start] = sentences(normal[line_start:line_end], line_start)
        return next(((s, e) for s, e in bounds if s <= offset < e), None)

    # --- bases --------------------------------------------------------------------------------
    def document_bases(self) -> tuple[Basis, ...]:
        if self._doc_bases is None:
            text, lower = self.prepared.normal, self.prepared.lower
            self._doc_bases = tuple(b for b in self.engine.bases if b.scope == "document" and b.found_in(text, lower))
        return self._doc_bases

    def basis_for(self, sentence: Sentence, classes: dict[str, str]) -> Basis | None:
        """The first lawful basis (same sentence, then document) that covers every class."""
        for basis in (*sentence.bases, *self.document_bases()):
            if basis.covers_all(classes):
                return basis
        return None

    def exempt(self, basis: Basis, quote: str) -> None:
        quotes = self.exemptions.setdefault(basis.id, [])
        if quote not in quotes:
            quotes.append(quote)

    # --- preferences -------------------------------------------------------------------------
    def preferences(self) -> list[Preference]:
        if self._preferences is None:
            found: list[Preference] = []
            for sentence in self.candidate_sentences():
                found.extend(self._match(sentence))
            self._preferences = found
        return self._preferences

    def _match(self, sentence: Sentence) -> list[Preference]:
        engine = self.engine
        # The regexes to run on each window: those without keys, and those with a key in it;
        # run in the order of the frames, then of the windows.
        chosen: dict[int, list[int]] = {}
        for w, vocab in enumerate(sentence.vocabularies):
            picked = set(engine.keyless)
            for key in vocab & engine.by_key.keys():
                picked.update(engine.by_key[key])
            for k in picked:
                chosen.setdefault(k, []).append(w)
        # A sentence whose text holds a mark character (``pattern.py``) is matched the slow way.
        marked = _MARKS.search(self.prepared.normal, sentence.start, sentence.end) is not None
        hits: list[Preference] = []
        for k in sorted(chosen):
            frame, compiled = engine.regexes[k]
            for w in chosen[k]:
                first, encoded, offsets = sentence.windows[w]
                spans = [m.span() for m in compiled.regex.finditer(encoded) if m.end() > m.start()] \
                    if marked else compiled.spans(encoded)
                for start, end in spans:
                    i = first + max(bisect.bisect_right(offsets, start) - 1, 0)
                    j = first + min(bisect.bisect_left(offsets, end), len(offsets) - 1)
                    if i >= j:
                        continue
                    pref = self._judge(sentence, frame, i, j)
                    if pref is not None:
                        hits.append(pref)
        return _merge(hits)

    def _judge(self, sentence: Sentence, frame: Frame, i: int, j: int) -> Preference | None:
        tokens = sentence.tokens
        lex = self.engine.lexicon
        if i and tokens[i - 1].text in frame.not_after:
            return None
        if frame.max_tokens and len(tokens) > frame.max_tokens:
            return None
        classes: dict[str, str] = {}
        warnings: set[str] = set()
        if frame.family:
            if frame.check == "age-upper" and not _age_limit(tokens[i:j]):
                return None
            if frame.check == "age-lower" and not _age_minimum(tokens[i:j], self.engine.statutory_minimum_age):
                return None
            classes[frame.trait_class or frame.family] = frame.family
            if frame.severity == "warning":
                warnings.add(frame.trait_class or frame.family)
        else:
            inside = [(a, b, p) for a, b, p in sentence.traits if a >= i and b <= j and p.trait]
            for a, b, phrase in inside:
                trait = phrase.trait
                if any(c <= a and b <= d and (c, d) != (a, b) for c, d, _p in inside):
                    continue  # "hiv" inside "hiv negative"
                headed = _headed(tokens, b) or "PL" in phrase.tags or _head_before(tokens, a) or \
                    _counted_noun(tokens, a, b, phrase.tags)
                if trait.strength != "weak" and frame.strength != "strong" and \
                        (not headed or trait.strength == "exclusive"):
                    continue
                if trait.exclude_only and frame.polarity != "exclude":
                    continue
                if frame.families and trait.family not in frame.families:
                    continue
                classes[trait.name] = trait.family
                if trait.severity == "warning":
                    warnings.add(trait.name)
            for complete in lex.complete_sets:
                if complete <= set(classes):
                    classes = {c: f for c, f in classes.items() if c not in complete}
        if not classes:
            return None
        severity = "warning" if set(classes) <= warnings else "error"
        first = min((a for a, _b, p in sentence.traits if i <= a < j and p.trait), default=i)
        # a frame without X (age limits, "member of ... church") has no trait word of its own
        if about_other(tokens, i, j) or (not frame.family and first > i and about_other(tokens, first, j)):
            return None
        if sentence.encouraging and not set(classes) & self.engine.dominant:
            return None
        families: dict[str, set[str]] = {}
        for cls, family in classes.items():
            families.setdefault(family, set()).add(cls)
        pref = Preference(tokens[i].start, tokens[j - 1].end, frame.id, frame.polarity, families, severity)
        basis = self.basis_for(sentence, classes)
        if basis is not None:
            pref.exempt = basis
            self.exempt(basis, self.prepared.normal[pref.start:pref.end])
        return pref


def _headed(tokens: list[Token], k: int) -> bool:
    """Whether the words from token k on name a person (a job, hire or trait noun): the trait
    before them then describes that person ("Hindu cook", "slim female promoters")."""
    while k < len(tokens) and tokens[k].tags & {"TA", "CONJ"} and not tokens[k].tags & {"TN", "JOB", "HIRE"}:
        k += 1
    return k < len(tokens) and bool(tokens[k].tags & {"JOB", "HIRE", "PERSON", "TN"})


def _head_before(tokens: list[Token], k: int) -> bool:
    """Whether a hire or job noun owns the trait at token k through "with / from / of"
    ("candidates from the Nair community", "applicants of Indian origin")."""
    k -= 1
    if k >= 0 and "DET" in tokens[k].tags:
        k -= 1
    return k >= 1 and tokens[k].text in _HEAD_JOINS and bool(tokens[k - 1].tags & {"JOB", "HIRE"})


_HEAD_JOINS = frozenset({"with", "from", "of", "having"})


def _counted_noun(tokens: list[Token], a: int, b: int, tags: frozenset[str]) -> bool:
    """Whether the trait at tokens a..b is a class noun after "a" / "an" (and at most one plain
    word: "a committed Catholic") that no other word follows: a person, as a head noun would say
    ("preferably a Hindu", "ideally a Filipino, with ..."; not the adjective in "a Christian
    bookshop")."""
    if "TN" not in tags or a == 0:
        return False
    # one plain word may come between: "a committed Catholic"
    plain_between = a >= 2 and tokens[a - 2].text in ("a", "an") and tokens[a - 1].text.isalpha() and \
        not tokens[a - 1].tags - {"WORD", "PLAIN"}
    if tokens[a - 1].text not in ("a", "an") and not plain_between:
        return False
    return b == len(tokens) or not tokens[b].text[:1].isalpha() or tokens[b].text in _AFTER_PERSON


#: Words that may follow a person noun: "a Hindu who ...", "a Filipino with ...".
_AFTER_PERSON = frozenset({"to", "who", "with", "for", "and", "or", "as", "in", "of", "that", "from",
                           "by", "is", "are", "will", "would", "should", "must", "only", "preferred",
                           "please", "wanted", "needed", "required", "preferably", "ideally"})


#: Tokens of context kept on each side of a trait word or anchor.
_REACH = 12


def _windows(tokens: list[Token], traits: list[tuple[int, int, Any]],
             starts: bool = True, ends: bool = True,
             number_words: frozenset[str] = frozenset(),
             suffix_words: frozenset[str] = frozenset(),
             anchor_words: frozenset[str] = _ANCHORS) -> list[tuple[int, str, list[int]]]:
    """The encoded windows of a sentence: the tokens within ``_REACH`` of a trait word, an anchor or
    an age-limit word before a number ("below 30": ``number_words``), overlapping windows merged,
    with the sentence-start and -end marks where they reach them. ``offsets`` has the start of
    each token in ``encoded`` and, last, the end of the last one."""
    spots = [(a, b) for a, b, _p in traits] + [(k, k + 1) for k, t in enumerate(tokens) if t.text in anchor_words]
    spots += [(k, k + 2) for k, t in enumerate(tokens[:-1])
              if t.text in number_words and "NUM" in tokens[k + 1].tags]
    spots += [(k, k + 2) for k, t in enumerate(tokens[:-1])
              if "NUM" in t.tags and tokens[k + 1].text in suffix_words]
    spans: list[list[int]] = []
    for a, b in sorted(spots):
        lo, hi = max(a - _REACH, 0), min(b + _REACH, len(tokens))
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    out = []
    for lo, hi in spans:
        # Each token encoded as ``\x01text\x02 TAG TAG \x03`` (``pattern.py``); only the
        # tokens of windows are (windows do not overlap).
        parts = [f"\x01{tok.text}\x02 {' '.join(sorted(tok.tags))} \x03" for tok in tokens[lo:hi]]
        offsets, pos = [], 1 if lo == 0 and starts else 0
        for piece in parts:
            offsets.append(pos)
            pos += len(piece)
        offsets.append(pos)
        encoded = (START if lo == 0 and starts else "") + "".join(parts) + \
            (END if hi == len(tokens) and ends else "")
        out.append((lo, encoded, offsets))
    return out


def _fold(word: str) -> str:
    from .tokens import fold

    return fold(word)


def _age_limit(tokens: list[Token]) -> bool:
    """Whether the numbers of an age frame are ages with an upper bound (14-80, rising)."""
    numbers = [int(t.text) for t in tokens if "NUM" in t.tags]
    if not numbers or not all(14 <= n <= 80 for n in numbers):
        return False
    return len(numbers) == 1 or numbers[-1] > numbers[0]


def _age_minimum(tokens: list[Token], statutory: int) -> bool:
    """Whether the one number of a minimum-age frame is an age above the statutory minimum."""
    numbers = [int(t.text) for t in tokens if "NUM" in t.tags]
    return len(numbers) == 1 and statutory < numbers[0] <= 80


def _merge(hits: list[Preference]) -> list[Preference]:
    """Overlapping matches become the longest one, with the families of all."""
    hits.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[Preference] = []
    for pref in hits:
        if out and pref.start < out[-1].end:
            last = out[-1]
            if pref.exempt is None or last.exempt is not None:
                for family, classes in pref.families.items():
                    last.families.setdefault(family, set()).update(classes)
            last.end = max(last.end, pref.end)
            if pref.polarity == "exclude":
                last.polarity = "exclude"
            continue
        out.append(pref)
    return out


def analyse(prepared: Prepared, words: list[str], cache: dict[str, Any] | None = None) -> Analysis:
    """The analysis of a document, kept in ``cache`` (a Context's metrics) under ``_frames``."""
    if cache is not None and isinstance(cache.get("_frames"), Analysis):
        return cache["_frames"]
    analysis = Analysis(frame_engine(), prepared, words)
    if cache is not None:
        cache["_frames"] = analysis
    return analysis
