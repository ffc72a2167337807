"""The frame data: it loads, its derived list is current, its sources are cited."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_not_typos_is_current():
    spec = importlib.util.spec_from_file_location("gen_not_typos", ROOT / "scripts" / "gen_not_typos.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    old, new = module.current()
    assert old == new, "wordlists/frames/traits.yml not_typos is stale: run python scripts/gen_not_typos.py"


def test_lexicon_has_the_issue_words_and_several_hundred_jobs():
    from inclusive_hiring.frames.lexicon import load_lexicon

    lex = load_lexicon()
    for word in ("male", "males", "gents", "guy", "ladies", "gal", "women", "boys", "youthful", "fresher",
                 "hindu", "muslim", "sikh", "jewish", "locals", "immigrants", "foreigners", "transgender",
                 "straight", "pregnant", "married", "attractive"):
        assert any(p.trait for p in lex.phrases.get(word, ())), word
    jobs = {p.tokens for items in lex.phrases.values() for p in items if "JOB" in p.tags}
    assert len(jobs) > 600
    for job in ("cook", "maid", "driver", "nanny", "cashier", "waiter", "waitress", "receptionist", "caregiver"):
        assert (job,) in jobs, job
    assert ("security", "guard") in jobs


def test_every_family_has_a_rule_and_a_case_file():
    from inclusive_hiring.catalog.wordlists import default_catalog
    from inclusive_hiring.frames.lexicon import load_lexicon

    rules = default_catalog().rules
    for family, meta in load_lexicon().families.items():
        assert rules[meta["rule"]].category == "explicit-preference", family
        assert (ROOT / "tests" / "fixtures" / "rules" / f"{meta['rule']}.yml").is_file()


def test_occupations_cite_their_classification():
    text = (ROOT / "wordlists" / "frames" / "occupations.yml").read_text(encoding="utf-8")
    assert "SOC 2020" in text and "SOC 2018" in text
