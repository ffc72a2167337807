"""Configuration: discovery, presets, every key, precedence, overrides, strict errors, show, init,
and every example in docs/configuration.md."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from inclusive_hiring.catalog.wordlists import Catalog, default_catalog
from inclusive_hiring.config import (
    STARTER_CONFIG,
    ConfigResolver,
    discover,
    glob_match,
    load_config,
    render_show,
    resolve_for,
    write_starter,
)
from inclusive_hiring.results import Finding
from inclusive_hiring.yamlio import DataError, load_yaml

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "configuration.md"


@pytest.fixture(scope="module")
def rules():
    return default_catalog().rules


@pytest.fixture
def repo(tmp_path):
    """A repository root (it holds .git), so discovery never leaves the test folder."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def write(folder: Path, text: str, name: str = ".ih.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(folder: Path, text: str, **kwargs):
    write(folder, text)
    return load_config(start=folder, **kwargs)


def error_of(folder: Path, text: str, name: str = ".ih.yaml", **kwargs) -> str:
    write(folder, text, name)
    with pytest.raises(DataError) as err:
        load_config(start=folder, **kwargs)
    message = str(err.value)
    assert "\n" not in message, "configuration errors are one line"
    return message


def span_finding(rule_id: str, start: int, end: int, text: str, severity: str = "warning") -> Finding:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(path="job.md", rule_id=rule_id, rule_name="x", category="c", severity=severity,
                   scope="span", message="m", rationale="", source="", line=line, column=column,
                   end_line=line, end_column=column + end - start, match=text[start:end], start=start,
                   end=end)


# --------------------------------------------------------------------------- defaults and presets

def test_no_config_means_package_defaults(repo, rules):
    config = load_config(start=repo)
    assert config.files == ()
    assert all(s.enabled and s.severity_override is None for s in config.rules.values())
    assert {r: s.options for r, s in config.rules.items()} == {r: rule.options for r, rule in rules.items()}
    assert config.rules["IH810"].severity == rules["IH810"].severity
    assert config.accept == () and config.prefer == {} and config.entries == () and config.jurisdictions == ()
    assert config.origin("rules.IH801.max_grade") == "package default"


def test_recommended_preset_equals_package_defaults(repo, rules):
    config = load(repo, "extends: recommended\n")
    defaults = load_config(start=repo, no_config=True)
    assert config.rules == defaults.rules
    assert config.origin("rules.IH801.max_grade").startswith("preset recommended:")


def test_strict_preset_raises_every_info_posting_rule_and_tightens_thresholds(repo, rules):
    config = load(repo, "extends: strict\n")
    info = [r.id for r in rules.values() if r.severity == "info" and r.kind == "posting"]
    assert info, "the catalog has info-level rules"
    assert [r for r in info if config.rules[r].severity != "warning"] == []
    assert all(s.enabled for s in config.rules.values())
    for rule_id, option in (("IH801", "max_grade"), ("IH802", "max_mean_sentence_words"),
                            ("IH810", "max_words"), ("IH650", "max_requirements")):
        assert config.rules[rule_id].options[option] < rules[rule_id].options[option]
    assert config.rules["IH811"].options["min_words"] > rules["IH811"].options["min_words"]
    assert config.origin("rules.IH301.severity").startswith("preset strict:")


def test_relaxed_preset_turns_off_style_checks_and_unused_suppression(repo, rules):
    config = load(repo, "extends: relaxed\n")
    off = {r for r, s in config.rules.items() if not s.enabled}
    assert {"IH002", "IH301", "IH801", "IH802", "IH810", "IH811", "IH812"} <= off
    assert not off & {"IH110", "IH201", "IH401", "IH701", "IH720"}
    assert config.rules["IH650"].options["max_requirements"] > rules["IH650"].options["max_requirements"]


# --------------------------------------------------------------------------- discovery

def test_discovery_walks_up_and_stops_at_the_repository_root(tmp_path):
    outer = tmp_path / "outer"
    write(outer, "accept: [outside]\n")
    repo = outer / "repo"
    (repo / ".git").mkdir(parents=True)
    deep = repo / "jobs" / "2025"
    deep.mkdir(parents=True)
    assert discover(deep) is None, "the .ih.yaml above the repository root is not used"
    project = write(repo, "accept: [inside]\n", ".ih.yml")
    assert discover(deep) == project
    assert discover(deep / "job.md") == project
    nearer = write(repo / "jobs", "accept: [nearer]\n")
    assert discover(deep) == nearer
    assert load_config(start=deep).accept == ("nearer",)


