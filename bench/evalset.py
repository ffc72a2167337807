"""Load and check the labelled evaluation sets of issue 14 (bench/eval/*.yml).

The held-out set holds references into ``../shared/corpus``, never the corpus text; the written
set holds its own sentences. Both are validated here so that the measuring script and the data
tests agree on the schema. Standard library plus ``inclusive_hiring.yamlio`` only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inclusive_hiring.yamlio import DataError, LineDict, load_yaml_file

EVAL_DIR = Path(__file__).resolve().parent / "eval"
HELDOUT_FILE = EVAL_DIR / "heldout.yml"
WRITTEN_FILE = EVAL_DIR / "written.yml"
#: Where the shared corpus sits for a checkout next to ``shared/`` (``/work/main`` -> ``/work/shared``).
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

#: The families a labelled item may carry; ``military`` and ``poor-practice`` occur in questions only.
FAMILIES = frozenset({
    "sex", "age", "disability", "national-origin", "race", "religion", "family", "lgbtq",
    "appearance", "elitism", "gendered-wording", "jargon", "requirement-inflation",
    "protected-info", "criminal-record", "military", "poor-practice", "none",
})
LABELS = frozenset({"flag", "ok"})
HELDOUT_KINDS = frozenset({"positive", "hard-negative", "random"})
WRITTEN_KINDS = frozenset({"posting", "questions"})
HELDOUT_FOLDERS = (
    "jobs-varied/kenya-myjobmag", "jobs-varied/emscad-fraud", "jobs-varied/nhs-jobs-uk",
    "jobs-varied/jobbank-canada", "jobs/pythonjobs", "jobs/sourcegraph-handbook", "jobs/techcorridor",
)
#: Development folders: rules may be written and tuned from these (bench/eval/dev/*.yml).
DEV_FOLDERS = (
    "jobs-varied/philippines", "jobs-varied/lokal-india", "jobs-varied/gumtree-uk", "jobs-varied/bdjobs-bd",
    "jobs/electionline", "jobs/tts-gsa",
)
DEV_DIR = EVAL_DIR / "dev"
_SHA1 = re.compile(r"[0-9a-f]{40}")


@dataclass(frozen=True)
class HeldoutItem:
    """A labelled sentence of a real posting, by reference."""

    id: str
    path: str
    line: int
    start: int
    end: int
    sha1: str
    head: str
    tail: str
    label: str
    family: str
    kind: str
    borderline: bool
    note: str


@dataclass(frozen=True)
class WrittenItem:
    """A labelled sentence or interview question written for the set."""

    id: str
    kind: str
    text: str
    label: str
    family: str
    frame: str
    note: str


@dataclass(frozen=True)
class Located:
    """A held-out item found in its posting: the whole file and the sentence's offsets in it."""

    item: HeldoutItem
    document: str
    start: int
    end: int

    @property
    def sentence(self) -> str:
        return self.document[self.start:self.end]


