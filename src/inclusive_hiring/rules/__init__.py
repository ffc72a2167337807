"""Document-level checks, one module each. Span rules are data (see ``matching.py``)."""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context


def document_checks() -> list[Callable[[Context], None]]:
    from . import eeo, gender_coding, length, pay_transparency, readability, requirements

    return [gender_coding.check, pay_transparency.check, eeo.check, readability.check,
            length.check, requirements.check]
