"""Hard negatives: near-misses that must not produce a span finding; and inflections that must."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text

NEGATIVES = {
    "execute the plan": "You will execute the plan we agree on with the product team each quarter.",
    "sales leads": "You will qualify inbound sales leads from our website and partners.",
    "Active Directory": "Experience administering Active Directory and Okta is useful.",
    "data-driven": "We make data-driven decisions about our roadmap.",
    "individual contributor": "This is an individual contributor role on the platform team.",
    "senior engineer": "You will pair with a senior engineer during your first month.",
    "lift morale": "Small wins and clear goals lift morale across the team.",
    "blind review process": "We use a blind review process for take-home exercises.",
    "authorized to work in the US": "Applicants must be authorized to work in the US.",
    "cloud-native": "We build cloud-native data tools for regional hospitals.",
    "master's degree": "A master's degree in statistics is welcome but not required.",
    "young company": "We are a young company with 40 employees in three cities.",
    "sick leave": "Full-time staff accrue paid sick leave from their first day.",
    "King County": "The office is in King County, Washington, close to light rail.",
    "American Samoa": "The role covers clients in Guam, Hawaii and American Samoa.",
    "hero image": "You will design the hero image and layout for each landing page.",
    "setup wizard": "You will rebuild the setup wizard for our desktop app.",
    "CMake and Ninja": "We build with CMake and Ninja.",
    "customer support": "You will work closely with customer support on escalations.",
    "objectives and key results": "Each team sets objectives and key results every quarter.",
    "manage": "You will manage a team of five analysts and their hiring plan.",
    "herbicide": "You will test herbicide formulations in our greenhouse lab.",
    "human resources": "You will report to the human resources director.",
    "Manhattan": "Our office is in Manhattan, near Union Square.",
}


@pytest.mark.parametrize("text", list(NEGATIVES.values()), ids=list(NEGATIVES))
def test_no_span_finding(text):
    result = lint_text(text, "posting.md")
    assert result.error is None
    span = [(f.rule_id, f.match) for f in result.findings if f.scope == "span"]
    assert span == []
    # Document checks still run, so the text was linted.
    assert any(f.scope == "document" for f in result.findings)


def test_competitive_salary_fires_only_pay():
    """"competitive" in "competitive salary" is pay wording, not a masculine-coded trait; with no
    figure at all, the one pay finding is IH701, which names it."""
    text = "We offer a competitive salary, health cover and a pension."
    findings = lint_text(text, "posting.md").findings
    assert [(f.rule_id, f.match) for f in findings if f.scope == "span"] == []
    assert any(f.rule_id == "IH701" and "“competitive salary” is not one" in f.message for f in findings)
    with_figure = lint_text("We offer $60,000, a competitive salary for the region.", "posting.md").findings
    assert {f.rule_id for f in with_figure if f.scope == "span"} == {"IH702"}


@pytest.mark.parametrize(("text", "rule_id", "match"), [
    ("We hire coding ninjas.", "IH510", "coding ninjas"),
    ("You dominated your market in your last role.", "IH102", "dominated"),
    ("Salesmen earn uncapped commission on every deal.", "IH110", "Salesmen"),
    ("We need a Rockstar who can ship.", "IH510", "Rockstar"),
])
def test_inflections_and_case_match(text, rule_id, match):
    hits = [f.match for f in lint_text(text, "posting.md").findings if f.rule_id == rule_id]
    assert match in hits


@pytest.mark.parametrize("text", [
    "You will manage manual workflows and the management reporting.",
    "You will test herbicide and heritage seed stock.",
    "Our shepherd dog and the chemist keep the lab lively.",
])
def test_whole_tokens_only_for_gendered_words(text):
    ids = {f.rule_id for f in lint_text(text, "posting.md").findings}
    assert not {i for i in ids if i.startswith("IH11")}, ids


def test_gendered_words_do_fire_as_whole_tokens():
    """Control for the test above: the bare words are flagged."""
    ids = {f.rule_id for f in lint_text("He will lead the guys on site.", "posting.md").findings}
    assert {i for i in ids if i.startswith("IH11")}
