"""Where the shipped data lives: inside the installed package, or in the source tree (an editable
install or a checkout), where ``wordlists/`` and ``templates/`` sit beside ``src/``."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    packaged = PACKAGE / name
    if packaged.is_dir():
        return packaged
    return PACKAGE.parents[1] / name


def wordlists_dir() -> Path:
    """The shipped word lists."""
    return _shipped("wordlists")


def templates_dir() -> Path:
    """The shipped Jinja templates (``kit/``, and one folder per other document ih writes)."""
    return _shipped("templates")


def data_dir() -> Path:
    """Package data: jurisdictions, presets, competencies."""
    return PACKAGE / "data"
