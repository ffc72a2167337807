"""docs/kits.md: its example kit is what ih writes today, and the README points to it."""

from __future__ import annotations

import importlib.util

from kit_helpers import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("gen_kit_docs", ROOT / "scripts" / "gen_kit_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_kit_in_the_docs_is_current():
    gen = _generator()
    current = gen.DOC.read_text(encoding="utf-8")
    assert gen.render(current, gen.example_files()) == current, \
        "docs/kits.md is stale: run python scripts/gen_kit_docs.py"


def test_docs_describe_every_spec_field():
    from inclusive_hiring.kits import spec

    text = (ROOT / "docs" / "kits.md").read_text(encoding="utf-8")
    for field in (*spec.REQUIRED, *spec.OPTIONAL, "weight", "repeat_reason", "minutes", "interviewers",
                  "minimum_average", "minimum_rating"):
        assert f"`{field}`" in text, field


def test_readme_links_to_the_kit_docs():
    assert "docs/kits.md" in (ROOT / "README.md").read_text(encoding="utf-8")
