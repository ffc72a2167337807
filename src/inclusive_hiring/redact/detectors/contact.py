"""E-mail addresses, phone numbers, URLs and social handles."""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import trim
from .patterns import labels

EMAIL = re.compile(r"(?<![\w.+'’-])(?:mailto:)?[\w.+'’-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+")
SOCIAL = re.compile(
    r"(?<![\w@.])(?:[\w-]+\.)*(?:linkedin|github|gitlab|bitbucket|twitter|x|facebook|fb|instagram|behance|"
    r"dribbble|medium|kaggle|stackoverflow|youtube|tiktok|threads|bsky|substack|about)\.(?:com|io|me|app|net)"
    r"/[^\s<>()\"']+"
    r"|(?<![\w@.])(?:scholar\.google\.[a-z]{2,3}(?:\.[a-z]{2})?|researchgate\.net|orcid\.org|[\w-]+\.academia\.edu|"
    r"huggingface\.co|gitee\.com|codeberg\.org|vk\.com|xing\.com|leetcode\.com|hackerrank\.com)/[^\s<>()\"']+",
    re.IGNORECASE)
#: A bare personal domain with a path, or one of the personal TLDs: "zoe.dev", "emilietremblay.design".
PERSONAL_DOMAIN = re.compile(
    r"(?<![\w@./])[\w-]+(?:\.[\w-]+)*\.(?:dev|me|design|page|site|portfolio|codes|blog|xyz|website|online|"
    r"studio|art|photo|name)(?:/[^\s<>()\"']*)?(?![\w@])", re.IGNORECASE)
HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?:@[\w-]+(?:\.[\w-]+)+)?")
PHONE = re.compile(
    r"(?<![\w+/.-])(?:\+\s?\d{1,3}[ .-]?|\(\+?\d{1,4}\)[ .-]?|\d)(?:[ .-]?\(0\))?(?:[ .-]?\(?\d+\)?){1,6}(?![\w/])")
#: A date or a year range, maybe with an age in brackets after it ("05-11-1996 (29)").
_DATE_LIKE = re.compile(r"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}\s*[-–]\s*\d{4})"
                        r"(?:\s*\(\d{1,3}\))?$")


def _url_end(text: str, start: int, end: int) -> tuple[int, int]:
    return trim(text, start, end, " ,;:.!?)]}>\"'")


def find(text: str, lexicon: Lexicon) -> list[Span]:
    found: list[Span] = []
    for match in EMAIL.finditer(text):
        found.append(Span(*_url_end(text, *match.span()), "EMAIL"))
    for pattern in (URL, SOCIAL, PERSONAL_DOMAIN):
        for match in pattern.finditer(text):
            found.append(Span(*_url_end(text, *match.span()), "URL"))
    for match in HANDLE.finditer(text):
        if len(match.group()) > 2:
            found.append(Span(*_url_end(text, *match.span()), "URL"))
    for match in labels(lexicon, "labels.url").finditer(text):
        value = match.group("value")
        if value and len(value.split()) <= 2 and not value.lower().startswith(("available", "on request")):
            found.append(Span(*_url_end(text, *match.span("value")), "URL"))
    found += phones(text, lexicon)
    return found


def phones(text: str, lexicon: Lexicon) -> list[Span]:
    """Phone numbers in international and national formats: 9 to 15 digits (8 after a "+" or a
    "Tel:" label), never a date or a year range."""
    labelled = {m.start("value") for m in labels(lexicon, "labels.phone").finditer(text)}
    found = []
    for match in PHONE.finditer(text):
        start, end = match.span()
        raw = match.group().rstrip(" .-")
        end = start + len(raw)
        if raw.endswith("(") or raw.count("(") != raw.count(")"):
            continue
        digits = sum(ch.isdigit() for ch in raw)
        minimum = 8 if raw.startswith(("+", "(+")) or start in labelled else 9
        if not minimum <= digits <= 15 or _DATE_LIKE.match(raw.strip()):
            continue
        groups = re.findall(r"\d+", raw)
        if len(groups) == 1 and not (start in labelled or raw.startswith(("+", "0"))):
            continue  # a long bare number (an ID, an amount) without a phone's shape
        found.append(Span(start, end, "PHONE"))
    return found
