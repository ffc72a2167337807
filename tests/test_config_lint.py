"""The configuration as the engine applies it, file by file: terms and house style added by
``overrides:``, several configuration files in one run, and ``--fix`` re-linting with the
configuration that applies to each file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from inclusive_hiring.api import lint_paths
from inclusive_hiring.config import ConfigResolver, load_config, resolve_for, union_entries

POSTING = ("# Operations lead\n\nYou will grow headcount across our tiger team and report to the "
           "director.\nPlease send an e-mail with your resume.\n")


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()  # discovery stops at the repository root
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rule_matches(result, rule_id: str) -> list[str]:
    return [f.match for f in result.findings if f.rule_id == rule_id]


def lint(repo: Path, *files: Path, **kwargs):
    """Lint ``files``, each with the configuration found from its own folder."""
    report = lint_paths([str(f) for f in files], config=ConfigResolver(), **kwargs)
    return {Path(r.path).relative_to(repo).as_posix(): r for r in report.files}


def test_terms_and_prefer_from_an_override_apply_to_its_files_only(repo):
    write(repo / ".ih.yaml", """\
terms: [headcount]
overrides:
  - files: ["jobs/emea/**"]
    terms:
      - terms: [tiger team]
        message: "“{match}” is internal jargon."
        replacements: [launch team]
    prefer: {e-mail: email}
""")
    emea = write(repo / "jobs" / "emea" / "ops.md", POSTING)
    us = write(repo / "jobs" / "us" / "ops.md", POSTING)
    results = lint(repo, emea, us)
    assert rule_matches(results["jobs/emea/ops.md"], "IH090") == ["headcount", "tiger team"]
    assert rule_matches(results["jobs/emea/ops.md"], "IH091") == ["e-mail"]
    assert rule_matches(results["jobs/us/ops.md"], "IH090") == ["headcount"]
    assert rule_matches(results["jobs/us/ops.md"], "IH091") == []


def test_an_override_may_redefine_a_term_for_its_files(repo):
    write(repo / ".ih.yaml", """\
terms:
  - id: org-headcount
    terms: [headcount]
    message: "Say how many people, not “{match}”."
overrides:
  - files: ["internal/*.md"]
    terms:
      - id: org-headcount
        terms: [headcount]
        message: "Internal postings may say “{match}”, but spell out the team."
        severity: info
""")
    inside = write(repo / "internal" / "ops.md", POSTING)
    outside = write(repo / "ops.md", POSTING)
    results = lint(repo, inside, outside)
    [internal] = [f for f in results["internal/ops.md"].findings if f.rule_id == "IH090"]
    [public] = [f for f in results["ops.md"].findings if f.rule_id == "IH090"]
    assert internal.message.startswith("Internal postings") and internal.severity == "info"
    assert public.message.startswith("Say how many people")


def test_each_folder_gets_the_terms_of_its_own_config_in_one_run(repo, tmp_path_factory):
    write(repo / "a" / ".ih.yaml", "terms: [headcount]\n")
    write(repo / "b" / ".ih.yaml", "terms: [tiger team]\n")
    a = write(repo / "a" / "job.md", POSTING)
    b = write(repo / "b" / "job.md", POSTING)
    for jobs in (1, 2):
        # two copies each, so that the two-worker run really forks
        more = [write(repo / d / f"job{i}.md", POSTING) for d in ("a", "b") for i in (2, 3)]
        results = lint(repo, a, b, *more, jobs=jobs)
        assert rule_matches(results["a/job.md"], "IH090") == ["headcount"], jobs
        assert rule_matches(results["b/job.md"], "IH090") == ["tiger team"], jobs
        assert rule_matches(results["b/job3.md"], "IH090") == ["tiger team"], jobs


def test_index_entries_hold_every_override_once(repo):
    write(repo / ".ih.yaml", """\
terms: [headcount]
prefer: {e-mail: email}
overrides:
  - files: ["x/**"]
    terms: [headcount, tiger team]
  - files: ["y/**"]
    prefer: {e-mail: mail}
""")
    config = load_config(start=repo)
    entries = config.index_entries
    assert [e.id for e in config.entries] == ["org-headcount", "house-style-e-mail"]
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert sorted(e.replacements for e in entries if e.rule_id == "IH091") == [("email",), ("mail",)]
    # "headcount" twice: the override's entry names its own line as the source
    assert [e.terms for e in entries if e.rule_id == "IH090"] == [
        ("headcount",), ("headcount",), ("tiger team",)]
    assert [e.id for e in entries if e.rule_id == "IH090"] == [
        "org-headcount", "org-headcount~2", "org-tiger-team"]
    x_file = resolve_for(config, repo / "x" / "a.md")
    [headcount] = [f for f in lint_paths([str(write(repo / "x" / "a.md", POSTING))],
                                         config=ConfigResolver()).files[0].findings
                   if f.match == "headcount"]
    assert headcount.source == x_file.entries[0].source and "line 5" in headcount.source


def test_union_entries_keeps_content_and_renames_clashing_ids():
    from inclusive_hiring.catalog.wordlists import default_catalog

    entries = list(default_catalog().entries.values())[:2]
    from dataclasses import replace

    clash = replace(entries[1], id=entries[0].id)
    out = union_entries([[entries[0]], [entries[0], clash]])
    assert [e.id for e in out] == [entries[0].id, f"{entries[0].id}~2"]
    assert out[1].terms == entries[1].terms


def ih(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "inclusive_hiring", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_fix_relints_with_the_files_configuration(repo):
    """The re-lint after a fix uses the file's configuration: a rule the config disables is
    never fixed in a later pass, and the report after fixing keeps house style and accept."""
    write(repo / ".ih.yaml", "prefer: {e-mail: email}\nrules: {IH091: {severity: error}}\n"
                             "accept: [rockstar]\n")
    job = write(repo / "job.md", "# Sales\n\nOur rockstar team wants an e-mail and a salesman.\n")
    result = ih("lint", "--fix", "job.md", "-f", "json", cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    fixed = job.read_text(encoding="utf-8")
    assert "an email" in fixed and "rockstar" in fixed
    assert "IH510" not in result.stdout  # the accepted phrase stays accepted after the re-lint
    # The same through standard input.
    piped = ih("lint", "-", "--fix", cwd=repo, stdin="Send an e-mail to our rockstar team.\n")
    assert piped.stdout == "Send an email to our rockstar team.\n", piped.stderr
    assert "IH510" not in piped.stderr


def test_a_term_can_be_lifted_by_the_rest_of_the_document(repo):
    """``not_in_document_with`` in an organization term: "headcount" is fine in a posting for the
    workforce-planning team, wherever that is said."""
    write(repo / ".ih.yaml", "terms:\n  - terms: [headcount]\n    not_in_document_with: [workforce planning]\n")
    plain = write(repo / "plain.md", POSTING)
    planning = write(repo / "planning.md", POSTING + "\nYou will join the Workforce Planning group.\n")
    results = lint(repo, plain, planning)
    assert rule_matches(results["plain.md"], "IH090") == ["headcount"]
    assert rule_matches(results["planning.md"], "IH090") == []
