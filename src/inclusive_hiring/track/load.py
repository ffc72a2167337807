"""Read and validate the three CSV files, one row at a time (the store streams them in).

Every problem is one :class:`TrackError` line naming the file, the line and the column:
``pipeline.csv:14: column 4 (outcome): unknown outcome 'moved' (use advanced, rejected, withdrew
or hired)``. Messages never quote a candidate id, and never any value from the demographics file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

from . import TrackError
from .columns import (
    DEMOGRAPHICS,
    DEMOGRAPHICS_ID,
    MAX_CELL,
    NOT_DISCLOSED,
    OUTCOMES,
    PIPELINE,
    RATING_MAX,
    RATING_MIN,
    SCORECARDS,
    known,
    required,
)
from .mapping import FileMapping

#: a file larger than this is refused (a year of a large employer is well under 1 GB)
MAX_FILE_BYTES = 4 * 1024**3
#: columns whose values may be quoted back in an error (never a candidate id or a demographic value)
_QUOTABLE = frozenset({"outcome", "rating", "decided_on", "interviewed_at", "submitted_at", "debrief_at"})

PipelineRow = tuple[int, str, str, str, str, str | None]
ScorecardRow = tuple[int, str, str, str, str, str, int | None, str | None, str | None, str | None]
DemographicRow = tuple[int, str, str, str | None]


class _Where:
    """Formats located errors for one file."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self.path = path
        self.header = header

    def error(self, line: int, column: int | None, message: str) -> TrackError:
        if column is None:
            return TrackError(f"{self.path}:{line}: {message}")
        return TrackError(f"{self.path}:{line}: column {column + 1} ({self.header[column]}): {message}")


