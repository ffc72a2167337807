"""Accuracy of the interview-question word lists on the labelled set (tests/fixtures/questions).

Prints recall on unlawful questions, false alarms on lawful questions and on their hard negatives,
and poor-practice recall: overall and for the original 317 questions (``--first N`` sets how many
items count as the original set). Each question is linted on its own, as one list item of a
question document, exactly as tests/rules/test_questions.py does.

    python bench/questions.py                      # labelled.yml
    python bench/questions.py --file holdout.yml --first 0
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from inclusive_hiring import lint_text

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "questions"


def score(items: list[dict]) -> dict[str, tuple[int, int]]:
    """(hits, total) for: unlawful recall, lawful false alarms, hard-negative false alarms, poor recall."""
    counts = {"unlawful": [0, 0], "lawful": [0, 0], "hard": [0, 0], "poor": [0, 0]}
    for item in items:
        findings = lint_text("- " + item["text"], "q.md", "questions").findings
        illegal = any(f.severity == "error" and f.category.startswith("illegal-question:") for f in findings)
        poor = any(f.severity == "warning" and f.category.startswith("poor-practice:") for f in findings)
        flagged = any(f.category.startswith(("illegal-question:", "poor-practice:")) for f in findings)
        if item["label"] == "unlawful":
            counts["unlawful"][1] += 1
            counts["unlawful"][0] += illegal
        elif item["label"] == "poor-practice":
            counts["poor"][1] += 1
            counts["poor"][0] += poor
        else:
            counts["lawful"][1] += 1
            counts["lawful"][0] += flagged
            if item.get("hard_negative"):
                counts["hard"][1] += 1
                counts["hard"][0] += flagged
    return {k: (v[0], v[1]) for k, v in counts.items()}


def _line(name: str, stats: dict[str, tuple[int, int]]) -> str:
    parts = []
    for key, label in (("unlawful", "unlawful recall"), ("lawful", "lawful false alarms"),
                       ("hard", "hard-negative false alarms"), ("poor", "poor-practice recall")):
        hit, total = stats[key]
        parts.append(f"{label} {hit}/{total} ({hit / total:.1%})" if total else f"{label} -")
    return f"{name}: " + "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="labelled.yml")
    parser.add_argument("--first", type=int, default=317, help="size of the original set (0: skip)")
    args = parser.parse_args()
    items = yaml.safe_load((FIXTURES / args.file).read_text(encoding="utf-8"))
    print(_line(f"{args.file} ({len(items)} questions)", score(items)))
    if 0 < args.first < len(items):
        print(_line(f"first {args.first}", score(items[:args.first])))


if __name__ == "__main__":
    main()
