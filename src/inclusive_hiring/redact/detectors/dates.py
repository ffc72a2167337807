"""Dates of birth, ages (detectors/ages.py), and graduation years next to degrees or in an education section."""

from __future__ import annotations

import functools
import re

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import lines, trim
from . import ages
from .patterns import alternation, answers, labels

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|"
          r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
          r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
          r"enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
          r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
          r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|"
          r"styczeń|luty|marzec|kwiecień|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień|"
          r"Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık|"
          r"Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|"
          r"Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre)")
#: Months of the Islamic (Hijri) calendar, as written in English CVs from the Gulf.
_HIJRI_MONTH = (r"(?:Muharram|Safar|Rabi[‘'’]?\s*(?:al|ul)[- ](?:Awwal|Thani|Akhir)|Jumada\s*(?:al|ul)[- ]"
                r"(?:Ula|Awwal|Akhirah|Thani)|Rajab|Sha[‘'’]?ban|Ramadan|Ramadhan|Shawwal|Dhu\s*al[- ]Qa[‘'’]?dah|"
                r"Dhu\s*al[- ]Hijjah)")
DATE = re.compile(
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    r"|(?:明治|大正|昭和|平成|令和)\s*(?:元|\d{1,2})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
    rf"|\d{{1,2}}\s+{_HIJRI_MONTH}\s+1[34]\d{{2}}(?:\s*(?:AH|A\.H\.|H|هـ)(?!\w))?"
    rf"|\d{{1,2}}(?:st|nd|rd|th|\.|º|°)?\s*[-/.]?\s*(?:of\s+|de\s+|del\s+)?{_MONTH}\.?,?\s*[-/.]?\s*(?:de\s+|del\s+)?"
    r"(?:19|20)\d{2}"
    rf"|{_MONTH}\.?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}|{_MONTH}\.?\s+(?:de\s+)?(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2})(?!\d)", re.IGNORECASE)
#: A birthday without a year, after a date-of-birth label only ("Birthday: May 5").
DAY_MONTH = re.compile(rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
                       rf"|\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?{_MONTH})(?!\w)", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d£$€₹.,])(?:19[5-9]\d|20[0-4]\d)(?![\d%])")
DEGREE = re.compile(
    r"(?<![\w.])(?:B\.?\s?Sc|M\.?\s?Sc|B\.?\s?Tech|M\.?\s?Tech|B\.?\s?Com|M\.?\s?Com|B\.?\s?Eng|M\.?\s?Eng|B\.?A|M\.?A|"
    r"B\.?S|M\.?S(?!\s+(?:Excel|Word|Office|Project|Access|Teams|SQL|Dynamics|Azure|PowerPoint|Visio|Outlook))|BBA|MBA|Ph\.?\s?D|DPhil|LL\.?B|LL\.?M|M\.?Phil|BFA|MFA|B\.?Ed|M\.?Ed|MPH|MD|BDS|MBBS|B\.?Arch|"
    r"HND|HNC|OND|BTEC|Bachelor|Bachelors|Bachelor's|Master|Masters|Master's|Doctorate|Diplom|Diploma|"
    r"Bacharelado|Licenciatura|Abitur|Matura|Baccalauréat|A[- ]levels?|AS[- ]levels?|GCSEs?|IGCSEs?|O[- ]levels?|"
    r"High School|Secondary School|WAEC|WASSCE|SSCE|NECO|HSC|SSC|CBSE|ICSE|Class\s+(?:X|XII|10|12)|"
    r"Associate(?:'s)? degree|degree|graduated|graduating|graduation|class of|[Ss]tudied\s+at|[Ss]tudying\s+at|"
    r"[Aa]ttended|[Ee]nrolled\s+(?:at|in)|[Aa]lumn(?:us|a|i)|Leaving Certificate|IB Diploma|"
    r"Informatik|Studium|Ausbildung|B\.E\.|M\.E\.|B\.Ed\.|Maestría|Mestrado|Especialização|Especialización|"
    r"Ingeniería|Ingeniero|Ingeniera|Engenharia|Laurea|Magister|Magisterium|Licence|Licenciado|Licenciada|"
    r"Mühendisliği|Yüksek\s+Lisans|Lisans|Kỹ\s+sư|Cử\s+nhân|Thạc\s+sĩ|Sarjana|SPM|STPM|matura|bac|"
    r"学士|修士|博士|卒業|入学|학사|석사|졸업|입학|бакалавр|магистр|специалист)(?![\w])")
