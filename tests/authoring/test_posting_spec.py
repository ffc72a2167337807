"""The posting spec: every problem is one located message; credentials get "or equivalent
experience"; the configured jurisdictions make their statements required."""

from __future__ import annotations

import pytest
from posting_helpers import SPEC

from inclusive_hiring.authoring.law import needs
from inclusive_hiring.authoring.spec import MAX_MUST_HAVES, spec_from_text
from inclusive_hiring.yamlio import DataError


def parse(text: str, codes: tuple[str, ...] = ()):
    return spec_from_text(text, "spec.yml", needs(codes), ".ih.yaml")


def error(text: str, codes: tuple[str, ...] = ()) -> str:
    with pytest.raises(DataError) as caught:
        parse(text, codes)
    return str(caught.value)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_sample_spec_parses_with_defaults():
    spec = parse(SPEC)
    assert spec.role == "Data Analyst" and spec.work_arrangement == "remote"
    assert spec.pay.currency.code == "USD" and spec.pay.period == "year"
    assert (spec.pay.minimum, spec.pay.maximum) == (70000, 82000)
    assert spec.about == ("Fernhill Transit runs the buses of a mid-sized city. You will help us plan better "
                          "routes.",)
    assert spec.application_deadline is None and spec.ai_use is None and spec.existing_vacancy is None


def test_credentials_get_or_equivalent_experience_unless_the_job_needs_them():
    lines = [m.rendered for m in parse(SPEC).must_haves]
    assert lines[0] == "Bachelor's degree in statistics or equivalent experience"
    assert lines[1] == "Experience with SQL"  # not a credential: unchanged
    assert lines[2] == "A valid driving licence (needed because the role drives test routes)"
    text = SPEC.replace("Bachelor's degree in statistics", "A degree in statistics or economics")
    assert parse(text).must_haves[0].rendered == \
        "A degree in statistics or economics, or equivalent experience"
    text = SPEC.replace("Bachelor's degree in statistics", "A degree in statistics or equivalent experience")
    assert parse(text).must_haves[0].rendered == "A degree in statistics or equivalent experience"


def test_unknown_key_names_its_line_and_the_close_match():
    text = SPEC.replace("nice_to_haves:", "nice_to_have:")
    assert error(text) == f"spec.yml:{line_of(text, 'nice_to_have:')}: unknown spec key 'nice_to_have' " \
                          "(did you mean 'nice_to_haves'?)"
    text = SPEC.replace("  max: 82000", "  max: 82000\n  maximum: 90000")
    assert "unknown pay key 'maximum'" in error(text) and f":{line_of(text, 'maximum')}:" in error(text)


def test_must_haves_are_capped_with_advice():
    extra = "".join(f"  - Skill number {i}\n" for i in range(MAX_MUST_HAVES))
    text = SPEC.replace("nice_to_haves:", extra.join(["", "nice_to_haves:"]), 1)
    message = error(text)
    assert message.startswith(f"spec.yml:{line_of(text, 'must_haves:')}: 'must_haves' has {MAX_MUST_HAVES + 3}")
    assert f"at most {MAX_MUST_HAVES}" in message and "nice_to_haves" in message


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  max: 82000", "  max: 60000", "pay: 'max' (60,000) is less than 'min' (70,000)"),
    ("currency: USD", "currency: INR", "pay: unknown currency 'INR'"),
    ("currency: USD", "currency: usd\n  period: fortnight", "pay: 'period' must be one of year, month, hour"),
    ("  min: 70000", "  min: \"70,000\"", "write 85000, without separators"),
    ("  min: 70000", "  min: 0", "'min' must be more than 0"),
    ("work_arrangement: remote", "work_arrangement: sometimes", "'work_arrangement' must be one of"),
    ("    equivalent: no\n    reason: the role drives test routes\n", "    equivalent: no\n",
     "'equivalent: no' needs a 'reason'"),
    ("apply: Apply at https://fernhill.example/jobs\n", "", "missing required field 'apply'"),
    ("benefits:\n  - Health cover\n  - A transit pass", "benefits: []", "'benefits' must be a non-empty list"),
    ("  - Experience with SQL", "  - Experience with SQL\n  - experience with  SQL", "listed twice"),
])
def test_bad_fields_are_located_errors(old, new, expected):
    assert old in SPEC
    message = error(SPEC.replace(old, new))
    assert message.startswith("spec.yml:") and expected in message, message
    assert message.split(":")[1].isdigit()


