"""What a document is: a posting written as questions stays a posting (and keeps its pay and EEO
checks), a list of interview questions stays questions, and the result says why (issue 14, item 8)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from inclusive_hiring import lint_text
from inclusive_hiring.lint.kind_signals import posting_signals, section_heading
from inclusive_hiring.lint.kinds import Kind, detect_kind, is_question
from inclusive_hiring.text.markup import kind_of, prepare

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"

#: Postings written mostly as questions; each has some of the signals a posting has.
POSTINGS_AS_QUESTIONS = {
    "rockstar.md": """# Sales Executive

Are you our next sales rockstar? Do you love closing deals?

- Do you thrive when targets are high?
- Are you hungry to win?
- Do you want uncapped commission?
- Can you start in January?

Apply now with your CV.
""",
    "barista.txt": """Barista wanted
Do you make a perfect flat white?
Can you keep smiling through the morning rush?
Are you free on weekends?
Would you like free coffee on every shift?
Pay: £11.50 per hour
To apply, send your CV to the manager.
""",
    "care.md": """Do you care about people?

- Have you ever wanted a job that makes a difference?
- Are you kind, patient and reliable?
- Do you want flexible shifts?
- Could you be part of our community team?

## What we offer

Full-time and part-time contracts, paid training.

## How to apply

Fill in the form on our website. Closing date: 30 June.
""",
    "html.html": """<h1>Warehouse Operative</h1>
<ul><li>Do you like to keep busy?</li></ul>
<ul><li>Are you a team player?</li></ul>
<ul><li>Can you lift boxes safely?</li></ul>
<h2>Benefits</h2>
<p>Are you after a pension and 28 days' leave? We offer both.</p>
""",
}

#: Interview-question lists with a title, section headings, notes and questions about pay or
#: applying: none of that makes them postings.
QUESTION_LISTS = {
    "titled.md": """# Interview questions: Senior Sales Executive

## Behavioural

- Tell me about a deal you lost and what you learned.
- Describe a time you had to negotiate on price.

## Motivation

- Why did you apply for this role?
- What benefits matter most to you?
- What are your salary expectations for this job?
""",
    "notes.txt": """Phone screen, customer support
