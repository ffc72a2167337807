"""The competency library: the shipped ``data/competencies/*.yml`` plus an organisation's own.

Each competency has a definition, keywords (used to map a job posting to competencies),
behavioural and situational questions with probes, and a five-level behaviourally anchored rating
scale (BARS). Organisations add competencies or override shipped ones through ``extra``: a mapping
of id to a competency mapping (from their config file, or from :func:`load_competency_files`). An
override replaces only the fields it gives; a new competency must give every required field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from ..yamlio import DataError, LineDict, load_yaml_file

GROUPS: tuple[str, ...] = ("core", "technical", "leadership", "customer", "operations")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"id", "name", "group", "definition", "keywords", "questions", "rubric", "source"}
_REQUIRED_NEW = ("name", "definition", "questions", "rubric")
_QUESTION_KINDS = ("behavioural", "situational")
_LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Question:
    text: str
    probes: tuple[str, ...]
    kind: str  # behavioural | situational


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    group: str
    definition: str
    keywords: tuple[str, ...]
    behavioural: tuple[Question, ...]
    situational: tuple[Question, ...]
    #: anchors for ratings 1..5, in order
    rubric: tuple[str, ...]
    source: str
    #: the file it came from, or "<config>" / the override's file for organisation entries
    origin: str

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.behavioural + self.situational

    def pick_questions(self, count: int) -> tuple[Question, ...]:
        """``count`` questions, alternating behavioural and situational, library order."""
        picked: list[Question] = []
        queues = [list(self.behavioural), list(self.situational)]
        turn = 0
        while len(picked) < count and any(queues):
            queue = queues[turn % 2] or queues[(turn + 1) % 2]
            picked.append(queue.pop(0))
            turn += 1
        return tuple(picked)


class Library(Mapping[str, Competency]):
    """Competencies by id, in id order, with close-match suggestions for unknown ids."""

    def __init__(self, competencies: Mapping[str, Competency]) -> None:
        self._items = dict(sorted(competencies.items()))

    def __getitem__(self, key: str) -> Competency:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def suggest(self, wanted: str) -> str | None:
        """The nearest id (or the id of the nearest name) to ``wanted``, if any is close."""
        wanted = wanted.strip().lower()
        near = get_close_matches(wanted, list(self._items), n=1, cutoff=0.6)
        if near:
            return near[0]
        names = {c.name.lower(): c.id for c in self._items.values()}
        near = get_close_matches(wanted.replace("-", " "), list(names), n=1, cutoff=0.6)
        if near:
            return names[near[0]]
        # "negotiation" -> "sales-and-negotiation": a word of the id
        hits = [cid for cid in self._items if wanted in cid.split("-") or cid.startswith(wanted)]
        return hits[0] if len(hits) == 1 else None


def library_dir() -> Path:
    from ..resources import data_dir

    return data_dir() / "competencies"


def _line(mapping: Any, key: str | None = None) -> int | None:
    if isinstance(mapping, LineDict):
        return mapping.line_of(key) if key else mapping.line
    return getattr(mapping, "line", None)


def _text(raw: Mapping[str, Any], key: str, path: str, what: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(path, _line(raw, key), f"{what}: '{key}' must be a non-empty string")
    return " ".join(value.split())


def _questions(raw: Any, path: str, what: str) -> dict[str, tuple[Question, ...]]:
    if not isinstance(raw, Mapping):
        raise DataError(path, _line(raw), f"{what}: 'questions' must be a mapping with "
                                          "'behavioural' and/or 'situational' lists")
    out: dict[str, tuple[Question, ...]] = {}
    for key in raw:
        if key not in _QUESTION_KINDS:
            near = get_close_matches(str(key), _QUESTION_KINDS, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise DataError(path, _line(raw, str(key)), f"{what}: unknown question kind '{key}'{hint}")
    for kind in _QUESTION_KINDS:
        items = raw.get(kind) or []
        if not isinstance(items, list):
            raise DataError(path, _line(raw, kind), f"{what}: '{kind}' must be a list of questions")
        questions = []
        for item in items:
            if isinstance(item, str):
                item = {"text": item, "probes": []}
            if not isinstance(item, Mapping):
                raise DataError(path, _line(items), f"{what}: each question must be a mapping "
                                                    "with 'text' and 'probes'")
            text = _text(item, "text", path, what)
            probes = item.get("probes") or []
            if not isinstance(probes, list) or not all(isinstance(p, str) and p.strip() for p in probes):
                raise DataError(path, _line(item, "probes"), f"{what}: 'probes' must be a list of strings")
            questions.append(Question(text, tuple(" ".join(p.split()) for p in probes), kind))
        out[kind] = tuple(questions)
    if not out["behavioural"] and not out["situational"]:
        raise DataError(path, _line(raw), f"{what}: needs at least one question")
    return out


def _rubric(raw: Any, path: str, what: str) -> tuple[str, ...]:
    if not isinstance(raw, Mapping):
        raise DataError(path, _line(raw), f"{what}: 'rubric' must map the ratings 1-5 to anchors")
    anchors: dict[int, str] = {}
    for key, value in raw.items():
        try:
            level = int(key)
        except (TypeError, ValueError):
            level = 0
        if level not in _LEVELS or isinstance(key, bool):
            raise DataError(path, _line(raw, str(key)), f"{what}: rubric level '{key}' must be 1-5")
        if not isinstance(value, str) or not value.strip():
            raise DataError(path, _line(raw, str(key)), f"{what}: rubric level {level} needs an anchor")
        anchors[level] = " ".join(value.split())
    missing = [str(level) for level in _LEVELS if level not in anchors]
    if missing:
        raise DataError(path, _line(raw), f"{what}: rubric is missing level {', '.join(missing)}")
    return tuple(anchors[level] for level in _LEVELS)


def _build(cid: str, raw: Mapping[str, Any], path: str) -> Competency:
    what = f"competency '{cid}'"
    for key in raw:
        if key not in _KEYS:
            near = get_close_matches(str(key), sorted(_KEYS), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise DataError(path, _line(raw, str(key)), f"{what}: unknown key '{key}'{hint}")
    if not ID_RE.match(cid):
        raise DataError(path, _line(raw), f"competency id '{cid}' must be lower-case kebab-case")
    if "id" in raw and raw["id"] != cid:
        raise DataError(path, _line(raw, "id"), f"{what}: 'id' says '{raw['id']}'")
    for key in _REQUIRED_NEW:
        if key not in raw:
            raise DataError(path, _line(raw), f"{what} is missing '{key}'")
    group = raw.get("group", "core")
    if group not in GROUPS:
        raise DataError(path, _line(raw, "group"),
                        f"{what}: unknown group '{group}' (one of {', '.join(GROUPS)})")
    keywords = raw.get("keywords") or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
        raise DataError(path, _line(raw, "keywords"), f"{what}: 'keywords' must be a list of strings")
    questions = _questions(raw["questions"], path, what)
    source = raw.get("source", "your organisation")
    return Competency(
        id=cid, name=_text(raw, "name", path, what), group=str(group),
        definition=_text(raw, "definition", path, what),
        keywords=tuple(" ".join(k.lower().split()) for k in keywords),
        behavioural=questions["behavioural"], situational=questions["situational"],
        rubric=_rubric(raw["rubric"], path, what),
        source=" ".join(str(source).split()), origin=path,
    )


@functools.cache
def _shipped_raw(directory: Path) -> dict[str, tuple[LineDict, str]]:
    out: dict[str, tuple[LineDict, str]] = {}
    for path in sorted(directory.glob("*.yml")):
        raw = load_yaml_file(path)
        if not isinstance(raw, LineDict):
            raise DataError(path, None, "a competency file must be a mapping")
        out[path.stem] = (raw, str(path))
    return out


def load_library(extra: Mapping[str, Any] | None = None, *, source: str | Path = "<config>",
                 directory: Path | None = None) -> Library:
    """The shipped competencies, with ``extra`` (id -> mapping) added or merged over them.

    ``source`` names where ``extra`` came from, for error messages (values that are
    :class:`~inclusive_hiring.yamlio.LineDict` also carry their line). Raises
    :class:`~inclusive_hiring.yamlio.DataError` with ``file:line`` on the first problem.
    """
    raw_by_id: dict[str, tuple[Mapping[str, Any], str]] = dict(_shipped_raw(directory or library_dir()))
    for cid, override in (extra or {}).items():
        where = str(getattr(override, "origin", None) or source)
        if not isinstance(override, Mapping):
            raise DataError(where, _line(extra, str(cid)) if extra is not None else None,
                            f"competency '{cid}' must be a mapping")
        if str(cid) in raw_by_id:
            base, _ = raw_by_id[str(cid)]
            merged = LineDict({**base, **override})
            merged.line = _line(override) or 0
            merged.key_lines = {k: _line(override, k) or 0 for k in override}
            raw_by_id[str(cid)] = (merged, where)
        else:
            raw_by_id[str(cid)] = (override, where)
    return Library({cid: _build(cid, raw, path) for cid, (raw, path) in raw_by_id.items()})


@functools.cache
def default_library() -> Library:
    return load_library()


def load_competency_files(path: Path) -> dict[str, Any]:
    """Organisation competencies from a YAML file or a folder of them, ready for ``extra``.

    A file holds either one competency (with an ``id``, the shipped format) or a mapping
    ``competencies: {id: {...}, ...}``. A folder holds ``*.yml`` files, one competency each.
    """
    files = sorted(path.glob("*.yml")) + sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise DataError(path, None, "no *.yml competency files in this folder")
    out: dict[str, Any] = {}
    for file in files:
        raw = load_yaml_file(file)
        if not isinstance(raw, LineDict):
            raise DataError(file, None, "a competency file must be a mapping")
        if "competencies" in raw and "id" not in raw:
            items = raw["competencies"]
            if not isinstance(items, LineDict):
                raise DataError(file, raw.line_of("competencies"),
                                "'competencies' must map ids to competencies")
            pairs = [(str(k), v) for k, v in items.items()]
        elif "id" in raw:
            pairs = [(str(raw["id"]), raw)]
        else:
            raise DataError(file, raw.line, "a competency file needs an 'id' (one competency) or "
                                            "'competencies:' (a mapping of them)")
        for cid, value in pairs:
            if cid in out:
                raise DataError(file, _line(value), f"competency '{cid}' is defined twice")
            if isinstance(value, LineDict):
                value.origin = str(file)  # type: ignore[attr-defined]
            out[cid] = value
    return out
