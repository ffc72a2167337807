"""Project configuration: ``.ih.yaml`` discovery, ``extends:`` presets, strict validation, provenance.

Layers, lowest precedence first (docs/configuration.md):

1. package defaults: every rule on, at its default severity and options (from the word lists);
2. presets and other files named by ``extends:`` (depth first, in the order listed);
3. the project file, ``.ih.yaml`` or ``.ih.yml``, found by walking up from the linted file to the
   directory that holds ``.git`` (or the filesystem root);
4. the file given with ``--config`` (and what it extends);
5. command-line flags (``cli_overrides``, same schema).

Within one layer, ``rules:`` selectors are applied from the broadest to the most specific (see
:mod:`inclusive_hiring.lint.selectors`), and the layer's ``overrides:`` whose ``files:`` globs match the
linted file are applied right after the layer itself (:func:`resolve_for`).

Every file is read with the safe YAML loader in :mod:`inclusive_hiring.yamlio`. Any problem is a
:class:`~inclusive_hiring.yamlio.DataError` whose text is one line, ``file:line: message``, naming
the key and the closest valid name; the CLI prints it and exits 2.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import hashlib
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .catalog.wordlists import _ENTRY_KEYS, NAME_RE, Entry, Rule, _load_entry
from .discovery import CONFIG_NAMES, discover
from .globs import glob_regex
from .lint.selectors import Selection, resolve, suggest, unknown_message
from .results import SEVERITIES, Finding
from .yamlio import DataError, LineDict, LineList, load_yaml_file

if TYPE_CHECKING:
    from .catalog.jurisdictions import Jurisdiction

PRESETS: tuple[str, ...] = ("recommended", "strict", "relaxed")
TOP_KEYS: tuple[str, ...] = ("extends", "rules", "terms", "accept", "prefer", "jurisdictions", "exclude",
                             "overrides", "kits")
OVERRIDE_KEYS: tuple[str, ...] = ("files", "rules", "terms", "accept", "prefer", "jurisdictions")
#: keys the command line may set (``cli_overrides``)
CLI_KEYS: tuple[str, ...] = ("extends", "rules", "terms", "accept", "prefer", "jurisdictions", "exclude")
KITS_KEYS: tuple[str, ...] = ("templates_dir", "competencies")
RULE_KEYS: tuple[str, ...] = ("enabled", "severity")
TERM_KEYS: tuple[str, ...] = (*sorted(_ENTRY_KEYS), "category")
ORGANIZATION_RULE = "IH090"
HOUSE_STYLE_RULE = "IH091"

PACKAGE_DEFAULT = "package default"
COMMAND_LINE = "command line"


# --------------------------------------------------------------------------- data types

@dataclass(frozen=True)
class Origin:
    """Where a value came from: a label ("preset strict", "/repo/.ih.yaml", "--config x.yml",
    "command line", "package default") and a line."""

    label: str
    line: int | None = None
    #: the file, for error messages (None for package defaults and the command line)
    path: str | None = None

    def __str__(self) -> str:
        return f"{self.label}:{self.line}" if self.line else self.label


_DEFAULT_ORIGIN = Origin(PACKAGE_DEFAULT)


@dataclass(frozen=True)
class RuleOp:
    """One ``rules:`` item, resolved: what it does to which rules."""

    selection: Selection
    enabled: bool | None
    severity: str | None
    options: tuple[tuple[str, Any], ...]
    origin: Origin


@dataclass(frozen=True)
class Part:
    """The settings of one file (or one ``overrides:`` item), validated but not yet merged."""

    rules: tuple[RuleOp, ...] = ()
    terms: tuple[tuple[Entry, Origin], ...] = ()
    accept: tuple[tuple[str, Origin], ...] = ()
    prefer: tuple[tuple[str, str, Origin], ...] = ()
    jurisdictions: tuple[tuple[str, ...], Origin] | None = None
    #: (glob, directory it is relative to, origin)
    exclude: tuple[tuple[str, str, Origin], ...] = ()
    templates_dir: tuple[str, Origin] | None = None
    competencies: tuple[tuple[str, Any, Origin], ...] = ()


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    #: the directory the globs are relative to (the config file's directory)
    base: str
    part: Part
    origin: Origin
    #: the item as written, for ``ih config show``
    raw: dict[str, Any] = field(compare=False, default_factory=dict)

    def matches(self, path: str | Path) -> bool:
        return any(glob_match(pattern, path, self.base) for pattern in self.files)


@dataclass(frozen=True)
class Layer:
    label: str
    path: str | None
    base: str
    part: Part
    overrides: tuple[Override, ...] = ()


@dataclass(frozen=True)
class RuleSetting:
    """The effective settings of one rule."""

    enabled: bool
    #: the rule's default severity, or the configured one (``severity_override``)
    severity: str
    #: the configured severity; None: each finding keeps its own (entries may differ in severity)
    severity_override: str | None
    #: every option of the rule, defaults merged with configured values
    options: dict[str, Any]


@dataclass(frozen=True)
class Kits:
    #: absolute path of the templates folder (relative paths are relative to the config file)
    templates_dir: Path | None = None
    #: competency id -> mapping, passed through to the kit library (LineDicts with ``origin``)
    competencies: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """The effective configuration (for one file once :func:`resolve_for` has applied overrides).

    Treat the dicts as read-only. ``origins`` maps a dotted key (``rules.IH801.max_grade``,
    ``accept.Acme Ninja``, ``prefer.e-mail``, ``terms.org-headcount``, ``jurisdictions``,
    ``exclude.drafts/**``, ``kits.templates_dir``) to where its value came from.
    """

    rules: dict[str, RuleSetting]
    #: organization terms (``terms:``) as word-list entries, IH090 unless they name another rule
    terms: tuple[Entry, ...]
    #: house style (``prefer:``) as IH091 entries, each with one safe replacement
    prefer_entries: tuple[Entry, ...]
    accept: tuple[str, ...]
    prefer: dict[str, str]
    jurisdictions: tuple[str, ...]
    #: (glob, directory it is relative to)
    exclude: tuple[tuple[str, str], ...]
    kits: Kits
    origins: dict[str, str]
    #: the configuration files in effect (presets excluded), lowest precedence first
    files: tuple[str, ...]
    #: every layer's label ("preset recommended", "/repo/.ih.yaml", "--config x.yml", "command line")
    sources: tuple[str, ...] = ()
    layers: tuple[Layer, ...] = field(repr=False, compare=False, default=())
    catalog_rules: dict[str, Rule] = field(repr=False, compare=False, default_factory=dict)

    # ---- for the engine

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every extra word-list entry (organization terms and house style), to compile into the index."""
        return self.terms + self.prefer_entries

    @functools.cached_property
    def entry_keys(self) -> frozenset[str]:
        """:attr:`entries` by content (:func:`entry_content_key`)."""
        return frozenset(entry_content_key(e) for e in self.entries)

    @functools.cached_property
    def index_entries(self) -> tuple[Entry, ...]:
        """Every extra entry that any file under these layers may use: the base configuration's,
        and those that each ``overrides:`` item adds. One index holds them all; the engine then
        matches, for each file, only the entries of that file's :attr:`entries`."""
        merged = [_merge(self.layers, self.catalog_rules)]
        for layer in self.layers:
            for override in layer.overrides:
                if override.part.terms or override.part.prefer:
                    merged.append(_merge(self.layers, self.catalog_rules,
                                         lambda o, chosen=override: o is chosen))
        return union_entries(config.entries for config in merged)

    def entries_digest(self) -> str:
        """A stable hash of :attr:`entries`, to cache their compiled form next to the shipped index."""
        blob = json.dumps([_entry_key(e) for e in self.entries], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def is_enabled(self, rule_id: str) -> bool:
        setting = self.rules.get(rule_id)
        return setting.enabled if setting else True

    def severity_for(self, rule_id: str, default: str) -> str:
        """The configured severity of a rule, else ``default`` (the entry's or rule's own)."""
        setting = self.rules.get(rule_id)
        return setting.severity_override if setting and setting.severity_override else default

    def options_for(self, rule_id: str) -> dict[str, Any]:
        setting = self.rules.get(rule_id)
        return dict(setting.options) if setting else {}

    @property
    def rule_options(self) -> dict[str, dict[str, Any]]:
        """``{rule_id: {option: value}}`` for every rule with options (what ``Context.options`` takes)."""
        return {rid: dict(s.options) for rid, s in self.rules.items() if s.options}

    @functools.cached_property
    def _accept_regex(self) -> re.Pattern[str] | None:
        return phrase_pattern(self.accept)

    def accepted_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the ``accept:`` phrases occur in ``text`` (case-insensitive, whole words, any
        whitespace between words)."""
        rx = self._accept_regex
        return [m.span() for m in rx.finditer(text)] if rx else []

    def apply(self, findings: Iterable[Finding], text: str) -> list[Finding]:
        """Drop findings of disabled rules and span findings that overlap an ``accept:`` phrase in
        ``text`` (the original text the offsets refer to); apply configured severities."""
        spans = self.accepted_spans(text)
        out: list[Finding] = []
        for finding in findings:
            if not self.is_enabled(finding.rule_id):
                continue
            if spans and finding.start is not None and finding.end is not None and any(
                    s < finding.end and finding.start < e for s, e in spans):
                continue
            severity = self.severity_for(finding.rule_id, finding.severity)
            out.append(finding if severity == finding.severity else replace(finding, severity=severity))
        return out

    def is_excluded(self, path: str | Path) -> bool:
        """Whether ``exclude:`` (relative to the file that set it) matches ``path``."""
        return any(glob_match(pattern, path, base) for pattern, base in self.exclude)

    def jurisdiction_data(self) -> list[Jurisdiction]:
        from .catalog.jurisdictions import default_jurisdictions

        table = default_jurisdictions()
        return [table[code] for code in self.jurisdictions]

    def origin(self, key: str) -> str:
        return self.origins.get(key, PACKAGE_DEFAULT)


def entry_content_key(entry: Entry) -> str:
    """Everything an entry matches and reports, but its id: entries with equal keys behave the same."""
    fields = [getattr(entry, f.name) for f in dataclasses.fields(entry) if f.name != "id"]
    return json.dumps(fields, sort_keys=True, default=str)


def union_entries(groups: Iterable[Iterable[Entry]]) -> tuple[Entry, ...]:
    """The distinct entries (by :func:`entry_content_key`) of ``groups``, first seen first. An id
    that two different entries share (an override redefining a term) gets a ``~2`` suffix on the
    later one, so that one index can hold both."""
    seen: set[str] = set()
    ids: set[str] = set()
    out: list[Entry] = []
    for group in groups:
        for entry in group:
            key = entry_content_key(entry)
            if key in seen:
                continue
            seen.add(key)
            if entry.id in ids:
                n = 2
                while f"{entry.id}~{n}" in ids:
                    n += 1
                entry = replace(entry, id=f"{entry.id}~{n}")
            ids.add(entry.id)
            out.append(entry)
    return tuple(out)


def _entry_key(entry: Entry) -> list[Any]:
    return [entry.id, entry.rule_id, entry.severity, entry.message, entry.terms, list(entry.patterns),
            entry.replacements, entry.fix_safe, entry.compound_allowed, entry.exact_case, entry.constraints,
            entry.kind, entry.not_in_document]


# --------------------------------------------------------------------------- globs and phrases

def glob_match(pattern: str, path: str | Path, base: str | Path) -> bool:
    """Whether ``path`` (a linted file) matches ``pattern``, relative to the folder ``base``."""
    if str(path) in ("-", "<stdin>", "<text>"):
        return False
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.path.abspath(base)) if base else str(path)
    rel = PurePosixPath(*Path(rel).parts).as_posix()
    if rel == ".." or rel.startswith("../"):
        return False
    return glob_regex(pattern).fullmatch(rel) is not None


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """One regex for literal phrases: case-insensitive, whole words, any whitespace between words."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        words = phrase.split()
        if not words:
            continue
        body = r"\s+".join(re.escape(w) for w in words)
        head = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
        tail = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
        parts.append(head + body + tail)
    return re.compile("|".join(parts), re.I) if parts else None


# --------------------------------------------------------------------------- validation helpers

def _line(mapping: Any, key: str | None = None) -> int | None:
    if key is not None and isinstance(mapping, LineDict):
        return mapping.line_of(key)
    return getattr(mapping, "line", None)


def _item_line(seq: Any, index: int) -> int | None:
    if isinstance(seq, LineList) and index < len(seq.item_lines):
        return seq.item_lines[index]
    return getattr(seq, "line", None)


class _Ctx:
    """What a validator needs: the file (for messages), its label (for provenance), its folder."""

    def __init__(self, path: str, label: str, base: str, rules: Mapping[str, Rule],
                 entry_ids: set[str]) -> None:
        self.path = path
        self.label = label
        self.base = base
        self.rules = rules
        self.entry_ids = entry_ids

    def error(self, line: int | None, message: str) -> DataError:
        return DataError(self.path, line, message)

    def origin(self, line: int | None) -> Origin:
        return Origin(self.label, line, None if self.path == COMMAND_LINE else self.path)


def _unknown_key(key: Any, allowed: Sequence[str], where: str) -> str:
    near = get_close_matches(str(key), list(allowed), n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return f"unknown key '{key}' {where}{hint}"


def _check_keys(mapping: LineDict, allowed: Sequence[str], ctx: _Ctx, where: str,
                elsewhere: Mapping[str, str] | None = None) -> None:
    for key in mapping:
        if key in allowed:
            continue
        if elsewhere and key in elsewhere:
            raise ctx.error(mapping.line_of(str(key)), f"'{key}' is not allowed {where}: {elsewhere[key]}")
        raise ctx.error(mapping.line_of(str(key)), _unknown_key(key, allowed, where))


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} (not a finite number)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _string_list(parent: LineDict, key: str, ctx: _Ctx, what: str) -> list[tuple[str, int | None]]:
    """A list of non-empty strings (a single string is a list of one); null is empty."""
    value = parent.get(key)
    line = parent.line_of(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = LineList([value])
        value.line, value.item_lines = line, [line]
    if not isinstance(value, list):
        raise ctx.error(line, f"'{key}' must be a list of {what}, not {_type_name(value)}")
    out = []
    for i, item in enumerate(value):
        item_line = _item_line(value, i)
        if not isinstance(item, str) or not item.strip():
            raise ctx.error(item_line, f"each item of '{key}' must be a non-empty string ({what}), "
                                       f"not {_type_name(item)}")
        out.append((" ".join(item.split()), item_line))
    return out


def _mapping(parent: LineDict, key: str, ctx: _Ctx) -> LineDict | None:
    value = parent.get(key)
    if value is None:
        return None
    if not isinstance(value, LineDict):
        raise ctx.error(parent.line_of(key), f"'{key}' must be a mapping, not {_type_name(value)}")
    return value


# --------------------------------------------------------------------------- rules:

def _option_type_ok(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        # .nan and .inf are floats to YAML, but no threshold
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, list):
        return isinstance(value, list)
    return True


def _rule_op(selector: Any, value: Any, line: int | None, ctx: _Ctx) -> RuleOp:
    if not isinstance(selector, str):
        raise ctx.error(line, f"rule selector '{selector}' must be a string (a rule id, prefix, name or "
                              "category)")
    selection = resolve(selector, ctx.rules)
    if selection is None:
        raise ctx.error(line, unknown_message(selector, ctx.rules))
    origin = ctx.origin(line)
    if isinstance(value, bool):
        return RuleOp(selection, value, None, (), origin)
    if isinstance(value, str):
        if value in ("enable", "disable"):
            return RuleOp(selection, value == "enable", None, (), origin)
        near = get_close_matches(value, ["enable", "disable"], n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        raise ctx.error(line, f"rules.{selector}: '{value}' is not a setting{hint}; write enable, disable "
                              "or a mapping of severity and options")
    if not isinstance(value, LineDict):
        raise ctx.error(line, f"rules.{selector} must be enable, disable or a mapping of severity and "
                              f"options, not {_type_name(value)}")
    selected = [ctx.rules[r] for r in sorted(selection.rule_ids)]
    known: dict[str, Any] = {}
    for rule in selected:
        for name, default in rule.options.items():
            known.setdefault(name, default)
    enabled: bool | None = True  # a mapping turns the rule on, as in yamllint
    severity = None
    options: list[tuple[str, Any]] = []
    for key, item in value.items():
        key_line = value.line_of(str(key))
        if key == "enabled":
            if not isinstance(item, bool):
                raise ctx.error(key_line, f"rules.{selector}.enabled must be true or false, not "
                                          f"{_type_name(item)}")
            enabled = item
        elif key == "severity":
            if item not in SEVERITIES:
                near = get_close_matches(str(item), SEVERITIES, n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else ""
                raise ctx.error(key_line, f"rules.{selector}.severity: unknown severity '{item}'{hint}; use "
                                          "error, warning or info")
            severity = item
        elif key in known:
            if not _option_type_ok(known[key], item):
                raise ctx.error(key_line, f"rules.{selector}.{key} must be {_type_name(known[key])} like "
                                          f"the default {known[key]!r}, not {_type_name(item)}")
            if isinstance(item, (int, float)) and not isinstance(item, bool) and item < 0:
                raise ctx.error(key_line, f"rules.{selector}.{key} must not be negative")
            options.append((str(key), item))
        else:
            allowed = [*RULE_KEYS, *known]
            what = (f"{selection.selector} ({selected[0].name})" if selection.kind in ("id", "name")
                    else selection.selector)
            near = get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            listing = ", ".join(allowed)
            raise ctx.error(key_line, f"unknown option '{key}' for {what}{hint}; allowed: {listing}")
    return RuleOp(selection, enabled, severity, tuple(options), origin)


def _rules(raw: LineDict, ctx: _Ctx) -> tuple[RuleOp, ...]:
    table = _mapping(raw, "rules", ctx)
    if not table:
        return ()
    ops = [_rule_op(selector, value, table.line_of(str(selector)), ctx) for selector, value in table.items()]
    # Broad selectors first, so a specific one wins inside the same file whatever the key order.
    return tuple(sorted(ops, key=lambda op: op.selection.specificity))


# --------------------------------------------------------------------------- terms:, prefer:, accept:

def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _target_rule(item: LineDict, ctx: _Ctx) -> Rule:
    rule_ref = item.get("rule")
    category = item.get("category")
    if category is not None:
        if not isinstance(category, str):
            raise ctx.error(item.line_of("category"), "'category' must be a string")
        in_category = [r for r in ctx.rules.values() if r.category == category]
        if not in_category:
            near = get_close_matches(category, sorted({r.category for r in ctx.rules.values()}), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise ctx.error(item.line_of("category"), f"unknown category '{category}'{hint}")
    if rule_ref is None:
        if category is None:
            return ctx.rules[ORGANIZATION_RULE]
        spans = [r for r in in_category if r.scope == "span"]
        if len(spans) != 1:
            names = ", ".join(f"{r.id} {r.name}" for r in spans) or "none"
            raise ctx.error(item.line_of("category"),
                            f"category '{category}' has {len(spans)} word-list rules ({names}); name one "
                            "with 'rule:'")
        return spans[0]
    if not isinstance(rule_ref, str):
        raise ctx.error(item.line_of("rule"), "'rule' must be a rule id or name")
    selection = resolve(rule_ref, ctx.rules)
    if selection is None:
        near = suggest(rule_ref, ctx.rules)
        hint = f" (did you mean '{near}'?)" if near else ""
        raise ctx.error(item.line_of("rule"), f"unknown rule '{rule_ref}'{hint}")
    if selection.kind not in ("id", "name"):
        raise ctx.error(item.line_of("rule"), f"'rule' must name one rule by id or name, not the "
                                              f"{selection.kind} '{rule_ref}'")
    rule = ctx.rules[next(iter(selection.rule_ids))]
    if rule.id != ORGANIZATION_RULE and (rule.scope != "span" or rule.category in ("organization",
                                                                                 "suppression")):
        raise ctx.error(item.line_of("rule"), f"terms can join {ORGANIZATION_RULE} or a word-list rule; "
                                              f"{rule.id} {rule.name} is not one")
    if category is not None and category != rule.category:
        raise ctx.error(item.line_of("category"), f"rule {rule.id} is in category '{rule.category}', not "
                                                  f"'{category}'")
    return rule


def _term(item: Any, line: int | None, ctx: _Ctx, taken: set[str]) -> Entry:
    if isinstance(item, str):
        if not item.strip():
            raise ctx.error(line, "a term must not be empty")
        shorthand = LineDict({"terms": [item]})
        shorthand.line, shorthand.key_lines = line or 0, {"terms": line or 0}
        item = shorthand
    if not isinstance(item, LineDict):
        raise ctx.error(line, f"each item of 'terms' must be a mapping (an entry) or a string, not "
                              f"{_type_name(item)}")
    _check_keys(item, TERM_KEYS, ctx, "in a term")
    rule = _target_rule(item, ctx)
    terms = item.get("terms")
    first = terms if isinstance(terms, str) else (terms[0] if isinstance(terms, list) and terms else None)
    where = f"{Path(ctx.path).name}, line {item.line}" if ctx.path != COMMAND_LINE else COMMAND_LINE
    filled = LineDict(item)
    filled.line, filled.key_lines = item.line, dict(item.key_lines)
    filled.pop("category", None)
    defaults: dict[str, Any] = {
        "id": _unique_id(f"org-{_slug(str(first or 'pattern'))}", taken),
        "rule": rule.id,
        "severity": rule.severity,
        "message": "“{match}” is on this organization's list of terms to avoid.",
        "rationale": f"Listed under 'terms:' in the project configuration ({where}).",
        "replacements": [],
        "source": f"project configuration ({where})",
    }
    for key, value in defaults.items():
        filled.setdefault(key, value)
    filled["rule"] = rule.id
    entry_id = filled["id"]
    if not isinstance(entry_id, str) or not NAME_RE.match(entry_id):
        raise ctx.error(item.line_of("id"), f"term id '{entry_id}' must be kebab-case (org-headcount)")
    if "id" in item and entry_id in taken:
        raise ctx.error(item.line_of("id"), f"term id '{entry_id}' is already used")
    entry = _load_entry(filled, rule.category, dict(ctx.rules), Path(ctx.path))
    taken.add(entry.id)
    return replace(entry, kind=rule.kind)


def _terms(raw: LineDict, ctx: _Ctx) -> tuple[tuple[Entry, Origin], ...]:
    value = raw.get("terms")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ctx.error(raw.line_of("terms"), f"'terms' must be a list of entries, not {_type_name(value)}")
    taken = set(ctx.entry_ids)
    out = []
    for i, item in enumerate(value):
        line = _item_line(value, i)
        entry = _term(item, line, ctx, taken)
        out.append((entry, ctx.origin(getattr(item, "line", line))))
    return tuple(out)


def _prefer(raw: LineDict, ctx: _Ctx) -> tuple[tuple[str, str, Origin], ...]:
    table = _mapping(raw, "prefer", ctx)
    if not table:
        return ()
    out = []
    for old, new in table.items():
        line = table.line_of(str(old))
        if not isinstance(old, str) or not old.strip():
            raise ctx.error(line, f"prefer: '{old}' must be a word or phrase")
        if not isinstance(new, str) or not new.strip():
            raise ctx.error(line, f"prefer.{old} must be the one word or phrase to use instead, not "
                                  f"{_type_name(new)}")
        old_n, new_n = " ".join(old.split()), " ".join(new.split())
        if old_n.lower() == new_n.lower():
            raise ctx.error(line, f"prefer.{old} replaces a term with itself")
        out.append((old_n, new_n, ctx.origin(line)))
    olds = {o.lower() for o, _, _ in out}
    for old, new, origin in out:
        if new.lower() in olds:
            raise ctx.error(origin.line, f"prefer.{old}: the replacement '{new}' is itself replaced (a fix "
                                         "would loop)")
    return tuple(out)


def _jurisdictions(raw: LineDict, ctx: _Ctx) -> tuple[tuple[str, ...], Origin] | None:
    if "jurisdictions" not in raw:
        return None
    from .catalog.jurisdictions import default_jurisdictions, normalise_code, suggest

    table = default_jurisdictions()
    codes = []
    for code, line in _string_list(raw, "jurisdictions", ctx, "jurisdiction codes such as US-CO"):
        normal = normalise_code(code)
        if normal not in table:
            near = suggest(code, table)
            hint = f" (did you mean '{near}'?)" if near else ""
            raise ctx.error(line, f"unknown jurisdiction '{code}'{hint}; see docs/configuration.md for the list")
        if normal not in codes:
            codes.append(normal)
    return tuple(codes), ctx.origin(raw.line_of("jurisdictions"))


def _kits(raw: LineDict, ctx: _Ctx) -> tuple[tuple[str, Origin] | None, tuple[tuple[str, Any, Origin], ...]]:
    table = _mapping(raw, "kits", ctx)
    if not table:
        return None, ()
    _check_keys(table, KITS_KEYS, ctx, "in kits")
    templates = None
    if table.get("templates_dir") is not None:
        value = table["templates_dir"]
        if not isinstance(value, str) or not value.strip():
            raise ctx.error(table.line_of("templates_dir"), "kits.templates_dir must be a folder path")
        templates = (os.path.normpath(os.path.join(ctx.base, os.path.expanduser(value))),
                     ctx.origin(table.line_of("templates_dir")))
    competencies = []
    comp = _mapping(table, "competencies", ctx)
    for cid, value in (comp or {}).items():
        line = comp.line_of(str(cid))  # type: ignore[union-attr]
        if not isinstance(cid, str) or not isinstance(value, LineDict):
            raise ctx.error(line, f"kits.competencies.{cid} must be a mapping (see docs/kits.md)")
        value.origin = ctx.path  # the kit library names this file in its messages
        competencies.append((cid, value, ctx.origin(line)))
    return templates, tuple(competencies)


def _part(raw: LineDict, ctx: _Ctx) -> Part:
    """Validate the settings of one file or override, key by key in file order (so that of several
    problems the first one in the file is reported)."""
    handlers: dict[str, Any] = {
        "rules": lambda: {"rules": _rules(raw, ctx)},
        "terms": lambda: {"terms": _terms(raw, ctx)},
        "accept": lambda: {"accept": tuple(
            (phrase, ctx.origin(line))
            for phrase, line in _string_list(raw, "accept", ctx, "phrases never flagged"))},
        "prefer": lambda: {"prefer": _prefer(raw, ctx)},
        "jurisdictions": lambda: {"jurisdictions": _jurisdictions(raw, ctx)},
        "exclude": lambda: {"exclude": tuple(
            (glob, ctx.base, ctx.origin(line))
            for glob, line in _string_list(raw, "exclude", ctx, "glob patterns"))},
        "kits": lambda: dict(zip(("templates_dir", "competencies"), _kits(raw, ctx), strict=True)),
    }
    fields: dict[str, Any] = {}
    for key in raw:
        if key in handlers:
            fields.update(handlers[key]())
    return Part(**fields)


_NOT_IN_OVERRIDES = {
    "extends": "extends applies to a whole file",
    "overrides": "overrides do not nest",
    "exclude": "use the top-level exclude",
    "kits": "use the top-level kits",
}


def _overrides(raw: LineDict, ctx: _Ctx) -> tuple[Override, ...]:
    value = raw.get("overrides")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ctx.error(raw.line_of("overrides"), f"'overrides' must be a list of {{files: [...], ...}} "
                                                  f"mappings, not {_type_name(value)}")
    out = []
    for i, item in enumerate(value):
        line = _item_line(value, i)
        if not isinstance(item, LineDict):
            raise ctx.error(line, f"each item of 'overrides' must be a mapping, not {_type_name(item)}")
        _check_keys(item, OVERRIDE_KEYS, ctx, "in overrides", _NOT_IN_OVERRIDES)
        if "files" not in item:
            raise ctx.error(item.line, "an override needs 'files:' (a list of globs)")
        files = tuple(g for g, _ in _string_list(item, "files", ctx, "glob patterns"))
        if not files:
            raise ctx.error(item.line_of("files"), "'files' must list at least one glob")
        out.append(Override(files=files, base=ctx.base, part=_part(item, ctx), origin=ctx.origin(item.line),
                            raw=_plain(item)))
    return tuple(out)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


# --------------------------------------------------------------------------- files and extends

def preset_path(name: str) -> Path:
    return Path(__file__).with_name("data") / "presets" / f"{name}.yml"


def _extends_targets(raw: LineDict, ctx: _Ctx) -> list[tuple[str, int | None]]:
    return _string_list(raw, "extends", ctx, "preset names or file paths")


def _resolve_extends(target: str, line: int | None, ctx: _Ctx) -> tuple[str, Path]:
    """("preset", path) or ("file", path) for one ``extends:`` value."""
    if target in PRESETS:
        return "preset", preset_path(target)
    looks_like_path = "/" in target or os.sep in target or target.endswith((".yml", ".yaml"))
    if not looks_like_path:
        near = get_close_matches(target, PRESETS, n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        raise ctx.error(line, f"extends: unknown preset '{target}'{hint}; presets are "
                              f"{', '.join(PRESETS)}, and a file path ends in .yml or .yaml")
    path = Path(os.path.normpath(os.path.join(ctx.base, os.path.expanduser(target))))
    if not path.is_file():
        raise ctx.error(line, f"extends: no such file '{target}' ({path})")
    return "file", path


def _layers_of_file(path: Path, label: str, rules: Mapping[str, Rule], entry_ids: set[str],
                    stack: tuple[str, ...], *, allowed: Sequence[str] = TOP_KEYS) -> list[Layer]:
    key = str(path)
    raw = load_yaml_file(path)
    ctx = _Ctx(str(path), label, str(path.parent), rules, entry_ids)
    if raw is None:
        raw = LineDict()
        raw.line, raw.key_lines = 1, {}
    if not isinstance(raw, LineDict):
        raise ctx.error(getattr(raw, "line", 1), f"a configuration file must be a mapping of keys "
                                                 f"({', '.join(TOP_KEYS)}), not {_type_name(raw)}")
    _check_keys(raw, allowed, ctx, "at the top level")
    layers: list[Layer] = []
    for target, line in _extends_targets(raw, ctx):
        kind, target_path = _resolve_extends(target, line, ctx)
        if str(target_path) in stack or str(target_path) == key:
            chain = " -> ".join([*(_short(s) for s in stack), _short(key), _short(str(target_path))])
            raise ctx.error(line, f"extends cycle: {chain}")
        child_label = f"preset {target}" if kind == "preset" else str(target_path)
        layers += _layers_of_file(target_path, child_label, rules, entry_ids, (*stack, key))
    layers.append(Layer(label=label, path=str(path), base=str(path.parent), part=_part(raw, ctx),
                        overrides=_overrides(raw, ctx)))
    return layers


def _short(path: str) -> str:
    p = Path(path)
    if p.parent == preset_path("x").parent:
        return f"preset {p.stem}"
    return str(p)


def _lined(value: Any) -> Any:
    """Plain data (from command-line flags) as the loader's LineDict/LineList, with no lines."""
    if isinstance(value, Mapping):
        out = LineDict((k, _lined(v)) for k, v in value.items())
        out.line, out.key_lines = 0, {str(k): 0 for k in value}
        return out
    if isinstance(value, (list, tuple)):
        seq = LineList(_lined(v) for v in value)
        seq.line, seq.item_lines = 0, [0] * len(seq)
        return seq
    return value


def _cli_layer(overrides: Mapping[str, Any], rules: Mapping[str, Rule], entry_ids: set[str],
               cwd: Path) -> list[Layer]:
    raw = _lined(overrides)
    ctx = _Ctx(COMMAND_LINE, COMMAND_LINE, str(cwd), rules, entry_ids)
    if not isinstance(raw, LineDict):
        raise ctx.error(None, "command-line settings must be a mapping")
    _check_keys(raw, CLI_KEYS, ctx, "on the command line")
    layers: list[Layer] = []
    for target, _ in _extends_targets(raw, ctx):
        kind, target_path = _resolve_extends(target, None, ctx)
        child_label = f"preset {target}" if kind == "preset" else str(target_path)
        layers += _layers_of_file(target_path, child_label, rules, entry_ids, ())
    layers.append(Layer(label=COMMAND_LINE, path=None, base=str(cwd), part=_part(raw, ctx)))
    return layers


# --------------------------------------------------------------------------- discovery

# --------------------------------------------------------------------------- merging

def _default_rules() -> dict[str, Rule]:
    from .catalog.wordlists import default_catalog

    return default_catalog().rules


def _shipped_entry_ids() -> set[str]:
    from .catalog.wordlists import default_catalog

    return set(default_catalog().entries)


def _merge(layers: Sequence[Layer], rules: Mapping[str, Rule],
           applies: Callable[[Override], bool] | None = None) -> Config:
    """Merge ``layers`` in order; each override for which ``applies`` is true is applied right
    after the layer that defines it (none when ``applies`` is None)."""
    enabled = {rid: True for rid in rules}
    severity: dict[str, str | None] = {rid: None for rid in rules}
    options = {rid: dict(rule.options) for rid, rule in rules.items()}
    origins: dict[str, str] = {}
    terms: dict[str, Entry] = {}
    accept: dict[str, str] = {}
    prefer: dict[str, str] = {}
    prefer_origin: dict[str, Origin] = {}
    jurisdictions: tuple[str, ...] = ()
    exclude: list[tuple[str, str]] = []
    templates: Path | None = None
    competencies: dict[str, Any] = {}

    def apply(part: Part) -> None:
        nonlocal jurisdictions, templates
        for op in part.rules:
            for rid in sorted(op.selection.rule_ids):
                if op.enabled is not None:
                    enabled[rid] = op.enabled
                    origins[f"rules.{rid}.enabled"] = str(op.origin)
                if op.severity is not None:
                    severity[rid] = op.severity
                    origins[f"rules.{rid}.severity"] = str(op.origin)
                for name, value in op.options:
                    if name in options[rid]:
                        options[rid][name] = value
                        origins[f"rules.{rid}.{name}"] = str(op.origin)
        for entry, origin in part.terms:
            terms[entry.id] = entry
            origins[f"terms.{entry.id}"] = str(origin)
        for phrase, origin in part.accept:
            accept.setdefault(phrase.lower(), phrase)
            origins.setdefault(f"accept.{accept[phrase.lower()]}", str(origin))
        for old, new, origin in part.prefer:
            prefer[old] = new
            prefer_origin[old] = origin
            origins[f"prefer.{old}"] = str(origin)
        if part.jurisdictions is not None:
            jurisdictions = part.jurisdictions[0]
            origins["jurisdictions"] = str(part.jurisdictions[1])
        for glob, base, origin in part.exclude:
            if (glob, base) not in exclude:
                exclude.append((glob, base))
                origins[f"exclude.{glob}"] = str(origin)
        if part.templates_dir is not None:
            templates = Path(part.templates_dir[0])
            origins["kits.templates_dir"] = str(part.templates_dir[1])
        for cid, value, origin in part.competencies:
            competencies[cid] = value
            origins[f"kits.competencies.{cid}"] = str(origin)

    for layer in layers:
        apply(layer.part)
        if applies is not None:
            for override in layer.overrides:
                if applies(override):
                    apply(override.part)

    prefer_entries = _prefer_entries(prefer, prefer_origin, rules, set(terms) | _shipped_entry_ids())
    settings = {
        rid: RuleSetting(enabled=enabled[rid], severity=severity[rid] or rules[rid].severity,
                         severity_override=severity[rid], options=options[rid])
        for rid in rules
    }
    return Config(
        rules=settings, terms=tuple(terms.values()), prefer_entries=prefer_entries,
        accept=tuple(accept.values()), prefer=dict(prefer), jurisdictions=jurisdictions,
        exclude=tuple(exclude), kits=Kits(templates, competencies), origins=origins,
        files=tuple(dict.fromkeys(layer.path for layer in layers
                                  if layer.path and not layer.label.startswith("preset "))),
        sources=(PACKAGE_DEFAULT, *dict.fromkeys(layer.label for layer in layers)),
        layers=tuple(layers), catalog_rules=dict(rules),
    )


def _case_forms(term: str) -> tuple[str, ...]:
    """A house-style term as written, in lower case, Capitalised and in capitals. The fix is safe
    only for the form itself, so inflections ("e-mails") are not matched: list them as their own
    ``prefer:`` keys. The fix keeps the case of the matched text."""
    forms = [term, term.lower(), term[:1].upper() + term[1:].lower(), term.upper()]
    return tuple(dict.fromkeys(forms))


def _prefer_entries(prefer: Mapping[str, str], origins: Mapping[str, Origin], rules: Mapping[str, Rule],
                    taken: set[str]) -> tuple[Entry, ...]:
    if not prefer:
        return ()
    rule = rules[HOUSE_STYLE_RULE]
    lowered = {old.lower() for old in prefer}
    out = []
    for old, new in prefer.items():
        origin = origins[old]
        if new.lower() in lowered:
            raise DataError(origin.path or COMMAND_LINE, origin.line,
                            f"prefer.{old}: the replacement '{new}' is itself replaced (a fix would loop)")
        entry_id = _unique_id(f"house-style-{_slug(old)}", taken)
        taken.add(entry_id)
        where = f"{Path(origin.path).name}, line {origin.line}" if origin.path else COMMAND_LINE
        out.append(Entry(
            id=entry_id, rule_id=rule.id, category=rule.category, severity=rule.severity,
            message=f"House style: write “{new}” instead of “{{match}}”.",
            rationale=f"The organization's house style (prefer: in {where}) uses “{new}”.",
            source=f"project configuration ({where})", replacements=(new,), terms=_case_forms(old),
            fix_safe=True, exact_case=True,
        ))
    return tuple(out)


# --------------------------------------------------------------------------- public API

def load_config(config_path: str | Path | None = None, *, start: str | Path | None = None,
                no_config: bool = False, cli_overrides: Mapping[str, Any] | None = None,
                rules: Mapping[str, Rule] | None = None) -> Config:
    """The effective configuration (before per-file ``overrides:``; see :func:`resolve_for`).

    ``start`` (a file or folder, default the current directory) is where discovery begins;
    ``no_config`` skips discovery; ``config_path`` (``--config``) is layered above the discovered
    file; ``cli_overrides`` (same schema, ``extends``/``rules``/``accept``/... only) above both.
    """
    rules = rules if rules is not None else _default_rules()
    entry_ids = _shipped_entry_ids()
    layers: list[Layer] = []
    if not no_config:
        found = discover(Path(start) if start is not None else Path.cwd())
        if found is not None:
            layers += _layers_of_file(found, str(found), rules, entry_ids, ())
    if config_path is not None:
        path = Path(os.path.abspath(config_path))
        if path.is_dir():
            raise DataError(config_path, None, "--config: a folder, not a file (give the file, "
                                               f"for example {os.path.join(config_path, '.ih.yaml')})")
        if not path.is_file():
            raise DataError(config_path, None, "--config: no such file")
        layers += _layers_of_file(path, f"--config {config_path}", rules, entry_ids, ())
    if cli_overrides:
        layers += _cli_layer(cli_overrides, rules, entry_ids, Path.cwd())
    return _merge(layers, rules)


def resolve_for(config: Config, file_path: str | Path) -> Config:
    """``config`` with the ``overrides:`` whose ``files:`` globs match ``file_path`` applied (each
    right after the layer that defines it, so a higher layer still wins)."""
    if not any(layer.overrides for layer in config.layers):
        return config
    if not any(o.matches(file_path) for layer in config.layers for o in layer.overrides):
        return config
    return _merge(config.layers, config.catalog_rules, lambda override: override.matches(file_path))


class ConfigResolver:
    """Per-file configuration for a lint run: discovery from each file's folder (cached per
    configuration file found), then :func:`resolve_for`.

    ``for_file(path)`` raises :class:`DataError` for a broken configuration; the CLI should call
    :meth:`base` once before linting so that such an error exits 2 before any output.
    """

    def __init__(self, config_path: str | Path | None = None, *, no_config: bool = False,
                 cli_overrides: Mapping[str, Any] | None = None,
                 rules: Mapping[str, Rule] | None = None) -> None:
        self.config_path = config_path
        self.no_config = no_config
        self.cli_overrides = cli_overrides
        self.rules = rules
        self._by_source: dict[Path | None, Config] = {}

    def _load(self, found: Path | None) -> Config:
        if found not in self._by_source:
            self._by_source[found] = load_config(
                self.config_path, start=found.parent if found else None, no_config=found is None,
                cli_overrides=self.cli_overrides, rules=self.rules)
        return self._by_source[found]

    def base(self, start: str | Path | None = None) -> Config:
        found = None if self.no_config else discover(Path(start) if start else Path.cwd())
        return self._load(found)

    def _source(self, path: str | Path) -> Config:
        """The configuration found for ``path`` before its overrides."""
        if str(path) in ("-", "<stdin>", "<text>"):
            return self.base()
        return self._load(None if self.no_config else discover(Path(path)))

    def for_file(self, path: str | Path) -> Config:
        config = self._source(path)
        return config if str(path) in ("-", "<stdin>", "<text>") else resolve_for(config, path)

    def index_entries(self, path: str | Path) -> tuple[Entry, ...]:
        """The extra entries of the index that lints ``path`` (:attr:`Config.index_entries`)."""
        return self._source(path).index_entries


# --------------------------------------------------------------------------- ih config show

def _scalar(value: Any, flow: bool = False) -> str:
    """``value`` as YAML: plain when that reads back the same (inside ``[...]``/``{...}`` when
    ``flow``, where ``, [ ] { }`` also need quotes), else double-quoted."""
    import yaml

    if isinstance(value, str):
        plain = value
        try:
            if (plain and yaml.safe_load(plain) == value and "#" not in plain
                    and not plain.startswith(("'", '"')) and not (flow and any(c in plain for c in ",[]{}"))):
                return plain
        except yaml.YAMLError:
            pass
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(_plain(value), ensure_ascii=False, default=str)


def _flow(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(str(k), flow=True)}: {_flow(v)}" for k, v in value.items()) + "}"
    return _scalar(value, flow=True)


def _commented(text: str, comment: str, width: int = 44) -> str:
    return f"{text.ljust(width)}  # {comment}" if comment else text


def render_show(config: Config, *, only_changed: bool = False) -> str:
    """The effective configuration as YAML (it parses as a valid .ih.yaml), each value followed by
    a ``# from ...`` comment naming where it came from. ``only_changed`` leaves out rules still at
    their package defaults."""
    out = ["# ih effective configuration: each value is followed by where it came from.",
           "# Precedence, lowest first: package defaults < presets < project file < --config < command line."]
    out.append("# Sources: " + " < ".join(config.sources or (PACKAGE_DEFAULT,)))
    names: dict[str, str] = {}
    if config.jurisdictions:
        from .catalog.jurisdictions import default_jurisdictions

        names = {c: default_jurisdictions()[c].name for c in config.jurisdictions}
        out.append(_commented("jurisdictions: " + _flow(list(config.jurisdictions)),
                              "from " + config.origin("jurisdictions") + "; "
                              + ", ".join(names[c] for c in config.jurisdictions)))
    else:
        out.append(_commented("jurisdictions: []", "from " + config.origin("jurisdictions")))
    for key, values in (("accept", list(config.accept)), ("exclude", [g for g, _ in config.exclude])):
        if not values:
            out.append(_commented(f"{key}: []", "from package default"))
            continue
        out.append(f"{key}:")
        out += [_commented(f"  - {_scalar(v)}", "from " + config.origin(f"{key}.{v}")) for v in values]
    if config.prefer:
        out.append("prefer:")
        out += [_commented(f"  {_scalar(old)}: {_scalar(new)}", "from " + config.origin(f"prefer.{old}"))
                for old, new in config.prefer.items()]
    else:
        out.append(_commented("prefer: {}", "from package default"))
    if config.terms:
        out.append("terms:")
        for entry in config.terms:
            rule = config.catalog_rules.get(entry.rule_id)
            out.append(_commented(f"  - id: {_scalar(entry.id)}",
                                  f"{entry.rule_id} {rule.name if rule else ''}; from "
                                  + config.origin(f"terms.{entry.id}")))
            out.append(f"    rule: {entry.rule_id}")
            out.append(f"    severity: {entry.severity}")
            if entry.terms:
                out.append(f"    terms: {_flow(list(entry.terms))}")
            if entry.patterns:
                out.append(f"    patterns: {_flow([_plain(p) for p in entry.patterns])}")
            out.append(f"    message: {_scalar(entry.message)}")
            out.append(f"    replacements: {_flow(list(entry.replacements))}")
            if entry.fix_safe:
                out.append("    fix: safe")
    else:
        out.append(_commented("terms: []", "from package default"))
    if config.kits.templates_dir or config.kits.competencies:
        out.append("kits:")
        if config.kits.templates_dir:
            out.append(_commented(f"  templates_dir: {_scalar(str(config.kits.templates_dir))}",
                                  "from " + config.origin("kits.templates_dir")))
        if config.kits.competencies:
            out.append("  competencies:")
            out += [_commented(f"    {_scalar(cid)}: {_flow(_plain(value))}",
                               "from " + config.origin(f"kits.competencies.{cid}"))
                    for cid, value in config.kits.competencies.items()]
    overrides = [(layer, o) for layer in config.layers for o in layer.overrides]
    if overrides:
        out.append("overrides:")
        for _, override in overrides:
            out.append(_commented(f"  - files: {_flow(list(override.files))}", f"from {override.origin}"))
            for key, value in override.raw.items():
                if key != "files":
                    out.append(f"    {key}: {_flow(value)}")
    out.append("rules:")
    for rid, setting in config.rules.items():
        rule = config.catalog_rules.get(rid)
        name = rule.name if rule else ""
        changed = any(k.startswith(f"rules.{rid}.") for k in config.origins)
        if only_changed and not changed:
            continue
        if not setting.enabled:
            out.append(_commented(f"  {rid}: disable", f"{name}; from {config.origin(f'rules.{rid}.enabled')}"))
            continue
        enabled_from = config.origin(f"rules.{rid}.enabled")
        out.append(_commented(f"  {rid}:", f"{name}; enabled, from {enabled_from}"))
        severity_note = "" if setting.severity_override else " (each finding keeps its entry's severity)"
        out.append(_commented(f"    severity: {setting.severity}",
                              f"from {config.origin(f'rules.{rid}.severity')}{severity_note}"))
        for option, value in setting.options.items():
            out.append(_commented(f"    {option}: {_scalar(value)}",
                                  f"from {config.origin(f'rules.{rid}.{option}')}"))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- ih init

STARTER_CONFIG = """\
# ih configuration. Every key is described in docs/configuration.md; `ih config show` prints the
# effective settings and where each came from. This file applies to the files in this folder and
# below (up to the repository root); `ih lint --no-config` ignores it.

# Start from a shipped preset: recommended (the defaults), strict or relaxed.
extends: recommended

# Where you hire. The pay-transparency and salary-history checks then follow these places' rules,
# for example [US-CO, US-NYC, CA-ON, EU]; the full list is in docs/configuration.md.
jurisdictions: []

# Phrases that are never flagged: product names, legal text you must quote as it is.
accept:
#  - Salesforce

# House style: each key is flagged (IH091) and the value offered as a safe fix.
prefer:
#  e-mail: email

# Your organization's own terms to avoid (IH090), in the word-list entry format
# (docs/wordlist-format.md). A plain string is a term with the default message.
terms:
#  - headcount
#  - terms: [tiger team]
#    message: "“{match}” is internal jargon; say what the team does."
#    replacements: [launch team]

# Rules by id (IH801), id prefix (IH8), name (high-reading-grade) or category (readability):
# enable, disable, or a mapping of severity and options.
rules:
#  IH801: {max_grade: 10}          # reading grade
#  IH810: {max_words: 900}         # posting length
#  IH650: {max_requirements: 10}   # requirement count
#  jargon: {severity: error}

# Files that are never linted (globs relative to this file's folder).
exclude:
#  - drafts/**

# Settings for some files only.
overrides:
#  - files: ["internal/**"]
#    rules: {IH750: disable}
"""


def write_starter(path: str | Path) -> Path:
    """Write :data:`STARTER_CONFIG` to ``path`` (a file, or a folder to get ``.ih.yaml``), never
    overwriting: raises :class:`DataError` when a configuration file already exists there. The
    file appears whole or not at all (written to a temporary file, then hard-linked into place,
    which fails if the name was taken meanwhile)."""
    import tempfile

    target = Path(path)
    if target.is_dir():
        target = target / CONFIG_NAMES[0]
    exists = "a configuration file already exists here; ih init never overwrites it"
    for name in {target.name, *CONFIG_NAMES}:
        if (target.parent / name).exists() or (target.parent / name).is_symlink():
            raise DataError(target.parent / name, None, exists)
    if not target.parent.is_dir():
        raise DataError(target, None, "cannot write: the folder does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise DataError(target, None, f"cannot write: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(STARTER_CONFIG)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise DataError(target, None, exists) from None
        except OSError:
            # No hard links on this filesystem: an exclusive create is the next best thing.
            try:
                with open(target, "x", encoding="utf-8") as handle:
                    handle.write(STARTER_CONFIG)
            except FileExistsError:
                raise DataError(target, None, exists) from None
    except OSError as exc:
        raise DataError(target, None, f"cannot write: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


__all__ = [
    "CONFIG_NAMES", "PRESETS", "STARTER_CONFIG", "Config", "ConfigResolver", "Kits", "Origin", "RuleSetting",
    "discover", "glob_match", "load_config", "render_show", "resolve_for", "write_starter",
]