def test_both_config_names_in_one_folder_is_an_error(repo):
    write(repo, "{}\n", ".ih.yml")
    message = error_of(repo, "{}\n")
    assert ".ih.yml" in message and "keep one" in message


def test_no_config_ignores_the_discovered_file_but_not_config(repo, tmp_path_factory):
    write(repo, "accept: [project]\n")
    other = write(tmp_path_factory.mktemp("ci"), "accept: [ci]\n", "ci.yml")
    assert load_config(start=repo, no_config=True).accept == ()
    assert load_config(other, start=repo, no_config=True).accept == ("ci",)
    assert load_config(other, start=repo).accept == ("project", "ci")


def test_resolver_uses_the_nearest_config_per_file(repo):
    write(repo, "accept: [root]\n")
    write(repo / "team", "accept: [team]\n")
    resolver = ConfigResolver()
    assert resolver.for_file(repo / "a.md").accept == ("root",)
    assert resolver.for_file(repo / "team" / "b.md").accept == ("team",)
    assert ConfigResolver(no_config=True).for_file(repo / "team" / "b.md").accept == ()


# --------------------------------------------------------------------------- every key

def test_rules_values_enable_disable_bool_and_mapping(repo):
    config = load(repo, "rules:\n  IH510: disable\n  IH511: false\n  IH512: {severity: error}\n"
                        "  IH801: {max_grade: 9, enabled: false}\n  IH802: enable\n")
    assert not config.rules["IH510"].enabled and not config.rules["IH511"].enabled
    assert config.rules["IH512"].enabled and config.rules["IH512"].severity_override == "error"
    assert not config.rules["IH801"].enabled and config.rules["IH801"].options["max_grade"] == 9
    assert config.rules["IH802"].enabled
    assert config.origin("rules.IH801.max_grade").endswith(".ih.yaml:5")


@pytest.mark.parametrize(("selector", "expected"), [
    ("IH510", {"IH510"}),
    ("ih510", {"IH510"}),
    ("jargon-job-title", {"IH510"}),
    ("IH51", {"IH510", "IH511", "IH512", "IH513", "IH514", "IH515", "IH516"}),
    ("jargon", {"IH510", "IH511", "IH512", "IH513", "IH514", "IH515", "IH516"}),
    ("culture-fit", {"IH530"}),
    ("category:culture-fit", {"IH530", "IH531", "IH532"}),
])
def test_rule_selectors(repo, rules, selector, expected):
    config = load(repo, f"rules:\n  {selector}: disable\n")
    off = {r for r, s in config.rules.items() if not s.enabled}
    assert off == expected


def test_selector_all_prefix_and_category_group(repo, rules):
    assert not any(s.enabled for s in load(repo, "rules: {all: disable}\n").rules.values())
    off = {r for r, s in load(repo, "rules: {IH: disable}\n").rules.items() if not s.enabled}
    assert off == set(rules)
    groups = {r.category.split(":")[0] for r in rules.values() if ":" in r.category}
    for group in groups:
        off = {r for r, s in load(repo, f"rules: {{{group}: disable}}\n").rules.items() if not s.enabled}
        assert off == {r.id for r in rules.values() if r.category.startswith(group + ":")}


def test_specific_selectors_win_within_a_file_whatever_the_order(repo):
    for text in ("rules:\n  jargon: disable\n  IH510: enable\n", "rules:\n  IH510: enable\n  jargon: disable\n"):
        config = load(repo, text)
        assert config.rules["IH510"].enabled and not config.rules["IH511"].enabled


def test_category_option_applies_to_the_rules_that_have_it(repo):
    config = load(repo, "rules:\n  length: {min_words: 100}\n")
    assert config.rules["IH811"].options["min_words"] == 100
    assert config.rules["IH812"].options["min_words"] == 100
    assert "min_words" not in config.rules["IH810"].options


def test_terms_shorthand_full_entry_and_other_rules(repo, rules):
    config = load(repo, """\
terms:
  - headcount
  - id: org-tiger
    terms: [tiger team]
    message: "“{match}” is internal jargon."
    replacements: [launch team]
    severity: info
    fix: safe
  - rule: jargon-job-title
    terms: [code wizard]
  - category: gendered-language
    rule: IH114
    terms: [manpower planning]
    case: exact
""")
    by_id = {e.id: e for e in config.terms}
    assert set(by_id) == {"org-headcount", "org-tiger", "org-code-wizard", "org-manpower-planning"}
    head = by_id["org-headcount"]
    assert (head.rule_id, head.category, head.severity, head.terms) == ("IH090", "organization", "warning",
                                                                         ("headcount",))
    assert "{match}" in head.message and ".ih.yaml, line 2" in head.source
    tiger = by_id["org-tiger"]
    assert tiger.fix_safe and tiger.replacements == ("launch team",) and tiger.severity == "info"
    assert by_id["org-code-wizard"].rule_id == "IH510"
    assert by_id["org-code-wizard"].severity == rules["IH510"].severity
    assert by_id["org-manpower-planning"].exact_case
    assert config.origin("terms.org-tiger").endswith(".ih.yaml:3")


