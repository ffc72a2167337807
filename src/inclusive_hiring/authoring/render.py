"""Render a posting spec with the Jinja templates in ``templates/posting/``.

Undefined names are errors (``StrictUndefined``); nothing depends on the clock or the machine, so
the same spec (and the same ``jurisdictions:``) gives the same bytes. Blank-line runs are
collapsed afterwards, so the templates can stay readable.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from pathlib import Path
from typing import Any

from . import PostingError
from .law import LawNeeds
from .pay import pay_range
from .spec import PostingSpec

TEMPLATE = "posting/posting.md.j2"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def package_templates_dir() -> Path:
    """The shipped templates: inside the installed package, or the source tree's ``templates/``."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def long_date(day: _dt.date) -> str:
    """2027-03-15 -> "15 March 2027" (the same in every locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def sentence(text: str) -> str:
    """The text ending in a full stop (unless it ends in other punctuation or a URL)."""
    text = text.strip()
    if not text or text[-1] in ".!?:" or re.search(r"\S+://\S+$|\S+@\S+$", text):
        return text
    return text + "."


def md_paragraph(text: str) -> str:
    """A paragraph that Markdown will not read as a heading, list or quote."""
    return "\\" + text if re.match(r"[#>*+-]|\d+[.)]\s", text) else text


@functools.cache
def _environment(templates_dir: str) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir, encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(long_date=long_date, sentence=sentence, md_paragraph=md_paragraph)
    return env


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    joined = re.sub(r"\n(#{1,6} )", r"\n\n\1", "\n".join(lines))  # a blank line before each heading
    return re.sub(r"\n{3,}", "\n\n", joined).strip("\n") + "\n"


def render_posting(spec: PostingSpec, law: LawNeeds | None = None) -> str:
    """The posting as Markdown (nothing is written here)."""
    import jinja2

    env = _environment(str(package_templates_dir()))
    context = {"spec": spec, "law": law or LawNeeds(),
               "pay_text": pay_range(spec.pay.currency, spec.pay.minimum, spec.pay.maximum, spec.pay.period)}
    try:
        return tidy(env.get_template(TEMPLATE).render(**context))
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        raise _template_error(exc) from None


def _template_error(exc: BaseException) -> PostingError:
    """A one-line error naming the template file and line (Jinja puts template frames in the
    traceback with the template's own file name and line)."""
    where, line = getattr(exc, "filename", None) or TEMPLATE, getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            where, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    message = " ".join(str(getattr(exc, "message", None) or exc or type(exc).__name__).split())
    return PostingError(f"{where}{f':{line}' if line else ''}: template error: {message}")
