"""Every kit lints clean: its rendered parts pass the posting word lists, and every question and
probe passes the interview-question checks. ``kit_question_texts`` lists what a kit asks, so new
question checks apply here without changing these tests."""

from __future__ import annotations

import pytest
from kit_helpers import CORPUS_JOBS, EXAMPLE_POSTING, library_fixture  # noqa: F401 (fixtures)

from inclusive_hiring.kits.build import build_from_posting, example_spec
from inclusive_hiring.kits.checks import check_kit, kit_question_texts, lint_files, lint_questions
from inclusive_hiring.kits.plan import build_plan
from inclusive_hiring.kits.render import render_kit
from inclusive_hiring.kits.spec import spec_from_text


def test_kit_question_texts_lists_every_question_and_probe(library, tmp_path):
    kit = build_from_posting(str(EXAMPLE_POSTING), tmp_path, library=library).kit
    texts = kit_question_texts(kit)
    for stage in kit.stages:
        for slot in stage.slots:
            for question in slot.questions:
                assert question.text in texts
                assert set(question.probes) <= set(texts)
    assert len(texts) == len(set(texts))


def test_the_checks_can_fail(library):
    """The checks used below do report problems, so a clean result means something."""
    assert lint_files({"plan.md": "# Plan\n\nWe want a rockstar who can crush it.\n"})
    assert lint_questions(["Are you married?", "Tell me about a time you solved a problem."])


def test_library_questions_pass_the_question_checks(library):
    texts = [t for comp in library.values() for q in comp.questions for t in (q.text, *q.probes)]
    assert len(texts) > 500
    assert lint_questions(texts) == []


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_kit_with_every_competency_lints_clean(library, fmt):
    """The whole library, with as many questions as a spec allows, through every template."""
    lines = ["role: Generalist", "level: Mid-level", "interview_minutes: 240", "questions_per_competency: 4",
             "competencies:"] + [f"  - {cid}" for cid in library]
    kit = build_plan(spec_from_text("\n".join(lines) + "\n", "all.yml", library), library)
    assert {slot.competency.id for stage in kit.stages for slot in stage.slots} == set(library)
    files = render_kit(kit, fmt)
    assert check_kit(kit, files) == []


def test_example_posting_kit_lints_clean(library, tmp_path):
    for fmt in ("markdown", "html"):
        starter = build_from_posting(str(EXAMPLE_POSTING), tmp_path, fmt=fmt, library=library)
        assert check_kit(starter.kit, starter.files) == []


def test_init_example_kit_lints_clean(library, tmp_path):
    kit = build_plan(spec_from_text(example_spec(tmp_path / "kit.yml", library), "kit.yml", library), library)
    assert check_kit(kit, render_kit(kit)) == []


@pytest.mark.parametrize("name", [
    "sourcegraph-handbook/account-executive.md",
    "tts-gsa/18f-content-designer-gs15.md",
    "pythonjobs/genomicsplc-statistical-developer-html.md",
])
def test_kits_from_real_postings_lint_clean(library, tmp_path, name):
    path = CORPUS_JOBS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    starter = build_from_posting(str(path), tmp_path, library=library)
    assert check_kit(starter.kit, starter.files) == []
