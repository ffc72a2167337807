"""The ``track:`` section of ``.ih.yaml``, read here (not in ``config.py``) and validated strictly.

.. code-block:: yaml

    track:
      db: .ih/track.sqlite      # the store (relative to the .ih.yaml's folder)
      mapping: greenhouse       # a shipped mapping, a mapping file, or a mapping inline
      min_cell: 5               # smallest group shown in reports (3 or more)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..validation import did_you_mean
from ..yamlio import DataError, LineDict
from .mapping import CANONICAL, Mapping, load_mapping, mapping_from_data

DEFAULT_DB = Path(".ih") / "track.sqlite"
DEFAULT_MIN_CELL = 5
MIN_CELL_FLOOR = 3
_KEYS = ("db", "mapping", "min_cell")


@dataclass(frozen=True)
class TrackSettings:
    db: Path = DEFAULT_DB
    mapping: Mapping = CANONICAL
    min_cell: int = DEFAULT_MIN_CELL
    #: the .ih.yaml these came from, if any
    origin: Path | None = None


def check_min_cell(value: object, where: str = "--min-cell") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_CELL_FLOOR:
        raise DataError(where, None, f"min_cell must be a whole number of at least {MIN_CELL_FLOOR} "
                                     f"(got {value!r}): smaller groups could identify people")
    return value


def load_settings(start: Path | None = None) -> TrackSettings:
    """Settings from the ``track:`` key of the ``.ih.yaml`` that applies to ``start`` (default: .)."""
    from ..discovery import discover
    from ..yamlio import load_yaml_file

    found = discover(start or Path("."))
    if found is None:
        return TrackSettings()
    data = load_yaml_file(found)
    if not isinstance(data, dict) or "track" not in data:
        return TrackSettings(origin=found)
    section = data["track"]
    path = str(found)
    line = data.line_of("track") if isinstance(data, LineDict) else None
    if section is None:
        return TrackSettings(origin=found)
    if not isinstance(section, LineDict):
        raise DataError(path, line, "track must be a mapping (keys: db, mapping, min_cell)")
    for key in section:
        if key not in _KEYS:
            hint = did_you_mean(key, _KEYS, otherwise=f" (keys: {', '.join(_KEYS)})")
            raise DataError(path, section.line_of(str(key)), f"unknown key 'track.{key}'{hint}")
    base = found.parent
    db = DEFAULT_DB
    if "db" in section:
        value = section["db"]
        if not isinstance(value, str) or not value.strip():
            raise DataError(path, section.line_of("db"), "track.db must be a file path")
        db = Path(value) if Path(value).is_absolute() else base / value
    else:
        db = base / DEFAULT_DB
    mapping = CANONICAL
    if "mapping" in section:
        value = section["mapping"]
        if isinstance(value, dict):
            mapping = mapping_from_data(value, path, default_name="ih.yaml")
        elif isinstance(value, str) and value.strip():
            try:
                mapping = load_mapping(value.strip(), base)
            except DataError as exc:
                if exc.line is None and exc.path != path:
                    raise DataError(path, section.line_of("mapping"), f"track.mapping: {exc}") from None
                raise
        else:
            raise DataError(path, section.line_of("mapping"),
                            "track.mapping must be a mapping's name, a file, or a mapping")
    min_cell = DEFAULT_MIN_CELL
    if "min_cell" in section:
        try:
            min_cell = check_min_cell(section["min_cell"])
        except DataError as exc:
            raise DataError(path, section.line_of("min_cell"), f"track.{exc.detail}") from None
    return TrackSettings(db=db, mapping=mapping, min_cell=min_cell, origin=found)
