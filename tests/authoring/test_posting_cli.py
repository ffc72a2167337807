"""`ih new posting` end to end: --from, the questions, never overwriting, one-line errors."""

from __future__ import annotations

import yaml
from posting_helpers import EXAMPLE_SPECS, SPEC, fenced, ih, serious

from conftest import one_line_error
from inclusive_hiring.api import lint_document
from inclusive_hiring.config import ConfigResolver

ONTARIO = "jurisdictions: [CA-ON]\n"

#: answers to every question, in order, for a shop in Ontario (which adds the AI and vacancy ones)
ANSWERS = [
    "Bakery Assistant", "Maple Crumb Bakery", "Hamilton, Ontario",
    "on-site",
    "Part time, 24 hours a week",
    "Early and late shifts; you choose which",
    "Maple Crumb Bakery bakes bread and pastries for its two shops. You will help the bakers and serve "
    "customers.",
    # what you will do
    "Weigh and mix ingredients for the bakers", "Serve customers and take orders", "Clean the kitchen", "",
    # must-haves; the food hygiene certificate is a credential: equivalent experience may stand in
    "A food hygiene certificate", "Care with food safety", "",
    "y",
    # nice to have
    "Experience in a kitchen or cafe", "",
    # pay: a wrong currency first, then CAD; max below min first
    "yen", "CAD", "hour", "17.60", "16", "19.25", "Overtime is paid at time and a half",
    # benefits
    "Free bread every shift", "Paid sick days", "A 30% staff discount", "",
    # interview stages, candidate page
    "Chat with the shop manager, 20", "Trial shift", "", "https://maplecrumb.example/interviews",
    "Apply at https://maplecrumb.example/jobs",
    # deadline (optional here): a bad date first
    "next Friday", "2027-04-30",
    # Ontario: AI used? no. Existing vacancy? yes.
    "n", "y",
    "jobs@maplecrumb.example",
]


def test_from_spec_writes_a_posting_next_to_it(tmp_path):
    folder = fenced(tmp_path)
    (folder / "analyst.yml").write_text(SPEC, encoding="utf-8")
    result = ih("--from", "analyst.yml", cwd=folder)
    assert result.exit_code == 0, result.output
    posting = folder / "analyst.md"
    assert "wrote analyst.md" in result.stdout and "lints clean" in result.stdout
    text = posting.read_text(encoding="utf-8")
    assert text.startswith("# Data Analyst\n")
    assert "$70,000 to $82,000 a year" in text
    assert "Bachelor's degree in statistics or equivalent experience" in text
    # The driving licence is the spec's own wording: IH304 is an info note, reported as such.
    assert "1 info note" in result.stdout
    assert sorted(p.name for p in folder.iterdir()) == [".git", "analyst.md", "analyst.yml"]


def test_never_overwrites_without_force(tmp_path):
    folder = fenced(tmp_path)
    (folder / "spec.yml").write_text(SPEC, encoding="utf-8")
    (folder / "job.md").write_text("my own draft\n", encoding="utf-8")
    refused = ih("--from", "spec.yml", "-o", "job.md", cwd=folder)
    assert one_line_error(refused) == "ih: error: job.md exists: use --force to overwrite it"
    assert (folder / "job.md").read_text(encoding="utf-8") == "my own draft\n"
    forced = ih("--from", "spec.yml", "-o", "job.md", "--force", cwd=folder)
    assert forced.exit_code == 0, forced.output
    assert (folder / "job.md").read_text(encoding="utf-8").startswith("# Data Analyst")
    assert not [p for p in folder.iterdir() if p.name.endswith(".ih-tmp")]


def test_same_spec_same_bytes(tmp_path):
    folder = fenced(tmp_path)
    (folder / "spec.yml").write_text(SPEC, encoding="utf-8")
    assert ih("--from", "spec.yml", "-o", "a.md", cwd=folder).exit_code == 0
    assert ih("--from", "spec.yml", "-o", "b.md", cwd=folder).exit_code == 0
    assert (folder / "a.md").read_bytes() == (folder / "b.md").read_bytes()


