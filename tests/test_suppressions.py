"""Inline suppression directives: parsing, each scope, selectors, and the IH001/IH002 meta findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inclusive_hiring.catalog.wordlists import default_catalog
from inclusive_hiring.config import load_config
from inclusive_hiring.lint.policy import finish as process
from inclusive_hiring.lint.suppressions import apply, parse
from inclusive_hiring.results import Finding

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rules():
    return default_catalog().rules


def at(text: str, needle: str, rule_id: str, nth: int = 0) -> Finding:
    """A span finding of ``rule_id`` on the ``nth`` occurrence of ``needle``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(path="job.md", rule_id=rule_id, rule_name="x", category="c", severity="warning",
                   scope="span", message=f"{rule_id} {needle}", rationale="", source="", line=line,
                   column=column, end_line=line, end_column=column + len(needle), match=needle,
                   start=start, end=end)


def doc_finding(rule_id: str) -> Finding:
    return Finding(path="job.md", rule_id=rule_id, rule_name="x", category="c", severity="warning",
                   scope="document", message=rule_id, rationale="", source="")


def run(text: str, findings: list[Finding], rules, path: str = "job.md"):
    kept, meta = apply(findings, parse(text, path), rules, path=path)
    return [(f.rule_id, f.match) for f in kept], [(f.rule_id, f.line, f.message) for f in meta]


# --------------------------------------------------------------------------- parsing

def test_parse_every_directive_kind_with_positions_selectors_and_reason():
    text = ("Intro <!-- ih-disable-line IH510 -->\n"
            "<!-- ih-disable-next-line IH510, jargon  bro-culture -- product name -->\n"
            "<!-- ih-disable -->\n<!--ih-enable IH5-->\n"
            "<!-- ih-disable-file -- whole file -->\n"
            "<!--\n  ih-disable\n  IH101\n-->\n"
            "<!-- not a directive --><!-- ih-disabel IH101 -->\n")
    directives = parse(text, "job.md")
    assert [(d.verb, d.selectors, d.reason, d.line, d.column) for d in directives] == [
        ("disable-line", ("IH510",), "", 1, 7),
        ("disable-next-line", ("IH510", "jargon", "bro-culture"), "product name", 2, 1),
        ("disable", (), "", 3, 1),
        ("enable", ("IH5",), "", 4, 1),
        ("disable-file", (), "whole file", 5, 1),
        ("disable", ("IH101",), "", 6, 1),
        ("ih-disabel"[3:], ("IH101",), "", 10, 25),
    ]
    multi = directives[5]
    assert (multi.end_line, multi.text) == (9, "<!--\n  ih-disable\n  IH101\n-->")
    assert not directives[6].known
    assert parse("no directives here", "a.md") == []


def test_directives_in_markdown_code_are_not_directives_but_count_in_text_and_html():
    text = "```\n<!-- ih-disable-file -->\n```\nUse `<!-- ih-disable IH510 -->` to suppress.\n"
    assert parse(text, "job.md") == []
    assert [d.verb for d in parse(text, "job.txt")] == ["disable-file", "disable"]
    assert [d.verb for d in parse(text, "job.html")] == ["disable-file", "disable"]


# --------------------------------------------------------------------------- scopes

def test_disable_next_line_and_disable_line(rules):
    text = ("<!-- ih-disable-next-line IH510 -->\nA ninja and a guru.\nAnother ninja.\n"
            "A guru here. <!-- ih-disable-line IH510 -->\n")
    findings = [at(text, "ninja", "IH510"), at(text, "guru", "IH510"), at(text, "ninja", "IH510", 1),
                at(text, "guru", "IH510", 1)]
    kept, meta = run(text, findings, rules)
    assert kept == [("IH510", "ninja")] and meta == []
    assert kept[0] == (findings[2].rule_id, findings[2].match) and findings[2].line == 3


def test_block_until_enable_and_to_the_end_of_the_file(rules):
    text = ("A ninja.\n<!-- ih-disable IH510 -->\nA ninja.\n<!-- ih-enable -->\nA ninja.\n"
            "<!-- ih-disable -->\nA ninja.\n")
    findings = [at(text, "ninja", "IH510", i) for i in range(4)]
    kept, meta = apply(findings, parse(text, "job.md"), rules, path="job.md")
    assert [f.line for f in kept] == [1, 5] and meta == []