def test_terms_category_with_one_word_list_rule(repo, rules):
    single = [c for c in {r.category for r in rules.values()}
              if [r.scope for r in rules.values() if r.category == c].count("span") == 1]
    assert single
    category = sorted(single)[0]
    config = load(repo, f"terms:\n  - category: {category}\n    terms: [zorblax]\n")
    (entry,) = config.terms
    assert entry.category == category


def test_accept_prefer_and_house_style_entries(repo):
    config = load(repo, "accept:\n  - Coding Ninja Academy\n  - '  spaced   out  '\n"
                        "prefer:\n  e-mail: email\n  he or she: they\n")
    assert config.accept == ("Coding Ninja Academy", "spaced out")
    assert config.prefer == {"e-mail": "email", "he or she": "they"}
    entries = {e.terms[0]: e for e in config.prefer_entries}
    mail = entries["e-mail"]
    assert mail.rule_id == "IH091" and mail.fix_safe and mail.replacements == ("email",)
    assert mail.exact_case and set(mail.terms) == {"e-mail", "E-mail", "E-MAIL"}
    assert config.entries == config.terms + config.prefer_entries
    assert config.origin("prefer.e-mail").endswith(".ih.yaml:5")


def test_jurisdictions_are_validated_and_normalised(repo):
    config = load(repo, "jurisdictions: [us-co, US-NYC, eu]\n")
    assert config.jurisdictions == ("US-CO", "US-NYC", "EU")
    assert [j.name for j in config.jurisdiction_data()] == ["Colorado", "New York City", "European Union"]
    assert load(repo, "jurisdictions: CA-ON\n").jurisdictions == ("CA-ON",)


def test_exclude_globs_are_relative_to_the_config_file(repo):
    config = load(repo / "postings", "exclude:\n  - drafts/\n  - '*.draft.md'\n  - 'old/**/*.txt'\n")
    base = repo / "postings"
    assert config.is_excluded(base / "drafts" / "a.md")
    assert config.is_excluded(base / "jobs" / "x.draft.md")
    assert config.is_excluded(base / "old" / "2020" / "q1" / "a.txt")
    assert not config.is_excluded(base / "old" / "a.md")
    assert not config.is_excluded(repo / "drafts" / "a.md"), "outside the config file's folder"


@pytest.mark.parametrize(("pattern", "path", "matches"), [
    ("*.md", "a/b/c.md", True),
    ("jobs/*.md", "jobs/a.md", True),
    ("jobs/*.md", "x/jobs/a.md", False),
    ("jobs/*.md", "jobs/a/b.md", False),
    ("jobs/**/*.md", "jobs/a/b/c.md", True),
    ("jobs/**/*.md", "jobs/c.md", True),
    ("**/archive/**", "a/archive/b.md", True),
    ("drafts", "x/drafts/y.md", True),
    ("/drafts/", "drafts/y.md", True),
    ("job-[0-9].md", "job-7.md", True),
    ("job-[!0-9].md", "job-7.md", False),
    ("?.md", "ab.md", False),
])
def test_glob_semantics(tmp_path, pattern, path, matches):
    assert glob_match(pattern, tmp_path / path, tmp_path) is matches


def test_overrides_apply_to_matching_files_only(repo):
    config = load(repo, """\
rules: {IH750: enable}
overrides:
  - files: ["internal/**"]
    rules: {IH750: disable}
    accept: [internal only]
  - files: ["jobs/denver/*.md"]
    jurisdictions: [US-CO]
    prefer: {e-mail: email}
    terms: [headcount]
""")
    assert config.rules["IH750"].enabled
    internal = resolve_for(config, repo / "internal" / "x" / "a.md")
    assert not internal.rules["IH750"].enabled and internal.accept == ("internal only",)
    assert internal.origin("rules.IH750.enabled").endswith(".ih.yaml:4")
    denver = resolve_for(config, repo / "jobs" / "denver" / "b.md")
    assert denver.jurisdictions == ("US-CO",) and denver.rules["IH750"].enabled
    assert [e.id for e in denver.entries] == ["org-headcount", "house-style-e-mail"]
    assert resolve_for(config, repo / "jobs" / "c.md") is config
    assert resolve_for(config, "<stdin>") is config


