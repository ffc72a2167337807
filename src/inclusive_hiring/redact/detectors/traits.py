"""Gendered pronouns, honorifics, gender, marital and family status."""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..spans import Span
from ..textutil import trim
from .patterns import alternation, compiled, labels


def find(text: str, lexicon: Lexicon) -> list[Span]:
    return [*pronouns(text, lexicon), *titles(text, lexicon), *gender(text, lexicon), *family(text, lexicon)]


def pronouns(text: str, lexicon: Lexicon) -> list[Span]:
    """Gendered pronouns everywhere; any pronoun inside a declaration such as "she/her" or
    "(they/them)", which states gender identity."""
    found = [Span(*m.span(), "PRONOUN") for m in compiled(lexicon, "pronouns.gendered").finditer(text)]
    every = alternation([*lexicon.words("pronouns.gendered"), *lexicon.words("pronouns.declared_only")])
    declaration = re.compile(rf"(?<![\w/]){every}(?:\s?/\s?{every})+(?![\w/])", re.IGNORECASE)
    for match in declaration.finditer(text):
        for word in re.finditer(r"[^\s/]+", match.group()):
            found.append(Span(match.start() + word.start(), match.start() + word.end(), "PRONOUN"))
    return found


def titles(text: str, lexicon: Lexicon) -> list[Span]:
    """Honorifics before a capitalised word ("Mrs Adeyemi", "Mme Émilie") or in brackets after a
    name ("(Mrs)")."""
    words = alternation(lexicon.words("honorifics.terms"))
    before_name = re.compile(rf"(?<![\w.]){words}\.?(?=\s+[A-ZÀ-Þ])")
    bracketed = re.compile(rf"(?<=\(){words}\.?(?=\))")
    found = []
    for pattern in (before_name, bracketed):
        for match in pattern.finditer(text):
            word = match.group().rstrip(".")
            if word in ("Father", "Sister", "Brother", "Sir") and pattern is before_name:
                # Only as a form of address before a name, not "Brother printers", "Sir" in "Dear Sir".
                following = text[match.end():match.end() + 30].split()
                if not following or not following[0][:1].isupper() or \
                        following[0].lower().rstrip("'’s:") in ("or", "and", "name"):
                    continue  # "Father Name:", "Father's Name:" are labels of a relative's name
            found.append(Span(*match.span(), "TITLE"))
    honorific = re.compile(words + r"\.?(?!\w)")
    for match in labels(lexicon, "labels.salutation").finditer(text):
        value = honorific.match(match.group("value"))
        if value:  # "Anrede: Frau"
            found.append(Span(match.start("value"), match.start("value") + value.end(), "TITLE"))
    return found


def gender(text: str, lexicon: Lexicon) -> list[Span]:
    found = []
    values = re.compile(alternation(lexicon.words("gender.terms")) + r"(?!\w)", re.IGNORECASE)
    for match in labels(lexicon, "labels.gender").finditer(text):
        value = values.match(match.group("value"))
        if value:
            found.append(Span(match.start("value"), match.start("value") + value.end(), "GENDER"))
    for match in re.finditer(r"(?<![\w-])(?:male|female|non-binary)(?![\w-])", text, re.IGNORECASE):
        found.append(Span(*match.span(), "GENDER"))
    return found


def family(text: str, lexicon: Lexicon) -> list[Span]:
    """Marital status (a form value, a list item, or "married mother of two"), children,
    maternity or parental leave, "my husband", and the names of relatives on Indian-style forms."""
    found = []
    for match in labels(lexicon, "labels.family").finditer(text):
        if match.group("value").strip():
            found.append(Span(*trim(text, *match.span("value")), "FAMILY"))
    marital = alternation(lexicon.words("family.marital"))
    parent = alternation(lexicon.words("family.parent_nouns"))
    counts = alternation(lexicon.words("family.counts"))
    relatives = alternation(lexicon.words("family.relatives"))
    number = rf"(?:{counts}|\d+)(?:ng)?"  # Tagalog links a number to its noun: "dalawang anak"
    children = alternation(lexicon.words("family.child_nouns"))
    patterns = [
        # "Married", "single" as a whole item: "· Married", "..., single", a line of its own.
        rf"(?:(?<=^)|(?<=[,;·|•(]\s)|(?<=[,;·|•(])|(?<=^[-*•]\s)|(?<=[.:]\s)|(?<=[—–]\s)){marital}(?=\s*(?:$|[,;·|•).]))",
        rf"(?:(?:a|an)\s+)?(?:{marital}\s+)?(?:{parent})\s+(?:of|de|di|von)\s+{number}"
        rf"(?:\s+(?:young\s+)?(?:{children}|boys|girls|toddlers?|babies|baby|newborn|teenagers?|twins))?",
        rf"(?:{marital}\s+(?:with\s+)?)?{number}\s+(?:young\s+)?{children}",
        # "single mother of twins", "mother of a five-year-old", "mãe de uma filha de 2 anos", "mère d'un enfant".
        rf"(?:(?:a|an|the)\s+)?(?:{marital}\s+)?(?:{parent})\s+(?:of\s+(?:twins|triplets|(?:a|an|one)\s+"
        rf"(?:\w+[- ]years?[- ]old|toddler|baby|newborn|teenager|{children}))"
        rf"|(?:de|di)\s+(?:uma?|un[ae]?|una)\s+{children}|d['’]\s*(?:un|une)\s+{children})"
        r"(?:\s+(?:de|di)\s+\d+\s+(?:anos|años|ans|anni|meses|mois))?",
        # "expecting our first child", "the birth of our second child".
        r"(?:expecting\s+(?:our|my|a)\s+|(?:our|my)\s+)(?:(?:first|second|third|fourth|fifth)\s+)?"
        r"(?:child|baby|son|daughter)(?!\s+(?:element|node|component|process|theme|class|table|record))",
        rf"{marital}\s+(?:with\s+(?:{number}\s+)?(?:children|kids|a\s+(?:son|daughter|baby)))",
        rf"(?:I\s+am|I'm)\s+(?:happily\s+)?{marital}",
        rf"(?:[Mm]y|[Oo]ur)\s+(?:(?:elderly|late|ageing|aging|older|younger|little|young|newborn|disabled|sick|"
        rf"ill|two|three|four|own|new)\s+)?(?:{relatives})(?!\w)",
        rf"(?:happily|recently|newly|currently|legally)\s+(?:{marital})",
        r"(?:married|divorced|separated|widowed|engaged)\s+(?:for|since|in)\s+(?:\d+|a\s+year|over|nearly|almost|the\s+last)",
        rf"(?:partner|wife|husband|spouse)\s+and\s+{number}\s+(?:child|children|kids)",
        alternation(lexicon.words("family.leave")),
        alternation(lexicon.words("family.marital_anywhere")),
        # Indian forms: "S/o Ramesh Kumar", "D/o Late Shri Mohan Lal" (son, daughter, wife of).
        r"(?-i:[SDW]/[Oo])\.?\s+(?:(?-i:Late)\s+)?(?:(?-i:Shri|Sri|Smt|Mr|Mrs|Dr)\.?\s+)?"
        r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})",
    ]
    for pattern in patterns:
        for match in re.finditer(r"(?<![\w])" + pattern + r"(?![\w])", text, re.IGNORECASE | re.MULTILINE):
            start, end = match.span()
            if pattern.startswith("(?:I"):
                start = end - len(re.split(r"\s+", match.group())[-1])
            found.append(Span(start, end, "FAMILY"))
    return found
