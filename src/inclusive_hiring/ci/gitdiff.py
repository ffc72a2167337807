"""``--diff REF``: report findings only on lines changed since a git revision.

The changed lines come from ``git diff --unified=0 REF -- PATHS`` (REF against the working tree:
committed, staged and unstaged changes alike) plus untracked files that are not ignored, which
count as changed throughout. Only added or rewritten lines count; a pure deletion marks its file as
changed without marking a line. Paths are compared as real paths, so ``./a.md``, ``a.md`` and an
absolute path name the same file.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..results import Finding, LintReport

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_OCTAL = re.compile(r"\\([0-7]{3})|\\(.)")
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
TIMEOUT = 120


class GitDiffError(Exception):
    """Git is missing, the directory is not a repository, or the revision does not exist."""


@dataclass(frozen=True)
class Changes:
    """Changed line numbers (1-based) per file, keyed by real path; ``None`` means the whole file."""

    files: dict[str, frozenset[int] | None]

    def changed(self, path: str) -> bool:
        return _key(path) in self.files

    def keeps(self, finding: Finding) -> bool:
        key = _key(finding.path)
        if key not in self.files:
            return False
        lines = self.files[key]
        if lines is None or finding.line is None:  # a new file, or a document finding
            return True
        return any(n in lines for n in range(finding.line, (finding.end_line or finding.line) + 1))


def _key(path: str) -> str:
    return os.path.realpath(path)


def _git(args: Sequence[str], cwd: str | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        # Settings that would change the output we parse are pinned.
        return subprocess.run(["git", "-c", "core.quotePath=false", "-c", "diff.relative=false",
                               "-c", "diff.noprefix=false", *args], cwd=cwd,
                              capture_output=True, timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        raise GitDiffError("--diff needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitDiffError(f"git {args[0]} took longer than {TIMEOUT} s") from None


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of a path ("a\\tb", octal bytes)."""
    if not (len(name) >= 2 and name[0] == name[-1] == '"'):
        return name
    raw = bytearray()
    body = name[1:-1]
    pos = 0
    for m in _OCTAL.finditer(body):
        raw += body[pos:m.start()].encode("utf-8")
        if m.group(1):
            raw.append(int(m.group(1), 8))
        else:
            raw += _ESCAPES.get(m.group(2), m.group(2)).encode("utf-8")
        pos = m.end()
    raw += body[pos:].encode("utf-8")
    return raw.decode("utf-8", "surrogateescape")


def parse_diff(diff: str, root: str) -> dict[str, frozenset[int] | None]:
    """Changed new-side line numbers per file from ``git diff --unified=0`` output."""
    files: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\t"))
            if name == "/dev/null":  # a deleted file
                current = None
                continue
            name = name[2:] if name.startswith("b/") else name
            current = files.setdefault(_key(os.path.join(root, name)), set())
        elif line.startswith("@@ ") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    return {path: frozenset(lines) for path, lines in files.items()}


def changed_lines(ref: str, paths: Iterable[str] = (), cwd: str | None = None) -> Changes:
    """The lines changed since ``ref`` in ``paths`` (everything under the repository when empty).
    Without ``cwd``, git runs in the repository of the first path, wherever ih was started."""
    paths = [p for p in paths if p != "-"]
    if cwd is None and paths:
        first = os.path.abspath(paths[0])
        cwd = first if os.path.isdir(first) else os.path.dirname(first)
        if not os.path.isdir(cwd):
            cwd = None
        paths = [os.path.abspath(p) for p in paths]
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        where = f"{paths[0]} is" if paths else "this folder is"
        raise GitDiffError(f"--diff: {where} not inside a git repository")
    root = top.stdout.decode("utf-8", "surrogateescape").strip()
    for path in paths[1:]:
        if not _inside(path, root):
            raise GitDiffError(f"--diff: {path} is not in the git repository at {root}; "
                               "lint each repository in a run of its own")
    if ref.startswith("-") or _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
                                   cwd).returncode != 0:
        raise GitDiffError(f"--diff: unknown git revision '{ref}'")
    pathspec = ["--", *paths]
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "-M",
                 "--src-prefix=a/", "--dst-prefix=b/", ref,
                 *pathspec], cwd)
    if diff.returncode != 0:
        message = diff.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitDiffError("--diff: git diff failed" + (f": {message[0]}" if message else ""))
    files: dict[str, frozenset[int] | None] = dict(
        parse_diff(diff.stdout.decode("utf-8", "surrogateescape"), root))
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name", *pathspec],
                     cwd)
    if untracked.returncode == 0:
        for name in untracked.stdout.decode("utf-8", "surrogateescape").split("\0"):
            if name:
                files[_key(os.path.join(root, name))] = None
    return Changes(files=files)


def _inside(path: str, root: str) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def filter_report(report: LintReport, changes: Changes) -> LintReport:
    """Keep span findings that touch a changed line, and document findings of changed files."""
    return LintReport(files=tuple(
        replace(r, findings=tuple(f for f in r.findings if changes.keeps(f))) if r.findings else r
        for r in report.files))
