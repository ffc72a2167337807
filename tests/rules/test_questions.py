"""The interview-question word lists measured on the labelled set (tests/fixtures/questions/labelled.yml),
on a holdout set (holdout.yml, softer floors), and on real question lists (../shared/corpus)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from inclusive_hiring import lint_text
from inclusive_hiring.catalog.wordlists import POOR_PRACTICES, QUESTION_TOPICS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "questions"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "interview-questions"

#: Floors on the labelled set (issue 4, item 6) and what the lists reach today.
UNLAWFUL_RECALL = 0.97
LAWFUL_FP_RATE = 0.03
TOPIC_ACCURACY = 0.90
POOR_RECALL = 0.90  # reached: 34/34


def _load(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def _lint(question: str):
    """Each question is its own question document, as one list item."""
    return lint_text("- " + question, "q.md", "questions")


def _score(items: list[dict]) -> dict:
    stats: dict = {"topics": defaultdict(lambda: [0, 0]), "poor": defaultdict(lambda: [0, 0]),
                   "unlawful": 0, "caught": 0, "right_topic": 0, "lawful": 0, "false_positives": [],
                   "missed": [], "wrong_topic": [], "poor_missed": []}
    for item in items:
        findings = _lint(item["text"]).findings
        illegal = [f for f in findings
                   if f.severity == "error" and f.category.startswith("illegal-question:")]
        poor = [f for f in findings
                if f.severity == "warning" and f.category.startswith("poor-practice:")]
        label, topic = item["label"], item.get("topic")
        if label == "unlawful":
            stats["unlawful"] += 1
            stats["topics"][topic][0] += 1
            if illegal:
                stats["caught"] += 1
                stats["topics"][topic][1] += 1
                if any(f.category == f"illegal-question:{topic}" for f in illegal):
                    stats["right_topic"] += 1
                else:
                    stats["wrong_topic"].append((item["text"], [f.category for f in illegal]))
            else:
                stats["missed"].append((topic, item["text"]))
        elif label == "poor-practice":
            stats["poor"][topic][0] += 1
            if poor:
                stats["poor"][topic][1] += 1
            else:
                stats["poor_missed"].append((topic, item["text"]))
        else:
            stats["lawful"] += 1
            flagged = [f for f in findings
                       if f.category.startswith(("illegal-question:", "poor-practice:"))]
            if flagged:
                stats["false_positives"].append((item["text"], [(f.rule_id, f.match) for f in flagged]))
    return stats


def _report(stats: dict) -> str:
    per_topic = ", ".join(f"{t} {c}/{n}" for t, (n, c) in sorted(stats["topics"].items()))
    poor = ", ".join(f"{t} {c}/{n}" for t, (n, c) in sorted(stats["poor"].items()))
    return (f"\nper-topic recall: {per_topic}\npoor practice: {poor}"
            f"\nmissed: {stats['missed']}\nwrong topic: {stats['wrong_topic']}"
            f"\npoor missed: {stats['poor_missed']}\nfalse positives: {stats['false_positives']}")


@pytest.fixture(scope="module")
def labelled():
    return _score(_load("labelled.yml"))


@pytest.fixture(scope="module")
def holdout():
    return _score(_load("holdout.yml"))


def test_labelled_set_covers_every_topic():
    items = _load("labelled.yml")
    assert {i["topic"] for i in items if i["label"] == "unlawful"} == set(QUESTION_TOPICS)
    assert {i["topic"] for i in items if i["label"] == "poor-practice"} == set(POOR_PRACTICES)


def test_recall_on_unlawful_questions(labelled):
    recall = labelled["caught"] / labelled["unlawful"]
    assert recall >= UNLAWFUL_RECALL, f"recall {recall:.3f}" + _report(labelled)


def test_false_positives_on_lawful_questions(labelled):
    rate = len(labelled["false_positives"]) / labelled["lawful"]
    assert rate <= LAWFUL_FP_RATE, f"false-positive rate {rate:.3f}" + _report(labelled)


def test_caught_questions_get_the_right_topic(labelled):
    accuracy = labelled["right_topic"] / max(labelled["caught"], 1)
    assert accuracy >= TOPIC_ACCURACY, f"topic accuracy {accuracy:.3f}" + _report(labelled)


def test_every_topic_is_caught_somewhere(labelled):
    assert all(caught for _, caught in labelled["topics"].values()), _report(labelled)


def test_recall_on_poor_practice(labelled):
    total = sum(n for n, _ in labelled["poor"].values())
    caught = sum(c for _, c in labelled["poor"].values())
    assert caught / total >= POOR_RECALL, f"poor-practice recall {caught}/{total}" + _report(labelled)


def test_holdout_set(holdout):
    """Softer floors: these phrasings were not used to write the lists (see holdout.yml)."""
    recall = holdout["caught"] / holdout["unlawful"]
    fp_rate = len(holdout["false_positives"]) / holdout["lawful"]
    poor_total = sum(n for n, _ in holdout["poor"].values())
    poor_caught = sum(c for _, c in holdout["poor"].values())
    assert recall >= 0.90, f"holdout recall {recall:.3f}" + _report(holdout)
    assert fp_rate <= 0.05, f"holdout false-positive rate {fp_rate:.3f}" + _report(holdout)
    assert poor_caught / poor_total >= 0.80, _report(holdout)


def test_a_question_file_with_several_questions():
    """The same checks on a real list: each item is judged on its own."""
    text = ("---\nkind: questions\n---\n"
            "- Tell me about a time you had to balance competing deadlines.\n"
            "- Are you married?\n"
            "- How do you handle a child process that hangs?\n"
            "- How many golf balls fit in a school bus?\n")
    result = lint_text(text, "questions.md")
    assert result.kind == "questions"
    span = {(f.rule_id, f.line) for f in result.findings if f.scope == "span"}
    assert span == {("IH909", 5), ("IH930", 7)}


def test_question_rules_do_not_touch_postings():
    text = "We offer a health plan and paid sick days. Tell us about yourself in your cover letter."
    result = lint_text(text, "posting.md", "posting")
    assert not [f for f in result.findings
                if f.category.startswith(("illegal-question:", "poor-practice:"))]


def test_no_exclusion_cancels_its_own_entry(engine):
    """Constraint phrases are lemmatized: an exclusion such as "graduating" also matches the
    "graduate" the entry looks for, and silently turns the entry off. No question entry may
    exclude one of its own terms or one of the words every match of a pattern contains."""
    index = engine.index
    clashes = []
    for entry_id in index.entry_ids:
        compiled = index.entry(entry_id)
        if compiled.entry.kind != "questions":
            continue
        excluded = dict(compiled.constraints).get("not_in_sentence_with", ())
        required = set()
        for pattern in compiled.patterns:
            for token in pattern:
                if token.get("OP") in ("?", "*"):
                    continue
                for key in ("LEMMA", "LOWER"):
                    value = token.get(key)
                    values = value.get("IN", []) if isinstance(value, dict) else [value]
                    required |= {str(v) for v in values if isinstance(v, str)}
        for phrase in excluded:
            if len(phrase) == 1 and phrase[0] in required:
                clashes.append((entry_id, phrase))
            for term in compiled.terms:
                n = len(phrase)
                if any(tuple(term.lemmas[i:i + n]) == phrase for i in range(len(term.lemmas) - n + 1)):
                    clashes.append((entry_id, phrase, term.orths))
    assert not clashes, clashes


def _doc_examples() -> list[tuple[str, str, str]]:
    """(kind, topic, question) for every quoted question in docs/lawful-interviewing.md: "Don't
    ask" examples must be flagged with the section's category, "Ask instead" ones and the "look
    risky but are fine" ones must pass."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "lawful-interviewing.md").read_text(encoding="utf-8")
    out = []
    for section in re.split(r"^### ", doc, flags=re.M)[1:]:
        head = section.splitlines()[0]
        topic = re.search(r"`((?:illegal-question|poor-practice):[a-z-]+)`", head)
        if topic:
            for kind, label in (("flagged", "Don't ask[^*]*"), ("clean", "Ask instead")):
                for block in re.findall(rf"\*\*{label}:\*\*(.*?)(?=\n- \*\*|\n\n|\Z)", section, flags=re.S):
                    out += [(kind, topic.group(1), " ".join(q.split()))
                            for q in re.findall(r'"([^"]+)"', block)]
        elif head.startswith("Questions that look risky"):
            out += [("clean", "", " ".join(q.split())) for q in re.findall(r'"([^"]+\?)"', section)]
    return out


def test_lawful_interviewing_page_matches_the_rules():
    examples = _doc_examples()
    assert len(examples) > 80
    wrong = []
    for kind, topic, question in examples:
        categories = {f.category for f in _lint(question).findings
                      if f.category.startswith(("illegal-question:", "poor-practice:"))}
        if (kind == "flagged") != (topic in categories if kind == "flagged" else bool(categories)):
            wrong.append((kind, topic, question, sorted(categories)))
    assert not wrong, wrong


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} not present")
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip(f"no .txt files in {CORPUS}")
    return files


def test_real_question_lists_are_detected_and_have_no_errors():
    """../shared/corpus/interview-questions holds real lists (one question per line). ``auto`` must
    see them as questions, and none of their questions is unlawful (docs/question-corpus-review.md
    reviews every warning)."""
    for path in _corpus_files():
        result = lint_text(path.read_text(encoding="utf-8"), str(path), "auto")
        assert result.kind == "questions", path.name
        errors = [(f.line, f.rule_id, f.match) for f in result.findings if f.severity == "error"]
        assert errors == [], f"{path.name}: {errors}"