def test_enable_of_one_rule_inside_a_category_block(rules):
    text = "<!-- ih-disable jargon -->\nninja bro\n<!-- ih-enable IH510 -->\nninja bro\n"
    findings = [at(text, "ninja", "IH510"), at(text, "bro", "IH511"), at(text, "ninja", "IH510", 1),
                at(text, "bro", "IH511", 1)]
    kept, meta = apply(findings, parse(text, "job.md"), rules, path="job.md")
    assert [(f.rule_id, f.line) for f in kept] == [("IH510", 4)]
    assert meta == []


def test_disable_file_covers_document_findings_but_blocks_do_not(rules):
    text = "<!-- ih-disable -->\nA ninja.\n"
    kept, meta = run(text, [at(text, "ninja", "IH510"), doc_finding("IH701")], rules)
    assert kept == [("IH701", None)] and meta == []
    text = "A ninja.\n<!-- ih-disable-file IH701, IH510 -->\n"
    kept, meta = run(text, [at(text, "ninja", "IH510"), doc_finding("IH701"), doc_finding("IH750")], rules)
    assert kept == [("IH750", None)] and meta == []


@pytest.mark.parametrize("selector", ["IH510", "ih510", "jargon-job-title", "jargon", "IH5", "IH51",
                                      "category:jargon", "all"])
def test_selectors_by_id_name_category_and_prefix(rules, selector):
    text = f"<!-- ih-disable-next-line {selector} -->\nA ninja.\n"
    kept, meta = run(text, [at(text, "ninja", "IH510")], rules)
    assert kept == [] and meta == []


def test_a_selector_for_another_rule_does_not_suppress(rules):
    text = "<!-- ih-disable-next-line IH511 -->\nA ninja.\n"
    kept, meta = run(text, [at(text, "ninja", "IH510")], rules)
    assert kept == [("IH510", "ninja")]
    assert meta == [("IH002", 1, "This ih-disable-next-line directive suppressed nothing; remove it.")]


# --------------------------------------------------------------------------- meta findings

def test_unknown_selector_is_ih001_with_a_suggestion_and_the_rest_still_works(rules):
    text = "<!-- ih-disable-next-line IH5l0, bro-culture -->\nA ninja, bro.\n"
    kept, meta = run(text, [at(text, "ninja", "IH510"), at(text, "bro", "IH511", 1)], rules)
    assert kept == [("IH510", "ninja")]
    assert meta == [("IH001", 1, "Unknown rule, name or category 'IH5l0' in ih-disable-next-line "
                                 "(did you mean 'IH510'?).")]


@pytest.mark.parametrize(("selector", "near"), [("jargn", "jargon"), ("jargon-title", "jargon-job-title"),
                                                ("zzqx", None)])
def test_unknown_selector_suggestions(rules, selector, near):
    text = f"<!-- ih-disable {selector} -->\n"
    _, meta = run(text, [], rules)
    (rule_id, _, message), = meta
    assert rule_id == "IH001" and f"'{selector}'" in message
    assert (f"did you mean '{near}'" in message) if near else ("did you mean" not in message)


def test_unknown_directive_is_ih001(rules):
    text = "<!-- ih-disabel IH510 -->\nA ninja.\n<!-- ih-disable:IH510 -->\n"
    kept, meta = run(text, [at(text, "ninja", "IH510")], rules)
    assert kept == [("IH510", "ninja")]
    assert meta == [
        ("IH001", 1, "Unknown directive 'ih-disabel' (did you mean 'ih-disable'?); it suppresses nothing."),
        ("IH001", 3, "Unknown directive 'ih-disable:IH510' (did you mean 'ih-disable'?); it suppresses nothing."),
    ]


def test_unused_directive_selector_and_stray_enable_are_ih002(rules):
    text = ("<!-- ih-disable-file IH750 -->\n<!-- ih-disable-next-line IH510 IH511 -->\nA ninja.\n"
            "<!-- ih-enable -->\n<!-- ih-disable IH510 -->\n<!-- ih-enable IH510 -->\n")
    kept, meta = run(text, [at(text, "ninja", "IH510")], rules)
    assert kept == []
    assert meta == [
        ("IH002", 1, "This ih-disable-file directive suppressed nothing; remove it."),
        ("IH002", 2, "'IH511' in this ih-disable-next-line directive suppressed nothing; remove it from the "
                     "directive."),
        ("IH002", 4, "This ih-enable ends no ih-disable block before it."),
        ("IH002", 5, "This ih-disable directive suppressed nothing; remove it."),
    ]


