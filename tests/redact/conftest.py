from __future__ import annotations

import sys
from pathlib import Path

# The labelled-CV helpers (redact_corpus.py) sit next to these tests.
sys.path.insert(0, str(Path(__file__).parent))
