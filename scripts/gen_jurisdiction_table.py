"""Regenerate the jurisdiction table in docs/configuration.md: python scripts/gen_jurisdiction_table.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from inclusive_hiring.catalog.jurisdictions import TABLE_END, TABLE_START, markdown_table  # noqa: E402

if __name__ == "__main__":
    target = ROOT / "docs" / "configuration.md"
    text = target.read_text(encoding="utf-8")
    start, end = text.index(TABLE_START), text.index(TABLE_END) + len(TABLE_END)
    target.write_text(text[:start] + markdown_table() + text[end:], encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