SCHOOL_WORD = re.compile(r"\b(?:University|Universität|Universidade|Universidad|Université|Universiteit|College|"
                         r"Institute|Polytechnic|Politechnika|Hochschule|Gymnasium|Lycée|Tecnológico|School)\b")
EDUCATION_HEADING = re.compile(
    r"\b(?:educat\w*|educaci\w*|educação|academic|qualifications?|studies|ausbildung|bildung|formação|formación|"
    r"formation|opleiding|schooling|wykształcenie|eğitim|istruzione|formazione|studii|educație|pendidikan|"
    r"edukasyon|học\s+vấn|образование|освіта|学歴|学历|教育|학력)(?!\w)", re.IGNORECASE)
HEADING = re.compile(r"^\s*(?:#+\s+\S.*|[A-Z][A-Z &/'’-]{2,40}:?|(?:\*\*)?[A-Z][\w &/'’-]{2,40}:(?:\*\*)?"
                     r"|[A-Z][^\W\d_]+(?:\s+(?:and|&|[A-Z][^\W\d_]+)){0,2})\s*$")


@functools.cache
def _school_words(lexicon: Lexicon) -> re.Pattern[str]:
    words = [*lexicon.words("schools.cues"), *(w for w in lexicon.words("schools.numbered") if len(w) > 3)]
    return re.compile(r"(?<!\w)" + alternation(words) + r"(?!\w)")


def find(text: str, lexicon: Lexicon) -> list[Span]:
    found: list[Span] = []
    for match in labels(lexicon, "labels.dob").finditer(text):
        value_start = match.start("value")
        date = DATE.search(match.group("value")) or DAY_MONTH.search(match.group("value"))
        if date and date.start() == 0:
            found.append(Span(value_start + date.start(), _with_second_date(text, value_start + date.end()), "DOB"))
            age = re.match(r"\s*\(\s*(\d{2})\s*\)", text[value_start + date.end():])
            if age:
                end = value_start + date.end()
                found.append(Span(end + age.start(1), end + age.end(1), "AGE"))
    born = re.compile(r"\b(?:born(?:\s+in\s+[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)?\s+on)?|geboren|n[ée]e?\s+(?:le|en)|"
                      r"nat[oa](?:\s+a\s+[A-Z][\w-]+)?\s+il|nacid[oa](?:\s+en\s+[A-Z][\w-]+)?\s+el|"
                      r"nascid[oa](?:\s+em\s+[A-Z][\w-]+)?\s+em|urodzon[ya]|urodził[a]?|"
                      r"(?:nasceu|nasci|nació|nací|nacque)(?:\s+(?:em|en|a)\s+[A-Z][\w-]+)?\s+(?:em|el|il|on)|"
                      r"DOB|D\.O\.B\.?|(?<![\w.])b\.|[Dd]ate\s+of\s+[Bb]irth|[Bb]irth\s?date|nacid[oa]\s+(?:el|en)|nascid[oa]\s+(?:em|a)|"
                      r"lahir(?:\s+di\s+[A-Z][\w-]+,?)?(?:\s+pada)?(?:\s+tanggal)?|"
                      r"ipinanganak(?:\s+noong)?)(?:\s+(?:on|in|am|the|le|el|em)){0,2}\s*[:\-–]?\s+",
                      re.IGNORECASE)
    for match in born.finditer(text):
        date = DATE.match(text, match.end())
        if date:
            found.append(Span(date.start(), _with_second_date(text, date.end()), "DOB"))
            age = re.match(r"\s*\(\s*(\d{2})\s*\)", text[date.end():])
            if age:
                found.append(Span(date.end() + age.start(1), date.end() + age.end(1), "AGE"))
    born_after = re.compile(r"\s+(?:doğumlu(?:yum)?|(?:yılında|tarihinde)(?:\s+\w+['’]?\w*)?\s+doğdum)\b",
                            re.IGNORECASE)
    for date in DATE.finditer(text):
        if born_after.match(text, date.end()):
            found.append(Span(date.start(), date.end(), "DOB"))
    for match in labels(lexicon, "labels.birth").finditer(text):
        found += _date_and_place(text, match.start("value"), match.end("value"))
    for match in answers(lexicon, "labels.dob").finditer(text):
        date = DATE.match(text, match.start("value"))
        if date:
            found.append(Span(date.start(), _with_second_date(text, date.end()), "DOB"))
    found += ages.find(text, lexicon)
    found += graduation_years(text, _school_words(lexicon))
    found += [Span(*m.span(1), "YEAR") for m in re.finditer(r"(?i)\bclass\s+of\s+(['’]\d{2})(?!\d)", text)]
    return found


