"""The long tail of the kinds that missed on held-out CVs: religion stated indirectly, memberships
without an organisation noun, marital status and nationality in other languages' prose and
labels, dates of birth and ages in many forms, school names with commas, campuses and numbers.

Every case is a sentence written for this test (none is a line of a held-out CV): what must go,
and what must stay.
"""

from __future__ import annotations

import pytest

from inclusive_hiring.redact.engine import Options, find_spans, redact_text

HEADER = "# Ana Costa\n\n"


def redacted(sentence: str) -> str:
    """``sentence`` redacted as the body of a CV (after a name heading, so it is not taken for
    the candidate's name)."""
    return redact_text(HEADER + sentence).text[len("# [NAME]\n\n"):]


def kinds_of(sentence: str) -> list[tuple[str, str]]:
    text = HEADER + sentence
    return [(s.kind, text[s.start:s.end]) for s in find_spans(text, Options()) if s.start >= len(HEADER)]


def assert_gone(sentence: str, gone: list[str], kept: tuple[str, ...] = ()) -> str:
    out = redacted(sentence)
    for word in gone:
        assert word not in out, (sentence, out)
    for phrase in kept:
        assert phrase in out, (sentence, out)
    return out


# --- religion stated indirectly -----------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "gone", "kept"), [
    ("Weekend volunteer with Singles for Christ in Cebu.", ["Singles", "Christ"], ("Weekend volunteer with",)),
    ("Ran the youth fellowship at my home parish for three years.", ["youth fellowship", "parish"], ("Ran the",)),
    ("I coordinate a Bible study group on Wednesday nights.", ["Bible"], ("I coordinate a",)),
    ("I will need a shorter day during Ramadan.", ["Ramadan"], ("shorter day",)),
    ("Organised the Diwali committee's charity dinner.", ["Diwali committee"], ("Organised the",)),
    ("I take leave for Jewish holidays each autumn.", ["Jewish", "holidays"], ("each autumn",)),
    ("Treasurer of Hillel while studying.", ["Hillel"], ("Treasurer of",)),
    ("Volunteer at the Muslim Students Association food drive.", ["Muslim", "Students Association"], ()),
    ("I am a practising Sikh and wear a dastar.", ["Sikh", "dastar"], ("I am a practising",)),
    ("Catholic Youth camp leader, summers 2015-2017.", ["Catholic Youth"], ("leader",)),
    ("Greeter and usher at Hope Valley Baptist Church.", ["Hope Valley", "Baptist", "Church"], ("Greeter and usher",)),
    ("Taught Sunday school at our local chapel.", ["Sunday school", "chapel"], ("Taught",)),
    ("Cooked in the gurdwara langar on Sundays.", ["gurdwara", "langar"], ("Cooked in the",)),
    ("Altar server from the age of ten.", ["Altar server"], ("from the age of ten",)),
    ("Member of the Iglesia ni Cristo choir.", ["Iglesia ni Cristo"], ("Member of the",)),
    ("I read the Quran with my students at the weekend madrasa.", ["Quran", "madrasa"], ("with my students",)),
    ("I help run iftar meals for our neighbourhood.", ["iftar"], ("for our neighbourhood",)),
    ("Our family celebrates Idul Fitri and Lebaran together.", ["Idul Fitri", "Lebaran"], ()),
    ("Agama: Kristen Protestan", ["Kristen Protestan"], ("Agama:",)),
])
def test_religion_stated_indirectly_goes(sentence, gone, kept):
    assert_gone(sentence, gone, kept)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Account lead for the Christian Dior fragrance launch.", "Christian Dior"),
    ("Senior Nurse, Catholic Health Initiatives, 2015 - 2020", "Catholic Health Initiatives"),
    ("Credit analyst at the Islamic Development Bank in Jeddah.", "Islamic Development Bank"),
    ("Structured sukuk deals in Islamic finance.", "Islamic finance"),
    ("Fundraising manager at Christian Aid.", "Christian Aid"),
    ("Wrote Bible-style reference guides for the SDK.", "Bible-style reference guides"),
    ("Ran mass spectrometry on protein samples.", "mass spectrometry"),
    ("Seconded to the Ministry of Health for vaccine logistics.", "Ministry of Health"),
])
def test_religious_looking_words_in_work_stay(sentence, kept):
    out = redacted(sentence)
    assert kept in out and "[RELIGION]" not in out, out


