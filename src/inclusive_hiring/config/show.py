"""``ih config show``: the effective configuration as YAML, each value followed by where it came
from. Each key's printer is named in ``schema.KEYS``; :func:`render_show` prints them in their
``show_rank`` order."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..yamlio import DataError, load_yaml
from .model import PACKAGE_DEFAULT, Config, plain


def _scalar(value: Any, flow: bool = False) -> str:
    """``value`` as YAML: plain when that reads back the same (inside ``[...]``/``{...}`` when
    ``flow``, where ``, [ ] { }`` also need quotes), else double-quoted."""
    if isinstance(value, str):
        if (value and _reads_back(value) and "#" not in value and not value.startswith(("'", '"'))
                and not (flow and any(c in value for c in ",[]{}"))):
            return value
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(plain(value), ensure_ascii=False, default=str)


def _reads_back(text: str) -> bool:
    """Whether ``text`` written plainly loads back as the same string (with the bounded loader: a
    configured value can hold YAML of any shape)."""
    try:
        return load_yaml(text, "<value>") == text
    except DataError:
        return False


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
    for key in sorted(config.keys, key=lambda k: k.show_rank):
        if key.show is not None:
            out += key.show(config, only_changed)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- one printer per key

def show_jurisdictions(config: Config, only_changed: bool) -> list[str]:
    if not config.jurisdictions:
        return [_commented("jurisdictions: []", "from " + config.origin("jurisdictions"))]
    from ..catalog.jurisdictions import default_jurisdictions

    names = {c: default_jurisdictions()[c].name for c in config.jurisdictions}
    return [_commented("jurisdictions: " + _flow(list(config.jurisdictions)),
                       "from " + config.origin("jurisdictions") + "; "
                       + ", ".join(names[c] for c in config.jurisdictions))]


def _listed(key: str, values: list[str], config: Config) -> list[str]:
    if not values:
        return [_commented(f"{key}: []", "from package default")]
    return [f"{key}:", *(_commented(f"  - {_scalar(v)}", "from " + config.origin(f"{key}.{v}")) for v in values)]


def show_accept(config: Config, only_changed: bool) -> list[str]:
    return _listed("accept", list(config.accept), config)


def show_exclude(config: Config, only_changed: bool) -> list[str]:
    return _listed("exclude", [g for g, _ in config.exclude], config)


def show_prefer(config: Config, only_changed: bool) -> list[str]:
    if not config.prefer:
        return [_commented("prefer: {}", "from package default")]
    return ["prefer:", *(_commented(f"  {_scalar(old)}: {_scalar(new)}", "from " + config.origin(f"prefer.{old}"))
                         for old, new in config.prefer.items())]


def show_terms(config: Config, only_changed: bool) -> list[str]:
    if not config.terms:
        return [_commented("terms: []", "from package default")]
    out = ["terms:"]
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
            out.append(f"    patterns: {_flow([plain(p) for p in entry.patterns])}")
        out.append(f"    message: {_scalar(entry.message)}")
        out.append(f"    replacements: {_flow(list(entry.replacements))}")
        if entry.fix_safe:
            out.append("    fix: safe")
    return out


def show_kits(config: Config, only_changed: bool) -> list[str]:
    if not (config.kits.templates_dir or config.kits.competencies):
        return []
    out = ["kits:"]
    if config.kits.templates_dir:
        out.append(_commented(f"  templates_dir: {_scalar(str(config.kits.templates_dir))}",
                              "from " + config.origin("kits.templates_dir")))
    if config.kits.competencies:
        out.append("  competencies:")
        out += [_commented(f"    {_scalar(cid)}: {_flow(plain(value))}",
                           "from " + config.origin(f"kits.competencies.{cid}"))
                for cid, value in config.kits.competencies.items()]
    return out


def show_overrides(config: Config, only_changed: bool) -> list[str]:
    overrides = [o for layer in config.layers for o in layer.overrides]
    if not overrides:
        return []
    out = ["overrides:"]
    for override in overrides:
        out.append(_commented(f"  - files: {_flow(list(override.files))}", f"from {override.origin}"))
        out += [f"    {key}: {_flow(value)}" for key, value in override.raw.items() if key != "files"]
    return out


def show_rules(config: Config, only_changed: bool) -> list[str]:
    out = ["rules:"]
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
    return out


@dataclass(frozen=True)
class ShowValue:
    """The printer of a key that holds one value (``name: value  # from ...``)."""

    name: str

    def __call__(self, config: Config, only_changed: bool) -> list[str]:
        if only_changed and self.name not in config.origins:
            return []
        return [_commented(f"{self.name}: {_flow(config.value(self.name))}", "from " + config.origin(self.name))]


def show_value(name: str) -> ShowValue:
    return ShowValue(name)
