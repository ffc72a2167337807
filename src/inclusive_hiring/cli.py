"""The ``ih`` command line: thin typer commands over :mod:`inclusive_hiring.api`.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage, input or
configuration error (a file that could not be read, a malformed word list, a bad option).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

if TYPE_CHECKING:
    from .ci.gitdiff import Changes
    from .fixes import FileFix
    from .results import LintReport

from .exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from .exits import fail as _fail

app = typer.Typer(
    name="ih",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Lint job postings for exclusionary or legally risky wording, offline.",
)


def usage_message(error: Exception) -> str:
    """A click usage error in one line, without pydantic-style "Value error, " noise."""
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    return " ".join(message.replace("Value error, ", "").split())


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"ih {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_print_version, help="Print the version and exit.")] = False,
) -> None:
    """Lint job postings for exclusionary or legally risky wording, offline."""


from .formatters import FORMATS  # noqa: E402  (the registry is light: no formatter is imported)

#: ``--format`` choices: auto, then every format of the registry
Format = Enum("Format", {name: name for name in ("auto", *FORMATS)}, type=str)  # type: ignore[misc]


class Kind(str, Enum):
    auto = "auto"
    posting = "posting"
    questions = "questions"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


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
        help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values())
             + ". auto (the default): github when GITHUB_ACTIONS=true, human on a terminal, else concise.")
    ] = Format.auto,
    fail_on: Annotated[FailOn, typer.Option(
        help="Exit 1 when a finding is at or above this severity.")] = FailOn.warning,
    exclude: Annotated[list[str] | None, typer.Option(
        metavar="GLOB", help="Glob of files to skip (repeatable), as in .gitignore and exclude: in .ih.yaml: "
             "relative to the current folder or to a directory argument; a glob without / "
             "matches a name at any depth.")] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes; 0 means one per core.")] = 0,
    kind: Annotated[Kind, typer.Option(
        help="posting, questions (interview questions), or auto: front matter 'kind:', else "
             "questions when most list items or lines are questions and the rest does not read as "
             "a posting (JSON: metrics.kind_reason says why).")] = Kind.auto,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply safe fixes in place (a single suggested replacement, marked safe in the "
                      "word lists); the exit code then reflects the findings that remain. With - the "
                      "fixed text goes to stdout and the report to stderr.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option(
        "--unsafe-fixes", help="With --fix, also apply a finding's first suggestion when it is a short "
                               "phrase. Review the result.")] = False,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="With --fix, print a unified diff of the fixes instead of writing them.")] = False,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", metavar="FILE",
        help="Report only findings that are not recorded in FILE (see --write-baseline).")] = None,
    write_baseline: Annotated[str | None, typer.Option(
        "--write-baseline", metavar="FILE",
        help="Record every finding of this run in FILE and exit 0; later runs with --baseline FILE "
             "report only new findings.")] = None,
    diff: Annotated[str | None, typer.Option(
        "--diff", metavar="REF",
        help="Report only findings on lines changed since the git revision REF (the working tree "
             "against REF; untracked files count as changed).")] = None,
    config: Annotated[str | None, typer.Option(
        "--config", metavar="FILE",
        help="A configuration file, layered over the .ih.yaml found next to each file "
             "(docs/configuration.md).")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore .ih.yaml / .ih.yml files found on the way up.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List the files a folder run skipped and why (a count is always "
                                "shown in human output).")] = False,
    follow_symlinks: Annotated[bool, typer.Option(
        "--follow-symlinks", help="Also lint symbolic links in a linted folder that point outside it "
                                  "(skipped by default; --fix never writes outside it).")] = False,
) -> None:
    """Lint job postings (.md, .markdown, .txt, .html, .docx, .pdf) and interview questions."""
    from .api import STDIN, lint_paths
    from .yamlio import DataError

    problem = _lint_option_problem(paths, fix, unsafe_fixes, dry_run, write_baseline, diff)
    if problem:
        _fail(problem)
    known = _read_baseline(baseline) if baseline else None
    changes = _changed_lines(diff, paths) if diff else None
    fmt = _resolve_format(output_format)
    if fix and paths == [STDIN]:
        _lint_fix_stdin(kind.value, fmt, fail_on, unsafe_fixes, dry_run, known, write_baseline,
                        (config, no_config))
        return
    workers = jobs or (os.cpu_count() or 1)
    targets = _changed_targets(paths, exclude or (), changes) if changes is not None else paths
    try:
        resolver = _config_resolver(paths, config, no_config)
        from .progress import lint_progress

        with lint_progress(fmt is Format.human) as progress:
            report = lint_paths(targets, exclude=tuple(exclude or ()), jobs=workers, kind=kind.value,
                                config=resolver, progress=progress, follow_symlinks=follow_symlinks)
    except DataError as exc:
        _fail(str(exc))
        return
    for note in report.notes:
        sys.stderr.write(f"ih: note: {note}\n")
    shown = _narrow(report, known, changes)
    fix_failed = False
    if fix:
        from .documents.skipped import without_documents
        from .fixes import fix_report, linted_trees

        before = shown = without_documents(shown)  # --fix edits text files, not .docx or .pdf
        report, done = fix_report(report, unsafe=unsafe_fixes, kind=kind.value, write=not dry_run,
                                  only=shown, config=resolver, trees=linted_trees(paths))
        if diff and not dry_run and any(d.applied for d in done):
            changes = _changed_lines(diff, paths)  # the fixes changed lines; ask git again
        shown = _narrow(report, known, changes)
        fix_failed = _report_fixes(done, before, unsafe_fixes, dry_run, kind.value, resolver)
    for result in report.errors:
        sys.stderr.write(f"ih: {result.path}: {result.error}\n")
    if fmt is Format.human or verbose:
        from .api import DEFAULT_SUFFIXES
        from .documents.skipped import print_skipped, skipped_files

        print_skipped(skipped_files(targets, DEFAULT_SUFFIXES), verbose)
    if write_baseline:
        shown = _write_baseline(write_baseline, report)
    if not dry_run:
        _render(shown, fmt, sys.stdout)
    _exit(shown, fail_on, error=bool(report.errors) or fix_failed)


def _config_resolver(paths: list[str], config: str | None, no_config: bool):  # type: ignore[no-untyped-def]
    """A resolver when a configuration applies (given, or found above a linted path), else None:
    without one, no configuration code or YAML is loaded at all."""
    from pathlib import Path

    from .discovery import discover

    if config is None and (no_config or not any(
            discover(Path.cwd() if p == "-" else Path(p)) for p in paths)):
        return None
    from .config import ConfigResolver

    resolver = ConfigResolver(config, no_config=no_config)
    resolver.base()  # a broken configuration is reported here, before any output
    return resolver


def _lint_option_problem(paths: list[str], fix: bool, unsafe_fixes: bool, dry_run: bool,
                         write_baseline: str | None, diff: str | None) -> str | None:
    from .api import STDIN

    if paths.count(STDIN) > 1:
        return "- (standard input) can be given once: it is read once"
    if unsafe_fixes and not fix:
        return "--unsafe-fixes needs --fix"
    if dry_run and not fix:
        return "--dry-run needs --fix (ih lint --fix --dry-run PATH prints the fixes as a diff)"
    if write_baseline and diff:
        return "--write-baseline records every finding; it cannot be combined with --diff"
    if write_baseline and dry_run:
        return "--write-baseline cannot be combined with --dry-run"
    if diff and STDIN in paths:
        return "--diff compares files with git; it cannot be used with - (standard input)"
    if fix and STDIN in paths and len(paths) > 1:
        return "--fix with - (standard input) fixes one document; lint files in a separate run"
    return None


def _read_baseline(path: str) -> dict[str, frozenset[str]]:
    from .ci.baseline import BaselineError, read

    try:
        return read(path)
    except BaselineError as exc:
        _fail(str(exc))


def _changed_lines(ref: str, paths: list[str]) -> Changes:
    from .ci.gitdiff import GitDiffError, changed_lines

    try:
        return changed_lines(ref, paths)
    except GitDiffError as exc:
        _fail(str(exc))


def _changed_targets(paths: list[str], exclude: list[str], changes: Changes) -> list[str]:
    """With --diff, lint only the files that changed (and report paths that cannot be linted)."""
    from .api import expand_paths

    return [p for p, err in expand_paths(paths, tuple(exclude)) if err or changes.changed(p)]


def _narrow(report: LintReport, known: dict[str, frozenset[str]] | None,
            changes: Changes | None) -> LintReport:
    """The findings to show: without those in the baseline, and only on changed lines."""
    if known is not None:
        from .ci.baseline import filter_report

        report = filter_report(report, known)
    if changes is not None:
        from .ci.gitdiff import filter_report as on_changed_lines

        report = on_changed_lines(report, changes)
    return report


def _report_fixes(done: list[FileFix], before: LintReport, unsafe: bool, dry_run: bool,
                  kind: str = "auto", config: object = None) -> bool:
    """Print the diffs (--dry-run), the fix errors and a one-line summary; True if a fix failed."""
    from .fixes import unified_diff, unsafe_fix_count

    failed = False
    for outcome in done:
        if outcome.error:
            failed = True
            sys.stderr.write(f"ih: {outcome.path}: {outcome.error}\n")
        elif dry_run:
            sys.stdout.write(unified_diff(outcome.path, outcome.before, outcome.after))
    applied = sum(d.applied for d in done)
    files = sum(1 for d in done if d.applied)
    verb = "would fix" if dry_run else "fixed"
    line = f"ih: {verb} {applied} finding{'s' * (applied != 1)} in {files} file{'s' * (files != 1)}"
    if not unsafe and (more := unsafe_fix_count(before, done, kind, config)) > 0:
        line += f"; {more} more with --unsafe-fixes"
    sys.stderr.write(line + "\n")
    return failed


def _lint_fix_stdin(kind: str, fmt: Format, fail_on: FailOn, unsafe: bool, dry_run: bool,
                    known: dict[str, frozenset[str]] | None, write_baseline: str | None,
                    config_choice: tuple[str | None, bool]) -> None:
    """``ih lint - --fix``: the fixed text (or with --dry-run the diff) on stdout, the report on
    stderr. The configuration is the one found from the current directory."""
    import codecs

    from .api import STDIN, lint_document, normalise_newlines
    from .fixes import FileFix, fix_document, read_document
    from .lint.run import error_result as _error
    from .results import LintReport
    from .yamlio import DataError

    raw, bom, error = read_document("-")
    if raw is None:
        sys.stderr.write(f"ih: <stdin>: {error}\n")
        _render(LintReport(files=(_error("<stdin>", error or "unreadable"),)), fmt, sys.stderr)
        raise typer.Exit(EXIT_ERROR)
    try:
        resolver = _config_resolver([STDIN], *config_choice)
        result = lint_document(normalise_newlines(raw), STDIN, kind, resolver)
        report = LintReport(files=(result,))
        shown = before = _narrow(report, known, None)
        fixed = fix_document(raw, shown.files[0].findings, unsafe=unsafe,
                             relint=lambda text: lint_document(text, STDIN, result.kind, resolver))
    except DataError as exc:
        _fail(str(exc))
        return
    if fixed.result is not None:
        report = LintReport(files=(fixed.result,))
        shown = _narrow(report, known, None)
    if not dry_run:
        sys.stdout.flush()
        sys.stdout.buffer.write((codecs.BOM_UTF8 if bom else b"") + fixed.raw.encode("utf-8"))
        sys.stdout.flush()
    # With --dry-run, this prints the diff.
    _report_fixes([FileFix(before.files[0].path, before=raw, after=fixed.raw, applied=fixed.applied,
                           result=fixed.result)], before, unsafe, dry_run, kind, resolver)
    if write_baseline:
        shown = _write_baseline(write_baseline, report)
    if not dry_run:
        _render(shown, fmt, sys.stderr)
    _exit(shown, fail_on, error=False)


def _write_baseline(path: str, report: LintReport) -> LintReport:
    """Record ``report`` in the baseline ``path``; return the report as the new baseline shows it
    (no findings)."""
    from dataclasses import replace

    from .ci.baseline import BaselineError, write
    from .results import LintReport

    if report.errors:
        _fail(f"not writing the baseline {path}: {len(report.errors)} file(s) could not be read")
    try:
        count = write(path, report)
    except BaselineError as exc:
        _fail(str(exc))
        raise  # not reached: _fail exits
    files = sum(1 for r in report.files if r.findings)
    sys.stderr.write(f"ih: wrote {path}: {count} finding{'s' * (count != 1)} in {files} "
                     f"file{'s' * (files != 1)}\n")
    return LintReport(files=tuple(replace(r, findings=()) for r in report.files))


def _render(report: LintReport, fmt: Format, stream: TextIO) -> None:
    from .formatters import RenderOptions, render

    options = RenderOptions()
    if fmt is Format.human:
        from rich.console import Console

        terminal = Console(highlight=False, file=stream)
        options = RenderOptions(sources=_source_lines(report), terminal=terminal.is_terminal,
                                color_system=terminal.color_system, width=terminal.width)
    stream.write(render(fmt.value, report, options))


def _source_lines(report: LintReport) -> dict[str, dict[tuple[int | None, int], str]]:
    """What each line says, by (page, line), in each linted file with span findings (the human
    format shows the matched line; documents are read by ``documents/``)."""
    from .documents.lint import source_lines

    out: dict[str, dict[tuple[int | None, int], str]] = {}
    for result in report.files:
        if result.path.startswith("<") or not any(f.start is not None for f in result.findings):
            continue
        lines = source_lines(result.path)
        if lines is not None:
            out[result.path] = lines
    return out


def _exit(report: LintReport, fail_on: FailOn, error: bool) -> None:
    from .results import severity_rank

    if error or report.errors:
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

    from .catalog.wordlists import default_catalog

    catalog = default_catalog()
    fixable = {e.rule_id for e in catalog.entries.values() if e.fix_safe}
    columns = ("id", "name", "category", "scope", "severity", "fixable")
    rows = [(rule.id, rule.name, rule.category, rule.scope, rule.severity,
             "yes" if rule.id in fixable else "") for rule in catalog.rules.values()]
    table = Table(box=None, header_style="bold")
    for column in columns:
        table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    # Names and categories are what .ih.yaml and suppressions use: never cut them short, even
    # when the output is piped (rich then assumes 80 columns).
    natural = sum(max(len(c), *(len(r[i]) for r in rows)) + 2 for i, c in enumerate(columns))
    console = Console()
    console.width = max(console.width, natural)
    console.print(table)


@app.command()
def rule(rule_id: Annotated[str, typer.Argument(help="A rule id (IH110) or name.")]) -> None:
    """Show one rule's documentation: what it flags, why, example, what to write instead."""
    from rich.console import Console
    from rich.markdown import Markdown

    from .catalog.ruledocs import rule_section
    from .catalog.wordlists import default_catalog

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
def init(directory: Annotated[str, typer.Argument(help="Where to write .ih.yaml.")] = ".") -> None:
    """Write a commented starter .ih.yaml (never overwrites an existing configuration)."""
    from .config import write_starter
    from .yamlio import DataError

    try:
        written = write_starter(directory)
    except DataError as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {written}")


