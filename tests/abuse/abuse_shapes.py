"""The hostile and unlucky inputs of issue 13, made on the fly (never stored in the repository)."""

from __future__ import annotations

import random
from pathlib import Path

FLAGGED = ("young", "rockstar", "ninja", "salesman", "manpower", "digital native", "guys", "crazy",
           "native English speaker", "culture fit")
NEUTRAL = ("the", "team", "builds", "tools", "for", "people", "who", "care", "about", "clear", "writing",
           "and", "good", "service", "every", "day", "with", "data")


def dense(size: int, seed: int = 1) -> str:
    """Short lines that all reach the matcher, most with a finding: ``size`` characters."""
    rng = random.Random(seed)
    lines, total = [], 0
    while total < size:
        line = "- We want a " + " ".join(rng.choice(FLAGGED + NEUTRAL) for _ in range(8)) + "."
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)[:size]


def long_line(size: int, flagged_every: int = 40, seed: int = 2) -> str:
    """One line of ``size`` characters without sentence punctuation."""
    rng = random.Random(seed)
    words, total, i = [], 0, 0
    while total < size:
        word = rng.choice(FLAGGED) if i % flagged_every == 0 else rng.choice(NEUTRAL)
        words.append(word)
        total += len(word) + 1
        i += 1
    return " ".join(words)[:size] + "\n"


def normal_posting(folder: Path, name: str = "normal.md") -> Path:
    path = folder / name
    path.write_text("# Sales lead\n\nWe want a salesman to grow our accounts. The pay is $60,000-$70,000.\n",
                    encoding="utf-8")
    return path