Note: ask every candidate the same questions, in this order.
How do you handle an angry caller?
What would you do if a customer asked for a refund you cannot give?
Tell me about a time you solved a problem for a customer.
How would you explain our refund policy to a new colleague?
Score each answer from 1 to 5 against the guide.
""",
}


def _kind(text: str, path: str, requested: str = "auto") -> Kind:
    return detect_kind(prepare(text, kind_of(path)), requested)


@pytest.mark.parametrize("name", sorted(POSTINGS_AS_QUESTIONS))
def test_postings_written_as_questions_are_postings(name):
    text = POSTINGS_AS_QUESTIONS[name]
    kind = _kind(text, name)
    assert kind == "posting", kind.reason
    assert "are questions, but the rest reads as a posting" in kind.reason
    result = lint_text(text, name)
    assert result.kind == "posting"
    assert result.metrics["kind_reason"] == kind.reason
    # the posting checks run: EEO statement, and pay unless the posting states it
    ids = {f.rule_id for f in result.findings}
    assert "IH750" in ids
    assert ("IH701" in ids) == (name not in {"barista.txt"})
    assert not [f for f in result.findings if f.category.startswith(("illegal-question:", "poor-practice:"))]


@pytest.mark.parametrize("name", sorted(QUESTION_LISTS))
def test_question_lists_with_headings_stay_questions(name):
    kind = _kind(QUESTION_LISTS[name], name)
    assert kind == "questions", kind.reason
    assert "are questions" in kind.reason


def test_the_reason_names_the_signals():
    kind = _kind(POSTINGS_AS_QUESTIONS["care.md"], "care.md")
    assert "heading 'What we offer'" in kind.reason
    assert "heading 'How to apply'" in kind.reason
    barista = _kind(POSTINGS_AS_QUESTIONS["barista.txt"], "barista.txt")
    assert "a pay figure" in barista.reason and "a job title first" in barista.reason


def test_a_question_list_with_too_few_signals_says_so():
    text = "Sales Executive\n- Do you like selling?\n- How do you handle rejection?\n- Why sales?\n"
    kind = _kind(text, "q.md")
    assert kind == "questions"
    assert kind.reason == "3 of 3 list items are questions; too few posting signals (a job title first)"


def test_kind_option_and_front_matter_override_detection():
    text = POSTINGS_AS_QUESTIONS["rockstar.md"]
    forced = lint_text(text, "r.md", "questions")
    assert forced.kind == "questions"
    assert forced.metrics["kind_reason"] == "requested: kind questions"
    declared = lint_text("---\nkind: questions\n---\n" + text, "r.md")
    assert declared.kind == "questions"
    assert declared.metrics["kind_reason"] == "front matter: kind: questions"
    plain_list = "- Are you married?\n- How old are you?\n- Tell me about a project you led.\n"
    assert lint_text(plain_list, "q.md", "posting").metrics["kind_reason"] == "requested: kind posting"


def test_section_headings_are_not_questions():
    for line in ("How to apply:", "## What we offer", "**What you'll do**", "Who we are", "BENEFITS"):
        assert section_heading(line), line
        assert not is_question(line), line
    for line in ("What would you do if a deploy failed?", "How do you test this?", "Tell me about a launch."):
        assert is_question(line), line
    assert section_heading("How you would apply the STAR method") is None


def test_signals_come_only_from_statements():
    assert posting_signals(["Note: ask every candidate to apply the STAR method."], None) == []
    names = [s.name for s in posting_signals(["Salary: $45,000 a year", "Apply now on our website."], "Cook")]
    assert names == ["a pay figure", "'apply'", "a job title first"]


def test_kind_reason_in_json_and_human_output():
    from inclusive_hiring.formatters import RenderOptions
    from inclusive_hiring.formatters.human import render
    from inclusive_hiring.results import LintReport

    posting = lint_text(POSTINGS_AS_QUESTIONS["rockstar.md"], "rockstar.md")
    questions = lint_text(QUESTION_LISTS["titled.md"], "titled.md")
    data = json.loads(json.dumps(questions.to_dict()))
    assert data["metrics"]["kind_reason"] == "5 of 5 list items are questions"
    out = render(LintReport(files=(posting, questions)), RenderOptions(width=400))
    assert "titled.md  (interview questions: 5 of 5 list items are questions)" in out
    assert "rockstar.md  (posting: 4 of 4 list items are questions, but the rest reads as a posting:" in out
    # an ordinary posting gets no note
    ordinary = lint_text("# Cook\n\nWe need a cook for our kitchen. Apply by email.\n", "cook.md")
    assert "cook.md  (" not in render(LintReport(files=(ordinary,)), RenderOptions(width=400))


def test_kind_survives_pickling_for_worker_processes():
    kind = _kind(QUESTION_LISTS["titled.md"], "titled.md")
    back = pickle.loads(pickle.dumps(kind))
    assert back == "questions" and back.reason == kind.reason and isinstance(back, Kind)


def _texts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in (".md", ".txt", ".html"))


@pytest.mark.parametrize("folder", ["jobs", "jobs-varied/philippines", "jobs-varied/lokal-india",
                                    "jobs-varied/gumtree-uk", "jobs-varied/bdjobs-bd"])
def test_shared_postings_are_read_as_postings(folder):
    path = SHARED / folder
    if not path.is_dir():
        pytest.skip(f"{path} not present")
    wrong = [(p.name, k.reason) for p in _texts(path)
             if (k := _kind(p.read_text(encoding="utf-8", errors="replace"), str(p))) != "posting"]
    assert wrong == []


def test_shared_question_lists_are_read_as_questions():
    path = SHARED / "interview-questions"
    if not path.is_dir():
        pytest.skip(f"{path} not present")
    files = sorted(path.glob("*.txt"))
    assert files
    assert [p.name for p in files if _kind(p.read_text(encoding="utf-8"), str(p)) != "questions"] == []


def test_labelled_question_fixtures_are_read_as_questions():
    import yaml

    for name in ("labelled.yml", "holdout.yml"):
        items = yaml.safe_load((ROOT / "tests" / "fixtures" / "questions" / name).read_text(encoding="utf-8"))
        whole = "\n".join("- " + item["text"] for item in items)
        assert _kind(whole, "q.md") == "questions"
        alone = [i["text"] for i in items if _kind("- " + i["text"], "q.md") != "questions"]
        assert len(alone) <= 1, alone  # "Write a SQL query ..." is a task, not a question


def test_a_long_question_list_needs_more_posting_signals():
    about = "# Interview: Senior Developer\n\n## About the role\n\nFull-time, on the platform team.\n\n"
    questions = "".join(f"- How would you approach design problem number {i}?\n" for i in range(40))
    long_list = _kind(about + questions, "q.md")
    assert long_list == "questions", long_list.reason
    assert "too few posting signals" in long_list.reason
    # the same signals (a heading and "full-time": 3 points) outweigh five questions
    short = _kind(about + "".join(f"- Do you enjoy challenge {i}?\n" for i in range(5)), "q.md")
    assert short == "posting", short.reason


@pytest.mark.parametrize("text", [
    "If you are disabled and need adjustments at interview, tell us.",
    "If you have any questions about the role, call Priya on 0113 496 0000.",
    "If you need this pack in large print, email the recruitment team.",
])
def test_a_conditional_addressed_to_the_reader_is_posting_prose(text):
    """Only situational openers ("If you were...", "If you had to...") open a question; a posting's
    conditionals never make it a question list, so question rules never run on them."""
    result = lint_text(text, "note.md")
    assert result.kind == "posting"
    assert not [f for f in result.findings if f.category.startswith("illegal-question")]
    assert lint_text("- If you were a manager, how would you handle a late colleague?\n"
                     "- If you had to cut a budget by half, what would go first?\n", "q.md").kind == "questions"
