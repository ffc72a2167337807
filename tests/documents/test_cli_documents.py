"""``ih lint`` on documents: positions in human and JSON output, errors, folders, --fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from document_helpers import ih, job_docx_fixture, job_pdf_fixture, write_zipped_html  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]


def test_lint_docx_and_pdf_human(job_docx: Path, job_pdf: Path) -> None:
    result = ih("lint", "-f", "human", str(job_docx), str(job_pdf))
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "paragraph 1 IH110" in out and "paragraph 9 IH531" in out  # a Word table cell
    assert "page 1, line 2 IH110" in out and "page 2, line 2 IH201" in out
    assert "Work hard play hard culture" in out  # the snippet is the cell's text


def test_lint_json_positions_and_schema(job_docx: Path, job_pdf: Path) -> None:
    result = ih("lint", "-f", "json", str(job_docx), str(job_pdf))
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads((ROOT / "tests/data/json-schema-v1.json").read_text()))
    word, pdf = data["files"]
    cell = next(f for f in word["findings"] if f["rule_id"] == "IH531")
    assert (cell["line"], cell["column"], "page" in cell) == (9, 1, False)
    assert word["metrics"]["document"]["format"] == "docx"
    assert word["metrics"]["document"]["line_unit"] == "paragraph"
    assert pdf["metrics"]["document"]["line_unit"] == "page-line"
    title = next(f for f in pdf["findings"] if f["rule_id"] == "IH110")
    assert (title["page"], title["line"], title["column"]) == (1, 2, 22)
    assert pdf["metrics"]["document"]["pages"] == 2


def test_text_files_have_no_page_key(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    data = json.loads(ih("lint", "-f", "json", str(path)).stdout)
    assert data["files"][0]["findings"] and all("page" not in f for f in data["files"][0]["findings"])
    assert "document" not in data["files"][0]["metrics"]


def test_unsupported_formats_one_line(tmp_path: Path) -> None:
    for name in ("old.doc", "draft.odt", "memo.rtf"):
        (tmp_path / name).write_bytes(b"{\\rtf1 salesman}")
        result = ih("lint", str(tmp_path / name))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "save it as .docx or PDF" in result.stderr
        assert "Traceback" not in result.stderr


def test_folder_counts_skipped_files(tmp_path: Path, job_docx: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "a.md").write_text("We need a salesman.\n", encoding="utf-8")
    (folder / "b.docx").write_bytes(job_docx.read_bytes())
    (folder / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "logo.png").write_bytes(b"\x89PNG")
    (folder / ".DS_Store").write_bytes(b"x")
    result = ih("lint", "-f", "human", str(folder))
    assert "ih: skipped 2 files in folders: 1 .doc, 1 .png (--verbose lists them)" in result.stderr
    assert "b.docx" in result.stdout
    verbose = ih("lint", "-f", "human", "--verbose", str(folder))
    assert f"ih: skipped {folder}/c.doc: Word 97-2003 document (.doc) is not supported; save it as " \
           ".docx or PDF" in verbose.stderr
    assert f"ih: skipped {folder}/logo.png: not a format ih reads (.png)" in verbose.stderr
    machine = ih("lint", "-f", "json", str(folder))
    assert "skipped" not in machine.stderr  # machine formats: no count unless --verbose
    assert [Path(f["path"]).name for f in json.loads(machine.stdout)["files"]] == ["a.md", "b.docx"]


def test_fix_leaves_documents_alone(tmp_path: Path, job_docx: Path) -> None:
    before = job_docx.read_bytes()
    text = tmp_path / "t.md"
    text.write_text("We need a chairman.\n", encoding="utf-8")
    result = ih("lint", "--fix", "-f", "concise", str(job_docx), str(text))
    assert f"ih: {job_docx}: not fixed: --fix edits text files only" in result.stderr
    assert job_docx.read_bytes() == before
    assert "chairman" not in text.read_text(encoding="utf-8")  # the text file was still fixed
    assert f"{job_docx}:1:1: IH110" in result.stdout  # the document's findings are still reported


def test_google_docs_zipped_html(tmp_path: Path) -> None:
    html = ("<html><head><style>.c1{color:red}</style><title>Chairman</title></head><body>"
            "<h1>Chairman of the board</h1><p>We need a <b>ninja</b> &amp; more.</p>"
            "<ul><li>Digital native</li></ul><table><tr><td><p>our manpower</p></td></tr></table>"
            "<script>salesman()</script></body></html>")
    path = write_zipped_html(tmp_path / "Job.zip", html, {"images/image1.png": b"\x89PNG"})
    data = json.loads(ih("lint", "-f", "json", str(path)).stdout)
    spans = {(f["rule_id"], f["line"], f["column"]) for f in data["files"][0]["findings"] if f["line"]}
    assert {("IH110", 1, 1), ("IH201", 3, 1), ("IH114", 4, 5)} <= spans
    assert not any(f["match"] == "salesman" for f in data["files"][0]["findings"])  # script skipped
    assert data["files"][0]["metrics"]["document"]["member"] == "JobPosting.html"


def test_zip_with_two_pages_is_refused(tmp_path: Path) -> None:
    path = write_zipped_html(tmp_path / "two.zip", "<p>a</p>", {"other.html": b"<p>b</p>"})
    result = ih("lint", str(path))
    assert result.returncode == 2 and "the .zip holds 2 .html files" in result.stderr


def test_diff_counts_a_changed_document_as_a_whole(tmp_path: Path) -> None:
    import shutil

    from document_helpers import write_docx

    from inclusive_hiring.ci.gitdiff import parse_diff

    if shutil.which("git") is None:
        import pytest

        pytest.skip("git is not installed")
    parsed = parse_diff('Binary files a/x.docx and b/x.docx differ\n'
                        'Binary files /dev/null and "b/new \\303\\251.pdf" differ\n', str(tmp_path))
    assert set(parsed.values()) == {None} and len(parsed) == 2
    repo = tmp_path / "repo"
    repo.mkdir()
    write_docx(repo / "same.docx", body=(("", "We need a salesman."),))
    write_docx(repo / "edited.docx", body=(("", "Hello."),))
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "init"]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    write_docx(repo / "edited.docx", body=(("", "We need a chairman."),))
    result = subprocess.run([sys.executable, "-m", "inclusive_hiring", "lint", "--diff", "HEAD", "-f", "json",
                             "."], capture_output=True, text=True, cwd=repo, check=False)
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert list(files) == ["edited.docx"]  # the unchanged document is not linted
    assert "IH110" in {f["rule_id"] for f in files["edited.docx"]["findings"]}
