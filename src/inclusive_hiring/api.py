"""The library API: lint text or paths and get data back. Only the CLI prints."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .globs import glob_regex
from .results import FileResult, LintReport

if TYPE_CHECKING:
    from .config import ConfigResolver

__all__ = ["STDIN", "FileResult", "LintReport", "expand_paths", "lint_document", "lint_paths", "lint_text",
           "read_text"]

DEFAULT_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt", ".html", ".docx", ".pdf")
MAX_BYTES = 2 * 1024 * 1024
STDIN = "-"


KINDS: tuple[str, ...] = ("auto", "posting", "questions")
_SURROGATE = re.compile("[\ud800-\udfff]")


def checked_arguments(text: object, path: object, kind: object) -> str:
    """``text`` made lintable, after checking the arguments of :func:`lint_text`: ``TypeError``
    when ``text`` or ``path`` is not a ``str``, ``ValueError`` for an unknown ``kind``. Lone
    surrogates (which no file can hold; Python makes them from undecodable bytes) become U+FFFD,
    one character for one, so finding offsets still index ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(path, str):
        raise TypeError(f"path must be a str, not {type(path).__name__}")
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return _SURROGATE.sub("\ufffd", text)


def lint_text(text: str, path: str = "<text>", kind: str = "auto") -> FileResult:
    """Lint one document held in memory: a job posting or a list of interview questions
    (``kind``: ``posting``, ``questions`` or ``auto``, which tells them apart). ``path`` only names
    the document (its suffix picks Markdown, HTML or plain text) and is never opened.

    Raises ``TypeError`` when ``text`` or ``path`` is not a ``str`` and ``ValueError`` for any
    other ``kind``; a lone surrogate in ``text`` is replaced by U+FFFD (same offsets). Input of
    any size is linted in bounded pieces; past 10,000 findings the result carries an ``error``
    instead (see docs/json-schema.md, "Arguments and limits")."""
    from .lint.linter import get_linter

    text = checked_arguments(text, path, kind)
    return get_linter().lint(text, path, kind)


def read_text(path: str, max_bytes: int = MAX_BYTES) -> tuple[str | None, str | None]:
    r"""Return (text, None) or (None, one-line error) for a path or ``-``. Line endings are
    normalised to ``\n``; finding offsets refer to this text."""
    data, error = read_bytes(path, max_bytes)
    if data is None:
        return None, error
    text, error = decode_text(data)
    if text is None:
        return None, error
    return normalise_newlines(text), None


def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> tuple[bytes | None, str | None]:
    """The raw bytes of a path or ``-`` (standard input), or (None, one-line error).

    Only regular files are read: a FIFO, socket or device is refused without being opened (a FIFO
    would block forever, a device never end). The file is opened non-blocking and checked again
    once open, in case it was swapped for a FIFO in between."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            not_regular = special_file(os.stat(path).st_mode)
            if not_regular:
                return None, f"not a regular file ({not_regular}); not read"
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with open(fd, "rb") as handle:
                not_regular = special_file(os.fstat(fd).st_mode)
                if not_regular:
                    return None, f"not a regular file ({not_regular}); not read"
                data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return None, "no such file or directory"
    except PermissionError:
        return None, "permission denied"
    except IsADirectoryError:
        return None, "is a directory"
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    if len(data) > max_bytes:
        size = os.path.getsize(path) if path != STDIN else len(data)
        return None, (f"file too large ({size / 1048576:.1f} MB; the limit is "
                      f"{max_bytes / 1048576:g} MB)")
    return data, None


def special_file(mode: int) -> str | None:
    """What a file that is not a regular file is ("a FIFO", "a socket", "a device"...), or None
    for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        raise IsADirectoryError
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def decode_text(data: bytes) -> tuple[str | None, str | None]:
    """Decode a document's bytes (UTF-8, a leading byte-order mark dropped, line endings kept),
    or (None, one-line error) for binary, undecodable or empty input."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, "UTF-16 text (as Word and Notepad save 'Unicode'); save it as UTF-8"
    if b"\x00" in data[:8192]:
        return None, "binary file, not text"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, (f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                      "save it as UTF-8")
    if not text.strip():
        return None, "empty file"
    return text, None


def normalise_newlines(text: str) -> str:
    r"""``\r\n`` and a lone ``\r`` become ``\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _excluded(path: str, patterns: Sequence[str], rel: str | None = None) -> bool:
    """Whether ``--exclude`` globs match ``path``, with the rules of ``exclude:`` in .ih.yaml
    (``globs.py``): relative to the current folder, or to the directory argument (``rel``)."""
    if not patterns:
        return False
    absolute = os.path.abspath(path)
    here = os.path.relpath(absolute).replace(os.sep, "/")
    if here == ".." or here.startswith("../"):  # outside the current folder: only unanchored
        here = absolute.replace(os.sep, "/").lstrip("/")  # globs ("*.md", "drafts") can match
    places = [here] if rel is None else [here, rel]
    return any(glob_regex(pattern).fullmatch(place) for pattern in patterns for place in places)


