"""Hostile configuration and kit specs through the real CLI, in a subprocess limited to 500 MB of
address space and 10 seconds: a one-line error naming file:line, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

resource = pytest.importorskip("resource", reason="resource limits need a POSIX system")

MEMORY_LIMIT = 500 * 1024 * 1024
TIME_LIMIT = 10

BOMB = "\n".join([
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    *(f"{n}: &{n} [" + ",".join(["*" + p] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)),
    "accept: *i",
]) + "\n"

POSTING = "# Developer\n\nWe are hiring a developer to build our product.\n"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def ih(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "inclusive_hiring", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=TIME_LIMIT, preexec_fn=_limits, check=False)


def assert_one_line_error(result: subprocess.CompletedProcess[str], file: Path, line: int | None,
                          detail: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    where = f"{file}:{line}: " if line else f"{file}"
    assert lines[0].startswith(f"ih: error: {where}"), lines[0]
    assert detail in lines[0]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


def test_the_bomb_is_small():
    assert len(BOMB.encode()) < 400 and BOMB.count("*") == 73


def test_an_alias_bomb_in_the_project_file_stops_ih_lint(repo):
    config = repo / ".ih.yaml"
    config.write_text(BOMB, encoding="utf-8")
    result = ih("lint", "job.md", "--format", "json", cwd=repo)
    assert_one_line_error(result, config, 5, "YAML aliases expand to more than")
    assert result.stdout == ""


def test_an_alias_bomb_given_with_config_stops_ih_config_show(repo):
    config = repo / "bomb.yml"
    config.write_text(BOMB, encoding="utf-8")
    result = ih("config", "show", "--no-config", "--config", str(config), cwd=repo)
    assert_one_line_error(result, config, 5, "YAML aliases expand to more than")


def test_an_alias_bomb_in_a_kit_spec_stops_ih_kit(repo):
    spec = repo / "kit.yml"
    spec.write_text(BOMB.replace("accept:", "role:"), encoding="utf-8")
    result = ih("kit", str(spec), "--out", str(repo / "out"), cwd=repo)
    assert_one_line_error(result, spec, 5, "YAML aliases expand to more than")
    assert not (repo / "out").exists()


@pytest.mark.parametrize(("text", "line", "detail"), [
    ("accept: [!!int EU]\n", 1, "'EU' is not a valid integer"),
    ("rules:\n  IH801: {max_grade: !!float abc}\n", 2, "'abc' is not a valid number"),
    ("jurisdictions:\n  - !!timestamp x\n", 2, "'x' is not a valid date"),
    ("accept: [!!binary aGVsbG8=]\n", 1, "unsupported YAML tag '!!binary'"),
    ("accept: !!python/object/apply:os.system ['touch pwned']\n", 1, "unsupported YAML tag '!!python/object"),
    ("prefer:\n  e-mail: !secret email\n", 2, "unsupported YAML tag '!secret'"),
    ("accept: [2024-01-01]\n", 1, "each item of 'accept' must be a non-empty string"),
    ("rules:\n  IH801: {max_grade: .nan}\n", 2, "not a finite number"),
])
def test_tags_and_wrong_types_in_the_project_file(repo, text, line, detail):
    config = repo / ".ih.yaml"
    config.write_text(text, encoding="utf-8")
    result = ih("lint", "job.md", "--format", "json", cwd=repo)
    assert_one_line_error(result, config, line, detail)
    assert not (repo / "pwned").exists()


def test_a_tag_in_a_kit_spec(repo):
    spec = repo / "kit.yml"
    spec.write_text("role: Developer\nlevel: !!int senior\ncompetencies: [communication]\n", encoding="utf-8")
    result = ih("kit", str(spec), "--out", str(repo / "out"), cwd=repo)
    assert_one_line_error(result, spec, 2, "'senior' is not a valid integer")