config_app = typer.Typer(help="Inspect the configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(
    path: Annotated[str, typer.Argument(help="A file or folder: show the configuration for it.")] = ".",
    config: Annotated[str | None, typer.Option("--config", metavar="FILE")] = None,
    no_config: Annotated[bool, typer.Option("--no-config")] = False,
    changed: Annotated[bool, typer.Option("--changed", help="Only values that differ from the "
                                                            "package defaults.")] = False,
) -> None:
    """The effective configuration, each value with where it came from."""
    from pathlib import Path

    from .config import ConfigResolver, render_show
    from .yamlio import DataError

    try:
        resolver = ConfigResolver(config, no_config=no_config)
        effective = resolver.for_file(path) if Path(path).is_file() else resolver.base(path)
        sys.stdout.write(render_show(effective, only_changed=changed))
    except DataError as exc:
        _fail(str(exc))


@app.command()
def version() -> None:
    """Print the version (also ``ih --version``)."""
    from . import __version__

    typer.echo(f"ih {__version__}")


# `ih kit`: structured interview kits (src/inclusive_hiring/kits/cli.py; light to import).
from .kits.cli import kit as _kit_command  # noqa: E402

app.command("kit")(_kit_command)
# `ih report`: one HTML dashboard over many postings (src/inclusive_hiring/report/cli.py).
from .report.cli import report as _report_command  # noqa: E402

