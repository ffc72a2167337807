"""The compiled word-list index: its line filter never loses a match, and its cache is safe."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, SHARED
from inclusive_hiring.catalog.index import CatalogIndex, cache_dir, load_index
from inclusive_hiring.catalog.wordlists import wordlist_dir
from inclusive_hiring.lint.linter import Linter as Engine


class _EveryLine:
    """The same index, but every line may hold every entry: the engine tokenizes everything."""

    def __init__(self, index: CatalogIndex) -> None:
        self._index = index
        self._all = set(index.entry_ids)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._index, name)

    def line_entries(self, lower: str, found_words=None, kind="posting") -> set[str]:  # type: ignore[no-untyped-def]
        kinds = ("posting", "questions") if kind == "questions" else (kind,)
        return {e for e in self._all if self._index.entry(e).entry.kind in kinds}


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((FIXTURES / "docs").glob("*")):
        out.append((path.name, path.read_text(encoding="utf-8")))
    for path in sorted((FIXTURES / "rules").glob("IH*.yml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        out.append((path.stem + ".md", "\n\n".join(c.get("fail", c.get("pass", "")) for c in cases)))
    jobs = SHARED / "corpus" / "jobs"
    if jobs.is_dir():
        corpus = sorted(p for p in jobs.rglob("*") if p.suffix in (".md", ".txt", ".html"))
        out.extend((str(p), p.read_text(encoding="utf-8", errors="replace")) for p in corpus[::4])
    return out


def test_line_filter_finds_what_matching_every_line_finds(engine):
    """The filter is only a shortcut: matching every token of every line gives the same findings."""
    full = Engine(_EveryLine(engine.index))  # type: ignore[arg-type]
    texts = _texts()
    assert len(texts) > 80
    for name, text in texts:
        fast = engine.lint(text, name).findings
        slow = full.lint(text, name).findings
        assert fast == slow, name


def test_only_lines_with_an_entry_s_words_are_candidates(engine):
    index = engine.index
    assert index.line_entries("we ship software every week.") == set()
    assert "jargon-ninja" in index.line_entries("we want coding ninjas")
    # a word spaCy splits inside a run of letters still counts ("cannot" -> "can" + "not")
    assert index.specials["cannot"] == ("can", "not")


def test_cache_is_written_then_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("IH_CACHE_DIR", str(tmp_path / "cache"))
    first = load_index()
    files = list((tmp_path / "cache").glob("index-*.pickle"))
    assert len(files) == 1 and first.digest in files[0].name
    again = load_index()
    assert again.digest == first.digest
    assert again is not first and again.entry_ids == first.entry_ids


def test_a_changed_word_list_is_rebuilt_not_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("IH_CACHE_DIR", str(tmp_path / "cache"))
    lists = tmp_path / "wordlists"
    shutil.copytree(wordlist_dir(), lists)
    before = load_index(lists)
    assert not [f for f in Engine(before).lint("We need a zzyzx wizard.", "a.md").findings if f.match]
    jargon = lists / "jargon.yml"
    text = jargon.read_text(encoding="utf-8")
    marker = "  terms:\n"
    first_terms = text.index(marker) + len(marker)
    jargon.write_text(text[:first_terms] + "  - zzyzx wizard\n" + text[first_terms:], encoding="utf-8")
    os.utime(jargon, ns=(1, 1))  # a different modification time, whatever the clock says
    after = load_index(lists)
    assert after.digest != before.digest
    hits = [f.match for f in Engine(after).lint("We need a zzyzx wizard.", "a.md").findings if f.match]
    assert "zzyzx wizard" in hits


def test_no_cache_when_disabled(tmp_path, monkeypatch):
    monkeypatch.setenv("IH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("IH_NO_CACHE", "1")
    assert cache_dir() is None
    load_index()
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_or_corrupt_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("IH_CACHE_DIR", str(blocker / "cache"))
    assert load_index().entry_ids  # could not write: still works
    monkeypatch.setenv("IH_CACHE_DIR", str(tmp_path / "cache"))
    good = load_index()
    path = next((tmp_path / "cache").glob("index-*.pickle"))
    path.write_bytes(b"garbage")
    rebuilt = load_index()
    assert rebuilt.entry_ids == good.entry_ids


def test_default_cache_location_follows_xdg(monkeypatch):
    monkeypatch.delenv("IH_CACHE_DIR", raising=False)
    monkeypatch.delenv("IH_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache_dir() == Path("/somewhere/inclusive-hiring")


@pytest.mark.parametrize(("text", "entry"), [("coding ninjas", "jargon-ninja"),
                                             ("Rockstars", "jargon-rockstar"),
                                             ("Salesmen", "gender-title-salesman-plural")])
def test_inflected_forms_are_anchors(engine, text, entry):
    assert entry in engine.index.line_entries(f"we want {text} here".lower())


def test_common_word_syllables_are_pyphen_s_and_seed_the_reading_grade():
    import random

    import pyphen

    from inclusive_hiring.catalog.index import COMMON_WORDS
    from inclusive_hiring.lint.linter import get_linter as get_engine

    known = get_engine().index.extras["syllables"]
    assert len(known) == COMMON_WORDS and {"the", "experience", "responsibilities"} <= known.keys()
    hyphenator = pyphen.Pyphen(lang="en_US")
    for word in random.Random(3).sample(sorted(known), 3000):
        assert known[word] == len(hyphenator.positions(word)) + 1, word
    from inclusive_hiring import lint_text

    lint_text("We value clear writing. " * 30)
    counter = get_engine().syllables
    assert counter._known == known
    assert all(counter._counts[w] == known[w] for w in ("the", "experience"))
