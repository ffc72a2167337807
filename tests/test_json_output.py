"""`ih lint --format json`: the version-1 wire schema, ordering, determinism and positions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from inclusive_hiring.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "job-posting.md"
DOCS = Path(__file__).parent / "fixtures" / "docs"
SCHEMA = json.loads((Path(__file__).parent / "data" / "json-schema-v1.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

GOOD = """# Data Analyst

You will build reports that help our nurses plan shifts and share your findings each week.

The salary range for this role is $70,000 - $85,000 per year.

We are an equal opportunity employer and welcome applicants of every background.
If you need an accommodation at any stage of hiring, contact jobs@example.org.
"""
BAD = "# Rockstar Salesman\n\nWe need an aggressive salesman who will crush it.\n"


def run_json(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(app, ["lint", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout), result.stdout


def position_key(f: dict) -> tuple:
    return (f["line"] or 0, f["column"] or 0, f["rule_id"])


def original_slice(path: str, f: dict) -> str:
    """The text between (line, column) and (end_line, end_column) in the file as stored on disk."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    first, last = f["line"] - 1, f["end_line"] - 1
    if first == last:
        return lines[first][f["column"] - 1:f["end_column"] - 1]
    parts = [lines[first][f["column"] - 1:], *lines[first + 1:last],
             lines[last][:f["end_column"] - 1]]
    return "\n".join(parts)


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_example_posting_validates():
    code, data, _ = run_json(str(EXAMPLE))
    VALIDATOR.validate(data)
    assert code == 1
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == [str(EXAMPLE)]
    findings = data["files"][0]["findings"]
    assert {"IH110", "IH510", "IH750"} <= {f["rule_id"] for f in findings}
    assert data["summary"]["findings"] == len(findings)
    assert sum(data["summary"]["by_severity"].values()) == len(findings)
    assert sum(data["summary"]["by_category"].values()) == len(findings)


def test_schema_rejects_drift():
    """The schema is strict: a renamed key, an extra finding key or a bad enum fails validation."""
    _, data, _ = run_json(str(EXAMPLE))
    finding = data["files"][0]["findings"][0]
    for mutate in (
        lambda d: d.update(extra=1),
        lambda d: d["files"][0]["findings"][0].update(fixable=True),
        lambda d: d["files"][0]["findings"][0].update(severity="fatal"),
        lambda d: d["files"][0]["findings"][0].pop("rationale"),
        lambda d: d["files"][0].update(kind="job"),
        lambda d: d["files"][0]["metrics"].pop("words"),
        lambda d: d.update(version=2),
    ):
        copy = json.loads(json.dumps(data))
        mutate(copy)
        assert not VALIDATOR.is_valid(copy), mutate
    assert finding  # the example has findings to mutate


def test_mix_of_good_and_bad_files_validates(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<p>{BAD}</p>", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Salesmen and waitresses wanted.\n", encoding="utf-8")
    code, data, _ = run_json(str(tmp_path), str(DOCS), "--fail-on", "never")
    VALIDATOR.validate(data)
    assert code == 0
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert len(by_name) == 4 + len(list(DOCS.iterdir()))
    assert all(f["error"] is None for f in data["files"])
    good_span = [f for f in by_name["good.md"]["findings"] if f["scope"] == "span"]
    assert good_span == []
    assert {"IH110", "IH510", "IH102"} <= {f["rule_id"] for f in by_name["bad.md"]["findings"]}
    assert "IH110" in {f["rule_id"] for f in by_name["page.html"]["findings"]}
    assert data["summary"]["files"] == len(data["files"])


def test_findings_sorted_by_path_line_column_rule():
    _, data, _ = run_json(str(DOCS))
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths)
    flat = [(r["path"], *position_key(f)) for r in data["files"] for f in r["findings"]]
    assert len(flat) > 30
    assert flat == sorted(flat)


def test_span_positions_point_at_match_in_original_file():
    _, data, _ = run_json(str(DOCS), str(EXAMPLE))
    checked = 0
    for result in data["files"]:
        for f in result["findings"]:
            if f["scope"] != "span":
                continue
            assert (f["line"], f["column"]) <= (f["end_line"], f["end_column"])
            got = original_slice(result["path"], f)
            # CRLF files: the stored match uses "\n" for a line break.
            assert got == f["match"].replace("\r\n", "\n"), (result["path"], f)
            checked += 1
    assert checked > 40


def test_document_findings_have_no_position():
    _, data, _ = run_json(str(DOCS))
    docs = [f for r in data["files"] for f in r["findings"] if f["scope"] == "document"]
    assert {"IH750", "IH811"} <= {f["rule_id"] for f in docs}
    for f in docs:
        assert f["line"] is f["column"] is f["end_line"] is f["end_column"] is f["match"] is None
    spans = [f for r in data["files"] for f in r["findings"] if f["scope"] == "span"]
    assert spans and all(isinstance(f["line"], int) and f["match"] for f in spans)


def _cli(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    return subprocess.Popen([sys.executable, "-m", "inclusive_hiring", "lint", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)


def test_byte_identical_across_runs_and_job_counts():
    files = [p for p in DOCS.iterdir() if p.is_file()]
    assert len(files) >= 8, "the determinism check needs a directory of at least 8 postings"
    args = (str(DOCS.relative_to(ROOT)), "--format", "json")
    procs = [_cli(*args, "--jobs", "1"), _cli(*args, "--jobs", "2"), _cli(*args, "--jobs", "2")]
    outs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, err.decode()
        assert b"Traceback" not in err
        outs.append(out)
    assert outs[0] == outs[1] == outs[2]
    data = json.loads(outs[0])
    VALIDATOR.validate(data)
    assert len(data["files"]) == len(files)


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_in_process_jobs_match_serial(jobs):
    _, serial, raw_serial = run_json(str(DOCS), "--jobs", "1")
    _, parallel, raw_parallel = run_json(str(DOCS), "--jobs", jobs)
    assert raw_serial == raw_parallel
    assert serial == parallel


def _documented_example() -> tuple[dict, str]:
    text = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    section = text[text.index("## Example"):text.index("## Ordering and determinism")]
    block = section[section.index("```json") + len("```json"):section.rindex("```")]
    return json.loads(block), section


def abridge(report: dict, rule_ids: list[str], matches: int) -> dict:
    """The real report, cut the way docs/json-schema.md cuts it."""
    out = json.loads(json.dumps(report))
    (entry,) = out["files"]
    entry["findings"] = [f for f in entry["findings"] if f["rule_id"] in rule_ids]
    coding = entry["metrics"]["gender_coding"]
    coding["matches"] = coding["matches"][:matches]
    return out


def test_the_documented_example_is_the_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    _, report, _ = run_json("examples/job-posting.md")
    documented, prose = _documented_example()
    (entry,) = documented["files"]
    shown = [f["rule_id"] for f in entry["findings"]]
    matches = len(entry["metrics"]["gender_coding"]["matches"])
    assert documented == abridge(report, shown, matches), "run python scripts/gen_json_example.py"
    real = report["files"][0]
    assert f"{len(shown)} of the {len(real['findings'])} findings" in " ".join(prose.split())
    assert f"{matches} of the {len(real['metrics']['gender_coding']['matches'])}" in prose
