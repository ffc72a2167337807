"""Round 9: the detectors that read a CV's structure instead of lists of whole strings.

Sections (``redact/sections.py``), personal-details fields with labels no list names
(``detectors/details.py``), memberships read against a trait lexicon (``detectors/affiliations.py``),
education entries read by their shape (``detectors/education.py``) and religion said through a
place or a practice (``detectors/faith.py``). Every case is written for this file, in other
words and other countries than the labelled CVs: what must go and what must stay.
"""

from __future__ import annotations

import pytest

from inclusive_hiring.redact import sections
from inclusive_hiring.redact.detectors import affiliations, details, education, faith
from inclusive_hiring.redact.engine import Options, redact_text
from inclusive_hiring.redact.lexicon import shipped
from inclusive_hiring.redact.spans import Span, fill

LEX = shipped()


def out(text: str, **options: bool) -> str:
    return redact_text(text, Options(**options)).text


# --- sections ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "kind"), [
    ("Personal Particulars", "personal"), ("Persönliche Angaben", "personal"), ("Datos personales", "personal"),
    ("Ausbildung und Studium", "education"), ("Formação Académica", "education"), ("学歴", "education"),
    ("Voluntariado y asociaciones", "memberships"), ("Hobbies & interests", "memberships"),
    ("Berufserfahrung", "experience"), ("Key Skills", "skills"), ("Referees", ""),
])
def test_section_titles_are_classified_in_several_languages(title, kind):
    assert sections.classify(title, LEX) == kind


def test_lines_carry_their_section_and_the_top_ends_at_the_first_other_section():
    text = "# Tomasz Wójcik\n\nMiasto: Gdynia\n\n## Doświadczenie\nTester, Acme\n\n## Edukacja\nx\n"
    parsed = sections.parse(text, LEX)
    by_text = {line.text: line for line in parsed}
    assert by_text["Miasto: Gdynia"].top and not by_text["Tester, Acme"].top
    assert by_text["Tester, Acme"].section == "experience"
    assert by_text["## Doświadczenie"].heading


def test_a_stem_under_four_letters_or_marked_with_a_dollar_is_a_whole_word():
    assert sections.stem_matches("ba", "ba economics") and not sections.stem_matches("ba", "bank")
    assert sections.stem_matches("church$", "st church") and not sections.stem_matches("church$", "churchill")
    assert sections.stem_matches("educat", "educational background")


# --- personal-details fields ------------------------------------------------------------------

@pytest.mark.parametrize(("label", "kind"), [
    ("Lugar de nacimiento", "NATIONALITY"), ("Date of Birth / Ngày sinh", "DOB"), ("Estado civil", "FAMILY"),
    ("Kimlik No", "NATIONALITY"), ("Wyznanie", "RELIGION"), ("Home town", "NATIONALITY"),
    ("Mother tongue", "keep"), ("Notice period", "keep"), ("Favourite colour", ""),
])
def test_labels_are_read_by_their_words_in_either_language(label, kind):
    assert details.label_kind(label, LEX) == kind


def test_fields_are_read_in_colon_table_segment_and_numbered_forms():
    assert [f.label for f in details.fields("| Sexo | Feminino |", 0)] == ["Sexo"]
    assert [f.label for f in details.fields("Town: Gdynia | Wyznanie: brak", 0)] == ["Town", "Wyznanie"]
    line = "**7. District of origin:** Kisumu"
    (field,) = details.fields(line, 0)
    assert line[field.start:field.end] == "Kisumu"
    assert list(details.fields("|---|---|", 0)) == []


def test_an_unknown_label_in_a_personal_block_is_redacted_but_not_in_experience():
    text = ("# Amina Odhiambo\n\nSub-county: Nyando\nHostel: Block C\nLanguages: Dholuo, English\n\n"
            "## Work history\nPlatform: Kubernetes on bare metal\n")
    result = out(text)
    assert "Nyando" not in result and "Block C" not in result
    assert "Dholuo, English" in result and "Platform: Kubernetes on bare metal" in result


