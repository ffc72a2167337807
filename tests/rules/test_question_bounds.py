"""Question rules match within one question: never across two list items, two lines, or two
questions on one line (issue 14, item 8)."""

from __future__ import annotations

from inclusive_hiring import lint_text


def _question_findings(text: str, path: str = "q.md") -> list[tuple[str, str]]:
    result = lint_text(text, path, "questions")
    return [(f.rule_id, f.match) for f in result.findings
            if f.category.startswith(("illegal-question:", "poor-practice:"))]


def test_the_pattern_matches_inside_one_question():
    # IH924: "did you serve in <up to three words> army"
    assert _question_findings("- Did you serve in the Polish army?") == [("IH924", "Did you serve in the Polish army")]


def test_a_pattern_cannot_join_two_list_items():
    assert _question_findings("- Did you serve in retail\n- Army recruiters visit our stores\n") == []
    assert _question_findings("1. Have you ever been\n2. in the military police's database team?\n") == []


def test_a_pattern_cannot_join_two_lines():
    """In plain text a line that starts with a capital is a new line (markup.py); Markdown joins
    the lines of a paragraph, as Markdown does, so questions there are list items or end in "?"."""
    assert _question_findings("Did you serve in retail\nArmy surplus is one of our lines. What else?\n",
                              "q.txt") == []


def test_a_question_wrapped_inside_its_list_item_still_matches():
    assert _question_findings("- Did you serve in\n  the army?\n- How do you plan a week?\n") == [
        ("IH924", "Did you serve in\n  the army")]


def test_a_pattern_cannot_join_two_questions_on_one_line():
    assert _question_findings("- Did you serve in retail? Army surplus stores count too.") == []
    # the second question on the line is still checked on its own
    assert _question_findings("- Did you serve in retail? Are you a veteran?") == [("IH924", "Are you a veteran")]
