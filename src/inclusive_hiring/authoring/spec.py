"""The posting spec: what a hiring manager writes (or ``ih new posting`` asks for) to get a posting.

Validated like ``.ih.yaml``: ``file:line`` messages, "did you mean" for unknown keys. Fields the
configured ``jurisdictions:`` make necessary (an application deadline in Colorado, the AI and
vacancy statements in Ontario, benefits where the law asks for them) are required only there.
Every field is described in docs/new-posting.md.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..yamlio import DataError, LineDict, load_yaml, load_yaml_file
from .fields import Checker, kind
from .law import LawNeeds
from .pay import CURRENCIES, PERIODS, Currency, amount, currency_for

REQUIRED = ("role", "organization", "location", "work_arrangement", "about", "responsibilities",
            "must_haves", "pay", "benefits", "apply", "accommodations_contact")
OPTIONAL = ("hours", "flexibility", "nice_to_haves", "application_deadline", "ai_use",
            "existing_vacancy", "interview", "eeo_statement")
TOP_KEYS = (*REQUIRED, *OPTIONAL)
PAY_KEYS = ("currency", "min", "max", "period", "notes", "commission", "tips")
INTERVIEW_KEYS = ("stages", "candidate_page")
STAGE_KEYS = ("name", "minutes")
MUST_HAVE_KEYS = ("text", "equivalent", "reason")
ARRANGEMENTS = ("on-site", "hybrid", "remote")

#: Must-haves are capped: long must-have lists are read as hard filters (docs/new-posting.md).
MAX_MUST_HAVES = 6
MAX_NICE_TO_HAVES = 6
MAX_RESPONSIBILITIES = 8
MAX_BENEFITS = 10
MAX_STAGES = 6
ITEM_CHARS = 200
ABOUT_CHARS = 1200
STATEMENT_CHARS = 600
MAX_SPEC_BYTES = 256 * 1024

EQUIVALENT = "or equivalent experience"
#: words that name a credential; such a must-have gets "or equivalent experience"
CREDENTIAL = re.compile(
    r"\b(?i:degrees?|bachelor(?:'s|s)?|masters?|master's|doctorate|ph\.?d|mba|b\.?sc|m\.?sc|"
    r"diploma|certificate|certification|certified|licen[cs]e[ds]?|qualifications?|nvq|"
    r"gcses?|a-levels?|accredit\w*|chartered|cpa|cfa|pmp)\b"
    r"|\b(?:BA|BS|B\.A\.|B\.S\.)(?=\W|$)")
_ALREADY_EQUIVALENT = re.compile(r"\bequivalent\b", re.IGNORECASE)
#: "Willing to complete the Care Certificate" asks for a commitment, not a credential held
_COMMITMENT = re.compile(r"(?:an?\s+)?(?:willing|happy|able|ready|keen|prepared|glad)\s+to\b", re.IGNORECASE)


def names_credential(text: str) -> bool:
    """Whether a must-have asks for a credential the candidate holds (a degree, licence...)."""
    return bool(CREDENTIAL.search(text)) and not _COMMITMENT.match(text)


@dataclass(frozen=True)
class MustHave:
    text: str
    #: it names a degree, licence, certificate or other credential
    credential: bool
    #: False: a credential the job cannot be done without (``reason`` says why)
    equivalent: bool
    reason: str

    @property
    def rendered(self) -> str:
        """The line in the posting: "or equivalent experience" after a credential."""
        if self.credential and self.equivalent and not _ALREADY_EQUIVALENT.search(self.text):
            joint = "," if re.search(r"\bor\b", self.text) else ""
            return f"{self.text.rstrip('.')}{joint} {EQUIVALENT}"
        if not self.equivalent:
            return f"{self.text.rstrip('.')} (needed because {self.reason.rstrip('.')})"
        return self.text


@dataclass(frozen=True)
class Pay:
    currency: Currency
    minimum: float
    maximum: float
    period: str
    notes: str = ""
    commission: str = ""
    tips: str = ""


@dataclass(frozen=True)
class Stage:
    name: str
    minutes: int | None


@dataclass(frozen=True)
class PostingSpec:
    path: str
    role: str
    organization: str
    location: str
    work_arrangement: str
    about: tuple[str, ...]
    responsibilities: tuple[str, ...]
    must_haves: tuple[MustHave, ...]
    nice_to_haves: tuple[str, ...]
    pay: Pay
    benefits: tuple[str, ...]
    apply: str
    accommodations_contact: str
    hours: str = ""
    flexibility: str = ""
    application_deadline: _dt.date | None = None
    #: None: not stated; "": no AI is used; text: how AI is used
    ai_use: str | None = None
    existing_vacancy: bool | None = None
    stages: tuple[Stage, ...] = ()
    candidate_page: str = ""
    eeo_statement: str = ""


def _must_haves(check: Checker, raw: LineDict) -> tuple[MustHave, ...]:
    advice = (": keep the must-haves short and move the rest to 'nice_to_haves' (people read every "
              "must-have as a hard filter)")
    out = []
    for item, line in check.items(raw, "must_haves", most=MAX_MUST_HAVES, limit=ITEM_CHARS, advice=advice):
        if isinstance(item, LineDict):
            check.keys(item, MUST_HAVE_KEYS, "must-have")
            text = check.text(item, "text", limit=ITEM_CHARS, what="must-have: ")
            equivalent = check.flag(item, "equivalent", "must-have: ")
            reason = check.text(item, "reason", required=False, limit=ITEM_CHARS, what="must-have: ")
            if equivalent is False and not reason:
                raise check.fail(item.line, "must-have: 'equivalent: no' needs a 'reason' (why the job "
                                            "cannot be done with equivalent experience)")
            out.append(MustHave(text, names_credential(text), equivalent is not False, reason))
        else:
            out.append(MustHave(item, names_credential(item), True, ""))
        del line
    return tuple(out)


def _pay(check: Checker, raw: LineDict, law: LawNeeds) -> Pay:
    block = check.mapping(raw, "pay", "currency, min, max and period")
    check.keys(block, PAY_KEYS, "pay")
    what = "pay: "
    code = check.text(block, "currency", what=what, limit=10)
    currency = currency_for(code)
    if currency is None:
        raise check.fail(block.line_of("currency"),
                         f"pay: unknown currency '{code}' (use one of {', '.join(CURRENCIES)}, or $, £ or €; "
                         "ih lint recognises pay only in these)")
    low, high = check.number(block, "min", what), check.number(block, "max", what)
    if low > high:
        raise check.fail(block.line_of("max"), f"pay: 'max' ({amount(high)}) is less than 'min' ({amount(low)})")
    period = check.text(block, "period", required=False, what=what) or "year"
    if period not in PERIODS:
        raise check.fail(block.line_of("period"), f"pay: 'period' must be one of {', '.join(PERIODS)}, "
                                                  f"not '{period}'")
    if law.max_spread and period == "year":
        limit, code_, exempt = law.max_spread
        if high - low > limit and not (exempt is not None and low > exempt):
            raise check.fail(block.line_of("max"),
                             f"pay: the range spans {amount(high - low)} a year; the posting law in "
                             f"{law.described([code_])} allows at most {amount(limit)} between 'min' and 'max'")
    return Pay(currency=currency, minimum=low, maximum=high, period=period,
               notes=check.text(block, "notes", required=False, limit=ITEM_CHARS, what=what),
               commission=check.text(block, "commission", required=False, limit=ITEM_CHARS, what=what),
               tips=check.text(block, "tips", required=False, limit=ITEM_CHARS, what=what))


def _interview(check: Checker, raw: LineDict) -> tuple[tuple[Stage, ...], str]:
    if raw.get("interview") is None:
        return (), ""
    block = check.mapping(raw, "interview", "stages and candidate_page")
    check.keys(block, INTERVIEW_KEYS, "interview")
    stages = []
    for item, line in check.items(block, "stages", most=MAX_STAGES, limit=ITEM_CHARS, required=False):
        if isinstance(item, LineDict):
            check.keys(item, STAGE_KEYS, "stage")
            name = check.text(item, "name", what="stage: ")
            stages.append(Stage(name, check.integer(item, "minutes", 5, 480, f"stage '{name}': ")))
        else:
            stages.append(Stage(item, None))
        del line
    page = check.text(block, "candidate_page", required=False, limit=ITEM_CHARS, what="interview: ")
    return tuple(stages), page


def _ai_use(check: Checker, raw: LineDict) -> str | None:
    value = raw.get("ai_use")
    if value is None:
        return None
    if value is False:
        return ""
    if value is True:
        raise check.fail(raw.line_of("ai_use"), "'ai_use': say how AI is used to screen, assess or select "
                                                "applicants (text), or no if it is not used")
    return check.text(raw, "ai_use", limit=STATEMENT_CHARS)


def _law_fields(check: Checker, raw: LineDict, spec_fields: dict[str, Any], law: LawNeeds,
                source: str) -> None:
    """Fields the configured places require: missing ones are errors naming the law."""
    where = f" (jurisdictions: in {source})" if source else ""
    needed = {"application_deadline": ("application-deadline", "the date applications close (YYYY-MM-DD)"),
              "ai_use": ("ai-use-disclosure", "whether AI screens, assesses or selects applicants "
                                              "(no, or how it is used)"),
              "existing_vacancy": ("vacancy-status", "whether the posting is for an existing vacancy (yes/no)")}
    for key, (token, label) in needed.items():
        places = law.extra.get(token, ())
        if places and spec_fields[key] is None:
            raise check.fail(raw.line, f"missing '{key}': {label}; the posting law in "
                                       f"{law.described(places)} requires it{where}")


def parse_spec(raw: Any, path: str, law: LawNeeds | None = None, law_source: str = "") -> PostingSpec:
    """Validate a loaded spec; ``law`` is what the configured places require."""
    law = law or LawNeeds()
    check = Checker(path)
    if not isinstance(raw, LineDict):
        raise check.fail(getattr(raw, "line", None) or 1,
                         f"a posting spec must be a mapping of fields (role, organization, ...), not {kind(raw)}")
    check.keys(raw, TOP_KEYS, "spec")
    for key in REQUIRED:
        if raw.get(key) is None:
            why = ""
            if key == "benefits" and law.benefits:
                why = f" (the posting law in {law.described(law.benefits)} also asks for a description of benefits)"
            raise check.fail(raw.line_of(key) if key in raw else raw.line, f"missing required field '{key}'{why}")
    arrangement = check.text(raw, "work_arrangement").lower()
    if arrangement not in ARRANGEMENTS:
        raise check.fail(raw.line_of("work_arrangement"),
                         f"'work_arrangement' must be one of {', '.join(ARRANGEMENTS)}, not '{arrangement}'")
    benefits = tuple(t for t, _ in check.items(raw, "benefits", most=MAX_BENEFITS, limit=ITEM_CHARS))
    fields: dict[str, Any] = {
        "application_deadline": check.date(raw, "application_deadline"),
        "ai_use": _ai_use(check, raw),
        "existing_vacancy": check.flag(raw, "existing_vacancy"),
    }
    _law_fields(check, raw, fields, law, law_source)
    stages, page = _interview(check, raw)
    nice = check.items(raw, "nice_to_haves", most=MAX_NICE_TO_HAVES, limit=ITEM_CHARS, required=False)
    for item, line in nice:
        if not isinstance(item, str):
            raise check.fail(line, "each item of 'nice_to_haves' must be text, not a mapping")
    responsibilities = check.items(raw, "responsibilities", most=MAX_RESPONSIBILITIES, limit=ITEM_CHARS)
    for item, line in responsibilities:
        if not isinstance(item, str):
            raise check.fail(line, "each item of 'responsibilities' must be text, not a mapping")
    return PostingSpec(
        path=path,
        role=check.text(raw, "role"),
        organization=check.text(raw, "organization"),
        location=check.text(raw, "location"),
        work_arrangement=arrangement,
        about=check.paragraphs(raw, "about", ABOUT_CHARS),
        responsibilities=tuple(t for t, _ in responsibilities),
        must_haves=_must_haves(check, raw),
        nice_to_haves=tuple(t for t, _ in nice),
        pay=_pay(check, raw, law),
        benefits=benefits,
        apply=check.text(raw, "apply", limit=ITEM_CHARS),
        accommodations_contact=check.text(raw, "accommodations_contact", limit=ITEM_CHARS),
        hours=check.text(raw, "hours", required=False),
        flexibility=check.text(raw, "flexibility", required=False, limit=STATEMENT_CHARS),
        stages=stages,
        candidate_page=page,
        eeo_statement=check.text(raw, "eeo_statement", required=False, limit=STATEMENT_CHARS),
        **fields,
    )


def load_spec(path: str | Path, law: LawNeeds | None = None, law_source: str = "") -> PostingSpec:
    """Read and validate a posting spec file; raise DataError("file:line: message") on a problem."""
    path = Path(path)
    if path.is_dir():
        raise DataError(path, None, "is a folder, not a posting spec (a .yml file)")
    if not path.exists():
        raise DataError(path, None, "no such file")
    if path.stat().st_size > MAX_SPEC_BYTES:
        raise DataError(path, None, f"too large for a posting spec (over {MAX_SPEC_BYTES // 1024} KB)")
    raw = load_yaml_file(path)
    if raw is None:
        raise DataError(path, None, "empty posting spec (see docs/new-posting.md for the fields)")
    return parse_spec(raw, str(path), law, law_source)


def spec_from_text(text: str, path: str, law: LawNeeds | None = None, law_source: str = "") -> PostingSpec:
    return parse_spec(load_yaml(text, path), path, law, law_source)
