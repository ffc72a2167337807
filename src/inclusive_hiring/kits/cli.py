"""``ih kit``: write a structured interview kit from a spec, a job posting, or an example.

One command with an optional first argument, because typer cannot mix a subcommand and a
positional argument in one group: ``ih kit SPEC.yml``, ``ih kit --from POSTING`` and
``ih kit init``. Everything heavy (YAML, Jinja, the kit modules) is imported inside the command.
"""

from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..exits import fail as _fail

DEFAULT_OUT = "kit"
DEFAULT_INIT = "kit.yml"
_KIT_FILE = re.compile(r"^(00-plan|[1-9]\d?-guide-[a-z0-9-]+|[1-9]\d?-scorecard-[a-z0-9-]+|30-debrief|"
                       r"40-checklists|50-candidate)\.md$")


class KitFormat(str, Enum):
    markdown = "markdown"
    html = "html"


def _say(message: str) -> None:
    sys.stdout.write(message + "\n")


def kit(
    spec: Annotated[str | None, typer.Argument(
        metavar="[SPEC.yml | init]",
        help="A kit spec (YAML) to write a kit from, or the word init to write a commented "
             "example spec.")] = None,
    posting: Annotated[str | None, typer.Option(
        "--from", metavar="POSTING",
        help="A job posting (.md, .txt, .html): draft OUT/kit.yml from it, then write the kit.")] = None,
    out: Annotated[str | None, typer.Option(
        "--out", "-o", metavar="DIR",
        help="Folder for the kit (default: kit). With init: the spec file (default: kit.yml).")] = None,
    output_format: Annotated[KitFormat, typer.Option(
        "--format", "-f",
        help="markdown: one file per part; html: one self-contained printable kit.html.")
    ] = KitFormat.markdown,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite kit files that exist (never the spec you give; init never "
                        "overwrites).")] = False,
    templates_dir: Annotated[str | None, typer.Option(
        "--templates-dir", metavar="DIR",
        help="Your own templates: DIR/kit/<name>.j2 replaces that one template.")] = None,
    competencies: Annotated[str | None, typer.Option(
        "--competencies", metavar="PATH",
        help="Your own competencies (a YAML file or a folder of them): add to or override the "
             "library.")] = None,
    list_competencies: Annotated[bool, typer.Option(
        "--list-competencies", help="List the competencies (id, group, name) and exit.")] = False,
) -> None:
    """Write a structured interview kit: plan, interview guides, scorecards, debrief guide,
    checklists and a candidate page (docs/kits.md).

    ih kit --from job.md drafts kit/kit.yml from a job posting and writes the kit to kit/.

    ih kit kit/kit.yml --force writes the kit again after you edit the spec
    (add --format html for one printable kit.html).

    ih kit init writes a commented example spec to kit.yml.
    """
    from ..yamlio import DataError
    from . import KitError

    try:
        _run(spec, posting, out, output_format.value, force,
             Path(templates_dir) if templates_dir else None,
             Path(competencies) if competencies else None, list_competencies)
    except (DataError, KitError) as exc:
        _fail(str(exc))
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _fail(f"{where}{(exc.strerror or str(exc)).lower()}")


def _run(spec: str | None, posting: str | None, out: str | None, fmt: str, force: bool,
         templates_dir: Path | None, competencies: Path | None, list_only: bool) -> None:
    from . import KitError
    from .build import library_for

    extra, configured_templates = _from_config(spec, posting)
    templates_dir = templates_dir or configured_templates
    library = library_for(competencies, extra)
    if list_only:
        width = max(len(cid) for cid in library)
        for comp in library.values():
            _say(f"{comp.id:<{width}}  {comp.group:<10}  {comp.name}")
        return
    if spec == "init":
        if posting or force or fmt != "markdown":
            raise KitError("ih kit init takes only --out FILE (it never overwrites)")
        _init(Path(out or DEFAULT_INIT), library, templates_dir)
        return
    if spec and posting:
        raise KitError("give a kit spec or --from POSTING, not both")
    if not spec and not posting:
        raise KitError("give a kit spec (ih kit SPEC.yml), a posting (ih kit --from job.md), "
                       "or init (ih kit init); see ih kit --help")
    out_dir = Path(out or DEFAULT_OUT)
    if posting:
        _from_posting(posting, out_dir, fmt, force, library, templates_dir)
    else:
        _from_spec(Path(spec or ""), out_dir, fmt, force, library, templates_dir)