app.command("report")(_report_command)

# `ih new posting`: an inclusive job posting (src/inclusive_hiring/authoring/cli.py; light to import).
from .authoring.cli import new_app as _new_app  # noqa: E402

app.add_typer(_new_app, name="new")

# `ih serve` and `ih lsp`: the warm engine for browsers and editors (docs/serve.md, docs/editors.md).
from .lsp.cli import lsp as _lsp_command  # noqa: E402
from .server.cli import serve as _serve_command  # noqa: E402

app.command("serve")(_serve_command)
app.command("lsp")(_lsp_command)

# `ih track`: interview-inclusivity tracking (src/inclusive_hiring/track/cli.py; light to import).
from .track.cli import track_app as _track_app  # noqa: E402

app.add_typer(_track_app, name="track")

# `ih redact`: blind review of CVs (src/inclusive_hiring/redact/cli.py; docs/redact.md).
from .redact.cli import redact as _redact_command  # noqa: E402  (ih redact: blind review, docs/redact.md)

app.command("redact")(_redact_command)


def _click_errors(name: str) -> tuple[type[BaseException], ...]:
    """The exception class ``name`` of the click that typer uses: its own copy in newer typer
    releases (``typer._click``), the click package in older ones."""
    import importlib

    found = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            cls = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if isinstance(cls, type) and issubclass(cls, BaseException):
            found.append(cls)
    return tuple(found)


