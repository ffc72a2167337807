"""Reading configuration files into layers: one file (and what it ``extends:``, depth first), the
command-line settings, the ``overrides:`` items. Which keys may appear where, and which validator
reads each, comes from the schema (``schema.KEYS``) passed in."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..catalog.wordlists import Rule
from ..validation import did_you_mean
from ..yamlio import DataError, LineDict, LineList, load_yaml_file
from .model import COMMAND_LINE, IN_FILE, IN_OVERRIDES, ON_COMMAND_LINE, Ctx, Key, Layer, Override, Part, plain
from .validate import check_keys, line_of_item, parse_extends, string_list, type_name

PRESETS: tuple[str, ...] = ("recommended", "strict", "relaxed")


def allowed_keys(keys: Sequence[Key], place: str) -> tuple[str, ...]:
    """The names of the keys that may appear in ``place`` (a file, an override, the command line),
    in schema order; an override also takes ``files:``."""
    names = tuple(key.name for key in keys if place in key.places)
    return ("files", *names) if place == IN_OVERRIDES else names


def not_in_overrides(keys: Sequence[Key]) -> dict[str, str]:
    """Why each top-level key that ``overrides:`` refuses is refused there."""
    return {key.name: key.not_in_overrides for key in keys
            if IN_OVERRIDES not in key.places and key.not_in_overrides}


def parse_part(raw: LineDict, ctx: Ctx, keys: Sequence[Key]) -> Part:
    """Validate the settings of one file or override, key by key in file order (so that of several
    problems the first one in the file is reported)."""
    parsers = {key.name: key.parse for key in keys if key.parse is not None}
    values: dict[str, Any] = {}
    for name in raw:
        parse = parsers.get(name) if isinstance(name, str) else None
        if parse is not None:
            values[name] = parse(raw, ctx)
    return Part(values)


def parse_overrides(raw: LineDict, ctx: Ctx, keys: Sequence[Key]) -> tuple[Override, ...]:
    value = raw.get("overrides")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ctx.error(raw.line_of("overrides"), f"'overrides' must be a list of {{files: [...], ...}} "
                                                  f"mappings, not {type_name(value)}")
    allowed, refused = allowed_keys(keys, IN_OVERRIDES), not_in_overrides(keys)
    out = []
    for i, item in enumerate(value):
        line = line_of_item(value, i)
        if not isinstance(item, LineDict):
            raise ctx.error(line, f"each item of 'overrides' must be a mapping, not {type_name(item)}")
        check_keys(item, allowed, ctx, "in overrides", refused)
        if "files" not in item:
            raise ctx.error(item.line, "an override needs 'files:' (a list of globs)")
        files = tuple(g for g, _ in string_list(item, "files", ctx, "glob patterns"))
        if not files:
            raise ctx.error(item.line_of("files"), "'files' must list at least one glob")
        out.append(Override(files=files, base=ctx.base, part=parse_part(item, ctx, keys),
                            origin=ctx.origin(item.line), raw=plain(item)))
    return tuple(out)


# --------------------------------------------------------------------------- files and extends

def preset_path(name: str) -> Path:
    return Path(__file__).parent.parent / "data" / "presets" / f"{name}.yml"


def _resolve_extends(target: str, line: int | None, ctx: Ctx) -> tuple[str, Path]:
    """("preset", path) or ("file", path) for one ``extends:`` value."""
    if target in PRESETS:
        return "preset", preset_path(target)
    looks_like_path = "/" in target or os.sep in target or target.endswith((".yml", ".yaml"))
    if not looks_like_path:
        raise ctx.error(line, f"extends: unknown preset '{target}'{did_you_mean(target, PRESETS)}; presets are "
                              f"{', '.join(PRESETS)}, and a file path ends in .yml or .yaml")
    path = Path(os.path.normpath(os.path.join(ctx.base, os.path.expanduser(target))))
    if not path.is_file():
        raise ctx.error(line, f"extends: no such file '{target}' ({path})")
    return "file", path


def layers_of_file(path: Path, label: str, rules: Mapping[str, Rule], entry_ids: set[str],
                   stack: tuple[str, ...], keys: Sequence[Key]) -> list[Layer]:
    """The layers of one configuration file: what it extends (depth first, in order), then itself."""
    key = str(path)
    raw = load_yaml_file(path)
    ctx = Ctx(str(path), label, str(path.parent), rules, entry_ids)
    top_keys = allowed_keys(keys, IN_FILE)
    if raw is None:
        raw = LineDict()
        raw.line, raw.key_lines = 1, {}
    if not isinstance(raw, LineDict):
        raise ctx.error(getattr(raw, "line", 1), f"a configuration file must be a mapping of keys "
                                                 f"({', '.join(top_keys)}), not {type_name(raw)}")
    check_keys(raw, top_keys, ctx, "at the top level")
    layers: list[Layer] = []
    for target, line in parse_extends(raw, ctx):
        kind, target_path = _resolve_extends(target, line, ctx)
        if str(target_path) in stack or str(target_path) == key:
            chain = " -> ".join([*(_short(s) for s in stack), _short(key), _short(str(target_path))])
            raise ctx.error(line, f"extends cycle: {chain}")
        child_label = f"preset {target}" if kind == "preset" else str(target_path)
        layers += layers_of_file(target_path, child_label, rules, entry_ids, (*stack, key), keys)
    layers.append(Layer(label=label, path=str(path), base=str(path.parent), part=parse_part(raw, ctx, keys),
                        overrides=parse_overrides(raw, ctx, keys)))
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


def cli_layers(overrides: Mapping[str, Any], rules: Mapping[str, Rule], entry_ids: set[str],
               cwd: Path, keys: Sequence[Key]) -> list[Layer]:
    """The layers of the command-line settings (``cli_overrides``): what they extend, then them."""
    raw = _lined(overrides)
    ctx = Ctx(COMMAND_LINE, COMMAND_LINE, str(cwd), rules, entry_ids)
    if not isinstance(raw, LineDict):
        raise ctx.error(None, "command-line settings must be a mapping")
    check_keys(raw, allowed_keys(keys, ON_COMMAND_LINE), ctx, "on the command line")
    layers: list[Layer] = []
    for target, _ in parse_extends(raw, ctx):
        kind, target_path = _resolve_extends(target, None, ctx)
        child_label = f"preset {target}" if kind == "preset" else str(target_path)
        layers += layers_of_file(target_path, child_label, rules, entry_ids, (), keys)
    layers.append(Layer(label=COMMAND_LINE, path=None, base=str(cwd), part=parse_part(raw, ctx, keys)))
    return layers


def config_file_layers(config_path: str | Path, rules: Mapping[str, Rule], entry_ids: set[str],
                       keys: Sequence[Key]) -> list[Layer]:
    """The layers of the file given with ``--config``."""
    path = Path(os.path.abspath(config_path))
    if path.is_dir():
        raise DataError(config_path, None, "--config: a folder, not a file (give the file, "
                                           f"for example {os.path.join(config_path, '.ih.yaml')})")
    if not path.is_file():
        raise DataError(config_path, None, "--config: no such file")
    return layers_of_file(path, f"--config {config_path}", rules, entry_ids, (), keys)
