"""Pay-transparency and salary-history requirements by jurisdiction (``jurisdictions:`` in .ih.yaml).

The facts live in ``data/jurisdictions.yml`` (from shared/reference/domain.md §3 and §3.1, each
entry with an ``as_of`` date and a source). This module loads and validates that file strictly and
answers one question for the checks: given the places an organization hires in, what must a
posting say about pay, and may anyone ask for pay history?
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..validation import did_you_mean
from ..yamlio import DataError, LineDict, load_yaml_file

if TYPE_CHECKING:
    from ..results import Finding
    from .wordlists import Rule

LEVELS = ("country", "union", "state", "province", "county", "city")
WHAT = ("range", "range+benefits", "on-request", "after-interview", "before-interview", "none")
REQUIRES = ("application-deadline", "job-description", "commission-statement", "tipped-wage",
            "healthcare-before-interview", "ai-use-disclosure", "vacancy-status",
            "no-canadian-experience", "gender-neutral-title")
CODE_RE = re.compile(r"^(EU|[A-Z]{2}|[A-Z]{2}-[A-Z]{2,3}(-[A-Z]+)*)$")

_ENTRY_KEYS = ("name", "level", "parent", "as_of", "source", "pay_transparency", "salary_history_ban",
               "salary_history_since", "salary_history_note")
_ENTRY_REQUIRED = ("name", "level", "as_of", "source", "pay_transparency", "salary_history_ban")
_PAY_KEYS = ("required", "what", "in_force", "enforced_from", "applies_from_employees", "requires",
             "rejects_open_ended", "max_range_spread", "exempt_above", "note")
_PAY_REQUIRED = ("required", "what", "in_force", "applies_from_employees", "note")


@dataclass(frozen=True)
class PayTransparency:
    #: the posting itself must state pay
    required: bool
    #: range | range+benefits | on-request | after-interview | before-interview | none
    what: str
    in_force: str | None
    applies_from_employees: int | None
    note: str
    enforced_from: str | None = None
    requires: tuple[str, ...] = ()
    #: True where the source says "up to" / "starting at" pay does not comply; None: not stated
    rejects_open_ended: bool | None = None
    max_range_spread: int | None = None
    exempt_above: int | None = None

    @property
    def benefits_required(self) -> bool:
        return self.what == "range+benefits"


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    level: str
    as_of: str
    source: str
    pay_transparency: PayTransparency
    #: asking for pay history is banned for private employers (None: not covered by the reference)
    salary_history_ban: bool | None
    parent: str | None = None
    salary_history_since: str | None = None
    salary_history_note: str = ""

    def in_force(self, on: _dt.date | None = None) -> bool:
        """Whether the posting rule is in force on ``on`` (default today)."""
        start = self.pay_transparency.in_force
        if start is None:
            return self.pay_transparency.required
        return _dt.date.fromisoformat(start) <= (on or _dt.date.today())


def data_path() -> Path:
    from ..resources import data_dir

    return data_dir() / "jurisdictions.yml"


def _fail(path: Path, mapping: Any, key: str | None, message: str) -> DataError:
    line = mapping.line_of(key) if isinstance(mapping, LineDict) and key else getattr(mapping, "line", None)
    return DataError(path, line, message)


def _keys(mapping: Any, allowed: tuple[str, ...], required: tuple[str, ...], path: Path, what: str) -> None:
    if not isinstance(mapping, LineDict):
        raise _fail(path, mapping, None, f"{what} must be a mapping")
    for key in mapping:
        if key not in allowed:
            hint = did_you_mean(key, allowed)
            raise _fail(path, mapping, str(key), f"unknown key '{key}' in {what}{hint}")
    for key in required:
        if key not in mapping:
            raise _fail(path, mapping, None, f"{what} is missing '{key}'")


def _date(mapping: LineDict, key: str, path: Path, *, optional: bool) -> str | None:
    value = mapping.get(key)
    if value is None and optional:
        return None
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    raise _fail(path, mapping, key, f"'{key}' must be a date (YYYY-MM-DD)"
                + (" or null" if optional else ""))


def _text(mapping: LineDict, key: str, path: Path, *, optional: bool = False) -> str:
    value = mapping.get(key, "" if optional else None)
    if not isinstance(value, str) or (not optional and not value.strip()):
        raise _fail(path, mapping, key, f"'{key}' must be a non-empty string")
    return " ".join(value.split())


def _int(mapping: LineDict, key: str, path: Path) -> int | None:
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(path, mapping, key, f"'{key}' must be a whole number or null")
    return value


def _bool(mapping: LineDict, key: str, path: Path, *, nullable: bool) -> bool | None:
    value = mapping.get(key)
    if value is None and nullable:
        return None
    if not isinstance(value, bool):
        raise _fail(path, mapping, key, f"'{key}' must be true or false" + (" or null" if nullable else ""))
    return value


def _pay(raw: Any, path: Path) -> PayTransparency:
    _keys(raw, _PAY_KEYS, _PAY_REQUIRED, path, "pay_transparency")
    what = raw.get("what")
    if what not in WHAT:
        raise _fail(path, raw, "what", f"'what' must be one of {', '.join(WHAT)}")
    requires = raw.get("requires", [])
    if not isinstance(requires, list) or any(r not in REQUIRES for r in requires):
        raise _fail(path, raw, "requires", f"'requires' must be a list of: {', '.join(REQUIRES)}")
    required = _bool(raw, "required", path, nullable=False)
    if required and what in ("none", "on-request", "after-interview"):
        raise _fail(path, raw, "what", f"a required posting rule cannot be '{what}'")
    return PayTransparency(
        required=bool(required), what=what, in_force=_date(raw, "in_force", path, optional=True),
        enforced_from=_date(raw, "enforced_from", path, optional=True),
        applies_from_employees=_int(raw, "applies_from_employees", path), note=_text(raw, "note", path),
        requires=tuple(requires), rejects_open_ended=_bool(raw, "rejects_open_ended", path, nullable=True),
        max_range_spread=_int(raw, "max_range_spread", path), exempt_above=_int(raw, "exempt_above", path),
    )


def load_jurisdictions(path: Path | None = None) -> dict[str, Jurisdiction]:
    """Load and validate the jurisdiction table; raise :class:`DataError` (file:line) on a problem."""
    path = path or data_path()
    raw = load_yaml_file(path)
    _keys(raw, ("as_of", "jurisdictions"), ("as_of", "jurisdictions"), path, "the jurisdiction file")
    _date(raw, "as_of", path, optional=False)
    table = raw["jurisdictions"]
    if not isinstance(table, LineDict) or not table:
        raise _fail(path, raw, "jurisdictions", "'jurisdictions' must be a non-empty mapping")
    out: dict[str, Jurisdiction] = {}
    for code, entry in table.items():
        if not isinstance(code, str) or not CODE_RE.match(code):
            raise _fail(path, table, str(code), f"jurisdiction code '{code}' must look like US-CO, US-NYC, "
                                                "CA-ON or EU")
        _keys(entry, _ENTRY_KEYS, _ENTRY_REQUIRED, path, f"jurisdiction {code}")
        level = entry.get("level")
        if level not in LEVELS:
            raise _fail(path, entry, "level", f"'level' must be one of {', '.join(LEVELS)}")
        parent = entry.get("parent")
        if parent is not None and (parent not in table or parent == code):
            raise _fail(path, entry, "parent", f"unknown parent jurisdiction '{parent}'")
        out[code] = Jurisdiction(
            code=code, name=_text(entry, "name", path), level=level,
            as_of=str(_date(entry, "as_of", path, optional=False)), source=_text(entry, "source", path),
            pay_transparency=_pay(entry["pay_transparency"], path),
            salary_history_ban=_bool(entry, "salary_history_ban", path, nullable=True), parent=parent,
            salary_history_since=_date(entry, "salary_history_since", path, optional=True),
            salary_history_note=_text(entry, "salary_history_note", path, optional=True),
        )
    return dict(sorted(out.items()))


@functools.cache
def default_jurisdictions() -> dict[str, Jurisdiction]:
    return load_jurisdictions()


def normalise_code(code: str) -> str:
    return "-".join(code.strip().upper().replace("_", "-").split())


def suggest(code: str, table: dict[str, Jurisdiction] | None = None) -> str | None:
    """The closest valid code to an unknown one (by code, or by place name: "Colorado" -> US-CO)."""
    table = table if table is not None else default_jurisdictions()
    wanted = normalise_code(code)
    by_name = {j.name.lower(): j.code for j in table.values()}
    if code.strip().lower() in by_name:
        return by_name[code.strip().lower()]
    near = get_close_matches(wanted, list(table), n=5, cutoff=0.6)
    if near:
        # Among equally close codes, prefer one whose place part starts the same (US-CL -> US-CO).
        local = wanted.split("-", 1)[-1][:1]
        return min(near, key=lambda c: (-SequenceMatcher(None, wanted, c).ratio()
                                        - (0.1 if c.split("-", 1)[-1][:1] == local else 0.0), c))
    named = get_close_matches(code.strip().lower(), list(by_name), n=1, cutoff=0.75)
    return by_name[named[0]] if named else None


def expand(codes: Iterable[str], table: dict[str, Jurisdiction] | None = None) -> tuple[str, ...]:
    """The codes with their parents (US-NYC brings in US-NY), in a stable order, without repeats."""
    table = table if table is not None else default_jurisdictions()
    out: list[str] = []
    for code in codes:
        while code and code not in out:
            out.append(code)
            code = table[code].parent or ""
    return tuple(out)


@dataclass(frozen=True)
class Requirements:
    """What the posting rules of a set of jurisdictions add up to (for IH701/IH702 and IH720)."""

    jurisdictions: tuple[Jurisdiction, ...]
    #: codes whose posting rule requires pay in the posting (and is in force on the date asked)
    range_required: tuple[str, ...]
    #: codes that also require a general description of benefits and other compensation
    benefits_required: tuple[str, ...]
    #: codes whose posting rule is enacted but not yet in force on the date asked
    pending: tuple[str, ...]
    #: codes whose source explicitly rejects open-ended pay ("up to", "starting at")
    rejects_open_ended: tuple[str, ...]
    #: extra content (``requires`` tokens) -> the codes that require it
    extra: dict[str, tuple[str, ...]]
    #: the narrowest allowed range spread, and the code that sets it
    max_range_spread: tuple[int, str] | None
    #: codes that ban asking for pay history
    salary_history_ban: tuple[str, ...]

    def places(self, fact: str) -> tuple[str, ...]:
        """The codes that have ``fact`` (:data:`~inclusive_hiring.catalog.wordlists.JURISDICTION_FACTS`,
        or ``requires:<token>``)."""
        if fact.startswith("requires:"):
            return self.extra.get(fact.split(":", 1)[1], ())
        return {"range-required": self.range_required, "open-ended-rejected": self.rejects_open_ended,
                "benefits-required": self.benefits_required,
                "salary-history-ban": self.salary_history_ban}[fact]

    def names(self, codes: Iterable[str]) -> str:
        """"Colorado, New York City" for the given codes, in order."""
        by_code = {j.code: j for j in self.jurisdictions}
        return ", ".join(by_code[c].name for c in codes)


def requirements(codes: Iterable[str], on: _dt.date | None = None,
                 table: dict[str, Jurisdiction] | None = None) -> Requirements:
    """Combine the rules of ``codes`` (parents included) as of ``on`` (default today)."""
    table = table if table is not None else default_jurisdictions()
    chosen = tuple(table[c] for c in expand(codes, table))
    live = [j for j in chosen if j.pay_transparency.required and j.in_force(on)]
    pending = [j.code for j in chosen if j.pay_transparency.required and not j.in_force(on)]
    extra: dict[str, list[str]] = {}
    # Extra content counts wherever the law is in force, also where the posting need not state pay
    # (the EU asks for gender-neutral titles and for pay before the interview).
    for j in chosen:
        if not j.in_force(on):
            continue
        for token in j.pay_transparency.requires:
            extra.setdefault(token, []).append(j.code)
    spreads = [(j.pay_transparency.max_range_spread, j.code) for j in live
               if j.pay_transparency.max_range_spread is not None]
    return Requirements(
        jurisdictions=chosen,
        range_required=tuple(j.code for j in live),
        benefits_required=tuple(j.code for j in live if j.pay_transparency.benefits_required),
        pending=tuple(pending),
        rejects_open_ended=tuple(j.code for j in live if j.pay_transparency.rejects_open_ended),
        extra={k: tuple(v) for k, v in sorted(extra.items())},
        max_range_spread=min(spreads) if spreads else None,  # type: ignore[type-var]
        salary_history_ban=tuple(j.code for j in chosen if j.salary_history_ban),
    )


def described(codes: Iterable[str], table: dict[str, Jurisdiction] | None = None) -> str:
    """"Colorado (US-CO), New York City (US-NYC)": how findings name places."""
    table = table if table is not None else default_jurisdictions()
    return ", ".join(f"{table[c].name} ({c})" for c in codes)


def apply_effects(findings: list[Finding], rules: Mapping[str, Rule], codes: Sequence[str],
                  on: _dt.date | None = None) -> list[Finding]:
    """Re-grade the findings of rules with a ``jurisdictions:`` effect for the places ``codes``
    (the configuration's ``jurisdictions:``): a law that applies makes the finding its ``where``
    severity and names the law's places; no such law gives the ``elsewhere`` outcome."""
    from dataclasses import replace

    req: Requirements | None = None
    out = []
    for finding in findings:
        effect = rules[finding.rule_id].jurisdictions if finding.rule_id in rules else None
        if effect is None:
            out.append(finding)
            continue
        req = req or requirements(codes, on)
        places = req.places(effect.fact)
        outcome = effect.where if places else effect.elsewhere
        if outcome is None:
            out.append(finding)
            continue
        severity, note = outcome
        text = note.replace("{places}", described(places or codes))
        out.append(replace(finding, severity=severity or finding.severity,
                           message=f"{finding.message} {text}"))
    return out


TABLE_START = "<!-- jurisdictions:start (generated by scripts/gen_jurisdiction_table.py) -->"
TABLE_END = "<!-- jurisdictions:end -->"


def markdown_table(table: dict[str, Jurisdiction] | None = None) -> str:
    """The jurisdiction table of docs/configuration.md, generated from the data file."""
    table = table if table is not None else default_jurisdictions()
    rows = [
        "| code | name | pay in the posting | what | from | employees | extra | salary-history ban |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for j in table.values():
        pay = j.pay_transparency
        ban = {True: "yes", False: "no", None: "not covered"}[j.salary_history_ban]
        if j.salary_history_ban and j.salary_history_since:
            ban += f" (since {j.salary_history_since})"
        extra = ", ".join(pay.requires)
        if pay.max_range_spread:
            extra += (", " if extra else "") + f"spread ≤ {pay.max_range_spread:,}"
        name = j.name + (f" (with {j.parent})" if j.parent else "")
        rows.append(f"| `{j.code}` | {name} | {'required' if pay.required else 'no'} | {pay.what} | "
                    f"{pay.in_force or '—'} | {pay.applies_from_employees or '—'} | {extra or '—'} | {ban} |")
    as_of = sorted({j.as_of for j in table.values()})
    rows += ["", f"Facts as of {', '.join(as_of)}, from shared/reference/domain.md §3 and §3.1; each entry's "
                 "source and notes are in `src/inclusive_hiring/data/jurisdictions.yml`."]
    return "\n".join([TABLE_START, *rows, TABLE_END])
