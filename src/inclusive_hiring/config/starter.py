"""``ih init``: the commented starter ``.ih.yaml``, written atomically and never over an existing
configuration."""

from __future__ import annotations

import os
from pathlib import Path

from ..discovery import CONFIG_NAMES
from ..yamlio import DataError

STARTER_CONFIG = """\
# ih configuration. Every key is described in docs/configuration.md; `ih config show` prints the
# effective settings and where each came from. This file applies to the files in this folder and
# below (up to the repository root); `ih lint --no-config` ignores it.

# Start from a shipped preset: recommended (the defaults), strict or relaxed.
extends: recommended

# Where you hire. The pay-transparency and salary-history checks then follow these places' rules,
# for example [US-CO, US-NYC, CA-ON, EU]; the full list is in docs/configuration.md.
jurisdictions: []

# Phrases that are never flagged: product names, legal text you must quote as it is.
accept:
#  - Salesforce

# House style: each key is flagged (IH091) and the value offered as a safe fix.
prefer:
#  e-mail: email

# Your organization's own terms to avoid (IH090), in the word-list entry format
# (docs/wordlist-format.md). A plain string is a term with the default message.
terms:
#  - headcount
#  - terms: [tiger team]
#    message: "“{match}” is internal jargon; say what the team does."
#    replacements: [launch team]

# Rules by id (IH801), id prefix (IH8), name (high-reading-grade) or category (readability):
# enable, disable, or a mapping of severity and options.
rules:
#  IH801: {max_grade: 10}          # reading grade
#  IH810: {max_words: 900}         # posting length
#  IH650: {max_requirements: 10}   # requirement count
#  jargon: {severity: error}

# Files that are never linted (globs relative to this file's folder).
exclude:
#  - drafts/**

# Settings for some files only.
overrides:
#  - files: ["internal/**"]
#    rules: {IH750: disable}
"""


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
