"""Posting -> competencies: sections, keyword folding, selection, the starter spec."""

from __future__ import annotations

import pytest
from kit_helpers import CORPUS_JOBS, EXAMPLE_POSTING, library_fixture  # noqa: F401 (fixtures)

from inclusive_hiring.kits.build import build_from_posting
from inclusive_hiring.kits.mapping import CORE, classify_heading, fold, fold_phrase, map_posting, read_posting
from inclusive_hiring.yamlio import load_yaml


def ids(draft) -> list[str]:
    return [m.competency.id for m in draft.matches]


@pytest.mark.parametrize(("british", "american"), [
    ("prioritise", "prioritize"), ("prioritising", "prioritizing"), ("organisation", "organization"),
    ("organised", "organized"), ("behaviour", "behavior"), ("analyse", "analyze"),
    ("modelling", "modeling"), ("centre", "center"), ("programme", "program"),
])
def test_spelling_variants_fold_together(british, american):
    assert fold(british) == fold(american)


@pytest.mark.parametrize("forms", [
    ("manage", "managed", "manages", "managing"), ("plan", "plans", "planned", "planning"),
    ("priority", "priorities"), ("deal", "deals"), ("negotiate", "negotiated", "negotiating"),
])
def test_endings_fold_together(forms):
    assert len({fold(f) for f in forms}) == 1


def test_short_words_and_acronyms_are_kept():
    assert fold_phrase("QA, UX and ML") == ("qa", "ux", "and", "ml")
    assert fold_phrase("CI/CD") == ("ci/cd",)


@pytest.mark.parametrize(("heading", "kind"), [
    ("Responsibilities", "responsibilities"), ("What you'll do", "responsibilities"),
    ("Key Objectives", "responsibilities"), ("Duties:", "responsibilities"),
    ("Requirements", "requirements"), ("About you", "requirements"), ("Qualifications", "requirements"),
    ("What we're looking for", "requirements"), ("Benefits", "other"), ("About us", "other"),
    ("How to apply", "other"), ("Interview process", "other"), ("Our mission", "other"),
])
def test_headings(heading, kind):
    assert classify_heading(heading) == kind


def test_example_posting(library):
    draft = map_posting(read_posting(str(EXAMPLE_POSTING)), str(EXAMPLE_POSTING), library)
    found = ids(draft)
    assert draft.role == "Senior Sales Engineer"  # the front-matter title, not the "Rockstar" heading
    assert draft.level == "Senior"
    assert found[0] == "sales-and-negotiation"
    assert set(CORE) <= set(found)
    assert 4 <= len(found) <= 8
    assert "requirements" in draft.sections
    sales = draft.matches[0]
    assert sales.weight == 3
    assert any(e.line == 10 and "deals" in e.keywords for e in sales.evidence)
    # nothing from "What we offer" (benefits) is read as evidence
    assert all(e.line < 21 for m in draft.matches for e in m.evidence)


def test_starter_spec_names_the_matching_lines(library, tmp_path):
    starter = build_from_posting(str(EXAMPLE_POSTING), tmp_path / "kit", library=library)
    text = starter.spec_text
    assert "#   line 10: He will own the full sales cycle" in text
    assert "a core competency, always included" in text
    assert f"ih kit {(tmp_path / 'kit' / 'kit.yml').as_posix()} --out" in text
    data = load_yaml(text, "kit.yml")
    assert data["role"] == "Senior Sales Engineer"
    assert [c["id"] for c in data["competencies"]] == ids(starter.draft)
    planned = [s for stage in data["stages"] for s in stage["competencies"]]
    assert sorted(planned) == sorted(ids(starter.draft))  # every competency in exactly one stage


def test_spelling_variants_in_a_posting(library):
    text = ("# Operations Coordinator\n\n## Responsibilities\n\n"
            "- Prioritise competing demands and triage urgent requests\n"
            "- Keep the organisation's standard operating procedures up to date\n"
            "- Analyse our metrics and build dashboards\n")
    found = ids(map_posting(text, "job.md", library))
    assert {"prioritization", "operations-and-process-improvement", "data-analysis"} <= set(found)


def test_plain_text_one_paragraph_posting(library):
    text = ("Assistant Elections Clerk, County of Example — plan and schedule elections; "
            "supervise seasonal staff; reconcile ballots with accuracy and attention to detail. "
            "Qualifications: experience in public service and customer service. Salary: $50,000. "
            "Benefits: budgeting classes and a negotiation seminar.\n")
    draft = map_posting(text, "job.txt", library)
    found = ids(draft)
    assert draft.role == "Assistant Elections Clerk"
    assert {"attention-to-detail", "public-service"} <= set(found)
    # "Benefits:" is an inline label: what follows it is not evidence
    assert "budget-and-resource-management" not in found
    assert "sales-and-negotiation" not in found


def test_thin_posting_still_gets_a_usable_set(library):
    draft = map_posting("# Team Assistant\n\nJoin us.\n", "job.md", library)
    found = ids(draft)
    assert len(found) >= 4 and set(CORE) <= set(found)
    assert any(m.reason == "fallback" for m in draft.matches)


CORPUS = [
    ("sourcegraph-handbook/account-executive.md", {"sales-and-negotiation", "customer-focus"}),
    ("sourcegraph-handbook/customer-engineer.md", {"customer-focus", "sales-and-negotiation"}),
    ("tts-gsa/18f-content-designer-gs15.md", {"written-communication", "stakeholder-management"}),
    ("tts-gsa/18fchapterdirector23.md", {"people-leadership", "strategic-thinking"}),
    ("pythonjobs/genomicsplc-statistical-developer-html.md",
     {"technical-depth-software-engineering", "data-analysis"}),
]


@pytest.mark.parametrize(("name", "expected"), CORPUS, ids=[c[0].split("/")[-1] for c in CORPUS])
def test_real_postings(library, name, expected):
    path = CORPUS_JOBS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    draft = map_posting(read_posting(str(path)), str(path), library)
    found = ids(draft)
    assert expected <= set(found), found
    assert set(CORE) <= set(found)
    assert 4 <= len(found) <= 8
    top = [m for m in draft.matches if m.reason == "posting"]
    assert top and top[0].weight == 3


def test_a_keyword_inside_a_longer_one_does_not_count(library):
    text = "# Engineer\n\n## Responsibilities\n\n- Train machine learning models\n- Run programme reviews\n"
    evidence = {m.competency.id for m in map_posting(text, "job.md", library).matches if m.evidence}
    assert "technical-depth-machine-learning" in evidence
    assert "learning-agility" not in evidence  # "learning" is part of "machine learning" here
    assert "technical-depth-software-engineering" not in evidence  # a programme is not programming
