"""Atomic file writes, the one way ``ih`` writes a user's files (fixes, baselines, kits, the
starter configuration, caches): a temporary sibling flushed to disk, then moved into place, so a
crash or a full disk never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def umask() -> int:
    """The process's file-creation mask (read without changing it for long)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stage(path: str | os.PathLike[str], data: bytes, mode: int | None = None) -> str:
    """Write ``data`` to a new temporary file next to ``path``, flushed to disk, with ``mode`` (by
    default the mode a new file gets); return its name. The caller moves it into place or removes
    it. The temporary file is private (0600) until it has its mode, so a secret never shows."""
    directory = os.path.dirname(os.fspath(path)) or "."
    fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(os.fspath(path))}.",
                                suffix=".ih-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~umask() if mode is None else mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def write_atomic(path: str, data: bytes, must_exist: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically. An existing file keeps its mode (and owner,
    where allowed); a symbolic link is followed, so the link stays a link."""
    target = os.path.realpath(path)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        if must_exist:
            raise
        st = None
    tmp = stage(target, data)
    try:
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(OSError):
                    os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def create_new(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file that must not exist yet, atomically; raise :class:`FileExistsError` if it
    does, even when it appears while writing (``os.link`` never overwrites)."""
    if os.path.lexists(path):
        raise FileExistsError(path)
    tmp = stage(path, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system: an exclusive create is the next best thing.
        with open(path, "xb") as handle:
            handle.write(data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