def test_kits_pass_through(repo):
    config = load(repo, "kits:\n  templates_dir: ih-templates\n  competencies:\n"
                        "    communication:\n      keywords: [communicate, explain]\n")
    assert config.kits.templates_dir == repo / "ih-templates"
    comp = config.kits.competencies["communication"]
    assert comp["keywords"] == ["communicate", "explain"]
    assert comp.origin == str(repo / ".ih.yaml") and comp.line == 5
    from inclusive_hiring.kits.library import load_library

    library = load_library(config.kits.competencies)
    assert "explain" in library.get("communication").keywords


# --------------------------------------------------------------------------- precedence

def test_precedence_defaults_preset_project_config_command_line(repo, tmp_path_factory, rules):
    write(repo, "extends: strict\nrules:\n  IH801: {max_grade: 11}\n  IH810: {max_words: 800}\n"
                "accept: [project]\njurisdictions: [US-CO]\n")
    ci = write(tmp_path_factory.mktemp("ci"), "rules:\n  IH810: {max_words: 900}\njurisdictions: [US-WA]\n",
               "ci.yml")
    config = load_config(ci, start=repo, cli_overrides={"rules": {"IH810": {"max_words": 1000}},
                                                         "accept": ["flag"]})
    assert config.rules["IH802"].options["max_mean_sentence_words"] == 15.0  # preset
    assert config.rules["IH801"].options["max_grade"] == 11  # project over preset
    assert config.rules["IH810"].options["max_words"] == 1000  # command line over --config
    assert config.jurisdictions == ("US-WA",)  # --config over project
    assert config.accept == ("project", "flag")
    assert config.rules["IH133"].severity == "warning"
    assert config.origin("rules.IH802.max_mean_sentence_words").startswith("preset strict:")
    assert config.origin("rules.IH801.max_grade") == f"{repo / '.ih.yaml'}:3"
    assert config.origin("jurisdictions") == f"--config {ci}:3"
    assert config.origin("rules.IH810.max_words") == "command line"
    assert config.origin("rules.IH101.min_balance") == "package default"
    assert config.sources == ("package default", "preset recommended", "preset strict", str(repo / ".ih.yaml"),
                              f"--config {ci}", "command line")
    assert config.files == (str(repo / ".ih.yaml"), str(ci))


def test_overrides_of_a_lower_layer_do_not_beat_a_higher_layer(repo, tmp_path_factory):
    write(repo, "overrides:\n  - files: ['*.md']\n    rules: {IH801: {max_grade: 8}}\n")
    ci = write(tmp_path_factory.mktemp("ci"), "rules: {IH801: {max_grade: 14}}\n", "ci.yml")
    assert resolve_for(load_config(start=repo), repo / "a.md").rules["IH801"].options["max_grade"] == 8
    config = resolve_for(load_config(ci, start=repo), repo / "a.md")
    assert config.rules["IH801"].options["max_grade"] == 14


def test_extends_files_in_order_and_relative_to_the_extending_file(repo):
    write(repo / "shared", "rules: {IH801: {max_grade: 9}}\naccept: [base]\n", "base.yml")
    write(repo / "shared", "extends: base.yml\nrules: {IH801: {max_grade: 10}}\n", "team.yml")
    config = load(repo, "extends: [strict, shared/team.yml]\naccept: [mine]\n")
    assert config.rules["IH801"].options["max_grade"] == 10
    assert config.accept == ("base", "mine")
    assert config.origin("rules.IH801.max_grade") == f"{repo / 'shared' / 'team.yml'}:2"


# --------------------------------------------------------------------------- Config.apply

def test_apply_drops_disabled_and_accepted_and_sets_severity(repo):
    config = load(repo, "accept: [Coding Ninja Academy]\nrules:\n  IH511: disable\n  IH510: {severity: error}\n")
    text = "Join the Coding\nNinja Academy team. We want a coding ninja. Bro."
    academy = span_finding("IH510", text.index("Coding"), text.index("Ninja") + 5, text)
    ninja = span_finding("IH510", text.index("coding ninja"), text.index("coding ninja") + 12, text)
    bro = span_finding("IH511", text.index("Bro"), text.index("Bro") + 3, text)
    doc = Finding(path="job.md", rule_id="IH701", rule_name="x", category="c", severity="warning",
                  scope="document", message="m", rationale="", source="")
    kept = config.apply([academy, ninja, bro, doc], text)
    assert [(f.rule_id, f.match, f.severity) for f in kept] == [("IH510", "coding ninja", "error"),
                                                                ("IH701", None, "warning")]
    assert config.accepted_spans("CODING  NINJA ACADEMY, coding ninja academyx") == [(0, 21)]


