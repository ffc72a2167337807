"""Hypothesis over the configuration loader: random YAML-ish text and random structures (as a file
and as command-line settings) load or raise DataError with one line, never anything else; what
loads can be shown and resolved.

150 examples per test by default; ``IH_FUZZ_EXAMPLES=10000 python -m pytest tests/config/test_config_fuzz.py``
runs a long campaign."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusive_hiring.config import TOP_KEYS, load_config, render_show, resolve_for
from inclusive_hiring.yamlio import DataError, load_yaml

KEY_WORDS = [*TOP_KEYS, "files", "templates_dir", "competencies", "id", "rule", "terms", "patterns", "message",
             "replacements", "severity", "enabled", "fix", "category", "max_grade", "max_words",
             "max_requirements", "IH801", "IH090", "IH8", "jargon", "readability", "acept", "rulez", "keywords"]
VALUE_WORDS = ["enable", "disable", "error", "warning", "info", "recommended", "strict", "relaxed", "US-CO",
               "EU", "Colorado", "ninja", "e-mail", "email", "internal/**", "*.md", "safe", "x.yml", "../up.yaml",
               "{match}", "", " ", "0", "-1", "12", "1e999", ".nan", ".inf", "true", "no", "~", "null",
               "2024-01-01", "2024-13-45", "0x1F", "0o17", "1_000", "\u00e9t\u00e9", "\u201cquoted\u201d"]
SYNTAX = [": ", ":", "- ", "-", "\n", "\n  ", "\n    ", "[", "]", "{", "}", ", ", "'", '"', "# c", "&a ", "*a",
          "&b ", "*b", "!!int ", "!!str ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ",
          "!!map ", "!!seq ", "!!set ", "!!python/object:os.system ", "!x ", "<<: ", "? ", "| ", "> ", "---\n",
          "...\n", "%YAML 1.1\n", "\t", "\\", "@", "`"]

yamlish = st.lists(st.one_of(st.sampled_from(KEY_WORDS), st.sampled_from(VALUE_WORDS), st.sampled_from(SYNTAX),
                             st.text(max_size=4)), max_size=40).map("".join)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.sampled_from(VALUE_WORDS + KEY_WORDS), st.text(max_size=12))
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(KEY_WORDS), st.text(max_size=6)), inner,
                                            max_size=4)),
    max_leaves=25)
words = st.one_of(st.sampled_from(VALUE_WORDS), st.text(min_size=1, max_size=12))
phrases = st.lists(words, min_size=1, max_size=3).map(" ".join)
selectors = st.sampled_from(["IH801", "IH810", "IH650", "IH090", "IH8", "IH5", "jargon", "readability",
                             "high-reading-grade", "ableist-idiom", "IH999", "nonsense"])
rule_settings = st.one_of(
    st.sampled_from(["enable", "disable", "enabel"]), st.booleans(),
    st.dictionaries(st.sampled_from(["severity", "enabled", "max_grade", "max_words", "max_requirements", "bogus"]),
                    st.one_of(st.sampled_from(["error", "warning", "info", "eror"]), st.booleans(),
                              st.integers(-5, 2000), st.floats()), max_size=3))
term_items = st.one_of(phrases, st.fixed_dictionaries(
    {"terms": st.lists(phrases, min_size=1, max_size=2)},
    optional={"message": st.sampled_from(["“{match}” is jargon.", "{match}", "plain", "{nope}"]),
              "replacements": st.lists(phrases, max_size=2), "severity": st.sampled_from(["error", "info", "x"]),
              "rule": selectors, "category": st.sampled_from(["jargon", "age", "organization", "nope"]),
              "fix": st.sampled_from(["safe", "unsafe", "x"]), "id": st.sampled_from(["org-x", "Bad Id", "org-y"])}))
settings_by_key = {
    "extends": st.one_of(st.sampled_from(["recommended", "strict", "relaxed", "strickt", "x.yml"]),
                         st.lists(st.sampled_from(["recommended", "strict"]), max_size=2)),
    "rules": st.dictionaries(selectors, rule_settings, max_size=4),
    "terms": st.lists(term_items, max_size=3),
    "accept": st.one_of(phrases, st.lists(phrases, max_size=3)),
    "prefer": st.dictionaries(phrases, phrases, max_size=3),
    "jurisdictions": st.one_of(st.sampled_from(["US-CO", "EU", "Colorado", "US-XX"]),
                               st.lists(st.sampled_from(["US-CO", "US-NYC", "CA-ON", "EU", "us-co"]), max_size=3)),
    "exclude": st.lists(st.sampled_from(["drafts/**", "*.md", "[", "**/x"]), max_size=2),
    "kits": st.fixed_dictionaries({}, optional={"templates_dir": words, "competencies": st.dictionaries(
        words, st.dictionaries(st.sampled_from(["keywords", "name"]), st.lists(words, max_size=2)), max_size=2)}),
}
override_items = st.fixed_dictionaries(
    {"files": st.lists(st.sampled_from(["internal/**", "*.md", "jobs/*.md"]), min_size=1, max_size=2)},
    optional={k: settings_by_key[k] for k in ("rules", "terms", "accept", "prefer", "jurisdictions")})
well_formed = st.fixed_dictionaries(
    {}, optional={**settings_by_key, "overrides": st.lists(override_items, max_size=2)})
configs = st.one_of(well_formed, st.dictionaries(st.sampled_from(KEY_WORDS), structures, max_size=5))

FUZZ = settings(max_examples=int(os.environ.get("IH_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / ".git").mkdir()
    return folder


def _yaml_text(value: object) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


def check_loads_or_one_line_error(folder: Path, text: str) -> None:
    path = folder / "fuzz.yml"
    path.write_text(text, encoding="utf-8")
    try:
        config = load_config(path, no_config=True)
    except DataError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
        return
    assert render_show(config).startswith("# ih effective configuration")
    resolve_for(config, folder / "internal" / "a.md")
    assert isinstance(config.index_entries, tuple)


@FUZZ
@given(text=yamlish)
def test_yamlish_text_loads_or_fails_with_one_line(folder, text):
    check_loads_or_one_line_error(folder, text)


@FUZZ
@given(value=configs)
def test_random_structures_as_a_file(folder, value):
    check_loads_or_one_line_error(folder, _yaml_text(value))


@FUZZ
@given(value=configs)
def test_random_structures_as_command_line_settings(folder, value):
    try:
        config = load_config(start=folder, no_config=True, cli_overrides=value)
    except DataError as exc:
        assert "\n" not in str(exc)
        return
    assert render_show(config)


@FUZZ
@given(text=yamlish)
def test_the_yaml_loader_alone(text):
    try:
        data = load_yaml(text, "f.yml")
    except DataError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("f.yml")
        return
    assert data is None or isinstance(data, (dict, list, str, int, float, bool)) or hasattr(data, "isoformat")
