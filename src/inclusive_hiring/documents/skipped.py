"""What a directory run leaves out, and why; and ``--fix``, which leaves documents alone."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from . import UNSUPPORTED, handles, suffix

if TYPE_CHECKING:
    from ..results import LintReport


def _reason(name: str) -> str:
    ext = suffix(name)
    if ext in UNSUPPORTED:
        return UNSUPPORTED[ext]
    if ext == ".zip":
        return "a .zip is read only when named on the command line (a Google Docs web-page export)"
    return f"not a format ih reads ({ext or 'no suffix'})"


def skipped_files(paths: Iterable[str], suffixes: Sequence[str]) -> list[tuple[str, str]]:
    """(path, reason) for each file below a directory argument that a run does not lint because of
    its format. Hidden files and folders are not counted (they are never linted); ``--exclude``d
    files are not either (the user asked)."""
    out: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            continue
        for root, dirs, files in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and not name.lower().endswith(tuple(suffixes)):
                    out.append((os.path.join(root, name).replace(os.sep, "/"), _reason(name)))
    return out


def print_skipped(skipped: list[tuple[str, str]], verbose: bool) -> None:
    """One count line on stderr (``ih: skipped 3 files: 2 .png, 1 .doc``), then with ``verbose``
    one line per file with its reason."""
    if not skipped:
        return
    kinds = Counter(suffix(path) or "no suffix" for path, _ in skipped)
    listed = ", ".join(f"{n} {ext}" for ext, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    hint = "" if verbose else " (--verbose lists them)"
    sys.stderr.write(f"ih: skipped {len(skipped)} file{'s' * (len(skipped) != 1)} in folders: "
                     f"{listed}{hint}\n")
    if verbose:
        for path, reason in skipped:
            sys.stderr.write(f"ih: skipped {path}: {reason}\n")


def without_documents(report: LintReport) -> LintReport:
    """``report`` with the findings of .docx, .pdf and .zip files taken out, for ``--fix``: it edits
    text files only. Says so on stderr, one line per document that had findings."""
    from ..results import LintReport

    files = []
    for result in report.files:
        if handles(result.path) and result.findings:
            sys.stderr.write(f"ih: {result.path}: not fixed: --fix edits text files only; change "
                             "the wording in the document itself\n")
            result = replace(result, findings=())
        files.append(result)
    return LintReport(files=tuple(files))