def sha1_of(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _field(entry: LineDict, key: str, kind: type, path: Path, allowed: Iterable[str] | None = None,
           required: bool = True) -> Any:
    line = entry.line_of(key)
    if key not in entry:
        if required:
            raise DataError(path, entry.line, f"item lacks '{key}'")
        return None
    value = entry[key]
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise DataError(path, line, f"'{key}' must be an integer")
    if kind is str and (not isinstance(value, str) or not value.strip()):
        raise DataError(path, line, f"'{key}' must be a non-empty string")
    if kind is bool and not isinstance(value, bool):
        raise DataError(path, line, f"'{key}' must be true or false")
    if allowed is not None and value not in allowed:
        raise DataError(path, line, f"'{key}' is '{value}', not one of {', '.join(sorted(allowed))}")
    return value


def _items(path: Path, keys: frozenset[str]) -> list[LineDict]:
    data = load_yaml_file(path)
    if not isinstance(data, dict) or data.get("version") != 1:
        raise DataError(path, getattr(data, "line", None), "expected a mapping with 'version: 1'")
    entries = data.get("items")
    if not isinstance(entries, list) or not entries:
        raise DataError(path, data.line_of("items") if isinstance(data, LineDict) else None,
                        "'items' must be a non-empty list")
    seen: dict[str, int] = {}
    for entry in entries:
        if not isinstance(entry, LineDict):
            raise DataError(path, None, "every item must be a mapping")
        unknown = sorted(set(map(str, entry)) - keys)
        if unknown:
            raise DataError(path, entry.line_of(unknown[0]), f"unknown key '{unknown[0]}'")
        item_id = _field(entry, "id", str, path)
        if item_id in seen:
            raise DataError(path, entry.line, f"duplicate id '{item_id}' (first at line {seen[item_id]})")
        seen[item_id] = entry.line
    return list(entries)


_HELDOUT_KEYS = frozenset({"id", "path", "line", "start", "end", "sha1", "head", "tail", "label", "family",
                           "kind", "borderline", "note"})
_WRITTEN_KEYS = frozenset({"id", "kind", "text", "label", "family", "frame", "note"})


def load_heldout(path: Path = HELDOUT_FILE, folders: tuple[str, ...] = HELDOUT_FOLDERS) -> list[HeldoutItem]:
    """Read and validate real-text references whose postings lie in ``folders`` (the held-out ones
    by default); raise DataError (file:line) on any fault."""
    items: list[HeldoutItem] = []
    places: dict[tuple[str, int, int], str] = {}
    digests: dict[str, str] = {}
    for entry in _items(path, _HELDOUT_KEYS):
        item = HeldoutItem(
            id=_field(entry, "id", str, path), path=_field(entry, "path", str, path),
            line=_field(entry, "line", int, path), start=_field(entry, "start", int, path),
            end=_field(entry, "end", int, path), sha1=_field(entry, "sha1", str, path),
            head=_field(entry, "head", str, path), tail=_field(entry, "tail", str, path),
            label=_field(entry, "label", str, path, LABELS), family=_field(entry, "family", str, path, FAMILIES),
            kind=_field(entry, "kind", str, path, HELDOUT_KINDS),
            borderline=bool(_field(entry, "borderline", bool, path, required=False)),
            note=_field(entry, "note", str, path, required=False) or "",
        )
        if not item.path.startswith(tuple(f"{folder}/" for folder in folders)) or ".." in item.path:
            raise DataError(path, entry.line_of("path"), f"path '{item.path}' is not in one of {', '.join(folders)}")
        if item.line < 1 or item.start < 0 or item.end <= item.start:
            raise DataError(path, entry.line_of("start"), "need line >= 1 and 0 <= start < end")
        if not _SHA1.fullmatch(item.sha1):
            raise DataError(path, entry.line_of("sha1"), "'sha1' must be 40 lower-case hex digits")
        if (item.label == "flag") != (item.kind == "positive"):
            raise DataError(path, entry.line_of("kind"), "kind 'positive' goes with label 'flag' and only with it")
        if item.kind == "random" and item.family != "none":
            raise DataError(path, entry.line_of("family"), "random-sample items have family 'none'")
        if item.label == "flag" and item.family in ("none", "military", "poor-practice"):
            raise DataError(path, entry.line_of("family"),
                            f"a flagged sentence needs a trait family, not '{item.family}'")
        place = (item.path, item.line, item.start)
        if place in places:
            raise DataError(path, entry.line, f"same sentence as item '{places[place]}'")
        if item.sha1 in digests:
            raise DataError(path, entry.line, f"same text as item '{digests[item.sha1]}'")
        places[place] = item.id
        digests[item.sha1] = item.id
        items.append(item)
    return items


def load_dev(directory: Path = DEV_DIR) -> list[HeldoutItem]:
    """Every development reference file (``*.yml``) in ``directory``, in name order; the items
    must come from the development folders and be unique across files."""
    items: list[HeldoutItem] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yml")):
        for item in load_heldout(path, DEV_FOLDERS):
            for key in (item.id, item.sha1):
                if key in seen:
                    raise DataError(path, None, f"item '{item.id}' repeats one in {seen[key].name}")
                seen[key] = path
            items.append(item)
    return items


def make_reference(corpus: Path, relative: str, sentence: str) -> dict[str, object]:
    """The reference fields (id, path, line, start, end, sha1, head, tail) of ``sentence`` as it
    occurs in the posting ``relative``; ValueError when it does not occur on one line."""
    document = read_posting(corpus, relative)
    for number, line in enumerate(document.split("\n"), start=1):
        start = line.find(sentence)
        if start != -1:
            words = sentence.split()
            place = f"{relative}:{number}:{start}"
            return {"id": "h-" + sha1_of(place)[:10], "path": relative, "line": number, "start": start,
                    "end": start + len(sentence), "sha1": sha1_of(sentence), "head": " ".join(words[:3]),
                    "tail": " ".join(words[-3:])}
    raise ValueError(f"sentence not found on one line of {relative}")


def load_written(path: Path = WRITTEN_FILE) -> list[WrittenItem]:
    """Read and validate the written set; raise DataError (file:line) on any fault."""
    items: list[WrittenItem] = []
    texts: dict[tuple[str, str], str] = {}
    for entry in _items(path, _WRITTEN_KEYS):
        item = WrittenItem(
            id=_field(entry, "id", str, path), kind=_field(entry, "kind", str, path, WRITTEN_KINDS),
            text=_field(entry, "text", str, path), label=_field(entry, "label", str, path, LABELS),
            family=_field(entry, "family", str, path, FAMILIES), frame=_field(entry, "frame", str, path),
            note=_field(entry, "note", str, path, required=False) or "",
        )
        key = (item.kind, " ".join(item.text.lower().split()))
        if key in texts:
            raise DataError(path, entry.line, f"same text as item '{texts[key]}'")
        if item.label == "flag" and item.family == "none":
            raise DataError(path, entry.line_of("family"), "a flagged item needs a family")
        texts[key] = item.id
        items.append(item)
    return items


def _line_starts(document: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", document))
    return starts


def locate(item: HeldoutItem, document: str) -> Located | None:
    """Find ``item`` in ``document`` (the posting's text): at its recorded place when the digest
    matches there, else at any place that starts with its head, ends with its tail and matches."""
    starts = _line_starts(document)
    if item.line <= len(starts):
        begin = starts[item.line - 1] + item.start
        finish = starts[item.line - 1] + item.end
        line_end = starts[item.line] - 1 if item.line < len(starts) else len(document)
        if finish <= line_end and sha1_of(document[begin:finish]) == item.sha1:
            return Located(item, document, begin, finish)
    first = item.head.split()[0]
    for found in re.finditer(re.escape(first), document):
        position = found.start()
        end = document.find(item.tail, position)
        while end != -1 and end - position <= 20_000:
            stop = end + len(item.tail)
            if sha1_of(document[position:stop]) == item.sha1:
                return Located(item, document, position, stop)
            end = document.find(item.tail, end + 1)
    return None


def read_posting(corpus: Path, relative: str) -> str:
    """The posting's text as ``ih`` reads a file (UTF-8); OSError/UnicodeDecodeError propagate."""
    return (corpus / relative).read_text(encoding="utf-8")


def locate_all(items: list[HeldoutItem], corpus: Path) -> tuple[dict[str, str], list[Located], list[HeldoutItem]]:
    """Read every referenced posting once. Returns the postings by path, the located items (in the
    order given) and the items that could not be found."""
    documents: dict[str, str] = {}
    located: list[Located] = []
    missing: list[HeldoutItem] = []
    for item in items:
        if item.path not in documents:
            try:
                documents[item.path] = read_posting(corpus, item.path)
            except (OSError, UnicodeDecodeError):
                documents[item.path] = ""
        found = locate(item, documents[item.path]) if documents[item.path] else None
        if found is None:
            missing.append(item)
        else:
            located.append(found)
    return documents, located, missing
