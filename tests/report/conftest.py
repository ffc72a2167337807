from __future__ import annotations

import sys
from pathlib import Path

# document_helpers (tests/documents) builds the .docx and .pdf files these tests put in reports.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))
