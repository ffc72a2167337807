"""``ih track``: add CSV files to the tracking store, report on it, forget a candidate.

Light to import (``ih --help`` stays instant): everything else is imported inside the commands.
No message names a candidate id or quotes a demographic value.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..exits import fail as _fail

track_app = typer.Typer(
    help="Interview-inclusivity tracking: adverse impact per stage and structured-interview "
         "discipline, from pipeline, scorecard and demographic CSV files kept in a local SQLite "
         "store (docs/tracking.md).",
    no_args_is_help=True)

_DB_HELP = ("The tracking store (default: track.db in .ih.yaml, else .ih/track.sqlite beside .ih.yaml, "
            "or here when there is none).")


class ReportFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


def _say(message: str) -> None:
    sys.stdout.write(message + "\n")


def _settings() -> Any:
    from ..yamlio import DataError
    from .settings import load_settings

    try:
        return load_settings(Path("."))
    except DataError as exc:
        _fail(str(exc))


def _db(given: str | None, settings: Any) -> Path:
    return Path(given) if given else settings.db


@track_app.command("add")
def add(
    db: Annotated[str | None, typer.Option("--db", metavar="PATH", help=_DB_HELP)] = None,
    pipeline: Annotated[str | None, typer.Option(
        "--pipeline", metavar="FILE", help="Stage decisions: candidate_id, requisition_id, stage, outcome "
                                           "[, decided_on].")] = None,
    scorecards: Annotated[str | None, typer.Option(
        "--scorecards", metavar="FILE", help="Ratings: one row per interviewer, candidate and competency "
                                             "(ih kit writes scorecards.csv in this shape).")] = None,
    demographics: Annotated[str | None, typer.Option(
        "--demographics", metavar="FILE", help="Voluntary self-identification: candidate_id plus one column "
                                               "per dimension.")] = None,
    mapping: Annotated[str | None, typer.Option(
        "--mapping", metavar="NAME|FILE", help="Read an ATS export: a shipped mapping (greenhouse, lever) "
                                               "or a mapping file (default: track.mapping in .ih.yaml).")] = None,
) -> None:
    """Import CSV files into the store, in one transaction: a bad file changes nothing, and the same
    rows imported twice count once."""
    from ..yamlio import DataError
    from . import TrackError
    from .mapping import load_mapping
    from .store import add as add_files

    settings = _settings()
    try:
        chosen = load_mapping(mapping) if mapping else settings.mapping
        results = add_files(_db(db, settings),
                            pipeline=Path(pipeline) if pipeline else None,
                            scorecards=Path(scorecards) if scorecards else None,
                            demographics=Path(demographics) if demographics else None,
                            mapping=chosen)
    except (TrackError, DataError) as exc:
        _fail(f"{exc}; nothing was imported" if "nothing was" not in str(exc) else str(exc))
    for done in results:
        removed = f", {done.removed} declined since and removed" if done.removed else ""
        _say(f"{done.kind}: {done.read} rows read: {done.added} added, {done.updated} updated, "
             f"{done.unchanged} unchanged{removed}")
    _say(f"store: {_db(db, settings)}")


@track_app.command("report")
def report(
    db: Annotated[str | None, typer.Option("--db", metavar="PATH", help=_DB_HELP)] = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="markdown, html or json.")
                             ] = ReportFormat.markdown,
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE",
                                               help="Write the report here instead of to stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the -o file if it exists.")] = False,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="DATE", help="Only decisions on or after DATE (YYYY-MM-DD) and interviews "
                                        "from that day on.")] = None,
    stage: Annotated[str | None, typer.Option("--stage", metavar="S", help="Only this stage.")] = None,
    min_cell: Annotated[int | None, typer.Option(
        "--min-cell", metavar="N", help="Smallest group shown (default: track.min_cell in .ih.yaml, else 5; "
                                        "never below 3).")] = None,
) -> None:
    """Report adverse impact per stage and dimension (four-fifths rule, Fisher's exact test) and
    structured-interview discipline; small groups are suppressed."""
    from ..yamlio import DataError
    from . import TrackError
    from .load import parse_date
    from .settings import check_min_cell

    settings = _settings()
    try:
        cell = check_min_cell(min_cell) if min_cell is not None else settings.min_cell
    except DataError as exc:
        _fail(exc.detail.replace("min_cell", "--min-cell", 1))
    if since is not None:
        try:
            if len(since.strip()) != 10:
                raise ValueError
            since = parse_date(since)
        except ValueError:
            _fail(f"--since '{since}' is not a date (use YYYY-MM-DD)")
    target = Path(output) if output else None
    if target is not None and target.exists() and not force:
        _fail(f"{target} exists: use --force to overwrite")
    try:
        text = _render(_db(db, settings), output_format.value, since, stage, cell)
    except TrackError as exc:
        _fail(str(exc))
    if target is None:
        sys.stdout.write(text)
        return
    from ..fixes import write_atomic

    try:
        write_atomic(str(target), text.encode("utf-8"), must_exist=False)
    except OSError as exc:
        _fail(f"{target}: cannot write ({(exc.strerror or str(exc)).lower()})")
    _say(f"wrote {target}")


def _render(db: Path, fmt: str, since: str | None, stage: str | None, min_cell: int) -> str:
    from ..validation import did_you_mean
    from . import TrackError
    from .report import build
    from .store import connect

    conn = connect(db)
    try:
        if stage is not None:
            known = sorted(row[0] for row in conn.execute("SELECT DISTINCT stage FROM pipeline"))
            if stage not in known:
                listed = ", ".join(known) if known else "none yet"
                raise TrackError(f"--stage '{stage}': no such stage in the store{did_you_mean(stage, known)} "
                                 f"(stages: {listed})")
        content = build(conn, since=since, stage=stage, min_cell=min_cell)
    finally:
        conn.close()
    if fmt == "json":
        from .report_json import render
    elif fmt == "html":
        from .report_html import render
    else:
        from .report_md import render
    return render(content)


@track_app.command("forget")
def forget(
    candidate_id: Annotated[str, typer.Argument(metavar="CANDIDATE_ID", help="The candidate whose rows to delete.")],
    db: Annotated[str | None, typer.Option("--db", metavar="PATH", help=_DB_HELP)] = None,
) -> None:
    """Delete every row of one candidate (pipeline, scorecards, demographics): a data-subject request."""
    from . import TrackError
    from .store import forget as forget_rows

    settings = _settings()
    try:
        deleted = forget_rows(_db(db, settings), candidate_id)
    except TrackError as exc:
        _fail(str(exc))
    if not any(deleted.values()):
        _say("no rows for that candidate id; nothing was deleted")
        return
    _say("deleted " + ", ".join(f"{n} {table} rows" for table, n in deleted.items())
         + " for that candidate; other files (exports, reports) are not touched")
