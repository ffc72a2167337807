"""Located field checks for the YAML specs users write (posting specs, kit specs): every failure is
a :class:`DataError` ("file:line: message") that names the key, with a close match for an unknown
key. Each spec's checker extends :class:`FieldChecker` with the field kinds it needs."""

from __future__ import annotations

from .validation import describe_value, did_you_mean
from .yamlio import DataError, LineDict


class FieldChecker:
    """Reads fields of the spec at ``path``; every method raises a located DataError."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, line: int | None, message: str) -> DataError:
        return DataError(self.path, line, message)

    def keys(self, mapping: LineDict, allowed: tuple[str, ...], what: str) -> None:
        """Refuse the first key of ``mapping`` that is not in ``allowed``."""
        for key in mapping:
            if key not in allowed:
                hint = did_you_mean(key, allowed, otherwise=f" (allowed: {', '.join(allowed)})")
                raise self.fail(mapping.line_of(str(key)), f"unknown {what} key '{key}'{hint}")

    def mapping(self, parent: LineDict, key: str, what: str) -> LineDict:
        value = parent[key]
        if not isinstance(value, LineDict):
            raise self.fail(parent.line_of(key), f"'{key}' must be a mapping of {what}, not {describe_value(value)}")
        return value

    def bounded(self, text: str, line: int, name: str, limit: int) -> str:
        """``text`` (already on one line) when it is neither empty nor longer than ``limit``."""
        if not text:
            raise self.fail(line, f"{name} must not be empty")
        if len(text) > limit:
            raise self.fail(line, f"{name} is too long ({len(text)} characters; at most {limit})")
        return text

    def whole_number(self, mapping: LineDict, key: str, low: int, high: int, what: str = "",
                     unit: str = "") -> int | None:
        """An integer between ``low`` and ``high``; None when the key is absent or empty."""
        if mapping.get(key) is None:
            return None
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be a whole number{unit}, "
                                                  f"not {describe_value(value)}")
        if not low <= value <= high:
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be between {low} and {high}"
                                                  f"{unit}, not {value}")
        return value