def test_org_terms_and_house_style_match_with_the_real_engine(repo):
    """The Entry objects are what the index needs: compiled with the shipped ones, they match."""
    from inclusive_hiring.catalog.index import build_index
    from inclusive_hiring.lint.linter import Linter as Engine

    config = load(repo, "prefer: {e-mail: email}\nterms:\n  - tiger team\n  - rule: IH510\n    terms: [code wizard]\n"
                        "accept: [Coding Ninja Academy]\n")
    catalog = default_catalog()
    index = build_index(Catalog(catalog.rules, {**catalog.entries, **{e.id: e for e in config.entries}},
                                catalog.data))
    text = "Send it by E-mail. Our tiger teams grow. Code wizards and coding ninjas wanted at Coding Ninja Academy.\n"
    findings = Engine(index, config.rule_options).lint(text, str(repo / "job.md")).findings
    got = {(f.rule_id, f.match, f.fix) for f in config.apply(findings, text) if f.scope == "span"}
    assert ("IH091", "E-mail", "safe") in got
    assert ("IH090", "tiger teams", None) in got
    # matched by the shipped jargon-wizard and jargon-ninja entries, advice only (fix: none)
    assert ("IH510", "Code wizards", "none") in got
    assert ("IH510", "coding ninjas", "none") in got
    assert not [m for r, m, _ in got if m == "Coding Ninja"], "the accepted product name is not flagged"


# --------------------------------------------------------------------------- bad input

def test_malformed_yaml_names_file_and_line(repo):
    message = error_of(repo, "rules:\n  IH801: {max_grade: 9\naccept: [x]\n")
    assert re.match(rf"{re.escape(str(repo / '.ih.yaml'))}:\d+: invalid YAML", message)


