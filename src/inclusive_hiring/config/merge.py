"""Layering: each key's merge rule, and :func:`merge_layers`, which folds the layers (and the
``overrides:`` that apply) into the effective :class:`~.model.Config`.

Each rule takes the value so far, what one layer's validator returned and the provenance map
(``origins``, dotted key -> "label:line"), and returns the value after that layer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..catalog.wordlists import Entry, Rule
from ..yamlio import DataError
from .model import (
    COMMAND_LINE,
    HOUSE_STYLE_RULE,
    PACKAGE_DEFAULT,
    Config,
    Key,
    Kits,
    Layer,
    Origin,
    Override,
    RuleOp,
    RuleSetting,
)
from .validate import slug, unique_id

# --------------------------------------------------------------------------- merge rules


@dataclass(frozen=True)
class RuleState:
    """Every rule's enabled flag, configured severity (None: the entry's own) and options."""

    enabled: dict[str, bool]
    severity: dict[str, str | None]
    options: dict[str, dict[str, Any]]


def rules_default(rules: Mapping[str, Rule]) -> RuleState:
    return RuleState(enabled={rid: True for rid in rules}, severity={rid: None for rid in rules},
                     options={rid: dict(rule.options) for rid, rule in rules.items()})


def merge_rules(state: RuleState, ops: Sequence[RuleOp], origins: dict[str, str]) -> RuleState:
    """Later wins, per rule and per setting; ``ops`` come broadest selector first."""
    for op in ops:
        for rid in sorted(op.selection.rule_ids):
            if op.enabled is not None:
                state.enabled[rid] = op.enabled
                origins[f"rules.{rid}.enabled"] = str(op.origin)
            if op.severity is not None:
                state.severity[rid] = op.severity
                origins[f"rules.{rid}.severity"] = str(op.origin)
            for name, value in op.options:
                if name in state.options[rid]:
                    state.options[rid][name] = value
                    origins[f"rules.{rid}.{name}"] = str(op.origin)
    return state


def empty_dict(rules: Mapping[str, Rule]) -> dict[str, Any]:
    return {}


def empty_list(rules: Mapping[str, Rule]) -> list[Any]:
    return []


def empty_tuple(rules: Mapping[str, Rule]) -> tuple[()]:
    return ()


def nothing(rules: Mapping[str, Rule]) -> None:
    return None


def merge_terms(terms: dict[str, Entry], parsed: Sequence[tuple[Entry, Origin]],
                origins: dict[str, str]) -> dict[str, Entry]:
    """By entry id: a later layer's entry replaces an earlier one with the same id."""
    for entry, origin in parsed:
        terms[entry.id] = entry
        origins[f"terms.{entry.id}"] = str(origin)
    return terms


def merge_accept(accept: dict[str, str], parsed: Sequence[tuple[str, Origin]],
                 origins: dict[str, str]) -> dict[str, str]:
    """Union, case-insensitive; the first spelling and origin are kept."""
    for phrase, origin in parsed:
        accept.setdefault(phrase.lower(), phrase)
        origins.setdefault(f"accept.{accept[phrase.lower()]}", str(origin))
    return accept


def merge_prefer(prefer: dict[str, tuple[str, Origin]], parsed: Sequence[tuple[str, str, Origin]],
                 origins: dict[str, str]) -> dict[str, tuple[str, Origin]]:
    """By term: a later layer's replacement wins."""
    for old, new, origin in parsed:
        prefer[old] = (new, origin)
        origins[f"prefer.{old}"] = str(origin)
    return prefer


def merge_exclude(exclude: list[tuple[str, str]], parsed: Sequence[tuple[str, str, Origin]],
                  origins: dict[str, str]) -> list[tuple[str, str]]:
    """Union of (glob, folder it is relative to), first seen first."""
    for glob, base, origin in parsed:
        if (glob, base) not in exclude:
            exclude.append((glob, base))
            origins[f"exclude.{glob}"] = str(origin)
    return exclude


@dataclass(frozen=True)
class LastWins:
    """The merge rule of a key whose validator returns ``(value, origin)``: the later layer's
    value replaces the whole earlier one (a class, not a closure, so a Config pickles)."""

    name: str

    def __call__(self, value: Any, parsed: tuple[Any, Origin], origins: dict[str, str]) -> Any:
        origins[self.name] = str(parsed[1])
        return parsed[0]


def last_wins(name: str) -> LastWins:
    return LastWins(name)


