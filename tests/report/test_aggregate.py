"""The report's numbers."""

from __future__ import annotations

from inclusive_hiring import lint_text
from inclusive_hiring.report.aggregate import aggregate, rule_anchor
from inclusive_hiring.results import FileResult, empty_metrics

POSTING_A = "# Salesman\n\nWe need a salesman and a chairman. The salary is $50,000 - $60,000 per year.\n"
POSTING_B = ("# Engineer\n\nWe are an equal opportunity employer. If you need an accommodation, "
             "email jobs@example.com.\n")


def _report() -> dict:
    files = [lint_text(POSTING_A, "a.md"), lint_text(POSTING_B, "b.md"),
             FileResult(path="c.docx", error="the .docx file has no text", metrics=empty_metrics())]
    return aggregate(files, {"a.md": ("US-CO",), "b.md": ("US-CO", "US-NYC")}, "https://x/rules.md")


def test_totals_and_rules() -> None:
    data = _report()
    totals = data["totals"]
    assert (totals["files"], totals["postings"], totals["unreadable"]) == (3, 2, 1)
    assert totals["findings"] == sum(r["findings"] for r in data["rules"])
    title = next(r for r in data["rules"] if r["rule_id"] == "IH110")
    assert (title["findings"], title["files"]) == (3, 1)  # two salesman, one chairman, in a.md
    assert title["anchor"] == "ih110-gendered-job-title" == rule_anchor("IH110", "gendered-job-title")
    counts = [(-r["findings"], r["rule_id"]) for r in data["rules"]]
    assert counts == sorted(counts)


def test_coverage_per_posting_and_jurisdiction() -> None:
    data = _report()
    assert data["coverage"] == {"postings": 2, "pay_range": 1, "eeo_statement": 1, "accommodation_statement": 1}
    places = {j["code"]: j for j in data["jurisdictions"]}
    assert places["US-CO"]["postings"] == 2 and places["US-CO"]["pay_range"] == 1
    assert places["US-NYC"] == {"code": "US-NYC", "postings": 1, "pay_range": 0, "eeo_statement": 1,
                                "accommodation_statement": 1}
    rows = {r["path"]: r for r in data["files"]}
    assert rows["a.md"]["pay_range"] is True and rows["b.md"]["eeo_statement"] is True
    assert rows["c.docx"]["pay_range"] is None and rows["c.docx"]["line_unit"] == "paragraph"


def test_most_problems_and_bins() -> None:
    data = _report()
    assert data["most_problems"][0] == "a.md"
    assert sum(b["count"] for b in data["length"]["bins"]) == 2
    assert data["length"]["bins"][0]["label"] == "0–150 words"
    assert sum(data["gender_coding"]["verdicts"].values()) == 2


def test_no_jurisdictions_configured() -> None:
    files = [lint_text(POSTING_A, "a.md")]
    assert aggregate(files)["jurisdictions"] == []
