from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def engine():
    from inclusive_hiring.engine import get_engine

    return get_engine()


@pytest.fixture(scope="session")
def lint():
    from inclusive_hiring import lint_text

    return lint_text
