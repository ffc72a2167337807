"""The ``ih`` command line: thin typer commands over :mod:`inclusive_hiring.api`.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage, input or
configuration error (a file that could not be read, a malformed word list, a bad option).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="ih",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Lint job postings for exclusionary or legally risky wording, offline.",
)


class Format(str, Enum):
    auto = "auto"
    human = "human"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class Kind(str, Enum):
    auto = "auto"
    posting = "posting"
    questions = "questions"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _fail(message: str) -> None:
    sys.stderr.write(f"ih: error: {message}\n")
    raise typer.Exit(EXIT_ERROR)


def _resolve_format(requested: Format) -> Format:
    """``auto``: github inside GitHub Actions, human on a terminal, else concise."""
    if requested is not Format.auto:
        return requested
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return Format.github
    return Format.human if sys.stdout.isatty() else Format.concise


@app.command()
def lint(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to lint; - reads stdin.")],
    output_format: Annotated[Format, typer.Option(
        "--format", "-f",
        help="human, concise, json, sarif (SARIF 2.1.0), github (GitHub Actions annotations) or junit "
             "(JUnit XML). auto (the default): github when GITHUB_ACTIONS=true, human on a terminal, "
             "else concise.")] = Format.auto,
    fail_on: Annotated[FailOn, typer.Option(
        help="Exit 1 when a finding is at or above this severity.")] = FailOn.warning,
    exclude: Annotated[list[str] | None, typer.Option(
        help="Glob of files to skip inside directories (repeatable).")] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes; 0 means one per core.")] = 0,
    kind: Annotated[Kind, typer.Option(
        help="posting, questions (interview questions), or auto: front matter 'kind:', else "
             "questions when most list items or lines are questions.")] = Kind.auto,
) -> None:
    """Lint job postings (.md, .markdown, .txt, .html) and report findings."""
    from .api import lint_paths
    from .finding import severity_rank
    from .yamlio import DataError

    workers = jobs or (os.cpu_count() or 1)
    try:
        report = lint_paths(paths, exclude=tuple(exclude or ()), jobs=workers, kind=kind.value)
    except DataError as exc:
        _fail(str(exc))
        return
    fmt = _resolve_format(output_format)
    for result in report.errors:
        sys.stderr.write(f"ih: {result.path}: {result.error}\n")
    if fmt is Format.human:
        from rich.console import Console

        from .formatters import human

        human.render(report, Console(highlight=False))
    else:
        import importlib

        renderer = importlib.import_module(f"{__package__}.formatters.{fmt.value}")
        sys.stdout.write(renderer.render(report))
    if report.errors:
        raise typer.Exit(EXIT_ERROR)
    if fail_on is not FailOn.never:
        threshold = severity_rank(fail_on.value)
        if any(severity_rank(f.severity) >= threshold for f in report.findings):
            raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@app.command()
def rules() -> None:
    """List every rule: id, name, category, scope and default severity."""
    from rich.console import Console
    from rich.table import Table

    from .catalog import default_catalog

    catalog = default_catalog()
    fixable = {e.rule_id for e in catalog.entries.values() if e.fix_safe}
    table = Table(box=None, header_style="bold")
    for column in ("id", "name", "category", "scope", "severity", "fixable"):
        table.add_column(column)
    for rule in catalog.rules.values():
        table.add_row(rule.id, rule.name, rule.category, rule.scope, rule.severity,
                      "yes" if rule.id in fixable else "")
    Console().print(table)


@app.command()
def rule(rule_id: Annotated[str, typer.Argument(help="A rule id (IH110) or name.")]) -> None:
    """Show one rule's documentation: what it flags, why, example, what to write instead."""
    from rich.console import Console
    from rich.markdown import Markdown

    from .catalog import default_catalog
    from .ruledocs import rule_section

    catalog = default_catalog()
    wanted = rule_id.strip()
    found = catalog.rules.get(wanted.upper()) or next(
        (r for r in catalog.rules.values() if r.name == wanted.lower()), None)
    if found is None:
        from difflib import get_close_matches

        names = list(catalog.rules) + [r.name for r in catalog.rules.values()]
        near = get_close_matches(wanted, names, n=1)
        _fail(f"unknown rule '{wanted}'" + (f" (did you mean {near[0]}?)" if near else ""))
        return
    entries = [e for e in catalog.entries.values() if e.rule_id == found.id]
    Console().print(Markdown(rule_section(found, entries)))


@app.command()
def version() -> None:
    """Print the version."""
    from . import __version__

    typer.echo(f"ih {__version__}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("ih: interrupted\n")
        sys.exit(130)
