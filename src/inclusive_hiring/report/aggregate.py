"""The numbers of a report: counts by rule and category, coverage, distributions. Pure data: the
JSON output is exactly this dict, and the HTML page is drawn from it."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..results import SEVERITIES, FileResult, severity_rank

SCHEMA_VERSION = 1
#: Reading-grade bins (lower bound inclusive); the last is open.
GRADE_BINS: tuple[tuple[float, float | None], ...] = (
    (0, 6), (6, 8), (8, 10), (10, 12), (12, 14), (14, 16), (16, None))
#: Length bins in words (lower bound inclusive); the last is open. 150 and 700 are IH811/IH812's
#: default limits.
WORD_BINS: tuple[tuple[int, int | None], ...] = (
    (0, 150), (150, 300), (300, 450), (450, 700), (700, 1000), (1000, None))
VERDICTS: tuple[str, ...] = ("strongly masculine-coded", "masculine-coded", "neutral", "feminine-coded",
                             "strongly feminine-coded")
TOP = 10


def rule_anchor(rule_id: str, rule_name: str) -> str:
    """The heading anchor of a rule in docs/rules.md (``### IH110 gendered-job-title``)."""
    return f"{rule_id.lower()}-{rule_name}"


def file_row(result: FileResult, jurisdictions: Sequence[str] = ()) -> dict[str, Any]:
    """One file's line of the index: counts and the metrics a recruiter compares."""
    from ..documents import line_unit

    severities = Counter(f.severity for f in result.findings)
    metrics = result.metrics
    coding = metrics.get("gender_coding") or {}
    statements = metrics.get("statements") or {}
    posting = result.error is None and result.kind == "posting"
    return {
        "path": result.path,
        "kind": result.kind,
        "error": result.error,
        "line_unit": line_unit(result.path) or "line",
        "findings": len(result.findings),
        "by_severity": {s: severities.get(s, 0) for s in SEVERITIES},
        "words": metrics.get("words", 0),
        "reading_grade": metrics.get("reading_grade"),
        "gender_coding": coding.get("verdict", "neutral") if result.error is None else None,
        "masculine_words": len(coding.get("masculine") or []),
        "feminine_words": len(coding.get("feminine") or []),
        "pay_range": bool((metrics.get("pay") or {}).get("range")) if posting else None,
        "eeo_statement": bool(statements.get("eeo")) if posting else None,
        "accommodation_statement": bool(statements.get("accommodation")) if posting else None,
        "jurisdictions": list(jurisdictions),
    }


def problem_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """Most problems first: errors, then warnings, then all findings; then by path."""
    sev = row["by_severity"]
    return (-sev["error"], -sev["warning"], -row["findings"], row["path"])


def _bins(values: Sequence[float], bins: Sequence[tuple[float, float | None]], unit: str) -> list[dict[str, Any]]:
    out = []
    for low, high in bins:
        count = sum(1 for v in values if v >= low and (high is None or v < high))
        label = f"{low:g}+" if high is None else f"{low:g}–{high:g}"
        out.append({"label": label + unit, "low": low, "high": high, "count": count})
    return out


def _stats(values: Sequence[float]) -> dict[str, float | None]:
    if not values:
        return {"median": None, "mean": None, "min": None, "max": None}
    return {"median": round(float(statistics.median(values)), 1), "mean": round(statistics.fmean(values), 1),
            "min": round(float(min(values)), 1), "max": round(float(max(values)), 1)}


def _coverage(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    return {"postings": len(rows),
            "pay_range": sum(1 for r in rows if r["pay_range"]),
            "eeo_statement": sum(1 for r in rows if r["eeo_statement"]),
            "accommodation_statement": sum(1 for r in rows if r["accommodation_statement"])}


def aggregate(files: Sequence[FileResult], jurisdictions: Mapping[str, Sequence[str]] | None = None,
              rules_url: str = "") -> dict[str, Any]:
    """The report's numbers for ``files`` (a lint report's results, in their order);
    ``jurisdictions``: the configured jurisdiction codes per path, when a configuration sets them."""
    places = jurisdictions or {}
    rows = [file_row(r, places.get(r.path, ())) for r in files]
    linted = [r for r in files if r.error is None]
    postings = [row for row in rows if row["error"] is None and row["kind"] == "posting"]
    findings = [f for r in linted for f in r.findings]
    rules: dict[str, dict[str, Any]] = {}
    for result in linted:
        for f in result.findings:
            entry = rules.setdefault(f.rule_id, {
                "rule_id": f.rule_id, "rule_name": f.rule_name, "category": f.category,
                "severity": f.severity, "findings": 0, "files": 0,
                "anchor": rule_anchor(f.rule_id, f.rule_name)})
            entry["findings"] += 1
            if severity_rank(f.severity) > severity_rank(entry["severity"]):
                entry["severity"] = f.severity  # re-graded by configuration in some files
        for rule_id in {f.rule_id for f in result.findings}:
            rules[rule_id]["files"] += 1
    words: dict[str, Counter[str]] = {"masculine": Counter(), "feminine": Counter()}
    for result in linted:
        coding = result.metrics.get("gender_coding") or {}
        for side in words:
            words[side].update(w.casefold() for w in coding.get(side) or [])
    verdicts = Counter(row["gender_coding"] for row in rows if row["error"] is None)
    grades = [row["reading_grade"] for row in postings if row["reading_grade"] is not None]
    lengths = [row["words"] for row in postings]
    by_place: dict[str, list[Mapping[str, Any]]] = {}
    for row in postings:
        for code in row["jurisdictions"]:
            by_place.setdefault(code, []).append(row)
    return {
        "version": SCHEMA_VERSION,
        "rules_url": rules_url,
        "totals": {
            "files": len(rows),
            "postings": len(postings),
            "question_lists": sum(1 for row in rows if row["error"] is None and row["kind"] == "questions"),
            "unreadable": len(rows) - len(linted),
            "findings": len(findings),
            "by_severity": {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES},
            "by_category": dict(sorted(Counter(f.category for f in findings).items(),
                                       key=lambda kv: (-kv[1], kv[0]))),
            "files_with_findings": sum(1 for r in linted if r.findings),
        },
        "rules": sorted(rules.values(), key=lambda r: (-r["findings"], r["rule_id"])),
        "most_problems": [row["path"] for row in sorted(
            (row for row in rows if row["error"] is None and row["findings"]), key=problem_key)[:TOP]],
        "gender_coding": {
            "verdicts": {v: verdicts.get(v, 0) for v in VERDICTS},
            "top_masculine_words": [[w, n] for w, n in sorted(words["masculine"].items(),
                                                               key=lambda kv: (-kv[1], kv[0]))[:TOP]],
            "top_feminine_words": [[w, n] for w, n in sorted(words["feminine"].items(),
                                                              key=lambda kv: (-kv[1], kv[0]))[:TOP]],
        },
        "reading_grade": {"bins": _bins(grades, GRADE_BINS, ""), **_stats(grades)},
        "length": {"bins": _bins(lengths, WORD_BINS, " words"), **_stats(lengths)},
        "coverage": _coverage(postings),
        "jurisdictions": [{"code": code, **_coverage(by_place[code])} for code in sorted(by_place)],
        "files": rows,
    }