# --- memberships without an organisation noun ---------------------------------------------------

@pytest.mark.parametrize(("sentence", "gone"), [
    ("Board member of the Jewish Women's Archive oral history project.", ["Jewish", "Women's Archive"]),
    ("Speaker at Black in AI workshops.", ["Black in AI"]),
    ("Mentor with Women Who Code Manila.", ["Women Who Code"]),
    ("Lesbians Who Tech scholar, 2019.", ["Lesbians Who Tech"]),
    ("Active in Out in Tech Berlin.", ["Out in Tech"]),
    ("Co-chair, Disabled Staff Network.", ["Disabled Staff"]),
    ("Joined the Society of Hispanic Professional Engineers as a student.", ["Hispanic"]),
    ("Volunteer with Black Women Rising on coding nights.", ["Black Women Rising"]),
    ("Member of Queer Coders Lisbon.", ["Queer Coders"]),
    ("Membro do Coletivo de Mulheres Negras na Computação.", ["Mulheres Negras", "Computação"]),
    ("Integrante da Rede de Mulheres Indígenas na Ciência.", ["Mulheres Indígenas", "Ciência"]),
])
def test_trait_memberships_go_with_a_neutral_description(sentence, gone):
    out = assert_gone(sentence, gone)
    assert "[MEMBERSHIP: " in out, out


@pytest.mark.parametrize("sentence", [
    "Specialist in women's health nursing.",
    "Priced exotic options with Black-Scholes pricing.",
    "Built native iOS apps in Swift.",
    "Led the Native Platform Team at Spotify.",
    "Clinical lead, Women's Health Unit, 2016 - 2021",
])
def test_trait_words_in_skills_stay(sentence):
    out = redacted(sentence)
    assert out == sentence, out


# --- marital status and nationality in other languages ------------------------------------------

@pytest.mark.parametrize(("sentence", "gone"), [
    ("Ela é casada e portuguesa.", ["casada", "portuguesa"]),
    ("Sou divorciado e tenho duas filhas.", ["divorciado", "duas filhas"]),
    ("Soy soltero y de nacionalidad colombiana.", ["soltero", "colombiana"]),
    ("Je suis pacsée, de nationalité ivoirienne.", ["pacsée", "ivoirienne"]),
    ("Ich bin ledig und deutsche Staatsbürgerin.", ["ledig", "Staatsbürgerin"]),
    ("Sono nubile, cittadinanza italiana.", ["nubile", "italiana"]),
    ("Jestem mężatką, obywatelstwo polskie.", ["mężatką", "polskie"]),
    ("Bekarım ve Türk vatandaşıyım.", ["Bekarım", "vatandaşıyım"]),
    ("Saya belum menikah dan berkewarganegaraan Indonesia.", ["belum menikah", "Indonesia"]),
    ("Ako ay walang asawa at Pilipino.", ["walang asawa", "Pilipino"]),
    ("Tengo tres hijos.", ["tres hijos"]),
    ("Ho due figlie.", ["due figlie"]),
    ("May tatlong anak.", ["tatlong anak"]),
])
def test_marital_status_and_nationality_in_prose_go(sentence, gone):
    assert_gone(sentence, gone)


@pytest.mark.parametrize(("sentence", "gone", "kind"), [
    ("Estado civil: divorciada", "divorciada", "FAMILY"),
    ("Situation familiale : célibataire", "célibataire", "FAMILY"),
    ("Familienstand: geschieden", "geschieden", "FAMILY"),
    ("Stan cywilny: kawaler", "kawaler", "FAMILY"),
    ("Medeni hali: bekar", "bekar", "FAMILY"),
    ("Status perkawinan: belum kawin", "belum kawin", "FAMILY"),
    ("Nacionalidade: angolana", "angolana", "NATIONALITY"),
    ("Staatsangehörigkeit: österreichisch", "österreichisch", "NATIONALITY"),
    ("Uyruğu: T.C.", "T.C", "NATIONALITY"),
    ("Kewarganegaraan: WNI", "WNI", "NATIONALITY"),
    ("Community: MBC", "MBC", "NATIONALITY"),
])
def test_labelled_status_goes(sentence, gone, kind):
    assert (kind, gone) in [(k, v.rstrip(".")) for k, v in kinds_of(sentence)]


