"""Document-level checks, one module each. Span rules are data (see ``matching.py``)."""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context


def document_checks(kind: str = "posting") -> list[Callable[[Context], None]]:
    """The document checks for a kind of document: posting checks never run on interview
    questions, and question checks never on postings."""
    if kind == "questions":
        from . import question_structure

        return [question_structure.check]
    from . import eeo, gender_coding, length, pay_transparency, posting_law, preferences, readability, requirements

    # posting_law after pay_transparency: it reads whether IH701 found no pay at all.
    return [preferences.check, gender_coding.check, pay_transparency.check, posting_law.check, eeo.check,
            readability.check, length.check, requirements.check]
