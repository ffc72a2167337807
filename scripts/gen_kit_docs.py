"""Regenerate the example kit in docs/kits.md: python scripts/gen_kit_docs.py

Each ``<!-- BEGIN generated: NAME -->`` ... ``<!-- END generated -->`` block is replaced by the file
NAME of the kit that ``ih kit --from examples/job-posting.md --out kit`` writes. With ``--check``
it only reports whether the page is current (tests/kits/test_docs.py runs that).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from inclusive_hiring.kits.build import SPEC_NAME, build_from_posting  # noqa: E402

DOC = ROOT / "docs" / "kits.md"
BLOCK = re.compile(r"(<!-- BEGIN generated: (?P<name>[\w.-]+) -->\n).*?(<!-- END generated -->)", re.S)


def example_files() -> dict[str, str]:
    """The example kit, generated exactly as the docs say (paths relative to the repository)."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        starter = build_from_posting("examples/job-posting.md", Path("kit"))
    finally:
        os.chdir(old)
    return {SPEC_NAME: starter.spec_text, **starter.files}


def render(doc: str, files: dict[str, str]) -> str:
    def block(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in files:
            raise SystemExit(f"docs/kits.md: no kit file called {name}")
        lang = "yaml" if name.endswith(".yml") else "markdown"
        title = f"**`kit/{name}`**\n\n"
        return f"{match.group(1)}{title}````{lang}\n{files[name]}````\n{match.group(3)}"

    return BLOCK.sub(block, doc)


if __name__ == "__main__":
    current = DOC.read_text(encoding="utf-8")
    fresh = render(current, example_files())
    if "--check" in sys.argv[1:]:
        if fresh != current:
            raise SystemExit("docs/kits.md is stale: run python scripts/gen_kit_docs.py")
        print("docs/kits.md is current")
    else:
        DOC.write_text(fresh, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
