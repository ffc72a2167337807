"""Each hostile shape of issue 13 through the real CLI, in a subprocess limited to 500 MB of
address space and 10 s of CPU (the kernel stops it past either); each run also lints a normal
posting, which must still be reported. The wall-clock timeout is looser (``IH_ABUSE_WALL``,
default 60 s) so that a loaded CI runner does not make the suite flaky; the CPU limit is the bound.

The compiled word-list index is built first, outside the limits: building it (once per set of word
lists, then cached) reads spaCy's whole lemma table, about 300 MB, whatever the input is."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from abuse_shapes import dense, long_line, normal_posting

MEMORY = 500 * 1024 * 1024
CPU_SECONDS = 10
WALL = float(os.environ.get("IH_ABUSE_WALL", "60"))


@pytest.fixture(scope="module", autouse=True)
def _index_built() -> None:
    """The cache the subprocesses read (``IH_CACHE_DIR`` is set for the whole run in conftest.py)."""
    from inclusive_hiring.catalog.index import load_index

    load_index()


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_ih(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "inclusive_hiring", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=WALL, preexec_fn=_limits, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert used < CPU_SECONDS, f"{used:.1f} s of CPU"
    assert done.returncode >= 0, f"killed by signal {-done.returncode} (a resource limit)"
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def files_of(out: str) -> dict[str, dict]:
    return {f["path"]: f for f in json.loads(out)["files"]}


def assert_one_line_errors(stderr: str) -> None:
    assert "Traceback" not in stderr
    for line in stderr.splitlines():
        assert line.startswith("ih: "), line


def test_a_dense_2_mb_file_is_refused_in_one_line_and_the_others_reported(tmp_path):
    (tmp_path / "dense.md").write_text(dense(1_900_000), encoding="utf-8")
    normal_posting(tmp_path)
    done = run_ih("lint", "-f", "json", "-j", "1", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert_one_line_errors(done.stderr)
    files = files_of(done.stdout)
    assert "findings, the limit for one file" in files["./dense.md"]["error"]
    assert any(f["rule_id"] == "IH110" for f in files["./normal.md"]["findings"])


def test_a_1_mb_line_is_linted(tmp_path):
    (tmp_path / "line.md").write_text(long_line(1_000_000, flagged_every=400), encoding="utf-8")
    normal_posting(tmp_path)
    done = run_ih("lint", "-f", "json", "-j", "1", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert_one_line_errors(done.stderr)
    files = files_of(done.stdout)
    line = files["./line.md"]
    assert line["error"] is None
    spans = [f for f in line["findings"] if f["scope"] == "span"]
    assert len(spans) > 100
    text = (tmp_path / "line.md").read_text(encoding="utf-8")
    assert all(f["match"] in text for f in spans)
    assert files["./normal.md"]["findings"]


def test_a_1_5_mb_posting_whose_lines_reach_the_matcher_is_linted(tmp_path):
    posting = (tmp_path / "big.md")
    block = ("## About the role\n\nYou will help our team build tools for people who care about clear "
             "writing. We value service, data and good judgement in every decision we make.\n\n")
    posting.write_text(block * (1_500_000 // len(block)) + "We want a salesman.\n", encoding="utf-8")
    normal_posting(tmp_path)
    done = run_ih("lint", "-f", "json", "-j", "1", ".", cwd=tmp_path)
    assert_one_line_errors(done.stderr)
    files = files_of(done.stdout)
    assert files["./big.md"]["error"] is None
    assert any(f["match"] == "salesman" for f in files["./big.md"]["findings"])
    assert files["./normal.md"]["findings"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_skipped_with_a_note_and_refused_when_named(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    normal_posting(tmp_path)
    done = run_ih("lint", "-f", "json", "-j", "1", ".", cwd=tmp_path)
    assert done.returncode == 1
    assert "ih: note: ./pipe.md: skipped: a FIFO, not a regular file" in done.stderr
    assert list(files_of(done.stdout)) == ["./normal.md"]
    named = run_ih("lint", "-f", "json", "-j", "1", "pipe.md", "normal.md", cwd=tmp_path)
    assert named.returncode == 2
    assert "ih: pipe.md: not a regular file (a FIFO); not read" in named.stderr
    assert files_of(named.stdout)["normal.md"]["findings"]


def test_a_symlink_out_of_the_tree_is_not_followed_and_never_fixed(tmp_path):
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    secret = normal_posting(outside, "secret.md")
    original = secret.read_bytes()
    (tree / "link.md").symlink_to(secret)
    normal_posting(tree)
    done = run_ih("lint", "-f", "json", "-j", "1", "--fix", "tree", cwd=tmp_path)
    assert "ih: note: tree/link.md: skipped: a symbolic link to a file outside the linted folder" in done.stderr
    assert list(files_of(done.stdout)) == ["tree/normal.md"]
    followed = run_ih("lint", "-f", "json", "-j", "1", "--fix", "--follow-symlinks", "tree", cwd=tmp_path)
    assert followed.returncode == 2
    assert "ih: tree/link.md: a symbolic link to a file outside the linted folder; not fixed" in followed.stderr
    assert set(files_of(followed.stdout)) == {"tree/link.md", "tree/normal.md"}
    assert secret.read_bytes() == original
    assert (tree / "link.md").is_symlink()
    assert "salesperson" in (tree / "normal.md").read_text(encoding="utf-8")


def test_a_lone_surrogate_is_a_one_line_error(tmp_path):
    (tmp_path / "surrogate.md").write_bytes(b"We want a \xed\xa0\x80 salesman.\n")
    normal_posting(tmp_path)
    done = run_ih("lint", "-f", "json", "-j", "1", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert_one_line_errors(done.stderr)
    files = files_of(done.stdout)
    assert files["./surrogate.md"]["error"].startswith("not valid UTF-8")
    assert files["./normal.md"]["findings"]


def test_a_bogus_kind_is_a_one_line_usage_error(tmp_path):
    normal_posting(tmp_path)
    done = run_ih("lint", "--kind", "bogus", "normal.md", cwd=tmp_path)
    assert done.returncode == 2
    assert_one_line_errors(done.stderr)
    assert "bogus" in done.stderr and len(done.stderr.splitlines()) == 1