def _with_second_date(text: str, end: int) -> int:
    """The end of a date of birth, taking in the same date in another calendar or format in
    brackets right after it ("15 Ramadan 1414 AH (25 February 1994)")."""
    second = re.match(r"\s*\(\s*", text[end:end + 4])
    if second:
        date = DATE.match(text, end + second.end())
        if date:
            close = re.match(r"\s*\)", text[date.end():date.end() + 3])
            if close:
                return date.end() + close.end()
    return end


def _date_and_place(text: str, start: int, end: int) -> list[Span]:
    """A "date and place of birth" value: the date as DOB, the words around it as NATIONALITY."""
    value = text[start:end]
    date = DATE.search(value)
    pieces = [(0, len(value))] if date is None else [(0, date.start()), (date.end(), len(value))]
    found = [] if date is None else [Span(start + date.start(), start + date.end(), "DOB")]
    for begin, finish in pieces:
        piece_start, piece_end = trim(text, start + begin, start + finish, " \t,;:/()-–")
        lead = re.match(r"(?:in|à|a|em|en|di|w|во?|у|в)\s+", text[piece_start:piece_end], re.IGNORECASE)
        piece_start += lead.end() if lead else 0
        if piece_end > piece_start and re.search(r"\w", text[piece_start:piece_end]):
            found.append(Span(piece_start, piece_end, "NATIONALITY"))
    return found


def education_lines(text: str) -> set[int]:
    """Offsets of the lines inside an education section (its heading to the next heading)."""
    inside: set[int] = set()
    in_education = False
    for offset, line in lines(text):
        if re.search(r"\S\s{3,}\S|\S\s\|\s", line):  # two columns: an all-caps first one is a heading
            column = re.split(r"\s{3,}|\s\|\s", line.strip())[0]
            if column.isupper() and HEADING.match(column):
                in_education = bool(EDUCATION_HEADING.search(column))
                continue
        if HEADING.match(line) and len(line.split()) <= 6:
            in_education = bool(EDUCATION_HEADING.search(line))
        elif in_education:
            inside.add(offset)
    return inside


def graduation_years(text: str, school_words: re.Pattern[str] = SCHOOL_WORD) -> list[Span]:
    """Years on a line that names a degree, a school or a school-leaving exam, and every year in
    an education section."""
    found = []
    in_education = education_lines(text)
    for offset, line in lines(text):
        if offset in in_education or DEGREE.search(line) or school_words.search(line):
            found += [Span(offset + m.start(), offset + m.end(), "YEAR") for m in YEAR.finditer(line)]
    return found