def test_meta_findings_point_at_the_directive_and_match_the_json_schema(rules):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests" / "data" / "json-schema-v1.json").read_text(encoding="utf-8"))
    text = "Intro.\n  <!-- ih-disable-next-line IH5l0 -->\nA ninja.\n"
    _, meta = apply([], parse(text, "job.md"), rules, path="job.md")
    unknown = meta[0]
    assert (unknown.rule_id, unknown.rule_name, unknown.category, unknown.severity, unknown.scope) == (
        "IH001", "unknown-suppression-target", "suppression", "warning", "span")
    assert (unknown.line, unknown.column, unknown.end_line, unknown.end_column) == (2, 3, 2, 38)
    assert text[unknown.start:unknown.end] == unknown.match == "<!-- ih-disable-next-line IH5l0 -->"
    finding_schema = {**schema["$defs"]["finding"], "$defs": schema["$defs"]}
    for finding in meta:
        jsonschema.validate(finding.to_dict(), finding_schema)


def test_meta_findings_are_not_suppressed_by_directives(rules):
    text = "<!-- ih-disable-file -->\n<!-- ih-disable IH9999 -->\n"
    _, meta = run(text, [], rules)
    assert [m[0] for m in meta] == ["IH002", "IH001"]


# --------------------------------------------------------------------------- with the configuration and the engine

def test_process_applies_config_then_directives_then_config_to_meta(tmp_path, rules):
    (tmp_path / ".git").mkdir()
    text = "<!-- ih-disable-next-line IH510 -->\nA ninja and a rockstar.\n<!-- ih-disable IH301 -->\n"
    findings = [at(text, "ninja", "IH510"), at(text, "rockstar", "IH510")]
    result = process(findings, text, "job.md", rules, load_config(start=tmp_path))
    assert [(f.rule_id, f.line) for f in result] == [("IH002", 3)]
    (tmp_path / ".ih.yaml").write_text("extends: relaxed\n", encoding="utf-8")
    assert process(findings, text, "job.md", rules, load_config(start=tmp_path)) == []
    (tmp_path / ".ih.yaml").write_text("rules: {IH510: disable, IH002: {severity: error}}\n", encoding="utf-8")
    result = process(findings, text, "job.md", rules, load_config(start=tmp_path))
    assert [(f.rule_id, f.line, f.severity) for f in result] == [("IH002", 1, "error"), ("IH002", 3, "error")]


def test_directives_on_real_lint_findings(lint, rules):
    text = ("# Platform engineer\n\n"
            "<!-- ih-disable-next-line IH510 -- Ninja is our build tool -->\n"
            "You will maintain our ninja build and coach a rockstar team.\n\n"
            "We want a coding ninja.\n")
    # The engine applies the directives itself ...
    result = lint(text, "job.md", "posting")
    spans = [(f.rule_id, f.line) for f in result.findings if f.scope == "span"]
    assert ("IH510", 4) not in spans and ("IH510", 6) in spans
    assert not [f for f in result.findings if f.rule_id in ("IH001", "IH002")]
    # ... and without the directive both are reported.
    plain = lint(text.replace("<!-- ih-disable-next-line IH510 -- Ninja is our build tool -->", ""),
                 "job.md", "posting")
    both = [(f.rule_id, f.line) for f in plain.findings if f.scope == "span"]
    assert ("IH510", 4) in both and ("IH510", 6) in both
    assert process(plain.findings, text, "job.md", rules) != list(plain.findings)


def test_docs_examples_behave_as_described(rules):
    doc = (ROOT / "docs" / "suppressions.md").read_text(encoding="utf-8")
    assert parse(doc, "suppressions.md") == [], "the examples on the page are in code blocks"
    example = "<!-- ih-disable-next-line IH5l0 -->\nWe are hiring a coding ninja.\n"
    assert example in doc
    kept, meta = run(example, [at(example, "coding ninja", "IH510")], rules)
    assert kept == [("IH510", "coding ninja")]
    assert [(r, m) for r, _, m in meta] == [("IH001", "Unknown rule, name or category 'IH5l0' in "
                                                      "ih-disable-next-line (did you mean 'IH510'?).")]
    first = ('<!-- ih-disable-next-line IH510 -- "Ninja" is the name of our build tool -->\n'
             "You will maintain our Ninja build configuration.\n")
    assert first in doc
    kept, meta = run(first, [at(first, "Ninja", "IH510", 1)], rules)
    assert kept == [] and meta == []
