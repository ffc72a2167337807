"""Hypothesis over the library API: any text (lone surrogates included), any path suffix and any
kind either lints, with findings that point at their own text, or raises the documented
TypeError/ValueError. The 10,000-input run is ``python bench/fuzz.py``."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusive_hiring import lint_text
from inclusive_hiring.api import KINDS

#: Characters that reach every branch of the markup and the matcher, and a few that break things.
PIECES = st.sampled_from([
    "young ", "salesman", "rock star", "ninja ", "guys", "digital native", "culture fit", "crazy ",
    "\n", "\n\n", "- ", "* ", "# ", "> ", "| ", "1. ", "`", "```\n", "<b>", "</b>", "<!-- ih-disable -->",
    "[x](http://a.b)", "http://", "a@b.co", "&amp;", "_", "**", "’", "'", ". ", "? ", "…", "\t", "\r\n",
    "\ud800", "\udfff", "\x00", "\u200b", "İ", "ß", "---\nkind: questions\n---\n", "Why? ", "salary $1-$2",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join),
                  st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))
PATHS = st.sampled_from(["x.md", "x.txt", "x.html", "<text>", "x", "-", "x.MARKDOWN"])
ANY_KIND = st.one_of(st.sampled_from([*KINDS, "bogus", "", "POSTING", "questions "]), st.text(max_size=5))


def _check(text: str, result) -> None:
    for finding in result.findings:
        if finding.scope == "span":
            assert 0 <= finding.start < finding.end <= len(text)
            shown = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text[finding.start:finding.end])
            assert shown == finding.match
    result.to_dict()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, path=PATHS, kind=ANY_KIND)
def test_lint_text_lints_or_raises_the_documented_errors(text, path, kind):
    if kind not in KINDS:
        with pytest.raises(ValueError, match="kind must be one of"):
            lint_text(text, path, kind)
        return
    result = lint_text(text, path, kind)
    assert result.kind in ("posting", "questions")
    _check(text, result)


@pytest.mark.parametrize(("args", "error"), [
    ((b"We want a salesman",), TypeError),
    ((None,), TypeError),
    (("text", 3), TypeError),
    (("text", "x.md", None), ValueError),
    (("text", "x.md", "bogus"), ValueError),
])
def test_wrong_arguments_raise_clear_errors(args, error):
    with pytest.raises(error, match="must be"):
        lint_text(*args)


def test_a_lone_surrogate_is_replaced_and_offsets_kept():
    text = "\ud800 We want a salesman.\n"
    result = lint_text(text, "x.md")
    [finding] = [f for f in result.findings if f.rule_id == "IH110"]
    assert text[finding.start:finding.end] == "salesman" == finding.match