def expand_paths(paths: Iterable[str], exclude: Sequence[str] = (),
                 suffixes: Sequence[str] = DEFAULT_SUFFIXES, *, follow_symlinks: bool = False,
                 notes: list[str] | None = None) -> list[tuple[str, str | None]]:
    """Files to lint, in a stable order, as (path, error) pairs.

    In a directory, only regular files are taken: a FIFO, socket or device is skipped, and so is
    a symbolic link to a file outside the directory unless ``follow_symlinks``; each skip adds a
    one-line note to ``notes`` ("path: why"). Links to directories are never descended into.
    A file named explicitly is taken as it is (reading it refuses anything but a regular file)."""
    out: list[tuple[str, str | None]] = []
    for raw in paths:
        if raw == STDIN:
            out.append((STDIN, None))
            continue
        path = Path(raw)
        if path.is_dir():
            tree = os.path.realpath(path)
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    rel = os.path.relpath(full, path).replace(os.sep, "/")
                    if name.lower().endswith(tuple(suffixes)) and not _excluded(full, exclude, rel):
                        skipped = _skip_reason(full, tree, follow_symlinks)
                        if skipped is None:
                            found.append(full.replace(os.sep, "/"))
                        elif notes is not None:
                            notes.append(f"{full.replace(os.sep, '/')}: {skipped}")
            if found:
                out.extend((f, None) for f in sorted(found))
            else:
                out.append((raw, "no files to lint here (looked for "
                                 + ", ".join(suffixes) + ")"))
        elif path.exists() or path.is_symlink():
            if not _excluded(raw, exclude):
                out.append((raw, None))
        else:
            out.append((raw, "no such file or directory"))
    return out


def inside(path: str, tree: str) -> bool:
    """Whether the real path ``path`` is ``tree`` or inside it (both already resolved)."""
    return path == tree or path.startswith(tree.rstrip(os.sep) + os.sep)


def _skip_reason(full: str, tree: str, follow_symlinks: bool) -> str | None:
    """Why a file found in the directory ``tree`` (resolved) is not linted, or None."""
    if os.path.islink(full) and not follow_symlinks and not inside(os.path.realpath(full), tree):
        return "skipped: a symbolic link to a file outside the linted folder (--follow-symlinks follows it)"
    try:
        mode = os.stat(full).st_mode
    except OSError:
        return None  # a broken link: reading it says so, as an error
    if stat.S_ISDIR(mode):
        return "skipped: a directory"
    what = special_file(mode)
    return None if what is None else f"skipped: {what}, not a regular file"


def lint_document(text: str, path: str, kind: str = "auto", config: ConfigResolver | None = None) -> FileResult:
    """Lint ``text`` as the file ``path``, with the configuration that applies to that file when
    ``config`` (a :class:`~inclusive_hiring.config.ConfigResolver`) is given. The arguments are
    checked as :func:`lint_text` checks them."""
    from .lint.run import LintRun

    text = checked_arguments(text, path, kind)
    return LintRun(kind, config).lint_document(text, path)


