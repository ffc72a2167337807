#!/usr/bin/env python3
"""Throughput of the Dask scale-out (src/inclusive_hiring/scale/) per worker, on this machine.

    python bench/dask_scale.py [--postings 400] [--workers 1 2] [--partitions-per-worker 4]

Reads postings from ../shared/corpus/jobs (repeated when fewer are asked for than exist), then for
each worker count starts a LocalCluster (processes, one thread each, 127.0.0.1, no dashboard),
builds the engine on every worker (timed apart: a one-off cost per worker), and times
``lint_bag(...).compute()``. A single-process run of the same records (no Dask) is the baseline.
Prints postings per second in total and per worker; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "jobs"


def load(count: int) -> list[tuple[str, str]]:
    paths = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt", ".html"))
    if not paths:
        sys.exit(f"no postings under {CORPUS}")
    step = max(1, len(paths) // count)  # spread over the sources, not the first folder only
    chosen = (paths[::step] * (count // max(1, len(paths[::step])) + 1))[:count]
    return [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postings", type=int, default=400)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partitions-per-worker", type=int, default=4)
    args = parser.parse_args()

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from inclusive_hiring.scale.dask import lint_bag, warm_up_workers
    from inclusive_hiring.scale.records import lint_records, warm_up

    records = load(args.postings)
    words = sum(len(text.split()) for _, text in records)
    print(f"{len(records)} postings, {words} words, from {CORPUS}")

    started = time.perf_counter()
    warm_up()
    print(f"single process: engine built in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    baseline = list(lint_records(records))
    took = time.perf_counter() - started
    print(f"single process, no Dask: {len(baseline) / took:.1f} postings/s ({took:.1f} s)")

    for workers in args.workers:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, worker_dashboard_address=None) as cluster, \
                Client(cluster) as client:
            started = time.perf_counter()
            warm_up_workers(client)
            ready = time.perf_counter() - started
            bag = db.from_sequence(records, npartitions=workers * args.partitions_per_worker)
            started = time.perf_counter()
            lines = lint_bag(bag).compute()
            took = time.perf_counter() - started
            assert lines == baseline, "the cluster's output differs from the single process"
            rate = len(lines) / took
            print(f"{workers} worker(s): engine ready on all in {ready:.1f} s; {rate:.1f} postings/s "
                  f"in total, {rate / workers:.1f} per worker ({took:.1f} s); output identical")


if __name__ == "__main__":
    main()
