"""What each spec field turns into, and that the variants lint clean too."""

from __future__ import annotations

import pytest
from posting_helpers import SPEC, serious

from inclusive_hiring import lint_text
from inclusive_hiring.authoring.law import needs
from inclusive_hiring.authoring.pay import CURRENCIES, pay_range
from inclusive_hiring.authoring.render import long_date, md_paragraph, render_posting, sentence, tidy
from inclusive_hiring.authoring.spec import spec_from_text

MINIMAL = """\
role: Cook
organization: Juniper Cafe
location: Galway, Ireland
work_arrangement: on-site
about: Juniper Cafe serves breakfast and lunch to about two hundred people a day.
responsibilities: [Cook breakfast and lunch dishes]
must_haves: [Experience cooking in a busy kitchen]
pay: {currency: EUR, min: 15.50, max: 17, period: hour}
benefits: [Free meals on shift]
apply: Email jobs@juniper.example
accommodations_contact: jobs@juniper.example
"""


def render(text: str, codes: tuple[str, ...] = ()) -> str:
    law = needs(codes)
    return render_posting(spec_from_text(text, "spec.yml", law), law)


def test_a_minimal_spec_still_has_every_section_and_lints_clean():
    posting = render(MINIMAL)
    assert "## Nice to have" not in posting  # no nice-to-haves given
    assert "You do not need to meet every point to apply." in posting
    assert "€15.50 to €17.00 an hour" in posting
    assert "This role is on-site in Galway, Ireland." in posting
    assert "Before your interviews we will send you our guide for candidates." in posting
    result = lint_text(posting, kind="posting")
    assert serious(result) == [], [(f.rule_id, f.match) for f in serious(result)]
    assert [f.rule_id for f in result.findings] == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"work_arrangement: remote": "work_arrangement: remote"},
     "This is a remote role, open to people who live in Portland, Oregon."),
    ({"work_arrangement: remote": "work_arrangement: hybrid"},
     "This is a hybrid role, based in Portland, Oregon. You will split your time between home and the workplace."),
    ({"  max: 82000": "  max: 82000\n  commission: 5% of the sales you close, paid monthly"},
     "This role is paid partly by commission: 5% of the sales you close, paid monthly."),
    ({"  max: 82000": "  max: 82000\n  tips: tips are shared equally by the whole team"},
     "This role receives tips: tips are shared equally by the whole team."),
    ({"  max: 82000": "  max: 70000"}, "The pay for this role is $70,000 a year."),
    ({"apply:": "existing_vacancy: no\nai_use: We use software to sort applications by skills; a person reads "
                "every application\napply:"},
     "This posting is not for an existing vacancy: we are building a talent pool for future vacancies."),
    ({"apply:": "ai_use: We use software to sort applications by skills; a person reads every application\n"
                "apply:"},
     "We use artificial intelligence (AI) in hiring: We use software to sort applications by skills; "
     "a person reads every application."),
    ({"apply:": "interview:\n  candidate_page: https://fernhill.example/interviews\napply:"},
     "how long each interview takes and what we will ask about: https://fernhill.example/interviews"),
    ({"apply:": "eeo_statement: We welcome applications from everyone and do not discriminate\napply:"},
     "We welcome applications from everyone and do not discriminate."),
])
def test_fields_become_sentences_that_lint_clean(change, expected):
    text = SPEC
    for old, new in change.items():
        assert old in text
        text = text.replace(old, new, 1)
    posting = render(text)
    assert expected in posting
    result = lint_text(posting, kind="posting")
    assert serious(result) == [], [(f.rule_id, f.match) for f in serious(result)]


def test_washington_dc_adds_the_healthcare_sentence():
    assert "healthcare benefits before your first interview" in render(SPEC, ("US-DC",))
    assert "healthcare benefits" not in render(SPEC)


def test_same_spec_same_text():
    assert render(SPEC) == render(SPEC)


def test_helpers():
    import datetime as dt

    assert long_date(dt.date(2027, 3, 5)) == "5 March 2027"
    assert sentence("Apply at https://x.example/jobs") == "Apply at https://x.example/jobs"
    assert sentence("Email jobs@x.example") == "Email jobs@x.example"
    assert sentence("We pay overtime") == "We pay overtime." and sentence("Really?") == "Really?"
    assert md_paragraph("# not a heading") == "\\# not a heading" and md_paragraph("Plain") == "Plain"
    assert tidy("a  \n\n\n\nb\n## H\nc") == "a\n\nb\n\n## H\nc\n"
    assert pay_range(CURRENCIES["GBP"], 24000, 24000, "year") == "£24,000 a year"
    assert pay_range(CURRENCIES["NZD"], 60000, 70000, "year") == "$60,000 to $70,000 NZD a year"
