"""A progress bar on stderr for long ``ih lint`` runs on a terminal (rich)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: fewer files than this are done before a bar would be worth drawing
MIN_FILES = 40


@contextmanager
def lint_progress(enabled: bool, min_files: int = MIN_FILES) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` callback that draws a bar once ``total`` reaches ``min_files``,
    or None when ``enabled`` is false or stderr is not a terminal (pipes, CI logs, machine formats)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    state: dict[str, Any] = {}
    bar = Progress(TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(file=sys.stderr), transient=True)

    def advance(done: int, total: int) -> None:
        if total < min_files:
            return
        if "task" not in state:
            bar.start()
            state["task"] = bar.add_task("lint", total=total)
        bar.update(state["task"], completed=done)

    try:
        yield advance
    finally:
        if "task" in state:
            bar.stop()
