"""Shared data for the `ih new posting` tests (imported by the test modules; not a conftest.py,
so that it cannot shadow tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from inclusive_hiring.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "posting-specs"
EXAMPLE_SPECS = sorted(EXAMPLES.glob("*/posting.yml"))

SPEC = """\
role: Data Analyst
organization: Fernhill Transit
location: Portland, Oregon
work_arrangement: remote
about: |
  Fernhill Transit runs the buses of a mid-sized city. You will help us plan better routes.
responsibilities:
  - Build reports on how many people ride each route
  - Explain what the numbers mean to planners
must_haves:
  - Bachelor's degree in statistics
  - Experience with SQL
  - text: A valid driving licence
    equivalent: no
    reason: the role drives test routes
nice_to_haves:
  - Experience with mapping tools
pay:
  currency: USD
  min: 70000
  max: 82000
benefits:
  - Health cover
  - A transit pass
apply: Apply at https://fernhill.example/jobs
accommodations_contact: access@fernhill.example
"""


def fenced(folder: Path, config: str | None = None) -> Path:
    """``folder`` as a repository root (configuration discovery stops here), with an .ih.yaml."""
    (folder / ".git").mkdir(exist_ok=True)
    if config is not None:
        (folder / ".ih.yaml").write_text(config, encoding="utf-8")
    return folder


def ih(*args: object, cwd: Path | None = None, stdin: str | None = None):
    """Run ``ih new posting ARGS`` in ``cwd``; a traceback fails the test."""
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["new", "posting", *map(str, args)], input=stdin)
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def serious(result) -> list:
    """Findings at warning or above."""
    return [f for f in result.findings if f.severity in ("warning", "error")]
