"""The Markdown report caps long tables and says how many rows were left out."""

from __future__ import annotations

from inclusive_hiring.track import report_md


def test_capped_table_lists_at_most_the_cap_and_counts_the_rest() -> None:
    lines: list[str] = []
    rows = [f"| r{i} |" for i in range(report_md.MAX_LISTED)]
    report_md._capped_table(lines.append, "| Id |", "| --- |", rows, report_md.MAX_LISTED + 7)
    assert lines[:3] == ["| Id |", "| --- |", "| r0 |"]
    assert lines[-2] == "\n... and 7 more (all of them in the JSON report)."
    assert lines[-1] == ""
    short: list[str] = []
    report_md._capped_table(short.append, "| Id |", "| --- |", rows[:2], 2)
    assert short == ["| Id |", "| --- |", "| r0 |", "| r1 |", ""]