@pytest.mark.parametrize("sentence", [
    "Implemented single sign-on with Okta.",
    "I married the two billing systems into one ledger.",
    "Engaged stakeholders in five countries.",
    "Community: organised monthly Python meetups.",
    "Status: open to relocation.",
    "Worked with NATO in Brussels on logistics.",
    "Translated manuals from Portuguese and Spanish.",
    "Ledger reconciliation and month-end close.",
])
def test_everyday_words_stay(sentence):
    assert redacted(sentence) == sentence


# --- dates of birth and ages --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Date of Birth - 14.11.1991", "DOB 14 Nov 1991", "D.O.B: November 14th, 1991", "Born: 1991-11-14",
    "Birth date: 14-Nov-1991", "Born on the 14th of November 1991 in Derby.", "Date of birth 14/11/1991",
    "Data de nascimento: 14 de novembro de 1991", "Fecha de nacimiento: 14 de noviembre de 1991",
    "Data di nascita: 14 novembre 1991", "Data urodzenia: 14 listopada 1991", "Doğum tarihi: 14 Kasım 1991",
    "Tanggal lahir: 14 November 1991", "Petsa ng kapanganakan: Nobyembre 14, 1991",
    "1991 doğumluyum.",
])
def test_dates_of_birth_in_many_forms(sentence):
    out = redacted(sentence)
    assert "1991" not in out and "[DOB]" in out, out


@pytest.mark.parametrize(("sentence", "place"), [
    ("Tempat, tanggal lahir: Medan, 2 Mei 1993", "Medan"),
    ("Date and place of birth: 02.05.1993, Gdańsk", "Gdańsk"),
    ("Nascida em 2 de maio de 1993 em Natal.", "Natal"),
    ("Lahir di Makassar, 2 Mei 1993.", "Makassar"),
])
def test_place_of_birth_goes_with_the_date(sentence, place):
    out = redacted(sentence)
    assert place not in out and "1993" not in out, out


@pytest.mark.parametrize("sentence", [
    "Aged 41, based in Cardiff.", "I am a 41-year-old engineer.", "41 yrs old.", "41 y/o", "41 years of age",
    "Ho 41 anni.", "Mam 41 lat.", "41 yaşındayım.", "Umur 41 tahun.", "41 taong gulang",
])
def test_ages_in_many_forms(sentence):
    assert "41" not in redacted(sentence)


@pytest.mark.parametrize("sentence", [
    "8 years of experience in payments.", "Pengalaman 5 tahun di bidang perbankan.", "Led a team of 12 for 3 years.",
    "Shipped release 2.1 on 14 Nov 2021.",
])
def test_experience_and_job_dates_stay(sentence):
    assert redacted(sentence) == sentence


# --- school names -------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "gone"), [
    ("BSc Geology, Obafemi Awolowo University, Ile-Ife, 2012", ["Obafemi", "Ile-Ife"]),
    ("BEng, University of Benin, Ugbowo Campus, 2011", ["Benin", "Ugbowo"]),
    ("MS Statistics, University of Illinois–Chicago, 2018", ["Illinois", "Chicago"]),
    ("BA Law, Goldsmiths, University of London, 2013", ["Goldsmiths", "London"]),
    ("B.Tech, IIT Kharagpur, 2016", ["IIT Kharagpur"]),
    ("Baccalauréat, Lycée Victor Hugo, Besançon, 2007", ["Victor Hugo", "Besançon"]),
    ("Abitur, Gymnasium am Markt, Bünde, 2006", ["Markt", "Bünde"]),
    ("Bachillerato, Colegio Americano de Quito, 2008", ["Americano", "Quito"]),
    ("Laurea, Politecnico di Torino, 2014", ["Torino"]),
    ("ND Electrical, Kaduna Polytechnic, 2009", ["Kaduna Polytechnic"]),
    ("SMA Negeri 8 Yogyakarta, 2011", ["Negeri 8", "Yogyakarta", "2011"]),
    ("Liceum Ogólnokształcące nr 2 w Lublinie, 2010", ["Lublinie", "2010"]),
    ("Class of 2009, Roosevelt High School, Fresno", ["Roosevelt", "Fresno", "2009"]),
])
def test_school_names_with_commas_campuses_and_numbers(line, gone):
    text = "## Education\n\n" + line
    out = redact_text(HEADER + text).text
    for word in gone:
        assert word not in out, out


