"""All-or-nothing writes of a posting (and its spec): never overwrite without ``force``.

Every file is written to a temporary sibling and flushed to disk first; only when all of them
are staged is each moved into place. Without ``force`` the move is a hard link, which fails if
the target appeared meanwhile, so even a race cannot overwrite a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import PostingError


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


def check_targets(paths: Sequence[Path], *, force: bool) -> None:
    """Raise PostingError unless every path can be written (before any question is asked)."""
    for path in paths:
        parent = path.parent
        if not parent.is_dir():
            raise PostingError(f"{parent}: no such folder")
        if not os.access(parent, os.W_OK | os.X_OK):
            raise PostingError(f"{parent}: cannot write here (permission denied)")
        if path.is_dir():
            raise PostingError(f"{path}: is a folder")
        if not force and (path.exists() or path.is_symlink()):
            raise PostingError(f"{path} exists: use --force to overwrite it")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(files: Sequence[tuple[Path, bytes]], *, force: bool) -> list[Path]:
    """Write each (path, data); nothing is changed unless every file could be staged."""
    check_targets([path for path, _ in files], force=force)
    mode = 0o666 & ~_umask()
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".ih-tmp")
            staged.append((temp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, mode)
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise PostingError(f"{path}: cannot write ({_reason(exc)}); nothing was written") from None
    written: list[Path] = []
    try:
        for temp, path in staged:
            if force:
                os.replace(temp, path)
            else:
                _link_new(temp, path)
            written.append(path)
    finally:
        for temp, _ in staged:
            with contextlib.suppress(OSError):
                Path(temp).unlink(missing_ok=True)
    return written


def _link_new(temp: str, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError:
        raise PostingError(f"{path} exists: use --force to overwrite it") from None
    except OSError:
        if path.exists():
            raise PostingError(f"{path} exists: use --force to overwrite it") from None
        os.replace(temp, path)  # a file system without hard links
