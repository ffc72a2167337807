"""Each kind of identifier, and the things that must stay."""

from __future__ import annotations

import pytest

from inclusive_hiring.redact.engine import Options, find_spans, redact_text


def kinds(text: str, options: Options | None = None) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in find_spans(text, options or Options())]


@pytest.mark.parametrize("phone", [
    "+44 7700 900461", "07700 900 318", "0121 496 0732", "(415) 555-0147", "404.555.0193", "+1 514 555 0178",
    "+91 98450 12345", "+91-98140-55512", "+234 803 555 0192", "0806 555 7731", "+49 (0)30 1234 5678",
    "+63 917 555 8899", "0917-555-2834", "+55 11 98765-4321", "(21) 99876-5432", "+81 90-5555-1234",
])
def test_phones_in_many_formats(phone):
    assert ("PHONE", phone) in kinds(f"Call me on {phone} any time.")


@pytest.mark.parametrize("text", ["2015 - 2019", "21-08-1993", "1997-04-30", "£45,000", "req 2291",
                                  "1,200 regression tests", "01304-001"])
def test_not_phones(text):
    assert all(kind != "PHONE" for kind, _ in kinds(text))


def test_emails_urls_handles_and_a_kept_employer_domain():
    text = ("zoe.mueller@example.co.uk · linkedin.com/in/zoe-m · https://gracehope.dev · @marcus_builds · "
            "Mastodon: @sven@fosstodon.org\nPlatform Engineer at Booking.com since 2018.\n")
    found = kinds(text)
    assert ("EMAIL", "zoe.mueller@example.co.uk") in found
    assert ("URL", "linkedin.com/in/zoe-m") in found
    assert ("URL", "https://gracehope.dev") in found
    assert ("URL", "@marcus_builds") in found
    assert ("URL", "@sven@fosstodon.org") in found
    assert "Booking.com" in redact_text(text).text


@pytest.mark.parametrize("address", [
    "27 Wilmslow Road, Manchester M14 5TQ", "2219 Larkin Street, Apt 3B, San Francisco, CA 94109",
    "3450 rue Saint-Denis, Montréal, QC H2X 3L3", "No. 12, 4th Cross, Indiranagar, Bengaluru 560038",
    "Schönhauser Allee 112, 10439 Berlin", "Rua Augusta, 1500, apto 72, São Paulo - SP, 01304-001",
    "Prinsengracht 263, 1016 GV Amsterdam", "Plot 7, Admiralty Way, Lekki Phase 1, Lagos",
    "P.O. Box 12345-00100, Nairobi",
])
def test_addresses(address):
    text = f"Jane Roe\n{address}\n"
    assert "[ADDRESS]" in redact_text(text).text.splitlines()[1]
    assert address.split(",")[0] not in redact_text(text).text


def test_dob_age_and_graduation_years_but_not_experience_years():
    text = ("Date of birth: 14/02/1991 · Age: 33\nI am 41 years old.\n\n"
            "EXPERIENCE\nData Engineer, Monzo (2016 – 2020)\n\n"
            "EDUCATION\nBSc Mathematics, University of Leeds, 2012\nMSc Data Science (2016)\n")
    result = redact_text(text).text
    assert "Date of birth: [DOB]" in result and "Age: [AGE]" in result and "I am [AGE]." in result
    assert "Monzo (2016 – 2020)" in result
    assert "BSc Mathematics, [SCHOOL], [YEAR]" in result
    assert "MSc Data Science ([YEAR])" in result


def test_years_of_experience_stay():
    text = "Backend Engineer with 8 years of experience. 12 Jahre Berufserfahrung.\n"
    assert redact_text(text).text == text


