"""The redaction word lists (``wordlists/redact/*.yml``), loaded once and checked."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..yamlio import DataError, LineDict, load_yaml_file


def lexicon_dir() -> Path:
    """``wordlists/redact`` inside the installed package, or in the source tree."""
    packaged = Path(__file__).resolve().parents[1] / "wordlists" / "redact"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "wordlists" / "redact"


@dataclass(frozen=True)
class NamedGroup:
    pattern: str
    description: str


@dataclass(frozen=True)
class DescriptionRule:
    words: frozenset[str]
    description: str


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Every list the detectors use (hashed by identity, so compiled patterns can be cached)."""

    lists: dict[str, tuple[str, ...]]
    named_groups: tuple[NamedGroup, ...]
    description_rules: tuple[DescriptionRule, ...]
    default_description: str

    def words(self, key: str) -> tuple[str, ...]:
        """The list ``file.list`` (e.g. ``"religion.words"``)."""
        return self.lists[key]

    def folded(self, key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.lists[key])


_FLAGS = frozenset({"case_sensitive", "fold_accents", "default_description"})


def _terms(value: Any, path: Path, line: int, key: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise DataError(path, line, f"'{key}' must be a list")
    out = []
    for index, item in enumerate(value):
        item_line = value.item_lines[index] if hasattr(value, "item_lines") else line
        if isinstance(item, LineDict) and "term" in item:
            item = item["term"]
        if not isinstance(item, str) or not item.strip():
            raise DataError(path, item_line, f"'{key}': each entry must be a non-empty string or a "
                                             "mapping with 'term'")
        out.append(item.strip())
    return tuple(out)


def _groups(value: Any, path: Path, line: int) -> tuple[NamedGroup, ...]:
    import re

    groups = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, LineDict) or not isinstance(item.get("pattern"), str) \
                or not isinstance(item.get("description"), str):
            raise DataError(path, getattr(item, "line", line), "each named group needs 'pattern' and 'description'")
        try:
            re.compile(item["pattern"])
        except re.error as exc:
            raise DataError(path, item.line_of("pattern"), f"bad pattern: {exc}") from None
        groups.append(NamedGroup(item["pattern"], item["description"]))
    return tuple(groups)


def _rules(value: Any, path: Path, line: int) -> tuple[DescriptionRule, ...]:
    rules = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, LineDict) or not isinstance(item.get("description"), str):
            raise DataError(path, getattr(item, "line", line), "each description rule needs 'words' and "
                                                               "'description'")
        words = _terms(item.get("words"), path, item.line_of("words"), "words")
        rules.append(DescriptionRule(frozenset(w.casefold() for w in words), item["description"]))
    return tuple(rules)


def load_lexicon(directory: Path) -> Lexicon:
    """Read and check every ``*.yml`` in ``directory``; raise DataError (file:line) on a bad one."""
    lists: dict[str, tuple[str, ...]] = {}
    groups: tuple[NamedGroup, ...] = ()
    rules: tuple[DescriptionRule, ...] = ()
    default = "community group"
    files = sorted(directory.glob("*.yml"))
    if not files:
        raise DataError(directory, None, "no redaction word lists found")
    for path in files:
        data = load_yaml_file(path)
        if not isinstance(data, LineDict):
            raise DataError(path, getattr(data, "line", 1), "must be a mapping of lists")
        if not isinstance(data.get("source"), str):
            raise DataError(path, data.line, "needs a 'source:' saying where the list comes from")
        for key, value in data.items():
            line = data.line_of(key)
            if key == "source" or key in _FLAGS:
                if key == "default_description":
                    default = str(value)
                continue
            if key == "named":
                groups = _groups(value, path, line)
            elif key == "descriptions":
                rules = _rules(value, path, line)
            else:
                lists[f"{path.stem}.{key}"] = _terms(value, path, line, key)
    return Lexicon(lists, groups, rules, default)


@functools.cache
def shipped() -> Lexicon:
    """The shipped lists (read once per process)."""
    return load_lexicon(lexicon_dir())
