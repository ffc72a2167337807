"""``--write-baseline`` / ``--baseline``: record today's findings, then report only new ones.

The file is JSON, sorted and deterministic (the same findings give the same bytes)::

    {"version": 1, "tool": "ih", "fingerprints": {"postings/a.md": ["1f0c…", …], …}}

Keys are the paths as ``ih`` reported them (as given on the command line, see docs/ci.md), with
forward slashes and without a leading ``./``; values are the findings' fingerprints
(:mod:`inclusive_hiring.fingerprint`), which survive lines being added or removed elsewhere in the
file. Every finding is recorded, whatever its severity.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import replace
from typing import Any

from ..results import FileResult, Finding, LintReport, fingerprint, occurrences

VERSION = 1


class BaselineError(Exception):
    """A baseline that cannot be read or written; the message is one line and names the file."""


def baseline_path(path: str) -> str:
    """The key a report path has in a baseline: forward slashes, no ``./``, ``..`` resolved."""
    posix = path.replace("\\", "/")
    if posix.startswith("<"):  # <stdin>
        return posix
    return posixpath.normpath(posix)


def file_fingerprints(result: FileResult) -> list[str]:
    """The fingerprints of one file's findings, computed on its baseline path, in report order."""
    key = baseline_path(result.path)
    findings = [f if f.path == key else replace(f, path=key) for f in result.findings]
    return [fingerprint(f, n) for f, n in zip(findings, occurrences(findings), strict=True)]


def build(report: LintReport) -> dict[str, Any]:
    """The baseline document for a report: every finding of every file that was linted."""
    prints: dict[str, set[str]] = {}
    for result in report.files:
        if result.findings:
            prints.setdefault(baseline_path(result.path), set()).update(file_fingerprints(result))
    return {"version": VERSION, "tool": "ih",
            "fingerprints": {path: sorted(fps) for path, fps in sorted(prints.items())}}


def write(path: str, report: LintReport) -> int:
    """Write the baseline for ``report`` to ``path`` atomically; return the number of fingerprints."""
    from ..atomic import write_atomic

    doc = build(report)
    data = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        write_atomic(path, data, must_exist=False)
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror or exc}") from None
    return sum(len(v) for v in doc["fingerprints"].values())


def read(path: str) -> dict[str, frozenset[str]]:
    """Read a baseline: path -> fingerprints. Raises :class:`BaselineError` with a one-line reason."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file (create it with --write-baseline)") from None
    except IsADirectoryError:
        raise BaselineError(f"baseline {path}: is a directory") from None
    except OSError as exc:
        raise BaselineError(f"baseline {path}: cannot read: {exc.strerror or exc}") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BaselineError(f"baseline {path}: not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg})") from None
    if not isinstance(doc, dict) or doc.get("tool") != "ih" or "fingerprints" not in doc:
        raise BaselineError(f"baseline {path}: not an ih baseline (expected an object with "
                            '"version", "tool": "ih" and "fingerprints")')
    if doc.get("version") != VERSION:
        raise BaselineError(f"baseline {path}: unsupported version {doc.get('version')!r} "
                            f"(this ih reads version {VERSION})")
    prints = doc["fingerprints"]
    if not isinstance(prints, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
            for k, v in prints.items()):
        raise BaselineError(f'baseline {path}: "fingerprints" must map each path to a list of strings')
    return {baseline_path(k): frozenset(v) for k, v in prints.items()}


def filter_report(report: LintReport, baseline: dict[str, frozenset[str]]) -> LintReport:
    """The report without the findings recorded in ``baseline``."""
    files = []
    for result in report.files:
        known = baseline.get(baseline_path(result.path))
        if not known or not result.findings:
            files.append(result)
            continue
        kept: list[Finding] = [f for f, fp in zip(result.findings, file_fingerprints(result), strict=True)
                               if fp not in known]
        files.append(replace(result, findings=tuple(kept)))
    return LintReport(files=tuple(files))