def test_pronouns_titles_gender_family():
    text = ("she/her · they/them\nMrs Adeyemi led the audit; he joined later.\nSex: Male\nMarital status: Married\n"
            "I am a married mother of two and returned from maternity leave.\n")
    result = redact_text(text).text
    assert result.startswith("[PRONOUN]/[PRONOUN] · [PRONOUN]/[PRONOUN]")
    assert "[TITLE] [NAME] led the audit; [PRONOUN] joined" in result
    assert "Sex: [GENDER]" in result and "Marital status: [FAMILY]" in result
    assert "I am [FAMILY] and returned from [FAMILY]." in result


def test_nationality_statements_but_not_employers():
    text = ("Nationality: German\nI am a US citizen and hold an Italian passport; Skilled Worker visa required.\n"
            "Analyst at British Airways and State Bank of India; speaks English.\n")
    result = redact_text(text).text
    assert "Nationality: [NATIONALITY]" in result
    assert "I am a [NATIONALITY] and [NATIONALITY]; [NATIONALITY]." in result
    assert "British Airways and State Bank of India; speaks English." in result


def test_religion_and_memberships_with_neutral_descriptions():
    text = ("Religion: Hindu\nI volunteer at St Aidan's Church and the local mosque during Ramadan.\n"
            "Member of the Society of Women Engineers and the National Society of Black Engineers.\n"
            "President of the Aston Islamic Society. Organiser, Out in Tech Montréal.\n"
            "Alumnus of Temple University. Member of the British Computer Society.\n")
    result = redact_text(text, Options(keep_schools=True)).text
    assert "Religion: [RELIGION]" in result
    assert "at [RELIGION] and the local [RELIGION] during [RELIGION]." in result
    assert result.count("[MEMBERSHIP: professional engineering society]") == 2
    assert "[MEMBERSHIP: student society]" in result
    assert "[MEMBERSHIP: technology community group]" in result
    assert "Temple University" in result  # a university, not a place of worship (schools kept here)
    assert "British Computer Society" in result


def test_schools_redacted_unless_kept_and_employer_schools_stay():
    text = ("EDUCATION\nB.Tech in Electronics, IIT Madras, 2015\nBA in Economics, Spelman College\n\n"
            "EXPERIENCE\nHead of Mathematics, Ghana International School, 2018 – present\n")
    result = redact_text(text).text
    assert "[SCHOOL], [YEAR]" in result and "BA in Economics, [SCHOOL]" in result
    assert "Ghana International School" in result
    kept = redact_text(text, Options(keep_schools=True)).text
    assert "IIT Madras" in kept and "Spelman College" in kept and "[YEAR]" in kept


def test_employers_only_on_request():
    text = "EXPERIENCE\nSenior Data Engineer, Monzo (2020 – present)\nData Engineer at Auto Trader (2016 – 2020)\n"
    assert redact_text(text).text == text
    result = redact_text(text, Options(redact_employers=True)).text
    assert "Monzo" not in result and "Auto Trader" not in result
    assert "Senior Data Engineer, [EMPLOYER]" in result


def test_output_is_deterministic_and_counts_by_kind():
    text = "Zoë Müller\nzoe@example.com · +44 7700 900461\nZoë led the team.\n"
    first, second = redact_text(text), redact_text(text)
    assert first.text == second.text and first.key_entries() == second.key_entries()
    assert first.counts == {"NAME": 2, "EMAIL": 1, "PHONE": 1}
    assert first.key_entries()[0] == {"placeholder": "[NAME]", "original": "Zoë Müller", "occurrences": 1}


def test_an_age_after_the_word_age_is_redacted_but_not_an_age_range():
    from inclusive_hiring.redact.detectors import ages
    from inclusive_hiring.redact.lexicon import shipped

    for text in ("Born 12/03/1975, age 49.", "Age 49, married.", "Age 52."):
        assert any(s.kind == "AGE" for s in ages.find(text, shipped())), text
    for text in ("Ran the age 18 to 25 programme.", "The age 16-18 academy.", "Cut age 30% of costs."):
        assert not ages.find(text, shipped()), text
