"""The Dask scale-out: a local two-worker cluster (processes, loopback) gives the same findings
as ``ih lint`` on the same files. Skipped where dask[distributed] is not installed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="dask is not installed (pip install '.[dask]')")
pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install '.[dask]')")

from inclusive_hiring.api import lint_paths
from inclusive_hiring.formatters.json import render
from inclusive_hiring.scale.records import lint_records

ROOT = Path(__file__).resolve().parents[2]
DOCS = Path(__file__).resolve().parents[1] / "documents"


def _files(tmp_path: Path) -> list[Path]:
    sys.path.insert(0, str(DOCS))
    from document_helpers import write_docx

    folder = tmp_path / "postings"
    folder.mkdir()
    out = [folder / "example.md", folder / "clean.md", folder / "wrapped.txt", folder / "table.docx"]
    out[0].write_text((ROOT / "examples/job-posting.md").read_text(encoding="utf-8"), encoding="utf-8")
    out[1].write_text((ROOT / "tests/fixtures/clean-posting.md").read_text(encoding="utf-8"), encoding="utf-8")
    out[2].write_text("We need a young\nand energetic salesman.\n\nNative English speaker.\n", encoding="utf-8")
    write_docx(out[3], body=(("Title", "Chairman"),), table=(("manpower", "digital native"),))
    (folder / "missing.md").write_text("x", encoding="utf-8")
    out.append(folder / "missing.md")
    out[-1].unlink()  # a file that vanished: an error object, as ih lint gives it
    return out


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, worker_dashboard_address=None)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_same_findings_as_ih_lint(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inclusive_hiring.scale.dask import lint_paths_bag, warm_up_workers

    warm_up_workers(client)
    files = _files(tmp_path)
    lines = lint_paths_bag([str(p) for p in files], npartitions=3).compute()
    # what `ih lint --format json --no-config FILES` prints, made in this process
    expected = json.loads(render(lint_paths([str(p) for p in files], jobs=1)))["files"]
    got = [json.loads(line) for line in lines]
    assert len(lines) == len(files) == len(expected)
    assert got == expected  # every file object, findings, positions and metrics alike
    assert any(f["findings"] for f in got) and got[-1]["error"] == "no such file or directory"
    workers = client.run(lambda: __import__("inclusive_hiring.lint.linter").lint.linter._linter.cache_info().currsize)
    assert len(workers) == 2 and all(n == 1 for n in workers.values())  # one engine per worker


RECORDS = [(f"job-{n}.md", f"We need a salesman number {n}.\n") for n in range(6)]


def test_bag_of_texts(client) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from inclusive_hiring.scale.dask import lint_bag

    from_bag = lint_bag(db.from_sequence(RECORDS, npartitions=3)).compute()
    assert from_bag == list(lint_records(RECORDS))
    first = json.loads(from_bag[0])
    assert first["path"] == "job-0.md" and "IH110" in {f["rule_id"] for f in first["findings"]}
    assert [json.loads(line)["path"] for line in from_bag] == [p for p, _ in RECORDS]  # order kept


def test_dataframe_of_texts(client) -> None:  # type: ignore[no-untyped-def]
    dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] (pandas) is not installed")
    import pandas as pd

    from inclusive_hiring.scale.dask import lint_dataframe

    frame = dd.from_pandas(pd.DataFrame({"path": [p for p, _ in RECORDS], "text": [t for _, t in RECORDS]}),
                           npartitions=2)
    assert lint_dataframe(frame).compute() == list(lint_records(RECORDS))
