"""The bounds of one lint: how big a spaCy Doc may get, and how many findings one file may have.

Hostile or broken input (a generated file, a log pasted as a posting) must cost bounded time and
memory: see "Running ih on untrusted pull requests" in docs/ci.md.
"""

from __future__ import annotations

#: The longest line piece that goes into a Doc whole (``pieces.py``).
MAX_PIECE = 10_000
#: The most characters of one spaCy Doc (spaCy's own limit is 1,000,000).
MAX_DOC = 200_000
#: The most word-list matches one file may have; past it the file is an error. A real posting
#: has a few dozen; 10,000 findings take about 10 MB of JSON.
MAX_FINDINGS = 10_000

BUG_HINT = "this is a bug in ih: please report it at https://github.com/inclusive-hiring/ih/issues"


class TooManyFindings(Exception):
    """Raised by the span step when a file has more than :data:`MAX_FINDINGS` matches."""

    def __init__(self, limit: int = MAX_FINDINGS) -> None:
        super().__init__(f"more than {limit:,} findings, the limit for one file: is this really a "
                         "job posting?")


def internal_error(exc: BaseException) -> str:
    """A one-line error for an unexpected exception while linting a file."""
    detail = " ".join(str(exc).split())[:200]
    return f"internal error ({type(exc).__name__}{': ' + detail if detail else ''}); {BUG_HINT}"
