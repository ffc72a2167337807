"""The Markdown report, for a quarterly review: the same content as the JSON, as tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .suppress import reason_text

MAX_LISTED = 25


def _capped_table(add: Callable[[str], None], header: str, rule: str, rows: list[str], total: int) -> None:
    """A Markdown table of at most ``MAX_LISTED`` rows, then how many of ``total`` were left out."""
    add(header)
    add(rule)
    for row in rows:
        add(row)
    if total > MAX_LISTED:
        add(f"\n... and {total - MAX_LISTED} more (all of them in the JSON report).")
    add("")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _num(value: Any, spec: str = "") -> str:
    if value is None:
        return "n/a"
    return format(value, spec) if spec else str(value)


def _n(value: int | None) -> str:
    return "n/a" if value is None else f"{value:,}"


def _p(value: float | None) -> str:
    if value is None:
        return "n/a"
    return "< 0.0001" if value < 0.0001 else f"{value:.4f}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(report: dict[str, Any]) -> str:
    out: list[str] = []
    add = out.append
    filters = report["filters"]
    add("# Interview inclusivity report\n")
    scope = []
    if filters["since"]:
        scope.append(f"decisions since {filters['since']}")
    if filters["stage"]:
        scope.append(f"stage {filters['stage']} only")
    store = report["store"]
    add(f"{_n(store['candidates'])} candidates, {_n(store['pipeline'])} stage decisions, {_n(store['scorecards'])} "
        f"scorecard ratings in the store" + (f"; this report: {', '.join(scope)}" if scope else "") + ".\n")
    add("Selection rate = advanced or hired over decided (withdrawals left out). Impact ratio = a group's "
        "rate over the highest shown rate in the same stage and dimension; **flagged** below 0.8 (the "
        "four-fifths rule of 29 CFR 1607.4(D); exactly 0.8 is not flagged). Fisher's exact test is two-"
        "sided against the highest-rate group. A flag is evidence to look into, not a finding of "
        "discrimination; a small p-value with a ratio above 0.8 can matter too.\n")
    add("## Stages\n")
    add("| Stage | Decided | Selected | Rate | Withdrew |")
    add("| --- | ---: | ---: | ---: | ---: |")
    for stage in report["stages"]:
        add(f"| {_cell(stage['stage'])} | {_n(stage['considered'])} | {_n(stage['selected'])} | "
            f"{_pct(stage['rate'])} | {_n(stage['withdrew'])} |")
    add("")
    add("## Adverse impact\n")
    rows = report["adverse_impact"]
    if not rows:
        add("No demographic data in the store (or none for the stages in this report).\n")
    undisclosed = {(u["stage"], u["dimension"]): u for u in report["not_disclosed"]}
    for stage, dimension in _blocks(rows):
        add(f"### {_cell(stage)}: {_cell(dimension)}\n")
        add("| Group | Decided | Selected | Rate | Impact ratio | Fisher p | mid-p | +selections to 0.8 | |")
        add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for row in rows:
            if (row["stage"], row["dimension"]) != (stage, dimension):
                continue
            if row["suppressed"]:
                add(f"| {_cell(row['group'])} | suppressed | | | | | | | {row['suppressed_reason']} |")
                continue
            mark = "reference" if row["reference"] else ("**below 4/5**" if row["flag"] else "")
            add(f"| {_cell(row['group'])} | {_n(row['considered'])} | {_n(row['selected'])} | {_pct(row['rate'])} | "
                f"{_num(row['impact_ratio'], '.2f')} | {_p(row['fisher_p'])} | {_p(row['fisher_mid_p'])} | "
                f"{_num(row['selections_to_four_fifths'])} | {mark} |")
        rest = undisclosed.get((stage, dimension))
        if rest and (rest["considered"] or rest["suppressed"]):
            shown = "suppressed (" + rest["suppressed_reason"] + ")" if rest["suppressed"] else _n(rest["considered"])
            add(f"\nNot disclosed (left out of the ratios): {shown}.")
        add("")
    sup = report["suppression"]
    add("## Suppression\n")
    add(f"Groups with {reason_text('small', sup['min_cell'])} are shown without counts, rates or p-values, "
        "and more are suppressed where needed so that no suppressed group can be worked out by subtraction "
        "from a stage's total or the other rows. Not-disclosed counts follow the same rules, and ratios "
        "compare shown groups only. " + (
            f"In this report: {sup['small']} small {'group' if sup['small'] == 1 else 'groups'}, and "
            f"{sup['complementary']} more to protect them.\n" if sup["small"] or sup["complementary"]
            else "Nothing was suppressed in this report.\n"))
    _scorecards(report["scorecards"], add)
    return "\n".join(out).rstrip("\n") + "\n"


def _blocks(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys((r["stage"], r["dimension"]) for r in rows))


def _scorecards(cards: dict[str, Any], add: Any) -> None:
    add("## Structured-interview discipline\n")
    if not cards["scorecards"]:
        add("No scorecards in the store, or none for this report's filters.\n")
        return
    add(f"- Scorecards with every competency rated: {_pct(cards['completed_share'])} "
        f"({_n(cards['completed'])} of {_n(cards['scorecards'])})")
    add(f"- Submitted before the debrief: {_pct(cards['before_debrief_share'])} "
        f"({_n(cards['before_debrief'])} of {_n(cards['with_both_times'])}; "
        f"{_n(cards['missing_times'])} without both times)")
    add(f"- Candidates who got the same interview (the same stages in order, the same competencies at each): "
        f"{_pct(cards['same_plan_share'])}")
    panel = cards["panel_size"]
    add(f"- Panel size: {_num(panel['mean'])} interviewers per interview on average over {_n(panel['interviews'])} "
        f"interviews; {_n(panel['single_interviewer'])} with a single interviewer")
    ratings = cards["panel_ratings"]
    add(f"- All ratings: mean {_num(ratings['mean'])}, standard deviation {_num(ratings['sd'])} "
        f"({_n(ratings['ratings'])} ratings)\n")
    people = cards["interviewers"]
    flagged = [p for p in people if p["flags"]]
    add("### Interviewers to talk to\n")
    if not flagged:
        add("No interviewer rates flat, harsh or kind by the thresholds in docs/tracking.md.\n")
    else:
        _capped_table(add, "| Interviewer | Ratings | Mean | SD | vs panel | Why |",
                      "| --- | ---: | ---: | ---: | ---: | --- |",
                      [f"| {_cell(p['interviewer_id'])} | {_n(p['ratings'])} | {p['mean']:.2f} | "
                       f"{_num(p['sd'], '.2f')} | {_num(p['vs_panel'], '+.2f')} | {', '.join(p['flags'])} |"
                       for p in flagged[:MAX_LISTED]], len(flagged))
    reqs = sorted(cards["requisitions"], key=lambda r: (r["same_plan_share"] or 0, r["requisition_id"]))
    uneven = [r for r in reqs if r["same_plan"] < r["candidates"]]
    add("### Requisitions where candidates got different interviews\n")
    if not uneven:
        add("Every candidate of every requisition got the same stages and competencies (as far as they went).\n")
    else:
        _capped_table(add, "| Requisition | Candidates | Same plan | Stages |", "| --- | ---: | ---: | --- |",
                      [f"| {_cell(r['requisition_id'])} | {_n(r['candidates'])} | {_pct(r['same_plan_share'])} | "
                       f"{_cell(', '.join(r['stages']))} |" for r in uneven[:MAX_LISTED]], len(uneven))
