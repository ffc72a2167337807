"""Print the YAML reference of a sentence of a real posting, for the labelled sets in bench/eval/.

    python bench/evalref.py jobs-varied/gumtree-uk/some-posting.txt "The exact sentence." \\
        --label flag --family age --kind positive --note "age range for the hire"

The sentence must occur verbatim on one line of the posting (relative to ../shared/corpus).
Paste the output under ``items:`` of a file in bench/eval/dev/ (development) or heldout.yml.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalset import DEFAULT_CORPUS, FAMILIES, HELDOUT_KINDS, LABELS, make_reference


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("path", help="posting path relative to the corpus")
    parser.add_argument("sentence", help="the sentence, verbatim")
    parser.add_argument("--label", choices=sorted(LABELS), required=True)
    parser.add_argument("--family", choices=sorted(FAMILIES), required=True)
    parser.add_argument("--kind", choices=sorted(HELDOUT_KINDS), required=True)
    parser.add_argument("--borderline", action="store_true")
    parser.add_argument("--note", default="")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    try:
        fields = make_reference(args.corpus, args.path, args.sentence)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"evalref: error: {exc}\n")
        return 2
    fields.update(label=args.label, family=args.family, kind=args.kind)
    if args.borderline:
        fields["borderline"] = True
    if args.note:
        fields["note"] = args.note
    lines = []
    for number, (key, value) in enumerate(fields.items()):
        prefix = "  - " if number == 0 else "    "
        lines.append(f"{prefix}{key}: {json.dumps(value, ensure_ascii=False)}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
