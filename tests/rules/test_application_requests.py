"""Protected information named in a list of what to send (rules/application_requests.py)."""

from __future__ import annotations

from inclusive_hiring import lint_text

POSTING = """# Shop assistant

## Requirements:
- Friendly and reliable
- Able to stand for a shift

## Documents required
- CV and a covering letter
- Two passport-sized photographs
- Photocopy of your ID card
- Date of birth and marital status
- Doctor's fitness certificate

## Once you accept the offer
- A copy of your ID card for payroll
- Your date of birth for the pension scheme
"""


def _spans(text: str) -> list[tuple[str, int, str]]:
    return [(f.rule_id, f.line, f.match) for f in lint_text(text, kind="posting").findings if f.scope == "span"]


def test_items_under_an_application_heading_are_requests() -> None:
    found = _spans(POSTING)
    assert ("IH432", 9, "passport-sized") in found
    assert any(rule == "IH743" and line == 10 for rule, line, _ in found)
    assert any(rule == "IH740" and line == 11 for rule, line, _ in found)
    assert any(rule == "IH741" and line == 12 for rule, line, _ in found)


def test_items_after_the_offer_and_under_other_headings_are_quiet() -> None:
    found = _spans(POSTING)
    assert not [f for f in found if f[1] >= 14], found
    assert not [f for f in found if f[1] in (4, 5)], found


def test_a_lead_in_line_opens_the_list() -> None:
    text = "Interested candidates should send the following:\n- Updated resume\n- Recent photo\n"
    assert [r for r, _, _ in _spans(text)] == ["IH432"]


def test_one_finding_per_item() -> None:
    text = "How to apply:\n- A recent photo with your CV\n"
    assert len([f for f in _spans(text) if f[0] == "IH432"]) == 1


def test_a_paragraph_ends_the_section() -> None:
    text = "How to apply:\n- Your CV\n\nAbout the team\n\n- Photos of the team are on our website\n"
    assert not [f for f in _spans(text) if f[0] == "IH432"]
