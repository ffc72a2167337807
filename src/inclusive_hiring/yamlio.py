"""Safe YAML loading that remembers where every mapping and key came from.

Word lists (and, later, configuration files) are validated with messages that name the file, the
line and the key; a plain ``yaml.safe_load`` throws that information away.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

# PyYAML is imported on first use: a lint run that finds its compiled word lists in the cache
# reads no YAML at all.


@functools.cache
def _yaml() -> tuple[Any, type, Any]:
    """The yaml module, the safe loader (libyaml's when the wheel has it), a scalar constructor."""
    import yaml

    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml, loader, yaml.constructor.SafeConstructor()


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


#: The only tags a data or configuration file may use (all implicit in plain YAML).
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in
                        ("str", "int", "float", "bool", "null", "map", "seq", "timestamp"))


def _construct(node: Any, path: str) -> Any:
    yaml, _, scalars = _yaml()
    if node.tag not in _PLAIN_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise DataError(path, node.start_mark.line + 1, f"unsupported YAML tag '{tag}'")
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, path)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise DataError(path, key_node.start_mark.line + 1, "mapping keys must be scalars")
            if key in out:
                raise DataError(path, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            out[key] = _construct(value_node, path)
            out.key_lines[str(key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_construct(item, path) for item in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    # Scalars: let the safe constructor resolve the tag (int, bool, null, str ...).
    return scalars.construct_object(node, deep=True)


def load_yaml(text: str, path: str | Path) -> Any:
    """Parse ``text`` with a safe loader; raise :class:`DataError` with file:line on failure."""
    yaml, loader, _ = _yaml()
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise DataError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - other parser failures
        raise DataError(path, None, f"invalid YAML: {exc}") from None
    if node is None:
        return None
    return _construct(node, str(path))


def load_yaml_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, None, f"cannot read: {exc}") from None
    return load_yaml(text, path)
