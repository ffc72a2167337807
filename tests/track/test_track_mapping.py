"""Column mappings: the shipped ones, mapping files, and the track: section of .ih.yaml."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from inclusive_hiring.cli import app
from inclusive_hiring.track.mapping import load_mapping, shipped_names
from inclusive_hiring.track.settings import DEFAULT_DB, load_settings
from inclusive_hiring.yamlio import DataError


def ih(*args, cwd=None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(app, ["track", *map(str, args)])
    finally:
        os.chdir(old)


def test_two_mappings_are_shipped_with_their_sources():
    assert shipped_names() == ("greenhouse", "lever")
    for name in shipped_names():
        mapping = load_mapping(name)
        assert mapping.source.startswith("https://")
        assert {"pipeline", "scorecards", "demographics"} <= set(mapping.files)


GREENHOUSE_PIPELINE = """\
candidate_id,job_id,stage_name,status,updated_at,full_name
101,7,Onsite,Moved,2026-03-01 10:00:00.000,Ann Example
102,7,Onsite,Rejected,2026-03-01 10:00:00.000,Ben Example
103,7,Onsite,Withdrawn,2026-03-02 10:00:00.000,Cy Example
"""
GREENHOUSE_SCORECARDS = """\
candidate_id,job_id,stage_name,interviewer_id,attribute_name,rating,interviewed_at,submitted_at,debrief_at
101,7,Onsite,u1,Communication,strong_yes,2026-02-27 10:00:00.000,2026-02-27 12:00:00.000,2026-02-28 09:00:00
102,7,Onsite,u1,Communication,no_decision,2026-02-27 10:00:00.000,2026-02-27 12:00:00.000,2026-02-28 09:00:00
"""
GREENHOUSE_EEOC = """\
candidate_id,email,gender,race,disability_status,veteran_status
101,ann@example.com,Female,Decline To Self Identify,No,I don't wish to answer
102,ben@example.com,Male,White,No,No
"""


def test_a_greenhouse_export_imports_with_the_mapping(tmp_path):
    for name, text in (("p.csv", GREENHOUSE_PIPELINE), ("s.csv", GREENHOUSE_SCORECARDS),
                       ("d.csv", GREENHOUSE_EEOC)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "t.sqlite"
    result = ih("add", "--db", db, "--pipeline", tmp_path / "p.csv", "--scorecards", tmp_path / "s.csv",
                "--demographics", tmp_path / "d.csv", "--mapping", "greenhouse")
    assert result.exit_code == 0, result.output
    import sqlite3

    conn = sqlite3.connect(db)
    assert sorted(conn.execute("SELECT candidate_id, outcome FROM pipeline")) == [
        ("101", "advanced"), ("102", "rejected"), ("103", "withdrew")]
    assert sorted(conn.execute("SELECT candidate_id, rating FROM scorecards")) == [("101", 5), ("102", None)]
    # declined answers are not stored; e-mail addresses (not a mapped dimension) are never read
    assert sorted(conn.execute("SELECT dimension, COUNT(*) FROM demographics GROUP BY 1")) == [
        ("disability", 2), ("race_ethnicity", 1), ("sex", 2), ("veteran", 1)]
    assert b"ann@example.com" not in db.read_bytes()
    conn.close()
    without = ih("add", "--db", tmp_path / "u.sqlite", "--pipeline", tmp_path / "p.csv")
    assert without.exit_code == 2 and "missing column 'requisition_id'" in without.stderr


def test_ih_yaml_track_section(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "ours.yml").write_text(
        "name: ours\npipeline:\n  columns:\n    candidate_id: Person\n  outcomes:\n    passed: advanced\n",
        encoding="utf-8")
    (tmp_path / ".ih.yaml").write_text("track:\n  db: data/t.sqlite\n  mapping: maps/ours.yml\n  min_cell: 7\n",
                                       encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.db == tmp_path / "data" / "t.sqlite" and settings.min_cell == 7
    assert settings.mapping.name == "ours"
    (tmp_path / "p.csv").write_text("Person,requisition_id,stage,outcome\n1,R,screen,passed\n2,R,screen,rejected\n",
                                    encoding="utf-8")
    result = ih("add", "--pipeline", "p.csv", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "t.sqlite").is_file()
    (tmp_path / "c.csv").write_text("candidate_id,requisition_id,stage,outcome\n3,R,screen,hired\n", encoding="utf-8")
    assert "missing column 'Person'" in ih("add", "--pipeline", "c.csv", cwd=tmp_path).stderr
    canonical = ih("add", "--pipeline", "c.csv", "--mapping", "canonical", cwd=tmp_path)
    assert canonical.exit_code == 0, canonical.output
    report = json.loads(ih("report", "--format", "json", cwd=tmp_path).stdout)
    assert report["filters"]["min_cell"] == 7 and report["stages"][0]["selected"] == 2


def test_no_ih_yaml_means_the_default_store_here(tmp_path):
    (tmp_path / ".git").mkdir()
    settings = load_settings(tmp_path)
    assert settings.db == DEFAULT_DB and settings.origin is None


@pytest.mark.parametrize(("yaml", "line", "message"), [
    ("track:\n  min_cells: 5\n", 2, "unknown key 'track.min_cells' (did you mean 'min_cell'?)"),
    ("track:\n  min_cell: 2\n", 2, "at least 3"),
    ("track:\n  mapping: workday\n", 2, "no such mapping file"),
    ("track:\n  mapping:\n    pipeline:\n      columns:\n        outcome_x: Status\n", 5,
     "'outcome_x' is not a pipeline column (did you mean 'outcome'?)"),
    ("track:\n  mapping:\n    pipeline:\n      outcomes:\n        passed: promoted\n", 5,
     "outcome 'promoted' is not one of"),
    ("track:\n  mapping:\n    scorecards:\n      ratings:\n        great: 7\n", 5, "must be 1-5"),
    ("track: [1]\n", 1, "track must be a mapping"),
])
def test_ih_yaml_errors_name_the_file_and_line(tmp_path, yaml, line, message):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".ih.yaml").write_text(yaml, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_settings(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / '.ih.yaml'}:{line}: "), str(caught.value)
    assert message in str(caught.value)
    result = ih("report", cwd=tmp_path)
    assert result.exit_code == 2 and result.stderr.startswith("ih: error: ")
