"""`--diff REF`: findings only on lines changed since a git revision, in a temporary repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inclusive_hiring.ci.gitdiff import GitDiffError, changed_lines, parse_diff
from inclusive_hiring.cli import app

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = """# Sales Engineer

We need a salesman who can hit the ground running.

- Native English speaker
- Competitive salary
"""


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=ih tests", "-c", "user.email=ih@example.invalid",
                           "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "old.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "postings" / "untouched.md").write_text(OLD, encoding="utf-8")
    git("add", "-A", cwd=tmp_path)
    git("commit", "-q", "-m", "postings", cwd=tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(result) -> list[tuple[str, str, int | None]]:
    data = json.loads(result.stdout)
    return [(Path(f["path"]).name, r["rule_id"], r["line"]) for f in data["files"] for r in f["findings"]]


def test_nothing_changed_reports_nothing(repo):
    result = invoke("lint", "postings", "--diff", "HEAD", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"] == []


def test_only_changed_lines_are_reported(repo):
    text = OLD.replace("- Competitive salary", "- Competitive salary\n- A chairman who is a digital native")
    (repo / "postings" / "old.md").write_text("<!-- new line above -->\n" + text, encoding="utf-8")
    result = invoke("lint", "postings", "--diff", "HEAD", "-f", "json")
    assert result.exit_code == 1
    got = findings(result)
    spans = sorted((name, rule, line) for name, rule, line in got if line is not None)
    assert spans == [("old.md", "IH110", 8), ("old.md", "IH201", 8)]
    # Document findings of the changed file are kept; the unchanged file is not even linted.
    assert {name for name, _, _ in got} == {"old.md"}
    assert any(line is None for _, _, line in got)


def test_untracked_file_counts_as_changed(repo):
    (repo / "postings" / "new.md").write_text(OLD, encoding="utf-8")
    result = invoke("lint", "postings", "--diff", "HEAD", "-f", "json")
    got = findings(result)
    assert ("new.md", "IH110", 3) in got and ("new.md", "IH401", 5) in got
    assert {name for name, _, _ in got} == {"new.md"}


def test_staged_and_committed_changes_count(repo):
    base = git("rev-parse", "HEAD", cwd=repo).strip()
    path = repo / "postings" / "old.md"
    path.write_text(OLD + "\nWe want rockstars.\n", encoding="utf-8")
    git("commit", "-q", "-am", "more", cwd=repo)
    path.write_text(OLD + "\nWe want rockstars.\n\nOur chairman says hi.\n", encoding="utf-8")
    git("add", "-A", cwd=repo)
    got = findings(invoke("lint", "postings/old.md", "--diff", base, "-f", "json"))
    spans = sorted(line for _, _, line in got if line is not None)
    assert spans == [8, 10]


def test_paths_as_given_or_absolute_or_from_a_subdirectory(repo, monkeypatch):
    (repo / "postings" / "old.md").write_text(OLD + "\nOur chairman says hi.\n", encoding="utf-8")
    for args in (["./postings/old.md"], [str(repo / "postings")]):
        got = findings(invoke("lint", *args, "--diff", "HEAD", "-f", "json"))
        assert [line for _, _, line in got if line is not None] == [8]
    monkeypatch.chdir(repo / "postings")
    got = findings(invoke("lint", ".", "--diff", "HEAD", "-f", "json"))
    assert [line for _, _, line in got if line is not None] == [8]


def test_git_runs_in_the_repository_of_the_paths_not_the_current_folder(repo, tmp_path_factory, monkeypatch):
    (repo / "postings" / "old.md").write_text(OLD + "\nOur chairman says hi.\n", encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(elsewhere.parent))
    got = findings(invoke("lint", str(repo / "postings"), "--diff", "HEAD", "-f", "json"))
    assert [(name, line) for name, _, line in got if line is not None] == [("old.md", 8)]


def test_paths_in_two_repositories_are_refused(repo, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    git("init", "-q", cwd=other)
    (other / "b.md").write_text(OLD, encoding="utf-8")
    result = invoke("lint", "postings", str(other / "b.md"), "--diff", "HEAD")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"ih: error: --diff: {other / 'b.md'} is not in the git repository at ")
    assert result.stderr.count("\n") == 1


def test_fix_with_diff_fixes_only_changed_lines(repo):
    path = repo / "postings" / "old.md"
    path.write_text(OLD + "\nOur chairman says hi.\n", encoding="utf-8")
    result = invoke("lint", "postings", "--diff", "HEAD", "--fix", "-f", "json")
    assert "fixed 1 finding in 1 file" in result.stderr
    text = path.read_text(encoding="utf-8")
    assert "We need a salesman" in text and "Our chair says hi." in text


def test_bad_ref_exits_2(repo):
    before = (repo / "postings" / "old.md").read_bytes()
    result = invoke("lint", "postings", "--diff", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr == "ih: error: --diff: unknown git revision 'no-such-branch'\n"
    assert result.stdout == ""
    assert (repo / "postings" / "old.md").read_bytes() == before


def test_option_looking_ref_is_refused(repo):
    result = invoke("lint", "postings", "--diff=--output=/tmp/x")
    assert result.exit_code == 2 and "unknown git revision" in result.stderr


def test_not_a_repository_exits_2(tmp_path, monkeypatch):
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "a.md").write_text(OLD, encoding="utf-8")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = invoke("lint", "a.md", "--diff", "HEAD")
    assert result.exit_code == 2
    assert result.stderr == f"ih: error: --diff: {outside / 'a.md'} is not inside a git repository\n"
    with pytest.raises(GitDiffError):
        changed_lines("HEAD", ["a.md"], cwd=str(outside))


def test_diff_with_stdin_or_write_baseline_is_refused(repo):
    assert invoke("lint", "-", "--diff", "HEAD").exit_code == 2
    result = invoke("lint", "postings", "--diff", "HEAD", "--write-baseline", "b.json")
    assert result.exit_code == 2 and "--write-baseline" in result.stderr


def test_parse_diff_hunks_and_quoted_names(tmp_path):
    diff = ("diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3,2 @@\n-a\n+b\n+c\n"
            "@@ -10,2 +11,0 @@\n-d\n-e\n@@ -20 +20 @@\n-f\n+g\n"
            'diff --git "a/t\\303\\251\\tb.md" "b/t\\303\\251\\tb.md"\n--- "a/t\\303\\251\\tb.md"\n'
            '+++ "b/t\\303\\251\\tb.md"\n@@ -1 +1 @@\n-x\n+y\n'
            "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n")
    got = parse_diff(diff, str(tmp_path))
    names = {Path(k).name: v for k, v in got.items()}
    assert names == {"x.md": frozenset({3, 4, 20}), "té\tb.md": frozenset({1})}
