#!/usr/bin/env python3
"""Rewrite the example in docs/json-schema.md from today's `ih lint examples/job-posting.md
--format json`, abridged the same way (tests/test_json_output.py checks it)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "json-schema.md"
SHOWN = ("IH750", "IH110")  # the findings the example keeps, one document and one span finding


def main() -> int:
    os.chdir(ROOT)
    out = subprocess.run([sys.executable, "-m", "inclusive_hiring", "lint", "examples/job-posting.md",
                          "--format", "json"], capture_output=True, text=True, check=False).stdout
    report = json.loads(out)
    entry = report["files"][0]
    total, matches = len(entry["findings"]), len(entry["metrics"]["gender_coding"]["matches"])
    entry["findings"] = [f for f in entry["findings"] if f["rule_id"] in SHOWN]
    entry["metrics"]["gender_coding"]["matches"] = entry["metrics"]["gender_coding"]["matches"][:1]
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index("## Example"), text.index("## Ordering and determinism")
    section = text[start:end]
    i, j = section.index("```json"), section.rindex("```")
    section = section[:i] + "```json\n" + json.dumps(report, indent=2, ensure_ascii=False) + "\n" + section[j:]
    section = re.sub(r"abridged: (\d+) of the \d+ findings and\n1 of the \d+ `gender_coding.matches`",
                     rf"abridged: \g<1> of the {total} findings and\n1 of the {matches} `gender_coding.matches`",
                     section)
    DOC.write_text(text[:start] + section + text[end:], encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
