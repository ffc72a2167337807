"""Issue 14's own lists, and a hundred more preferences written in other words.

The issue's sentences are asserted exactly as the issue states them. The other sentences are
flagged by the frame rules (IH150-IH480) or, where a phrase rule already reports the same
preference, by that rule: either way the exclusion gets a span finding of the trait family.
"""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text

MUST_FLAG = [
    "Only males will be considered.",
    "Must be a straight, family man.",
    "Locals only.",
    "Cashier, Age: 19-26",
    "Candidates must not exceed 45 years of age",
    "Applicants should be born after 1992.",
    "Hindu cook wanted",
    "We never hire immigrants.",
    "Expectant mothers will not be considered.",
    "Must be HIV negative.",
    "Ladies need not apply.",
]
MUST_STAY_QUIET = [
    "Rape-crisis counsellor: open to women only under Schedule 9 of the Equality Act 2010.",
    "Mentor young offenders aged 16 to 21 as they leave custody.",
    "Bartenders wanted for our saloon in Cripple Creek.",
    "You will care for an elderly gentleman who needs help with meals",
    "Help our female residents with bathing and dressing",
    "Serve alcohol only to guests over 21",
]
#: "(an interview-question error, on a posting)": the issue's point is posting text; kind
#: detection (issue item 8) is not part of this change, so the posting kind is given.
ON_A_POSTING = "If you are disabled and need adjustments at interview, tell us."

#: The rules that report each trait family (frame rules and phrase rules).
FAMILY_RULES = {
    "sex": {"IH150", "IH113"},
    "orientation": {"IH151", "IH131"},
    "marital": {"IH152", "IH140"},
    "pregnancy": {"IH153", "IH142"},
    "age": {"IH250", "IH201"},
    "disability": {"IH350", "IH303"},
    "race": {"IH440", "IH430"},
    "origin": {"IH450", "IH404", "IH402", "IH401"},
    "religion": {"IH470", "IH460"},
    "appearance": {"IH480"},
}
#: Written for this change, in other words than the issue's; the frame rules' own case files
#: (tests/fixtures/rules/IH150.yml ... IH480.yml) hold the sentences only they flag.
OTHER_WORDS = [
    ('Fair complexion preferred.', 'race'),
    ('Caucasians only.', 'race'),
    ('We are hiring a male driver for our Dubai office.', 'sex'),
    ('Gender: female only', 'sex'),
    ('Lady receptionist wanted, Makati.', 'sex'),
    ('Waitresses needed urgently, female preferred.', 'sex'),
    ('Applicants must be male and able to travel.', 'sex'),
    ('Preference will be given to female candidates with retail experience.', 'sex'),
    ("We're looking for a guy to run the stock room.", 'sex'),
    ('Female cashier required for our grocery shop.', 'sex'),
    ('Looking for a young lady as front desk officer.', 'sex'),
    ('Salesladies needed for our boutique, ladies only.', 'sex'),
    ("We don't hire men for front-of-house roles.", 'sex'),
    ('Male staff only in the stores department.', 'sex'),
    ('Lady drivers wanted for school runs.', 'sex'),
    ('Position open to males only.', 'sex'),
    ('We are seeking gentlemen for the bouncer team.', 'sex'),
    ('Female helpers required for a household in Riyadh.', 'sex'),
    ('Gay men need not apply.', 'orientation'),
    ('Transgender applicants will not be considered.', 'orientation'),
    ('No homosexuals.', 'orientation'),
    ('Straight candidates only.', 'orientation'),
    ('Applicants must be cisgender.', 'orientation'),
    ('Trans people need not apply.', 'orientation'),
    ('Must not be transgender.', 'orientation'),
    ('Bisexual applicants will not be considered for the youth post.', 'orientation'),
    ('Homosexuals need not apply.', 'orientation'),
    ('Lesbians will not be considered.', 'orientation'),
    ('Gay applicants need not apply.', 'orientation'),
    ('No lesbians please.', 'orientation'),
    ('Queer applicants will not be considered.', 'orientation'),
    ('Bisexuals need not apply.', 'orientation'),
    ('Transgender people will not be hired.', 'orientation'),
    ('Gay men will not be hired.', 'orientation'),
    ('Lesbian applicants need not apply.', 'orientation'),
    ('Must be single.', 'marital'),
    ('Single applicants preferred for the offshore post.', 'marital'),
    ('Unmarried candidates only.', 'marital'),
    ('Applicants must be single and willing to live on site.', 'marital'),
    ('Pregnant women need not apply.', 'pregnancy'),
    ('Applicants must not be pregnant.', 'pregnancy'),
    ('No pregnant applicants.', 'pregnancy'),
    ('Must not be pregnant at the time of joining.', 'pregnancy'),
    ('No pregnant women please.', 'pregnancy'),
    ('Pregnant applicants need not apply.', 'pregnancy'),
    ('Age limit: 30', 'age'),
    ('Applicants aged 20-30 only.', 'age'),
    ('Candidates should be between 22 and 32 years of age.', 'age'),
    ('Must be under 35 years old.', 'age'),
    ('Applicants should be below 40 years of age.', 'age'),
    ('Sales girl, age 18-25', 'age'),
    ('Maximum age 32 years old.', 'age'),
    ('Preferably 25 to 30 years old.', 'age'),
    ('Ages 19-24 preferred.', 'age'),
    ('Boys age limit 18 to 30', 'age'),
    ('Age bracket 21-29 years old.', 'age'),
    ('Not older than 30 years of age.', 'age'),
    ('Driver, age 25 to 40', 'age'),
    ('Waitress: age 18 to 24', 'age'),
    ('Age limit 28 years maximum', 'age'),
    ('Aged between 20 and 30 only', 'age'),
    ('Age 19 – 25 yrs old', 'age'),
    ('Age between 21 and 27 years.', 'age'),
    ('Applicants must not have any disability.', 'disability'),
    ('Must be in perfect health.', 'disability'),
    ('Must have no medical conditions.', 'disability'),
    ('Must be in excellent health with no disabilities.', 'disability'),
    ('Foreigners need not apply.', 'origin'),
    ('No immigrants.', 'origin'),
    ('Native-born applicants only.', 'origin'),
    ('US citizens only.', 'origin'),
    ('Christian applicants only.', 'religion'),
    ('Must be a practising Muslim.', 'religion'),
    ('Must be a born-again Christian.', 'religion'),
    ('Jewish candidates preferred for the accounts role.', 'religion'),
    ('Atheists need not apply.', 'religion'),
    ('Hindu candidates only.', 'religion'),
    ('Must be God-fearing.', 'religion'),
    ('Muslims need not apply.', 'religion'),
    ('Catholic applicants preferred.', 'religion'),
    ('Fair complexion required for the front desk.', 'race'),
    ('Must be of fair complexion.', 'race'),
    ('White candidates only.', 'race'),
    ('Fair-skinned receptionist needed.', 'race'),
    ('Complexion: fair', 'race'),
    ('Must be fair-skinned and presentable.', 'race'),
    ('Light-skinned hostess wanted for the lounge.', 'race'),
    ('Hispanic applicants need not apply.', 'race'),
]


