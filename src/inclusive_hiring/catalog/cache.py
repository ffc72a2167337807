"""The compiled word-list cache: one pickle per set of word lists (``index-<digest>.pickle``) in a
folder of the user's own.

A pickle runs code when it is loaded, so a cache file is loaded only when it is a regular file
owned by the current user and writable by nobody else; anything else is ignored and the index is
rebuilt (silently: a cache only saves time). The folder is created private (0700), and when a new
index is written only the :data:`KEEP` newest are kept, so changing a configuration's ``terms:``
does not grow the folder without end.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
from pathlib import Path
from typing import Any

#: How many compiled indexes to keep (the shipped lists and a few configurations).
KEEP = 4
#: the shipped word lists' indexes, the configurations' overlays, the frame lexicons and the compiled
#: regular expressions (``regexes.py``), each pruned to KEEP
PATTERNS = ("index-*.pickle", "overlay-*.pickle", "frames-*.pickle", "regex-*.pickle")


def cache_dir() -> Path | None:
    """Where the cache lives (``IH_CACHE_DIR``, else the XDG cache folder), or None with
    ``IH_NO_CACHE``."""
    if os.environ.get("IH_NO_CACHE"):
        return None
    explicit = os.environ.get("IH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "inclusive-hiring"


def trusted(st: os.stat_result) -> bool:
    """Whether a cache file may be unpickled: a regular file, owned by this user (where there are
    users), writable by its owner only."""
    if not stat.S_ISREG(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def read_cache(path: Path) -> Any:
    """The unpickled object of a trusted cache file, or None (missing, foreign, broken)."""
    import gc

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    # Unpickling creates tens of thousands of small objects; the cyclic garbage collector would
    # walk them several times over (it doubles the load time) and there is no garbage to find.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(fd, "rb") as handle:
            if not trusted(os.fstat(handle.fileno())):
                return None
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError,
            ValueError, IndexError):
        return None
    finally:
        if enabled:
            gc.enable()


def write_cache(path: Path, value: Any) -> None:
    """Write ``value`` to ``path`` (atomically, mode 0600 in a 0700 folder), then prune the folder
    to the :data:`KEEP` newest indexes. Failures are ignored: a missing cache only costs time."""
    from ..atomic import stage

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = stage(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 0o600)
        try:
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return
    prune(path.parent, keep=KEEP)


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the ``keep`` newest files of each kind in ``folder`` (shipped indexes,
    configuration overlays, frame lexicons: :data:`PATTERNS`); return the removed."""
    removed = []
    for pattern in PATTERNS:
        found = []
        for candidate in folder.glob(pattern):
            with contextlib.suppress(OSError):
                found.append((candidate.lstat().st_mtime_ns, candidate.name, candidate))
        found.sort(reverse=True)
        for _, _, old in found[keep:]:
            with contextlib.suppress(OSError):
                old.unlink()
                removed.append(old)
    return removed
