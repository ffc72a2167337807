"""Validators for the configuration keys: each reads one key of a loaded file (or ``overrides:``
item) and returns its validated value with provenance, or raises
:class:`~inclusive_hiring.yamlio.DataError` with ``file:line`` and the closest valid name.
``schema.KEYS`` says which validator serves which key."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..catalog.wordlists import _ENTRY_KEYS, NAME_RE, Entry, Rule, _load_entry
from ..lint.selectors import resolve, suggest, unknown_message
from ..results import SEVERITIES
from ..validation import did_you_mean, hint
from ..yamlio import LineDict, LineList
from .model import COMMAND_LINE, ORGANIZATION_RULE, Ctx, Origin, RuleOp

KITS_KEYS: tuple[str, ...] = ("templates_dir", "competencies")
RULE_KEYS: tuple[str, ...] = ("enabled", "severity")
TERM_KEYS: tuple[str, ...] = (*sorted(_ENTRY_KEYS), "category")


# --------------------------------------------------------------------------- helpers

def line_of_item(seq: Any, index: int) -> int | None:
    if isinstance(seq, LineList) and index < len(seq.item_lines):
        return seq.item_lines[index]
    return getattr(seq, "line", None)


def _unknown_key(key: Any, allowed: Sequence[str], where: str) -> str:
    return f"unknown key '{key}' {where}{did_you_mean(key, allowed)}"


def check_keys(mapping: LineDict, allowed: Sequence[str], ctx: Ctx, where: str,
               elsewhere: Mapping[str, str] | None = None) -> None:
    """Refuse a key not in ``allowed`` (``elsewhere``: keys refused here for a stated reason)."""
    for key in mapping:
        if key in allowed:
            continue
        if elsewhere and key in elsewhere:
            raise ctx.error(mapping.line_of(str(key)), f"'{key}' is not allowed {where}: {elsewhere[key]}")
        raise ctx.error(mapping.line_of(str(key)), _unknown_key(key, allowed, where))


def type_name(value: Any) -> str:
    """How messages name the type of a loaded value ("a string", "true/false", ...)."""
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


def string_list(parent: LineDict, key: str, ctx: Ctx, what: str) -> list[tuple[str, int | None]]:
    """A list of non-empty strings (a single string is a list of one); null is empty."""
    value = parent.get(key)
    line = parent.line_of(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = LineList([value])
        value.line, value.item_lines = line, [line]
    if not isinstance(value, list):
        raise ctx.error(line, f"'{key}' must be a list of {what}, not {type_name(value)}")
    out = []
    for i, item in enumerate(value):
        item_line = line_of_item(value, i)
        if not isinstance(item, str) or not item.strip():
            raise ctx.error(item_line, f"each item of '{key}' must be a non-empty string ({what}), "
                                       f"not {type_name(item)}")
        out.append((" ".join(item.split()), item_line))
    return out


def _mapping(parent: LineDict, key: str, ctx: Ctx) -> LineDict | None:
    value = parent.get(key)
    if value is None:
        return None
    if not isinstance(value, LineDict):
        raise ctx.error(parent.line_of(key), f"'{key}' must be a mapping, not {type_name(value)}")
    return value


# --------------------------------------------------------------------------- rules:

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


def _rule_op(selector: Any, value: Any, line: int | None, ctx: Ctx) -> RuleOp:
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
        near = did_you_mean(value, ["enable", "disable"])
        raise ctx.error(line, f"rules.{selector}: '{value}' is not a setting{near}; write enable, disable "
                              "or a mapping of severity and options")
    if not isinstance(value, LineDict):
        raise ctx.error(line, f"rules.{selector} must be enable, disable or a mapping of severity and "
                              f"options, not {type_name(value)}")
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
                                          f"{type_name(item)}")
            enabled = item
        elif key == "severity":
            if item not in SEVERITIES:
                near = did_you_mean(item, SEVERITIES)
                raise ctx.error(key_line, f"rules.{selector}.severity: unknown severity '{item}'{near}; use "
                                          "error, warning or info")
            severity = item
        elif key in known:
            if not _option_type_ok(known[key], item):
                raise ctx.error(key_line, f"rules.{selector}.{key} must be {type_name(known[key])} like "
                                          f"the default {known[key]!r}, not {type_name(item)}")
            if isinstance(item, (int, float)) and not isinstance(item, bool) and item < 0:
                raise ctx.error(key_line, f"rules.{selector}.{key} must not be negative")
            options.append((str(key), item))
        else:
            allowed = [*RULE_KEYS, *known]
            what = (f"{selection.selector} ({selected[0].name})" if selection.kind in ("id", "name")
                    else selection.selector)
            near = did_you_mean(key, allowed)
            listing = ", ".join(allowed)
            raise ctx.error(key_line, f"unknown option '{key}' for {what}{near}; allowed: {listing}")
    return RuleOp(selection, enabled, severity, tuple(options), origin)


def parse_rules(raw: LineDict, ctx: Ctx) -> tuple[RuleOp, ...]:
    table = _mapping(raw, "rules", ctx)
    if not table:
        return ()
    ops = [_rule_op(selector, value, table.line_of(str(selector)), ctx) for selector, value in table.items()]
    # Broad selectors first, so a specific one wins inside the same file whatever the key order.
    return tuple(sorted(ops, key=lambda op: op.selection.specificity))


# --------------------------------------------------------------------------- terms:, prefer:, accept:
# --------------------------------------------------------------------------- terms:, prefer:, accept:

def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


def unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _target_rule(item: LineDict, ctx: Ctx) -> Rule:
    rule_ref = item.get("rule")
    category = item.get("category")
    if category is not None:
        if not isinstance(category, str):
            raise ctx.error(item.line_of("category"), "'category' must be a string")
        in_category = [r for r in ctx.rules.values() if r.category == category]
        if not in_category:
            near = did_you_mean(category, sorted({r.category for r in ctx.rules.values()}))
            raise ctx.error(item.line_of("category"), f"unknown category '{category}'{near}")
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
        raise ctx.error(item.line_of("rule"), f"unknown rule '{rule_ref}'{hint(suggest(rule_ref, ctx.rules))}")
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


def _term(item: Any, line: int | None, ctx: Ctx, taken: set[str]) -> Entry:
    if isinstance(item, str):
        if not item.strip():
            raise ctx.error(line, "a term must not be empty")
        shorthand = LineDict({"terms": [item]})
        shorthand.line, shorthand.key_lines = line or 0, {"terms": line or 0}
        item = shorthand
    if not isinstance(item, LineDict):
        raise ctx.error(line, f"each item of 'terms' must be a mapping (an entry) or a string, not "
                              f"{type_name(item)}")
    check_keys(item, TERM_KEYS, ctx, "in a term")
    rule = _target_rule(item, ctx)
    terms = item.get("terms")
    first = terms if isinstance(terms, str) else (terms[0] if isinstance(terms, list) and terms else None)
    where = f"{Path(ctx.path).name}, line {item.line}" if ctx.path != COMMAND_LINE else COMMAND_LINE
    filled = LineDict(item)
    filled.line, filled.key_lines = item.line, dict(item.key_lines)
    filled.pop("category", None)
    defaults: dict[str, Any] = {
        "id": unique_id(f"org-{slug(str(first or 'pattern'))}", taken),
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


def parse_terms(raw: LineDict, ctx: Ctx) -> tuple[tuple[Entry, Origin], ...]:
    value = raw.get("terms")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ctx.error(raw.line_of("terms"), f"'terms' must be a list of entries, not {type_name(value)}")
    taken = set(ctx.entry_ids)
    out = []
    for i, item in enumerate(value):
        line = line_of_item(value, i)
        entry = _term(item, line, ctx, taken)
        out.append((entry, ctx.origin(getattr(item, "line", line))))
    return tuple(out)


def parse_prefer(raw: LineDict, ctx: Ctx) -> tuple[tuple[str, str, Origin], ...]:
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
                                  f"{type_name(new)}")
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


def parse_jurisdictions(raw: LineDict, ctx: Ctx) -> tuple[tuple[str, ...], Origin] | None:
    if "jurisdictions" not in raw:
        return None
    from ..catalog.jurisdictions import default_jurisdictions, normalise_code, suggest

    table = default_jurisdictions()
    codes = []
    for code, line in string_list(raw, "jurisdictions", ctx, "jurisdiction codes such as US-CO"):
        normal = normalise_code(code)
        if normal not in table:
            near = hint(suggest(code, table))
            raise ctx.error(line, f"unknown jurisdiction '{code}'{near}; see docs/configuration.md for the list")
        if normal not in codes:
            codes.append(normal)
    return tuple(codes), ctx.origin(raw.line_of("jurisdictions"))


def parse_kits(raw: LineDict, ctx: Ctx) -> tuple[tuple[str, Origin] | None, tuple[tuple[str, Any, Origin], ...]]:
    table = _mapping(raw, "kits", ctx)
    if not table:
        return None, ()
    check_keys(table, KITS_KEYS, ctx, "in kits")
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




def parse_accept(raw: LineDict, ctx: Ctx) -> tuple[tuple[str, Origin], ...]:
    return tuple((phrase, ctx.origin(line))
                 for phrase, line in string_list(raw, "accept", ctx, "phrases never flagged"))


def parse_exclude(raw: LineDict, ctx: Ctx) -> tuple[tuple[str, str, Origin], ...]:
    return tuple((glob, ctx.base, ctx.origin(line))
                 for glob, line in string_list(raw, "exclude", ctx, "glob patterns"))


def parse_extends(raw: LineDict, ctx: Ctx) -> list[tuple[str, int | None]]:
    return string_list(raw, "extends", ctx, "preset names or file paths")


# --------------------------------------------------------------------------- simple keys

#: each documented scalar type: the Python types it loads as, and how messages name it
_SCALAR_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "boolean": ((bool,), "true or false"), "integer": ((int,), "an integer"),
    "number": ((int, float), "a number"), "string": ((str,), "a non-empty string")}


@dataclass(frozen=True)
class Scalar:
    """A validator for a key that holds one scalar of type ``kind`` (boolean, integer, number or
    string; optionally at least ``minimum`` or one of ``choices``): returns ``(value, origin)``."""

    name: str
    kind: str
    minimum: float | None = None
    choices: tuple[str, ...] = ()

    def __call__(self, raw: LineDict, ctx: Ctx) -> tuple[Any, Origin]:
        name, kind = self.name, self.kind
        wanted, described = _SCALAR_TYPES[kind]
        value, line = raw.get(name), raw.line_of(name)
        ok = isinstance(value, wanted) and (kind == "boolean") == isinstance(value, bool)
        if ok and isinstance(value, float) and not math.isfinite(value):
            ok = False
        if not ok or (kind == "string" and not value.strip()):
            raise ctx.error(line, f"'{name}' must be {described}, not {type_name(value)}")
        if self.minimum is not None and value < self.minimum:
            raise ctx.error(line, f"'{name}' must be at least {self.minimum}, not {value}")
        if self.choices and value not in self.choices:
            raise ctx.error(line, f"'{name}': unknown value '{value}'{did_you_mean(value, self.choices)}; use "
                                  f"{', '.join(self.choices)}")
        return value, ctx.origin(line)


def scalar(name: str, kind: str, *, minimum: float | None = None, choices: Sequence[str] = ()) -> Scalar:
    """The validator of a one-scalar key (:class:`Scalar`)."""
    if kind not in _SCALAR_TYPES:
        raise ValueError(f"unknown scalar kind '{kind}'; use {', '.join(_SCALAR_TYPES)}")
    return Scalar(name, kind, minimum, tuple(choices))


# --------------------------------------------------------------------------- track:

TRACK_KEYS: tuple[str, ...] = ("db", "mapping", "min_cell")


def parse_track(raw: LineDict, ctx: Ctx) -> tuple[dict[str, Any], Origin]:
    """``track:`` (``ih track``'s store, column mapping and smallest group): its shape here; the
    values are checked where ``ih track`` reads them (``track/settings.py``, docs/tracking.md)."""
    table = _mapping(raw, "track", ctx)
    if table is None:
        return {}, ctx.origin(raw.line_of("track"))
    check_keys(table, TRACK_KEYS, ctx, "in track")
    return {str(k): v for k, v in table.items()}, ctx.origin(raw.line_of("track"))
