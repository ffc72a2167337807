"""Project configuration: ``.ih.yaml`` discovery, ``extends:`` presets, strict validation, provenance.

One module per job: :mod:`.schema` (THE table of keys: type, default, validator, merge rule,
where each may appear, how ``ih config show`` prints it), :mod:`.model` (data types),
:mod:`.validate` (one validator per key), :mod:`.load` (files, ``extends:``, ``overrides:``),
:mod:`.merge` (layering), :mod:`.resolver` (the entry points), :mod:`.show` (``ih config show``),
:mod:`.starter` (``ih init``). docs/architecture-config.md says where a new key goes.

Every file is read with the safe, bounded YAML loader in :mod:`inclusive_hiring.yamlio`. Any
problem is a :class:`~inclusive_hiring.yamlio.DataError` whose text is one line,
``file:line: message``, naming the key and the closest valid name; the CLI prints it and exits 2.

The CLI imports this package only when a configuration applies (``cli._config_resolver``).
"""

from __future__ import annotations

from ..discovery import CONFIG_NAMES, discover
from .load import PRESETS, preset_path
from .model import (
    COMMAND_LINE,
    HOUSE_STYLE_RULE,
    ORGANIZATION_RULE,
    PACKAGE_DEFAULT,
    Config,
    Key,
    Kits,
    Origin,
    RuleSetting,
    entry_content_key,
    glob_match,
    phrase_pattern,
    union_entries,
)
from .resolver import ConfigResolver, load_config, resolve_for
from .schema import CLI_KEYS, KEYS, OVERRIDE_KEYS, TOP_KEYS
from .show import render_show
from .starter import STARTER_CONFIG, write_starter
from .validate import KITS_KEYS, RULE_KEYS, TERM_KEYS

__all__ = [
    "CLI_KEYS", "COMMAND_LINE", "CONFIG_NAMES", "HOUSE_STYLE_RULE", "KEYS", "KITS_KEYS", "ORGANIZATION_RULE",
    "OVERRIDE_KEYS", "PACKAGE_DEFAULT", "PRESETS", "RULE_KEYS", "STARTER_CONFIG", "TERM_KEYS", "TOP_KEYS",
    "Config", "ConfigResolver", "Key", "Kits", "Origin", "RuleSetting", "discover", "entry_content_key",
    "glob_match", "load_config", "phrase_pattern", "preset_path", "render_show", "resolve_for",
    "union_entries", "write_starter",
]
