"""The configuration's data types: where a value came from, one file's validated settings, the
layers, a schema entry (:class:`Key`) and the effective :class:`Config` the engine reads."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..catalog.wordlists import Entry, Rule
from ..globs import glob_regex
from ..lint.selectors import Selection
from ..results import Finding
from ..yamlio import DataError

if TYPE_CHECKING:
    from ..catalog.jurisdictions import Jurisdiction

ORGANIZATION_RULE = "IH090"
HOUSE_STYLE_RULE = "IH091"
PACKAGE_DEFAULT = "package default"
COMMAND_LINE = "command line"

#: Where a key may appear (:attr:`Key.places`).
IN_FILE = "file"
IN_OVERRIDES = "overrides"
ON_COMMAND_LINE = "command line"


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


@dataclass(frozen=True)
class Ctx:
    """What a validator needs: the file (for messages), its label (for provenance), its folder,
    the rules (for selectors) and the entry ids already taken."""

    path: str
    label: str
    base: str
    rules: Mapping[str, Rule]
    entry_ids: set[str]

    def error(self, line: int | None, message: str) -> DataError:
        return DataError(self.path, line, message)

    def origin(self, line: int | None) -> Origin:
        return Origin(self.label, line, None if self.path == COMMAND_LINE else self.path)


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
    """The settings of one file (or one ``overrides:`` item), validated but not yet merged:
    for each key present, what its schema ``parse`` returned."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


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
class Key:
    """One configuration key: the single place that says what it is (see ``schema.KEYS``)."""

    name: str
    #: the documented type, as docs/configuration.md states it
    type: str
    #: where it may appear: :data:`IN_FILE`, :data:`IN_OVERRIDES`, :data:`ON_COMMAND_LINE`
    places: frozenset[str]
    #: ``default(rules)``: a fresh merged value before any layer (the package default)
    default: Callable[[Mapping[str, Rule]], Any] | None = None
    #: ``parse(raw, ctx)``: validate the key in one file or override (``raw`` holds it), or raise
    #: :class:`DataError`; None for the structural keys (``extends``, ``overrides``)
    parse: Callable[[Any, Ctx], Any] | None = None
    #: ``merge(value, parsed, origins)``: the value after one more layer; records provenance
    merge: Callable[[Any, Any, dict[str, str]], Any] | None = None
    #: ``show(config, only_changed)``: the lines ``ih config show`` prints (None: not printed)
    show: Callable[[Config, bool], list[str]] | None = None
    #: where in ``ih config show`` it is printed (lower first)
    show_rank: int = 100
    #: why it is refused inside ``overrides:`` (when it is not allowed there)
    not_in_overrides: str = ""
    #: its commented block in the starter file ``ih init`` writes ("" for none)
    starter: str = ""
    #: where in the starter file (lower first)
    starter_rank: int = 100


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
    #: every schema key's merged value by name (a new key is read from here: :meth:`value`)
    values: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
    #: the schema this configuration was validated and merged with
    keys: tuple[Key, ...] = field(repr=False, compare=False, default=())
    #: ``remerge(applies)``: the same layers merged again, with the overrides ``applies`` accepts
    remerge: Callable[[Callable[[Override], bool] | None], Config] | None = field(
        repr=False, compare=False, default=None)

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
        merged = [self.merged_with(None)]
        for layer in self.layers:
            for override in layer.overrides:
                if override.part.get("terms") or override.part.get("prefer"):
                    merged.append(self.merged_with(lambda o, chosen=override: o is chosen))
        return union_entries(config.entries for config in merged)

    def merged_with(self, applies: Callable[[Override], bool] | None) -> Config:
        """The same layers merged again, each override that ``applies`` accepts applied."""
        if self.remerge is None:
            raise ValueError("this Config was not built by the configuration loader")
        return self.remerge(applies)

    def value(self, key: str) -> Any:
        """The merged value of any schema key (the way to read a key that has no attribute)."""
        return self.values[key]

    def entries_digest(self) -> str:
        """A stable hash of :attr:`entries`, to cache their compiled form next to the shipped index."""
        blob = json.dumps([_entry_key(e) for e in self.entries], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    @functools.cached_property
    def disabled_rules(self) -> frozenset[str]:
        """The ids of the rules this configuration turns off (a rule not named is on)."""
        return frozenset(rule_id for rule_id, setting in self.rules.items() if not setting.enabled)

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
        from ..catalog.jurisdictions import default_jurisdictions

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


def plain(value: Any) -> Any:
    """Loaded YAML (LineDicts, dates) as plain dicts, lists and strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value
