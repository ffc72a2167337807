"""``--format json``: the versioned wire schema (docs/json-schema.md)."""

from __future__ import annotations

import json

from ..api import LintReport


def render(report: LintReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
