"""``ih new posting``: an inclusive job posting from a spec, or from questions on the terminal.

``new`` is a command group so that siblings (``ih new kit``...) can join it later. Everything
heavy (YAML, Jinja, python-docx, the linter) is imported inside the command.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..exits import EXIT_FINDINGS
from ..exits import fail as _fail

if TYPE_CHECKING:
    from .law import LawNeeds
    from .spec import PostingSpec

DEFAULT_STEM = "job"
new_app = typer.Typer(help="Write something new: a job posting (ih new posting).", no_args_is_help=True)


class PostingFormat(str, Enum):
    md = "md"
    docx = "docx"


def _say(message: str) -> None:
    sys.stdout.write(message + "\n")


@new_app.command("posting")
def posting(
    out: Annotated[str | None, typer.Option(
        "--out", "-o", metavar="FILE",
        help="Where to write the posting (default: the spec's name with .md or .docx, or job.md); "
             "- writes Markdown to standard output.")] = None,
    spec: Annotated[str | None, typer.Option(
        "--from", metavar="SPEC.yml",
        help="A posting spec (YAML, docs/new-posting.md). Without it, ih asks the questions and saves "
             "the answers as a spec next to the posting.")] = None,
    output_format: Annotated[PostingFormat | None, typer.Option(
        "--format", "-f", help="md: Markdown; docx: a Word document with heading styles (default: from "
                               "the --out name, else md).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the posting (and the saved spec) if "
                                                        "they exist.")] = False,
    config: Annotated[str | None, typer.Option(
        "--config", metavar="FILE", help="Use this configuration file (as ih lint --config).")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore .ih.yaml files.")] = False,
) -> None:
    """Write an inclusive job posting: about the role, duties, a short must-have list, nice to
    have, the pay range and what the configured jurisdictions: require, benefits, flexible work,
    the structured interview, accommodations and an equal-opportunity statement.

    ih new posting asks the questions and writes job.yml (the answers) and job.md.

    ih new posting --from job.yml -o job.docx --force writes it again as a Word document.
    """
    from ..yamlio import DataError
    from . import PostingError

    try:
        _run(out, spec, output_format.value if output_format else None, force, config, no_config)
    except (DataError, PostingError) as exc:
        _fail(str(exc))
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _fail(f"{where}{(exc.strerror or str(exc)).lower()}")


def _targets(out: str | None, spec: str | None, fmt: str | None) -> tuple[Path | None, str, Path | None]:
    """(posting path or None for stdout, format, path to save the answers to or None)."""
    from . import PostingError

    if out == "-":
        if fmt == "docx":
            raise PostingError("--format docx cannot go to standard output; give -o FILE.docx")
        if spec is None:
            raise PostingError("-o - needs --from SPEC.yml (the answers to the questions are saved next "
                               "to the posting)")
        return None, "md", None
    target = Path(out) if out else None
    if target is not None and target.is_dir():  # -o FOLDER: the default name inside it
        stem = Path(spec).with_suffix("").name if spec else DEFAULT_STEM
        target = target / (stem + (".docx" if fmt == "docx" else ".md"))
    suffix = target.suffix.lower() if target else ""
    if fmt is None:
        fmt = "docx" if suffix == ".docx" else "md"
    if target is None:
        stem = Path(spec).with_suffix("") if spec else Path(DEFAULT_STEM)
        target = stem.with_name(stem.name + (".docx" if fmt == "docx" else ".md"))
    elif fmt == "docx" and suffix != ".docx":
        raise PostingError(f"{target}: a Word document needs a .docx name")
    elif fmt == "md" and suffix not in (".md", ".markdown", ".txt", ""):
        raise PostingError(f"{target}: a Markdown posting needs a .md name (or use --format docx)")
    if spec is not None:
        if Path(spec).exists() and target.exists() and target.resolve() == Path(spec).resolve():
            raise PostingError(f"{spec}: the posting would overwrite its own spec")
        return target, fmt, None
    return target, fmt, target.with_suffix(".yml")


def _law(target: Path | None, config: str | None, no_config: bool) -> tuple[object, LawNeeds, str]:
    """The lint configuration for the posting's place, what its ``jurisdictions:`` require, and
    where that setting comes from."""
    from ..config import ConfigResolver
    from .law import needs

    resolver = ConfigResolver(config, no_config=no_config)
    settings = resolver.for_file(str(target)) if target is not None else resolver.base()
    # Where jurisdictions: was set, for error messages (only a label: absent in older Configs).
    source = getattr(settings, "origins", {}).get("jurisdictions", "") if settings.jurisdictions else ""
    return resolver, needs(settings.jurisdictions), source


def _run(out: str | None, spec_path: str | None, fmt: str | None, force: bool, config: str | None,
         no_config: bool) -> None:
    from .output import check_targets, write_all
    from .render import render_posting

    target, fmt, save_spec = _targets(out, spec_path, fmt)
    resolver, law, source = _law(target, config, no_config)
    spec_text = None
    if spec_path is not None:
        from .spec import load_spec

        spec = load_spec(spec_path, law, source)
    else:
        assert target is not None and save_spec is not None
        # Refuse before asking anything: answers must not be typed in vain.
        check_targets([save_spec, target], force=force)
        spec, spec_text = _ask(save_spec, law, source, force)
    markdown = render_posting(spec, law)
    if target is None:
        sys.stdout.write(markdown)
        if _lint(markdown, "-", resolver, quiet=True)[0]:
            raise typer.Exit(EXIT_FINDINGS)
        return
    data = markdown.encode("utf-8")
    if fmt == "docx":
        from .docx import to_docx

        data = to_docx(markdown, title=spec.role, author=spec.organization)
    files = [(target, data)]
    if save_spec is not None and spec_text is not None:
        files.insert(0, (save_spec, spec_text.encode("utf-8")))
    written = write_all(files, force=force)
    # A Word document is linted as its Markdown text, with the configuration for its path.
    lint = _lint(markdown, str(target.with_suffix(".md")), resolver, shown=str(target))
    _report(written, markdown, lint)
    if lint[0]:
        raise typer.Exit(EXIT_FINDINGS)  # written, but not clean: as ih lint, exit 1


def _ask(save_spec: Path, law: LawNeeds, source: str, force: bool) -> tuple[PostingSpec, str]:
    from ..yamlio import DataError
    from . import PostingError
    from .output import write_all
    from .prompts import ask_answers, spec_yaml
    from .spec import spec_from_text

    command = f"ih new posting --from {save_spec.as_posix()}"
    answers: dict = {}
    try:
        ask_answers(law, answers)
    except typer.Abort:
        # End of input or Ctrl-C: keep what was typed, as an unfinished spec.
        if answers:
            write_all([(save_spec, spec_yaml(answers, command).encode("utf-8"))], force=force)
            sys.stderr.write(f"ih: interrupted: your answers so far are saved in {save_spec}; complete it "
                             f"(docs/new-posting.md), then run {command}\n")
        else:
            sys.stderr.write("ih: interrupted\n")
        raise typer.Exit(130) from None
    text = spec_yaml(answers, command)
    try:
        return spec_from_text(text, str(save_spec), law, source), text
    except DataError as exc:
        # Never lose typed answers: keep them, and say how to go on.
        write_all([(save_spec, text.encode("utf-8"))], force=force)
        raise PostingError(f"{exc} (your answers are saved in {save_spec}: fix it, then run "
                           f"ih new posting --from {save_spec.as_posix()})") from None


def _lint(markdown: str, path: str, resolver: object, *, quiet: bool = False,
          shown: str = "") -> tuple[list, int]:
    """Warnings (and above) and the number of info notes for the posting as written; each
    warning is reported with the line of the Markdown text (no line for a Word document)."""
    from ..api import lint_document
    from ..yamlio import DataError

    try:
        result = lint_document(markdown, path, kind="posting", config=resolver)
    except DataError as exc:
        sys.stderr.write(f"ih: warning: could not lint the posting: {exc}\n")
        return [], 0
    serious = [f for f in result.findings if f.severity in ("warning", "error")]
    for finding in serious:
        where = "<stdout>" if path == "-" else (shown or path)
        where += "" if where.endswith(".docx") else f":{finding.line}"
        sys.stderr.write(f"ih: warning: {where}: {finding.rule_id} [{finding.severity}] "
                         f"'{finding.match}': {finding.message}\n")
    if serious and not quiet:
        sys.stderr.write("ih: warning: these words come from the spec; change them there and write the "
                         "posting again (--force)\n")
    return serious, len(result.findings) - len(serious)


def _report(written: list[Path], markdown: str, lint: tuple[list, int]) -> None:
    serious, infos = lint
    words = len([w for w in markdown.split() if any(c.isalnum() for c in w)])
    verdict = "lints clean" if not serious else \
        f"{len(serious)} lint finding{'s' * (len(serious) != 1)} to fix (listed above)"
    if infos:
        verdict += f" ({infos} info note{'s' * (infos != 1)}: ih lint shows them)"
    for path in written[:-1]:
        _say(f"wrote {path}")
    _say(f"wrote {written[-1]} ({words} words): {verdict}")