@pytest.mark.parametrize(("text", "expected"), [
    ("acept: [x]\n", ":1: unknown key 'acept' at the top level (did you mean 'accept'?)"),
    ("rules:\n  IH8O1: disable\n", ":2: unknown rule selector 'IH8O1' (did you mean 'IH801'?)"),
    ("rules:\n  jargn: disable\n", ":2: unknown rule selector 'jargn' (did you mean 'jargon'?)"),
    ("rules:\n  IH801: {max_grad: 9}\n", ":2: unknown option 'max_grad' for IH801 (high-reading-grade) "
                                         "(did you mean 'max_grade'?)"),
    ("rules:\n  IH510: {max_grade: 9}\n", ":2: unknown option 'max_grade' for IH510"),
    ("rules:\n  IH801: {max_grade: ten}\n", ":2: rules.IH801.max_grade must be a number like the default "
                                            "12.0, not a string"),
    ("rules:\n  IH801: {max_grade: -1}\n", ":2: rules.IH801.max_grade must not be negative"),
    ("rules:\n  IH801: {max_grade: .nan}\n", ":2: rules.IH801.max_grade must be a number like the default "
                                              "12.0, not nan (not a finite number)"),
    ("rules:\n  IH810: {max_words: .inf}\n", ":2: rules.IH810.max_words must be a number like the default "
                                              "700, not inf (not a finite number)"),
    ("rules:\n  IH801: {severity: eror}\n", ":2: rules.IH801.severity: unknown severity 'eror' (did you mean "
                                            "'error'?)"),
    ("rules:\n  IH801: disabel\n", ":2: rules.IH801: 'disabel' is not a setting (did you mean 'disable'?)"),
    ("rules:\n  IH801:\n", ":2: rules.IH801 must be enable, disable or a mapping"),
    ("rules: [IH801]\n", ":1: 'rules' must be a mapping, not a list"),
    ("accept: {a: b}\n", ":1: 'accept' must be a list of phrases never flagged, not a mapping"),
    ("accept: [ok, 3]\n", ":1: each item of 'accept' must be a non-empty string"),
    ("exclude:\n  - 7\n", ":2: each item of 'exclude' must be a non-empty string"),
    ("prefer: {e-mail: [email, mail]}\n", ":1: prefer.e-mail must be the one word or phrase"),
    ("prefer:\n  a b: c d\n  c d: a b\n", "the replacement"),
    ("jurisdictions: [US-COL]\n", ":1: unknown jurisdiction 'US-COL' (did you mean 'US-CO'?)"),
    ("jurisdictions: [Colorado]\n", ":1: unknown jurisdiction 'Colorado' (did you mean 'US-CO'?)"),
    ("terms:\n  - terms: [x]\n    mesage: m\n", ":3: unknown key 'mesage' in a term (did you mean 'message'?)"),
    ("terms:\n  - rule: IH801\n    terms: [x]\n", ":2: terms can join IH090 or a word-list rule; IH801"),
    ("terms:\n  - rule: IH5\n    terms: [x]\n", ":2: 'rule' must name one rule by id or name, not the prefix"),
    ("terms:\n  - rule: IH9999\n    terms: [x]\n", ":2: unknown rule 'IH9999'"),
    ("terms:\n  - category: jargon\n    terms: [x]\n", ":2: category 'jargon' has 7 word-list rules"),
    ("terms:\n  - category: jargn\n    terms: [x]\n", ":2: unknown category 'jargn' (did you mean 'jargon'?)"),
    ("terms:\n  - message: m\n", "has neither terms nor patterns"),
    ("terms:\n  - terms: [x]\n    fix: safe\n", "a safe fix needs exactly one replacement"),
    ("terms:\n  - terms: [x]\n    severity: high\n", "unknown severity 'high'"),
    ("terms:\n  - 7\n", ":2: each item of 'terms' must be a mapping (an entry) or a string"),
    ("overrides:\n  - files: ['*.md']\n    exclude: [x]\n", ":3: 'exclude' is not allowed in overrides: use the "
                                                         "top-level exclude"),
    ("overrides:\n  - files: ['*.md']\n    extends: strict\n", ":3: 'extends' is not allowed in overrides"),
    ("overrides:\n  - rules: {IH801: disable}\n", ":2: an override needs 'files:'"),
    ("overrides:\n  - files: ['*.md']\n    rulez: {}\n", ":3: unknown key 'rulez' in overrides (did you mean "
                                                      "'rules'?)"),
    ("kits:\n  template_dir: x\n", ":2: unknown key 'template_dir' in kits (did you mean 'templates_dir'?)"),
    ("kits:\n  competencies:\n    communication: [a]\n", ":3: kits.competencies.communication must be a mapping"),
    ("extends: strickt\n", ":1: extends: unknown preset 'strickt' (did you mean 'strict'?)"),
    ("- just\n- a list\n", ":1: a configuration file must be a mapping"),
    ("rules:\n  1: disable\n", ":2: rule selector '1' must be a string"),
])
def test_bad_config_is_one_located_line_with_a_suggestion(repo, text, expected):
    message = error_of(repo, text)
    assert message.startswith(str(repo / ".ih.yaml") + ":"), message
    assert expected in message, message


def test_extends_cycle_names_both_files(repo):
    write(repo, "extends: .ih.yaml\n", "b.yml")
    message = error_of(repo, "extends: b.yml\n")
    assert "extends cycle" in message
    assert message.count(str(repo / ".ih.yaml")) >= 2 and str(repo / "b.yml") in message
    message = error_of(repo, "extends: ./.ih.yaml\n")
    assert "extends cycle" in message


def test_missing_extends_file(repo):
    message = error_of(repo, "accept: [x]\nextends: [strict, base.yml]\n")
    assert message == f"{repo / '.ih.yaml'}:2: extends: no such file 'base.yml' ({repo / 'base.yml'})"


def test_errors_in_an_extended_file_name_that_file(repo):
    write(repo, "rules: {IH801: {max_grad: 3}}\n", "base.yml")
    message = error_of(repo, "extends: base.yml\n")
    assert message.startswith(f"{repo / 'base.yml'}:1: unknown option 'max_grad'")


def test_config_option_errors(repo, tmp_path):
    with pytest.raises(DataError, match="--config: no such file"):
        load_config(tmp_path / "nope.yml", start=repo)
    with pytest.raises(DataError, match="--config: a folder, not a file"):
        load_config(tmp_path, start=repo)
    with pytest.raises(DataError, match=r"^command line: unknown key 'acept' on the command line"):
        load_config(start=repo, cli_overrides={"acept": ["x"]})
    with pytest.raises(DataError, match=r"^command line: unknown jurisdiction 'US-XX'"):
        load_config(start=repo, cli_overrides={"jurisdictions": ["US-XX"]})


def test_empty_file_and_empty_keys_are_valid(repo):
    assert load(repo, "").files == (str(repo / ".ih.yaml"),)
    config = load(repo, "accept:\nprefer:\nterms:\nrules:\nexclude:\noverrides:\njurisdictions:\n")
    assert config.accept == () and config.jurisdictions == () and config.entries == ()


