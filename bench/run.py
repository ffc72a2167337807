#!/usr/bin/env python3
"""Speed and memory benchmark: ``ih lint`` versus the ``alex`` npm linter on the shared job corpus.

Run with the project's interpreter, from anywhere::

    /work/venv/bin/python bench/run.py [--no-alex] [--repeat N] [--alex-dir DIR]

Standard library only. Every measured command runs as a child process; wall time is taken in
this process with ``time.perf_counter`` around ``subprocess.run``. Peak memory is the child's
peak resident set size (``/usr/bin/time -f %M`` when present, else the growth of
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``): for a command that forks workers this is the
largest single process, so one extra ``--jobs 0`` run samples ``/proc`` every 50 ms for the
peak *sum* of RSS and of PSS (proportional set size, which splits pages shared by fork between
the processes sharing them) over the whole process tree; that run is not timed.

The corpus runs go in rounds (ih --jobs 1, ih --jobs 0, alex) so that the ratios compare runs
made at about the same time on a shared machine.

Tokens are counted as whitespace-separated words (``str.split()``) of the corpus files that
``ih`` lints (.md, .markdown, .txt, .html), read as UTF-8 with replacement.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared/corpus/jobs"
SUFFIXES = (".md", ".markdown", ".txt", ".html")
TIME_BIN = "/usr/bin/time"
MIB = 1024 * 1024

# Floors from the performance issue.
FLOOR_TPUT_1 = 5.0      # ih --jobs 1 throughput / alex throughput
FLOOR_TPUT_N = 10.0     # ih --jobs N throughput / alex throughput
FLOOR_COLD_OVER = 0.3   # s above `python -c "import spacy"`
FLOOR_HELP = 0.3        # s for `ih --help`
FLOOR_MEM_MB = 250.0    # MB (10^6 bytes) peak RSS


# --------------------------------------------------------------------------------------------
# measurement helpers


class TreeSampler(threading.Thread):
    """Polls /proc for a process and its descendants; keeps the peak summed RSS and PSS (bytes)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_procs = 0
        self._halt = threading.Event()

    @staticmethod
    def _children_map() -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            # the command name may contain spaces/parens: split after the last ')'
            fields = stat[stat.rfind(b")") + 2:].split()
            out.setdefault(int(fields[1]), []).append(int(entry))
        return out

    @staticmethod
    def _mem(pid: int) -> tuple[int, int]:
        rss = pss = 0
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss = int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss = int(line.split()[1]) * 1024
        except OSError:
            pass
        return rss, pss

    def run(self) -> None:
        while not self._halt.is_set():
            kids = self._children_map()
            tree, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                tree.append(p)
                todo.extend(kids.get(p, ()))
            rss = pss = 0
            for p in tree:
                r, s = self._mem(p)
                rss += r
                pss += s
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(tree))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def run_measured(cmd: list[str], *, stdout=subprocess.DEVNULL, sample_tree: bool = False,
                 cwd: Path | None = None) -> dict:
    """Run ``cmd``; return wall seconds, exit code, peak RSS of the largest process (bytes)."""
    use_time = os.access(TIME_BIN, os.X_OK)
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = [TIME_BIN, "-f", "%M", "-o", rss_file.name, *cmd] if use_time else cmd
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd)
        sampler = TreeSampler(proc.pid) if sample_tree else None
        if sampler:
            sampler.start()
        _, err = proc.communicate()
        wall = time.perf_counter() - t0
        if sampler:
            sampler.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak = None
        if use_time:
            text = Path(rss_file.name).read_text().strip().splitlines()
            if text and text[-1].strip().isdigit():
                peak = int(text[-1]) * 1024
        if peak is None and after > before:
            peak = after * 1024  # Linux reports KiB
    out = {"wall": wall, "rc": proc.returncode, "peak_rss": peak,
           "stderr": err.decode("utf-8", "replace")}
    if sampler:
        out.update(tree_rss=sampler.peak_rss, tree_pss=sampler.peak_pss,
                   tree_procs=sampler.peak_procs)
    return out


