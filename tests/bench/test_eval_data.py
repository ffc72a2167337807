"""The labelled evaluation sets of issue 14 (bench/eval/*.yml): schema, references, loader checks.

These tests check the data and the loader, not ih's accuracy (bench/eval_detection.py measures that).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import eval_detection  # noqa: E402 - bench/ is not a package; its path is added above
import evalset  # noqa: E402

from inclusive_hiring.yamlio import DataError  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def heldout() -> list[evalset.HeldoutItem]:
    return evalset.load_heldout()


@pytest.fixture(scope="module")
def written() -> list[evalset.WrittenItem]:
    return evalset.load_written()


def test_heldout_sizes_and_labels(heldout: list[evalset.HeldoutItem]) -> None:
    kinds = Counter(item.kind for item in heldout)
    assert len(heldout) >= 400
    assert kinds["positive"] >= 120
    assert kinds["hard-negative"] >= 150
    assert kinds["random"] >= 50
    for item in heldout:
        assert item.label in evalset.LABELS and item.family in evalset.FAMILIES
        assert (item.label == "flag") == (item.kind == "positive")
    assert len({item.id for item in heldout}) == len(heldout)
    assert len({item.sha1 for item in heldout}) == len(heldout)
    # every held-out folder contributes, and nothing else does
    folders = {item.path.rsplit("/", 1)[0] for item in heldout}
    assert folders == set(evalset.HELDOUT_FOLDERS)


def test_heldout_stores_no_corpus_text(heldout: list[evalset.HeldoutItem]) -> None:
    raw = evalset.HELDOUT_FILE.read_text(encoding="utf-8")
    assert "\n    text:" not in raw
    for item in heldout:
        assert len(item.head.split()) <= 3 and len(item.tail.split()) <= 3


def test_written_sizes_and_labels(written: list[evalset.WrittenItem]) -> None:
    postings = [item for item in written if item.kind == "posting"]
    questions = [item for item in written if item.kind == "questions"]
    assert len(postings) >= 150
    assert sum(item.label == "flag" for item in postings) >= 100
    assert sum(item.label == "ok" for item in postings) >= 100
    assert len(questions) >= 60
    assert {item.label for item in questions} == {"flag", "ok"}
    assert any(item.family == "poor-practice" for item in questions)
    assert any(item.family == "military" and item.label == "flag" for item in questions)
    protected = {"sex", "age", "disability", "national-origin", "race", "religion", "family", "lgbtq"}
    for family in protected:
        assert any(i.family == family and i.label == "flag" for i in postings), family
        assert any(i.family == family and i.label == "ok" for i in postings), family
    assert len({item.id for item in written}) == len(written)


def test_rule_family_table_names_known_families() -> None:
    for key, families in eval_detection.RULE_FAMILIES.items():
        assert families, key
        assert set(families) <= evalset.FAMILIES | {"pay"}, key
    assert eval_detection.families_of("IH113", "gendered-language") == ("sex",)
    assert eval_detection.families_of("IH110", "gendered-language") == ("gendered-wording",)
    assert eval_detection.families_of("IH999", "no-such-category") == ("other",)


def test_heldout_references_resolve(heldout: list[evalset.HeldoutItem]) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} not found: the held-out references need ../shared next to the repository")
    _, located, missing = evalset.locate_all(heldout, CORPUS)
    assert [item.id for item in missing] == []
    for place in located:
        words = place.sentence.split()
        assert evalset.sha1_of(place.sentence) == place.item.sha1
        assert " ".join(words[:3]) == place.item.head and " ".join(words[-3:]) == place.item.tail


def _item(**changes: object) -> evalset.HeldoutItem:
    sentence = "Candidates must be under thirty."
    values: dict[str, object] = dict(
        id="h-x", path="jobs/pythonjobs/x.md", line=2, start=4, end=4 + len(sentence),
        sha1=evalset.sha1_of(sentence), head="Candidates must be", tail="be under thirty.",
        label="flag", family="age", kind="positive", borderline=False, note="")
    values.update(changes)
    return evalset.HeldoutItem(**values)  # type: ignore[arg-type]


def test_locate_at_recorded_place_and_after_the_file_moved() -> None:
    item = _item()
    document = "# Job\n1.  Candidates must be under thirty. Apply now.\n"
    found = evalset.locate(item, document)
    assert found is not None and found.sentence == "Candidates must be under thirty."
    moved = "# Job\n\nNew intro line.\n- Candidates must be under thirty.\n"
    found = evalset.locate(item, moved)
    assert found is not None and found.sentence == "Candidates must be under thirty."
    assert found.start == moved.index("Candidates")
    assert evalset.locate(item, "# Job\nCandidates must be under forty.\n") is None


GOOD_HELDOUT = """version: 1
items:
  - id: h-1
    path: "jobs/pythonjobs/a.md"
    line: 3
    start: 0
    end: 10
    sha1: "{sha}"
    head: "a b c"
    tail: "c d e"
    label: flag
    family: age
    kind: positive
