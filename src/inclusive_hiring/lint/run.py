"""A lint run over files: which linter and configuration each file gets, in this process or in
``--jobs`` worker processes.

:class:`LintRun` is handed to the workers once, by the pool initializer (a forked worker inherits
the linters the parent built); :class:`_Worker` holds it there, in that worker process only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..results import FileResult, empty_metrics
from .limits import internal_error

if TYPE_CHECKING:
    from ..config import ConfigResolver


def error_result(path: str, message: str) -> FileResult:
    """The result of a file that could not be linted: a one-line error."""
    return FileResult(path=path, error=message, metrics=empty_metrics())


@dataclass(frozen=True)
class LintRun:
    """What every file of one ``lint_paths`` call is linted with."""

    kind: str = "auto"
    #: each file's configuration, or None for the package defaults
    config: ConfigResolver | None = None

    def lint_document(self, text: str, path: str) -> FileResult:
        """Lint ``text`` as the file ``path`` with the configuration that applies to that file."""
        from .linter import get_linter

        shown = "<stdin>" if path == "-" else path
        if self.config is None:
            return get_linter().lint(text, shown, self.kind)
        settings = self.config.for_file(path)
        linter = get_linter(self.config.index_entries(path))
        if not linter.serves(settings):  # pragma: no cover - index_entries covers every override
            linter = get_linter(settings.entries)
        return linter.lint(text, shown, self.kind, settings)

    def lint_file(self, path: str) -> FileResult:
        """Read and lint one file (``-``: standard input); a file that cannot be read is an error.
        Word, PDF and zipped-HTML files are read by ``documents/`` and their positions mapped back."""
        from ..api import read_text
        from ..documents import handles

        if handles(path):  # .docx, .pdf, zipped HTML; .doc, .odt, .rtf get their one-line error
            from ..documents.lint import lint_document_file

            return lint_document_file(path, self)

        shown = "<stdin>" if path == "-" else path
        try:
            text, error = read_text(path)
            if error is not None or text is None:
                return error_result(shown, error or "unreadable")
            return self.lint_document(text, path)
        except RecursionError:  # pragma: no cover - pathological nesting
            return error_result(shown, "document too deeply nested to lint")
        except MemoryError:
            return error_result(shown, "out of memory while linting this file")
        except Exception as exc:  # the global guard: one file's bug never loses the others' results
            return error_result(shown, internal_error(exc))


class _Worker:
    """The run of this worker process, set once by :func:`start_worker`."""

    run: LintRun | None = None


def start_worker(run: LintRun) -> None:
    """The pool initializer: keep ``run`` for :func:`lint_in_worker`."""
    _Worker.run = run


def lint_in_worker(path: str) -> FileResult:
    run = _Worker.run
    if run is None:  # pragma: no cover - the pool always starts workers with a run
        raise RuntimeError("lint worker started without a run")
    return run.lint_file(path)
