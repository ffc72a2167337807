"""The frame engine's parts: tolerance, referents, lawful bases, encouragement, names, data errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusive_hiring import lint_text
from inclusive_hiring.yamlio import DataError


def _ids(text: str, kind: str = "posting") -> list[str]:
    return sorted(f.rule_id for f in lint_text(text, "case.md", kind).findings if f.scope == "span")


def _notes(text: str) -> list[str]:
    return [f.message for f in lint_text(text, "case.md", "posting").findings if f.rule_id == "IH490"]


# --- case, plural and typo tolerance come from the engine ---------------------------------------
@pytest.mark.parametrize("text", ["FEMALES ONLY.", "Femaile applicants only.", "Only femails will be considered.",
                                  "Immigrnts need not apply.", "👉 𝐆𝐄𝐍𝐃𝐄𝐑: Males only"])
def test_case_plural_typos_and_styled_letters(text):
    assert {"IH150", "IH113", "IH450", "IH404"} & set(_ids(text)), text


def test_a_typo_that_is_a_word_is_not_a_trait():
    assert "IH450" not in _ids("Vocals only for this session singer.")
    assert _ids("Locale only.") == []


# --- referents --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Provide personal care to elderly ladies only at our day centre.",
    "Our clients are mostly female and over 60.",
    "Mentor young people aged 16 to 24 in the youth hub.",
    "Coach boys aged 14 to 18 at weekend camps.",
    "Born in 1990, our founder started the firm at 25.",
])
def test_traits_of_other_people_are_not_preferences(text):
    assert not [i for i in _ids(text) if i.startswith(("IH15", "IH25", "IH1", "IH2"))], _ids(text)


def test_a_trait_on_the_hire_next_to_clients_is_still_flagged():
    assert "IH150" in _ids("Our client is looking for female nannies.") or \
        "IH113" in _ids("Our client is looking for female nannies.")


# --- lawful bases ---------------------------------------------------------------------------------
def test_schedule_9_silences_and_is_named():
    text = "Support worker for a women's refuge: female applicants only (Schedule 9, Equality Act 2010)."
    assert [i for i in _ids(text) if i in ("IH113", "IH150")] == []
    assert _notes(text) and "Schedule 9" in _notes(text)[0]


def test_export_control_covers_us_persons_not_us_citizens():
    persons = "This role is subject to ITAR export control. Applicants must be a U.S. person."
    citizens = "This role is subject to ITAR export control. U.S. citizens only."
    assert "IH450" not in _ids(persons) and _notes(persons)
    assert {"IH450", "IH402"} & set(_ids(citizens))


def test_security_clearance_covers_citizenship():
    text = "Active TS/SCI security clearance required. Must be a U.S. citizen."
    assert not {"IH450", "IH402"} & set(_ids(text))
    assert _notes(text)


def test_visa_sponsorship_never_silences():
    text = "We cannot sponsor visas for this role. US citizens only."
    assert {"IH450", "IH402"} & set(_ids(text))
    assert _notes(text) == []


def test_casting_covers_sex_and_age():
    text = "Casting call for a stage production: female, playing age 20-30, to play the role of Juliet."
    assert not {"IH150", "IH250", "IH113", "IH201"} & set(_ids(text))


def test_statutory_minimum_age_does_not_cover_an_upper_limit():
    assert "IH250" in _ids("Bar staff, age 18-25, to serve alcohol.")


def test_selective_service_is_a_legal_duty():
    assert _ids("Male applicants born after December 31, 1959 must register with the Selective Service.") == []


# --- encouragement ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "We especially welcome applications from women and disabled people.",
    "Native speakers of other languages are encouraged to apply.",
    "Applicants from Black, Asian and minority ethnic backgrounds are under-represented and encouraged to apply.",
])
def test_encouragement_is_not_a_preference(text):
    assert [i for i in _ids(text) if i[2] in "1234"] == [], _ids(text)


def test_encouraging_the_favoured_group_is_still_flagged():
    assert {"IH201", "IH250", "IH202"} & set(_ids("Recent grads and young people are encouraged to apply."))


# --- names and trade terms ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Stock the shelves at our Old Navy store.",
    "Front-of-house staff wanted for the Young Vic.",
    "Class A licence to haul a lowboy trailer.",
    "Build the mobile app in React Native.",
    "Clean the master bedroom and the guest suites daily.",
    "Bartenders wanted for our saloon in Cripple Creek.",
    "Christian Aid is hiring a finance officer.",
])
def test_names_and_trade_terms_are_not_traits(text):
    assert [i for i in _ids(text) if i[2] in "1234"] == [], _ids(text)


def test_title_case_lines_are_not_read_as_names():
    assert "IH150" in _ids("Wanted Female Secretary For Busy Office") or \
        "IH113" in _ids("Wanted Female Secretary For Busy Office")


# --- data -------------------------------------------------------------------------------------------
def test_a_bad_frame_is_a_data_error_with_its_line(tmp_path: Path):
    from inclusive_hiring.frames.pattern import compile_frames
    from inclusive_hiring.yamlio import load_yaml

    data = load_yaml("frames:\n  - id: broken\n    pattern: \"( only X\"\n", tmp_path / "frames.yml")
    with pytest.raises(DataError) as err:
        compile_frames(data, {"TA", "TN"}, tmp_path / "frames.yml")
    assert "frames.yml:2" in str(err.value) and "unbalanced" in str(err.value)


def test_an_unknown_class_is_a_data_error(tmp_path: Path):
    from inclusive_hiring.frames.pattern import compile_frames
    from inclusive_hiring.yamlio import load_yaml

    data = load_yaml("frames:\n  - id: broken\n    pattern: \"only NOPE\"\n", tmp_path / "frames.yml")
    with pytest.raises(DataError, match="unknown class 'NOPE'"):
        compile_frames(data, {"TA", "TN"}, tmp_path / "frames.yml")


def test_output_is_deterministic():
    text = "Female cashier, age 18-25, Hindu preferred. Locals only. Must be HIV negative."
    first = [f.to_dict() for f in lint_text(text, "a.md", "posting").findings]
    assert first == [f.to_dict() for f in lint_text(text, "a.md", "posting").findings]
    found = {f["rule_id"] for f in first}
    assert {"IH250", "IH201"} & found and {"IH450"} <= found and {"IH350", "IH303"} & found


# --- everyday posting lines that name no preference ------------------------------------------
FRAME_RULES = {"IH150", "IH151", "IH152", "IH153", "IH250", "IH350", "IH440", "IH450", "IH470", "IH480"}


@pytest.mark.parametrize("text", [
    "Must be 18 years or older.",
    "Applicants must be at least 21 years old to serve alcohol.",
    "Only shortlisted candidates will be contacted.",
    "Only candidates with a valid driving licence will be considered.",
    "Preference will be given to candidates with SAP experience.",
    "Local applicants preferred; we cannot offer relocation.",
    "Fluent English and Tagalog required.",
    "Native Android and iOS experience is a plus.",
    "Married couples are welcome to apply together for the live-in caretaker role.",
    "Teach English to young learners aged 6 to 12.",
    "Serve customers aged 18+ at the bar.",
    "You will work with children aged 3 to 5.",
    "Prior experience in a Christian school is welcome but not required.",
    "Gender: Any",
    "Age: 18 and above",
    "Nationality: Any",
    "Religion: No preference",
    "Both fresh graduates and experienced candidates may apply.",
    "Our founder, a young mother, started the company in 2015.",
    "We do not hire through agencies.",
    "Priority will be given to residents of the county.",
])
def test_everyday_lines_get_no_frame_finding(text):
    assert not FRAME_RULES & set(_ids(text)), _ids(text)


@pytest.mark.parametrize("path", ["a.md", "a.html", "a.txt"])
@pytest.mark.parametrize("text", [
    "# Jobs\n\n**Bartenders** wanted for our   saloon in *Cripple Creek*.\n",
    "<p>Mentor <b>young offenders</b> aged 16 to 21 as they leave custody.</p>",
    "Intro line.\n\n- Mentor young offenders aged\n  16 to 21 as they leave custody.\n",
])
def test_the_filter_hook_maps_offsets_through_markup(text, path):
    """The phrase rules' findings (IH301 "Cripple", IH201 "aged 16 to 21") are dropped in any markup."""
    assert [f.rule_id for f in lint_text(text, path, "posting").findings if f.scope == "span"] == []


def test_markup_does_not_hide_a_preference():
    text = "## Requirements\n\n- **Gender:** Male\n- Age: *25 - 35*\n"
    ids = {f.rule_id for f in lint_text(text, "a.md", "posting").findings}
    assert {"IH150", "IH113"} & ids and {"IH250", "IH201"} & ids
