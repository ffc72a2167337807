"""The exit codes of every ``ih`` command, and the one way a command fails on bad input.

0: nothing at or above ``--fail-on``; 1: findings at or above it; 2: usage, input or configuration
error, reported as one line on stderr ("ih: error: ...").
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    sys.stderr.write(f"ih: error: {message}\n")
    raise typer.Exit(EXIT_ERROR)
