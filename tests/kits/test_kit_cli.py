"""`ih kit` end to end: the two commands, init, errors (one line, exit 2, nothing written)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from kit_helpers import EXAMPLE_POSTING, SPEC
from typer.testing import CliRunner

from conftest import one_line_error
from inclusive_hiring.cli import app


def ih(*args: str, cwd=None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["kit", *map(str, args)])
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_two_commands_from_a_posting_to_a_printable_kit(tmp_path):
    out = tmp_path / "kit"
    first = ih("--from", EXAMPLE_POSTING, "--out", out)
    assert first.exit_code == 0, first.output
    assert "drafted" in first.stdout and "next:" in first.stdout
    assert first.stderr == ""  # the kit lints clean: no warnings
    names = sorted(p.name for p in out.iterdir())
    assert names[0] == "00-plan.md" and "kit.yml" in names and "50-candidate.md" in names
    spec = out / "kit.yml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("# organization: Your organization name",
                                                             "organization: Acme Analytics"),
                    encoding="utf-8")
    again = ih(spec, "--out", out)
    assert "exists" in one_line_error(again) and "--force" in again.stderr
    second = ih(spec, "--out", out, "--force")
    assert second.exit_code == 0, second.output
    assert "at Acme Analytics" in (out / "50-candidate.md").read_text(encoding="utf-8")
    html = ih(spec, "--out", out, "--force", "--format", "html")
    assert html.exit_code == 0 and (out / "kit.html").exists()
    assert "Acme Analytics" in (out / "kit.html").read_text(encoding="utf-8")
    assert html.stderr == ""  # no "left over" notes: the Markdown files are not leftovers of HTML


def test_default_out_folder_is_kit(tmp_path):
    result = ih("--from", EXAMPLE_POSTING, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "kit/kit.yml" in result.stdout


def test_init_writes_a_valid_example_and_never_overwrites(tmp_path):
    target = tmp_path / "spec.yml"
    result = ih("init", "--out", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# An example interview kit spec.")
    assert "(required)" in text and "(optional" in text
    built = ih(target, "--out", tmp_path / "kit")
    assert built.exit_code == 0, built.output
    target.write_text("mine\n", encoding="utf-8")
    assert "never overwrites" in one_line_error(ih("init", "--out", target))
    assert "it never overwrites" in one_line_error(ih("init", "--out", target, "--force"))
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_init_default_name(tmp_path):
    result = ih("init", cwd=tmp_path)
    assert result.exit_code == 0 and "wrote kit.yml" in result.stdout


@pytest.mark.parametrize(("change", "expected"), [
    (("- id: customer-focus", "- id: customer-focuss"), ":5: unknown competency 'customer-focuss' (did you "
                                                        "mean 'customer-focus'?)"),
    (("role: Support Engineer\n", ""), "missing required field 'role'"),
    (("interview_minutes: 45", "interview_minutes: an hour"), ":3: 'interview_minutes' must be a whole number"),
])
def test_bad_spec_is_one_line_exit_2_nothing_written(tmp_path, change, expected):
    spec = tmp_path / "kit.yml"
    spec.write_text(SPEC.replace(*change), encoding="utf-8")
    line = one_line_error(ih(spec, "--out", tmp_path / "out"))
    assert str(spec) in line and expected in line
    assert not (tmp_path / "out").exists()


def test_template_error_in_override(tmp_path):
    spec = tmp_path / "kit.yml"
    spec.write_text(SPEC, encoding="utf-8")
    (tmp_path / "tpl" / "kit").mkdir(parents=True)
    (tmp_path / "tpl" / "kit" / "debrief.md.j2").write_text("# Debrief\n{% for x in kit.stages %}\n",
                                                            encoding="utf-8")
    line = one_line_error(ih(spec, "--out", tmp_path / "out", "--templates-dir", tmp_path / "tpl"))
    assert f"{tmp_path / 'tpl' / 'kit' / 'debrief.md.j2'}:2: template error:" in line
    assert not (tmp_path / "out").exists()


def test_unwritable_out(tmp_path):
    spec = tmp_path / "kit.yml"
    spec.write_text(SPEC, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    line = one_line_error(ih(spec, "--out", tmp_path / "file" / "kit"))
    assert "file" in line


@pytest.mark.parametrize("args", [
    (), ("kit.yml", "--from", "job.md"), ("missing.yml",), ("--from", "missing.md"),
    ("init", "--format", "html"),
])
def test_usage_errors(tmp_path, args):
    one_line_error(ih(*args, cwd=tmp_path))


def test_organisation_competencies(tmp_path):
    ours = tmp_path / "ours.yml"
    ours.write_text("competencies:\n  customer-focus:\n    name: Client care\n", encoding="utf-8")
    spec = tmp_path / "kit.yml"
    spec.write_text(SPEC, encoding="utf-8")
    result = ih(spec, "--out", tmp_path / "out", "--competencies", ours)
    assert result.exit_code == 0, result.output
    assert "Client care" in (tmp_path / "out" / "00-plan.md").read_text(encoding="utf-8")
    listed = ih("--list-competencies", "--competencies", ours)
    assert "customer-focus" in listed.stdout and "Client care" in listed.stdout


def test_warns_when_spec_words_do_not_lint_clean(tmp_path):
    spec = tmp_path / "kit.yml"
    spec.write_text(SPEC.replace("role: Support Engineer", "role: Rockstar Support Engineer"), encoding="utf-8")
    result = ih(spec, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "ih: warning:" in result.stderr and "IH510" in result.stderr and "Rockstar" in result.stderr


def test_leftover_files_are_reported(tmp_path):
    spec = tmp_path / "kit.yml"
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"
    assert ih(spec, "--out", out).exit_code == 0
    spec.write_text(SPEC.replace("Team interview", "Values interview"), encoding="utf-8")
    result = ih(spec, "--out", out, "--force")
    assert result.exit_code == 0
    assert "12-guide-team-interview.md is left from an earlier kit" in result.stderr


def test_python_dash_m_and_help(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "inclusive_hiring", "kit", "--help"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0
    for option in ("--from", "--out", "--format", "--force", "--templates-dir", "init"):
        assert option in proc.stdout


def test_kit_runs_offline(tmp_path):
    """`ih kit --from` (which also lints the kit) opens no socket: the guard of tests/test_offline.py."""
    offline = pytest.importorskip("test_offline")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(offline.GUARD, encoding="utf-8")
    env, log = offline._guarded_env(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-m", "inclusive_hiring", "kit", "--from", str(EXAMPLE_POSTING),
                           "--out", str(tmp_path / "kit"), "--format", "html"],
                          env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert (tmp_path / "kit" / "kit.html").exists()
