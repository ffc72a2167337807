"""Regenerate docs/rules.md from the word lists: python scripts/gen_rule_docs.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from inclusive_hiring.catalog.ruledocs import render_rules_markdown  # noqa: E402
from inclusive_hiring.catalog.wordlists import load_catalog  # noqa: E402

if __name__ == "__main__":
    target = ROOT / "docs" / "rules.md"
    target.write_text(render_rules_markdown(load_catalog(ROOT / "wordlists")), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