def test_a_symbol_is_a_currency():
    assert parse(SPEC.replace("currency: USD", "currency: £")).pay.currency.code == "GBP"
    assert parse(SPEC.replace("currency: USD", "currency: cad")).pay.currency.code == "CAD"


def test_colorado_requires_a_deadline():
    message = error(SPEC, ("US-CO",))
    assert "missing 'application_deadline'" in message and "Colorado (US-CO)" in message
    assert "(jurisdictions: in .ih.yaml)" in message
    spec = parse(SPEC + "application_deadline: 2027-03-15\n", ("US-CO",))
    assert spec.application_deadline is not None and spec.application_deadline.isoformat() == "2027-03-15"
    bad = error(SPEC + "application_deadline: soon\n", ("US-CO",))
    assert "'application_deadline' must be a date written YYYY-MM-DD" in bad


def test_ontario_requires_the_ai_and_vacancy_statements_and_caps_the_spread():
    text = SPEC.replace("currency: USD", "currency: CAD")
    assert "missing 'ai_use'" in error(text, ("CA-ON",))
    assert "missing 'existing_vacancy'" in error(text + "ai_use: no\n", ("CA-ON",))
    spec = parse(text + "ai_use: no\nexisting_vacancy: yes\n", ("CA-ON",))
    assert spec.ai_use == "" and spec.existing_vacancy is True
    wide = text.replace("max: 82000", "max: 130000") + "ai_use: no\nexisting_vacancy: yes\n"
    message = error(wide, ("CA-ON",))
    assert "spans 60,000 a year" in message and "Ontario (CA-ON) allows at most 50,000" in message
    assert parse(wide).pay.maximum == 130000  # no cap where no configured place has one
    assert "say how AI is used" in error(text + "ai_use: yes\nexisting_vacancy: yes\n", ("CA-ON",))


def test_places_without_a_posting_law_need_nothing_extra():
    assert parse(SPEC, ("US-AL",)).role == "Data Analyst"
    assert needs(("US-NYC",)).codes == ("US-NYC", "US-NY")  # a city brings in its state


def test_not_a_mapping():
    assert error("- a\n- b\n").startswith("spec.yml:1: a posting spec must be a mapping")


def test_benefits_missing_names_the_law_that_asks_for_them():
    text = SPEC.replace("benefits:\n  - Health cover\n  - A transit pass\n", "")
    assert error(text).endswith("missing required field 'benefits'")
    message = error(text + "application_deadline: 2027-03-15\n", ("US-CO",))
    assert "missing required field 'benefits'" in message and "Colorado (US-CO) also asks" in message


def test_an_oversized_spec_is_refused(tmp_path):
    from inclusive_hiring.authoring.spec import MAX_SPEC_BYTES, load_spec

    big = tmp_path / "big.yml"
    big.write_text(SPEC + "#" * MAX_SPEC_BYTES + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="too large for a posting spec"):
        load_spec(big)


@pytest.mark.parametrize(("text", "credential"), [
    ("Bachelor's degree in nursing", True), ("A BS in chemistry", True), ("An MBA", True),
    ("A Level 2 Diploma in Health and Social Care", True), ("CPA certification", True),
    ("A licensed electrician", True), ("PhD in statistics", True), ("Five GCSEs", True),
    ("Experience with MS Excel", False), ("Qualified to work in the UK", False),
    ("Experience with SQL", False), ("Basic maths", False), ("Good with spreadsheets", False),
    ("Willing to complete the Care Certificate", False), ("Able to get a forklift licence", False),
])
def test_what_counts_as_a_credential(text, credential):
    from inclusive_hiring.authoring.spec import names_credential

    assert names_credential(text) is credential