def test_keep_schools_keeps_them():
    out = redact_text(HEADER + "BSc, Obafemi Awolowo University, Ile-Ife, 2012", Options(keep_schools=True)).text
    assert "Obafemi Awolowo University, Ile-Ife" in out


@pytest.mark.parametrize("line", [
    "BSc Computer Science, University of Leeds, First Class Honours",
    "MSc, University of Lagos, Nigeria",
])
def test_grade_or_country_after_a_school_stays(line):
    out = redact_text(HEADER + line).text
    assert out.endswith(line.rsplit(", ", 1)[1]), out


def test_a_role_word_before_a_membership_stays():
    out = redacted("Membro do Coletivo de Mulheres Negras na Computação.")
    assert out.startswith("Membro do [MEMBERSHIP: "), out


# --- seen while writing the new dev CVs -----------------------------------------------------------

def test_a_name_word_inside_an_employer_stays_and_the_name_still_goes():
    text = "# Karim Said Mansour\n\nSite engineer at Said Fawzy Construction, 2016 - 2019.\nKarim Said led the team."
    out = redact_text(text).text
    assert "Said Fawzy Construction" in out and "Karim" not in out and out.count("Said") == 1, out


def test_a_date_of_birth_with_an_age_is_no_phone_number():
    assert kinds_of("Date of Birth: 17-04-1990 (35)") == [("DOB", "17-04-1990"), ("AGE", "35")]


def test_labels_on_one_line_stay_apart():
    out = redacted("Religion: Sikh   Category: SC   Languages: Punjabi, English")
    assert out == "Religion: [RELIGION]   Category: [NATIONALITY]   Languages: Punjabi, English", out


def test_a_group_name_ends_before_the_sentence_goes_on():
    out = redacted("I take Fridays off in Lent and I sing at St Anne's Church.")
    assert out == "I take Fridays off in [RELIGION] and I sing at [RELIGION].", out


@pytest.mark.parametrize(("sentence", "gone", "kept"), [
    ("Sou pai de três filhos.", ["pai de três filhos"], ("Sou",)),
    ("Ela nasceu em 4 de julho de 1990 em Niterói.", ["1990", "Niterói"], ("Ela nasceu em",)),
    ("Nata a Bari il 4 luglio 1990.", ["Bari", "1990"], ("Nata a",)),
    ("Ehrenamtlich in der Pfarrei St. Josef aktiv.", ["Pfarrei", "Josef"], ("Ehrenamtlich",)),
    ("Catequista en la parroquia de Santa Ana.", ["parroquia", "Santa Ana"], ()),
    ("Ad Soyad: Elif Kaya", ["Elif", "Kaya"], ("Ad Soyad:",)),
    ("BSc, Ain Shams University, Faculty of Commerce, 2015", ["Ain Shams", "Commerce"], ("BSc",)),
    ("WAEC, St Gregory the Great College, Lagos, 2008", ["Gregory", "Great"], ("WAEC",)),
])
def test_forms_seen_in_the_new_dev_cvs(sentence, gone, kept):
    assert_gone(sentence, gone, kept)


def test_a_roman_numeral_ends_a_credential_not_starts_a_school():
    row = "CFA Level II    CFA Institute    2021"
    assert redacted(row).startswith("CFA Level II    "), redacted(row)
    assert "Liceum" not in redacted("Matura, IV Liceum Ogólnokształcące, 2010")
    assert "IV" not in redacted("Matura, IV Liceum Ogólnokształcące, 2010")


