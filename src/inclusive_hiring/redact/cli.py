"""The ``ih redact`` command (light to import: the redaction modules load inside it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..exits import fail as _fail


def redact(
    path: Annotated[str, typer.Argument(metavar="FILE|DIR", help="A CV, cover letter or application "
                                        "(.txt, .md, .docx, .pdf), or a folder of them.")],
    out: Annotated[str, typer.Option("--out", "-o", metavar="OUT", help="The redacted copy (a file for a "
                                     "file, a folder for a folder; OUT/ puts a file's copy in that folder). PDF in "
                                     "gives text out: name OUT .txt.")],
    keep_schools: Annotated[bool, typer.Option("--keep-schools", help="Keep school and university "
                                                                       "names.")] = False,
    redact_employers: Annotated[bool, typer.Option("--redact-employers", help="Also replace employers "
                                                   "with [EMPLOYER] (kept by default).")] = False,
    key: Annotated[str | None, typer.Option("--key", metavar="KEYFILE", help="Write the key (placeholder -> "
                                            "original, JSON) here; never inside OUT or beside a copy.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite redacted copies and the key that "
                                                        "exist.")] = False,
    ner_model: Annotated[str | None, typer.Option("--ner-model", metavar="PATH", help="A spaCy model folder "
                                                  "you installed, for more names (PERSON); never "
                                                  "downloaded.")] = None,
) -> None:
    """Redact CVs for blind review: names, contact details, addresses, ages, dates of birth,
    graduation years, pronouns, titles, family status, nationality, religion, trait-revealing
    memberships, school names and photos become typed placeholders (docs/redact.md).

    ih redact cvs/ -o blind/ --key ~/private/key.json
    """
    from ..yamlio import DataError
    from . import RedactError
    from .engine import Options
    from .run import run

    try:
        finder = None
        if ner_model:
            from .ner import load_person_finder

            finder = load_person_finder(Path(ner_model))
        options = Options(keep_schools=keep_schools, redact_employers=redact_employers, person_finder=finder)
        run(Path(path), Path(out), key=Path(key) if key else None, force=force, options=options,
            out_is_folder=out.endswith(("/", "\\")),
            say=lambda line: sys.stdout.write(line + "\n"), warn=lambda line: sys.stderr.write(line + "\n"))
    except (RedactError, DataError) as exc:
        _fail(str(exc))
