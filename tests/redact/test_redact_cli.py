"""``ih redact`` end to end: files, folders, the key, refusals, the log, errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from redact_corpus import make_pdf

CV = ("# Zoë Müller\n\nzoe.mueller@example.co.uk · +44 7700 900461\n\n"
      "Senior Data Engineer with 8 years of experience. Zoë led the Kafka migration.\n")


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def ih(*args: str, cwd: Path) -> Run:
    """``ih redact ARGS`` in-process (typer's runner), from ``cwd``."""
    from typer.testing import CliRunner

    from inclusive_hiring.cli import app

    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["redact", *args])
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    cvs = tmp_path / "cvs"
    (cvs / "round1").mkdir(parents=True)
    (cvs / "zoe.md").write_text(CV, encoding="utf-8")
    (cvs / "round1" / "grace.txt").write_text("Grace Hope\ngrace@example.com\nA grace period helps.\n",
                                              encoding="utf-8")
    make_pdf(["Rose Baker", "rose@example.org", "Sales rose by 20% under Rose's plan."], cvs / "round1" / "rb.pdf")
    (cvs / "notes.xlsx").write_bytes(b"ignored")
    (cvs / ".hidden.txt").write_text("Secret Person\n", encoding="utf-8")
    return cvs


def test_file_to_file_and_log_has_counts_only(tmp_path):
    source = tmp_path / "zoe.md"
    source.write_text(CV, encoding="utf-8")
    result = ih("zoe.md", "-o", "blind.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = (tmp_path / "blind.md").read_text(encoding="utf-8")
    assert out.startswith("# [NAME]\n") and "8 years of experience" in out and "Kafka" in out
    assert "zoe.md -> blind.md: NAME 2, EMAIL 1, PHONE 1" in result.stdout
    for secret in ("Zoë", "Müller", "zoe.mueller", "7700"):
        assert secret not in result.stdout and secret not in result.stderr
    assert "no key written" in result.stdout
    assert source.read_text(encoding="utf-8") == CV  # the original is untouched


def test_folder_mirrored_with_key_kept_apart(folder, tmp_path):
    private = tmp_path / "private"
    private.mkdir()
    result = ih(str(folder), "-o", str(tmp_path / "blind"), "--key", str(private / "key.json"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    blind = tmp_path / "blind"
    written = sorted(p.relative_to(blind).as_posix() for p in blind.rglob("*") if p.is_file())
    assert written == ["round1/grace.txt", "round1/rb.txt", "zoe.md"]
    assert "sales rose by 20%" in (blind / "round1" / "rb.txt").read_text().lower()
    assert "[NAME]'s plan" in (blind / "round1" / "rb.txt").read_text()
    assert "grace period" in (blind / "round1" / "grace.txt").read_text()
    key = json.loads((private / "key.json").read_text(encoding="utf-8"))
    assert key["ih_redact_key"] == 1
    assert {"placeholder": "[NAME]", "original": "Zoë Müller", "occurrences": 1} in key["files"]["zoe.md"]
    assert sorted(key["files"]) == ["round1/grace.txt", "round1/rb.pdf", "zoe.md"]
    assert stat.S_IMODE(os.stat(private / "key.json").st_mode) == 0o600
    assert "redacted 3 files" in result.stdout
    assert not list(blind.rglob("*.ih-tmp"))


@pytest.mark.parametrize("key", ["blind/key.json", "blind/round1/key.json"])
def test_key_inside_output_is_refused(folder, tmp_path, key):
    result = ih(str(folder), "-o", "blind", "--key", key, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("ih: error: ") and "inside the output folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "blind").exists()


def test_key_beside_the_copy_is_refused(tmp_path):
    (tmp_path / "cv.txt").write_text(CV, encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = ih("cv.txt", "-o", "out/cv.txt", "--key", "out/key.json", cwd=tmp_path)
    assert result.returncode == 2 and "beside the redacted copy" in result.stderr
    assert not (tmp_path / "out" / "cv.txt").exists()


def test_never_overwrites_without_force(tmp_path):
    (tmp_path / "cv.txt").write_text(CV, encoding="utf-8")
    (tmp_path / "blind.txt").write_text("keep me", encoding="utf-8")
    result = ih("cv.txt", "-o", "blind.txt", cwd=tmp_path)
    assert result.returncode == 2 and "use --force" in result.stderr
    assert (tmp_path / "blind.txt").read_text(encoding="utf-8") == "keep me"
    forced = ih("cv.txt", "-o", "blind.txt", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and "[NAME]" in (tmp_path / "blind.txt").read_text(encoding="utf-8")


def test_output_never_replaces_the_input(tmp_path):
    (tmp_path / "cv.txt").write_text(CV, encoding="utf-8")
    result = ih("cv.txt", "-o", "cv.txt", "--force", cwd=tmp_path)
    assert result.returncode == 2 and "replace the original" in result.stderr
    assert (tmp_path / "cv.txt").read_text(encoding="utf-8") == CV


def test_pdf_output_gets_txt_and_scans_fail_cleanly(tmp_path):
    make_pdf(["Rose Baker", "Operations manager."], tmp_path / "cv.pdf")
    refused = ih("cv.pdf", "-o", "blind.pdf", cwd=tmp_path)  # a PDF comes out as text: say so, never rename
    assert refused.returncode == 2 and "give -o blind.txt" in refused.stderr
    result = ih("cv.pdf", "-o", "blind.txt", cwd=tmp_path)
    assert result.returncode == 0 and (tmp_path / "blind.txt").exists() and not (tmp_path / "blind.pdf").exists()
    make_pdf(["x"], tmp_path / "scan.pdf", text_layer=False)
    scan = ih("scan.pdf", "-o", "scan-out.txt", cwd=tmp_path)
    assert scan.returncode == 2 and "no text layer" in scan.stderr and "Traceback" not in scan.stderr
    assert not (tmp_path / "scan-out.txt").exists()


def test_one_bad_file_in_a_folder_writes_nothing(folder, tmp_path):
    make_pdf(["x"], folder / "scan.pdf", text_layer=False)
    result = ih(str(folder), "-o", "blind", cwd=tmp_path)
    assert result.returncode == 2 and "nothing was written" in result.stderr
    assert not (tmp_path / "blind").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["missing.txt", "-o", "x.txt"], "no such file or folder"),
    (["notes.xlsx", "-o", "x.txt"], "unsupported file type"),
    (["cvs", "-o", "cvs/blind"], "must not be inside the input folder"),
    (["cvs/zoe.md", "-o", "x.md", "--ner-model", "nowhere"], "not a spaCy model folder"),
])
def test_bad_input_is_one_line_exit_2(folder, tmp_path, args, message):
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    result = ih(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("ih: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_ner_model_by_path_adds_names(tmp_path):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Temitope Adeyemi"}])
    model = tmp_path / "model"
    nlp.to_disk(model)
    text = "Profile\n\nOperations lead. Referee: Temitope Adeyemi, Director at Dangote.\n"
    (tmp_path / "cv.txt").write_text(text, encoding="utf-8")
    plain = ih("cv.txt", "-o", "plain.txt", cwd=tmp_path)
    with_model = ih("cv.txt", "-o", "ner.txt", "--ner-model", str(model), cwd=tmp_path)
    assert plain.returncode == 0 and with_model.returncode == 0, with_model.stderr
    assert "Temitope" in (tmp_path / "plain.txt").read_text(encoding="utf-8")
    assert "Referee: [NAME], Director" in (tmp_path / "ner.txt").read_text(encoding="utf-8")


def test_keep_schools_and_redact_employers_flags(tmp_path):
    text = ("Jane Roe\n\nEXPERIENCE\nAnalyst, Monzo (2019 – present)\n\n"
            "EDUCATION\nBSc Maths, University of Leeds, 2015\n")
    (tmp_path / "cv.txt").write_text(text, encoding="utf-8")
    assert ih("cv.txt", "-o", "a.txt", "--keep-schools", "--redact-employers", cwd=tmp_path).returncode == 0
    out = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert "University of Leeds, [YEAR]" in out and "Analyst, [EMPLOYER]" in out


def test_help_lists_redact_and_stays_light():
    result = subprocess.run([sys.executable, "-c", "import sys, inclusive_hiring.cli; "
                             "print(sorted(m for m in ('docx', 'pypdf', 'spacy') if m in sys.modules))"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    help_text = subprocess.run([sys.executable, "-m", "inclusive_hiring", "--help"], capture_output=True,
                               text=True, check=True).stdout
    assert "redact" in help_text


def test_key_that_exists_needs_force_and_file_name_warning(tmp_path):
    (tmp_path / "zoe-muller-cv.md").write_text(CV, encoding="utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "key.json").write_text("{}", encoding="utf-8")
    refused = ih("zoe-muller-cv.md", "-o", "blind.md", "--key", "private/key.json", cwd=tmp_path)
    assert refused.returncode == 2 and "key.json exists: use --force" in refused.stderr
    assert not (tmp_path / "blind.md").exists()
    done = ih("zoe-muller-cv.md", "-o", "blind.md", "--key", "private/key.json", "--force", cwd=tmp_path)
    assert done.returncode == 0
    assert "file name contains" not in done.stderr  # the copy's name is neutral
    named = ih("zoe-muller-cv.md", "-o", "zoe-muller-blind.md", "--key", "private/key.json", "--force",
               cwd=tmp_path)
    assert named.returncode == 0
    assert "ih: warning: zoe-muller-blind.md: the file name contains part of the candidate's name" in named.stderr
    assert "Zoë" not in named.stderr and "Müller" not in named.stderr
    assert json.loads((tmp_path / "private" / "key.json").read_text(encoding="utf-8"))["files"]


def test_out_names_are_never_changed_behind_the_users_back(tmp_path):
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    dash = ih("cv.md", "-o", "-", cwd=tmp_path)
    assert dash.returncode == 2 and "-o -" in dash.stderr and not (tmp_path / "-").exists()
    into = ih("cv.md", "-o", "blind/", cwd=tmp_path)
    assert into.returncode == 0 and (tmp_path / "blind" / "cv.md").is_file()


def test_a_verb_before_a_school_name_stays(tmp_path):
    (tmp_path / "cv.md").write_text("# Jane Roe\n\nGraduated Stanford University 2012.\n", encoding="utf-8")
    assert ih("cv.md", "-o", "blind.md", cwd=tmp_path).returncode == 0
    assert "Graduated [SCHOOL]" in (tmp_path / "blind.md").read_text(encoding="utf-8")