def test_unsafe_yaml_is_refused(repo):
    message = error_of(repo, "accept: !!python/object/apply:os.system ['true']\n")
    assert message == f"{repo / '.ih.yaml'}:1: unsupported YAML tag '!!python/object/apply:os.system'"


# --------------------------------------------------------------------------- show and init

def test_render_show_names_every_source_and_is_a_valid_config(repo, tmp_path_factory):
    write(repo, "extends: relaxed\naccept: [Coding Ninja Academy]\nprefer: {e-mail: email}\n"
                "terms: [headcount]\njurisdictions: [US-CO]\nrules:\n  IH801: enable\n  IH810: {max_words: 900}\n"
                "exclude: ['drafts/**']\noverrides:\n  - files: ['x/*.md']\n    rules: {IH750: disable}\n"
                "    terms:\n      - terms: [tiger team]\n        message: \"“{match}” is jargon, say what it does.\"\n"
                "kits:\n  templates_dir: tpl\n")
    config = load_config(start=repo, cli_overrides={"rules": {"IH811": {"min_words": 99}}})
    shown = render_show(config)
    project = str(repo / ".ih.yaml")
    assert re.search(r"IH002: disable +# unused-suppression; from preset relaxed:\d+", shown)
    assert re.search(rf"- Coding Ninja Academy +# from {re.escape(project)}:2", shown)
    assert re.search(rf"e-mail: email +# from {re.escape(project)}:3", shown)
    assert re.search(rf"jurisdictions: \[US-CO\] +# from {re.escape(project)}:5; Colorado", shown)
    assert re.search(rf"max_words: 900 +# from {re.escape(project)}:8", shown)
    assert re.search(r"min_words: 99 +# from command line", shown)
    assert re.search(r"max_grade: 12.0 +# from package default", shown)
    assert re.search(rf"- id: org-headcount +# IH090 organization-term; from {re.escape(project)}:4", shown)
    assert "# Sources: package default < preset relaxed < " in shown
    # The listing is itself a valid configuration.
    again = tmp_path_factory.mktemp("again")
    (again / ".git").mkdir()
    write(again, shown)
    reread = load_config(start=again)
    assert reread.rules["IH810"].options["max_words"] == 900 and not reread.rules["IH002"].enabled
    assert reread.accept == config.accept and reread.prefer == config.prefer
    assert [e.message for e in reread.index_entries] == [e.message for e in config.index_entries]
    assert "IH101" not in render_show(config, only_changed=True)


def test_write_starter_writes_a_valid_config_and_never_overwrites(repo):
    path = write_starter(repo)
    assert path == repo / ".ih.yaml" and path.read_text(encoding="utf-8") == STARTER_CONFIG
    config = load_config(start=repo)
    assert config.sources[-1] == str(path) and config.accept == ()
    path.write_text("accept: [mine]\n", encoding="utf-8")
    with pytest.raises(DataError, match="already exists"):
        write_starter(repo)
    with pytest.raises(DataError, match="already exists"):
        write_starter(repo / ".ih.yaml")
    assert path.read_text(encoding="utf-8") == "accept: [mine]\n"
    assert sorted(p.name for p in repo.iterdir()) == [".git", ".ih.yaml"], "no temporary file left"


