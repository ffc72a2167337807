"""``--format sarif``: a SARIF 2.1.0 log for GitHub code scanning and other static-analysis viewers.

One run; ``tool.driver.rules`` holds one reportingDescriptor per rule that has findings, sorted by
id. The output is deterministic: no timestamps, no absolute paths unless they were given, and
the same report always gives the same bytes.

Positions: our ``line``/``column`` are 1-based and count Unicode code points, and ``end_column``
is already *exclusive* (the engine takes ``Prepared.position(end)`` of the exclusive end offset,
so ``line_text[column - 1 : end_column - 1] == match``; see docs/json-schema.md). SARIF's
``endColumn`` is also exclusive ("the column following the end of the region"), so columns are
copied unchanged and the run declares ``columnKind: unicodeCodePoints`` (SARIF's default is
UTF-16 code units).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from ..results import FINGERPRINT_KEY, Finding, LintReport, fingerprints, severity_rank
from . import RenderOptions, message_with_replacements

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/inclusive-hiring/ih"
#: Every rule's ``helpUri`` is this page plus ``#<id>-<name>`` (the heading anchor in docs/rules.md).
RULES_DOC_URI = "https://github.com/inclusive-hiring/ih/blob/main/docs/rules.md"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# Words that a plain capitalisation of a rule name would get wrong.
_WORD_CASE = {"eeo": "EEO", "gpa": "GPA", "lgbtq": "LGBTQ", "ssn": "SSN", "english": "English",
              "canadian": "Canadian"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def render(report: LintReport, options: RenderOptions | None = None) -> str:
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"


def to_sarif(report: LintReport) -> dict[str, Any]:
    """The SARIF log as a dict (``render`` serialises it)."""
    findings = report.findings
    rules, index = _rules(findings)
    results: list[dict[str, Any]] = []
    for result in report.files:
        results.extend(_result(f, index[f.rule_id], fingerprint)
                       for f, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True))
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}],
        }
        for r in report.files if r.error
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "ih",
                "informationUri": INFORMATION_URI,
                "version": _version(),
                "rules": rules,
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def short_description(rule_name: str) -> str:
    """``gender-coded-trait`` -> ``Gender coded trait``."""
    words = [_WORD_CASE.get(w, w) for w in rule_name.split("-") if w]
    if not words:
        return rule_name
    first = words[0]
    words[0] = first if first in _WORD_CASE.values() else first[:1].upper() + first[1:]
    return " ".join(words)


def help_uri(rule_id: str, rule_name: str) -> str:
    return f"{RULES_DOC_URI}#{rule_id.lower()}-{rule_name}"


def artifact_location(path: str) -> dict[str, str]:
    """``uri`` with forward slashes, percent-encoded; relative paths are relative to ``%SRCROOT%``."""
    posix = path.replace("\\", "/")
    if posix.startswith("/") or _WINDOWS_DRIVE.match(posix):
        prefix = "file://" if posix.startswith("/") else "file:///"
        return {"uri": prefix + quote(posix, safe="/:")}
    while posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix, safe="/"), "uriBaseId": "%SRCROOT%"}


def _rules(findings: list[Finding]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    # The descriptor is built from findings only (formatters do not read the catalog): the
    # description is the rationale of the rule's first finding in report order, and the default
    # level is the most severe level the rule has in this report.
    first: dict[str, Finding] = {}
    worst: dict[str, str] = {}
    for f in findings:
        first.setdefault(f.rule_id, f)
        if severity_rank(f.severity) > severity_rank(worst.get(f.rule_id, "")):
            worst[f.rule_id] = f.severity
    rules = []
    for rule_id in sorted(first):
        f = first[rule_id]
        uri = help_uri(rule_id, f.rule_name)
        rules.append({
            "id": rule_id,
            "name": f.rule_name,
            "shortDescription": {"text": short_description(f.rule_name)},
            "fullDescription": {"text": f.rationale},
            "helpUri": uri,
            "help": {"text": f"{f.rationale}\n\nSee {uri}",
                     "markdown": f"{f.rationale}\n\nSee [{rule_id} {f.rule_name}]({uri})."},
            "defaultConfiguration": {"level": _LEVEL.get(worst[rule_id], "warning")},
            "properties": {"category": f.category, "tags": [f.category]},
        })
    return rules, {r["id"]: i for i, r in enumerate(rules)}


def _result(f: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    if f.line is None:
        region: dict[str, Any] = {"startLine": 1}
    else:
        region = {
            "startLine": f.line,
            "startColumn": f.column or 1,
            "endLine": f.end_line or f.line,
            "endColumn": f.end_column or (f.column or 1) + len(f.match or ""),  # exclusive, as ours
        }
        if f.match is not None:
            region["snippet"] = {"text": f.match}
    return {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": _LEVEL.get(f.severity, "warning"),
        "message": {"text": message_with_replacements(f)},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(f.path),
            "region": region,
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }


def _version() -> str:
    from .. import __version__

    return __version__