def test_a_run_of_form_fields_is_a_personal_block_anywhere():
    text = ("# Cover note\n\n## Experience\nI ran payroll for 40 staff.\n\nDate of birth: 3 March 1990\n"
            "Sex: F\nParish of registration: Saint Andrew\n")
    assert "Saint Andrew" not in out(text)


def test_a_bilingual_field_value_is_redacted_whole():
    text = "# Layla Haddad\n\n| Religion / الديانة | Christian / مسيحية |\n"
    result = out(text)
    assert "مسيحية" not in result and "Christian" not in result


def test_fill_adds_only_the_uncovered_parts_of_a_field():
    text = "Name: Ana [x] Costa"
    chosen = [Span(6, 9, "NAME")]
    filled = fill(chosen, [Span(6, 19, "NAME")], text)
    assert [text[s.start:s.end] for s in filled] == ["Ana", "[x] Costa"]


def test_a_second_column_after_a_wide_gap_is_not_part_of_the_value():
    text = "# Jonas Berg\n\nFaith: Lutheran                 Developer, Volvo Cars (2014)\n"
    result = out(text)
    assert "Lutheran" not in result and "Developer, Volvo Cars" in result


# --- memberships by context and trait lexicon ---------------------------------------------------

@pytest.mark.parametrize("line", [
    "Treasurer, Somali Youth Forum of Leicester",
    "Mitglied im Kurdischen Kulturverein Bremen",
    "Member of the Hmong Students Alliance",
    "Volunteer with the Deaf Sports Federation",
])
def test_a_group_with_a_trait_word_goes_where_membership_is_said(line):
    result = out(f"# Sam Lee\n\n## Community\n{line}\n")
    assert "[MEMBERSHIP" in result
    assert not any(w in result for w in ("Somali", "Kurdischen", "Hmong", "Deaf"))


@pytest.mark.parametrize("line", [
    "Member of the Royal Statistical Society and the British Psychological Society",
    "Volunteer coach, Brighton Rugby Club",
    "Member, Canadian Society of Petroleum Geologists",
])
def test_professional_bodies_and_plain_clubs_stay(line):
    assert line in out(f"# Sam Lee\n\n## Memberships\n{line}\n")


def test_trait_words_are_matched_as_stems_and_inside_compounds():
    assert affiliations.has_trait("Ukraińska Wspólnota", LEX)
    assert affiliations.has_trait("Frauennetzwerk Nord", LEX)
    assert not affiliations.has_trait("British Computer Society", LEX)
    assert not affiliations.has_trait("Code Club Australia", LEX)


def test_a_long_trait_name_goes_even_without_a_cue_but_a_company_stays():
    result = out("# Sam Lee\n\nShe mentors with Black Women Founders Circle Leeds on weekends.\n")
    assert "Women Founders" not in result
    kept = "# Sam Lee\n\nI audited Indigenous Business Australia Limited accounts.\n"
    assert "Indigenous Business Australia Limited" in out(kept)


# --- education entries --------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "school"), [
    ("MSc Marine Biology, Høgskulen på Vestlandet, 2016", "Høgskulen på Vestlandet"),
    ("Diploma in Nursing, Bishop Stuart Hall, Mbarara, 2012", "Bishop Stuart Hall, Mbarara"),
    ("Licenciatura en Derecho | Pontificia Universidad Javeriana | 2009", "Pontificia Universidad Javeriana"),
])
def test_the_school_of_an_entry_is_read_from_its_shape(line, school):
    spans = education.entry_spans(line, LEX)
    assert school in [line[s:e] for s, e, kind in spans if kind == "SCHOOL"]


def test_subjects_and_qualifications_stay_in_an_education_section():
    text = ("# Ines Duarte\n\n## Educação\n- MSc Marine Biology, Høgskulen på Vestlandet, 2016\n"
            "- A levels: Chemistry, Geography, French, 2010\nSpecialist diploma, Data Analytics, 2014\n")
    result = out(text)
    assert "Høgskulen" not in result and "2016" not in result and "2010" not in result
    for kept in ("MSc Marine Biology", "Chemistry, Geography, French", "Specialist diploma, Data Analytics"):
        assert kept in result


