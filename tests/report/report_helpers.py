"""Shared bits of the report tests: run ih, and a folder of postings with injected markup."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# document_helpers (tests/documents) builds the .docx and .pdf files these tests put in reports.
sys.path.insert(0, str(ROOT / "tests" / "documents"))
from document_helpers import ih, write_docx, write_pdf  # noqa: E402

__all__ = ["CORPUS", "EVIL", "ROOT", "ih", "postings", "write_docx", "write_pdf"]
CORPUS = ROOT.parent / "shared" / "corpus" / "jobs"

EVIL = """# Sales lead <script>document.title='pwned'</script>

We want a salesman. <img src=x onerror="document.body.setAttribute('data-pwned','1')">
Apply at <a href="javascript:alert(1)">here</a> & tell us your "current salary".
"""


def postings(folder: Path) -> Path:
    """A folder with the example posting, a clean fixture and a posting full of markup."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "example.md").write_text((ROOT / "examples/job-posting.md").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (folder / "clean.md").write_text((ROOT / "tests/fixtures/clean-posting.md").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (folder / "evil.md").write_text(EVIL, encoding="utf-8")
    return folder