def test_write_starter_refuses_when_the_other_name_exists(tmp_path):
    (tmp_path / ".ih.yml").write_text("{}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"\.ih\.yml: a configuration file already exists"):
        write_starter(tmp_path)
    assert not (tmp_path / ".ih.yaml").exists()
    with pytest.raises(DataError, match="folder does not exist"):
        write_starter(tmp_path / "missing" / ".ih.yaml")


def test_done_means_init_then_accept_prefer_and_jurisdictions(repo):
    """Issue 3: `ih init`, add a product name, a house term and US-CO; the settings take effect."""
    path = write_starter(repo)
    text = path.read_text(encoding="utf-8")
    text = text.replace("accept:\n#  - Salesforce", "accept:\n  - Coding Ninja Academy\n#  - Salesforce")
    text = text.replace("prefer:\n#  e-mail: email", "prefer:\n  e-mail: email")
    text = text.replace("jurisdictions: []", "jurisdictions: [US-CO]")
    path.write_text(text, encoding="utf-8")
    config = ConfigResolver().for_file(repo / "jobs" / "a.md")
    assert config.accept == ("Coding Ninja Academy",)
    assert [e.rule_id for e in config.entries] == ["IH091"]
    assert config.jurisdictions == ("US-CO",)
    from inclusive_hiring.catalog.jurisdictions import requirements

    assert requirements(config.jurisdictions).benefits_required == ("US-CO",)


# --------------------------------------------------------------------------- docs/configuration.md

def _yaml_blocks(text: str) -> list[tuple[int, str]]:
    return [(text.count("\n", 0, m.start()) + 2, m.group(1))
            for m in re.finditer(r"^```yaml\n(.*?)^```", text, re.M | re.S)]


def _docs_blocks():
    return [pytest.param(body, id=f"line-{line}") for line, body in _yaml_blocks(DOC.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("body", _docs_blocks())
def test_every_yaml_example_in_the_docs_is_a_valid_config(repo, body):
    raw = load_yaml(body, "example") or {}
    targets = raw.get("extends", [])
    for target in [targets] if isinstance(targets, str) else targets:
        if target.endswith((".yml", ".yaml")):
            write(repo, "{}\n", target)
    config = load(repo, body)
    assert config.files[-1] == str(repo / ".ih.yaml")
    if "competencies" in body:
        from inclusive_hiring.kits.library import load_library

        load_library(config.kits.competencies)


def test_docs_full_example_does_what_it_says(repo):
    text = DOC.read_text(encoding="utf-8")
    full = text[text.index("## A full example"):text.index("## Keys")]
    (_, body), = _yaml_blocks(full)
    config = load(repo, body)
    assert config.jurisdictions == ("US-CO", "US-NYC")
    assert "Coding Ninja Academy" in config.accept
    assert config.prefer["maternity leave"] == "parental leave"
    assert {e.rule_id for e in config.terms} == {"IH090", "IH510"}
    assert not config.rules["IH301"].enabled
    assert config.rules["IH511"].severity == "error"
    assert config.rules["IH810"].options["max_words"] == 900
    assert config.is_excluded(repo / "drafts" / "a.md") and config.is_excluded(repo / "x" / "b.draft.md")
    assert not resolve_for(config, repo / "internal" / "a.md").rules["IH750"].enabled
    assert resolve_for(config, repo / "jobs" / "denver" / "a.md").jurisdictions == ("US-CO",)
    assert config.kits.templates_dir == repo / "ih-templates"


def test_docs_error_examples_are_the_real_messages(repo):
    """Each line of the Errors block in docs/configuration.md comes from a real bad input."""
    text = DOC.read_text(encoding="utf-8")
    block = text[text.index("## Errors"):text.index("## `ih init`")]
    documented = re.search(r"```text\n(.*?)```", block, re.S).group(1).splitlines()
    cases = {
        "'acept'": "acept: [x]\n",
        "'IH8O1'": "rules:\n  IH8O1: disable\n",
        "'max_grad'": "rules:\n  IH801: {max_grad: 9}\n",
        "must be a number": "rules:\n  IH801: {max_grade: ten}\n",
        "'US-COL'": "jurisdictions: [US-COL]\n",
        "not allowed in overrides": "overrides:\n  - files: ['*.md']\n    exclude: [x]\n",
        "invalid YAML": "rules:\n  IH801: {max_grade: 9\n",
        "unsupported YAML tag": "accept: !!python/object/apply:os.system ['true']\n",
    }
    for key, bad in cases.items():
        (line,) = [d for d in documented if key in d]
        message = error_of(repo, bad)
        assert message.split(": ", 1)[1] == line.split(": ", 1)[1], (message, line)
    assert any("extends cycle" in d for d in documented)
    assert any("no such file" in d for d in documented)
    assert any("never overwrites" in d for d in documented)


def test_docs_list_every_rule_option_and_the_jurisdiction_table_is_current(rules):
    from inclusive_hiring.catalog.jurisdictions import markdown_table

    text = DOC.read_text(encoding="utf-8")
    for rule in rules.values():
        for option in rule.options:
            assert f"`{option}`" in text, f"docs/configuration.md does not describe {rule.id} {option}"
    assert markdown_table() in text, "run python scripts/gen_jurisdiction_table.py"


def test_starter_config_documents_every_top_level_key():
    from inclusive_hiring.config import TOP_KEYS

    for key in TOP_KEYS:
        if key != "kits":
            assert re.search(rf"^#? ?{key}:", STARTER_CONFIG, re.M), key
    doc = DOC.read_text(encoding="utf-8")
    for key in TOP_KEYS:
        assert f"### `{key}`" in doc


def test_no_stray_files_from_validation(repo):
    before = set(os.listdir(repo))
    with pytest.raises(DataError):
        load(repo, "acept: [x]\n")
    assert set(os.listdir(repo)) == before | {".ih.yaml"}
