"""Kit spec validation: located one-line errors, suggestions, defaults."""

from __future__ import annotations

import re

import pytest
from kit_helpers import SPEC, library_fixture, spec_file_fixture  # noqa: F401 (fixtures)

from inclusive_hiring.kits.library import load_competency_files, load_library
from inclusive_hiring.kits.spec import DEFAULT_CONTACT, DEFAULT_MINUTES, DEFAULT_PANEL, load_spec
from inclusive_hiring.yamlio import DataError

LOCATED = re.compile(r"^.+kit\.yml:\d+: \S.*$")


def error_of(spec_file, library, text: str) -> str:
    with pytest.raises(DataError) as info:
        load_spec(spec_file(text), library)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_valid_spec_loads(spec_file, library):
    spec = load_spec(spec_file(), library)
    assert spec.role == "Support Engineer"
    assert [c.id for c in spec.competencies] == ["customer-focus", "problem-solving", "communication",
                                                 "collaboration"]
    assert spec.competencies[0].weight == 3
    assert spec.competencies[2].weight == 1  # a bare id gets the default weight
    assert spec.stages[1].competencies is None  # filled in by the planner


def test_defaults_for_optional_fields(spec_file, library):
    spec = load_spec(spec_file("role: Analyst\nlevel: Junior\ncompetencies: [data-analysis]\n"), library)
    assert spec.interview_minutes == DEFAULT_MINUTES
    assert spec.panel == DEFAULT_PANEL
    assert spec.stages == ()
    assert spec.accommodations_contact == DEFAULT_CONTACT
    assert spec.organization == ""
    assert (spec.decision.minimum_average, spec.decision.minimum_rating) == (3.0, 2)
    assert spec.competencies[0].questions == 2


def test_unknown_competency_suggests_the_nearest(spec_file, library):
    message = error_of(spec_file, library, SPEC.replace("- id: customer-focus", "- id: customer-focuss"))
    assert LOCATED.match(message), message
    assert ":5: unknown competency 'customer-focuss' (did you mean 'customer-focus'?)" in message


def test_british_spelling_and_partial_ids_get_a_suggestion(spec_file, library):
    text = "role: X\nlevel: Y\ncompetencies:\n  - prioritisation\n"
    assert "did you mean 'prioritization'?" in error_of(spec_file, library, text)
    text = "role: X\nlevel: Y\ncompetencies:\n  - negotiation\n"
    assert "did you mean 'sales-and-negotiation'?" in error_of(spec_file, library, text)


@pytest.mark.parametrize("field", ["role", "level", "competencies"])
def test_missing_required_field(spec_file, library, field):
    lines = [line for line in SPEC.splitlines() if not line.startswith(f"{field}:")]
    if field == "competencies":
        lines = [line for line in lines if not line.startswith(("  - id", "    weight", "  - comm",
                                                                  "  - coll"))]
    message = error_of(spec_file, library, "\n".join(lines) + "\n")
    assert LOCATED.match(message), message
    assert f"missing required field '{field}'" in message


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("interview_minutes: 45", "interview_minutes: forty", ":3: 'interview_minutes' must be a whole number"),
    ("interview_minutes: 45", "interview_minutes: 5", ":3: 'interview_minutes' must be between 15 and 240"),
    ("    weight: 3", "    weight: heavy", ":6: competency 'customer-focus': 'weight' must be a number"),
    ("role: Support Engineer", "role: [a, b]", ":1: 'role' must be text, not a list"),
    ("panel:\n  - Hiring manager\n  - Support engineer", "panel: yes",
     ":11: 'panel' must be a non-empty list"),
    ("  - Support engineer\nstages", "  - [Support engineer]\nstages",
     ":13: each item of 'panel' must be text, not a list"),
    ("competencies:\n  - id: customer-focus", "competencies:\n  - id: customer-focus\n    weigth: 2",
     ":6: unknown competency key 'weigth' (did you mean 'weight'?)"),
    ("stages:", "stagse:", "unknown spec key 'stagse' (did you mean 'stages'?)"),
])
def test_wrong_types_and_keys_are_located(spec_file, library, old, new, expected):
    assert old in SPEC
    message = error_of(spec_file, library, SPEC.replace(old, new, 1))
    assert LOCATED.match(message), message
    assert expected in message, message


def test_interviewer_must_be_in_the_panel(spec_file, library):
    message = error_of(spec_file, library, SPEC.replace("[Hiring manager, Support engineer]",
                                                        "[Hiring manger, Support engineer]"))
    assert "interviewer 'Hiring manger' is not in the panel (did you mean 'Hiring manager'?)" in message


def test_stage_competency_must_be_in_the_spec_list(spec_file, library):
    message = error_of(spec_file, library, SPEC.replace("[customer-focus, problem-solving]",
                                                        "[customer-focus, data-analysis]"))
    assert "'data-analysis' is not in the spec's 'competencies' list" in message


def test_duplicate_competency(spec_file, library):
    message = error_of(spec_file, library, SPEC.replace("  - collaboration\n", "  - communication\n"))
    assert "competency 'communication' is listed twice" in message


def test_not_a_mapping_and_bad_yaml(spec_file, library):
    assert "a kit spec must be a mapping" in error_of(spec_file, library, "- just\n- a list\n")
    message = error_of(spec_file, library, "role: [unclosed\n")
    assert LOCATED.match(message) and "invalid YAML" in message


def test_organisation_competencies_add_and_override(tmp_path, spec_file):
    extra = tmp_path / "ours.yml"
    extra.write_text("""\
competencies:
  customer-focus:
    name: Client care
  patient-safety:
    name: Patient safety
    group: operations
    definition: Keeps patients safe by following and improving safety procedures.
    questions:
      behavioural:
        - text: Tell me about a time you noticed a risk to a patient.
          probes: [What did you do first?, What changed afterwards?]
    rubric:
      1: Gives no example of noticing or acting on a risk to a patient.
      2: Gives an example but cannot say what they did themselves.
      3: Describes their own actions but is vague about the result.
      4: Describes their actions, whom they told, and a clear result.
      5: Describes their actions and result, and how they changed the procedure afterwards.
""", encoding="utf-8")
    library = load_library(load_competency_files(extra))
    assert library["customer-focus"].name == "Client care"
    assert library["customer-focus"].questions  # the shipped questions are kept
    assert library["patient-safety"].group == "operations"
    spec = load_spec(spec_file("role: Nurse\nlevel: Senior\ncompetencies: [patient-safety]\n"), library)
    assert spec.competencies[0].id == "patient-safety"


def test_organisation_competency_errors_are_located(tmp_path):
    extra = tmp_path / "ours.yml"
    extra.write_text("competencies:\n  new-one:\n    name: New\n    definition: Does a thing.\n"
                     "    questions: {behavioural: [Tell me about a time you did a thing.]}\n"
                     "    rubric: {1: a, 2: b, 3: c, 4: d}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_library(load_competency_files(extra))
    assert str(info.value).startswith(f"{extra}:6: competency 'new-one': rubric is missing level 5")