def main() -> None:
    code: int | str | None
    try:
        # Not standalone: click's usage errors come back here, to be said in one line.
        result = app(standalone_mode=False, prog_name="ih")
    except KeyboardInterrupt:
        sys.stderr.write("ih: interrupted\n")
        code = 130
    except SystemExit as done:
        code = done.code
        if isinstance(code, str):  # sys.exit("message") prints the message, as Python would
            sys.stderr.write(code + "\n")
            code = 1
    except Exception as error:
        code = EXIT_ERROR
        if isinstance(error, _click_errors("NoArgsIsHelpError")):
            sys.stderr.write(error.format_message().rstrip("\n") + "\n")  # type: ignore[attr-defined]
        elif isinstance(error, _click_errors("UsageError")):
            ctx = getattr(error, "ctx", None)
            command = ctx.command_path if ctx is not None else "ih"
            sys.stderr.write(f"ih: error: {usage_message(error)} (see '{command} --help')\n")
        elif isinstance(error, _click_errors("ClickException")):
            sys.stderr.write(f"ih: error: {usage_message(error)}\n")
        elif isinstance(error, (*_click_errors("Abort"), typer.Abort)):
            sys.stderr.write("ih: interrupted\n")
            code = 130
        elif os.environ.get("IH_DEBUG"):
            raise
        else:  # the last guard: one line, never a traceback (IH_DEBUG=1 shows it)
            from .lint.limits import internal_error

            sys.stderr.write(f"ih: error: {internal_error(error)}\n")
    else:
        code = result if isinstance(result, int) else 0
    # Leave without tearing down spaCy and the word-list index object by object (a tenth of a
    # second for one posting); every file ih writes is already closed and replaced atomically.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more can be said
        code = code or 1
    os._exit(code if isinstance(code, int) else 0)
