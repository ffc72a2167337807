"""The HTML report: one self-contained page (inline CSS and SVG charts, no scripts, nothing
fetched; a Content-Security-Policy meta tag forbids it anyway), rendered with the autoescaping
Jinja template ``templates/track/report.html.j2``. Chart geometry is computed here, with fixed
decimals, so the same report gives the same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .report_md import MAX_LISTED

MAX_INTERVIEWERS = 40
BAR_WIDTH = 360  # px for a 100% rate
ROW = 26


def templates_dir() -> Path:
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if (packaged / "track").is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def _f(value: float) -> str:
    return f"{value:.1f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _rate_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    bars = []
    reference = next((r for r in rows if r["reference"]), None)
    for i, row in enumerate(rows):
        y = 8 + i * ROW
        if row["suppressed"]:
            bars.append({"label": row["group"], "y": _f(y), "ty": _f(y + 15), "width": "0.0",
                         "text": "suppressed", "cls": "suppressed", "tx": "4.0"})
            continue
        width = (row["rate"] or 0) * BAR_WIDTH
        cls = "flag" if row["flag"] else ("ref" if row["reference"] else "ok")
        text = _pct(row["rate"]) + (" (below 4/5)" if row["flag"] else "")
        bars.append({"label": row["group"], "y": _f(y), "ty": _f(y + 15), "width": _f(width), "text": text,
                     "cls": cls, "tx": _f(width + 6)})
    line = None
    if reference is not None and reference["rate"]:
        line = _f(0.8 * reference["rate"] * BAR_WIDTH)
    height = 8 + len(rows) * ROW + 22
    return {"bars": bars, "line": line, "height": _f(height), "axis_y": _f(height - 18),
            "ticks": [{"x": _f(t / 4 * BAR_WIDTH), "label": f"{t * 25}%"} for t in range(5)]}


def _spread_chart(people: list[dict[str, Any]], panel: dict[str, Any]) -> dict[str, Any] | None:
    rated = [p for p in people if p["ratings"]]
    if not rated:
        return None
    chosen = sorted(rated, key=lambda p: (not p["flags"], -p["ratings"], p["interviewer_id"]))[:MAX_INTERVIEWERS]
    chosen.sort(key=lambda p: p["interviewer_id"])

    def x(rating: float) -> float:
        return (min(5.0, max(1.0, rating)) - 1) / 4 * BAR_WIDTH

    rows = []
    for i, p in enumerate(chosen):
        sd = p["sd"] or 0.0
        y = 8 + i * ROW + 9
        rows.append({"label": p["interviewer_id"], "y": _f(y), "ty": _f(y + 5), "x1": _f(x(p["mean"] - sd)),
                     "x2": _f(x(p["mean"] + sd)), "cx": _f(x(p["mean"])), "flags": ", ".join(p["flags"]),
                     "text": f"{p['mean']:.2f} ± {sd:.2f}", "cls": "flag" if p["flags"] else "ok"})
    height = 8 + len(chosen) * ROW + 22
    return {"rows": rows, "height": _f(height), "axis_y": _f(height - 18),
            "panel_x": None if panel["mean"] is None else _f(x(panel["mean"])),
            "ticks": [{"x": _f(x(t)), "label": str(t)} for t in range(1, 6)],
            "left_out": len(rated) - len(chosen)}


def render(report: dict[str, Any]) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir()), encoding="utf-8"),
                             autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["pct"] = _pct
    env.filters["n"] = lambda value: "n/a" if value is None else f"{value:,}"
    blocks = []
    undisclosed = {(u["stage"], u["dimension"]): u for u in report["not_disclosed"]}
    for key in dict.fromkeys((r["stage"], r["dimension"]) for r in report["adverse_impact"]):
        rows = [r for r in report["adverse_impact"] if (r["stage"], r["dimension"]) == key]
        blocks.append({"stage": key[0], "dimension": key[1], "rows": rows, "chart": _rate_chart(rows),
                       "undisclosed": undisclosed.get(key)})
    cards = report["scorecards"]
    flagged = [p for p in cards["interviewers"] if p["flags"]]
    uneven = sorted((r for r in cards["requisitions"] if r["same_plan"] < r["candidates"]),
                    key=lambda r: (r["same_plan_share"] or 0, r["requisition_id"]))
    return env.get_template("track/report.html.j2").render(
        report=report, blocks=blocks, cards=cards, spread=_spread_chart(cards["interviewers"], cards["panel_ratings"]),
        flagged=flagged[:MAX_LISTED], flagged_more=max(0, len(flagged) - MAX_LISTED),
        uneven=uneven[:MAX_LISTED], uneven_more=max(0, len(uneven) - MAX_LISTED), bar_width=BAR_WIDTH)
