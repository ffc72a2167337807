"""Shortcuts of the lint pipeline (issue 14, the speed floor, second round) give what the plain
computation gives: the enabled rules and skipped entries remembered per configuration, the
year-count scan of IH604 without its lookbehind, and IH650's lead-in test only on lines with a
colon."""

from __future__ import annotations

import random
import re
from pathlib import Path

from conftest import FIXTURES
from inclusive_hiring.config import ConfigResolver


def _random_texts(pieces: list[str], count: int, seed: int, longest: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "docs").glob("*"))]


def test_year_counts_are_the_lookbehind_regex_matches():
    from inclusive_hiring.rules.technology_age import _YEARS, YEARS_BEFORE, YEARS_BODY

    plain = re.compile(f"(?<!{YEARS_BEFORE}){YEARS_BODY}", re.I)
    pieces = ["1", "12", "5", "100", ".", ",", "-", "–", " to ", " ", "years", "Years", "yrs", "YR", "year",
              "+", "x", "\n", "é", "١٢", "yearsx", " of Kubernetes"]
    texts = _random_texts(pieces, 6000, 21, longest=14) + _fixture_texts()
    matched = 0
    for text in texts:
        expected = [(m.span(), m.group(1)) for m in plain.finditer(text)]
        assert [(m.span(), m.group(1)) for m in _YEARS.finditer(text)] == expected, text
        found = _YEARS.search(text)
        first = plain.search(text)
        assert (found.span() if found else None) == (first.span() if first else None), text
        matched += bool(expected)
    assert matched > 500


def test_a_lead_in_to_alternatives_always_has_a_colon():
    from inclusive_hiring.rules.requirements import _ALTERNATIVES

    pieces = ["one of", "any of", "either", "at least one", "one or more of", " the following", ":", " ", "\t",
              "x", "-", "**", "One Of", "\n", "é"]
    matched = 0
    for text in _random_texts(pieces, 6000, 22, longest=8) + [line for t in _fixture_texts() for line in t.split("\n")]:
        if _ALTERNATIVES.search(text) is not None:
            matched += 1
            assert ":" in text, text
    assert matched > 50


def _config(tmp_path: Path, body: str, name: str):  # type: ignore[no-untyped-def]
    folder = tmp_path / name
    folder.mkdir()
    (folder / ".ih.yaml").write_text(body, encoding="utf-8")
    return ConfigResolver().for_file(folder / "job.md")


def test_enabled_rules_and_skipped_entries_are_what_each_configuration_gives(tmp_path: Path):
    from inclusive_hiring.lint.linter import Linter, get_linter

    shared = get_linter()
    linter = Linter(shared.index)  # a linter of its own: its memo starts empty
    configs = [_config(tmp_path, "rules:\n  IH110: disable\n  IH650: disable\n", "a"),
               _config(tmp_path, "rules:\n  IH510: disable\n", "b"),
               _config(tmp_path, "accept: [Acme Zebra]\n", "c")]
    sample = (FIXTURES / "docs" / "02-sales.md").read_text(encoding="utf-8")
    for _round in range(2):  # the second round reads the memo
        for config in configs:
            enabled = linter._enabled_rules(config)
            assert enabled == frozenset(r for r in linter.index.rules if config.is_enabled(r))
            assert linter._skipped_entries(config, enabled) == linter._entries_to_skip(config, enabled)
            ids = {f.rule_id for f in linter.lint(sample, "job.md", config=config).findings}
            assert not ids - enabled
    assert linter._enabled_rules(configs[0]) != linter._enabled_rules(configs[1])
    first = {f.rule_id for f in linter.lint(sample, "job.md", config=configs[0]).findings}
    assert "IH510" in first and "IH110" not in first
    assert {"IH110", "IH510"} <= {f.rule_id for f in linter.lint(sample, "job.md", config=configs[2]).findings}
    # The same findings as the shared linter's.
    for config in configs:
        mine = [f.to_dict() for f in linter.lint(sample, "job.md", config=config).findings]
        assert mine == [f.to_dict() for f in shared.lint(sample, "job.md", config=config).findings]


def test_the_line_layout_is_each_lines_own_reading():
    from inclusive_hiring.text.headings import heading_text
    from inclusive_hiring.text.markup import prepare

    pieces = ["- ", "* ", "1. ", "a) ", "# ", "## ", "Requirements", ":", "**", "__", " ", "\t", "\n", "x",
              "You will need", "One of the following", "?", ".", "<li>", "é"]
    texts = _random_texts(pieces, 2000, 23, longest=20) + _fixture_texts()
    items = headings = 0
    for number, text in enumerate(texts):
        prepared = prepare(text, "job.md" if number % 2 else "job.txt")
        expected = []
        for line in text.split("\n"):
            is_item = prepared.is_list_item(line)
            expected.append((line, is_item, heading_text(line, is_item)))
        assert prepared.line_layout == expected, text
        items += sum(is_item for _, is_item, _ in expected)
        headings += sum(title is not None for _, _, title in expected)
    assert items > 500 and headings > 200


def test_the_first_currency_is_the_currency_regex_match():
    from inclusive_hiring.rules.pay_transparency import _CURRENCY, first_currency

    pieces = ["$", "£", "€", "₹", "₱", "USD", "usd", "KSh", "Rs", "Rs.", "Tk.", "KES", "PHP", "5", "40,000", " ",
              "x", ".", "\n", "é", "_", "-", "EUR1", "GBP 2"]
    texts = _random_texts(pieces, 8000, 24, longest=10) + _fixture_texts()
    kinds = set()
    for text in texts:
        expected = _CURRENCY.search(text)
        found = first_currency(text)
        assert (found.span() if found else None) == (expected.span() if expected else None), text
        if expected is not None:
            assert found is not None and found.group() == expected.group()
            kinds.add(expected.group()[0] in "$£€₹₱")
    assert kinds == {True, False}


def test_markdown_code_and_links_are_masked_as_when_every_regex_runs(monkeypatch):
    from inclusive_hiring.text import markup

    pieces = ["```", "~~~", "`", "``", "](", "[x]:", "]", "(", ")", "http://a.b", " ", "\n", "   ", "x", "word",
              "# ", "*", "_", "é", '"t"', "[link]"]
    texts = _random_texts(pieces, 3000, 25, longest=25) + _fixture_texts()
    guarded = [markup.mask(text, "markdown") for text in texts]
    monkeypatch.setattr(markup, "_MARKDOWN_SPANS", tuple((rx, ("",)) for rx, _ in markup._MARKDOWN_SPANS))
    changed = 0
    for text, fast in zip(texts, guarded, strict=True):
        assert markup.mask(text, "markdown") == fast, text
        changed += fast != text
    assert changed > 1000
