"""``lint_text`` mapped over Dask partitions; results as wire-schema JSON lines.

::

    from dask.distributed import Client, LocalCluster
    import dask.bag as db
    from inclusive_hiring.scale.dask import lint_bag, warm_up_workers

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1"))
    warm_up_workers(client)                       # engine built once per worker, up front
    records = db.from_sequence(pairs, npartitions=64)   # (path, text) pairs
    lint_bag(records).to_textfiles("out/part-*.jsonl")

Each worker process builds the linter once (``get_linter`` is cached per process) and every
partition after the first reuses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import lint_files, lint_records, warm_up

if TYPE_CHECKING:
    import dask.bag


class EngineWarmUp:
    """A Dask worker plugin that builds the engine when a worker starts (or joins later)."""

    name = "ih-engine-warm-up"

    def setup(self, worker: Any) -> None:
        warm_up()


def warm_up_workers(client: Any) -> None:
    """Build the engine on every worker of ``client`` now, and on workers that join later."""
    from distributed.diagnostics.plugin import WorkerPlugin

    plugin = type("IhEngineWarmUp", (EngineWarmUp, WorkerPlugin), {})()
    client.register_plugin(plugin, name=EngineWarmUp.name)


def lint_bag(records: dask.bag.Bag, kind: str = "auto") -> dask.bag.Bag:
    """A bag of (path, text) pairs -> a bag of JSON lines (one wire-schema file object each)."""
    return records.map_partitions(lambda part: list(lint_records(part, kind)))


def lint_paths_bag(paths: list[str], npartitions: int, kind: str = "auto",
                   config_path: str | None = None, no_config: bool = True) -> dask.bag.Bag:
    """File paths the workers can read -> a bag of JSON lines, as ``ih lint`` gives them."""
    import dask.bag as db

    bag = db.from_sequence(paths, npartitions=max(1, min(npartitions, len(paths))))
    return bag.map_partitions(lambda part: list(lint_files(part, kind, config_path, no_config)))


def lint_dataframe(frame: Any, text_column: str = "text", path_column: str = "path",
                   kind: str = "auto") -> dask.bag.Bag:
    """A Dask dataframe with a text and a path column -> a bag of JSON lines, row order kept."""
    pairs = frame[[path_column, text_column]].to_bag(index=False)
    return lint_bag(pairs, kind)
