"""Shared data and fixtures for the interview-kit tests (imported by the test modules; not a
conftest.py, so that it cannot shadow tests/conftest.py for ``from conftest import ...``)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_POSTING = ROOT / "examples" / "job-posting.md"
CORPUS_JOBS = ROOT.parent / "shared" / "corpus" / "jobs"

SPEC = """\
role: Support Engineer
level: Senior
interview_minutes: 45
competencies:
  - id: customer-focus
    weight: 3
  - id: problem-solving
    weight: 2
  - communication
  - collaboration
panel:
  - Hiring manager
  - Support engineer
stages:
  - name: Skills interview
    interviewers: [Hiring manager, Support engineer]
    competencies: [customer-focus, problem-solving]
  - name: Team interview
    interviewers: [Support engineer]
"""


@pytest.fixture(scope="session", name="library")
def library_fixture():
    from inclusive_hiring.kits.library import default_library

    return default_library()


@pytest.fixture(name="spec_file")
def spec_file_fixture(tmp_path):
    """Write a spec (the default one unless given) to tmp_path/kit.yml and return its path."""

    def write(text: str = SPEC, name: str = "kit.yml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
