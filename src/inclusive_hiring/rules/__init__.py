"""Rules written in Python, one module each; span rules are data (``wordlists/``, ``catalog/matching.py``).

A rule module declares itself with ``RULE = DocumentRule(...)``: the rule ids it reports, the kind
of document it reads and the options it takes. The registry (:func:`document_rules`) is built from
those declarations, so adding a rule is one module here plus its metadata in a word list. Rules read
the shared facts (``lint/facts.py``), never another rule's findings, so their order does not matter.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lint.context import Context


@dataclass(frozen=True)
class DocumentRule:
    """A rule implemented in Python."""

    #: the rule ids it reports (their metadata is in the word lists)
    ids: tuple[str, ...]
    check: Callable[[Context], None]
    #: ``posting`` or ``questions``: posting checks never run on interview questions and back
    kind: str = "posting"
    #: (rule id, option name) pairs it reads; each must have a default in the rule's metadata
    options: tuple[tuple[str, str], ...] = ()
    #: runs only when the configuration names ``jurisdictions:``
    needs_jurisdictions: bool = False
    #: reads English prose (statements, reading grade): skipped on a document that does not read
    #: as English (IH820), where its findings would report what ih could not read
    reads_english: bool = False


@functools.cache
def document_rules() -> tuple[DocumentRule, ...]:
    """Every Python rule of this package, in module order."""
    found: list[DocumentRule] = []
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        rule = getattr(importlib.import_module(f"{__name__}.{module}"), "RULE", None)
        if isinstance(rule, DocumentRule):
            found.append(rule)
    return tuple(found)


def rules_for(kind: str) -> tuple[DocumentRule, ...]:
    """The Python rules that read documents of ``kind``."""
    return tuple(r for r in document_rules() if r.kind == kind)
