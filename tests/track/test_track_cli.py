"""`ih track` end to end: add, report (three formats), forget; errors; and privacy: no output ever
names a candidate."""

from __future__ import annotations

import json
import os
import re

import pytest
from track_helpers import make
from typer.testing import CliRunner

from conftest import one_line_error
from inclusive_hiring.cli import app


def ih(*args, cwd=None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["track", *map(str, args)])
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def data(tmp_path):
    return make(tmp_path / "in")


@pytest.fixture
def store(tmp_path, data):
    db = tmp_path / "t.sqlite"
    result = ih("add", "--db", db, "--pipeline", data.pipeline, "--scorecards", data.scorecards,
                "--demographics", data.demographics)
    assert result.exit_code == 0, result.output
    return db


def report_json(db, *extra):
    result = ih("report", "--db", db, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def find(report, stage, dimension, group):
    (row,) = [r for r in report["adverse_impact"]
              if (r["stage"], r["dimension"], r["group"]) == (stage, dimension, group)]
    return row


def test_add_reports_what_it_added(tmp_path, data):
    first = ih("add", "--pipeline", data.pipeline, "--scorecards", data.scorecards, "--demographics",
               data.demographics, cwd=tmp_path)
    assert first.exit_code == 0, first.output
    assert "pipeline: 270 rows read: 270 added, 0 updated, 0 unchanged" in first.stdout
    assert (tmp_path / ".ih" / "track.sqlite").is_file()  # the default store
    again = ih("add", "--pipeline", data.pipeline, "--scorecards", data.scorecards, "--demographics",
               data.demographics, cwd=tmp_path)
    assert "scorecards: 480 rows read: 0 added, 0 updated, 480 unchanged" in again.stdout


def test_the_done_when_figures(store):
    report = report_json(store)
    assert report["report"] == "ih-track" and report["version"] == 1
    women = find(report, "onsite", "sex", "F")
    assert (women["considered"], women["selected"], women["rate"]) == (40, 12, 0.3)
    assert women["impact_ratio"] == 0.5 and women["flag"] is True
    assert women["fisher_p"] == pytest.approx(0.0034, abs=5e-5)
    assert women["selections_to_four_fifths"] == 8 and women["significant"] is True
    men = find(report, "onsite", "sex", "M")
    assert men["reference"] is True and men["impact_ratio"] == 1.0 and men["flag"] is False
    older = find(report, "onsite", "age_40_plus", "yes")
    assert older["impact_ratio"] == 0.8 and older["flag"] is False  # exactly four fifths
    small = find(report, "onsite", "disability", "yes")
    assert small["suppressed"] is True and "fewer than 5" in small["suppressed_reason"]
    assert all(small[k] is None for k in ("considered", "selected", "rate", "impact_ratio", "fisher_p",
                                          "fisher_mid_p", "flag", "selections_to_four_fifths"))
    # complementary: the not-disclosed count would give the group of 3 away (total - 'no')
    (rest,) = [u for u in report["not_disclosed"] if (u["stage"], u["dimension"]) == ("onsite", "disability")]
    assert rest["suppressed"] is True and rest["considered"] is None
    assert report["suppression"] == {"min_cell": 5, "small": 2, "complementary": 2}
    cards = report["scorecards"]
    assert cards["completed_share"] == round(236 / 240, 4) and cards["before_debrief_share"] == 0.9
    flags = {p["interviewer_id"]: p["flags"] for p in cards["interviewers"]}
    assert flags["iv-flat"] == ["flat"] and flags["iv-harsh"] == ["harsh"] and flags["iv-kind"] == ["kind"]
    assert flags["iv-ada"] == [] and flags["iv-bo"] == []
    assert cards["panel_size"] == {"interviews": 120, "mean": 2.0, "distribution": {"2": 120},
                                   "single_interviewer": 0}


def test_filters_and_min_cell(store):
    onsite = report_json(store, "--stage", "onsite")
    assert {r["stage"] for r in onsite["adverse_impact"]} == {"onsite"}
    assert [s["stage"] for s in onsite["stages"]] == ["onsite"]
    later = report_json(store, "--since", "2026-02-15")
    assert [s["stage"] for s in later["stages"]] == ["onsite"]
    strict = report_json(store, "--min-cell", "50")
    assert find(strict, "onsite", "sex", "F")["suppressed"] is True
    error = one_line_error(ih("report", "--db", store, "--min-cell", "2"))
    assert "at least 3" in error
    assert "--since" in one_line_error(ih("report", "--db", store, "--since", "March"))


def test_report_to_a_file_never_overwrites_unasked(tmp_path, store):
    out = tmp_path / "r.md"
    assert ih("report", "--db", store, "-o", out).exit_code == 0
    first = out.read_bytes()
    assert first.startswith(b"# Interview inclusivity report")
    assert "exists" in one_line_error(ih("report", "--db", store, "-o", out))
    assert ih("report", "--db", store, "-o", out, "--force").exit_code == 0
    assert out.read_bytes() == first  # deterministic


def test_errors_are_one_line(tmp_path, data):
    assert "no tracking store" in one_line_error(ih("report", "--db", tmp_path / "none.sqlite"))
    bad = tmp_path / "bad.csv"
    bad.write_text("candidate_id,requisition_id,stage,outcome\nc1,R,s,moved\n", encoding="utf-8")
    error = one_line_error(ih("add", "--db", tmp_path / "x.sqlite", "--pipeline", bad))
    assert re.search(r"bad\.csv:2: column 4 \(outcome\): unknown outcome 'moved'.*nothing was imported", error)
    assert not (tmp_path / "x.sqlite").exists()
    assert "at least one of" in one_line_error(ih("add", "--db", tmp_path / "x.sqlite"))
    assert "mapping" in one_line_error(ih("add", "--db", tmp_path / "x.sqlite", "--pipeline", data.pipeline,
                                          "--mapping", "workday"))


def test_no_output_names_a_candidate(tmp_path, data):
    """Every output of a run (stdout, stderr, reports, error messages) is scanned for every id."""
    db = tmp_path / "t.sqlite"
    outputs: list[str] = []

    def run(*args):
        result = ih(*args)
        outputs.extend([result.stdout, result.stderr])
        return result

    run("add", "--db", db, "--pipeline", data.pipeline, "--scorecards", data.scorecards,
        "--demographics", data.demographics)
    for fmt in ("markdown", "json", "html"):
        for extra in ((), ("--stage", "onsite"), ("--min-cell", "3"), ("--since", "2026-01-01")):
            assert run("report", "--db", db, "--format", fmt, *extra).exit_code == 0
    out = tmp_path / "r.html"
    run("report", "--db", db, "--format", "html", "-o", out)
    outputs.append(out.read_text(encoding="utf-8"))
    # errors about the demographics file, and about the pipeline
    bad_demo = tmp_path / "demo.csv"
    bad_demo.write_text("candidate_id,sex\ncand-0200,F\n", encoding="utf-8")
    assert run("add", "--db", db, "--demographics", bad_demo).exit_code == 2
    long_value = tmp_path / "demo2.csv"
    long_value.write_text("candidate_id,sex\ncand-0001," + "x" * 300 + "\n", encoding="utf-8")
    assert run("add", "--db", db, "--demographics", long_value).exit_code == 2
    dup = tmp_path / "dup.csv"
    dup.write_text("candidate_id,sex\ncand-0001,F\ncand-0001,M\n", encoding="utf-8")
    assert run("add", "--db", db, "--demographics", dup).exit_code == 2
    bad_pipe = tmp_path / "pipe.csv"
    bad_pipe.write_text("candidate_id,requisition_id,stage,outcome\ncand-0001,R,s,nope\n", encoding="utf-8")
    assert run("add", "--db", db, "--pipeline", bad_pipe).exit_code == 2
    assert run("forget", "cand-0001", "--db", db).exit_code == 0
    assert run("forget", "cand-0001", "--db", db).exit_code == 0
    everything = "\n".join(outputs)
    assert "onsite" in everything and "ih: error:" in everything  # the scan saw real output
    for ident in (*data.ids, "cand-0200"):
        assert ident not in everything, ident
    assert "xxxxxxxxxx" not in everything


def test_forget(store):
    result = ih("forget", "cand-0007", "--db", store)
    assert result.exit_code == 0
    assert "deleted 2 pipeline rows, 4 scorecards rows, 3 demographics rows" in result.stdout
    report = report_json(store)
    assert report["store"]["candidates"] == 149
    again = ih("forget", "cand-0007", "--db", store)
    assert "nothing was deleted" in again.stdout


def test_the_json_fields_are_the_documented_ones(store):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "json-schema-track.md").read_text(encoding="utf-8")
    section = doc.split("## `adverse_impact` rows")[1].split("## ")[0]
    documented = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            documented.update(re.findall(r"`([a-z_]+)`", line.split("|")[1]))
    report = report_json(store)
    assert documented == set(report["adverse_impact"][0])
    top = doc.split("## Top level")[1].split("## ")[0]
    assert {re.findall(r"`([a-z_]+)`", line.split("|")[1])[0] for line in top.splitlines()
            if line.startswith("| `")} == set(report)
    example = json.loads(doc.split("```json")[1].split("```")[0])
    assert set(example["scorecards"]) == set(report["scorecards"])
    onsite = report_json(store, "--stage", "onsite")
    for row in example["adverse_impact"]:
        assert row in onsite["adverse_impact"]  # the example is real output


