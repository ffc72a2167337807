"""Fill ``templates/report/`` with the aggregates and each posting's text: one HTML file with its
style and sort script inline, a Content-Security-Policy that allows exactly those two (by hash)
and nothing else, autoescaped text, and no clock or machine in the output. The templates are
``.jinja`` files (``*.j2`` under templates/ are the interview kit's)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..results import FileResult
from . import charts
from .aggregate import VERDICTS, problem_key
from .posting import layout

SEVERITY_WORDS = {"error": "must fix", "warning": "should fix", "info": "consider"}
SEVERITY_ORDER = {"error": 3, "warning": 2, "info": 1}
_VERDICT_CSS = {"strongly masculine-coded": "masc", "masculine-coded": "masc", "neutral": "neutral",
                "feminine-coded": "fem", "strongly feminine-coded": "fem"}


def templates_dir() -> Path:
    """The shipped templates: inside the installed package, or the source tree's ``templates/``."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(css: str, script: str) -> str:
    """Nothing may load or run but the page's own inline style and sort script."""
    return (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; "
            "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")


def _yesno(value: bool | None) -> Markup:
    if value is None:
        return Markup('<span class="na">–</span>')
    return Markup('<span class="yes">yes</span>') if value else Markup('<span class="no">no</span>')


def _charts(data: Mapping[str, Any]) -> dict[str, charts.Chart]:
    coverage = data["coverage"]
    total = coverage["postings"] or 1
    categories = [(c.replace("-", " "), n, "") for c, n in data["totals"]["by_category"].items()]
    return {
        "categories": charts.horizontal(categories, title="Findings by category"),
        "verdicts": charts.horizontal([(v, data["gender_coding"]["verdicts"][v], _VERDICT_CSS[v])
                                       for v in VERDICTS], title="Postings by gender coding"),
        "grades": charts.histogram([(b["label"], b["count"]) for b in data["reading_grade"]["bins"]],
                                   title="Postings by reading grade"),
        "lengths": charts.histogram([(b["label"].replace(" words", ""), b["count"])
                                     for b in data["length"]["bins"]], title="Postings by length in words"),
        "coverage": charts.horizontal([
            ("pay range", round(100 * coverage["pay_range"] / total), "ok"),
            ("EEO statement", round(100 * coverage["eeo_statement"] / total), "ok"),
            ("accommodation", round(100 * coverage["accommodation_statement"] / total), "ok")],
            title="Share of postings with each statement"),
    }


def short_names(paths: Sequence[str]) -> tuple[str, dict[str, str]]:
    """The folder all ``paths`` share (``""`` when none, or one file) and each path's name below it,
    so the page shows "team/job.md" rather than a long absolute path."""
    import os.path

    real = [p for p in paths if not p.startswith("<")]
    if len(real) < 2:
        return "", {p: p for p in paths}
    try:
        common = os.path.commonpath([os.path.dirname(p) or "." for p in real])
    except ValueError:  # absolute and relative paths mixed
        return "", {p: p for p in paths}
    if common in ("", ".", "/"):
        return "", {p: p for p in paths}
    return common, {p: os.path.relpath(p, common).replace(os.sep, "/") if p in real else p for p in paths}


def _where(finding: Any, label: Callable[[Any], str]) -> str:
    """"line 9", "paragraph 4", "page 2, line 3"; "" for a finding about the whole document."""
    if finding.line is None:
        return ""
    where = label(finding)
    return f"line {finding.line}" if where[:1].isdigit() else where


def render_html(data: Mapping[str, Any], files: Sequence[FileResult],
                lines_of: Callable[[str], dict[tuple[int | None, int], str] | None],
                version: str, title: str = "Job posting report") -> str:
    """The dashboard for ``files`` and their aggregates ``data``; ``lines_of(path)`` gives each
    file's text by (page, line)."""
    import jinja2

    from ..documents.lint import position_label

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    css = (templates_dir() / "report" / "report.css").read_text(encoding="utf-8")
    script = (templates_dir() / "report" / "sort.js").read_text(encoding="utf-8")
    rows = {row["path"]: row for row in data["files"]}
    ordered = sorted((r for r in files if r.error is None), key=lambda r: problem_key(rows[r.path]))
    postings = []
    for number, result in enumerate(ordered, 1):
        row = rows[result.path]
        lines = lines_of(result.path) or {}
        postings.append({
            "id": f"posting-{number}",
            "row": row,
            "findings": [(n, f, _where(f, position_label)) for n, f in enumerate(result.findings, 1)],
            "rows": layout(lines, result.findings, row["line_unit"]),
        })
    folder, names = short_names([r.path for r in files])
    for posting in postings:
        posting["name"] = names[posting["row"]["path"]]
    by_path = {p["row"]["path"]: p for p in postings}
    rationale = {f.rule_id: (f.rationale, f.source) for r in files for f in r.findings}
    rules_url = data["rules_url"]
    gender = data["gender_coding"]
    return env.get_template("report/report.html.jinja").render(
        data=data, postings=postings, title=title, version=version,
        unreadable=[r for r in files if r.error is not None],
        most_problems=[by_path[path] for path in data["most_problems"]],
        charts=_charts(data), css=Markup(css), script=Markup(script), rules_url=rules_url,
        csp=Markup(content_security_policy(css, script)), yesno=_yesno,
        rule_link=lambda rule_id, name: f"{rules_url}#{rule_id.lower()}-{name}",
        severity_words=SEVERITY_WORDS, rationale=rationale, folder=folder, names=names, severity_order=SEVERITY_ORDER,
        word_rows=max(len(gender["top_masculine_words"]), len(gender["top_feminine_words"]), 1),
    )
