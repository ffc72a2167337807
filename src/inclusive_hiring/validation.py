""""Did you mean" hints for validation messages, shared by the configuration, the word-list catalog,
jurisdictions and kit specs (one copy of the wording and of the ``difflib`` call)."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches


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
