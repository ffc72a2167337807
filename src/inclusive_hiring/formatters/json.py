"""``--format json``: the versioned wire schema (docs/json-schema.md).

The layout is fixed: one file object per block and one finding per line, each object encoded by
the standard library's C encoder (``indent=`` would switch to its pure-Python encoder, which costs
more than a second on a thousand postings). Same report, same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..results import LintReport
from . import RenderOptions

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _file(data: dict[str, Any]) -> str:
    head = ", ".join(f"{_ENCODE(k)}: {_ENCODE(data[k])}" for k in ("path", "kind", "error"))
    findings = data["findings"]
    if findings:
        body = ",\n".join("      " + _ENCODE(f) for f in findings)
        listed = f"[\n{body}\n    ]"
    else:
        listed = "[]"
    return f'    {{{head}, "findings": {listed}, "metrics": {_ENCODE(data["metrics"])}}}'


def render(report: LintReport, options: RenderOptions | None = None) -> str:
    data = report.to_dict()
    files = ",\n".join(_file(f) for f in data["files"])
    listed = f"[\n{files}\n  ]" if files else "[]"
    return (f'{{\n  "version": {_ENCODE(data["version"])},\n  "files": {listed},\n'
            f'  "summary": {_ENCODE(data["summary"])}\n}}\n')
