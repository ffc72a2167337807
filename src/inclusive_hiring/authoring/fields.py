"""Field checks for the posting spec: each failure is a :class:`DataError` ("file:line: message")
naming the key, with a close match for an unknown key (the style of kits/spec.py)."""

from __future__ import annotations

import contextlib
import datetime as _dt
from typing import Any

from ..fieldcheck import FieldChecker
from ..validation import describe_value as kind
from ..yamlio import LineDict


def one_line(value: Any) -> str:
    return " ".join(str(value).split())


class Checker(FieldChecker):
    """Reads fields of the posting spec at ``path``; every method raises a located DataError."""

    def text(self, mapping: LineDict, key: str, *, required: bool = True, limit: int = 120,
             what: str = "") -> str:
        """One line of text (whitespace collapsed); "" when optional and absent."""
        if mapping.get(key) is None:
            if required:
                raise self.fail(mapping.line, f"{what}missing required field '{key}'")
            return ""
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be text, not {kind(value)}")
        return self.bounded(one_line(value), mapping.line_of(key), f"{what}'{key}'", limit)

    def paragraphs(self, mapping: LineDict, key: str, limit: int) -> tuple[str, ...]:
        """Text of one or more paragraphs (split at blank lines)."""
        if mapping.get(key) is None:
            raise self.fail(mapping.line, f"missing required field '{key}'")
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, str):
            raise self.fail(mapping.line_of(key), f"'{key}' must be text, not {kind(value)}")
        self.bounded(one_line(value), mapping.line_of(key), f"'{key}'", limit)
        blocks = [one_line(b) for b in value.replace("\r\n", "\n").split("\n\n")]
        return tuple(b for b in blocks if b)

    def items(self, mapping: LineDict, key: str, *, most: int, limit: int, required: bool = True,
              advice: str = "") -> list[tuple[Any, int]]:
        """The items of a list, each with its line; a single string counts as a list of one."""
        if mapping.get(key) is None:
            if required:
                raise self.fail(mapping.line, f"missing required field '{key}'")
            return []
        value = mapping[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self.fail(mapping.line_of(key), f"'{key}' must be a non-empty list")
        if len(value) > most:
            raise self.fail(mapping.line_of(key), f"'{key}' has {len(value)} items; at most {most}"
                                                  f"{advice}")
        lines = getattr(value, "item_lines", [mapping.line_of(key)] * len(value))
        out: list[tuple[Any, int]] = []
        seen: dict[str, int] = {}
        for item, line in zip(value, lines, strict=False):
            if isinstance(item, LineDict):
                out.append((item, line))
                continue
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise self.fail(line, f"each item of '{key}' must be text, not {kind(item)}")
            text = self.bounded(one_line(item), line, f"an item of '{key}'", limit)
            if text.casefold() in seen:
                raise self.fail(line, f"'{text}' is listed twice in '{key}' (first on line "
                                      f"{seen[text.casefold()]})")
            seen[text.casefold()] = line
            out.append((text, line))
        return out

    def number(self, mapping: LineDict, key: str, what: str) -> float:
        if mapping.get(key) is None:
            raise self.fail(mapping.line, f"{what}missing required field '{key}'")
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = " (write 85000, without separators or a currency sign)" if isinstance(value, str) else ""
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be a number, not {kind(value)}{hint}")
        if value <= 0 or value >= 1e9:
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be more than 0 and less than "
                                                  f"1,000,000,000, not {value:g}")
        return float(value)

    def integer(self, mapping: LineDict, key: str, low: int, high: int, what: str = "") -> int | None:
        return self.whole_number(mapping, key, low, high, what)

    def flag(self, mapping: LineDict, key: str, what: str = "") -> bool | None:
        if mapping.get(key) is None:
            return None
        value = mapping[key]
        if not isinstance(value, bool):
            raise self.fail(mapping.line_of(key), f"{what}'{key}' must be yes or no, not {kind(value)}")
        return value

    def date(self, mapping: LineDict, key: str) -> _dt.date | None:
        if mapping.get(key) is None:
            return None
        value = mapping[key]
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = _dt.date.fromisoformat(value.strip())
        if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
            raise self.fail(mapping.line_of(key), f"'{key}' must be a date written YYYY-MM-DD, "
                                                  f"not {kind(value)}")
        return value
