#!/usr/bin/env python3
"""Warm speed of ``ih serve`` and ``ih lsp``: one 1,000-word posting, linted again and again.

Run with the project's interpreter (it needs ih's own dependencies)::

    .venv/bin/python bench/warm.py [--runs 30] [--json out.json]

Four measurements, each the median (and 90th percentile) of ``--runs`` lints after 3 unmeasured
ones, each run with a one-word edit so no two texts are the same:

- ``service``: ``LintService.lint`` in this process (the engine alone, no web stack);
- ``api in-process``: ``POST /api/lint`` through the Starlette app with its TestClient (JSON in,
  wire-schema JSON out, every guard), no socket;
- ``api over HTTP``: ``POST /api/lint`` to a real ``ih serve`` on a loopback port, one kept-alive
  connection (``http.client``), timed from sending the request to reading the whole answer;
- ``lsp``: a real ``ih lsp`` over stdio, timed from writing a ``didChange`` (the whole text) to
  reading its ``publishDiagnostics``; changes are 0.3 s apart, more than the server's 0.15 s
  throttle, so each is linted at once, as the first change after a pause is.

CPU: for the service, the server and the language server, the CPU time the process spent per run
(``/proc/PID/stat``): unlike wall time, the load of a shared machine does not inflate it. The
load average before and after is printed too.

Memory: peak (VmHWM) and current (VmRSS) resident set of the ``ih serve`` and ``ih lsp``
processes after their runs, from ``/proc``.

The posting: the one closest to 1,000 words in ``../shared/corpus/jobs`` when that is there (ties
by path), else (or with ``--example``) ``examples/job-posting.md`` repeated up to 1,000 words, a
worst case with 134 findings; ``--posting FILE`` lints that file instead.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "jobs"
WORDS = 1000
WARMUP = 3


def posting(given: str | None = None, example: bool = False) -> tuple[str, str]:
    """(text, where it came from) for a posting of about :data:`WORDS` words (``given``: that file)."""
    if given:
        text = Path(given).read_text(encoding="utf-8")
        return text, f"{given} ({len(text.split())} words)"
    if CORPUS.is_dir() and not example:
        best: tuple[int, str, Path] | None = None
        for path in sorted(CORPUS.rglob("*.md")):
            words = len(path.read_text(encoding="utf-8", errors="replace").split())
            key = (abs(words - WORDS), str(path), path)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is not None:
            text = best[2].read_text(encoding="utf-8", errors="replace")
            return text, f"{best[2].relative_to(CORPUS.parent)} ({len(text.split())} words)"
    example = (REPO / "examples" / "job-posting.md").read_text(encoding="utf-8")
    lines: list[str] = []
    while sum(len(line.split()) for line in lines) < WORDS:
        lines.extend(example.splitlines())
    text = "\n".join(lines) + "\n"
    return text, f"examples/job-posting.md repeated ({len(text.split())} words)"


def variant(text: str, i: int) -> str:
    return text + f"\nEdit number {i}.\n"


def summary(times: list[float]) -> dict[str, float]:
    ms = sorted(t * 1000 for t in times)
    return {"median_ms": round(statistics.median(ms), 1),
            "p90_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.9))], 1),
            "min_ms": round(ms[0], 1), "runs": len(ms)}


def memory(pid: int) -> dict[str, float]:
    """VmHWM and VmRSS of a process, in MB (10^6 bytes)."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = round(int(value.split()[0]) * 1024 / 1e6, 1)
    return {"peak_rss_mb": found.get("VmHWM", 0.0), "rss_mb": found.get("VmRSS", 0.0)}


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def per_run_cpu(pid: int, runs: int, measure: Any) -> tuple[Any, float]:
    """Run ``measure`` and return (its result, CPU milliseconds per run of process ``pid``): a figure
    that the load of a shared machine does not inflate, as it does wall time."""
    before = cpu_seconds(pid)
    result = measure()
    return result, round((cpu_seconds(pid) - before) * 1000 / (runs + WARMUP), 1)


def timed(runs: int, call: Any) -> list[float]:
    out = []
    for i in range(runs + WARMUP):
        started = time.perf_counter()
        call(i)
        if i >= WARMUP:
            out.append(time.perf_counter() - started)
    return out


