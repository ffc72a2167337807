"""The `ih` command line: exit codes, --fail-on, formats, stdin, directories, help and metadata."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import inclusive_hiring
from inclusive_hiring.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "job-posting.md"
DOCS = Path(__file__).parent / "fixtures" / "docs"
CONCISE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<rule>IH\d{3}) "
                     r"\[(?P<severity>error|warning|info)\] (?P<message>\S.*)$")

# Only document-level info findings (the posting is short): nothing at warning or above.
# A short posting with nothing to flag (shared with other tests).
CLEAN = (Path(__file__).parent / "fixtures" / "clean-posting.md").read_text(encoding="utf-8")
WARNING_ONLY = CLEAN + "\nWe hire coding ninjas.\n"   # IH510 is a warning
ERROR = CLEAN + "\nWe need a salesman.\n"             # IH110 is an error


def invoke(*args: str, input: str | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def postings(tmp_path):
    paths = {}
    for name, text in (("clean.md", CLEAN), ("warning.md", WARNING_ONLY), ("error.md", ERROR)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths[name.removesuffix(".md")] = str(path)
    return paths


def severities(path: str) -> set[str]:
    data = json.loads(invoke("lint", path, "-f", "json", "--fail-on", "never").stdout)
    return {f["severity"] for f in data["files"][0]["findings"]}


def test_fixture_postings_have_the_intended_severities(postings):
    assert severities(postings["clean"]) == {"info"}
    assert severities(postings["warning"]) == {"info", "warning"}
    assert severities(postings["error"]) == {"info", "error"}


def test_exit_0_when_clean_at_default_threshold(postings):
    result = invoke("lint", postings["clean"])
    assert result.exit_code == 0, result.output


def test_exit_1_with_findings():
    result = invoke("lint", str(EXAMPLE))
    assert result.exit_code == 1
    assert "IH110" in result.stdout


@pytest.mark.parametrize(("level", "expected"), [
    ("error", {"clean": 0, "warning": 0, "error": 1}),
    ("warning", {"clean": 0, "warning": 1, "error": 1}),
    ("info", {"clean": 1, "warning": 1, "error": 1}),
    ("never", {"clean": 0, "warning": 0, "error": 0}),
])
def test_fail_on(postings, level, expected):
    got = {name: invoke("lint", path, "--fail-on", level).exit_code
           for name, path in postings.items()}
    assert got == expected


def test_fail_on_rejects_unknown_level(postings):
    result = invoke("lint", postings["clean"], "--fail-on", "fatal")
    assert result.exit_code == 2


def test_exit_2_for_missing_file(tmp_path):
    missing = tmp_path / "nope.md"
    result = invoke("lint", str(missing))
    assert result.exit_code == 2
    assert str(missing) in result.stderr
    assert result.stdout == ""


def test_exit_2_for_missing_file_even_with_fail_on_never(tmp_path, postings):
    result = invoke("lint", postings["error"], str(tmp_path / "nope.md"), "--fail-on", "never")
    assert result.exit_code == 2


def test_exit_2_for_bad_format_value():
    result = invoke("lint", str(EXAMPLE), "--format", "xml")
    assert result.exit_code == 2
    assert "--format" in result.stderr
    assert result.stdout == ""


def test_exit_2_for_unknown_option():
    result = invoke("lint", "--no-such-option", str(EXAMPLE))
    assert result.exit_code == 2
    assert "--no-such-option" in result.stderr


def test_exit_2_without_paths():
    assert invoke("lint").exit_code == 2


def test_concise_line_shape():
    result = invoke("lint", str(EXAMPLE), "--format", "concise")
    lines = result.stdout.splitlines()
    assert len(lines) > 10
    assert result.stdout.endswith("\n")
    for line in lines:
        m = CONCISE.match(line)
        assert m, line
        assert m["path"] == str(EXAMPLE)
        assert int(m["line"]) >= 1 and int(m["col"]) >= 1
    assert f"{EXAMPLE}:9:29: IH110 [error] " in result.stdout


def test_concise_is_the_default_when_not_a_terminal():
    default = invoke("lint", str(EXAMPLE)).stdout
    assert default == invoke("lint", str(EXAMPLE), "-f", "concise").stdout


def test_concise_has_one_line_per_finding():
    """A phrase hard-wrapped over two lines is still one finding, so still one output line."""
    concise = invoke("lint", str(DOCS), "-f", "concise").stdout
    data = json.loads(invoke("lint", str(DOCS), "-f", "json").stdout)
    total = sum(len(r["findings"]) for r in data["files"])
    bad = [line for line in concise.splitlines() if not CONCISE.match(line)]
    assert bad == []
    assert len(concise.splitlines()) == total


def test_concise_positions_match_json():
    concise = invoke("lint", str(EXAMPLE), "-f", "concise").stdout.splitlines()
    data = json.loads(invoke("lint", str(EXAMPLE), "-f", "json").stdout)
    findings = data["files"][0]["findings"]
    assert len(concise) == len(findings)
    for line, f in zip(concise, findings, strict=False):
        m = CONCISE.match(line)
        assert m and m["rule"] == f["rule_id"] and m["severity"] == f["severity"]
        if f["scope"] == "span":
            assert (int(m["line"]), int(m["col"])) == (f["line"], f["column"])


def test_stdin_dash():
    result = invoke("lint", "-", "-f", "json", input="We need a rockstar salesman.\n")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == ["<stdin>"]
    hits = {f["rule_id"]: f for f in data["files"][0]["findings"]}
    assert hits["IH110"]["match"] == "salesman"
    assert (hits["IH110"]["line"], hits["IH110"]["column"]) == (1, 20)


def test_stdin_dash_given_twice_is_a_usage_error():
    result = invoke("lint", "-", "-", input="We need a rockstar salesman.\n")
    assert result.exit_code == 2
    assert result.stderr == "ih: error: - (standard input) can be given once: it is read once\n"
    assert result.stdout == ""


def test_stdin_dash_concise():
    result = invoke("lint", "-", "-f", "concise", input="Intro.\nWe need a salesman.\n")
    assert "<stdin>:2:11: IH110 [error] " in result.stdout


def test_directory_recursion_default_suffixes(tmp_path):
    body = "We need a salesman.\n"
    for rel in ("a.md", "b.markdown", "c.txt", "d.html", "sub/e.md", "sub/deeper/f.TXT",
                "skip.rst", "skip.py", "skip.json", "sub/skip.docx", ".hidden/g.md"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    data = json.loads(invoke("lint", str(tmp_path), "-f", "json").stdout)
    got = sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in data["files"])
    assert got == ["a.md", "b.markdown", "c.txt", "d.html", "sub/deeper/f.TXT", "sub/e.md"]
    assert all("IH110" in {x["rule_id"] for x in f["findings"]} for f in data["files"])


def test_exclude_globs(tmp_path):
    for rel in ("keep.md", "draft-old.md", "archive/old.md", "archive/keep-too.txt", "page.html"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("We need a salesman.\n", encoding="utf-8")
    result = invoke("lint", str(tmp_path), "-f", "json",
                    "--exclude", "draft-*", "--exclude", "archive/old.md", "--exclude", "*.html")
    data = json.loads(result.stdout)
    got = sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in data["files"])
    assert got == ["archive/keep-too.txt", "keep.md"]


@pytest.mark.parametrize(("pattern", "left"), [
    ("drafts", ["postings/keep.md"]),
    ("drafts/", ["postings/keep.md"]),
    ("**/drafts/**", ["postings/keep.md"]),
    ("postings/drafts/*", ["postings/a/drafts/d2.md", "postings/keep.md"]),
    ("drafts/*", ["postings/a/drafts/d2.md", "postings/keep.md"]),  # relative to the directory argument
    ("*.md", []),
])
def test_exclude_option_matches_like_exclude_in_the_config(tmp_path, monkeypatch, pattern, left):
    """``--exclude`` and ``exclude:`` in .ih.yaml take the same globs and skip the same files."""
    (tmp_path / ".git").mkdir()
    for rel in ("postings/keep.md", "postings/drafts/d.md", "postings/a/drafts/d2.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("We need a salesman.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def linted(*args: str) -> list[str]:
        result = invoke("lint", "postings", "-f", "json", *args)
        return sorted(f["path"] for f in json.loads(result.stdout)["files"] if f["error"] is None) \
            if result.stdout else []

    by_option = linted("--exclude", pattern)
    (tmp_path / ".ih.yaml").write_text(f"exclude: ['{pattern}']\n", encoding="utf-8")
    by_config = linted()
    assert by_option == left
    if not pattern.startswith("drafts/*"):  # a config glob is relative to the config file's folder
        assert by_config == left


def test_exclude_everything_is_an_error(tmp_path):
    (tmp_path / "a.md").write_text("We need a salesman.\n", encoding="utf-8")
    result = invoke("lint", str(tmp_path), "--exclude", "*.md")
    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr


def test_help():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "lint" in result.stdout and "rules" in result.stdout
    lint_help = invoke("lint", "--help")
    assert lint_help.exit_code == 0
    for option in ("--format", "--fail-on", "--exclude", "--jobs"):
        assert option in lint_help.stdout


def test_python_dash_m_help():
    proc = subprocess.run([sys.executable, "-m", "inclusive_hiring", "--help"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout and "lint" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_rules_lists_ih110():
    result = invoke("rules")
    assert result.exit_code == 0
    rows = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "IH110" in rows
    assert "gendered-job-title" in rows["IH110"]
    assert {"IH101", "IH201", "IH750"} <= set(rows)


def test_rules_never_cuts_names_or_categories_short():
    """Piped output is where rich assumes 80 columns; names go into .ih.yaml, so they stay whole."""
    from inclusive_hiring.catalog.wordlists import default_catalog

    result = invoke("rules")
    assert "…" not in result.stdout
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line.strip()}
    for rule in default_catalog().rules.values():
        assert rows[rule.id][1:3] == [rule.name, rule.category]


def test_version():
    result = invoke("version")
    assert result.exit_code == 0
    assert result.stdout == f"ih {inclusive_hiring.__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", inclusive_hiring.__version__)


@pytest.mark.parametrize(("args", "says"), [
    (["lint", "job.md", "--fail-on", "bogus"], "ih: error: Invalid value for '--fail-on': 'bogus' is not one of"),
    (["--bogus"], "ih: error: No such option: --bogus (see 'ih --help')"),
    (["lint"], "ih: error: Missing argument 'paths'. (see 'ih lint --help')"),
    (["lint", "job.md", "--format", "yaml"], "ih: error: Invalid value for '--format'"),
])
def test_usage_errors_are_one_line_and_exit_2(tmp_path, args, says):
    """What the console script prints (``main``), not only what the typer app does."""
    proc = subprocess.run([sys.executable, "-m", "inclusive_hiring", *args], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(says) and proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stdout == ""


def test_version_option_and_command_agree(tmp_path):
    from inclusive_hiring import __version__

    for args in (["--version"], ["version"]):
        proc = subprocess.run([sys.executable, "-m", "inclusive_hiring", *args], capture_output=True, text=True,
                              timeout=120, cwd=tmp_path)
        assert (proc.returncode, proc.stdout) == (0, f"ih {__version__}\n")