def _spans(text: str, kind: str = "posting"):
    return [f for f in lint_text(text, "case.md", kind).findings if f.scope == "span"]


@pytest.mark.parametrize("text", MUST_FLAG)
def test_issue_exclusions_get_an_error_span(text):
    errors = [f for f in _spans(text) if f.severity == "error"]
    assert errors, f"no error span for {text!r}"
    assert max(f.end - f.start for f in errors) >= 5


def test_ladies_need_not_apply_flags_the_exclusion_not_only_the_word():
    errors = [f for f in _spans("Ladies need not apply.") if f.severity == "error"]
    assert [f.match for f in errors] == ["Ladies need not apply"]
    assert errors[0].rule_id == "IH150"
    assert "sex" in errors[0].message


@pytest.mark.parametrize("text", MUST_STAY_QUIET)
def test_issue_innocent_sentences_get_no_span_finding(text):
    assert _spans(text) == [], [(f.rule_id, f.match) for f in _spans(text)]
    assert _spans(text, "auto") == []


def test_disabled_adjustment_sentence_on_a_posting_is_quiet():
    assert _spans(ON_A_POSTING, "posting") == []


@pytest.mark.parametrize(("text", "family"), OTHER_WORDS)
def test_preferences_in_other_words_get_a_finding_of_their_family(text, family):
    hits = {f.rule_id for f in _spans(text) if f.severity in ("error", "warning")}
    assert hits & FAMILY_RULES[family], f"{text!r}: {sorted(hits)}"


def test_one_finding_per_family_and_span():
    """A phrase rule that already reports the preference is not repeated by the frame rule."""
    ids = [f.rule_id for f in _spans("Female candidates only; please send your CV by Friday.")]
    assert ids.count("IH113") == 1 and "IH150" not in ids