"""


@pytest.mark.parametrize(("replace", "message"), [
    (("family: age", "family: astrology"), "'family' is 'astrology'"),
    (("label: flag", "label: maybe"), "'label' is 'maybe'"),
    (("kind: positive", "kind: hard-negative"), "kind 'positive' goes with label 'flag'"),
    (('sha1: "', 'sha1: "zz'), "'sha1' must be 40"),
    (("    line: 3\n", ""), "item lacks 'line'"),
    (('path: "jobs/pythonjobs/a.md"', 'path: "jobs/tts-gsa/a.md"'), "is not in one of jobs-varied/kenya-myjobmag"),
    (("    kind: positive\n", "    kind: positive\n    text: copied corpus text\n"), "unknown key 'text'"),
    (("version: 1", "version: 2"), "expected a mapping with 'version: 1'"),
])
def test_heldout_loader_rejects_bad_items(tmp_path: Path, replace: tuple[str, str], message: str) -> None:
    path = tmp_path / "heldout.yml"
    text = GOOD_HELDOUT.format(sha="a" * 40)
    ok_path = tmp_path / "ok.yml"
    ok_path.write_text(text, encoding="utf-8")
    assert len(evalset.load_heldout(ok_path)) == 1
    path.write_text(text.replace(*replace), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        evalset.load_heldout(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:")


def test_loaders_reject_duplicates(tmp_path: Path) -> None:
    item = GOOD_HELDOUT.format(sha="a" * 40).split("items:\n", 1)[1]
    path = tmp_path / "dup.yml"
    path.write_text("version: 1\nitems:\n" + item + item.replace("line: 3", "line: 4"), encoding="utf-8")
    with pytest.raises(DataError, match="duplicate id 'h-1'"):
        evalset.load_heldout(path)
    written = tmp_path / "written.yml"
    entry = "  - id: w-{n}\n    kind: posting\n    text: \"{text}\"\n    label: ok\n    family: age\n    frame: x\n"
    written.write_text("version: 1\nitems:\n" + entry.format(n=1, text="Care for older people.")
                       + entry.format(n=2, text="Care for  older people."), encoding="utf-8")
    with pytest.raises(DataError, match="same text as item 'w-1'"):
        evalset.load_written(written)


def test_script_scores_a_small_set_and_skips_a_missing_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = tmp_path / "written.yml"
    written.write_text(
        "version: 1\nitems:\n"
        "  - id: w-p-1\n    kind: posting\n    text: \"We are hiring code ninjas.\"\n    label: flag\n"
        "    family: jargon\n    frame: title\n"
        "  - id: w-p-2\n    kind: posting\n    text: \"You will water the plants.\"\n    label: ok\n"
        "    family: none\n    frame: random\n"
        "  - id: w-q-1\n    kind: questions\n    text: \"How much do you weigh?\"\n    label: flag\n"
        "    family: appearance\n    frame: weight\n", encoding="utf-8")
    out = tmp_path / "figures.json"
    code = eval_detection.main(["--written", str(written), "--corpus", str(tmp_path / "no-shared"),
                                "--json", str(out), "--strict"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "held-out set skipped" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["heldout"] is None and figures["mode"] == "strict"
    assert figures["written"]["overall"]["positives"] == 1
    assert figures["written"]["overall"]["hard_negatives"] == 1
    assert figures["questions"]["unlawful"]["positives"] == 1


def test_script_reports_bad_data_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "written.yml"
    broken.write_text("version: 1\nitems:\n  - id: [unclosed\n", encoding="utf-8")
    code = eval_detection.main(["--written", str(broken), "--corpus", str(tmp_path / "none")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("eval_detection: error: ") and err.count("\n") == 1


def test_dev_references_come_from_dev_folders_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    posting = corpus / "jobs" / "tts-gsa" / "a.md"
    posting.parent.mkdir(parents=True)
    posting.write_text("# Clerk\n\nWe want a young team. Apply now.\n", encoding="utf-8")
    fields = evalset.make_reference(corpus, "jobs/tts-gsa/a.md", "We want a young team.")
    assert (fields["line"], fields["start"], fields["end"]) == (3, 0, 21)
    assert fields["sha1"] == evalset.sha1_of("We want a young team.")
    with pytest.raises(ValueError, match="not found"):
        evalset.make_reference(corpus, "jobs/tts-gsa/a.md", "We want an old team.")
    dev = tmp_path / "dev"
    dev.mkdir()
    item = "".join(f"    {key}: {json.dumps(value)}\n" for key, value in fields.items()).replace("    id", "  - id", 1)
    labels = "    label: flag\n    family: age\n    kind: positive\n"
    (dev / "age.yml").write_text("version: 1\nitems:\n" + item + labels, encoding="utf-8")
    items = evalset.load_dev(dev)
    assert [i.path for i in items] == ["jobs/tts-gsa/a.md"]
    (dev / "more.yml").write_text("version: 1\nitems:\n" + item.replace("jobs/tts-gsa", "jobs/pythonjobs") + labels,
                                  encoding="utf-8")
    with pytest.raises(DataError, match="is not in one of jobs-varied/philippines"):
        evalset.load_dev(dev)


def test_the_repository_dev_references_load_and_are_unique() -> None:
    items = evalset.load_dev()
    assert len(items) >= 200
    assert len({item.sha1 for item in items}) == len(items)
    assert {item.label for item in items} == {"flag", "ok"}
