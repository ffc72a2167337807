"""Fixes that never lie: over every posting of the shared corpus, ``--unsafe-fixes`` introduces no
new finding, no repeated word and no benefit or claim the posting did not make; the "N more with
--unsafe-fixes" hint is exactly what the unsafe run then fixes. Unit cases for the grammar guards."""

from __future__ import annotations

import re
import shutil
import stat
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inclusive_hiring import lint_text
from inclusive_hiring.api import lint_document, read_text
from inclusive_hiring.catalog.wordlists import default_catalog
from inclusive_hiring.cli import app
from inclusive_hiring.fixes import apply, fix_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_REPEAT = re.compile(r"\b([^\W\d_]+(?:['’][^\W\d_]+)*)[\s,/]+\1\b", re.I)


def repeats(text: str) -> Counter[str]:
    """Words written twice in a row ("you'll you'll"), apostrophes of both kinds alike."""
    return Counter(m.group(1).lower() for m in _REPEAT.finditer(text.replace("’", "'")))


def occurrences(phrase: str, text: str) -> int:
    """How often ``phrase`` is written in ``text`` as whole words ("staff" is not in "staffing")."""
    return len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text))


def advice_only_phrases() -> list[str]:
    """The suggestions of every ``fix: none`` entry: benefits and claims that a fix must never write."""
    entries = default_catalog().entries.values()
    applied = {e.replacements[0].lower() for e in entries if not e.no_fix and e.replacements}
    return sorted({r.lower() for e in entries if e.no_fix for r in e.replacements if len(r) > 3} - applied)


def finding_keys(result) -> Counter[tuple[str, str]]:
    return Counter((f.rule_id, " ".join((f.match or "").split()).casefold()) for f in result.findings)


@pytest.mark.parametrize(("text", "kept"), [
    ("We offer happy hours every Friday.\n", "happy hours"),
    ("If you love code, then you’ll fit right in.\n", "fit right in"),
    ("Join a dynamic, young team of builders.\n", "young team"),
    ("We have a beer fridge and ping pong.\n", "beer fridge"),
    ("We are looking for a Python ninja.\n", "ninja"),
])
def test_meaning_changing_suggestions_are_never_applied(text, kept):
    result = lint_text(text, "x.md")
    assert result.findings, text
    fixed, _ = apply(text, result.findings, unsafe=True)
    assert kept in fixed
    assert not any(p in fixed.lower() for p in ("flexible working hours", "you'll enjoy", "you’ll enjoy", "our team"))


def test_an_unsafe_fix_keeps_the_apostrophes_of_the_text():
    text = "Here’s a stay-at-home mom friendly role; we’re hiring a salesman’s assistant.\n"
    result = lint_text(text, "x.md")
    fixed, _ = apply(text, result.findings, unsafe=True)
    assert "'" not in fixed


def _reads(text: str, match: str, replacement: str) -> bool:
    from inclusive_hiring.fixes import _reads_well

    start = text.index(match)
    return _reads_well(text, start, replacement, start + len(match))


def test_an_unsafe_fix_never_repeats_a_word_or_a_determiner():
    assert not _reads("then you’ll fit right in", "fit right in", "you'll enjoy working here")
    assert not _reads("then you'll fit right in", "fit right in", "you’ll enjoy working here")
    assert not _reads("we want people people", "people", "people")
    assert not _reads("HOST/HOSTESS, BARTENDER", "HOSTESS", "HOST")
    assert not _reads("a dynamic, young team", "young team", "our team")
    assert not _reads("Join the young team", "young team", "our team")
    assert _reads("Join young team", "young team", "our team")
    assert _reads("- young team", "young team", "our team")


def _postings() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not present at {CORPUS}")
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt", ".html") and p.is_file())


@pytest.mark.slow
def test_unsafe_fixes_over_the_corpus_tell_no_lies():
    phrases = advice_only_phrases()
    assert "flexible working hours" in phrases
    checked = fixed_files = 0
    for path in _postings():
        text, _ = read_text(str(path))
        if text is None:
            continue
        before = lint_document(text, str(path))
        if before.error:
            continue
        checked += 1
        fixed = fix_document(text, before.findings, unsafe=True,
                             relint=lambda t, p=str(path): lint_document(t, p))
        if not fixed.applied:
            continue
        fixed_files += 1
        after = lint_document(fixed.raw, str(path))
        new = finding_keys(after) - finding_keys(before)
        assert not new, f"{path}: new findings {sorted(new)}"
        doubled = repeats(fixed.raw) - repeats(text)
        assert not doubled, f"{path}: repeated words {sorted(doubled)}"
        lower_before, lower_after = text.lower(), fixed.raw.lower()
        claims = [p for p in phrases if occurrences(p, lower_after) > occurrences(p, lower_before)]
        assert not claims, f"{path}: new benefit or claim {claims}"
    assert checked > 100 and fixed_files > 10


@pytest.mark.slow
def test_the_unsafe_fixes_hint_is_exact(tmp_path):
    sources = _postings()
    picked = []
    for path in sources:
        text, _ = read_text(str(path))
        if text is None:
            continue
        result = lint_document(text, str(path))
        if any(f.fix is None and f.replacements for f in result.findings):
            picked.append(path)
        if len(picked) == 40:
            break
    for i, path in enumerate(picked):
        target = tmp_path / f"{i:02d}{path.suffix}"
        shutil.copyfile(path, target)
        target.chmod(target.stat().st_mode | stat.S_IWUSR)
    runner = CliRunner()
    safe = runner.invoke(app, ["lint", str(tmp_path), "--fix", "-j", "1", "-f", "json", "--fail-on", "never"])
    hint = re.search(r"; (\d+) more with --unsafe-fixes", safe.stderr)
    unsafe = runner.invoke(app, ["lint", str(tmp_path), "--fix", "--unsafe-fixes", "-j", "1", "-f", "json",
                                 "--fail-on", "never"])
    done = re.search(r"fixed (\d+) finding", unsafe.stderr)
    assert hint and done, (safe.stderr, unsafe.stderr)
    assert int(hint.group(1)) == int(done.group(1)) > 0
