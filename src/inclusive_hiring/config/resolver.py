"""The public entry points: :func:`load_config` (every layer, discovered or given, merged),
:func:`resolve_for` (a file's ``overrides:`` applied) and :class:`ConfigResolver` (both, per file,
cached per configuration file found).

Layers, lowest precedence first (docs/configuration.md):

1. package defaults: every rule on, at its default severity and options (from the word lists);
2. presets and other files named by ``extends:`` (depth first, in the order listed);
3. the project file, ``.ih.yaml`` or ``.ih.yml``, found by walking up from the linted file to the
   directory that holds ``.git`` (or the filesystem root);
4. the file given with ``--config`` (and what it extends);
5. command-line flags (``cli_overrides``, same schema).

Within one layer, ``rules:`` selectors are applied from the broadest to the most specific (see
:mod:`inclusive_hiring.selectors`), and the layer's ``overrides:`` whose ``files:`` globs match the
linted file are applied right after the layer itself (:func:`resolve_for`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..catalog.wordlists import Entry, Rule
from ..discovery import discover
from .load import cli_layers, config_file_layers, layers_of_file
from .merge import merge_layers, shipped_entry_ids
from .model import Config, Key, Layer
from .schema import KEYS


def _default_rules() -> dict[str, Rule]:
    from ..catalog.wordlists import default_catalog

    return default_catalog().rules


def load_config(config_path: str | Path | None = None, *, start: str | Path | None = None,
                no_config: bool = False, cli_overrides: Mapping[str, Any] | None = None,
                rules: Mapping[str, Rule] | None = None, keys: Sequence[Key] = KEYS) -> Config:
    """The effective configuration (before per-file ``overrides:``; see :func:`resolve_for`).

    ``start`` (a file or folder, default the current directory) is where discovery begins;
    ``no_config`` skips discovery; ``config_path`` (``--config``) is layered above the discovered
    file; ``cli_overrides`` (same schema, ``extends``/``rules``/``accept``/... only) above both.
    ``keys`` is the schema (``schema.KEYS``; tests pass an extended copy).
    """
    rules = rules if rules is not None else _default_rules()
    entry_ids = shipped_entry_ids()
    layers: list[Layer] = []
    if not no_config:
        found = discover(Path(start) if start is not None else Path.cwd())
        if found is not None:
            layers += layers_of_file(found, str(found), rules, entry_ids, (), keys)
    if config_path is not None:
        layers += config_file_layers(config_path, rules, entry_ids, keys)
    if cli_overrides:
        layers += cli_layers(cli_overrides, rules, entry_ids, Path.cwd(), keys)
    return merge_layers(layers, rules, keys)


def resolve_for(config: Config, file_path: str | Path) -> Config:
    """``config`` with the ``overrides:`` whose ``files:`` globs match ``file_path`` applied (each
    right after the layer that defines it, so a higher layer still wins)."""
    if not any(layer.overrides for layer in config.layers):
        return config
    if not any(o.matches(file_path) for layer in config.layers for o in layer.overrides):
        return config
    return config.merged_with(lambda override: override.matches(file_path))


class ConfigResolver:
    """Per-file configuration for a lint run: discovery from each file's folder (remembered per
    path and folder for the resolver's life: a configuration file added meanwhile is seen by a new
    resolver), the configuration cached per configuration file found, then :func:`resolve_for`.

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
        #: path -> the configuration file found for it, and folder -> the same (``discover``):
        #: a run asks four times for each file, the files of a folder share the answer
        self._found: dict[str, Path | None] = {}
        self._folders: dict[Path, Path | None] = {}

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
        if self.no_config:
            return self._load(None)
        key = str(path)
        if key not in self._found:
            self._found[key] = discover(Path(path), self._folders)
        return self._load(self._found[key])

    def for_file(self, path: str | Path) -> Config:
        config = self._source(path)
        return config if str(path) in ("-", "<stdin>", "<text>") else resolve_for(config, path)

    def index_entries(self, path: str | Path) -> tuple[Entry, ...]:
        """The extra entries of the index that lints ``path`` (:attr:`Config.index_entries`)."""
        return self._source(path).index_entries