def _quote(name: str, value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f" '{shown}'" if name in _QUOTABLE else ""


def parse_time(value: str) -> str:
    """ISO 8601 date or date-time -> 'YYYY-MM-DDTHH:MM:SS' (UTC when it has an offset); ValueError."""
    text = value.strip()
    if len(text) == 10:
        return date.fromisoformat(text).isoformat() + "T00:00:00"
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def parse_date(value: str) -> str:
    """ISO 8601 date (or date-time, whose date is kept) -> 'YYYY-MM-DD'; ValueError."""
    text = value.strip()
    if len(text) == 10:
        return date.fromisoformat(text).isoformat()
    return parse_time(text)[:10]


def _open(path: Path) -> io.TextIOWrapper:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise TrackError(f"{path}: not a file")
        if size > MAX_FILE_BYTES:
            raise TrackError(f"{path}: {size} bytes is more than ih track reads from one file "
                             f"({MAX_FILE_BYTES} bytes); split it by year")
        return open(path, encoding="utf-8-sig", newline="")  # closed by the caller
    except FileNotFoundError:
        raise TrackError(f"{path}: no such file") from None
    except OSError as exc:
        raise TrackError(f"{path}: cannot read ({(exc.strerror or str(exc)).lower()})") from None


def _rows(path: Path, kind: str, mapping: FileMapping) -> Iterator[tuple[_Where, int, dict[str, int], list[str]]]:
    """Yield (where, line, canonical column -> index, cells) for each data row, after header checks."""
    handle = _open(path)
    with handle:
        reader = csv.reader(handle, strict=True)
        try:
            try:
                header = [h.strip() for h in next(reader)]
            except StopIteration:
                raise TrackError(f"{path}: empty file (expected a header row)") from None
            where = _Where(path, header)
            seen: dict[str, int] = {}
            for index, name in enumerate(header):
                if name in seen:
                    raise where.error(1, index, f"the header has this column twice (also column {seen[name] + 1})")
                seen[name] = index
            index_of: dict[str, int] = {}
            for canonical in known(kind):
                source = mapping.columns.get(canonical, canonical)
                if source in seen:
                    index_of[canonical] = seen[source]
                elif canonical in required(kind):
                    via = f" (ih's '{canonical}', renamed by the mapping)" if source != canonical else ""
                    raise TrackError(f"{path}:1: missing column '{source}'{via}; the header has: "
                                     f"{', '.join(header)[:200]}")
            width = len(header)
            for cells in reader:
                line = reader.line_num
                if not cells:
                    continue  # a blank line
                if len(cells) != width:
                    raise where.error(line, None, f"the row has {len(cells)} fields, the header {width}")
                yield where, line, index_of, cells
        except csv.Error as exc:
            raise TrackError(f"{path}:{reader.line_num}: malformed CSV ({exc})") from None
        except UnicodeDecodeError:
            raise TrackError(f"{path}:{reader.line_num + 1}: not UTF-8 text; save the file as CSV UTF-8") from None


def _cell(where: _Where, line: int, index: int, cells: list[str], name: str, needed: bool = True) -> str:
    value = cells[index].strip()
    if needed and not value:
        raise where.error(line, index, "empty; every row needs a value here")
    if len(value) > MAX_CELL:
        raise where.error(line, index, f"longer than {MAX_CELL} characters")
    return value


def read_pipeline(path: Path, mapping: FileMapping) -> Iterator[PipelineRow]:
    outcomes = mapping.values
    for where, line, cols, cells in _rows(path, PIPELINE, mapping):
        cand = _cell(where, line, cols["candidate_id"], cells, "candidate_id")
        req = _cell(where, line, cols["requisition_id"], cells, "requisition_id")
        stage = _cell(where, line, cols["stage"], cells, "stage")
        raw = _cell(where, line, cols["outcome"], cells, "outcome")
        outcome = outcomes.get(raw.lower(), raw.lower())
        if outcome not in OUTCOMES:
            raise where.error(line, cols["outcome"], f"unknown outcome{_quote('outcome', raw)} "
                                                     f"(use {', '.join(OUTCOMES[:-1])} or {OUTCOMES[-1]})")
        decided: str | None = None
        if "decided_on" in cols:
            text = _cell(where, line, cols["decided_on"], cells, "decided_on", needed=False)
            if text:
                try:
                    decided = parse_date(text)
                except ValueError:
                    raise where.error(line, cols["decided_on"], f"not an ISO 8601 date{_quote('decided_on', text)} "
                                                                "(use YYYY-MM-DD)") from None
        yield line, cand, req, stage, outcome, decided


def read_scorecards(path: Path, mapping: FileMapping) -> Iterator[ScorecardRow]:
    ratings = mapping.values
    allowed = {str(n) for n in range(RATING_MIN, RATING_MAX + 1)}
    for where, line, cols, cells in _rows(path, SCORECARDS, mapping):
        cand = _cell(where, line, cols["candidate_id"], cells, "candidate_id")
        req = _cell(where, line, cols["requisition_id"], cells, "requisition_id")
        stage = _cell(where, line, cols["stage"], cells, "stage")
        who = _cell(where, line, cols["interviewer_id"], cells, "interviewer_id")
        comp = _cell(where, line, cols["competency"], cells, "competency")
        raw = _cell(where, line, cols["rating"], cells, "rating", needed=False)
        text = ratings.get(raw.lower(), raw) if ratings else raw
        if text and text not in allowed:
            raise where.error(line, cols["rating"], f"rating{_quote('rating', raw)} is not a whole number "
                                                    f"from {RATING_MIN} to {RATING_MAX} (leave it empty for "
                                                    "not rated)")
        rating = int(text) if text else None
        times: list[str | None] = []
        for name in ("interviewed_at", "submitted_at", "debrief_at"):
            value = _cell(where, line, cols[name], cells, name, needed=False)
            if not value:
                times.append(None)
                continue
            try:
                times.append(parse_time(value))
            except ValueError:
                raise where.error(line, cols[name], f"not an ISO 8601 time{_quote(name, value)} "
                                                    "(use YYYY-MM-DDTHH:MM, optionally with an offset)") from None
        yield line, cand, req, stage, who, comp, rating, times[0], times[1], times[2]


def read_demographics(path: Path, mapping: FileMapping) -> Iterator[DemographicRow]:
    """(line, candidate id, dimension, value) for every answer; value None when not disclosed.
    Other columns are never read."""
    hidden = NOT_DISCLOSED | mapping.not_disclosed
    dims: list[tuple[int, str]] | None = None
    for where, line, cols, cells in _rows(path, DEMOGRAPHICS, mapping):
        if dims is None:
            dims = _dimensions(where, cols[DEMOGRAPHICS_ID], mapping)
        cand = _cell(where, line, cols[DEMOGRAPHICS_ID], cells, DEMOGRAPHICS_ID)
        for index, dimension in dims:
            value = cells[index].strip()
            if value.lower() in hidden:
                yield line, cand, dimension, None
                continue
            if len(value) > MAX_CELL:
                raise where.error(line, index, f"longer than {MAX_CELL} characters")
            yield line, cand, dimension, value


def column_label(path: Path, kind: str, canonical: str, mapping: FileMapping) -> str:
    """'column N (header)' for a canonical column of a file that was read before."""
    source = mapping.columns.get(canonical, canonical)
    with _open(path) as handle:
        header = [h.strip() for h in next(csv.reader(handle), [])]
    return f"column {header.index(source) + 1} ({source})" if source in header else f"column {source}"


def _dimensions(where: _Where, id_index: int, mapping: FileMapping) -> list[tuple[int, str]]:
    """(column index, dimension name): the mapping's dimensions when it lists some (other columns,
    such as names or e-mail addresses in an export, are then never read), else every other column."""
    header = where.header
    if mapping.dimensions:
        out = []
        for source, dimension in mapping.dimensions.items():
            if source not in header:
                raise TrackError(f"{where.path}:1: missing column '{source}' (dimension '{dimension}' of the "
                                 "mapping)")
            out.append((header.index(source), dimension))
        return out
    dims = [(i, name) for i, name in enumerate(header) if i != id_index]
    if not dims:
        raise TrackError(f"{where.path}:1: no dimension columns (add one per dimension, e.g. sex, "
                         "race_ethnicity, age_40_plus, disability, veteran)")
    for i, name in dims:
        if not name:
            raise where.error(1, i, "a dimension column needs a name")
    return dims