def test_keep_schools_keeps_the_school_but_not_the_year():
    text = "# Ines Duarte\n\n## Education\n- BA History, Bishop Stuart Hall, 2011\n"
    result = out(text, keep_schools=True)
    assert "Bishop Stuart Hall" in result and "2011" not in result


def test_a_sentence_in_an_education_section_is_not_an_entry():
    text = ("# Ines Duarte\n\n## Education\nAs Head of Biology at Riverside Academy I started a lab club "
            "for forty pupils.\n")
    assert "Head of Biology" in out(text)


# --- religion through places and practice -------------------------------------------------------

@pytest.mark.parametrize(("line", "gone"), [
    ("Sing in the choir of the kościół św. Anny in Lublin.", "Anny"),
    ("Weekend helper at the Sikh gurdwara langar kitchen.", "langar"),
    ("Umrah in 2019 with my family.", "Umrah"),
])
def test_worship_and_practice_go_outside_work_lines(line, gone):
    assert gone not in out(f"# Rami Aziz\n\n## Interests\n{line}\n")


def test_work_lines_and_faith_employers_stay():
    text = ("# Rami Aziz\n\n## Experience\nFacilities lead, Temple Street Hospital\n\n## Interests\n"
            "Pro bono audits for Christian Aid; Churchill biographies\n")
    result = out(text)
    assert "Temple Street Hospital" in result and "Christian Aid" in result and "Churchill" in result
    assert faith.religious("camiye giderim", LEX) and not faith.religious("Islamic finance", LEX)


# --- birth and origin in prose ------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "gone"), [
    ("Urodziłam się w Olsztynie w 1992 roku.", ("Olsztynie", "1992")),
    ("Nacido en Valparaíso el 3/4/1989.", ("Valparaíso", "3/4/1989")),
    ("I was born and raised in Tamale.", ("Tamale",)),
])
def test_birth_dates_and_places_in_prose(sentence, gone):
    result = out(f"# Ola Nowak\n\n{sentence}\n")
    assert not any(word in result for word in gone), result


def test_born_as_a_figure_of_speech_keeps_what_follows():
    assert "projects in" in out("# Ola Nowak\n\nA born organiser of projects in three countries.\n")


@pytest.mark.parametrize(("sentence", "gone"), [
    ("I am Métis (Red River) and work in Winnipeg.", "Métis"),
    ("I come from a Tharu community in the west.", "Tharu community"),
    ("On my mother's side I am\nMaori and proud of it.", "Maori"),
])
def test_origin_said_of_oneself_goes(sentence, gone):
    assert gone not in out(f"# Kai Rewi\n\n{sentence}\n")


def test_a_woman_in_tech_is_not_an_origin_statement():
    assert "I am a woman in tech" in out("# Kai Rewi\n\nI am a woman in tech and a proud Python user.\n")


# --- addresses at the top, by shape -----------------------------------------------------------

def test_a_list_of_places_on_the_contact_line_is_an_address():
    text = "# Yaw Boateng\n\nHouse 9, Dansoman Estate, Accra | +233 24 555 0199 | yaw@example.org\n"
    assert "Dansoman" not in out(text)


def test_a_place_and_postcode_next_to_the_contact_line_is_an_address():
    text = "# Lim Wei\n\nSpringfield 40213\nlim@example.org\n"
    assert "40213" not in out(text)


def test_a_headline_of_skills_away_from_the_contact_line_stays():
    text = ("# Lim Wei\n\nlim@example.org\n\nSummary\n\nBuilt ETL in Python, Airflow, Spark, Kafka "
            "for a retail bank.\n\nData Engineer, Python, Airflow, Spark\n")
    assert "Data Engineer, Python, Airflow, Spark" in out(text)