def bench_in_process(text: str, runs: int) -> dict[str, Any]:
    from starlette.testclient import TestClient

    from inclusive_hiring.server.app import create_app
    from inclusive_hiring.server.security import Guard, allowed_hosts
    from inclusive_hiring.server.service import LintRequest, LintService

    service = LintService(no_config=True)
    service.warm_up()
    engine_times, engine_cpu = per_run_cpu(os.getpid(), runs,
                                           lambda: timed(runs, lambda i: service.lint(LintRequest(variant(text, i)))))
    client = TestClient(create_app(service, Guard(allowed_hosts("127.0.0.1", 8000))), base_url="http://127.0.0.1:8000")

    def post(i: int) -> None:
        response = client.post("/api/lint", json={"text": variant(text, i)})
        assert response.status_code == 200, response.text

    return {"service": {**summary(engine_times), "cpu_ms_per_run": engine_cpu},
            "api_in_process": summary(timed(runs, post))}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bench_http(text: str, runs: int) -> dict[str, Any]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "inclusive_hiring", "serve", "--port", str(port), "--no-config"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    try:
        started = time.monotonic()
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() - started > 120:
                    raise SystemExit("ih serve did not start") from None
                time.sleep(0.1)
        ready = time.monotonic() - started
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        def post(i: int) -> None:
            body = json.dumps({"text": variant(text, i)}).encode("utf-8")
            connection.request("POST", "/api/lint", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            data = response.read()
            assert response.status == 200, data[:200]

        times, cpu = per_run_cpu(server.pid, runs, lambda: timed(runs, post))
        connection.close()
        return {"api_over_http": {**summary(times), "cpu_ms_per_run": cpu}, "serve_memory": memory(server.pid),
                "serve_start_to_listening_s": round(ready, 2)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def bench_lsp(text: str, runs: int) -> dict[str, Any]:
    sys.path.insert(0, str(REPO / "tests" / "lsp"))
    from lsp_client import LspClient

    client = LspClient(cwd=REPO)
    try:
        client.initialize()
        uri = (REPO / "bench-warm-posting.md").as_uri()  # never written: the text travels in the messages
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                                "text": text}})
        client.diagnostics(uri, version=1)
        times: list[float] = []
        before = cpu_seconds(client.process.pid)
        for i in range(runs + WARMUP):
            time.sleep(0.3)
            version = i + 2
            started = time.perf_counter()
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                     "contentChanges": [{"text": variant(text, i)}]})
            client.diagnostics(uri, version=version)
            if i >= WARMUP:
                times.append(time.perf_counter() - started)
        cpu = round((cpu_seconds(client.process.pid) - before) * 1000 / (runs + WARMUP), 1)
        return {"lsp_change_to_diagnostics": {**summary(times), "cpu_ms_per_run": cpu},
                "lsp_memory": memory(client.process.pid)}
    finally:
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--posting", metavar="FILE", help="lint this file instead")
    parser.add_argument("--example", action="store_true",
                        help="use examples/job-posting.md repeated to 1,000 words (many findings)")
    args = parser.parse_args()
    os.environ.setdefault("IH_CACHE_DIR", str(Path.home() / ".cache" / "inclusive-hiring"))
    text, origin = posting(args.posting, args.example)
    print(f"posting: {origin}; {args.runs} runs per measurement after {WARMUP} unmeasured ones")
    results: dict[str, Any] = {"posting": origin, "words": len(text.split()),
                               "load_before": [round(x, 2) for x in os.getloadavg()]}
    results.update(bench_in_process(text, args.runs))
    results.update(bench_http(text, args.runs))
    results.update(bench_lsp(text, args.runs))
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(f"load average before {results['load_before']}, after {results['load_after']} ({os.cpu_count()} cores)")
    for key in ("service", "api_in_process", "api_over_http", "lsp_change_to_diagnostics"):
        r = results[key]
        verdict = "ok" if r["median_ms"] <= 50 else "OVER 50 ms"
        cpu = f"  cpu {r['cpu_ms_per_run']:5.1f} ms/run" if "cpu_ms_per_run" in r else ""
        print(f"{key:28} median {r['median_ms']:6.1f} ms  p90 {r['p90_ms']:6.1f} ms  min {r['min_ms']:6.1f} ms  "
              f"[{verdict}]{cpu}")
    for key in ("serve_memory", "lsp_memory"):
        m = results[key]
        verdict = "ok" if m["peak_rss_mb"] < 250 else "OVER 250 MB"
        print(f"{key:28} peak RSS {m['peak_rss_mb']:6.1f} MB  now {m['rss_mb']:6.1f} MB  [{verdict}]")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
