"""All-or-nothing writes of a kit's files.

Everything is rendered in memory before this module is called. :func:`write_files` then

1. creates the output folder if needed and checks that it can write there;
2. refuses, unless ``force``, when any target file exists (naming it);
3. writes every file to a temporary file next to its target and flushes it to disk;
4. only when all of them were written, moves each into place with :func:`os.replace`
   (atomic on POSIX and Windows).

On any error before step 4 the temporary files are removed (and a folder it created), so nothing
half-written is left and no existing file has changed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

from ..atomic import create_new, stage
from . import KitError


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


def writable_dir(directory: Path) -> None:
    """Raise KitError unless ``directory`` is a folder this process can create files in."""
    if not directory.is_dir():
        raise KitError(f"{directory}: not a folder")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise KitError(f"{directory}: cannot write here (permission denied)")


def write_files(out_dir: Path, files: Mapping[str, str], *, force: bool = False) -> list[Path]:
    """Write ``files`` (name -> text, UTF-8) into ``out_dir``; return the paths written."""
    out_dir = Path(out_dir)
    created: list[Path] = []
    if out_dir.exists() and not out_dir.is_dir():
        raise KitError(f"{out_dir}: exists and is not a folder")
    if not out_dir.exists():
        missing = []
        parent = out_dir
        while not parent.exists():
            missing.append(parent)
            parent = parent.parent
        writable_dir(parent)
        try:
            out_dir.mkdir(parents=True)
        except OSError as exc:
            raise KitError(f"{out_dir}: cannot create the folder ({_reason(exc)})") from None
        created = list(reversed(missing))
    try:
        writable_dir(out_dir)
        targets = [(out_dir / name, text) for name, text in files.items()]
        if not force:
            existing = [path for path, _ in targets if path.exists() or path.is_symlink()]
            if existing:
                more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
                raise KitError(f"{existing[0]} exists{more}: use --force to overwrite")
        for path, _ in targets:
            if path.is_dir():
                raise KitError(f"{path}: is a folder")
        staged = _stage(targets)
    except BaseException:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    written = []
    try:
        for temp, path in staged:
            os.replace(temp, path)
            written.append(path)
    except OSError as exc:  # pragma: no cover - a rename in one folder does not fail in practice
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise KitError(f"{out_dir}: could not finish writing the kit ({_reason(exc)}); "
                       f"{len(written)} of {len(staged)} files were replaced") from None
    return written


def _stage(targets: list[tuple[Path, str]]) -> list[tuple[str, Path]]:
    """Write every file to a temporary sibling; on any failure remove them all and raise."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in targets:
            staged.append((stage(path, text.encode("utf-8")), path))
    except BaseException as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise KitError(f"{path}: cannot write ({_reason(exc)}); nothing was written") from None
        raise
    return staged


def write_new_file(path: Path, text: str) -> Path:
    """Write one file that must not exist yet (``ih kit init``), atomically; never overwrite."""
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise KitError(f"{path} exists: ih kit init never overwrites a file (choose another --out)")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise KitError(f"{parent}: no such folder")
    writable_dir(parent)
    try:
        create_new(path, text.encode("utf-8"))
    except FileExistsError:
        raise KitError(f"{path} exists: ih kit init never overwrites a file") from None
    except OSError as exc:
        raise KitError(f"{path}: cannot write ({_reason(exc)}); nothing was written") from None
    return path
