"""Safe, bounded YAML loading that remembers where every mapping and key came from.

Word lists, configuration files and kit specs are validated with messages that name the file, the
line and the key; a plain ``yaml.safe_load`` throws that information away. Input may come from
anyone (a pull request's ``.ih.yaml``), so loading is bounded: a document of at most
:data:`MAX_DOCUMENT_CHARS` characters, at most :data:`MAX_NODES` values in all, at most
:data:`MAX_ALIAS_NODES` of them reached through aliases (a "billion laughs" file is refused after
a few thousand steps, not expanded), nesting at most :data:`MAX_DEPTH` deep. Only the plain YAML
types are accepted (string, integer, float, boolean, null, timestamp, mapping, sequence), and a
value with an explicit tag must really be of that type (``!!int EU`` is refused). Every problem is
a :class:`DataError` whose text is one line, ``file:line: message``.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from pathlib import Path
from typing import Any

# PyYAML is imported on first use: a lint run that finds its compiled word lists in the cache
# reads no YAML at all.

#: The largest document read, in characters (files: in bytes).
MAX_DOCUMENT_CHARS = 2_000_000
#: The most values (scalars, mappings, sequences, keys included) one document may construct.
MAX_NODES = 200_000
#: The most values one document may construct by expanding aliases (``*name``).
MAX_ALIAS_NODES = 10_000
#: The deepest nesting of mappings and sequences.
MAX_DEPTH = 100


@functools.cache
def _yaml() -> tuple[Any, type]:
    """The yaml module and the safe loader (libyaml's when the wheel has it)."""
    import yaml

    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml, loader


class DataError(Exception):
    """A data or configuration file is malformed; ``str()`` is a one-line, located message."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.detail = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    line: int
    item_lines: list[int]


_YAML_TAG = "tag:yaml.org,2002:"
#: The only tags a data or configuration file may use (all implicit in plain YAML), by node kind.
_SCALAR_TAGS = frozenset(_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_MAP_TAG = _YAML_TAG + "map"
_SEQ_TAG = _YAML_TAG + "seq"
_TYPE_NAMES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean (true or false)",
               "null": "null", "timestamp": "date", "map": "mapping", "seq": "list"}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


def _short_tag(tag: str) -> str:
    return tag.replace(_YAML_TAG, "!!")


def _shown(value: str) -> str:
    """A scalar's text for a one-line message."""
    one_line = value.replace("\n", "\\n").replace("\r", "\\r")
    return one_line if len(one_line) <= 40 else one_line[:37] + "..."


class _Builder:
    """Turns a composed node graph into LineDicts, LineLists and scalars, within the bounds."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.nodes = 0
        self.alias_nodes = 0
        #: ids of the nodes built so far: meeting one again means an alias refers to it
        self.seen: set[int] = set()
        self.yaml, _ = _yaml()
        #: resolves scalar tags (int, bool, null, str ...); one per document, it caches what it built
        self.scalars = self.yaml.constructor.SafeConstructor()

    def error(self, node: Any, message: str) -> DataError:
        return DataError(self.path, node.start_mark.line + 1, message)

    def wrong_tag(self, node: Any, kind: str) -> DataError:
        """An unknown tag, or a plain one on the wrong kind of node (``!!map`` on a list)."""
        tag = _short_tag(node.tag)
        if node.tag in _SCALAR_TAGS or node.tag in (_MAP_TAG, _SEQ_TAG):
            return self.error(node, f"the YAML tag '{tag}' ({_TYPE_NAMES[tag[2:]]}) does not fit {kind}")
        return self.error(node, f"unsupported YAML tag '{tag}'")

    def count(self, node: Any, via_alias: bool, used_at: int) -> bool:
        """Count ``node`` against the budgets; whether it (or an ancestor) is an alias's copy.
        ``used_at``: the line where the alias being expanded is written (where a value's key is)."""
        if id(node) in self.seen:
            via_alias = True
        else:
            self.seen.add(id(node))
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.error(node, f"too many values: a document may hold at most {MAX_NODES}")
        if via_alias:
            self.alias_nodes += 1
            if self.alias_nodes > MAX_ALIAS_NODES:
                raise DataError(self.path, used_at, f"YAML aliases expand to more than {MAX_ALIAS_NODES} values "
                                       "(nested aliases, a 'billion laughs' file?)")
        return via_alias

    def build(self, node: Any, depth: int = 0, via_alias: bool = False, used_at: int = 1) -> Any:
        yaml = self.yaml
        via_alias = self.count(node, via_alias, used_at)
        if depth > MAX_DEPTH:
            raise self.error(node, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise self.wrong_tag(node, "a mapping")
            out = LineDict()
            out.line = node.start_mark.line + 1
            out.key_lines = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                key = self.build(key_node, depth + 1, via_alias, used_at if via_alias else key_line)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    raise DataError(self.path, key_node.start_mark.line + 1, "mapping keys must be scalars")
                if key in out:
                    raise DataError(self.path, key_node.start_mark.line + 1, f"duplicate key '{key}'")
                out[key] = self.build(value_node, depth + 1, via_alias, used_at if via_alias else key_line)
                out.key_lines[str(key)] = key_node.start_mark.line + 1
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise self.wrong_tag(node, "a list")
            seq = LineList()
            for item in node.value:
                seq.append(self.build(item, depth + 1, via_alias, used_at if via_alias else node.start_mark.line + 1))
            seq.line = node.start_mark.line + 1
            seq.item_lines = [item.start_mark.line + 1 for item in node.value]
            return seq
        return self.scalar(node)

    def scalar(self, node: Any) -> Any:
        """A scalar of one of the plain types; an explicit tag must fit the value."""
        if node.tag not in _SCALAR_TAGS:
            raise self.wrong_tag(node, "a single value")
        name = node.tag[len(_YAML_TAG):]
        invalid = (f"'{_shown(node.value)}' is not a valid {_TYPE_NAMES[name]} (read as YAML type "
                   f"'!!{name}'; quote it if it is text)")
        if name == "null" and node.value not in _NULLS:
            raise self.error(node, invalid)
        try:
            return self.scalars.construct_object(node, deep=True)
        except (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError,
                self.yaml.YAMLError):
            raise self.error(node, invalid) from None


def _line_at(text: str, position: int | None) -> int | None:
    return text.count("\n", 0, position) + 1 if position is not None and position >= 0 else None


def load_yaml(text: str, path: str | Path) -> Any:
    """Parse ``text`` with a safe, bounded loader; raise :class:`DataError` with file:line on failure."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise DataError(path, None, f"too large: {len(text)} characters (at most {MAX_DOCUMENT_CHARS})")
    yaml, loader = _yaml()
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise DataError(path, line, f"invalid YAML: {str(problem).replace(chr(10), ' ')}") from None
    except yaml.YAMLError as exc:  # the reader: control characters, bad encodings
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        character = getattr(exc, "character", None)
        what = f"character #x{ord(character) if isinstance(character, str) else character:04x}: " \
            if character is not None else ""
        raise DataError(path, _line_at(text, getattr(exc, "position", None)),
                        f"invalid YAML: unacceptable {what}{reason}") from None
    except UnicodeError as exc:  # a lone surrogate cannot be encoded for the parser
        raise DataError(path, _line_at(text, getattr(exc, "start", None)),
                        "invalid YAML: the text is not valid Unicode") from None
    if node is None:
        return None
    return _Builder(str(path)).build(node)


def load_yaml_file(path: Path) -> Any:
    """Read and parse a YAML file (a regular file of at most :data:`MAX_DOCUMENT_CHARS` bytes)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
            if not stat.S_ISREG(mode):
                raise DataError(path, None, "cannot read: not a regular file")
            data = handle.read(MAX_DOCUMENT_CHARS + 1)
        if len(data) > MAX_DOCUMENT_CHARS:
            raise DataError(path, None, f"too large: more than {MAX_DOCUMENT_CHARS} bytes")
        # universal newlines, as Path.read_text
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, None, f"cannot read: {exc}") from None
    return load_yaml(text, path)
