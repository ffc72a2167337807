"""The labelled-CV loader: a held-out set is any folder of marked CVs installed as ``cvs/heldout``."""

from __future__ import annotations

import redact_corpus


def test_heldout_split_is_whatever_folder_is_installed(tmp_path, monkeypatch):
    monkeypatch.setattr(redact_corpus, "CVS", tmp_path)
    assert redact_corpus.load("heldout") == []  # absent: an empty split, not an error
    folder = tmp_path / "heldout"
    (folder / "extra").mkdir(parents=True)
    (folder / "README.md").write_text("How this set was written.\n", encoding="utf-8")
    (folder / "02-b.txt").write_text("{{NAME|Ana Lima}} · {{KEEP|Go services}}\n", encoding="utf-8")
    (folder / "extra" / "01-a-nfd.md").write_text("# {{NAME|Zoë Roux}}\n", encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    cvs = redact_corpus.load("heldout")
    assert [cv.name for cv in cvs] == ["heldout/02-b.txt", "heldout/extra/01-a-nfd.md"]
    assert [g.value for g in cvs[0].identifiers] == ["Ana Lima"] and len(cvs[0].keeps) == 1
    assert cvs[1].text != "# Zoë Roux\n" and cvs[1].identifiers[0].kind == "NAME"  # decomposed (NFD)


def test_dev_split_holds_every_studied_set():
    names = {cv.name.split("/")[0] for cv in redact_corpus.load("dev")}
    assert {"dev", "heldout-v1", "heldout-v6", "heldout-v7"} <= names
    assert "heldout" not in names  # the newest set is never in dev
