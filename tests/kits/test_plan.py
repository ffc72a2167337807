"""Planning: each competency once (unless a reason is given), time boxes, interviewers."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from kit_helpers import SPEC, library_fixture, spec_file_fixture  # noqa: F401 (fixtures)

from inclusive_hiring.kits.plan import OPENING_MINUTES, build_plan, closing_minutes
from inclusive_hiring.kits.spec import load_spec, spec_from_text
from inclusive_hiring.yamlio import DataError


def plan_of(text: str, library):
    return build_plan(spec_from_text(text, "kit.yml", library), library)


def assessed(kit) -> Counter:
    return Counter(slot.competency.id for stage in kit.stages for slot in stage.slots)


def test_every_competency_once(spec_file, library):
    kit = build_plan(load_spec(spec_file(), library), library)
    counts = assessed(kit)
    assert set(counts) == {"customer-focus", "problem-solving", "communication", "collaboration"}
    assert set(counts.values()) == {1}
    # the open stage got what the first stage did not list
    assert [s.competency.id for s in kit.stages[1].slots] == ["communication", "collaboration"]


def test_time_boxes_fill_each_stage(spec_file, library):
    kit = build_plan(load_spec(spec_file(), library), library)
    for stage in kit.stages:
        assert stage.slots[0].start == OPENING_MINUTES
        for before, after in pairwise(stage.slots):
            assert before.end == after.start
        assert stage.closing_start + closing_minutes(stage.minutes) <= stage.minutes
        assert all(slot.minutes >= 5 * len(slot.questions) for slot in stage.slots)


def test_leads_rotate_and_every_panel_member_gets_a_scorecard(spec_file, library):
    kit = build_plan(load_spec(spec_file(), library), library)
    assert [s.lead for s in kit.stages[0].slots] == ["Hiring manager", "Support engineer"]
    assert [i.role for i in kit.interviewers] == ["Hiring manager", "Support engineer"]
    assert [s.name for s in kit.interviewers[1].stages] == ["Skills interview", "Team interview"]
    assert kit.interviewers[0].competency_ids == {"customer-focus", "problem-solving"}


def test_questions_are_never_repeated(library):
    kit = plan_of(SPEC, library)
    texts = [q.text for stage in kit.stages for slot in stage.slots for q in slot.questions]
    assert len(texts) == len(set(texts)) == 8
    kinds = [q.kind for q in kit.stages[0].slots[0].questions]
    assert kinds == ["behavioural", "situational"]


def test_a_competency_twice_needs_a_reason(library):
    text = SPEC.replace("    interviewers: [Support engineer]",
                        "    interviewers: [Support engineer]\n"
                        "    competencies: [customer-focus, communication, collaboration]")
    with pytest.raises(DataError) as info:
        plan_of(text, library)
    assert "competency 'customer-focus' is assessed in stages 'Skills interview' and 'Team interview'" \
        in str(info.value)
    assert str(info.value).startswith("kit.yml:5: ")
    with_reason = text.replace("    weight: 3", "    weight: 3\n    repeat_reason: the core of the job")
    kit = plan_of(with_reason, library)
    assert assessed(kit)["customer-focus"] == 2
    first, second = (slot for stage in kit.stages for slot in stage.slots
                     if slot.competency.id == "customer-focus")
    assert not {q.text for q in first.questions} & {q.text for q in second.questions}
    assert kit.competencies[0].stages == ("Skills interview", "Team interview")


def test_no_stages_given(library):
    text = ("role: Analyst\nlevel: Junior\ninterview_minutes: 45\n"
            "competencies: [data-analysis, communication, collaboration, problem-solving, ownership]\n")
    kit = plan_of(text, library)
    assert len(kit.stages) >= 2
    assert set(assessed(kit).values()) == {1}
    assert all(stage.interviewers for stage in kit.stages)


def test_stage_too_short(library):
    text = SPEC.replace("  - name: Skills interview\n", "  - name: Skills interview\n    minutes: 20\n")
    with pytest.raises(DataError) as info:
        plan_of(text, library)
    assert "stage 'Skills interview' has 10 minutes for questions" in str(info.value)
    assert str(info.value).startswith("kit.yml:15: ")


def test_competency_in_no_stage(library):
    text = SPEC.replace("    interviewers: [Support engineer]",
                        "    interviewers: [Support engineer]\n    competencies: [communication]")
    with pytest.raises(DataError) as info:
        plan_of(text, library)
    assert "competency 'collaboration' is assessed in no stage" in str(info.value)


def test_panel_member_on_no_stage(library):
    text = SPEC.replace("  - Support engineer\nstages", "  - Support engineer\n  - Recruiter\nstages")
    with pytest.raises(DataError) as info:
        plan_of(text, library)
    assert "panel role 'Recruiter' sits on no stage" in str(info.value)


def test_weight_shares(library):
    kit = plan_of(SPEC, library)
    assert sum(c.share for c in kit.competencies) == pytest.approx(1)
    assert [round(c.share, 3) for c in kit.competencies] == [0.429, 0.286, 0.143, 0.143]