def kits_default(rules: Mapping[str, Rule]) -> Kits:
    return Kits()


def merge_kits(kits: Kits, parsed: tuple[tuple[str, Origin] | None, Sequence[tuple[str, Any, Origin]]],
               origins: dict[str, str]) -> Kits:
    """``templates_dir``: later wins; ``competencies``: by id, later wins."""
    templates_dir, competencies = kits.templates_dir, dict(kits.competencies)
    templates, more = parsed
    if templates is not None:
        templates_dir = Path(templates[0])
        origins["kits.templates_dir"] = str(templates[1])
    for cid, value, origin in more:
        competencies[cid] = value
        origins[f"kits.competencies.{cid}"] = str(origin)
    return Kits(templates_dir, competencies)


# --------------------------------------------------------------------------- layering


def shipped_entry_ids() -> set[str]:
    from ..catalog.wordlists import default_catalog

    return set(default_catalog().entries)


def merge_layers(layers: Sequence[Layer], rules: Mapping[str, Rule], keys: Sequence[Key],
                 applies: Callable[[Override], bool] | None = None) -> Config:
    """Merge ``layers`` in order, key by key with each key's merge rule; each override for which
    ``applies`` is true is applied right after the layer that defines it (none when None)."""
    merging = [key for key in keys if key.merge is not None]
    values: dict[str, Any] = {key.name: key.default(rules) if key.default else None for key in merging}
    origins: dict[str, str] = {}

    def fold(part_values: Mapping[str, Any]) -> None:
        for key in merging:
            if key.name in part_values:
                values[key.name] = key.merge(values[key.name], part_values[key.name], origins)  # type: ignore[misc]

    for layer in layers:
        fold(layer.part.values)
        if applies is not None:
            for override in layer.overrides:
                if applies(override):
                    fold(override.part.values)
    return _config(values, origins, layers, rules, tuple(keys))


def _config(values: dict[str, Any], origins: dict[str, str], layers: Sequence[Layer],
            rules: Mapping[str, Rule], keys: tuple[Key, ...]) -> Config:
    """The :class:`Config` the engine reads, from the merged values of the built-in keys."""
    state: RuleState = values["rules"]
    terms: dict[str, Entry] = values["terms"]
    prefer: dict[str, tuple[str, Origin]] = values["prefer"]
    prefer_entries = _prefer_entries(prefer, rules, set(terms) | shipped_entry_ids())
    settings = {
        rid: RuleSetting(enabled=state.enabled[rid], severity=state.severity[rid] or rules[rid].severity,
                         severity_override=state.severity[rid], options=state.options[rid])
        for rid in rules
    }
    layers = tuple(layers)
    return Config(
        rules=settings, terms=tuple(terms.values()), prefer_entries=prefer_entries,
        accept=tuple(values["accept"].values()), prefer={old: new for old, (new, _) in prefer.items()},
        jurisdictions=values["jurisdictions"], exclude=tuple(values["exclude"]), kits=values["kits"],
        origins=origins,
        files=tuple(dict.fromkeys(layer.path for layer in layers
                                  if layer.path and not layer.label.startswith("preset "))),
        sources=(PACKAGE_DEFAULT, *dict.fromkeys(layer.label for layer in layers)),
        layers=layers, catalog_rules=dict(rules), values=values, keys=keys,
        remerge=functools.partial(merge_layers, layers, rules, keys),
    )


def _case_forms(term: str) -> tuple[str, ...]:
    """A house-style term as written, in lower case, Capitalised and in capitals. The fix is safe
    only for the form itself, so inflections ("e-mails") are not matched: list them as their own
    ``prefer:`` keys. The fix keeps the case of the matched text."""
    forms = [term, term.lower(), term[:1].upper() + term[1:].lower(), term.upper()]
    return tuple(dict.fromkeys(forms))


def _prefer_entries(prefer: Mapping[str, tuple[str, Origin]], rules: Mapping[str, Rule],
                    taken: set[str]) -> tuple[Entry, ...]:
    if not prefer:
        return ()
    rule = rules[HOUSE_STYLE_RULE]
    lowered = {old.lower() for old in prefer}
    out = []
    for old, (new, origin) in prefer.items():
        if new.lower() in lowered:
            raise DataError(origin.path or COMMAND_LINE, origin.line,
                            f"prefer.{old}: the replacement '{new}' is itself replaced (a fix would loop)")
        entry_id = unique_id(f"house-style-{slug(old)}", taken)
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
