"""The shipped competency library: schema, question style, and every question lints clean."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

import inclusive_hiring
from inclusive_hiring import lint_text

DATA_DIR = Path(inclusive_hiring.__file__).parent / "data" / "competencies"
FILES = sorted(DATA_DIR.glob("*.yml"))
GROUPS = {"core", "technical", "leadership", "customer", "operations"}
REQUIRED = {
    "id": str,
    "name": str,
    "group": str,
    "definition": str,
    "keywords": list,
    "questions": dict,
    "rubric": dict,
    "source": str,
}
BEHAVIOURAL_OPENINGS = (
    "Tell me about a time",
    "Tell me about a ",
    "Tell me about an ",
    "Describe a time",
    "Describe a situation",
    "Describe a ",
    "Describe an ",
    "Give an example",
    "Give me an example",
    "Walk me through",
)
SITUATIONAL_OPENINGS = (
    "Imagine",
    "Suppose",
    "What would you do if",
    "What would you do when",
    "How would you",
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict), f"{path.name}: top level must be a mapping"
    return data


LIBRARY = {path.stem: _load(path) for path in FILES}


def _questions(comp: dict) -> list[dict]:
    return list(comp["questions"]["behavioural"]) + list(comp["questions"]["situational"])


def test_library_size() -> None:
    assert len(FILES) >= 25, f"only {len(FILES)} competencies in {DATA_DIR}"


def test_ids_match_file_names_and_are_unique() -> None:
    ids = [comp.get("id") for comp in LIBRARY.values()]
    assert len(ids) == len(set(ids))
    for stem, comp in LIBRARY.items():
        assert comp.get("id") == stem
        assert ID_PATTERN.match(stem), f"{stem}: id must be lowercase kebab-case"


@pytest.mark.parametrize("stem", sorted(LIBRARY))
def test_schema(stem: str) -> None:
    comp = LIBRARY[stem]
    missing = set(REQUIRED) - set(comp)
    assert not missing, f"{stem}: missing keys {sorted(missing)}"
    for key, kind in REQUIRED.items():
        assert isinstance(comp[key], kind), f"{stem}: {key} must be {kind.__name__}"
    for key in ("name", "definition", "source"):
        assert comp[key].strip(), f"{stem}: {key} is empty"
    assert comp["group"] in GROUPS, f"{stem}: unknown group {comp['group']!r}"

    keywords = comp["keywords"]
    assert 6 <= len(keywords) <= 15, f"{stem}: {len(keywords)} keywords"
    for word in keywords:
        assert isinstance(word, str) and word.strip(), f"{stem}: empty keyword"
        assert word == word.lower(), f"{stem}: keyword {word!r} is not lowercase"
    assert len(keywords) == len(set(keywords)), f"{stem}: duplicate keywords"

    questions = comp["questions"]
    assert set(questions) >= {"behavioural", "situational"}, f"{stem}: questions need both kinds"
    assert len(questions["behavioural"]) >= 4, f"{stem}: fewer than 4 behavioural questions"
    assert len(questions["situational"]) >= 2, f"{stem}: fewer than 2 situational questions"
    for kind, openings in (("behavioural", BEHAVIOURAL_OPENINGS), ("situational", SITUATIONAL_OPENINGS)):
        for question in questions[kind]:
            assert isinstance(question, dict), f"{stem}: each question is a mapping"
            text = question.get("text")
            assert isinstance(text, str) and text.strip(), f"{stem}: question without text"
            assert text.startswith(openings), f"{stem}: {kind} question has the wrong opening: {text!r}"
            probes = question.get("probes")
            assert isinstance(probes, list) and 2 <= len(probes) <= 4, f"{stem}: {text!r} needs 2-4 probes"
            for probe in probes:
                assert isinstance(probe, str) and probe.strip(), f"{stem}: empty probe under {text!r}"

    rubric = comp["rubric"]
    assert sorted(rubric) == [1, 2, 3, 4, 5], f"{stem}: rubric keys must be the integers 1..5"
    for level, anchor in rubric.items():
        assert isinstance(anchor, str) and len(anchor.strip()) >= 40, f"{stem}: rubric level {level} too short"


def test_no_question_is_repeated() -> None:
    counts = Counter(q["text"].strip().lower() for comp in LIBRARY.values() for q in _questions(comp))
    repeated = [text for text, n in counts.items() if n > 1]
    assert not repeated, f"repeated questions: {repeated}"


@pytest.mark.parametrize("stem", sorted(LIBRARY))
def test_lints_clean(stem: str) -> None:
    comp = LIBRARY[stem]
    parts: list[str] = []
    for question in _questions(comp):
        parts.append(question["text"])
        parts.extend(question["probes"])
    parts.extend(comp["rubric"][level] for level in sorted(comp["rubric"]))
    parts.append(comp["definition"])
    result = lint_text("\n\n".join(parts), f"{stem}.yml")
    spans = [f"{f.rule_id} {f.match!r}: {f.message}" for f in result.findings if f.scope == "span"]
    assert not spans, f"{stem}: " + "; ".join(spans)
