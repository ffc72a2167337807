"""The kit spec: what a hiring manager writes (or ``ih kit --from`` drafts) to get a kit.

Validated with ``file:line`` messages and close-match suggestions; optional fields get defaults,
a missing required field is an error. Every field is described in docs/kits.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import validation
from ..fieldcheck import FieldChecker
from ..validation import describe_value, did_you_mean
from ..yamlio import DataError, LineDict, load_yaml, load_yaml_file
from .library import Library

REQUIRED = ("role", "level", "competencies")
OPTIONAL = ("organization", "interview_minutes", "questions_per_competency", "panel", "stages",
            "accommodations_contact", "decision")
_TOP_KEYS = (*REQUIRED, *OPTIONAL)
_COMPETENCY_KEYS = ("id", "weight", "questions", "repeat_reason")
_STAGE_KEYS = ("name", "minutes", "interviewers", "competencies")
_DECISION_KEYS = ("minimum_average", "minimum_rating")

DEFAULT_MINUTES = 45
DEFAULT_QUESTIONS = 2
DEFAULT_PANEL = ("Hiring manager", "Peer interviewer")
DEFAULT_CONTACT = "the person who invited you to interview"
MIN_MINUTES, MAX_MINUTES = 15, 240
MAX_STAGES = 9
MAX_PANEL = 9
MAX_QUESTIONS = 4


@dataclass(frozen=True)
class SpecCompetency:
    id: str
    weight: float
    questions: int
    repeat_reason: str
    line: int


@dataclass(frozen=True)
class SpecStage:
    name: str
    slug: str
    minutes: int
    #: None: the planner assigns interviewers from the panel
    interviewers: tuple[str, ...] | None
    #: None: the planner assigns competencies
    competencies: tuple[str, ...] | None
    line: int


@dataclass(frozen=True)
class Decision:
    minimum_average: float = 3.0
    minimum_rating: int = 2


@dataclass(frozen=True)
class Spec:
    path: str
    role: str
    level: str
    organization: str
    interview_minutes: int
    questions_per_competency: int
    panel: tuple[str, ...]
    competencies: tuple[SpecCompetency, ...]
    #: empty: the planner makes the stages
    stages: tuple[SpecStage, ...]
    accommodations_contact: str
    decision: Decision
    #: whether ``panel`` was given (stages may then name only panel members)
    panel_given: bool = True


def slugify(text: str) -> str:
    """A file-name-safe, lower-case, ASCII slug ("Skills interview" -> "skills-interview")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:48].rstrip("-") or "x"