def test_bad_spec_is_one_line_with_file_and_line_and_writes_nothing(tmp_path):
    folder = fenced(tmp_path)
    (folder / "spec.yml").write_text(SPEC.replace("benefits:", "benefit:"), encoding="utf-8")
    line = SPEC.splitlines().index("benefits:") + 1
    message = one_line_error(ih("--from", "spec.yml", cwd=folder))
    assert message == f"ih: error: spec.yml:{line}: unknown spec key 'benefit' (did you mean 'benefits'?)"
    (folder / "broken.yml").write_text("role: [unclosed\n", encoding="utf-8")
    assert one_line_error(ih("--from", "broken.yml", cwd=folder)).startswith("ih: error: broken.yml:")
    assert "no such file" in one_line_error(ih("--from", "missing.yml", cwd=folder))
    assert not (folder / "spec.md").exists() and not (folder / "broken.md").exists()


def test_the_config_beside_the_posting_decides_the_law(tmp_path):
    folder = fenced(tmp_path, "jurisdictions: [US-CO]\n")
    (folder / "spec.yml").write_text(SPEC, encoding="utf-8")
    message = one_line_error(ih("--from", "spec.yml", cwd=folder))
    assert "missing 'application_deadline'" in message and "Colorado (US-CO)" in message
    assert ih("--from", "spec.yml", "--no-config", cwd=folder).exit_code == 0


def test_output_options_are_checked(tmp_path):
    folder = fenced(tmp_path)
    (folder / "spec.yml").write_text(SPEC, encoding="utf-8")
    assert "needs a .docx name" in one_line_error(ih("--from", "spec.yml", "-o", "x.md", "--format", "docx",
                                                     cwd=folder))
    assert "needs a .md name" in one_line_error(ih("--from", "spec.yml", "-o", "x.yml", cwd=folder))
    assert "no such folder" in one_line_error(ih("--from", "spec.yml", "-o", "nope/x.md", cwd=folder))
    assert "-o - needs --from" in one_line_error(ih("-o", "-", cwd=folder))
    (folder / "out").mkdir()
    into_folder = ih("--from", "spec.yml", "-o", "out", "--format", "docx", cwd=folder)
    assert into_folder.exit_code == 0 and (folder / "out" / "spec.docx").exists(), into_folder.output
    to_stdout = ih("--from", "spec.yml", "-o", "-", cwd=folder)
    assert to_stdout.exit_code == 0 and to_stdout.stdout.startswith("# Data Analyst\n")


