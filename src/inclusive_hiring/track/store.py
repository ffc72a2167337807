"""The tracking store: one SQLite file (standard library), schema version 1.

- ``pipeline``, ``scorecards`` and ``demographics`` are separate tables; demographics are only
  ever read back through :func:`group_counts` (GROUP BY: counts per stage, dimension and group).
- An import is one transaction: the files are streamed into temporary tables, checked (duplicate
  rows, demographics without a pipeline row), then merged with upserts. Any error rolls it all
  back; a store created by a failed import is removed again.
- Importing the same rows twice changes nothing: rows are keyed (candidate, requisition, stage
  [, interviewer, competency]) and only rows whose values differ are updated. A demographics file
  is the latest answer for the candidates it lists: an answer now declined is removed.
- :func:`forget` deletes one candidate's rows from every table with ``secure_delete`` on, so the
  deleted values are overwritten in the file, not just unlinked.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import TrackError
from .columns import DEMOGRAPHICS, PIPELINE, SCORECARDS
from .load import column_label, read_demographics, read_pipeline, read_scorecards
from .mapping import CANONICAL, Mapping

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pipeline(
    candidate_id TEXT NOT NULL, requisition_id TEXT NOT NULL, stage TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('advanced', 'rejected', 'withdrew', 'hired')),
    decided_on TEXT,
    PRIMARY KEY (candidate_id, requisition_id, stage)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scorecards(
    candidate_id TEXT NOT NULL, requisition_id TEXT NOT NULL, stage TEXT NOT NULL,
    interviewer_id TEXT NOT NULL, competency TEXT NOT NULL,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    interviewed_at TEXT, submitted_at TEXT, debrief_at TEXT,
    PRIMARY KEY (candidate_id, requisition_id, stage, interviewer_id, competency)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS demographics(
    candidate_id TEXT NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (candidate_id, dimension)) WITHOUT ROWID;
"""
# Secondary indexes are built after the rows are in (faster than maintaining them row by row).
# The scorecards have none: every report query reads all of them, and an index on a WITHOUT ROWID
# table repeats the whole key (it made the store 40% larger for nothing).
_INDEXES = """
CREATE INDEX IF NOT EXISTS pipeline_by_stage ON pipeline(stage, outcome);
"""
_STAGING = """
CREATE TEMP TABLE stage_pipeline(line INTEGER, candidate_id TEXT, requisition_id TEXT, stage TEXT,
    outcome TEXT, decided_on TEXT);
CREATE TEMP TABLE stage_scorecards(line INTEGER, candidate_id TEXT, requisition_id TEXT, stage TEXT,
    interviewer_id TEXT, competency TEXT, rating INTEGER, interviewed_at TEXT, submitted_at TEXT,
    debrief_at TEXT);
CREATE TEMP TABLE stage_demographics(line INTEGER, candidate_id TEXT, dimension TEXT, value TEXT);
"""
TABLES: tuple[str, ...] = (PIPELINE, SCORECARDS, DEMOGRAPHICS)
GITIGNORE = "# Written by ih track: this folder holds candidate data; keep it out of version control.\n*\n"


@dataclass(frozen=True)
class Added:
    """What one file of an import did to its table."""

    kind: str
    read: int
    added: int
    updated: int
    removed: int = 0

    @property
    def unchanged(self) -> int:
        return self.read - self.added - self.updated


