"""``--format gitlab``: GitLab's Code Quality report (a JSON array of issues), for
``artifacts: reports: codequality:`` in ``.gitlab-ci.yml`` (docs/ci.md).

Each finding becomes ``{description, check_name, fingerprint, severity, location: {path, lines:
{begin}}}``. GitLab's scale is info, minor, major, critical, blocker: errors are ``major``,
warnings ``minor`` and info ``info``. The fingerprint is the finding's stable fingerprint
(``results.py``), which GitLab uses to tell new issues from fixed ones; a document-level finding
is on line 1.
"""

from __future__ import annotations

import json
from typing import Any

from ..results import LintReport, fingerprints
from . import RenderOptions, message_with_replacements

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issues(report: LintReport) -> list[dict[str, Any]]:
    out = []
    for result in report.files:
        path = result.path.replace("\\", "/").removeprefix("./")
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True):
            out.append({
                "description": f"{finding.rule_id} {message_with_replacements(finding)}",
                "check_name": finding.rule_id,
                "fingerprint": fingerprint,
                "severity": _SEVERITY.get(finding.severity, "info"),
                "location": {"path": path, "lines": {"begin": finding.line or 1}},
            })
    return out


def render(report: LintReport, options: RenderOptions | None = None) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