def test_the_questions_write_a_spec_and_a_posting_that_lints_clean(tmp_path):
    folder = fenced(tmp_path, ONTARIO)
    result = ih(cwd=folder, stdin="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.output
    assert "Ontario (CA-ON)" in result.stdout  # says which law it writes for
    assert "one of USD, CAD" in result.stdout and "cannot be less than the lowest" in result.stdout
    assert "a date written YYYY-MM-DD" in result.stdout
    assert "wrote job.yml" in result.stdout and "wrote job.md" in result.stdout
    saved = yaml.safe_load((folder / "job.yml").read_text(encoding="utf-8"))
    assert saved["pay"] == {"currency": "CAD", "min": 17.6, "max": 19.25, "period": "hour",
                            "notes": "Overtime is paid at time and a half"}
    assert saved["ai_use"] is False and saved["existing_vacancy"] is True
    assert saved["interview"]["stages"] == [{"name": "Chat with the shop manager", "minutes": 20}, "Trial shift"]
    assert str(saved["application_deadline"]) == "2027-04-30"
    text = (folder / "job.md").read_text(encoding="utf-8")
    assert "A food hygiene certificate or equivalent experience" in text
    assert "$17.60 to $19.25 CAD an hour" in text
    assert "We do not use artificial intelligence (AI)" in text
    assert "This posting is for an existing vacancy." in text
    lint = lint_document(text, str(folder / "job.md"), kind="posting", config=ConfigResolver())
    assert serious(lint) == [], [(f.rule_id, f.match) for f in serious(lint)]
    # The saved spec gives the same posting again.
    again = ih("--from", "job.yml", "-o", "again.md", cwd=folder)
    assert again.exit_code == 0, again.output
    assert (folder / "again.md").read_text(encoding="utf-8") == text


def test_questions_refuse_before_asking_when_the_files_exist(tmp_path):
    folder = fenced(tmp_path)
    (folder / "job.yml").write_text("role: kept\n", encoding="utf-8")
    result = ih(cwd=folder, stdin="Data Analyst\n")
    assert one_line_error(result) == "ih: error: job.yml exists: use --force to overwrite it"
    assert "Job title" not in result.stdout
    assert (folder / "job.yml").read_text(encoding="utf-8") == "role: kept\n"


def test_answers_are_kept_when_input_ends_early(tmp_path):
    folder = fenced(tmp_path)
    result = ih(cwd=folder, stdin="Data Analyst\nFernhill Transit\n")
    assert result.exit_code == 130
    assert "your answers so far are saved in job.yml" in result.stderr
    saved = yaml.safe_load((folder / "job.yml").read_text(encoding="utf-8"))
    assert saved == {"role": "Data Analyst", "organization": "Fernhill Transit"}
    assert not (folder / "job.md").exists()


def test_must_haves_stop_at_the_cap_in_the_questions(tmp_path):
    from inclusive_hiring.authoring.law import LawNeeds
    from inclusive_hiring.authoring.prompts import _must_haves
    from inclusive_hiring.authoring.spec import MAX_MUST_HAVES

    answers = iter([f"Skill {i}" for i in range(MAX_MUST_HAVES + 3)])
    asked = _must_haves(lambda *a, **k: next(answers))
    assert asked == [f"Skill {i}" for i in range(MAX_MUST_HAVES)]
    assert LawNeeds().codes == ()


def test_every_example_spec_runs_through_the_command(tmp_path):
    for spec in EXAMPLE_SPECS:
        out = spec.parent / "posting.md"
        result = ih("--from", spec, "-o", tmp_path / f"{spec.parent.name}.md", "--config",
                    spec.parent / ".ih.yaml")
        assert result.exit_code == 0, result.output
        assert "lints clean" in result.stdout and result.stderr == ""
        assert (tmp_path / f"{spec.parent.name}.md").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_help_stays_light():
    """`ih --help` must not load Jinja, python-docx, PyYAML or the posting modules."""
    import subprocess
    import sys

    probe = ("import sys, inclusive_hiring.cli\n"
             "print(sorted(m for m in ('docx', 'jinja2', 'yaml', 'inclusive_hiring.authoring.spec', "
             "'inclusive_hiring.authoring.render') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_words_from_the_spec_that_do_not_lint_clean_are_reported_and_exit_1(tmp_path):
    folder = fenced(tmp_path)
    (folder / "spec.yml").write_text(SPEC.replace("Experience with SQL", "Native English speaker"),
                                     encoding="utf-8")
    result = ih("--from", "spec.yml", cwd=folder)
    assert result.exit_code == 1
    assert (folder / "spec.md").exists()  # written all the same: the words are the user's to change
    lines = result.stderr.splitlines()
    assert lines[0].startswith("ih: warning: spec.md:") and "IH401 [error] 'Native English speaker'" in lines[0]
    assert "change them there" in lines[1]
    assert "1 lint finding to fix" in result.stdout


def test_findings_in_a_word_document_name_the_document(tmp_path):
    folder = fenced(tmp_path)
    (folder / "spec.yml").write_text(SPEC.replace("Experience with SQL", "Native English speaker"),
                                     encoding="utf-8")
    result = ih("--from", "spec.yml", "-o", "spec.docx", cwd=folder)
    assert result.exit_code == 1 and (folder / "spec.docx").exists()
    assert result.stderr.startswith("ih: warning: spec.docx: IH401 [error]"), result.stderr
