"""pre-commit: the README's snippet, pointed at this repository, installs the `ih-lint` hook in another
repository, passes a clean posting, fails a flawed one and leaves other files alone.

pre-commit builds one virtual environment and pip-installs this package into it (from PyPI and the
local pip configuration: the network is needed once). The whole module shares that environment:
a module-scoped fixture with PRE_COMMIT_HOME in a temporary directory. It takes about 20 s with a
warm pip cache. Deselect with ``-m "not network"``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"

pytestmark = pytest.mark.network

# A short posting with nothing to flag (shared with other tests).
CLEAN = (Path(__file__).parent / "fixtures" / "clean-posting.md").read_text(encoding="utf-8")


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=ih tests", "-c", "user.email=ih@example.invalid",
                           "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


def readme_snippet() -> dict:
    """The pre-commit configuration shown under the README's "CI" heading."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## CI\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "README.md: no ```yaml block under ## CI"
    return yaml.safe_load(block.group(1))


def test_readme_snippet_names_the_hook():
    config = readme_snippet()
    [repo] = config["repos"]
    assert repo["repo"].startswith("https://github.com/")
    hooks = {h["id"] for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert {h["id"] for h in repo["hooks"]} <= hooks == {"ih-lint"}


def test_hook_types_are_identify_tags():
    identify = pytest.importorskip("identify.identify")
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert set(hook["types_or"]) <= identify.ALL_TAGS
    tags = {name: identify.tags_from_filename(name) for name in ("a.md", "a.markdown", "a.html", "a.txt")}
    assert all(tags[name] & set(hook["types_or"]) for name in tags), tags
    assert not identify.tags_from_filename("a.py") & set(hook["types_or"])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A git repository whose .pre-commit-config.yaml is the README snippet, pointed at a commit of
    this working tree (committed, uncommitted and new files alike), with the hook installed."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("this copy of ih is not a git checkout")
    base = tmp_path_factory.mktemp("precommit")
    source = base / "hook-source"
    for name in listed.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if name and (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    _git("init", "-q", cwd=source)
    _git("add", "-A", cwd=source)
    _git("commit", "-q", "-m", "snapshot", cwd=source)
    rev = _git("rev-parse", "HEAD", cwd=source).strip()

    config = readme_snippet()
    config["repos"][0].update(repo=str(source), rev=rev)
    work = base / "project"
    work.mkdir()
    _git("init", "-q", cwd=work)
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (work / "clean.md").write_text(CLEAN, encoding="utf-8")
    (work / "flawed.md").write_text(CLEAN + "\nWe need a rockstar salesman.\n", encoding="utf-8")
    (work / "script.py").write_text("salesman = 'rockstar'\n", encoding="utf-8")
    _git("add", "-A", cwd=work)

    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "VIRTUAL_ENV")}
    env["PRE_COMMIT_HOME"] = str(base / "pre-commit-home")
    env["PRE_COMMIT_COLOR"] = "never"
    started = time.monotonic()
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install-hooks"], cwd=work, env=env,
                               capture_output=True, text=True, timeout=900, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    sys.stderr.write(f"\n[test_precommit] hook environment installed in {time.monotonic() - started:.1f} s\n")
    return work, env


def run_hook(project, *files: str) -> subprocess.CompletedProcess[str]:
    work, env = project
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "ih-lint", "--files", *files],
                          cwd=work, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_clean_posting_passes(project):
    result = run_hook(project, "clean.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_flawed_posting_fails_with_findings(project):
    result = run_hook(project, "clean.md", "flawed.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert re.search(r"^flawed\.md:14:\d+: IH110 \[error\] ", result.stdout, re.M), result.stdout
    assert not re.search(r"^clean\.md:.*\[(error|warning)\]", result.stdout, re.M), result.stdout


def test_other_files_are_not_linted(project):
    result = run_hook(project, "script.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no files to check" in result.stdout