class _Checker(FieldChecker):
    """The kit spec's fields: optional ones fall back to a default."""

    def text(self, mapping: LineDict, key: str, default: str | None = None, what: str = "") -> str:
        if key not in mapping or mapping[key] is None:
            if default is None:
                raise self.fail(mapping.line, f"{what}missing required field '{key}'")
            return default
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be text, not {describe_value(value)}")
        return self.bounded(" ".join(str(value).split()), mapping.line_of(key), f"{what}'{key}'", 120)

    def integer(self, mapping: LineDict, key: str, default: int, low: int, high: int,
                what: str = "", unit: str = "") -> int:
        value = self.whole_number(mapping, key, low, high, what, unit)
        return default if value is None else value

    def number(self, mapping: LineDict, key: str, default: float, low: float, high: float,
               what: str = "") -> float:
        if key not in mapping or mapping[key] is None:
            return default
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be a number, not {describe_value(value)}")
        if not low <= value <= high:
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be between {low:g} and {high:g}, "
                                                  f"not {value:g}")
        return float(value)

    def str_list(self, mapping: LineDict, key: str, what: str = "") -> tuple[tuple[str, int], ...]:
        value = mapping[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be a non-empty list")
        lines = getattr(value, "item_lines", [mapping.line_of(key)] * len(value))
        out = []
        for item, line in zip(value, lines, strict=False):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                raise self.fail(line, f"{what}each item of '{key}' must be text, not {describe_value(item)}")
            out.append((" ".join(str(item).split()), line))
        return tuple(out)


def _unknown_competency(check: _Checker, library: Library, cid: str, line: int) -> DataError:
    near = library.suggest(cid)
    hint = validation.hint(near, otherwise=" (ih kit --list-competencies shows them all)")
    return check.fail(line, f"unknown competency '{cid}'{hint}")


def _competencies(check: _Checker, raw: LineDict, library: Library, default_questions: int
                  ) -> tuple[SpecCompetency, ...]:
    items = raw["competencies"]
    if not isinstance(items, list) or not items:
        raise check.fail(raw.line_of("competencies"),
                         "'competencies' must be a non-empty list of competency ids")
    lines = getattr(items, "item_lines", [raw.line_of("competencies")] * len(items))
    out: list[SpecCompetency] = []
    seen: dict[str, int] = {}
    for item, line in zip(items, lines, strict=False):
        if isinstance(item, str):
            item = LineDict({"id": item})
            item.line, item.key_lines = line, {"id": line}
        if not isinstance(item, LineDict):
            raise check.fail(line, f"each competency must be an id or a mapping with 'id', not {describe_value(item)}")
        check.keys(item, _COMPETENCY_KEYS, "competency")
        cid = check.text(item, "id", what="competency: ")
        if cid not in library:
            raise _unknown_competency(check, library, cid, item.line_of("id"))
        if cid in seen:
            raise check.fail(item.line, f"competency '{cid}' is listed twice (first on line {seen[cid]})")
        seen[cid] = item.line
        what = f"competency '{cid}': "
        out.append(SpecCompetency(
            id=cid,
            weight=check.number(item, "weight", 1.0, 0.5, 10, what),
            questions=check.integer(item, "questions", default_questions, 1, MAX_QUESTIONS, what),
            repeat_reason=check.text(item, "repeat_reason", "", what),
            line=item.line,
        ))
    return tuple(out)


def _stages(check: _Checker, raw: LineDict, minutes: int, wanted: set[str], library: Library
            ) -> tuple[SpecStage, ...]:
    items = raw.get("stages")
    if items is None:
        return ()
    if not isinstance(items, list) or not items:
        raise check.fail(raw.line_of("stages"), "'stages' must be a non-empty list of stages")
    if len(items) > MAX_STAGES:
        raise check.fail(raw.line_of("stages"), f"at most {MAX_STAGES} stages (this spec has {len(items)})")
    lines = getattr(items, "item_lines", [raw.line_of("stages")] * len(items))
    out: list[SpecStage] = []
    slugs: dict[str, int] = {}
    for item, line in zip(items, lines, strict=False):
        if isinstance(item, str):
            item = LineDict({"name": item})
            item.line, item.key_lines = line, {"name": line}
        if not isinstance(item, LineDict):
            raise check.fail(line, f"each stage must be a mapping with 'name', not {describe_value(item)}")
        check.keys(item, _STAGE_KEYS, "stage")
        name = check.text(item, "name", what="stage: ")
        what = f"stage '{name}': "
        slug = slugify(name)
        if slug in slugs:
            raise check.fail(item.line, f"two stages are called '{name}' (first on line {slugs[slug]})")
        slugs[slug] = item.line
        interviewers = None
        if item.get("interviewers") is not None:
            pairs = check.str_list(item, "interviewers", what)
            names = [n for n, _ in pairs]
            for n, ln in pairs:
                if names.count(n) > 1:
                    raise check.fail(ln, f"{what}interviewer '{n}' is listed twice")
            interviewers = tuple(names)
        competencies = None
        if item.get("competencies") is not None:
            pairs = check.str_list(item, "competencies", what)
            for cid, ln in pairs:
                if cid not in wanted:
                    if cid in library:
                        raise check.fail(ln, f"{what}competency '{cid}' is not in the spec's "
                                             "'competencies' list: add it there with its weight")
                    raise _unknown_competency(check, library, cid, ln)
            ids = [c for c, _ in pairs]
            for cid, ln in pairs:
                if ids.count(cid) > 1:
                    raise check.fail(ln, f"{what}competency '{cid}' is listed twice")
            competencies = tuple(ids)
        out.append(SpecStage(
            name=name, slug=slug,
            minutes=check.integer(item, "minutes", minutes, MIN_MINUTES, MAX_MINUTES, what, " of minutes"),
            interviewers=interviewers, competencies=competencies, line=item.line,
        ))
    return tuple(out)


def parse_spec(raw: Any, path: str, library: Library) -> Spec:
    check = _Checker(path)
    if not isinstance(raw, LineDict):
        raise check.fail(getattr(raw, "line", None) or 1,
                         "a kit spec must be a mapping of fields (role, level, competencies, ...), "
                         f"not {describe_value(raw)}")
    check.keys(raw, _TOP_KEYS, "spec")
    for key in REQUIRED:
        if key not in raw or raw[key] is None:
            raise check.fail(raw.line_of(key) if key in raw else raw.line,
                             f"missing required field '{key}'")
    questions = check.integer(raw, "questions_per_competency", DEFAULT_QUESTIONS, 1, MAX_QUESTIONS)
    minutes = check.integer(raw, "interview_minutes", DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES,
                            unit=" of minutes")
    competencies = _competencies(check, raw, library, questions)
    wanted = {c.id for c in competencies}
    stages = _stages(check, raw, minutes, wanted, library)
    panel_given = raw.get("panel") is not None
    if panel_given:
        pairs = check.str_list(raw, "panel")
        if len(pairs) > MAX_PANEL:
            raise check.fail(raw.line_of("panel"),
                             f"at most {MAX_PANEL} panel roles (this spec has {len(pairs)}); "
                             "a fifth interviewer adds little (see docs/kits.md)")
        names = [n for n, _ in pairs]
        for n, ln in pairs:
            if names.count(n) > 1:
                raise check.fail(ln, f"panel role '{n}' is listed twice")
        panel = tuple(names)
        for stage in stages:
            for who in stage.interviewers or ():
                if who not in panel:
                    hint = did_you_mean(who, panel, otherwise=" (add it to 'panel')")
                    raise check.fail(_stage_key_line(raw, stage, "interviewers"),
                                     f"stage '{stage.name}': interviewer '{who}' is not in the panel{hint}")
    else:
        named = [who for stage in stages for who in stage.interviewers or ()]
        panel = tuple(dict.fromkeys(named)) or DEFAULT_PANEL
        if len(panel) > MAX_PANEL:
            raise check.fail(raw.line_of("stages"), f"at most {MAX_PANEL} different interviewers")
    decision = Decision()
    if raw.get("decision") is not None:
        block = raw["decision"]
        if not isinstance(block, LineDict):
            raise check.fail(raw.line_of("decision"), "'decision' must be a mapping with "
                                                      "'minimum_average' and 'minimum_rating'")
        check.keys(block, _DECISION_KEYS, "decision")
        decision = Decision(
            minimum_average=check.number(block, "minimum_average", 3.0, 1, 5, "decision: "),
            minimum_rating=check.integer(block, "minimum_rating", 2, 1, 5, "decision: "),
        )
    return Spec(
        path=path, role=check.text(raw, "role"), level=check.text(raw, "level"),
        organization=check.text(raw, "organization", ""), interview_minutes=minutes,
        questions_per_competency=questions, panel=panel, competencies=competencies, stages=stages,
        accommodations_contact=check.text(raw, "accommodations_contact", DEFAULT_CONTACT),
        decision=decision, panel_given=panel_given,
    )


def _stage_key_line(raw: LineDict, stage: SpecStage, key: str) -> int:
    for item in raw.get("stages") or []:
        if isinstance(item, LineDict) and item.line == stage.line:
            return item.line_of(key)
    return stage.line


def load_spec(path: str | Path, library: Library) -> Spec:
    """Read and validate a kit spec file; raise DataError("file:line: message") on a problem."""
    path = Path(path)
    if path.is_dir():
        raise DataError(path, None, "is a directory, not a kit spec (a .yml file)")
    if not path.exists():
        raise DataError(path, None, "no such file")
    raw = load_yaml_file(path)
    if raw is None:
        raise DataError(path, None, "empty kit spec (ih kit init writes an example)")
    return parse_spec(raw, str(path), library)


def spec_from_text(text: str, path: str, library: Library) -> Spec:
    return parse_spec(load_yaml(text, path), path, library)


__all__ = ["Decision", "Spec", "SpecCompetency", "SpecStage", "load_spec", "parse_spec",
           "slugify", "spec_from_text"]
