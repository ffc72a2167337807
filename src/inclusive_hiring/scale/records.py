"""The work of one partition: lint records and give wire-schema JSON lines. No Dask here, so a
Spark ``mapPartitions`` (or any other engine) can call the same functions."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def to_json_line(result: Any) -> str:
    """One file object of the wire schema (docs/json-schema.md), as one line of JSON."""
    return _ENCODE(result.to_dict())


@functools.cache
def _resolver(config_path: str | None, no_config: bool) -> Any:
    """One configuration resolver per worker process and configuration (None: package defaults)."""
    if config_path is None and no_config:
        return None
    from ..config import ConfigResolver

    return ConfigResolver(config_path, no_config=no_config)


def warm_up() -> None:
    """Build the linter (word-list index and spaCy) in this process; later calls reuse it."""
    from ..lint.linter import get_linter

    get_linter().warm_up()


def lint_records(records: Iterable[tuple[str, str]], kind: str = "auto") -> Iterator[str]:
    """(path, text) records -> JSON lines, as ``ih lint`` would lint that text under that path
    with no configuration. The engine is built once per process and reused."""
    from ..api import lint_text

    for path, text in records:
        yield to_json_line(lint_text(text, path, kind))


def lint_files(paths: Iterable[str], kind: str = "auto", config_path: str | None = None,
               no_config: bool = True) -> Iterator[str]:
    """File paths (readable where this runs) -> JSON lines, exactly as ``ih lint`` reads each file
    (Word, PDF and text; errors become file objects with ``error`` set). ``no_config=False`` finds
    .ih.yaml files as ``ih lint`` does; ``config_path`` is ``--config``."""
    from ..lint.run import LintRun

    run = LintRun(kind, _resolver(config_path, no_config))
    for path in paths:
        yield to_json_line(run.lint_file(path))
