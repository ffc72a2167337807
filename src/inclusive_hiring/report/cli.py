"""``ih report PATHS -o report.html``: the command; the work is in the modules beside it."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..exits import fail
from . import DEFAULT_RULES_URL


class ReportFormat(str, Enum):
    html = "html"
    json = "json"


def report(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of postings (as ih lint takes them).")],
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE",
                                        help="Where to write the report (- for standard output).")],
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="html: one self-contained page; json: the same aggregates as data.")
    ] = ReportFormat.html,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    title: Annotated[str, typer.Option(help="The page title.")] = "Job posting report",
    rules_url: Annotated[str, typer.Option(
        "--rules-url", metavar="URL",
        help="Where rule ids link to (the page of docs/rules.md); #ih110-gendered-job-title style "
             "anchors are added.")] = DEFAULT_RULES_URL,
    exclude: Annotated[list[str] | None, typer.Option(metavar="GLOB",
        help="Glob of files to skip (repeatable), as in ih lint.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 means one per core.")] = 0,
    config: Annotated[str | None, typer.Option("--config", metavar="FILE", help="A configuration file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore .ih.yaml files.")] = False,
) -> None:
    """Write one HTML dashboard (or JSON aggregates) over many postings: counts by rule and
    category, the postings with the most problems, gender coding, reading grade and length, pay and
    EEO coverage, and each posting's text with its findings marked."""
    import os

    from .. import __version__
    from ..api import lint_paths
    from ..documents.lint import source_lines
    from ..yamlio import DataError
    from .aggregate import aggregate

    if output != "-" and Path(output).exists() and not force:
        fail(f"{output} exists; use --force to replace it")
    if output != "-" and not Path(output).resolve().parent.is_dir():
        fail(f"{output}: the folder {Path(output).resolve().parent} does not exist")
    try:
        resolver = _resolver(paths, config, no_config)
        result = lint_paths(paths, exclude=tuple(exclude or ()), jobs=jobs or (os.cpu_count() or 1),
                            config=resolver)
        places = {r.path: resolver.for_file(r.path).jurisdictions
                  for r in result.files if r.error is None and resolver is not None}
    except DataError as exc:
        fail(str(exc))
        return
    if not any(r.error is None for r in result.files):
        reasons = "; ".join(f"{r.path}: {r.error}" for r in result.files[:3])
        fail(f"nothing could be linted ({reasons})")
    data = aggregate(result.files, places, rules_url)
    if output_format is ReportFormat.json:
        text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    else:
        from .render import render_html

        text = render_html(data, result.files, source_lines, __version__, title)
    for bad in result.errors:
        sys.stderr.write(f"ih: {bad.path}: {bad.error}\n")
    if output == "-":
        sys.stdout.write(text)
        return
    from ..fixes import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"), must_exist=False)
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}")
    totals = data["totals"]
    sys.stderr.write(f"ih: wrote {output}: {totals['files']} file{'s' * (totals['files'] != 1)}, "
                     f"{totals['findings']} finding{'s' * (totals['findings'] != 1)}\n")


def _resolver(paths: list[str], config: str | None, no_config: bool):  # type: ignore[no-untyped-def]
    """A configuration resolver when one applies (given, or an .ih.yaml above a path), else None."""
    from ..discovery import discover

    if config is None and (no_config or not any(discover(Path(p)) for p in paths if p != "-")):
        return None
    from ..config import ConfigResolver

    resolver = ConfigResolver(config, no_config=no_config)
    resolver.base()
    return resolver