def median_wall(cmd: list[str], runs: int, cwd: Path | None = None) -> tuple[float, list[float]]:
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        walls.append(time.perf_counter() - t0)
    return statistics.median(walls), walls


def mib(n: float | None) -> str:
    return "n/a" if n is None else f"{n / MIB:.0f} MiB"


def fmt_s(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f} s"


# --------------------------------------------------------------------------------------------
# corpus


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        sys.exit(f"bench: corpus not found at {CORPUS}\n"
                 "bench: expected the shared job-posting corpus next to the repository "
                 "(../shared/corpus/jobs); nothing to measure.")
    files = sorted(p for p in CORPUS.rglob("*")
                   if p.is_file() and p.name.lower().endswith(SUFFIXES))
    if not files:
        sys.exit(f"bench: no .md/.txt/.html files under {CORPUS}")
    return files


def count_tokens(files: list[Path]) -> tuple[int, int]:
    tokens = size = 0
    for f in files:
        data = f.read_bytes()
        size += len(data)
        tokens += len(data.decode("utf-8", "replace").split())
    return tokens, size


def median_posting(files: list[Path]) -> Path:
    by_size = sorted(files, key=lambda p: (p.stat().st_size, str(p)))
    return by_size[len(by_size) // 2]


# --------------------------------------------------------------------------------------------
# ih


def find_ih() -> str:
    cand = Path(sys.executable).parent / "ih"
    if cand.exists():
        return str(cand)
    found = shutil.which("ih")
    if not found:
        sys.exit("bench: the `ih` command was not found next to this interpreter or on PATH")
    return found


def ih_corpus_run(ih: str, jobs: int, n_files: int, *, sample_tree: bool = False) -> dict:
    """One ``ih lint CORPUS --format json --jobs N`` run, checked (exit 0 or 1, readable JSON)."""
    with tempfile.NamedTemporaryFile("w+b", suffix=".json") as out:
        r = run_measured([ih, "lint", str(CORPUS), "--format", "json", "--jobs", str(jobs)],
                         stdout=out, sample_tree=sample_tree)
        out.seek(0)
        try:
            report = json.load(out)
            r["files"] = len(report["files"])
            r["errors"] = sum(1 for f in report["files"] if f.get("error"))
            r["findings"] = sum(len(f["findings"]) for f in report["files"])
        except (ValueError, KeyError) as exc:
            sys.exit(f"bench: ih --jobs {jobs} produced no readable JSON "
                     f"(exit {r['rc']}): {exc}\n{r['stderr'][-2000:]}")
    if r["rc"] not in (0, 1):
        sys.exit(f"bench: ih --jobs {jobs} failed with exit {r['rc']}:\n{r['stderr'][-2000:]}")
    if r["files"] != n_files:
        print(f"bench: warning: ih reported {r['files']} files, corpus has {n_files}",
              file=sys.stderr)
    return r


def summarize(runs: list[dict], sampled: dict | None = None) -> dict:
    """The median wall time of ``runs``, every wall time, and the peak memory of all runs."""
    best = dict(runs[0])
    best["wall"] = statistics.median(r["wall"] for r in runs)
    best["walls"] = [r["wall"] for r in runs]
    for key in ("peak_rss", "tree_rss", "tree_pss"):
        vals = [r[key] for r in [*runs, *([sampled] if sampled else [])] if r.get(key)]
        best[key] = max(vals) if vals else None
    if sampled:
        best["tree_procs"] = sampled.get("tree_procs")
    return best


# --------------------------------------------------------------------------------------------
# alex


def install_alex(prefix: Path) -> tuple[list[str] | None, str]:
    cli = prefix / "node_modules/alex/cli.js"
    if cli.exists():
        return ["node", str(cli)], "reused existing install"
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "node/npm not found"
    t0 = time.perf_counter()
    try:
        p = subprocess.run([npm, "install", "--prefix", str(prefix), "alex@11",
                            "--no-audit", "--no-fund"],
                           capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        return None, "npm install timed out"
    if p.returncode != 0 or not cli.exists():
        tail = (p.stderr or p.stdout).strip().splitlines()[-3:]
        return None, "npm install failed: " + " | ".join(tail)
    return [node, str(cli)], f"installed in {time.perf_counter() - t0:.1f} s"


def alex_version(cli: list[str]) -> str:
    try:
        pkg = Path(cli[1]).parent / "package.json"
        return json.loads(pkg.read_text())["version"]
    except (OSError, ValueError, KeyError, IndexError):
        return "?"


def chunks(files: list[Path], max_bytes: int = 100_000) -> list[list[str]]:
    out, cur, size = [], [], 0
    for f in files:
        s = str(f)
        if cur and size + len(s) + 1 > max_bytes:
            out.append(cur)
            cur, size = [], 0
        cur.append(s)
        size += len(s) + 1
    if cur:
        out.append(cur)
    return out


def alex_corpus_run(cli: list[str], groups: list[list[str]]) -> dict:
    """One pass of alex over the corpus, in argument chunks (wall times summed)."""
    wall, peak = 0.0, 0
    for group in groups:
        # alex exits 1 when it finds something; that is expected here
        r = run_measured([*cli, "--quiet", *group])
        if r["rc"] not in (0, 1):
            sys.exit(f"bench: alex failed with exit {r['rc']}:\n{r['stderr'][-2000:]}")
        wall += r["wall"]
        peak = max(peak, r["peak_rss"] or 0)
    return {"wall": wall, "peak_rss": peak or None}


# --------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-alex", action="store_true", help="skip the alex comparison")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="corpus runs per configuration; the median wall time is reported")
    ap.add_argument("--cold-runs", type=int, default=5, metavar="N",
                    help="runs per cold-start measurement (median reported; default 5)")
    ap.add_argument("--alex-dir", type=Path, default=None,
                    help="reuse (or install into) this npm prefix instead of a temporary one")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()
    repeat, cold_runs = max(1, args.repeat), max(1, args.cold_runs)

    files = corpus_files()
    n_files = len(files)
    tokens, size = count_tokens(files)
    one = median_posting(files)
    ih = find_ih()
    py = sys.executable
    ncpu = os.cpu_count() or 1
    spacy_ver = subprocess.run([py, "-c", "import spacy; print(spacy.__version__)"],
                               capture_output=True, text=True).stdout.strip() or "?"

    print(f"date      {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"machine   {platform.machine()}, {ncpu} cores, {platform.platform()}")
    print(f"python    {platform.python_version()} ({py})")
    print(f"spacy     {spacy_ver}")
    print(f"corpus    {CORPUS}: {n_files} postings, {tokens:,} tokens "
          f"(whitespace-separated words), {size / MIB:.1f} MiB")
    print(f"one post  {one.relative_to(CORPUS)} ({one.stat().st_size:,} bytes, median size)")
    print(flush=True)

    res: dict = {"date": time.strftime("%Y-%m-%d"), "cpus": ncpu,
                 "python": platform.python_version(), "spacy": spacy_ver,
                 "postings": n_files, "tokens": tokens}

    # ---- the compiled word-list cache: build it in a fresh directory, timed, then keep it warm
    cache = Path(tempfile.mkdtemp(prefix="ih-bench-cache-"))
    os.environ["IH_CACHE_DIR"] = str(cache)
    t0 = time.perf_counter()
    subprocess.run([ih, "lint", str(one), "--format", "json"], stdout=subprocess.DEVNULL)
    first = time.perf_counter() - t0
    res["first_run"] = first
    print(f"first run (builds the word-list cache in {cache}): {first:.2f} s", flush=True)

    # ---- alex, installed first so that its corpus runs can alternate with ih's
    cli: list[str] | None = None
    alex_ver = ""
    tmp = None
    if args.no_alex:
        print("alex: skipped (--no-alex)")
    else:
        prefix = args.alex_dir
        if prefix is None:
            tmp = tempfile.TemporaryDirectory(prefix="bench-alex-")
            prefix = Path(tmp.name)
        prefix.mkdir(parents=True, exist_ok=True)
        print(f"alex: npm install --prefix {prefix} alex@11 ...", flush=True)
        cli, note = install_alex(prefix)
        if cli is None:
            print(f"alex could not be installed ({note}); reporting ih's figures only")
        else:
            alex_ver = alex_version(cli)
            print(f"  alex {alex_ver}: {note}")

    # ---- corpus runs, in rounds: ih --jobs 1, ih --jobs 0, alex. A slow spell of a shared
    # machine then falls on all three, and each round gives its own ratios.
    groups = chunks(files)
    runs: dict[str, list[dict]] = {"ih_jobs1": [], "ih_jobs0": [], "alex": []}
    print(f"corpus runs: {repeat} round(s) of ih --jobs 1, ih --jobs 0 ({ncpu} workers)"
          + (", alex" if cli else "") + " ...", flush=True)
    for _ in range(repeat):
        runs["ih_jobs1"].append(ih_corpus_run(ih, 1, n_files))
        runs["ih_jobs0"].append(ih_corpus_run(ih, 0, n_files))
        if cli:
            runs["alex"].append(alex_corpus_run(cli, groups))
    # The memory of the worker tree, sampled in a run of its own: reading /proc every 50 ms
    # takes CPU from the workers on a small machine, so that run's wall time is not used.
    sampled = ih_corpus_run(ih, 0, n_files, sample_tree=True)
    for jobs in (1, 0):
        r = summarize(runs[f"ih_jobs{jobs}"], sampled if jobs != 1 else None)
        r["pps"] = n_files / r["wall"]
        r["tps"] = tokens / r["wall"]
        res[f"ih_jobs{jobs}"] = {k: v for k, v in r.items() if k != "stderr"}
        label = "ih --jobs 1" if jobs == 1 else f"ih --jobs 0 ({ncpu} workers)"
        extra = ""
        if jobs != 1:
            extra = (f", tree peak: RSS sum {mib(r.get('tree_rss'))}, "
                     f"PSS sum {mib(r.get('tree_pss'))} ({r.get('tree_procs')} processes)")
        print(f"  {label}: {r['wall']:.2f} s, {r['pps']:.1f} postings/s, {r['tps']:,.0f} tokens/s, "
              f"largest-process peak RSS {mib(r['peak_rss'])}{extra}; "
              f"{r['findings']} findings, {r['errors']} errors", flush=True)
        print("    runs: " + ", ".join(f"{w:.2f}" for w in r["walls"]) + " s", flush=True)
    alex = None
    if cli:
        alex = summarize(runs["alex"])
        alex.update(chunks=len(groups), version=alex_ver, pps=n_files / alex["wall"],
                    tps=tokens / alex["wall"])
        print(f"  alex {alex_ver}: {alex['wall']:.2f} s in {alex['chunks']} invocation(s), "
              f"{alex['pps']:.1f} postings/s, {alex['tps']:,.0f} tokens/s, "
              f"peak RSS {mib(alex['peak_rss'])}", flush=True)
        print("    runs: " + ", ".join(f"{w:.2f}" for w in alex["walls"]) + " s", flush=True)

    # ---- cold start
    print(f"cold start (median of {cold_runs}) ...", flush=True)
    cold_ih, cold_ih_all = median_wall([ih, "lint", str(one), "--format", "json"], cold_runs)
    cold_spacy, _ = median_wall([py, "-c", "import spacy"], cold_runs)
    cold_py, _ = median_wall([py, "-c", "pass"], cold_runs)
    help_ih, _ = median_wall([ih, "--help"], cold_runs)
    res.update(cold_ih=cold_ih, cold_spacy=cold_spacy, cold_python=cold_py, help_ih=help_ih)
    print(f"  ih lint <one posting>    {cold_ih:.3f} s  "
          f"(runs: {', '.join(f'{w:.2f}' for w in cold_ih_all)})")
    print(f"  python -c 'import spacy' {cold_spacy:.3f} s")
    print(f"  python -c 'pass'         {cold_py:.3f} s")
    print(f"  ih lint - import spacy   {cold_ih - cold_spacy:+.3f} s")
    print(f"  ih --help                {help_ih:.3f} s", flush=True)
    if cli and alex is not None:
        alex["cold"], _ = median_wall([*cli, "--quiet", str(one)], cold_runs)
        print(f"  alex <one posting>       {alex['cold']:.3f} s", flush=True)
        res["alex"] = alex
    if tmp is not None:
        tmp.cleanup()

    # ---- table
    i1, iN = res["ih_jobs1"], res["ih_jobs0"]
    rows = [
        ("corpus wall time", fmt_s(i1["wall"]), fmt_s(iN["wall"]),
         fmt_s(alex["wall"]) if alex else "n/a"),
        ("postings/s", f"{i1['pps']:.1f}", f"{iN['pps']:.1f}",
         f"{alex['pps']:.1f}" if alex else "n/a"),
        ("tokens/s", f"{i1['tps']:,.0f}", f"{iN['tps']:,.0f}",
         f"{alex['tps']:,.0f}" if alex else "n/a"),
        ("peak RSS, largest process", mib(i1["peak_rss"]), mib(iN["peak_rss"]),
         mib(alex["peak_rss"]) if alex else "n/a"),
        ("peak PSS, sum of tree", "", mib(iN.get("tree_pss")), ""),
        ("cold start, one posting", fmt_s(cold_ih), "", fmt_s(alex["cold"]) if alex else "n/a"),
    ]
    print()
    head = ("", "ih --jobs 1", f"ih --jobs {ncpu}", "alex")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(4)]
    line = "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths, strict=False)))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths, strict=False))))
    print()

    # ---- ratios and floors
    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    print("ratios and floors")
    if alex:
        r1, rN = i1["pps"] / alex["pps"], iN["pps"] / alex["pps"]
        res.update(ratio_jobs1=r1, ratio_jobsN=rN)
        for name, ih_runs in (("1", runs["ih_jobs1"]), (str(ncpu), runs["ih_jobs0"])):
            per_round = [a["wall"] / i["wall"] for i, a in zip(ih_runs, runs["alex"], strict=True)]
            print(f"  ih --jobs {name} / alex, each round   "
                  + ", ".join(f"{x:.2f}x" for x in per_round))
        print(f"  throughput ih --jobs 1 / alex      {r1:5.2f}x  (floor {FLOOR_TPUT_1:.0f}x: "
              f"{verdict(r1 >= FLOOR_TPUT_1)})")
        print(f"  throughput ih --jobs {ncpu} / alex      {rN:5.2f}x  (floor {FLOOR_TPUT_N:.0f}x: "
              f"{verdict(rN >= FLOOR_TPUT_N)})")
        print(f"  cold start ih / alex               {cold_ih / alex['cold']:5.2f}x")
    else:
        print("  throughput vs alex: n/a (alex not run)")
    over = cold_ih - cold_spacy
    print(f"  cold start above `import spacy`    {over:+.3f} s  (floor <= {FLOOR_COLD_OVER} s: "
          f"{verdict(over <= FLOOR_COLD_OVER)})")
    print(f"  ih --help                          {help_ih:.3f} s  (floor < {FLOOR_HELP} s: "
          f"{verdict(help_ih < FLOOR_HELP)})")
    peak1 = i1["peak_rss"] or 0
    print(f"  peak RSS ih --jobs 1               {peak1 / 1e6:.0f} MB = {peak1 / MIB:.0f} MiB  "
          f"(floor < {FLOOR_MEM_MB:.0f} MB: {verdict(peak1 / 1e6 < FLOOR_MEM_MB)})")
    if iN.get("tree_pss"):
        pss = iN["tree_pss"]
        print(f"  peak PSS ih --jobs {ncpu}, all processes {pss / 1e6:.0f} MB = {pss / MIB:.0f} MiB "
              f"(floor < {FLOOR_MEM_MB:.0f} MB: {verdict(pss / 1e6 < FLOOR_MEM_MB)})")

    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