def lint_file(path: str, kind: str = "auto", config: ConfigResolver | None = None) -> FileResult:
    """Read and lint one file (``-``: standard input)."""
    from .lint.run import LintRun

    return LintRun(kind, config).lint_file(path)


def lint_paths(paths: Iterable[str], *, exclude: Sequence[str] = (), jobs: int = 1,
               kind: str = "auto", config: ConfigResolver | None = None,
               progress: Callable[[int, int], None] | None = None,
               follow_symlinks: bool = False) -> LintReport:
    """Lint files and directories (recursively); ``-`` reads standard input. ``kind``: see
    :func:`lint_text`. ``config``: a :class:`~inclusive_hiring.config.ConfigResolver` (each file
    gets the configuration that applies to it; its ``exclude:`` globs skip files), or None for the
    package defaults. ``progress(done, total)`` is called after each file. ``follow_symlinks``: see
    :func:`expand_paths`; the files it skips are listed in the report's ``notes``."""
    from .lint.linter import get_linter
    from .lint.run import LintRun, error_result, lint_in_worker, start_worker

    notes: list[str] = []
    paths = list(paths)
    targets = expand_paths(paths, exclude, follow_symlinks=follow_symlinks, notes=notes)
    if config is not None:
        kept = [(p, err) for p, err in targets
                if err is not None or p == STDIN or not config.for_file(p).is_excluded(p)]
        named = {raw.replace(os.sep, "/") for raw in paths if raw != STDIN and not os.path.isdir(raw)}
        notes.extend(f"{p}: skipped: excluded by exclude: in the configuration"
                     for p, err in targets if err is None and (p, err) not in kept and p in named)
        targets = kept + _emptied_folders(paths, targets, kept)
    todo = [p for p, err in targets if err is None]
    # Build each linter once in this process (one per configuration found); forked workers
    # inherit them. A broken override is reported here, before any file is linted.
    extras = dict.fromkeys(config.index_entries(p) for p in todo) if config is not None else {}
    for extra in extras or [()]:
        get_linter(extra)
    run = LintRun(kind, config)
    results: dict[str, FileResult] = {}
    if jobs > 1 and len(todo) >= 2 * jobs and STDIN not in todo and _can_fork():
        import multiprocessing

        # Build spaCy once, here: the forked workers share it.
        for extra in extras or [()]:
            get_linter(extra).warm_up()
        with multiprocessing.get_context("fork").Pool(jobs, initializer=start_worker, initargs=(run,)) as pool:
            for result_path, result in zip(todo, pool.imap(lint_in_worker, todo, chunksize=8), strict=False):
                results[result_path] = result
                if progress is not None:
                    progress(len(results), len(todo))
    else:
        for p in todo:
            results[p] = run.lint_file(p)
            if progress is not None:
                progress(len(results), len(todo))
    ordered = [results[p] if err is None else error_result(p, err) for p, err in targets]
    return LintReport(files=tuple(ordered), notes=tuple(notes))


def _emptied_folders(paths: Sequence[str], found: Sequence[tuple[str, str | None]],
                     kept: Sequence[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """A folder argument whose files the configuration's ``exclude:`` all skipped is an error, as
    a folder with nothing to lint is: a CI run that lints nothing must not pass. (Files named one
    by one are skipped quietly, as pre-commit passes them.)"""
    out: list[tuple[str, str | None]] = []
    kept_paths = {p for p, _ in kept}
    for raw in paths:
        if raw == STDIN or not os.path.isdir(raw):
            continue
        prefix = raw.replace(os.sep, "/").rstrip("/") + "/"
        inside = [p for p, err in found if err is None and p.startswith(prefix)]
        if inside and not any(p in kept_paths for p in inside):
            out.append((raw, "no files to lint here: every file is excluded by exclude: in the configuration"))
    return out


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
