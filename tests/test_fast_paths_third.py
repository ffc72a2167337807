"""Shortcuts of the third speed round (issue 14, the 5x-alex floor) give what the plain
computation gives: configuration discovery remembered per folder, and the frame engine's regular
expressions rebuilt from their cached code."""

from __future__ import annotations

import random
from pathlib import Path

from inclusive_hiring.config import ConfigResolver
from inclusive_hiring.discovery import discover


def _tree(tmp_path: Path) -> list[Path]:
    """Folders with and without .ih.yaml and .git at several depths, and files in them."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / ".ih.yaml").write_text("rules:\n  IH101: off\n", encoding="utf-8")
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    (tmp_path / "repo" / "a" / ".ih.yml").write_text("rules:\n  IH102: off\n", encoding="utf-8")
    (tmp_path / "repo" / "c" / "d").mkdir(parents=True)
    (tmp_path / "other" / "e").mkdir(parents=True)
    (tmp_path / "other" / ".git").mkdir()
    files = []
    for folder in ("repo", "repo/a", "repo/a/b", "repo/c", "repo/c/d", "other", "other/e"):
        for name in ("x.md", "y.txt"):
            path = tmp_path / folder / name
            path.write_text("We want a rockstar.\n", encoding="utf-8")
            files.append(path)
    return files


def test_discovery_remembered_per_folder_finds_what_a_fresh_walk_finds(tmp_path):
    files = _tree(tmp_path)
    rng = random.Random(31)
    order = [rng.choice(files + [f.parent for f in files]) for _ in range(200)]
    seen: dict[Path, Path | None] = {}
    found = {discover(p, seen) for p in order}
    for path in order:
        assert discover(path, seen) == discover(path), path
    assert {tmp_path / "repo" / ".ih.yaml", tmp_path / "repo" / "a" / ".ih.yml", None} <= found


def test_resolver_gives_each_file_what_a_new_resolver_gives(tmp_path):
    files = _tree(tmp_path)
    shared = ConfigResolver()
    for path in files * 3:
        fresh = ConfigResolver()
        assert shared.for_file(path).disabled_rules == fresh.for_file(path).disabled_rules, path
        assert shared.index_entries(path) == fresh.index_entries(path), path
    assert shared.for_file(tmp_path / "repo" / "a" / "b" / "x.md").disabled_rules != \
        shared.for_file(tmp_path / "repo" / "c" / "x.md").disabled_rules


def _frame_regex_texts() -> list[str]:
    from inclusive_hiring.frames.analysis import frame_engine

    return [compiled.after_token.pattern for _frame, compiled in frame_engine().regexes]


def test_code_of_a_pattern_builds_what_re_compile_builds():
    """``re.Pattern`` equality compares the pattern, the flags and the engine code."""
    import re

    from inclusive_hiring.catalog.regexes import code_of, from_code

    patterns = [*_frame_regex_texts(), r"(?P<year>\d{4})-(?P<m>\d\d)?", r"(?i)caf[ée]s?\b",
                r"[^\W\d_]+(?:['’][^\W\d_]+)*", r"(?<![\w])(?:only|solely)\s+(?=\w)", "x*"]
    assert len(patterns) > 90
    for pattern in patterns:
        for flags in (0, re.I | re.M):
            code = code_of(pattern, flags)
            assert code is not None
            rebuilt = from_code(pattern, code)
            plain = re.compile(pattern, flags)
            assert rebuilt == plain, pattern
            assert (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (plain.flags, plain.groups, plain.groupindex)


def test_frame_regexes_from_the_store_match_as_compiled_ones(tmp_path, monkeypatch):
    """The engine built from stored code finds the same spans in random encoded windows."""
    import re

    from inclusive_hiring.catalog.regexes import RegexStore

    monkeypatch.setenv("IH_CACHE_DIR", str(tmp_path))
    patterns = _frame_regex_texts()
    first = RegexStore("frames")
    assert [first.compile(p) for p in patterns] == [re.compile(p) for p in patterns]
    first.save()
    stored = list(tmp_path.glob("regex-*.pickle"))
    assert len(stored) == 1
    second = RegexStore("frames")
    from_store = [second.compile(p) for p in patterns]
    assert not second._new  # every pattern came from the store
    rng = random.Random(33)
    tags = ["DET", "TA", "TN", "JOB", "HIRE", "MUST", "ONLY", "PUNCT", "WORD", "NUM", "CONJ", "AGE", "F:sex"]
    words = ["only", "male", "females", "must", "be", "age", "preferred", "applicants", "need", "not", "apply",
             "a", ","]
    windows = []
    for _ in range(300):
        tokens = "".join(f"\x01{rng.choice(words)}\x02 {' '.join(rng.sample(tags, 2))} \x03"
                         for _ in range(rng.randint(1, 8)))
        windows.append(rng.choice(["\x04", ""]) + tokens + rng.choice(["\x05", ""]))
    matched = 0
    for pattern, compiled in zip(patterns, from_store, strict=True):
        plain = re.compile(pattern)
        for window in windows:
            expected = [m.span() for m in plain.finditer(window)]
            assert [m.span() for m in compiled.finditer(window)] == expected
            matched += bool(expected)
    assert matched > 0


def test_a_damaged_store_is_compiled_again(tmp_path, monkeypatch):
    import pickle
    import re

    from inclusive_hiring.catalog.regexes import RegexStore

    monkeypatch.setenv("IH_CACHE_DIR", str(tmp_path))
    store = RegexStore("test")
    store.compile("ab+c")
    store.compile("x(y)z")
    store.save()
    path = next(tmp_path.glob("regex-*.pickle"))
    entries = pickle.loads(path.read_bytes())
    # swap the two entries' code: each checksum no longer fits its pattern
    (a, b) = sorted(entries)
    entries[a], entries[b] = (entries[b][0], entries[a][1]), (entries[a][0], entries[b][1])
    path.write_bytes(pickle.dumps(entries))
    path.chmod(0o600)
    again = RegexStore("test")
    assert again.compile("ab+c") == re.compile("ab+c") and again.compile("x(y)z") == re.compile("x(y)z")
    assert again._new
    path.write_bytes(b"not a pickle")
    broken = RegexStore("test")
    assert broken.compile("ab+c") == re.compile("ab+c")


def _plain_tokenize(text: str, offset: int = 0):  # type: ignore[no-untyped-def]
    """``frames.tokens.tokenize`` as it was: every clitic tried on every token."""
    from inclusive_hiring.frames.tokens import _CLITICS, _NEGATED_BASES, _TOKEN_RE, Token, fold

    out = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        low = raw.lower() if raw.isascii() else fold(raw)
        start = m.start() + offset
        for clitic in _CLITICS:
            if len(low) > len(clitic) and low.endswith(clitic):
                cut = len(raw) - len(clitic)
                base = low[:cut]
                out.append(Token(start, start + cut, _NEGATED_BASES.get(base, base) if clitic == "n't"
                                 else base, raw[:cut]))
                out.append(Token(start + cut, start + len(raw), clitic, raw[cut:]))
                break
        else:
            out.append(Token(start, start + len(raw), low, raw))
    return out


def _sentence_texts() -> list[str]:
    from conftest import FIXTURES

    rng = random.Random(34)
    pieces = ["women", "Women's", "needn't", "can't", "WON’T", "we're", "male", "female", "-", "only", "  ",
              "Muslim", "young", "aged", "25", "-", "35", "1990s", "ladies", "’s", "'d", "mother", "of", "two",
              "married", "man", ",", ".", "Hindu", "cook", "wanted", "native", "English", "speaker", "s",
              "gay-friendly", "non-smoker", "fem ale", "mal e", "Ｍａｌｅ", "𝐆𝐄𝐍𝐃𝐄𝐑", "'", "n't", "over", "40"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    for path in sorted((FIXTURES / "docs").glob("*")):
        texts.extend(line for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
    return texts


def test_tokens_skip_the_clitic_test_only_where_no_clitic_can_end_them():
    from inclusive_hiring.frames.tokens import tokenize

    split = 0
    for text in _sentence_texts():
        expected = _plain_tokenize(text, 7)
        assert tokenize(text, 7) == expected, text
        split += sum(t.text in ("'s", "n't", "'re", "'d") for t in expected)
    assert split > 500


def test_tagging_skips_only_phrases_that_cannot_match():
    """``tag`` with its quick test of a phrase's second word tags as with ``_match_at`` alone."""
    from inclusive_hiring.frames import tagging
    from inclusive_hiring.frames.analysis import frame_engine
    from inclusive_hiring.frames.tokens import tokenize

    lexicon = frame_engine().lexicon
    texts = _sentence_texts()
    # The plain computation: every phrase of a token's key goes through _match_at (the quick test
    # only ever says None where _match_at says None: checked here phrase by phrase).
    multi = 0
    for text in texts:
        tokens = tokenize(text)
        keys = [t.text for t in tokens]
        for i in range(len(tokens)):
            for phrase in lexicon.phrases.get(keys[i], ()):
                end = tagging._match_at(tokens, keys, i, phrase)
                if len(phrase.tokens) == 1:
                    assert end == i + 1
                elif i + 1 >= len(tokens) or (keys[i + 1] != phrase.tokens[1]
                                              and tokens[i + 1].text not in tagging._HYPHENS):
                    assert end is None, (text, phrase)
                else:
                    multi += end is not None
    assert multi > 20
    tagged = [(tagging.tag(lexicon, tokens), [sorted(t.tags) for t in tokens])
              for tokens in (tokenize(text) for text in texts)]
    assert sum(bool(traits) for traits, _ in tagged) > 1000


