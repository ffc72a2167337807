"""The redaction word lists load, say where they come from, and fail with file:line."""

from __future__ import annotations

import pytest

from inclusive_hiring.redact.lexicon import lexicon_dir, load_lexicon
from inclusive_hiring.yamlio import DataError


def test_shipped_lists_load_and_have_sources():
    lexicon = load_lexicon(lexicon_dir())
    assert "Mrs" in lexicon.words("honorifics.terms")
    assert "Nigerian" in lexicon.words("nationalities.demonyms")
    assert any(g.description == "professional engineering society" for g in lexicon.named_groups)
    for path in sorted(lexicon_dir().glob("*.yml")):
        assert "\nsource:" in "\n" + path.read_text(encoding="utf-8"), path


def test_malformed_list_is_located(tmp_path):
    (tmp_path / "honorifics.yml").write_text("source: test\nterms:\n  - Mr\n  - 12\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"honorifics\.yml:4: 'terms': each entry"):
        load_lexicon(tmp_path)


def test_missing_source_and_bad_pattern(tmp_path):
    (tmp_path / "a.yml").write_text("terms: [x]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"a\.yml:1: needs a 'source:'"):
        load_lexicon(tmp_path)
    (tmp_path / "a.yml").write_text("source: s\nnamed:\n  - pattern: '(unclosed'\n    description: d\n",
                                    encoding="utf-8")
    with pytest.raises(DataError, match=r"a\.yml:3: bad pattern"):
        load_lexicon(tmp_path)
