"""The word lists as data: schema, ids, sources, no fix loops, docs in sync, registry stable."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from pathlib import Path

import pytest

from inclusive_hiring.catalog import CATEGORIES, load_catalog, wordlist_dir
from inclusive_hiring.ruledocs import render_rules_markdown
from inclusive_hiring.yamlio import DataError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_at_least_400_entries_across_families(catalog):
    assert len(catalog.entries) >= 400
    families = {e.category for e in catalog.entries.values()}
    assert len(families) >= 14


def test_every_category_has_rules(catalog):
    assert {r.category for r in catalog.rules.values()} == set(CATEGORIES)


def test_every_entry_has_source_rationale_and_message(catalog):
    for entry in catalog.entries.values():
        assert entry.source.strip() and entry.rationale.strip() and entry.message.strip(), entry.id


def test_rule_names_name_the_pattern_not_the_advice(catalog):
    bad = re.compile(r"^(avoid|do-not|use|prefer|consider)-")
    assert not [r.name for r in catalog.rules.values() if bad.match(r.name)]


def test_no_term_in_two_entries(catalog, engine):
    """Within one kind of document; a question rule may share a term with a posting rule (in a
    question file the question rule wins the overlap)."""
    seen: dict[tuple[str, ...], str] = {}
    clashes = []
    for entry in catalog.entries.values():
        for term in entry.terms:
            key = (entry.kind, *(t.lemma_ for t in engine.matchers.pipeline.make(term) if not t.is_space))
            if entry.exact_case:
                key = (entry.kind, "=", *tuple(term.split()))
            if key in seen and seen[key] != entry.id:
                clashes.append((term, seen[key], entry.id))
            seen[key] = entry.id
    assert not clashes, clashes[:10]


def test_no_replacement_is_itself_flagged(catalog, lint):
    """A fix must never introduce a new finding of the same rule (no fix loops)."""
    loops = []
    for entry in catalog.entries.values():
        for replacement in entry.replacements:
            hits = [f for f in lint(replacement, "r.txt").findings
                    if f.scope == "span" and f.rule_id == entry.rule_id]
            if hits:
                loops.append((entry.id, replacement, hits[0].match))
    assert not loops, loops[:10]


def test_safe_fixes_have_exactly_one_replacement(catalog):
    for entry in catalog.entries.values():
        if entry.fix_safe:
            assert len(entry.replacements) == 1, entry.id


def test_rule_examples_fire_and_instead_is_clean(catalog, lint, engine):
    from inclusive_hiring.config import load_config

    for rule in catalog.rules.values():
        if rule.example_config:  # rules that run only when configured, under that configuration
            config = load_config(no_config=True, cli_overrides=rule.example_config)
            run = functools.partial(engine.lint, kind=rule.kind, config=config)
        elif rule.scope == "span":
            run = functools.partial(lint, kind=rule.kind)
        else:
            continue
        fired = {f.rule_id for f in run(rule.example, "e.txt").findings}
        assert rule.id in fired, f"{rule.id} example does not fire: {rule.example!r}"
        clean = {f.rule_id for f in run(rule.instead, "e.txt").findings}
        assert rule.id not in clean, f"{rule.id} 'instead' text fires: {rule.instead!r}"


def test_rules_docs_are_up_to_date(catalog):
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(catalog), (
        "docs/rules.md is stale: run python scripts/gen_rule_docs.py")


def test_every_rule_has_a_docs_section(catalog):
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in catalog.rules.values():
        assert f"### {rule.id} {rule.name}" in text
        assert rule.source


def test_registry_snapshot():
    """Rule ids never disappear or change meaning; a deliberate change is a visible diff."""
    snapshot = (ROOT / "tests" / "data" / "rule_registry.txt").read_text(encoding="utf-8")
    committed = {}
    for line in snapshot.splitlines():
        if line and not line.startswith("#"):
            rule_id, name, category, severity = line.split("\t")
            committed[rule_id] = (name, category, severity)
    current = {r.id: (r.name, r.category, r.severity) for r in load_catalog().rules.values()}
    missing = sorted(set(committed) - set(current))
    changed = sorted(k for k in committed if k in current and committed[k] != current[k])
    unrecorded = sorted(set(current) - set(committed))
    assert not missing, f"rule ids disappeared: {missing}"
    assert not changed, f"rules changed name, category or severity: {changed}"
    assert not unrecorded, f"new rules not in tests/data/rule_registry.txt: {unrecorded}"


def _write(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "wl"
    folder.mkdir()
    (folder / "age.yml").write_text(body, encoding="utf-8")
    return folder


def test_loader_reports_file_line_and_key(tmp_path):
    folder = _write(tmp_path, "category: age\nrules:\n- id: IH201\n  nmae: x\n")
    with pytest.raises(DataError) as err:
        load_catalog(folder)
    message = str(err.value)
    assert "age.yml:4" in message and "nmae" in message and "name" in message


def test_loader_reports_malformed_yaml_with_line(tmp_path):
    folder = _write(tmp_path, "category: age\nrules: [\n  - id: IH201\n")
    with pytest.raises(DataError) as err:
        load_catalog(folder)
    assert re.search(r"age\.yml:\d+: invalid YAML", str(err.value))


def test_shipped_wordlists_are_found():
    assert (wordlist_dir() / "age.yml").is_file()


def test_entries_grouped_by_rule_exist(catalog):
    per_rule = defaultdict(int)
    for entry in catalog.entries.values():
        per_rule[entry.rule_id] += 1
    span_rules = [r.id for r in catalog.rules.values() if r.scope == "span"]
    # IH702 and IH703 find figures and ranges in code (rules/pay_transparency.py, posting_law.py);
    # the explicit-preference rules match frames over wordlists/frames/ (rules/preferences.py)
    framed = {r.id for r in catalog.rules.values() if r.category == "explicit-preference"}
    assert all(per_rule[r] > 0 for r in span_rules if r not in ("IH702", "IH703", *framed))
