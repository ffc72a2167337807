"""The rule catalog: rules and word-list entries loaded and validated from ``wordlists/*.yml``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..results import SEVERITIES
from ..validation import did_you_mean
from ..yamlio import DataError, LineDict, load_yaml_file

POSTING_CATEGORIES: tuple[str, ...] = (
    "gender-coded", "gendered-language", "age", "disability", "national-origin", "race",
    "religion", "family-status", "lgbtq", "elitism", "jargon", "culture-fit",
    "requirement-inflation", "pay-transparency", "salary-history", "criminal-record",
    "protected-info-request", "eeo", "readability", "length", "drafting", "explicit-preference", "language",
)
#: Topics an interviewer must not ask about (docs/lawful-interviewing.md).
QUESTION_TOPICS: tuple[str, ...] = (
    "age", "national-origin", "citizenship", "native-language", "race", "religion", "sex",
    "sexual-orientation-gender-identity", "marital-status", "children-family-plans", "pregnancy",
    "disability", "health", "medication", "workers-compensation", "genetic-information",
    "arrest-record", "conviction-record", "military-discharge", "military-status", "salary-history",
    "credit-history", "height-weight", "affiliations",
)
POOR_PRACTICES: tuple[str, ...] = ("brainteaser", "culture-fit", "unstructured")
#: Categories of word lists with ``kind: questions``: they apply only to interview questions.
QUESTION_CATEGORIES: tuple[str, ...] = (
    *(f"illegal-question:{t}" for t in QUESTION_TOPICS),
    *(f"poor-practice:{p}" for p in POOR_PRACTICES),
    "interview-structure",
)
#: Rules about ih's own configuration and directives: organization terms and house style from
#: .ih.yaml (docs/configuration.md), inline suppression directives (docs/suppressions.md).
META_CATEGORIES: tuple[str, ...] = ("organization", "suppression")
CATEGORIES: tuple[str, ...] = (*POSTING_CATEGORIES, *QUESTION_CATEGORIES, *META_CATEGORIES)
KINDS: tuple[str, ...] = ("posting", "questions")

CONSTRAINT_KEYS: tuple[str, ...] = (
    "followed_by", "not_followed_by", "preceded_by", "not_preceded_by",
    "in_sentence_with", "not_in_sentence_with",
)
_RULE_KEYS = {"id", "name", "scope", "severity", "summary", "why", "example", "instead", "source",
              "fix_safety", "options", "jurisdictions", "example_config"}
#: What a rule's ``jurisdictions:`` effect can depend on (see :meth:`Requirements.places`).
JURISDICTION_FACTS: tuple[str, ...] = ("range-required", "open-ended-rejected", "benefits-required",
                                       "salary-history-ban")
_RULE_REQUIRED = ("id", "name", "scope", "severity", "summary", "why", "example", "instead", "source")
_ENTRY_KEYS = {"id", "rule", "severity", "terms", "patterns", "message", "rationale",
               "replacements", "source", "fix", "compound", "case", "not_in_document_with",
               *CONSTRAINT_KEYS}
_ENTRY_REQUIRED = ("id", "rule", "severity", "message", "rationale", "replacements", "source")
_FILE_KEYS = {"category", "kind", "rules", "entries", "cues", "defaults", "stems", "not_counted"}
RULE_ID_RE = re.compile(r"^IH\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class JurisdictionEffect:
    """How a rule's findings change with ``jurisdictions:`` in the configuration: where one of the
    configured places has ``fact`` (a law), the finding takes ``where``; where none has it,
    ``elsewhere`` (if given). Each is (severity or None to keep it, a note appended to the message,
    in which ``{places}`` names the places)."""

    fact: str
    where: tuple[str | None, str]
    elsewhere: tuple[str | None, str] | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    scope: str
    severity: str
    summary: str
    why: str
    example: str
    instead: str
    source: str
    fix_safety: str = ""
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    #: the kind of document the rule applies to: ``posting`` or ``questions``
    kind: str = "posting"
    jurisdictions: JurisdictionEffect | None = None
    #: the configuration under which ``example`` is flagged (``{"jurisdictions": ["CA-ON"]}``)
    #: for rules that run only when configured
    example_config: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Entry:
    id: str
    rule_id: str
    category: str
    severity: str
    message: str
    rationale: str
    source: str
    replacements: tuple[str, ...]
    terms: tuple[str, ...] = ()
    patterns: tuple[Any, ...] = field(default=(), compare=False, hash=False)
    fix_safe: bool = False
    #: ``fix: none``: the replacements are advice only, never applied (not even as unsafe fixes)
    no_fix: bool = field(default=False, compare=False)
    compound_allowed: bool = False
    exact_case: bool = False
    constraints: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kind: str = "posting"
    #: ``not_in_document_with``: phrases that anywhere in the document lift the entry (a federal
    #: civil-service posting may require citizenship)
    not_in_document: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    rules: dict[str, Rule]
    entries: dict[str, Entry]
    #: per-category extra data (``cues``, ``defaults``, ``stems``, ``not_counted``)
    data: dict[str, dict[str, Any]]

    def rules_in(self, category: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.category == category]


def wordlist_files(directory: Path) -> list[Path]:
    """The word-list files: ``*.yml`` for postings and ``questions/*.yml`` for interview questions."""
    return sorted([*directory.glob("*.yml"), *directory.glob("questions/*.yml")])


def wordlist_dir() -> Path:
    """The shipped word lists: inside the installed package, or the source tree's ``wordlists/``."""
    from ..resources import wordlists_dir

    return wordlists_dir()


def _text(mapping: LineDict, key: str, path: Path) -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(path, mapping.line_of(key), f"'{key}' must be a non-empty string")
    return " ".join(value.split())


def _str_list(mapping: LineDict, key: str, path: Path) -> tuple[str, ...]:
    value = mapping.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(path, mapping.line_of(key), f"'{key}' must be a list of strings")
    return tuple(value)


def _check_keys(mapping: Any, allowed: set[str], path: Path, what: str) -> None:
    if not isinstance(mapping, LineDict):
        line = getattr(mapping, "line", None)
        raise DataError(path, line, f"each {what} must be a mapping")
    for key in mapping:
        if key not in allowed:
            hint = did_you_mean(key, sorted(allowed))
            raise DataError(path, mapping.line_of(str(key)), f"unknown {what} key '{key}'{hint}")


def _load_rule(raw: LineDict, category: str, path: Path) -> Rule:
    _check_keys(raw, _RULE_KEYS, path, "rule")
    for key in _RULE_REQUIRED:
        if key not in raw:
            raise DataError(path, raw.line, f"rule is missing '{key}'")
    rule_id = _text(raw, "id", path)
    if not RULE_ID_RE.match(rule_id):
        raise DataError(path, raw.line_of("id"), f"rule id '{rule_id}' must look like IH123")
    name = _text(raw, "name", path)
    if not NAME_RE.match(name):
        raise DataError(path, raw.line_of("name"), f"rule name '{name}' must be kebab-case")
    scope = _text(raw, "scope", path)
    if scope not in ("span", "document"):
        raise DataError(path, raw.line_of("scope"), "scope must be 'span' or 'document'")
    severity = _text(raw, "severity", path)
    if severity not in SEVERITIES:
        raise DataError(path, raw.line_of("severity"), f"unknown severity '{severity}'")
    options = raw.get("options") or {}
    return Rule(
        id=rule_id, name=name, category=category, scope=scope, severity=severity,
        summary=_text(raw, "summary", path), why=_text(raw, "why", path),
        example=str(raw["example"]).strip(), instead=str(raw["instead"]).strip(),
        source=_text(raw, "source", path),
        fix_safety=" ".join(str(raw.get("fix_safety", "")).split()), options=dict(options),
        jurisdictions=_load_effect(raw["jurisdictions"], path) if "jurisdictions" in raw else None,
        example_config=_example_config(raw, path),
    )


def _example_config(raw: LineDict, path: Path) -> dict[str, Any]:
    value = raw.get("example_config") or {}
    if not isinstance(value, dict):
        raise DataError(path, raw.line_of("example_config"), "'example_config' must be a mapping "
                                                             "(configuration keys, as in .ih.yaml)")
    return {str(k): v for k, v in value.items()}


def _load_effect(raw: Any, path: Path) -> JurisdictionEffect:
    """A rule's ``jurisdictions: {fact, where: {severity, note}, elsewhere: {...}}``."""
    from .jurisdictions import REQUIRES

    if not isinstance(raw, LineDict):
        raise DataError(path, None, "'jurisdictions' must be a mapping with fact, where and elsewhere")
    _check_keys(raw, {"fact", "where", "elsewhere"}, path, "jurisdictions")
    fact = raw.get("fact")
    facts = (*JURISDICTION_FACTS, *(f"requires:{token}" for token in REQUIRES))
    if fact not in facts:
        raise DataError(path, raw.line_of("fact"), f"jurisdictions: unknown fact '{fact}' (one of "
                                                   f"{', '.join(facts)})")

    def outcome(key: str) -> tuple[str | None, str] | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, LineDict):
            raise DataError(path, raw.line_of(key), f"jurisdictions.{key} must be a mapping of severity and note")
        _check_keys(value, {"severity", "note"}, path, f"jurisdictions.{key}")
        severity = value.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise DataError(path, value.line_of("severity"), f"unknown severity '{severity}'")
        note = " ".join(str(value.get("note", "")).split())
        if "{places}" not in note:
            raise DataError(path, value.line_of("note") or value.line,
                            f"jurisdictions.{key}.note must name the places with {{places}}")
        return severity, note

    where = outcome("where")
    if where is None:
        raise DataError(path, raw.line, "jurisdictions needs 'where'")
    return JurisdictionEffect(fact=str(fact), where=where, elsewhere=outcome("elsewhere"))


def _load_entry(raw: LineDict, category: str, rules: dict[str, Rule], path: Path) -> Entry:
    _check_keys(raw, _ENTRY_KEYS, path, "entry")
    for key in _ENTRY_REQUIRED:
        if key not in raw:
            raise DataError(path, raw.line, f"entry is missing '{key}'")
    entry_id = _text(raw, "id", path)
    rule_id = _text(raw, "rule", path)
    rule = rules.get(rule_id)
    if rule is None or rule.category != category:
        raise DataError(path, raw.line_of("rule"), f"entry '{entry_id}': unknown rule '{rule_id}'")
    severity = _text(raw, "severity", path)
    if severity not in SEVERITIES:
        raise DataError(path, raw.line_of("severity"), f"unknown severity '{severity}'")
    terms = _str_list(raw, "terms", path)
    patterns = raw.get("patterns") or []
    if not isinstance(patterns, list) or not all(isinstance(p, list) for p in patterns):
        raise DataError(path, raw.line_of("patterns"), "'patterns' must be a list of token lists")
    if not terms and not patterns:
        raise DataError(path, raw.line, f"entry '{entry_id}' has neither terms nor patterns")
    replacements = _str_list(raw, "replacements", path)
    fix = raw.get("fix")
    if fix not in (None, "safe", "none"):
        raise DataError(path, raw.line_of("fix"), "fix must be 'safe' or 'none' when given")
    if fix == "safe" and len(replacements) != 1:
        raise DataError(path, raw.line_of("fix"), "a safe fix needs exactly one replacement")
    compound = raw.get("compound", "skip")
    case = raw.get("case", "lemma")
    if compound not in ("skip", "allow") or case not in ("lemma", "exact"):
        raise DataError(path, raw.line, "compound must be skip|allow and case lemma|exact")
    constraints = tuple(
        (key, _str_list(raw, key, path)) for key in CONSTRAINT_KEYS if key in raw
    )
    return Entry(
        id=entry_id, rule_id=rule_id, category=category, severity=severity,
        message=_text(raw, "message", path), rationale=_text(raw, "rationale", path),
        source=_text(raw, "source", path), replacements=replacements, terms=terms,
        patterns=tuple(patterns), fix_safe=fix == "safe", no_fix=fix == "none", compound_allowed=compound == "allow",
        exact_case=case == "exact", constraints=constraints,
        not_in_document=_str_list(raw, "not_in_document_with", path),
    )


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load and validate every word-list file; raise :class:`DataError` on the first problem."""
    directory = directory or wordlist_dir()
    rules: dict[str, Rule] = {}
    entries: dict[str, Entry] = {}
    data: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    for path in wordlist_files(directory):
        raw = load_yaml_file(path)
        _check_keys(raw, _FILE_KEYS, path, "top-level")
        category = raw.get("category")
        if category not in CATEGORIES:
            raise DataError(path, raw.line_of("category"), f"unknown category '{category}'")
        kind = raw.get("kind", "posting")
        if kind not in KINDS:
            raise DataError(path, raw.line_of("kind"), f"kind must be one of {', '.join(KINDS)}")
        if (kind == "questions") != (category in QUESTION_CATEGORIES):
            raise DataError(path, raw.line_of("kind"),
                            f"category '{category}' needs kind: "
                            + ("questions" if category in QUESTION_CATEGORIES else "posting"))
        if category in data:
            raise DataError(path, raw.line_of("category"), f"category '{category}' defined twice")
        data[category] = {k: raw[k] for k in ("cues", "defaults", "stems", "not_counted")
                          if k in raw}
        for item in raw.get("rules") or []:
            rule = replace(_load_rule(item, category, path), kind=kind)
            if rule.id in rules:
                raise DataError(path, item.line, f"duplicate rule id {rule.id}")
            if rule.name in names:
                raise DataError(path, item.line, f"duplicate rule name {rule.name}")
            rules[rule.id] = rule
            names[rule.name] = rule.id
        for item in raw.get("entries") or []:
            entry = replace(_load_entry(item, category, rules, path), kind=kind)
            if entry.id in entries:
                raise DataError(path, item.line, f"duplicate entry id '{entry.id}'")
            entries[entry.id] = entry
    return Catalog(rules=dict(sorted(rules.items())), entries=entries, data=data)


@functools.cache
def default_catalog() -> Catalog:
    return load_catalog()
