"""The configuration from the command line, as a new user meets it: init, edit, lint, show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

POSTING = ("# Sales lead\n\nWe want a rockstar closer for our office.\n\n"
           "Send your resume to jobs@example.com.\n")


def ih(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "inclusive_hiring", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_init_accept_prefer_jurisdictions_change_the_lint(tmp_path):
    (tmp_path / ".git").mkdir()  # the repository root: discovery stops here
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    before = ih("lint", "job.md", "-f", "concise", cwd=tmp_path).stdout
    assert "IH510" in before and "IH091" not in before
    assert "IH701 [warning]" in before

    first = ih("init", cwd=tmp_path)
    assert first.returncode == 0 and (tmp_path / ".ih.yaml").is_file()
    starter = (tmp_path / ".ih.yaml").read_text(encoding="utf-8")
    again = ih("init", cwd=tmp_path)
    assert again.returncode == 2 and "never overwrites" in again.stderr
    assert (tmp_path / ".ih.yaml").read_text(encoding="utf-8") == starter

    edited = (starter.replace("accept:\n#  - Salesforce", "accept:\n  - rockstar")
              .replace("prefer:\n#  e-mail: email", "prefer:\n  office: workplace")
              .replace("jurisdictions: []", "jurisdictions: [US-CO]"))
    assert edited != starter
    (tmp_path / ".ih.yaml").write_text(edited, encoding="utf-8")
    after = ih("lint", "job.md", "-f", "concise", cwd=tmp_path).stdout
    assert "IH510" not in after                       # accepted
    assert "IH091" in after and "workplace" in after  # house style
    assert "IH701 [error]" in after and "Colorado" in after
    assert ih("lint", "job.md", "-f", "concise", "--no-config", cwd=tmp_path).stdout == before

    shown = ih("config", "show", "--changed", cwd=tmp_path)
    assert shown.returncode == 0
    assert "jurisdictions: [US-CO]" in shown.stdout and ".ih.yaml:" in shown.stdout


def test_a_broken_config_is_one_line_and_exit_2(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    (tmp_path / ".ih.yaml").write_text("acept:\n  - rockstar\n", encoding="utf-8")
    result = ih("lint", "job.md", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and ".ih.yaml:1" in lines[0] and "accept" in lines[0]
    assert "Traceback" not in result.stderr


def test_directive_in_a_text_file_is_not_linted_as_prose(lint):
    text = "<!-- ih-disable-next-line IH510 -->\nWe want a rockstar.\nAnd a ninja coder.\n"
    result = lint(text, "job.txt", "posting")
    assert [f.rule_id for f in result.findings if f.scope == "span"] == ["IH510"]
    assert result.metrics["words"] == 8


def test_kit_uses_the_configured_templates_dir(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    custom = tmp_path / "house-templates" / "kit"  # the package's layout: templates/kit/...
    custom.mkdir(parents=True)
    (custom / "candidate.md.j2").write_text("# Welcome from ACME\n\nWe look forward to meeting you.\n",
                                            encoding="utf-8")
    (tmp_path / ".ih.yaml").write_text("kits:\n  templates_dir: house-templates\n", encoding="utf-8")
    made = ih("kit", "--from", "job.md", "--out", "kit", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    candidate = (tmp_path / "kit" / "50-candidate.md").read_text(encoding="utf-8")
    assert candidate.startswith("# Welcome from ACME")
    assert "Welcome from ACME" not in (tmp_path / "kit" / "00-plan.md").read_text(encoding="utf-8")


def test_salary_history_questions_follow_the_configured_jurisdictions(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "questions.md").write_text(
        "---\nkind: questions\n---\n- What is your current salary?\n"
        "- Tell me about a time you disagreed with a decision.\n", encoding="utf-8")
    plain = ih("lint", "questions.md", "-f", "concise", cwd=tmp_path).stdout
    assert "IH920 [error]" in plain
    (tmp_path / ".ih.yaml").write_text("jurisdictions: [US-CO]\n", encoding="utf-8")
    banned = ih("lint", "questions.md", "-f", "concise", cwd=tmp_path).stdout
    assert "IH920 [error]" in banned and "Banned in Colorado (US-CO)." in banned
    (tmp_path / ".ih.yaml").write_text("jurisdictions: [US-NC]\n", encoding="utf-8")
    allowed = ih("lint", "questions.md", "-f", "concise", cwd=tmp_path).stdout
    assert "IH920 [warning]" in allowed and "No ban applies in" in allowed
