"""Finding the configuration file for a path: kept apart from ``config.py`` so that a lint run
without any configuration file never imports the configuration code."""

from __future__ import annotations

import os
from pathlib import Path

from .yamlio import DataError

CONFIG_NAMES: tuple[str, ...] = (".ih.yaml", ".ih.yml")


def discover(start: Path, seen: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest ``.ih.yaml`` / ``.ih.yml`` at or above ``start`` (a file or folder), stopping at
    the folder that holds ``.git`` (the repository root) or at the filesystem root.

    ``seen`` (folder -> what was found from it) spares a run the walk up from a folder it has
    walked from before: a lint run asks for each file's folder, most files share a few folders."""
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    if seen is None:
        return _walk_up(folder)
    if folder not in seen:
        seen[folder] = _walk_up(folder)
    return seen[folder]


def _walk_up(folder: Path) -> Path | None:
    for current in (folder, *folder.parents):
        found = [current / name for name in CONFIG_NAMES if (current / name).is_file()]
        if len(found) > 1:
            raise DataError(found[1], None, f"both {CONFIG_NAMES[0]} and {CONFIG_NAMES[1]} are here; "
                                            "keep one")
        if found:
            return found[0]
        if (current / ".git").exists():
            return None
    return None
