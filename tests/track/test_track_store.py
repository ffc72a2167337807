"""The store: idempotent, transactional imports; located errors that leave it unchanged; forget."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from track_helpers import make

from inclusive_hiring.track import TrackError
from inclusive_hiring.track.store import SCHEMA_VERSION, add, connect, forget


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def data(tmp_path):
    return make(tmp_path / "in")


@pytest.fixture
def loaded(tmp_path, data):
    db = tmp_path / "store" / "track.sqlite"
    add(db, pipeline=data.pipeline, scorecards=data.scorecards, demographics=data.demographics)
    return db


def test_first_import_adds_everything(tmp_path, data):
    db = tmp_path / ".ih" / "track.sqlite"
    results = add(db, pipeline=data.pipeline, scorecards=data.scorecards, demographics=data.demographics)
    assert [(r.kind, r.read, r.added, r.updated) for r in results] == [
        ("pipeline", 270, 270, 0), ("scorecards", 480, 480, 0), ("demographics", 343, 343, 0)]
    assert (db.stat().st_mode & 0o777) == 0o600
    assert "*" in (db.parent / ".gitignore").read_text(encoding="utf-8").splitlines()
    conn = connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    conn.close()


def test_importing_twice_changes_nothing(loaded, data):
    before = dump(loaded)
    results = add(loaded, pipeline=data.pipeline, scorecards=data.scorecards, demographics=data.demographics)
    assert all(r.added == r.updated == r.removed == 0 and r.unchanged == r.read for r in results)
    assert dump(loaded) == before


def test_a_changed_row_is_updated_and_a_declined_answer_removed(tmp_path, loaded):
    pipe = tmp_path / "p.csv"
    pipe.write_text("candidate_id,requisition_id,stage,outcome\ncand-0013,REQ-1,onsite,hired\n", encoding="utf-8")
    (result,) = add(loaded, pipeline=pipe)
    assert (result.added, result.updated) == (0, 1)
    demo = tmp_path / "d.csv"
    demo.write_text("candidate_id,sex\ncand-0013,declined\n", encoding="utf-8")
    (result,) = add(loaded, demographics=demo)
    assert result.removed == 1
    conn = connect(loaded)
    assert conn.execute("SELECT COUNT(*) FROM demographics WHERE candidate_id = 'cand-0013' "
                        "AND dimension = 'sex'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM demographics WHERE candidate_id = 'cand-0013'").fetchone()[0] == 2
    conn.close()


BAD = [
    ("pipeline", "candidate_id,requisition_id,stage\nc1,R,s\n", r"p\.csv:1: missing column 'outcome'"),
    ("pipeline", "candidate_id,requisition_id,stage,outcome\nc1,R,s,advanced\nc2,R,s,moved\n",
     r"p\.csv:3: column 4 \(outcome\): unknown outcome 'moved'"),
    ("pipeline", "candidate_id,requisition_id,stage,outcome,decided_on\nc1,R,s,hired,2026-13-01\n",
     r"p\.csv:2: column 5 \(decided_on\): not an ISO 8601 date '2026-13-01'"),
    ("pipeline", "candidate_id,requisition_id,stage,outcome\nc1,R,s,hired\nc1,R,s,rejected\n",
     r"p\.csv:3: the same candidate, requisition and stage as line 2"),
    ("pipeline", "candidate_id,requisition_id,stage,outcome\n,R,s,hired\n",
     r"p\.csv:2: column 1 \(candidate_id\): empty"),
    ("pipeline", "candidate_id,requisition_id,stage,outcome\nc1,R,s\n", r"p\.csv:2: the row has 3 fields"),
    ("scorecards", "candidate_id,requisition_id,stage,interviewer_id,competency,rating,interviewed_at,"
                   "submitted_at,debrief_at\nc1,R,s,i,comm,6,,,\n",
     r"p\.csv:2: column 6 \(rating\): rating '6' is not a whole number from 1 to 5"),
    ("scorecards", "candidate_id,requisition_id,stage,interviewer_id,competency,rating,interviewed_at,"
                   "submitted_at,debrief_at\nc1,R,s,i,comm,3,yesterday,,\n",
     r"p\.csv:2: column 7 \(interviewed_at\): not an ISO 8601 time 'yesterday'"),
    ("demographics", "candidate_id,sex\nnobody-in-the-pipeline,F\n",
     r"p\.csv:2: column 1 \(candidate_id\): this candidate is in no pipeline row"),
]


@pytest.mark.parametrize(("kind", "text", "message"), BAD)
def test_bad_files_name_file_line_and_column_and_leave_the_store_unchanged(tmp_path, loaded, kind, text, message):
    import re

    bad = tmp_path / "p.csv"
    bad.write_text(text, encoding="utf-8")
    before = dump(loaded)
    with pytest.raises(TrackError) as caught:
        add(loaded, **{kind: bad})
    assert re.search(message, str(caught.value)), str(caught.value)
    assert "\n" not in str(caught.value)
    assert "nobody-in-the-pipeline" not in str(caught.value) and ",F" not in str(caught.value)
    assert dump(loaded) == before


def test_a_bad_file_later_in_the_import_rolls_back_the_good_ones(tmp_path, loaded, data):
    before = dump(loaded)
    good = tmp_path / "good.csv"
    good.write_text("candidate_id,requisition_id,stage,outcome\nnew-1,REQ-2,screen,advanced\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("candidate_id,sex\nnew-2,F\n", encoding="utf-8")
    with pytest.raises(TrackError, match=r"bad\.csv:2"):
        add(loaded, pipeline=good, demographics=bad)
    assert dump(loaded) == before


def test_a_failed_first_import_leaves_no_store(tmp_path):
    bad = tmp_path / "p.csv"
    bad.write_text("candidate_id,requisition_id,stage,outcome\nc1,R,s,maybe\n", encoding="utf-8")
    db = tmp_path / ".ih" / "track.sqlite"
    with pytest.raises(TrackError):
        add(db, pipeline=bad)
    assert not db.parent.exists()


def test_other_bad_input(tmp_path, loaded):
    with pytest.raises(TrackError, match="no such file"):
        add(loaded, pipeline=tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("candidate_id,requisition_id,stage,outcome\nc\xe9,R,s,hired\n".encode("latin-1"))
    with pytest.raises(TrackError, match="not UTF-8"):
        add(loaded, pipeline=latin)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(TrackError, match="empty file"):
        add(loaded, pipeline=empty)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x(y)").connection.commit()
    with pytest.raises(TrackError, match="not an ih tracking store"):
        connect(other)
    text = tmp_path / "text.sqlite"
    text.write_text("hello, not a database at all" * 100, encoding="utf-8")
    with pytest.raises(TrackError, match="not an ih tracking store"):
        connect(text)


def test_forget_removes_a_candidate_everywhere(loaded):
    deleted = forget(loaded, "cand-0007")
    assert deleted == {"pipeline": 2, "scorecards": 4, "demographics": 3}
    conn = connect(loaded)
    for table in ("pipeline", "scorecards", "demographics"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE candidate_id = 'cand-0007'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM pipeline").fetchone()[0] == 268
    conn.close()
    assert b"cand-0007" not in loaded.read_bytes()  # secure_delete: overwritten, not just unlinked
    assert forget(loaded, "cand-0007") == {"pipeline": 0, "scorecards": 0, "demographics": 0}


def test_same_plan_counts_skipped_stages_and_different_competencies(tmp_path):
    from inclusive_hiring.track.discipline import discipline

    header = ("candidate_id,requisition_id,stage,interviewer_id,competency,rating,interviewed_at,submitted_at,"
              "debrief_at\n")
    rows = []
    plan = {"phone": ("2026-01-0{d}T10:00", ("comm", "craft")), "onsite": ("2026-02-0{d}T10:00", ("comm", "team"))}

    def card(cand, stage, comps, day):
        for comp in comps:
            rows.append(f"{cand},R,{stage},iv1,{comp},3,{plan[stage][0].format(d=day)},,\n")

    for cand in ("a", "b", "c"):  # the usual plan: phone then onsite
        card(cand, "phone", plan["phone"][1], 1)
        card(cand, "onsite", plan["onsite"][1], 5)
    card("d", "phone", plan["phone"][1], 2)  # left after the phone screen: same plan
    card("e", "onsite", plan["onsite"][1], 6)  # skipped the phone screen
    card("f", "phone", ("comm",), 3)  # asked about fewer competencies
    path = tmp_path / "s.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    db = tmp_path / "t.sqlite"
    add(db, scorecards=path)
    conn = connect(db)
    (req,) = discipline(conn)["requisitions"]
    conn.close()
    assert req == {"requisition_id": "R", "candidates": 6, "same_plan": 4, "same_plan_share": round(4 / 6, 4),
                   "stages": ["phone", "onsite"]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([*'ab,"\n\r\x00 é12-:T', "advanced", "declined", "2026-01-01"]), max_size=120)
       .map("".join), st.sampled_from(["pipeline", "scorecards", "demographics"]))
def test_any_file_either_imports_or_fails_with_one_located_line(tmp_path_factory, text, kind):
    folder = tmp_path_factory.mktemp("fuzz")
    header = {"pipeline": "candidate_id,requisition_id,stage,outcome\n",
              "scorecards": "candidate_id,requisition_id,stage,interviewer_id,competency,rating,interviewed_at,"
                            "submitted_at,debrief_at\n",
              "demographics": "candidate_id,sex\n"}[kind]
    path = folder / "f.csv"
    path.write_text(header + text, encoding="utf-8")
    db = folder / "t.sqlite"
    try:
        add(db, **{kind: path})
    except TrackError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message
        assert not db.exists()
