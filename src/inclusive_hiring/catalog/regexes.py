"""Regular expressions kept compiled across runs, in ``ih``'s cache (``cache.py``).

``re.compile`` parses a pattern and generates its matching code in Python, which for the frame
engine's 94 long patterns costs about 0.2 s of every run. A :class:`RegexStore` keeps that code
(what ``re`` hands to its C engine, ``_sre.compile``) and builds the pattern object from it
directly: the same object ``re.compile`` builds, at a few percent of the cost.

- The store is keyed on the pattern text and flags themselves (never on file names), so it can
  never give the code of another pattern; the file is keyed on the exact Python build and the
  version of its regular-expression engine (``_sre.MAGIC``), whose code format it is.
- The C engine checks the code it is given and rejects invalid code (``RuntimeError``); a
  rejected or unreadable entry is compiled again with ``re.compile``. Anything unexpected in
  ``re``'s internals (another Python) leaves the store off: every pattern is compiled as usual.
- The file is written atomically and trusted like the index (``cache.read_cache``); it holds
  only the patterns the last run that compiled a new one used, so it never grows without end.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from .cache import cache_dir, read_cache, write_cache

#: what ``_sre.compile`` takes after the pattern: flags, code, groups - 1, groupindex, indexgroup
Code = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def _engine() -> tuple[Any, Any, Any] | None:
    """``re``'s parser, code generator and C engine, or None where they are not as expected."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10 names them sre_compile and sre_parse
        return None
    if not (callable(getattr(_compiler, "_code", None)) and callable(getattr(_parser, "parse", None))
            and callable(getattr(_sre, "compile", None))):
        return None  # pragma: no cover - another Python
    return _parser, _compiler, _sre


def code_of(pattern: str, flags: int = 0) -> Code | None:
    """What ``re.compile(pattern, flags)`` hands to ``_sre.compile`` (re/_compiler.py,
    ``compile``), or None where ``re``'s internals are not as expected."""
    engine = _engine()
    if engine is None:
        return None
    parser, compiler, _ = engine
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the opcodes are int subclasses that do not pickle
    return (int(flags | parsed.state.flags), [int(op) for op in code], int(parsed.state.groups - 1), groupindex,
            tuple(indexgroup))


def from_code(pattern: str, code: Code) -> re.Pattern[str]:
    """The pattern object ``re.compile`` builds, from the ``code_of`` the pattern."""
    engine = _engine()
    if engine is None:  # pragma: no cover - checked by the store before
        raise RuntimeError("re's engine is not as expected")
    flags, ops, groups, groupindex, indexgroup = code
    return engine[2].compile(pattern, flags, ops, groups, groupindex, indexgroup)


def _checksum(pattern: str, flags: int, code: Code) -> str:
    """A digest of a pattern with its code: an entry whose code is not its pattern's (a damaged
    or altered file) is never used."""
    return hashlib.blake2b(repr((pattern, flags, code)).encode(), digest_size=16).hexdigest()


def _store_path(name: str) -> Path | None:
    import _sre

    where = cache_dir()
    if where is None:
        return None
    key = f"{name}|{sys.version}|{sys.implementation.name}|{getattr(_sre, 'MAGIC', '')}|{_sre.CODESIZE}"
    return where / f"regex-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


class RegexStore:
    """``compile(pattern)``: ``re.compile``, from cached code where the store has it. Create one
    where a set of patterns is compiled (once per run), then call :meth:`save`."""

    def __init__(self, name: str) -> None:
        self._path = _store_path(name) if _engine() is not None else None
        loaded = read_cache(self._path) if self._path is not None else None
        #: (pattern, flags) -> (its code, the checksum of both)
        self._known: dict[tuple[str, int], tuple[Code, str]] = loaded if isinstance(loaded, dict) else {}
        self._used: dict[tuple[str, int], tuple[Code, str]] = {}
        self._new = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        if self._path is None or not isinstance(pattern, str) or not isinstance(flags, int):
            return re.compile(pattern, flags)
        key = (pattern, flags)
        known = self._known.get(key)
        try:
            code, checksum = known  # type: ignore[misc]
            if checksum != _checksum(pattern, flags, code):
                raise ValueError("not this pattern's code")
            compiled = from_code(pattern, code)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            pass  # not in the store, damaged, or rejected by the engine: compile it again
        else:
            self._used[key] = (code, checksum)
            return compiled
        compiled = re.compile(pattern, flags)
        fresh = code_of(pattern, flags)
        if fresh is not None:
            self._used[key] = (fresh, _checksum(pattern, flags, fresh))
            self._new = True
        return compiled

    def save(self) -> None:
        """Keep the code of the patterns compiled so far, if one of them was not in the store."""
        if self._new and self._path is not None:
            write_cache(self._path, self._used)
            self._new = False
