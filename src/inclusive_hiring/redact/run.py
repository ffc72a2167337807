"""``ih redact``: which files go where, the key file, the log, and all-or-nothing writes."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import RedactError
from .engine import Options, count_line
from .formats import SUFFIXES, FileRedaction, redact_file
from .textutil import WORD, fold

KEY_FORMAT = 1


@dataclass(frozen=True)
class Job:
    source: Path
    target: Path
    name: str  # the source path relative to the input folder (the key's index)


def _output_suffix(source: Path) -> str | None:
    """The suffix the redacted copy must have, or None to keep what the user chose."""
    suffix = source.suffix.lower()
    return {".pdf": ".txt", ".docx": ".docx"}.get(suffix)


def plan(source: Path, out: Path, out_is_folder: bool = False) -> list[Job]:
    """The files to redact and their targets: a file to OUT (into it when ``out_is_folder``, as
    ``-o folder/`` says), a folder mirrored into OUT."""
    if not source.exists():
        raise RedactError(f"{source}: no such file or folder")
    if source.is_file():
        if source.suffix.lower() not in SUFFIXES:
            raise RedactError(f"{source}: unsupported file type '{source.suffix or 'none'}' "
                              "(use .txt, .md, .docx or .pdf)")
        if str(out) == "-":
            raise RedactError("-o -: ih redact writes files; give a file or folder name")
        as_folder = out.is_dir() or out_is_folder
        target = out / source.name if as_folder else out
        forced = _output_suffix(source)
        if forced and target.suffix.lower() != forced:
            if not as_folder:
                raise RedactError(f"{out}: a redacted {source.suffix.lower()} is written as {forced}; "
                                  f"give -o {out.with_suffix(forced)}")
            target = target.with_suffix(forced)
        if target.resolve() == source.resolve():
            raise RedactError(f"{target}: the output would replace the original CV; choose another -o")
        return [Job(source, target, source.name)]
    if out.exists() and not out.is_dir():
        raise RedactError(f"{out}: exists and is not a folder (a folder in needs a folder out)")
    src, dst = source.resolve(), out.resolve()
    if dst == src or dst.is_relative_to(src):
        raise RedactError(f"{out}: the output folder must not be inside the input folder {source}")
    jobs: list[Job] = []
    targets: dict[Path, Path] = {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() not in SUFFIXES:
            continue
        target = out / relative
        forced = _output_suffix(path)
        if forced:
            target = target.with_suffix(forced)
            if forced != path.suffix.lower() and path.with_suffix(forced).exists():
                target = target.with_name(path.name + forced)  # cv.pdf beside cv.txt -> cv.pdf.txt
        if target in targets:
            raise RedactError(f"{path} and {targets[target]} would both be written to {target}; rename one")
        targets[target] = path
        jobs.append(Job(path, target, relative.as_posix()))
    if not jobs:
        raise RedactError(f"{source}: no .txt, .md, .docx or .pdf files in this folder")
    return jobs


def check_key_path(key: Path, out: Path, jobs: list[Job], folder_mode: bool) -> None:
    """The key must be kept apart from the redacted copies: never inside OUT, never in the
    folder of a redacted copy."""
    resolved = key.resolve()
    if folder_mode and (resolved == out.resolve() or resolved.is_relative_to(out.resolve())):
        raise RedactError(f"{key}: the key must not be inside the output folder {out}; keep it apart "
                          "from the redacted copies")
    for job in jobs:
        if resolved.parent == job.target.resolve().parent:
            raise RedactError(f"{key}: the key must not be beside the redacted copy {job.target}; "
                              "put it in another folder")
        if resolved in (job.target.resolve(), job.source.resolve()):
            raise RedactError(f"{key}: the key would replace a CV or its redacted copy; choose another path")
    if key.is_dir():
        raise RedactError(f"{key}: is a folder; give a file name for the key")
    if not key.parent.is_dir() and str(key.parent):
        raise RedactError(f"{key.parent}: no such folder for the key")


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``path`` atomically (``atomic.stage``), creating its folder; ``mode`` for the key."""
    from ..atomic import stage

    path.parent.mkdir(parents=True, exist_ok=True)
    temp = stage(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _name_in_file_name(job: Job, result: FileRedaction) -> bool:
    names = {fold(w.group()) for entry in result.key if entry["placeholder"] == "[NAME]"
             for w in WORD.finditer(str(entry["original"]))}
    names = {n for n in names if len(n) >= 3}
    stem = re.sub(r"[-_.]+", " ", job.target.stem)  # the copy's name is what reviewers see
    words = {fold(w.group()) for w in WORD.finditer(stem)}
    return bool(names & words)


def run(source: Path, out: Path, *, key: Path | None, force: bool, options: Options,
        say: Callable[[str], None], warn: Callable[[str], None], out_is_folder: bool = False) -> None:
    """Redact ``source`` into ``out``; raise RedactError (nothing written) on any problem."""
    jobs = plan(source, out, out_is_folder)
    folder_mode = source.is_dir()
    if key is not None:
        check_key_path(key, out, jobs, folder_mode)
        if (key.exists() or key.is_symlink()) and not force:
            raise RedactError(f"{key} exists: use --force to overwrite the key")
    existing = [job.target for job in jobs if job.target.exists() or job.target.is_symlink()]
    if existing and not force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise RedactError(f"{existing[0]} exists{more}: use --force to overwrite")
    for job in jobs:
        if job.target.is_dir():
            raise RedactError(f"{job.target}: is a folder")
    results: list[tuple[Job, FileRedaction]] = []
    failures: list[str] = []
    for job in jobs:
        try:
            results.append((job, redact_file(job.source, options)))
        except RedactError as exc:
            failures.append(str(exc))
    if failures:
        more = f"; {len(failures) - 1} more file(s) failed" if len(failures) > 1 else ""
        raise RedactError(f"{failures[0]}{more}; nothing was written")
    for job, result in results:
        try:
            write_atomic(job.target, result.data)
        except OSError as exc:
            raise RedactError(f"{job.target}: cannot write ({exc.strerror or exc})") from None
        say(f"{job.source} -> {job.target}: {count_line(result.counts)}")
        if _name_in_file_name(job, result):
            warn(f"ih: warning: {job.target}: the file name contains part of the candidate's name; rename "
                 "the copy before sharing it")
    if key is not None:
        document = {"ih_redact_key": KEY_FORMAT,
                    "note": "Maps each placeholder back to what it replaced. Keep this file away from "
                            "the reviewers.",
                    "files": {job.name: result.key for job, result in results}}
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        try:
            write_atomic(key, data, mode=0o600)
        except OSError as exc:
            raise RedactError(f"{key}: cannot write the key ({exc.strerror or exc})") from None
    total = len(results)
    where = f"; key: {key}" if key is not None else "; no key written (add --key FILE outside the output)"
    into = out if folder_mode else results[0][0].target
    say(f"redacted {total} file{'s' if total != 1 else ''} into {into}{where}")
