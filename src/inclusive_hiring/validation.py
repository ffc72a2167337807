""""Did you mean" hints and the naming of a wrong value, for validation messages shared by the
configuration, the word-list catalog, jurisdictions, kit specs and posting specs (one copy of the
wording and of the ``difflib`` call)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from difflib import get_close_matches
from typing import Any


def closest(word: object, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The valid name closest to ``word`` (``difflib.get_close_matches``), or None."""
    near = get_close_matches(str(word), list(choices), n=1, cutoff=cutoff)
    return near[0] if near else None


def did_you_mean(word: object, choices: Iterable[str], *, otherwise: str = "", cutoff: float = 0.6) -> str:
    """`` (did you mean 'x'?)`` for the closest valid name, else ``otherwise`` (often empty)."""
    near = closest(word, choices, cutoff=cutoff)
    return hint(near, otherwise=otherwise)


def hint(near: str | None, *, otherwise: str = "") -> str:
    """`` (did you mean 'x'?)`` for an already chosen suggestion ``near``, else ``otherwise``."""
    return f" (did you mean '{near}'?)" if near else otherwise


def describe_value(value: Any) -> str:
    """How a wrong value is named in a message."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value}'" if len(value) < 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__
