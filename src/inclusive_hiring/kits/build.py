"""Spec, posting or example in; rendered files out (in memory). The CLI only adds I/O and messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .library import Library, default_library, load_competency_files, load_library
from .mapping import Draft, example_draft, map_posting, read_posting
from .plan import Kit, build_plan
from .render import render_kit, render_spec
from .spec import load_spec, spec_from_text

SPEC_NAME = "kit.yml"


def library_for(competencies: Path | None = None, extra: dict[str, Any] | None = None) -> Library:
    """The shipped library plus an organisation's competencies (a file or folder, and/or config)."""
    merged: dict[str, Any] = dict(extra or {})
    if competencies is not None:
        merged.update(load_competency_files(Path(competencies)))
    return load_library(merged) if merged else default_library()


def kit_from_spec(path: Path, library: Library) -> Kit:
    return build_plan(load_spec(path, library), library)


def build_from_spec(path: Path, *, fmt: str = "markdown", library: Library | None = None,
                    templates_dir: Path | None = None) -> tuple[Kit, dict[str, str]]:
    library = library or default_library()
    kit = kit_from_spec(path, library)
    return kit, render_kit(kit, fmt, templates_dir)


@dataclass(frozen=True)
class Starter:
    draft: Draft
    spec_text: str
    kit: Kit
    files: dict[str, str]


def build_from_posting(posting: str, out_dir: Path, *, fmt: str = "markdown",
                       library: Library | None = None, templates_dir: Path | None = None) -> Starter:
    """Draft ``out_dir/kit.yml`` from a posting and render the kit from that draft."""
    library = library or default_library()
    text = read_posting(posting)
    draft = map_posting(text, posting, library)
    spec_path = Path(out_dir) / SPEC_NAME
    command = f"ih kit {spec_path.as_posix()} --out {Path(out_dir).as_posix()} --force" + \
        (" --format html" if fmt == "html" else "")
    spec_text = render_spec(draft, templates_dir, command=command)
    kit = build_plan(spec_from_text(spec_text, str(spec_path), library), library)
    return Starter(draft, spec_text, kit, render_kit(kit, fmt, templates_dir))


def example_spec(target: Path, library: Library | None = None, templates_dir: Path | None = None) -> str:
    """The commented example spec written by ``ih kit init``."""
    library = library or default_library()
    command = f"ih kit {Path(target).as_posix()} --out kit"
    return render_spec(example_draft(library), templates_dir, command=command)