def _from_config(spec: str | None, posting: str | None) -> tuple[dict, Path | None]:
    """The ``kits:`` settings (competencies, templates_dir) of the .ih.yaml that applies to the
    spec or posting (found walking up from it, or from the current folder)."""
    from ..discovery import discover

    start = Path(posting or (spec if spec and spec != "init" else "") or ".")
    if discover(start) is None:
        return {}, None
    from ..config import load_config
    from ..yamlio import DataError

    try:
        kits = load_config(start=start).kits
    except DataError as exc:
        _fail(str(exc))
    return dict(kits.competencies), kits.templates_dir


def _init(target: Path, library, templates_dir: Path | None) -> None:
    from .build import example_spec
    from .write import write_new_file

    if target.is_dir():
        target = target / DEFAULT_INIT
    text = example_spec(target, library, templates_dir)
    write_new_file(target, text)
    _say(f"wrote {target}: edit it, then run: ih kit {target.as_posix()} --out {DEFAULT_OUT}")


def _from_posting(posting: str, out_dir: Path, fmt: str, force: bool, library,
                  templates_dir: Path | None) -> None:
    from .build import SPEC_NAME, build_from_posting
    from .write import write_files

    starter = build_from_posting(posting, out_dir, fmt=fmt, library=library,
                                 templates_dir=templates_dir)
    files = {SPEC_NAME: starter.spec_text, **starter.files}
    findings = _lint(starter.kit, starter.files)
    written = write_files(out_dir, files, force=force)
    names = ", ".join(m.competency.id for m in starter.draft.matches)
    stages = len(starter.kit.stages)
    _say(f"drafted {out_dir / SPEC_NAME} from {posting}: {len(starter.draft.matches)} competencies "
         f"({names}) in {stages} {'stage' if stages == 1 else 'stages'}")
    _report(out_dir, written, files)
    _warn(findings, out_dir)
    command = f"ih kit {(out_dir / SPEC_NAME).as_posix()} --out {out_dir.as_posix()} --force"
    if fmt == "markdown":
        command_html = command + " --format html"
        _say(f"next: check {out_dir / SPEC_NAME} (role, level, competencies, panel, stages), then run\n"
             f"  {command}\n  {command_html}   (one printable kit.html)")
    else:
        _say(f"next: check {out_dir / SPEC_NAME}, then run\n  {command} --format html")


def _from_spec(spec: Path, out_dir: Path, fmt: str, force: bool, library,
               templates_dir: Path | None) -> None:
    from . import KitError
    from .build import build_from_spec
    from .write import write_files

    kit, files = build_from_spec(spec, fmt=fmt, library=library, templates_dir=templates_dir)
    for name in files:
        target = out_dir / name
        if target.exists() and spec.exists() and target.resolve() == spec.resolve():
            raise KitError(f"{spec}: the kit would overwrite its own spec; rename the spec")
    findings = _lint(kit, files)
    written = write_files(out_dir, files, force=force)
    _report(out_dir, written, files)
    _warn(findings, out_dir)


def _lint(kit, files: dict[str, str]) -> list:
    """Lint the rendered kit (before anything is written). A broken word list must not stop a
    kit from being written: it is reported as a warning instead."""
    from ..yamlio import DataError
    from .checks import check_kit

    try:
        return check_kit(kit, files)
    except DataError as exc:
        sys.stderr.write(f"ih: warning: could not lint the kit: {exc}\n")
        return []


def _warn(findings: list, out_dir: Path) -> None:
    """Report lint findings: they come from the spec's own words or from custom content."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for finding in findings:
        where = (out_dir / finding.where).as_posix() if finding.in_file else finding.where
        groups.setdefault((finding.rule_id, finding.match, finding.message), []).append(where)
    for (rule_id, match, message), places in groups.items():
        more = f" (and {len(places) - 1} more {'place' if len(places) == 2 else 'places'})" \
            if len(places) > 1 else ""
        sys.stderr.write(f"ih: warning: {places[0]}: {rule_id} '{match}': {message}{more}\n")
    if findings:
        sys.stderr.write("ih: warning: the kit does not lint clean: these words come from the spec (role, "
                         "stage or panel names) or from your own competencies or templates; change them "
                         "there and write the kit again\n")


def _report(out_dir: Path, written: list[Path], files: dict[str, str]) -> None:
    count = f"{len(written)} file" + ("" if len(written) == 1 else "s")
    _say(f"wrote {count} to {out_dir}/: " + ", ".join(p.name for p in written))
    if not any(name.endswith(".md") and name != "kit.yml" for name in files):
        return
    try:
        leftovers = sorted(p.name for p in out_dir.iterdir()
                           if _KIT_FILE.match(p.name) and p.name not in files)
    except OSError:  # pragma: no cover - the folder was just written to
        leftovers = []
    for name in leftovers:
        sys.stderr.write(f"ih: note: {out_dir / name} is left from an earlier kit (a stage or "
                         "interviewer was renamed or removed); delete it if you no longer need it\n")
