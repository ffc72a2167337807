"""Column mappings: read an applicant-tracking system's export without editing it.

A mapping says, for each of the three files, which export column holds each canonical column,
how the export spells outcomes and ratings, which columns are demographic dimensions (and what
to call them) and which extra answers mean "not disclosed". Two are shipped (``greenhouse``,
``lever`` in ``data/track/``); a team can give its own as a YAML file (``--mapping FILE``) or
inline under ``track: mapping:`` in ``.ih.yaml``. Validation is strict: unknown keys, unknown
canonical columns or outcomes and out-of-range ratings are errors naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..validation import did_you_mean
from ..yamlio import DataError, LineDict
from .columns import DEMOGRAPHICS, DEMOGRAPHICS_ID, KINDS, OUTCOMES, PIPELINE, RATING_MAX, RATING_MIN, SCORECARDS, known


def shipped_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "track"


def shipped_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in shipped_dir().glob("*.yml")))


@dataclass(frozen=True)
class FileMapping:
    """How one export file maps onto one canonical file; empty means canonical already."""

    #: canonical column -> export header
    columns: dict[str, str] = field(default_factory=dict)
    #: export value (lower case, trimmed) -> canonical outcome (pipeline) or rating "1".."5"/"" (scorecards)
    values: dict[str, str] = field(default_factory=dict)
    #: export header -> dimension name (demographics)
    dimensions: dict[str, str] = field(default_factory=dict)
    #: extra answers that mean "not disclosed" (lower case, trimmed)
    not_disclosed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Mapping:
    name: str = "canonical"
    source: str = ""
    files: dict[str, FileMapping] = field(default_factory=dict)

    def for_kind(self, kind: str) -> FileMapping:
        return self.files.get(kind, FileMapping())


CANONICAL = Mapping()

_TOP_KEYS = ("name", "source", *KINDS)
_FILE_KEYS = {PIPELINE: ("columns", "outcomes"), SCORECARDS: ("columns", "ratings"),
              DEMOGRAPHICS: ("columns", "dimensions", "not_disclosed")}


def _check_keys(data: Any, allowed: tuple[str, ...], path: str, what: str) -> LineDict:
    if not isinstance(data, dict):
        line = getattr(data, "line", None)
        raise DataError(path, line, f"{what} must be a mapping")
    for key in data:
        if key not in allowed:
            hint = did_you_mean(key, allowed, otherwise=f" (use {', '.join(allowed)})")
            raise DataError(path, _line(data, key), f"unknown key '{key}' in {what}{hint}")
    return data  # type: ignore[return-value]


def _line(data: Any, key: Any) -> int | None:
    return data.line_of(str(key)) if isinstance(data, LineDict) else None


def _text(value: Any, path: str, line: int | None, what: str) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise DataError(path, line, f"{what} must be text")
    return str(value).strip()


def _string_map(data: Any, path: str, what: str) -> dict[str, str]:
    if not isinstance(data, dict):
        raise DataError(path, getattr(data, "line", None), f"{what} must be a mapping")
    return {_text(k, path, _line(data, k), f"a key of {what}"): _text(v, path, _line(data, k), f"{what}.{k}")
            for k, v in data.items()}


def _file_mapping(kind: str, data: Any, path: str) -> FileMapping:
    data = _check_keys(data, _FILE_KEYS[kind], path, kind)
    columns: dict[str, str] = {}
    if "columns" in data:
        columns = _string_map(data["columns"], path, f"{kind}.columns")
        allowed = known(kind)
        for canonical in columns:
            if canonical not in allowed:
                hint = did_you_mean(canonical, allowed, otherwise=f" (columns: {', '.join(allowed)})")
                raise DataError(path, _line(data["columns"], canonical),
                                f"'{canonical}' is not a {kind} column{hint}")
    values: dict[str, str] = {}
    if "outcomes" in data:
        for raw, outcome in _string_map(data["outcomes"], path, f"{kind}.outcomes").items():
            if outcome not in OUTCOMES:
                raise DataError(path, _line(data["outcomes"], raw),
                                f"outcome '{outcome}' is not one of {', '.join(OUTCOMES)}")
            values[raw.lower()] = outcome
    if "ratings" in data:
        ratings = data["ratings"]
        if not isinstance(ratings, dict):
            raise DataError(path, getattr(ratings, "line", None), f"{kind}.ratings must be a mapping")
        for raw, rating in ratings.items():
            line = _line(ratings, raw)
            if rating is None or rating == "":
                values[str(raw).strip().lower()] = ""
                continue
            if isinstance(rating, bool) or not isinstance(rating, int) or not RATING_MIN <= rating <= RATING_MAX:
                raise DataError(path, line, f"rating for '{raw}' must be {RATING_MIN}-{RATING_MAX}, or empty "
                                            "for not rated")
            values[str(raw).strip().lower()] = str(rating)
    dimensions: dict[str, str] = {}
    if "dimensions" in data:
        dimensions = _string_map(data["dimensions"], path, f"{kind}.dimensions")
    not_disclosed: frozenset[str] = frozenset()
    if "not_disclosed" in data:
        items = data["not_disclosed"]
        if not isinstance(items, list):
            raise DataError(path, _line(data, "not_disclosed"), f"{kind}.not_disclosed must be a list")
        not_disclosed = frozenset(_text(v, path, _line(data, "not_disclosed"), "an answer").lower() for v in items)
    if kind == DEMOGRAPHICS and DEMOGRAPHICS_ID not in columns:
        columns = {DEMOGRAPHICS_ID: DEMOGRAPHICS_ID, **columns}
    return FileMapping(columns=columns, values=values, dimensions=dimensions, not_disclosed=not_disclosed)


def mapping_from_data(data: Any, path: str, default_name: str = "custom") -> Mapping:
    """A validated :class:`Mapping` from parsed YAML (a file's or ``.ih.yaml``'s ``track.mapping``)."""
    data = _check_keys(data, _TOP_KEYS, path, "the mapping")
    name = _text(data.get("name", default_name), path, _line(data, "name"), "name")
    source = _text(data.get("source", ""), path, _line(data, "source"), "source")
    files = {kind: _file_mapping(kind, data[kind], path) for kind in KINDS if kind in data}
    return Mapping(name=name, source=source, files=files)


def load_mapping(name_or_file: str, base: Path | None = None) -> Mapping:
    """A shipped mapping by name (or ``canonical``: none), or a mapping file (relative to ``base``)."""
    from ..yamlio import load_yaml_file

    if name_or_file == CANONICAL.name:
        return CANONICAL  # the canonical columns, e.g. to override a mapping set in .ih.yaml
    if name_or_file in shipped_names():
        path = shipped_dir() / f"{name_or_file}.yml"
    else:
        path = Path(name_or_file)
        if base is not None and not path.is_absolute():
            path = base / path
        if not path.is_file():
            raise DataError(path, None, f"no such mapping file (or use a shipped mapping: "
                                        f"{', '.join(shipped_names())}, or canonical for none)")
    return mapping_from_data(load_yaml_file(path), str(path), default_name=path.stem)