def test_the_index_key_reads_spacys_version_without_importing_it(tmp_path):
    """The cache key has the version spaCy itself reports, and a run whose documents hold no word
    of any entry never imports spaCy, with the findings an in-process run gives."""
    import json
    import os
    import subprocess
    import sys

    import spacy

    from inclusive_hiring import lint_text
    from inclusive_hiring.catalog.index import spacy_version

    assert spacy_version() == spacy.__version__
    clean = "Software engineer\n\nYou will write code in Python and review pull requests.\n"
    flagged = "Software engineer\n\nWe want a coding ninja who is a digital native.\n"
    script = (
        "import json, sys\n"
        "from inclusive_hiring import lint_text\n"
        "clean = lint_text(sys.argv[1], path='a.md')\n"
        "before = 'spacy' in sys.modules\n"
        "flagged = lint_text(sys.argv[2], path='b.md')\n"
        "print(json.dumps([before, 'spacy' in sys.modules, clean.to_dict(), flagged.to_dict()]))\n"
    )
    env = {**os.environ, "IH_CACHE_DIR": str(tmp_path)}
    env.pop("IH_NO_CACHE", None)
    # the first run builds the index (with spaCy) into the empty cache; the second reads it
    subprocess.run([sys.executable, "-c", script, clean, flagged], capture_output=True, check=True, env=env)
    out = subprocess.run([sys.executable, "-c", script, clean, flagged], capture_output=True, text=True,
                         check=True, env=env)
    spacy_before, spacy_after, clean_result, flagged_result = json.loads(out.stdout)
    assert spacy_before is False and spacy_after is True
    assert clean_result == lint_text(clean, path="a.md").to_dict()
    assert flagged_result == lint_text(flagged, path="b.md").to_dict()
    assert any(f["scope"] == "span" for f in flagged_result["findings"])