# --- a second sweep, in English ------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "gone", "kept"), [
    ("Happily married since 2012 and based in Bristol.", ["married"], ("based in Bristol",)),
    ("Widowed in 2021; back at work since 2022.", ["Widowed", "2021"], ("back at work since 2022",)),
    ("Recently separated.", ["separated"], ()),
    ("Caring for my ageing mother since 2020.", ["mother"], ()),
    ("Stay-at-home dad between contracts.", ["Stay-at-home dad"], ("between contracts",)),
    ("No. of children: 2", ["2"], ("No. of children:",)),
    ("Joint Irish/Australian citizen.", ["Irish", "Australian"], ()),
    ("Permanent resident of New Zealand.", ["New Zealand"], ()),
    ("Ghanaian by birth, British by naturalisation.", ["Ghanaian", "British"], ()),
    ("Originally from Enugu, Nigeria.", ["Enugu", "Nigeria"], ()),
    ("Birthday: 14 July", ["14 July"], ("Birthday:",)),
    ("Marcus Lee (b. 1988) leads the platform team.", ["1988"], ("leads the platform team",)),
    ("I'm 44 and a keen cyclist.", ["44"], ("keen cyclist",)),
    ("Aged forty-two.", ["forty-two"], ()),
    ("Studied at Kenyatta University from 2009 to 2013.", ["Kenyatta", "2009", "2013"], ("Studied at",)),
    ("Alumna of St. Mary's College, Kisumu.", ["Mary's", "Kisumu"], ("Alumna of",)),
    ("MSc, Lahore University of Management Sciences (LUMS), Lahore, 2015", ["Management Sciences", "Lahore"], ()),
    ("Volunteer with the Society of St Vincent de Paul food bank.", ["Vincent"], ("food bank",)),
    ("Member of Delta Sigma Theta since college.", ["Delta Sigma Theta"], ("since college",)),
    ("Vice-chair of the Muslim Women's Network.", ["Muslim", "Women's Network"], ("Vice-chair of the",)),
])
def test_second_sweep_goes(sentence, gone, kept):
    assert_gone(sentence, gone, kept)


@pytest.mark.parametrize("sentence", [
    "Recently migrated the ledger to PostgreSQL.",
    "Married the billing and CRM data in one warehouse in 2019.",
    "Originally from the finance team, I moved into data in 2018.",
    "Studied the payment flows before the 2020 redesign.",
    "Member of the Python Software Foundation.",
    "Parent company: Unilever.",
])
def test_second_sweep_stays(sentence):
    assert redacted(sentence) == sentence


# --- forms: Indian, East Asian and other personal-details labels -----------------------------------

@pytest.mark.parametrize(("line", "kind", "gone"), [
    ("S/o Suresh Patil, Kolhapur", "FAMILY", "Suresh Patil"),
    ("W/o Late Shri Anil Verma", "FAMILY", "Anil Verma"),
    ("Caste: Reddy (OC)", "NATIONALITY", "Reddy"),
    ("Gotra: Bharadwaj", "NATIONALITY", "Bharadwaj"),
    ("Home district: Mbarara", "NATIONALITY", "Mbarara"),
    ("Ethnic group: Ewe", "NATIONALITY", "Ewe"),
    ("Next of kin: Peter Mwangi (brother)", "FAMILY", "Peter Mwangi"),
    ("Father's occupation: farmer", "FAMILY", "farmer"),
    ("民族：回族", "NATIONALITY", "回族"),
    ("婚姻状况：未婚", "FAMILY", "未婚"),
    ("出生日期：1992年3月8日", "DOB", "1992年3月8日"),
    ("宗教信仰：佛教", "RELIGION", "佛教"),
    ("年龄：33岁", "AGE", "33"),
])
def test_personal_details_labels(line, kind, gone):
    found = kinds_of(line)
    assert any(k == kind and gone in v for k, v in found), found
    assert gone not in redacted(line)


def test_a_trait_noun_label_is_no_membership():
    assert redacted("Ethnic group: Fante") == "Ethnic group: [NATIONALITY]"
    assert redacted("Caste: Reddy (OC)") == "Caste: [NATIONALITY]"


def test_weekly_mass_goes_but_mass_spectrometry_stays():
    assert "Mass" not in redacted("I attend Mass on Sundays.")
    assert redacted("Daily mass spectrometry runs.") == "Daily mass spectrometry runs."


# --- memberships and congregations in more languages --------------------------------------------

