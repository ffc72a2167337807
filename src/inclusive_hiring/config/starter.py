"""``ih init``: the commented starter ``.ih.yaml``, written atomically and never over an existing
configuration."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..discovery import CONFIG_NAMES
from ..yamlio import DataError
from .model import Key
from .schema import KEYS

#: The top of the starter file; each key's commented block follows (``Key.starter`` in ``schema.KEYS``).
STARTER_HEADER = """\
# ih configuration. Every key is described in docs/configuration.md; `ih config show` prints the
# effective settings and where each came from. This file applies to the files in this folder and
# below (up to the repository root); `ih lint --no-config` ignores it."""


def starter_text(keys: Sequence[Key]) -> str:
    """The starter ``.ih.yaml``: the header, then each key's block in ``starter_rank`` order."""
    blocks = [key.starter.rstrip("\n") for key in sorted(keys, key=lambda k: k.starter_rank) if key.starter]
    return "\n\n".join([STARTER_HEADER, *blocks]) + "\n"


STARTER_CONFIG = starter_text(KEYS)


def write_starter(path: str | Path) -> Path:
    """Write :data:`STARTER_CONFIG` to ``path`` (a file, or a folder to get ``.ih.yaml``), never
    overwriting: raises :class:`DataError` when a configuration file already exists there. The
    file appears whole or not at all (written to a temporary file, then hard-linked into place,
    which fails if the name was taken meanwhile)."""
    import tempfile

    target = Path(path)
    if target.is_dir():
        target = target / CONFIG_NAMES[0]
    exists = "a configuration file already exists here; ih init never overwrites it"
    for name in {target.name, *CONFIG_NAMES}:
        if (target.parent / name).exists() or (target.parent / name).is_symlink():
            raise DataError(target.parent / name, None, exists)
    if not target.parent.is_dir():
        raise DataError(target, None, "cannot write: the folder does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise DataError(target, None, f"cannot write: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(STARTER_CONFIG)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise DataError(target, None, exists) from None
        except OSError:
            # No hard links on this filesystem: an exclusive create is the next best thing.
            try:
                with open(target, "x", encoding="utf-8") as handle:
                    handle.write(STARTER_CONFIG)
            except FileExistsError:
                raise DataError(target, None, exists) from None
    except OSError as exc:
        raise DataError(target, None, f"cannot write: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return target
