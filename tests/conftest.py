from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The compiled word-list cache goes to a fresh directory for the whole run: the tests build it
# once (exercising the builder) and never read or write the user's ~/.cache.
os.environ["IH_CACHE_DIR"] = tempfile.mkdtemp(prefix="ih-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def engine():
    from inclusive_hiring.lint.linter import get_linter as get_engine

    return get_engine()


@pytest.fixture(scope="session")
def lint():
    from inclusive_hiring import lint_text

    return lint_text


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    """``--format auto`` picks GitHub annotations inside Actions; tests assume a plain terminal."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def pytest_collection_modifyitems(config, items):
    """Network tests run only when the -m expression names them (``-m network``): a later
    ``-m "not slow"`` replaces the default ``-m 'not network'`` of pyproject.toml, and the suite
    must pass with no network at all."""
    if "network" in (config.option.markexpr or ""):
        return
    offline = [item for item in items if item.get_closest_marker("network") is None]
    if len(offline) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("network")])
        items[:] = offline


def one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    """A CliRunner result that failed as every ih command fails on bad input: exit 2 and one
    ``ih: error:`` line on stderr, no traceback. Returns the line."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ih: error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]
