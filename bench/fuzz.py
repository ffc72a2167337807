#!/usr/bin/env python3
"""Fuzz ``ih`` with generated inputs and count anything unexpected (issue 13: 10,000 inputs).

    python bench/fuzz.py                       # 10,000 inputs each through the API and the CLI
    python bench/fuzz.py --count 500 --target config

Targets:

- ``api``: ``lint_text(text, path, kind)`` with any text (lone surrogates, markup pieces, control
  characters), any path suffix and any kind. Expected: a result whose span findings quote their
  own text, or ``ValueError`` for an unknown kind.
- ``cli``: ``ih lint -f json FILE`` in process (typer's runner) on a file of random bytes or text.
  Expected: exit 0, 1 or 2, JSON on stdout, and every line on stderr starting with ``ih:``.
- ``config``: ``ConfigResolver(FILE).base()`` on a random ``.ih.yaml``. Expected: a
  configuration or ``DataError`` (a one-line ``file:line: message``).

Prints, per target, the inputs run, the unexpected outcomes (the first few in full) and the time;
exits 1 if anything was unexpected. Inputs come from hypothesis (generation only, no shrinking).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

PIECES = st.sampled_from([
    "young ", "salesman", "rock star", "ninja ", "guys", "digital native", "culture fit", "crazy ",
    "\n", "\n\n", "- ", "* ", "# ", "> ", "| ", "1. ", "`", "```\n", "<b>", "</b>", "<!-- ih-disable -->",
    "<!-- ih-disable-next-line IH110 -->", "[x](http://a.b)", "http://", "a@b.co", "&amp;", "_", "**", "’",
    "'", ". ", "? ", "…", "\t", "\r\n", "\r", "\ud800", "\udfff", "\x00", "\u200b", "İ", "ß", "\ufeff",
    "---\nkind: questions\n---\n", "Why? ", "salary $1-$2", "<script>", "<!--", "- - - - ",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=80).map("".join),
                  st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=50).map("".join))
KINDS = st.one_of(st.sampled_from(["auto", "posting", "questions", "bogus", "", "POSTING"]), st.text(max_size=4))
PATHS = st.sampled_from(["x.md", "x.txt", "x.html", "<text>", "x", "-", "x.MARKDOWN"])
YAML_PIECES = st.sampled_from([
    "jurisdictions: [US-CA]\n", "rules:\n  IH110: off\n", "accept: [!!int EU]\n", "x: !!float abc\n",
    "d: !!timestamp x\n", "&a [1, *a]\n", "a: &a [x, x]\nb: [*a, *a]\n", "terms:\n- term: x\n  rule: IH510\n",
    "extends: nowhere\n", "exclude: ['**']\n", "{", "]", ":", "- ", "  ", "\n", "!!python/object:os.system x\n",
    "\t", "\ud800", "\x00", "%YAML 1.1\n---\n", "<<: *a\n", "? a\n", "options:\n  IH811: {min_words: -1}\n",
])
YAMLS = st.one_of(st.text(max_size=200), st.lists(YAML_PIECES, max_size=20).map("".join))


def fuzz(name: str, count: int, strategy: st.SearchStrategy, check: Callable[..., str | None]) -> int:
    """Run ``check`` on ``count`` generated inputs; print and return the number of unexpected ones."""
    seen = {"runs": 0}
    problems: list[str] = []

    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(args: tuple) -> None:
        seen["runs"] += 1
        try:
            problem = check(*args)
        except Exception:
            problem = f"{args!r:.300}\n{traceback.format_exc(limit=4)}"
        if problem:
            problems.append(problem)

    started = time.monotonic()
    run()
    print(f"{name}: {seen['runs']} inputs, {len(problems)} unexpected, {time.monotonic() - started:.0f} s",
          flush=True)
    kinds = Counter(_kind(p) for p in problems)
    for kind, n in kinds.most_common():
        print(f"  {n:6d}  {kind}")
    for problem in problems[:3]:
        print("  " + problem.replace("\n", "\n  "))
    return len(problems)


def _kind(problem: str) -> str:
    """What went wrong, without the input: the exception's last line, or the problem's own words."""
    lines = [line for line in problem.splitlines() if line.strip()]
    if "Traceback" in problem:
        return lines[-1].split(":")[0]
    return "multi-line error" if "multi-line error" in problem else lines[0].split(":")[-1].strip()[:60]


def check_api(text: str, path: str, kind: str) -> str | None:
    from inclusive_hiring import lint_text

    try:
        result = lint_text(text, path, kind)
    except ValueError as exc:
        return None if kind not in ("auto", "posting", "questions") else f"ValueError for {kind!r}: {exc}"
    for f in result.findings:
        if f.scope == "span":
            quoted = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text[f.start:f.end])
            if quoted != f.match:
                return f"finding {f.rule_id} at {f.start}:{f.end} quotes {f.match!r}, not {quoted!r}"
    json.dumps(result.to_dict())
    return None


def check_cli(folder: Path) -> Callable[[bytes, str], str | None]:
    from typer.testing import CliRunner

    from inclusive_hiring.cli import app

    runner = CliRunner()

    def check(data: bytes, suffix: str) -> str | None:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        done = runner.invoke(app, ["lint", "-f", "json", "-j", "1", "--no-config", str(path)])
        if done.exit_code not in (0, 1, 2) or (done.exception and not isinstance(done.exception, SystemExit)):
            return f"{data[:120]!r}: exit {done.exit_code}, {done.exception!r}"
        if any(not line.startswith("ih: ") for line in done.stderr.splitlines()):
            return f"{data[:120]!r}: stderr {done.stderr[:300]!r}"
        json.loads(done.stdout)
        return None

    return check


def check_config(folder: Path) -> Callable[[str], str | None]:
    from inclusive_hiring.config import ConfigResolver
    from inclusive_hiring.yamlio import DataError

    def check(text: str) -> str | None:
        path = folder / ".ih.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            ConfigResolver(str(path)).base(str(folder))
        except DataError as exc:
            return None if "\n" not in str(exc) else f"{text[:120]!r}: multi-line error {exc}"
        return None

    return check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs per target (default 10,000)")
    parser.add_argument("--target", action="append", choices=["api", "cli", "config"],
                        help="what to fuzz (repeatable; default api and cli)")
    args = parser.parse_args()
    targets = args.target or ["api", "cli"]
    os.environ.setdefault("IH_CACHE_DIR", tempfile.mkdtemp(prefix="ih-fuzz-cache-"))
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ih-fuzz-") as tmp:
        folder = Path(tmp)
        if "api" in targets:
            failures += fuzz("api", args.count, st.tuples(TEXTS, PATHS, KINDS), check_api)
        if "cli" in targets:
            data = st.one_of(st.binary(max_size=400), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))
            suffixes = st.sampled_from([".md", ".txt", ".html"])
            failures += fuzz("cli", args.count, st.tuples(data, suffixes), check_cli(folder))
        if "config" in targets:
            failures += fuzz("config", args.count, st.tuples(YAMLS), check_config(folder))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