def test_ih_help_does_not_load_the_tracking_code():
    import subprocess
    import sys

    probe = ("import sys, inclusive_hiring.cli\n"
             "print(sorted(m for m in sys.modules if m in ('sqlite3', 'jinja2', 'csv') or "
             "m.startswith('inclusive_hiring.track.') and m != 'inclusive_hiring.track.cli'))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_a_store_without_scorecards_or_demographics(tmp_path):
    pipe = tmp_path / "p.csv"
    pipe.write_text("candidate_id,requisition_id,stage,outcome\nc1,R,screen,advanced\n", encoding="utf-8")
    db = tmp_path / "t.sqlite"
    assert ih("add", "--db", db, "--pipeline", pipe).exit_code == 0
    for fmt in ("markdown", "html"):
        text = ih("report", "--db", db, "--format", fmt).stdout
        assert "No scorecards in the store" in text and "No demographic data" in text
    report = report_json(db)
    assert report["adverse_impact"] == [] and report["scorecards"]["completed_share"] is None


def test_the_error_examples_in_the_docs_are_real(tmp_path):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "tracking.md").read_text(encoding="utf-8")
    block = doc.split("### Bad input")[1].split("```text\n")[1].split("```")[0]
    documented = block.strip().splitlines()
    sc_header = ("candidate_id,requisition_id,stage,interviewer_id,competency,rating,interviewed_at,"
                 "submitted_at,debrief_at\n")
    good = "".join(f"c{n},R,screen,advanced\n" for n in range(1, 13))
    (tmp_path / "pipeline.csv").write_text("candidate_id,requisition_id,stage,outcome\n" + good +
                                           "c13,R,screen,moved\n", encoding="utf-8")
    runs = [("--pipeline", "pipeline.csv")]
    rows = "".join(f"c{n},R,s,i,comp{n},3,,,\n" for n in range(1, 8))
    (tmp_path / "s1.csv").write_text(sc_header + rows + "c8,R,s,i,comp,7,,,\n", encoding="utf-8")
    (tmp_path / "s2.csv").write_text(sc_header + "c1,R,s,i,comp,3,,,\nc2,R,s,i,comp,3,yesterday,,\n",
                                     encoding="utf-8")
    runs += [("--scorecards", "s1.csv"), ("--scorecards", "s2.csv")]
    (tmp_path / "p.csv").write_text("candidate_id,requisition_id,stage,outcome\n" + good, encoding="utf-8")
    assert ih("add", "--db", "t.sqlite", "--pipeline", "p.csv", cwd=tmp_path).exit_code == 0
    (tmp_path / "demographics.csv").write_text(
        "candidate_id,sex\n" + "".join(f"c{n},F\n" for n in range(1, 6)) + "zz,F\n", encoding="utf-8")
    runs.append(("--demographics", "demographics.csv"))
    (tmp_path / "p2.csv").write_text("candidate_id,requisition_id,stage\nc1,R,s\n", encoding="utf-8")
    runs.append(("--pipeline", "p2.csv"))
    actual = [one_line_error(ih("add", "--db", "t.sqlite", option, name, cwd=tmp_path)) for option, name in runs]
    actual = [line.replace("s1.csv", "scorecards.csv").replace("s2.csv", "scorecards.csv")
              .replace("p2.csv", "pipeline.csv") for line in actual]
    assert actual == documented


def test_an_unknown_stage_is_an_error_naming_the_stages(store):
    result = ih("report", "--db", str(store), "--stage", "onsit")
    line = one_line_error(result)
    assert "--stage 'onsit'" in line and "did you mean 'onsite'" in line and "onsite" in line
