"""Age in the frame engine: who an age word is about, minimum ages and their bases, invitations."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_text

_AGE_RULES = frozenset({"IH201", "IH202", "IH250"})


def _findings(text: str) -> list[tuple[str, str]]:
    return sorted((f.rule_id, f.severity) for f in lint_text(text, "case.md", "posting").findings
                  if f.scope == "span")


def _age_ids(text: str) -> set[str]:
    return {rule for rule, _severity in _findings(text)} & _AGE_RULES


def _notes(text: str) -> list[str]:
    return [f.message for f in lint_text(text, "case.md", "posting").findings if f.rule_id == "IH490"]


# --- referents: an age word after a preposition describes the people the job is about ------------
@pytest.mark.parametrize("text", [
    "You should be able to connect with young people from every background.",
    "The postholder must be committed to improving the prospects of young people in care.",
    "Applicants need a track record with teenagers aged 13 to 17 in a school setting.",
    "We want someone who is patient with elderly residents and their visitors.",
    "Must be passionate about outcomes for young adults aged 18 to 25.",
])
def test_age_words_about_the_people_served_are_quiet(text):
    assert not _age_ids(text), _findings(text)


@pytest.mark.parametrize("text", [
    "Preference will be given to young applicants.",
    "This opening is perfect for young school leavers.",
    "We are searching for young people to run our pop-up stall.",
    "Candidates aged 18 to 25 only.",
])
def test_frame_words_before_to_and_for_keep_the_hire(text):
    assert _age_ids(text), _findings(text)


def test_a_person_noun_before_the_preposition_keeps_the_hire():
    # "candidates with ...": the preposition attaches the trait to the hire
    assert "IH350" in {r for r, _s in _findings("Candidates with disabilities will not be considered.")}


# --- minimum ages -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Must be 18 or over.", "Age: 21+", "You must be at least 16 years old.",
                                  "Door staff must be 21 or older to work on licensed premises."])
def test_statutory_minimum_ages_are_quiet(text):
    assert not _age_ids(text), _findings(text)


@pytest.mark.parametrize("text", ["Age: at least 27 years", "Warehouse pickers must be 24 or over.",
                                  "Minimum age 30."])
def test_a_minimum_above_the_statutory_age_is_a_warning(text):
    assert ("IH250", "warning") in _findings(text), _findings(text)


def test_a_statute_does_not_cover_a_higher_minimum():
    assert ("IH250", "warning") in _findings("Cellar staff must be 26 or over as we sell alcohol.")


def test_an_insurers_driver_age_covers_a_minimum_and_is_named():
    text = "Van drivers must be 25 or over because of our insurance policy."
    assert not _age_ids(text)
    assert _notes(text) and "insurer" in _notes(text)[0]


def test_an_insurers_driver_age_does_not_cover_an_upper_limit():
    assert ("IH250", "error") in _findings("Van drivers must be under 50 because of our insurance policy.")


def test_a_basis_far_from_the_trait_in_a_long_sentence_still_counts():
    text = ("Male applicants born after December 31, 1959 will be asked, before any offer is made, to "
            "sign a form and send proof of their registration with the Selective Service System.")
    assert not _age_ids(text) and "IH150" not in {r for r, _s in _findings(text)}


# --- encouragement ---------------------------------------------------------------------------------
def test_an_age_limit_next_to_an_invitation_is_still_flagged():
    assert "IH250" in {r for r, _s in _findings("Age: below 32 years; both men and women may apply.")}


def test_welcoming_older_applicants_is_quiet():
    assert not _age_ids("We particularly welcome applications from people aged 55 and over.")


@pytest.mark.parametrize("text", ["Young person's key worker, supported housing team.",
                                  "Older people's community nurse wanted for the east locality.",
                                  "Preference given to applicants with experience of children's and "
                                  "young people's services."])
def test_a_possessive_trait_names_a_service_not_the_hire(text):
    assert not _age_ids(text), _findings(text)


def test_a_bare_casting_line_with_a_performer_is_casting():
    text = "Casting: actress aged 55-65 to play the headteacher."
    assert not _age_ids(text) and _notes(text)


def test_metal_casting_is_not_casting_for_a_role():
    text = "Die casting production: operators aged 20-30 only."
    assert "IH250" in {r for r, _s in _findings(text)} or "IH201" in {r for r, _s in _findings(text)}


def test_a_named_government_youth_programme_covers_its_age_band():
    text = "Kickstart placement: you must be aged 16 to 24 and claiming Universal Credit."
    assert not _age_ids(text) and _notes(text)
    assert _age_ids("Our own youth internship: you must be aged 16 to 24.")


@pytest.mark.parametrize("text", ["This vacancy is for women only.", "The post is strictly for young graduates."])
def test_the_job_is_for_x_keeps_the_hire(text):
    assert {r for r, _s in _findings(text)} & {"IH113", "IH150", "IH201", "IH250"}, _findings(text)


def test_a_thing_that_is_for_someone_is_not_the_hire():
    assert not _age_ids("The drop-in service is for young people aged 16 to 25.")


def test_canada_summer_jobs_sets_its_age_band():
    text = "This position is funded by Canada Summer Jobs; applicants must be aged 15 to 30."
    assert not _age_ids(text) and _notes(text)


@pytest.mark.parametrize("text", ["Health insurance for staff aged 18 to 64 and their families.",
                                  "National Living Wage applies to workers aged 21 and over.",
                                  "Employer pension contributions start for staff aged 22 and over."])
def test_an_age_band_of_a_benefit_or_pay_rate_is_not_a_hiring_limit(text):
    assert not _age_ids(text), _findings(text)


def test_insurance_before_an_upper_limit_does_not_silence_it():
    assert _age_ids("Because of our insurance, drivers must be aged 21-30.")