def connect(db: Path, *, create: bool = False) -> sqlite3.Connection:
    """Open the store (autocommit mode: transactions are explicit) and check its schema version."""
    db = Path(db)
    if not create and not db.is_file():
        raise TrackError(f"{db}: no tracking store here (run ih track add first, or give --db)")
    try:
        conn = sqlite3.connect(str(db), isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise TrackError(f"{db}: not an ih tracking store ({exc})") from None
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row and str(row[0]).isdigit() else None
        if version != SCHEMA_VERSION:
            conn.close()
            raise TrackError(f"{db}: store schema version {version}, this ih reads version {SCHEMA_VERSION}")
    elif tables:
        conn.close()
        raise TrackError(f"{db}: an SQLite file, but not an ih tracking store")
    else:
        with _transaction(conn):
            _run_script(conn, _SCHEMA)
            conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return conn


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _duplicates(conn: sqlite3.Connection, table: str, key: str, path: Path, what: str) -> None:
    row = conn.execute(f"SELECT MIN(line), MAX(line) FROM {table} GROUP BY {key} HAVING COUNT(*) > 1 "
                       "ORDER BY MIN(line) LIMIT 1").fetchone()
    if row:
        raise TrackError(f"{path}:{row[1]}: the same {what} as line {row[0]}; keep one row")


def add(db: Path, *, pipeline: Path | None = None, scorecards: Path | None = None,
        demographics: Path | None = None, mapping: Mapping = CANONICAL) -> list[Added]:
    """Import the given files in one transaction; return what each did. Raises TrackError."""
    db = Path(db)
    if pipeline is None and scorecards is None and demographics is None:
        raise TrackError("give at least one of --pipeline, --scorecards, --demographics")
    created_dir = None
    if not db.exists():
        if not db.parent.exists():
            created_dir = db.parent
            try:
                db.parent.mkdir(parents=True, mode=0o700)
                # The store holds candidate data: keep a folder ih created out of version control.
                (db.parent / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
            except OSError as exc:
                raise TrackError(f"{db.parent}: cannot create the folder "
                                 f"({(exc.strerror or str(exc)).lower()})") from None
        new = True
    else:
        new = False
    try:
        if new:  # created readable by its owner only (SQLite gives its journal the same mode)
            try:
                os.close(os.open(db, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            except FileExistsError:  # someone else made it meanwhile: not ours to remove
                new = False
        conn = connect(db, create=True)
    except OSError as exc:
        _remove_new(db, new, created_dir)
        raise TrackError(f"{db}: cannot create the store ({(exc.strerror or str(exc)).lower()})") from None
    except BaseException:
        _remove_new(db, new, created_dir)
        raise
    try:
        with _transaction(conn):
            _run_script(conn, _STAGING)
            results = _import(conn, pipeline, scorecards, demographics, mapping)
            _run_script(conn, _INDEXES)
            for table in ("stage_pipeline", "stage_scorecards", "stage_demographics"):
                conn.execute(f"DROP TABLE temp.{table}")
    except sqlite3.Error as exc:
        conn.close()
        _remove_new(db, new, created_dir)
        raise TrackError(f"{db}: the store could not be written ({exc}); nothing was changed") from None
    except BaseException:
        conn.close()
        _remove_new(db, new, created_dir)
        raise
    conn.close()
    return results


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _remove_new(db: Path, new: bool, created_dir: Path | None) -> None:
    """A store that a failed import created is removed, so a failed first import leaves nothing."""
    if not new:
        return
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if created_dir is not None:
        (created_dir / ".gitignore").unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            created_dir.rmdir()


def _import(conn: sqlite3.Connection, pipeline: Path | None, scorecards: Path | None,
            demographics: Path | None, mapping: Mapping) -> list[Added]:
    results: list[Added] = []
    if pipeline is not None:
        conn.executemany("INSERT INTO stage_pipeline VALUES (?, ?, ?, ?, ?, ?)",
                         read_pipeline(pipeline, mapping.for_kind(PIPELINE)))
        _duplicates(conn, "stage_pipeline", "candidate_id, requisition_id, stage", pipeline,
                    "candidate, requisition and stage")
    if scorecards is not None:
        conn.executemany("INSERT INTO stage_scorecards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         read_scorecards(scorecards, mapping.for_kind(SCORECARDS)))
        _duplicates(conn, "stage_scorecards", "candidate_id, requisition_id, stage, interviewer_id, competency",
                    scorecards, "candidate, requisition, stage, interviewer and competency")
    if demographics is not None:
        conn.executemany("INSERT INTO stage_demographics VALUES (?, ?, ?, ?)",
                         read_demographics(demographics, mapping.for_kind(DEMOGRAPHICS)))
        _duplicates(conn, "stage_demographics", "candidate_id, dimension", demographics, "candidate")
    if pipeline is not None:
        results.append(_merge(conn, PIPELINE, """
            INSERT INTO pipeline SELECT candidate_id, requisition_id, stage, outcome, decided_on
            FROM stage_pipeline WHERE true ORDER BY candidate_id, requisition_id, stage
            ON CONFLICT (candidate_id, requisition_id, stage) DO UPDATE
            SET outcome = excluded.outcome, decided_on = excluded.decided_on
            WHERE outcome IS NOT excluded.outcome OR decided_on IS NOT excluded.decided_on"""))
    if scorecards is not None:
        results.append(_merge(conn, SCORECARDS, """
            INSERT INTO scorecards SELECT candidate_id, requisition_id, stage, interviewer_id, competency,
                rating, interviewed_at, submitted_at, debrief_at
            FROM stage_scorecards WHERE true
            ORDER BY candidate_id, requisition_id, stage, interviewer_id, competency
            ON CONFLICT (candidate_id, requisition_id, stage, interviewer_id, competency) DO UPDATE
            SET rating = excluded.rating, interviewed_at = excluded.interviewed_at,
                submitted_at = excluded.submitted_at, debrief_at = excluded.debrief_at
            WHERE rating IS NOT excluded.rating OR interviewed_at IS NOT excluded.interviewed_at
               OR submitted_at IS NOT excluded.submitted_at OR debrief_at IS NOT excluded.debrief_at"""))
    if demographics is not None:
        row = conn.execute("""SELECT MIN(line) FROM stage_demographics d WHERE NOT EXISTS
                              (SELECT 1 FROM pipeline p WHERE p.candidate_id = d.candidate_id)""").fetchone()
        if row and row[0] is not None:
            label = column_label(demographics, DEMOGRAPHICS, "candidate_id", mapping.for_kind(DEMOGRAPHICS))
            raise TrackError(f"{demographics}:{row[0]}: {label}: this candidate is in no pipeline row "
                             "(of this import or the store); import their pipeline rows first")
        removed = conn.execute("""DELETE FROM demographics WHERE (candidate_id, dimension) IN
            (SELECT candidate_id, dimension FROM stage_demographics WHERE value IS NULL)""").rowcount
        merged = _merge(conn, DEMOGRAPHICS, """
            INSERT INTO demographics SELECT candidate_id, dimension, value FROM stage_demographics
            WHERE value IS NOT NULL ORDER BY candidate_id, dimension
            ON CONFLICT (candidate_id, dimension) DO UPDATE SET value = excluded.value
            WHERE value IS NOT excluded.value""", read_filter="WHERE value IS NOT NULL")
        results.append(Added(DEMOGRAPHICS, merged.read, merged.added, merged.updated, removed))
    return results


def _merge(conn: sqlite3.Connection, kind: str, sql: str, read_filter: str = "") -> Added:
    before_rows = _count(conn, kind)
    before = conn.total_changes
    conn.execute(sql)
    changes = conn.total_changes - before
    added = _count(conn, kind) - before_rows
    read = int(conn.execute(f"SELECT COUNT(*) FROM stage_{kind} {read_filter}").fetchone()[0])
    return Added(kind, read, added, changes - added)


def forget(db: Path, candidate_id: str) -> dict[str, int]:
    """Delete every row of one candidate; return rows deleted per table."""
    conn = connect(db)
    try:
        with _transaction(conn):
            deleted = {table: conn.execute(f"DELETE FROM {table} WHERE candidate_id = ?",
                                           (candidate_id,)).rowcount for table in TABLES}
    finally:
        conn.close()
    return deleted


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, and distinct candidates in the pipeline."""
    out = {table: _count(conn, table) for table in TABLES}
    out["candidates"] = int(conn.execute("SELECT COUNT(DISTINCT candidate_id) FROM pipeline").fetchone()[0])
    return out


def pipeline_filter(since: str | None, stage: str | None, alias: str = "p") -> tuple[str, list[str]]:
    """SQL conditions (joined with AND, starting with AND) for ``--since`` and ``--stage``."""
    clauses, params = [], []
    if since:
        clauses.append(f"{alias}.decided_on >= ?")
        params.append(since)
    if stage:
        clauses.append(f"{alias}.stage = ?")
        params.append(stage)
    return "".join(f" AND {c}" for c in clauses), params


def stage_totals(conn: sqlite3.Connection, since: str | None, stage: str | None) -> list[tuple[str, int, int, int]]:
    """(stage, selected, rejected, withdrew) for every stage."""
    cond, params = pipeline_filter(since, stage)
    return [(s, int(a), int(b), int(c)) for s, a, b, c in conn.execute(f"""
        SELECT p.stage, SUM(p.outcome IN ('advanced', 'hired')), SUM(p.outcome = 'rejected'),
               SUM(p.outcome = 'withdrew')
        FROM pipeline p WHERE 1 {cond} GROUP BY p.stage ORDER BY p.stage""", params)]


def group_counts(conn: sqlite3.Connection, since: str | None,
                 stage: str | None) -> list[tuple[str, str, str, int, int]]:
    """(stage, dimension, group, decided, selected): the only read of the demographics table,
    and an aggregate one (withdrawals are left out)."""
    cond, params = pipeline_filter(since, stage)
    return [(s, d, g, int(n), int(k)) for s, d, g, n, k in conn.execute(f"""
        SELECT p.stage, d.dimension, d.value, COUNT(*), SUM(p.outcome IN ('advanced', 'hired'))
        FROM pipeline p JOIN demographics d ON d.candidate_id = p.candidate_id
        WHERE p.outcome != 'withdrew' {cond}
        GROUP BY p.stage, d.dimension, d.value ORDER BY 1, 2, 3""", params)]


def dimensions(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT dimension FROM demographics ORDER BY 1")]
