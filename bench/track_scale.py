"""ih track at scale: a synthetic year of a large employer, imported and reported.

    python bench/track_scale.py                    # 200,000 candidates, 2,000,000 scorecard rows
    python bench/track_scale.py --candidates 20000 --keep /tmp/track-bench

Writes three CSV files to a temporary folder (deterministic, seed 17), then runs, each in a fresh
subprocess so that each has its own peak memory: ``ih track add`` (into a new store), the same
``add`` again (every row unchanged), and ``ih track report`` in json, markdown and html. Prints wall
time, CPU time (user + system; steadier than wall time on a shared machine) and peak RSS
(``getrusage`` of the child) per step, and the store's size. Standard library only.

The data: 2,000 requisitions of 100 candidates. Everyone is decided at ``screen``; 40% reach a
phone interview (3 interviewers x 5 competencies = 15 rows); 10% reach ``onsite`` (4 interviewers
x 10 competencies = 40 rows); 2.5% get an offer. That is 80,000 x 15 + 20,000 x 40 = 2,000,000
scorecard rows. Demographics: five dimensions for 90% of candidates, some declined.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEXES = ("F", "M", "X")
RACES = ("Asian", "Black", "Hispanic or Latino", "White", "Two or more", "Native Hawaiian or Pacific Islander",
         "American Indian or Alaska Native")
COMPETENCIES = tuple(f"competency-{i:02d}" for i in range(1, 16))


def generate(folder: Path, candidates: int) -> dict[str, int]:
    rng = random.Random(17)
    per_req = 100
    rows = {"pipeline": 0, "scorecards": 0, "demographics": 0}
    with (folder / "pipeline.csv").open("w", newline="", encoding="utf-8") as p, \
         (folder / "scorecards.csv").open("w", newline="", encoding="utf-8") as s, \
         (folder / "demographics.csv").open("w", newline="", encoding="utf-8") as d:
        pw, sw, dw = csv.writer(p), csv.writer(s), csv.writer(d)
        pw.writerow(["candidate_id", "requisition_id", "stage", "outcome", "decided_on"])
        sw.writerow(["candidate_id", "requisition_id", "stage", "interviewer_id", "competency", "rating",
                     "interviewed_at", "submitted_at", "debrief_at"])
        dw.writerow(["candidate_id", "sex", "race_ethnicity", "age_40_plus", "disability", "veteran"])
        for n in range(candidates):
            cand = f"C{n:07d}"
            req = f"R{n // per_req:05d}"
            month = 1 + (n // per_req) % 12
            rank = n % per_req  # 0-39 phone, 0-9 onsite, 0-2 offer (then shuffled by the outcome)
            sex = rng.choices(SEXES, (48, 50, 2))[0]
            odds = 0.7 if sex == "F" else 1.0  # a planted gap, so that the report has something to flag
            pw.writerow([cand, req, "screen", "advanced" if rank < 40 else "rejected", f"2026-{month:02d}-05"])
            rows["pipeline"] += 1
            for stage, reach, panel, comps, nxt in (("phone", 40, 3, 5, 10), ("onsite", 10, 4, 10, 3)):
                if rank >= reach:
                    continue
                won = rank < nxt and rng.random() < odds
                pw.writerow([cand, req, stage, "advanced" if won else rng.choice(("rejected", "rejected", "withdrew")),
                             f"2026-{month:02d}-{15 if stage == 'phone' else 25}"])
                rows["pipeline"] += 1
                day = 12 if stage == "phone" else 22
                for k in range(panel):
                    who = f"iv-{(n // per_req) % 300:03d}-{k}"
                    late = rng.random() < 0.08
                    for c in range(comps):
                        rating = "" if rng.random() < 0.01 else str(min(5, max(1, round(rng.gauss(3.2, 0.9)))))
                        sw.writerow([cand, req, stage, who, COMPETENCIES[c], rating,
                                     f"2026-{month:02d}-{day}T10:00:00Z",
                                     f"2026-{month:02d}-{day + (3 if late else 0)}T16:00:00Z",
                                     f"2026-{month:02d}-{day + 1}T09:00:00Z"])
                        rows["scorecards"] += 1
            if rng.random() < 0.9:
                dw.writerow([cand, sex, rng.choice(RACES), rng.choice(("yes", "no", "no", "declined")),
                             rng.choice(("no", "no", "no", "yes", "")), rng.choice(("no", "no", "no", "yes"))])
                rows["demographics"] += 1
    return rows


_STEP = """
import resource, sys, time
from inclusive_hiring.cli import app
start = time.perf_counter()
try:
    result = app(args=sys.argv[1:], standalone_mode=False, prog_name="ih")
    code = result if isinstance(result, int) else 0
except SystemExit as exc:
    code = exc.code or 0
sys.stdout.flush()
took = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
sys.stderr.write(f"\\nBENCH {took:.2f} {cpu:.2f} {usage.ru_maxrss} {code}\\n")
"""


def step(name: str, args: list[str], out: Path | None = None) -> dict[str, float]:
    stdout = out.open("w", encoding="utf-8") if out else subprocess.PIPE
    proc = subprocess.run([sys.executable, "-c", _STEP, *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, check=False)
    if out:
        stdout.close()  # type: ignore[union-attr]
    marker = [line for line in proc.stderr.splitlines() if line.startswith("BENCH ")]
    if not marker or not marker[-1].endswith(" 0"):
        raise SystemExit(f"{name} failed: {proc.stderr[-2000:]}")
    took, cpu, rss_kb, _ = marker[-1].split()[1:]
    result = {"seconds": float(took), "cpu_seconds": float(cpu), "peak_rss_mb": round(int(rss_kb) / 1024)}
    print(f"{name:<28} {result['seconds']:8.1f} s wall {result['cpu_seconds']:8.1f} s CPU   "
          f"peak RSS {result['peak_rss_mb']:6d} MB", flush=True)
    if proc.stdout and name.startswith("add"):
        print("    " + proc.stdout.strip().replace("\n", "\n    "))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200_000)
    parser.add_argument("--keep", metavar="DIR", help="write the data and the store here and keep them")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ih-track-bench-") as temp:
        folder = Path(args.keep) if args.keep else Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        rows = generate(folder, args.candidates)
        size = sum((folder / f"{k}.csv").stat().st_size for k in rows) / 1e6
        print(f"generated {rows['pipeline']:,} pipeline, {rows['scorecards']:,} scorecard and "
              f"{rows['demographics']:,} demographic rows ({size:.0f} MB of CSV) in "
              f"{time.perf_counter() - start:.1f} s")
        db = folder / "track.sqlite"
        db.unlink(missing_ok=True)
        files = ["--pipeline", str(folder / "pipeline.csv"), "--scorecards", str(folder / "scorecards.csv"),
                 "--demographics", str(folder / "demographics.csv")]
        figures = {"rows": rows, "csv_mb": round(size)}
        figures["add"] = step("add (new store)", ["track", "add", "--db", str(db), *files])
        figures["add_again"] = step("add again (all unchanged)", ["track", "add", "--db", str(db), *files])
        for fmt in ("json", "markdown", "html"):
            figures[f"report_{fmt}"] = step(f"report --format {fmt}", ["track", "report", "--db", str(db),
                                                                        "--format", fmt],
                                            out=folder / f"report.{fmt}")
        figures["store_mb"] = round(db.stat().st_size / 1e6)
        print(f"store: {figures['store_mb']} MB")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