@pytest.mark.parametrize(("sentence", "gone", "kept"), [
    ("Mitglied im Netzwerk Informatikerinnen Nord.", ["Informatikerinnen"], ("Mitglied im",)),
    ("Aktiv bei Frauen in der Informatik e.V.", ["Frauen", "Informatik"], ("Aktiv bei",)),
    ("Mitglied der Jüdischen Gemeinde Köln.", ["Jüdischen", "Köln"], ("Mitglied der",)),
    ("Betreuer bei der Katholischen Jugend Münster.", ["Katholischen", "Münster"], ()),
    ("Voluntária na Pastoral Familiar da paróquia.", ["Pastoral Familiar", "paróquia"], ("Voluntária na",)),
    ("Member of the Ghanaian Nurses Association of Canada.", ["Ghanaian", "Canada"], ("Member of the",)),
    ("Member of the Muslim Council of Wales youth forum.", ["Muslim", "Wales"], ("Member of the",)),
    ("Patron of the Uganda Federation of Disabled Workers.", ["Disabled", "Uganda"], ("Patron of the",)),
    ("Member of Out & Equal since 2019.", ["Out & Equal"], ("since 2019",)),
])
def test_memberships_and_congregations_in_more_languages(sentence, gone, kept):
    assert_gone(sentence, gone, kept)


@pytest.mark.parametrize("sentence", [
    "Member of the Institution of Civil Engineers.",
    "Member of the Python Software Foundation and the Open Source Initiative.",
    "Worked at Philippine Airlines on the crew scheduling system.",
    "Partner at Frauenhofer Consulting.",
])
def test_memberships_without_a_trait_stay(sentence):
    assert redacted(sentence) == sentence


@pytest.mark.parametrize(("line", "gone"), [
    ("BSc, University of Cape Coast (Abura campus), 2013", ["Cape Coast", "Abura"]),
    ("Licenciatura, Universidad de Buenos Aires (UBA), 2011", ["Buenos Aires", "UBA"]),
    ("B.Tech, IIT (ISM) Dhanbad, 2017", ["IIT", "ISM", "Dhanbad"]),
    ("Diploma, Springdale High, 2007", ["Springdale"]),
    ("Class of '07, Lakeside High School", ["'07", "Lakeside"]),
    ("Master, Sciences Po Lyon, 2016", ["Sciences Po", "Lyon"]),
])
def test_school_short_names_campuses_in_brackets_and_short_years(line, gone):
    out = redact_text(HEADER + "## Education\n\n" + line).text
    for word in gone:
        assert word not in out, out


def test_high_alone_is_no_school_outside_education():
    line = "Built a High Availability cluster, 2019"
    assert redact_text(HEADER + "## Experience\n\n" + line).text.endswith(line)


@pytest.mark.parametrize("sentence", [
    "Upgraded the God of War asset pipeline.",
    "Wrote the Gita-inspired naming scheme for our services.",
    "Used Torah-style versioning for the content API.",
    "Built the MAN 2 logistics dashboard for MAN Truck & Bus.",
    "Migrated PS 4 scripts to PowerShell 7.",
    "Member of the Project Management Institute.",
    "Chartered Member of the Chartered Institute of Personnel and Development.",
    "Speaker at the Women's Health Summit on triage software.",
])
def test_work_sentences_that_look_religious_or_like_schools_stay(sentence):
    assert redacted(sentence) == sentence


@pytest.mark.parametrize(("sentence", "start"), [
    ("Launched the Ramadan offers page for Careem.", "Launched the "),
    ("Analysed Catholic school enrolment data for the county.", "Analysed "),
    ("Built the Jewish Museum's ticketing system.", "Built the "),
])
def test_a_sentence_opening_is_not_taken_into_a_religious_name(sentence, start):
    out = redacted(sentence)
    assert out.startswith(start + "[RELIGION]"), out


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Languages: Polish and German · Married", "Languages: Polish and German · [FAMILY]"),
    ("Nationality: Kenyan; Languages: Swahili, English and French",
     "Nationality: [NATIONALITY]; Languages: Swahili, English and French"),
    ("Divorced, speaks Spanish and Italian.", "[FAMILY], speaks Spanish and Italian."),
])
def test_languages_on_a_personal_line_stay(sentence, expected):
    assert redacted(sentence) == expected
