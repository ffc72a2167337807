"""`ih lint --fix` (safe fixes only) on a realistic posting: each word-list entry marked `fix: safe`
here rewrites its sentence into one that reads correctly, and the wording a safe fix cannot handle
(a verb that would have to change, a possible product name) is left for a person to rewrite.

The CLI runs as a separate process (`python -m inclusive_hiring`), the way recruiters run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

# (entry id, sentence as written, the sentence after `ih lint --fix`)
CASES = [
    ("gender-pronoun-he-or-she-modal",
     "He or she will supervise a team of six and report to the Board.",
     "They will supervise a team of six and report to the Board."),
    ("gender-pronoun-he-or-she-modal",
     "S/he may coordinate assigned activities across the department.",
     "They may coordinate assigned activities across the department."),
    ("gender-pronoun-his-or-her",
     "Each inspector files his/her report by Friday.",
     "Each inspector files their report by Friday."),
    ("gender-pronoun-his-or-her",
     "Each member brings his or her own technical specialties.",
     "Each member brings their own technical specialties."),
    ("gender-pronoun-him-or-her",
     "We will provide him or her with a laptop on the first day.",
     "We will provide them with a laptop on the first day."),
    ("gender-pronoun-himself-or-herself",
     "The new hire should familiarise himself or herself with our style guide.",
     "The new hire should familiarise themselves with our style guide."),
    ("gender-compound-man-hours",
     "The last migration took about 400 man-hours.",
     "The last migration took about 400 person-hours."),
    ("gender-compound-man-days",
     "Budget 30 man-days for testing each release.",
     "Budget 30 person-days for testing each release."),
    ("gender-compound-man-for-the-job",
     "We just want the best man for the job.",
     "We just want the best person for the job."),
    ("gender-compound-laymans-terms",
     "Comfortable translating tech language into layman's terms and back.",
     "Comfortable translating tech language into plain language and back."),
    ("gender-compound-manmade",
     "Experience with man-made fibres is desirable.",
     "Experience with human-made fibres is desirable."),
    ("gender-compound-right-hand-man",
     "Be the CEO's right-hand man on every project.",
     "Be the CEO's right hand on every project."),
    ("gender-compound-point-man-plural",
     "Our point men in each county will help you settle in.",
     "Our point people in each county will help you settle in."),
    ("gender-title-businessman",
     "You are a savvy businessman with retail experience.",
     "You are a savvy businessperson with retail experience."),
    ("gender-title-binman-plural",
     "We are hiring two binmen for the Tuesday round.",
     "We are hiring two refuse collectors for the Tuesday round."),
    ("gender-title-air-hostess-after-an",
     "We are also hiring an air hostess for regional routes.",
     "We are also hiring a flight attendant for regional routes."),
    ("jargon-guru",
     "The ideal candidate will be a detail-oriented data entry guru.",
     "The ideal candidate will be a detail-oriented data entry specialist."),
    ("bro-brogrammers",
     "Our brogrammers ship every Friday.",
     "Our developers ship every Friday."),
    ("lgbtq-transsexuals",
     "Transsexuals are welcome to apply.",
     "Transgender people are welcome to apply."),
    ("lgbtq-both-genders",
     "This position is open to both genders.",
     "This position is open to all genders."),
    ("race-master-branch",
     "Merge your changes into the master branch after review.",
     "Merge your changes into the main branch after review."),
    ("race-whitelist-after-a",
     "Maintain a whitelist of approved IP ranges.",
     "Maintain an allowlist of approved IP ranges."),
    ("race-whitelisted",
     "Whitelisted domains are reviewed monthly.",
     "Allowlisted domains are reviewed monthly."),
]

# Sentences a safe fix must leave alone (each is still reported, or fixable only with
# --unsafe-fixes): the verb after "he or she" would have to change too; a capitalised "Guru" may be
# the Guru product; a bare "layman" has no drop-in replacement.
UNTOUCHED = [
    "He or she has at least five years of experience in election administration.",
    "Experience with Guru and Zendesk is a plus.",
    "You can explain a ballot audit to a layman.",
    "The best guys for the position have run a county election.",
]


def _posting() -> str:
    lines = ["# Elections Program Manager", "", "## About the role", ""]
    lines += [before for _, before, _ in CASES]
    lines += ["", "## What we expect", ""]
    lines += [f"- {text}" for text in UNTOUCHED]
    return "\n".join(lines) + "\n"


def _ih(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "inclusive_hiring", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("safe-fixes")
    path = folder / "posting.md"
    original = _posting()
    path.write_text(original, encoding="utf-8")
    dry = _ih("lint", "--fix", "--dry-run", "-f", "concise", "posting.md", cwd=folder)
    after_dry = path.read_text(encoding="utf-8")
    first = _ih("lint", "--fix", "-f", "concise", "posting.md", cwd=folder)
    text = path.read_text(encoding="utf-8")
    second = _ih("lint", "--fix", "-f", "concise", "posting.md", cwd=folder)
    return SimpleNamespace(original=original, dry=dry, after_dry=after_dry, first=first, text=text,
                           second=second, again=path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("entry_id", "before", "after"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_safe_fix_reads_correctly(fixed, entry_id, before, after):
    lines = fixed.text.splitlines()
    assert after in lines, (entry_id, before, [ln for ln in lines if ln.split()[:2] == after.split()[:2]])
    assert before not in lines


@pytest.mark.parametrize("sentence", UNTOUCHED)
def test_wording_a_safe_fix_cannot_handle_is_left_alone(fixed, sentence):
    assert f"- {sentence}" in fixed.text.splitlines()


def test_fix_counts_and_nothing_else_changes(fixed):
    assert fixed.first.returncode in (0, 1), fixed.first.stderr
    assert f"ih: fixed {len(CASES)} findings in 1 file" in fixed.first.stderr
    # The remaining findings are reported: the untouched sentences are still flagged.
    assert re.search(r"posting\.md:\d+:\d+: IH111 ", fixed.first.stdout)
    assert re.search(r"posting\.md:\d+:\d+: IH510 ", fixed.first.stdout)
    # Only the listed sentences changed.
    changed = [(a, b) for a, b in zip(fixed.original.splitlines(), fixed.text.splitlines(), strict=True)
               if a != b]
    assert [a for a, _ in changed] == [before for _, before, _ in CASES]


def test_dry_run_shows_the_same_diff_and_writes_nothing(fixed):
    assert fixed.after_dry == fixed.original
    assert f"would fix {len(CASES)} findings in 1 file" in fixed.dry.stderr
    assert "-Each inspector files his/her report by Friday.\n" in fixed.dry.stdout
    assert "+Each inspector files their report by Friday.\n" in fixed.dry.stdout


def test_second_run_changes_nothing(fixed):
    assert fixed.again == fixed.text
    assert "ih: fixed 0 findings" in fixed.second.stderr
