"""Render a planned kit (or a starter spec) with the Jinja templates in ``templates/kit/``.

The loader looks in the organisation's ``templates_dir`` first, then in the package, so an
organisation can override any single template. Undefined names are errors (``StrictUndefined``),
HTML templates are autoescaped, and nothing depends on the clock or the machine: the same spec
gives the same bytes.
"""

from __future__ import annotations

import functools
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from . import KitError
from .plan import Kit

#: every template the kit uses, by name (relative to a templates folder)
TEMPLATES: tuple[str, ...] = (
    "kit/_content.j2", "kit/plan.md.j2", "kit/guide.md.j2", "kit/scorecard.md.j2",
    "kit/debrief.md.j2", "kit/checklists.md.j2", "kit/candidate.md.j2", "kit/kit.html.j2",
    "kit/spec.yml.j2",
)
FORMATS = ("markdown", "html")


def package_templates_dir() -> Path:
    """The shipped templates: inside the installed package, or the source tree's ``templates/``."""
    from ..resources import templates_dir

    return templates_dir()


def _check_overrides(templates_dir: Path) -> None:
    if not templates_dir.is_dir():
        raise KitError(f"{templates_dir}: templates_dir is not a folder")
    for path in sorted(templates_dir.rglob("*.j2")):
        name = path.relative_to(templates_dir).as_posix()
        if name not in TEMPLATES:
            near = get_close_matches(name, TEMPLATES, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else \
                f" (templates: {', '.join(t.removeprefix('kit/') for t in TEMPLATES)} under kit/)"
            raise KitError(f"{path}: not a kit template, so it would be ignored{hint}")


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _number(value: float) -> str:
    return f"{value:g}"


def _percent(share: float) -> str:
    """0.125 -> "12.5%": one decimal at most, so that equal weights show equal shares."""
    return f"{round(share * 100, 1):g}%"


def _join(items: Any, last: str = "and") -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _yaml_str(value: Any) -> str:
    """A YAML scalar for a string: plain when that is safe, else double-quoted."""
    import json
    import re

    text = str(value)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ()/&'.,+-]*", text) and not text.endswith((" ", ":")) \
            and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return text
    return json.dumps(text, ensure_ascii=False)


@functools.lru_cache(maxsize=8)
def _environment(templates_dir: str | None) -> Any:
    import jinja2

    loaders: list[Any] = []
    if templates_dir is not None:
        loaders.append(jinja2.FileSystemLoader(templates_dir, encoding="utf-8"))
    loaders.append(jinja2.FileSystemLoader(str(package_templates_dir()), encoding="utf-8"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "htm"),
                                            default_for_string=False, default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,  # an edited override is picked up in a long-running process
    )
    env.filters.update(clock=_clock, num=_number, pct=_percent, join_words=_join, yaml=_yaml_str)
    return env


def _template_error(exc: BaseException, name: str, templates_dir: Path | None) -> KitError:
    """A one-line error naming the template file and line."""
    import jinja2

    where = name
    line = getattr(exc, "lineno", None)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or exc.name or name
    else:
        # Jinja rewrites tracebacks so that template frames carry the template's file and line.
        tb = exc.__traceback__
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename.endswith(".j2"):
                where, line = filename, tb.tb_lineno
            tb = tb.tb_next
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    message = " ".join(str(message).split())
    if isinstance(exc, jinja2.TemplateNotFound):
        return KitError(f"template not found: {exc.name}")
    prefix = f"{where}:{line}" if line else where
    return KitError(f"{prefix}: template error: {message}")


def render_template(name: str, context: dict[str, Any], templates_dir: Path | None = None) -> str:
    """Render one template to text; a template problem raises a one-line :class:`KitError`."""
    import jinja2

    if templates_dir is not None:
        _check_overrides(templates_dir)
    env = _environment(str(templates_dir) if templates_dir is not None else None)
    try:
        template = env.get_template(name)
        return template.render(**context)
    except jinja2.TemplateError as exc:
        raise _template_error(exc, name, templates_dir) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        raise _template_error(exc, name, templates_dir) from None


def file_names(kit: Kit) -> dict[str, Any]:
    """The Markdown file names of a kit's parts (documented in docs/kits.md)."""
    return {
        "plan": "00-plan.md",
        "guides": {s.slug: f"1{s.number}-guide-{s.slug}.md" for s in kit.stages},
        "scorecards": {i.slug: f"2{i.number}-scorecard-{i.slug}.md" for i in kit.interviewers},
        "debrief": "30-debrief.md",
        "checklists": "40-checklists.md",
        "candidate": "50-candidate.md",
        "html": "kit.html",
        "scorecards_csv": "scorecards.csv",
    }


def render_kit(kit: Kit, fmt: str = "markdown", templates_dir: Path | None = None) -> dict[str, str]:
    """Every file of the kit, by file name, rendered in memory (nothing is written here)."""
    if fmt not in FORMATS:
        raise KitError(f"unknown kit format '{fmt}' (use markdown or html)")
    names = file_names(kit)
    base = {"kit": kit, "spec": kit.spec, "files": names}
    from .scorecard_csv import scorecard_csv

    if fmt == "html":
        return {names["html"]: render_template("kit/kit.html.j2", base, templates_dir),
                names["scorecards_csv"]: scorecard_csv(kit)}
    out = {names["plan"]: render_template("kit/plan.md.j2", base, templates_dir)}
    for stage in kit.stages:
        out[names["guides"][stage.slug]] = render_template(
            "kit/guide.md.j2", {**base, "stage": stage}, templates_dir)
    for person in kit.interviewers:
        out[names["scorecards"][person.slug]] = render_template(
            "kit/scorecard.md.j2", {**base, "interviewer": person}, templates_dir)
    for part in ("debrief", "checklists", "candidate"):
        out[names[part]] = render_template(f"kit/{part}.md.j2", base, templates_dir)
    out[names["scorecards_csv"]] = scorecard_csv(kit)  # for ih track (docs/tracking.md)
    return out


def render_spec(draft: Any, templates_dir: Path | None = None, *, command: str = "") -> str:
    """A starter spec (YAML with comments) from a :class:`~.mapping.Draft`."""
    return render_template("kit/spec.yml.j2", {"draft": draft, "command": command}, templates_dir)
