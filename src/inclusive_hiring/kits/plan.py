"""The interview plan: which stage assesses which competency, who leads, and the time boxes.

Rules (docs/kits.md, "How the plan is made"):

- Every competency is assessed in exactly one stage, unless the spec gives a ``repeat_reason``;
  a repeated competency gets different questions in each stage.
- Competencies a stage does not list are spread over the stages that list none, balancing the
  question time against each stage's length.
- Each stage opens with 5 minutes of welcome and closes with 10 minutes (5 in interviews under
  40 minutes) for the candidate's questions: candidate questions come after the scored part
  (Campion et al. 1997, component 7). The rest is split between the competencies in proportion to
  their questions; a question gets at least 5 and at most 15 minutes.
- In a stage, every interviewer takes notes and rates every competency on their own; the lead
  asks the questions, and the lead role rotates between them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..yamlio import DataError
from .library import Competency, Library, Question
from .spec import Decision, Spec, SpecStage, slugify

OPENING_MINUTES = 5
MIN_QUESTION_MINUTES = 5
PLAN_QUESTION_MINUTES = 8  # used to decide how many stages a spec without stages needs
MAX_QUESTION_MINUTES = 15


def closing_minutes(stage_minutes: int) -> int:
    return 10 if stage_minutes >= 40 else 5


@dataclass(frozen=True)
class Slot:
    """One competency in one stage."""

    competency: Competency
    weight: float
    questions: tuple[Question, ...]
    lead: str
    start: int
    minutes: int
    repeat_reason: str

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Stage:
    number: int
    name: str
    slug: str
    minutes: int
    interviewers: tuple[str, ...]
    slots: tuple[Slot, ...]
    opening_minutes: int
    #: minute at which the candidate's questions start
    closing_start: int

    @property
    def question_count(self) -> int:
        return sum(len(s.questions) for s in self.slots)


@dataclass(frozen=True)
class Interviewer:
    number: int
    role: str
    slug: str
    stages: tuple[Stage, ...]

    @property
    def slot_count(self) -> int:
        return sum(len(s.slots) for s in self.stages)

    @property
    def competency_ids(self) -> frozenset[str]:
        """The competencies this interviewer rates."""
        return frozenset(slot.competency.id for stage in self.stages for slot in stage.slots)


@dataclass(frozen=True)
class KitCompetency:
    competency: Competency
    weight: float
    #: the weight as a share of all weights, 0-1
    share: float
    stages: tuple[str, ...]
    repeat_reason: str


@dataclass(frozen=True)
class Kit:
    spec: Spec
    stages: tuple[Stage, ...]
    interviewers: tuple[Interviewer, ...]
    competencies: tuple[KitCompetency, ...]

    @property
    def decision(self) -> Decision:
        return self.spec.decision

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.competencies)

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.stages)

    @property
    def question_count(self) -> int:
        return sum(s.question_count for s in self.stages)


def _available(minutes: int) -> int:
    return minutes - OPENING_MINUTES - closing_minutes(minutes)


def _default_stages(spec: Spec) -> tuple[SpecStage, ...]:
    questions = sum(c.questions for c in spec.competencies)
    per_stage = max(1, _available(spec.interview_minutes) // PLAN_QUESTION_MINUTES)
    count = min(9, max(1, math.ceil(questions / per_stage)))
    names = ["Structured interview"] if count == 1 else [f"Interview {i}" for i in range(1, count + 1)]
    return tuple(SpecStage(name=n, slug=slugify(n), minutes=spec.interview_minutes, interviewers=None,
                           competencies=None, line=0) for n in names)


def _interviewers(spec: Spec, stages: tuple[SpecStage, ...]) -> list[tuple[str, ...]]:
    panel = spec.panel
    open_stages = [s for s in stages if s.interviewers is None]
    per_stage = max(min(2, len(panel)), math.ceil(len(panel) / max(1, len(open_stages))))
    out: list[tuple[str, ...]] = []
    turn = 0
    for stage in stages:
        if stage.interviewers is not None:
            out.append(stage.interviewers)
            continue
        picked = [panel[(turn * per_stage + j) % len(panel)] for j in range(per_stage)]
        out.append(tuple(dict.fromkeys(picked)))
        turn += 1
    used = {who for group in out for who in group}
    for who in panel:
        if who not in used:
            raise DataError(spec.path, None, f"panel role '{who}' sits on no stage: add them to a "
                                             "stage's 'interviewers' or remove them from 'panel'")
    return out


def _assign(spec: Spec, stages: tuple[SpecStage, ...]) -> list[list[str]]:
    """Competency ids per stage (spec order within a stage)."""
    by_id = {c.id: c for c in spec.competencies}
    assigned: list[list[str]] = [list(s.competencies or ()) for s in stages]
    where: dict[str, list[str]] = {}
    for stage, ids in zip(stages, assigned, strict=True):
        for cid in ids:
            where.setdefault(cid, []).append(stage.name)
    for cid, names in where.items():
        if len(names) > 1 and not by_id[cid].repeat_reason:
            raise DataError(spec.path, by_id[cid].line,
                            f"competency '{cid}' is assessed in stages '{names[0]}' and '{names[1]}': "
                            "assess each competency once, or give the reason as 'repeat_reason'")
    open_idx = [i for i, s in enumerate(stages) if s.competencies is None]
    todo = [c for c in spec.competencies if c.id not in where]
    if todo and not open_idx:
        raise DataError(spec.path, todo[0].line,
                        f"competency '{todo[0].id}' is assessed in no stage: add it to a stage's "
                        "'competencies' (or leave one stage's list out so that ih fills it)")
    load = [sum(by_id[c].questions for c in ids) for ids in assigned]
    for comp in todo:
        # The open stage with the most question time left, relative to its length; first on a tie.
        best = min(open_idx, key=lambda i: ((load[i] + comp.questions) * PLAN_QUESTION_MINUTES
                                            / max(1, _available(stages[i].minutes)), i))
        assigned[best].append(comp.id)
        load[best] += comp.questions
    order = {c.id: n for n, c in enumerate(spec.competencies)}
    for stage, ids in zip(stages, assigned, strict=True):
        if not ids:
            raise DataError(spec.path, stage.line or None,
                            f"stage '{stage.name}' has no competency to assess: remove the stage, "
                            "or move a competency to it")
        if stage.competencies is None:
            ids.sort(key=order.__getitem__)
    return assigned


def _split(total: int, parts: list[int] | list[float]) -> list[int]:
    """Split ``total`` minutes in proportion to ``parts`` (largest remainder, stable)."""
    whole = sum(parts)
    raw = [total * p / whole for p in parts]
    out = [math.floor(r) for r in raw]
    rest = total - sum(out)
    for i in sorted(range(len(parts)), key=lambda i: (-(raw[i] - out[i]), i))[:rest]:
        out[i] += 1
    return out


def _rotate(questions: tuple[Question, ...], offset: int, count: int) -> tuple[Question, ...]:
    if not questions:
        return ()
    return tuple(questions[(offset + i) % len(questions)] for i in range(min(count, len(questions))))


def build_plan(spec: Spec, library: Library) -> Kit:
    """Plan the kit for a validated spec; raise DataError when the spec cannot be planned."""
    stages = spec.stages or _default_stages(spec)
    people = _interviewers(spec, stages)
    assigned = _assign(spec, stages)
    by_id = {c.id: c for c in spec.competencies}
    asked: dict[str, int] = {}
    planned: list[Stage] = []
    for number, (stage, who, ids) in enumerate(zip(stages, people, assigned, strict=True), start=1):
        questions = [by_id[cid].questions for cid in ids]
        available = _available(stage.minutes)
        needed = sum(questions) * MIN_QUESTION_MINUTES
        if needed > available:
            raise DataError(
                spec.path, stage.line or None,
                f"stage '{stage.name}' has {available} minutes for questions, but its "
                f"{sum(questions)} questions need at least {needed}: make it longer ('minutes'), "
                "add a stage, or ask fewer questions ('questions_per_competency')")
        room = min(available, sum(questions) * MAX_QUESTION_MINUTES)
        minutes = _split(room, questions)
        slots = []
        clock = OPENING_MINUTES
        for i, (cid, length) in enumerate(zip(ids, minutes, strict=True)):
            comp = library[cid]
            ordered = comp.pick_questions(len(comp.questions))
            picked = _rotate(ordered, asked.get(cid, 0), by_id[cid].questions)
            asked[cid] = asked.get(cid, 0) + len(picked)
            slots.append(Slot(competency=comp, weight=by_id[cid].weight, questions=picked,
                              lead=who[i % len(who)], start=clock, minutes=length,
                              repeat_reason=by_id[cid].repeat_reason))
            clock += length
        planned.append(Stage(number=number, name=stage.name, slug=stage.slug, minutes=stage.minutes,
                             interviewers=who, slots=tuple(slots), opening_minutes=OPENING_MINUTES,
                             closing_start=clock))
    interviewers = []
    slugs: set[str] = set()
    for number, role in enumerate(spec.panel, start=1):
        slug = base = slugify(role)
        n = 2
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        slugs.add(slug)
        sits = tuple(s for s in planned if role in s.interviewers)
        interviewers.append(Interviewer(number=number, role=role, slug=slug, stages=sits))
    total_weight = sum(c.weight for c in spec.competencies)
    competencies = tuple(
        KitCompetency(competency=library[c.id], weight=c.weight, share=c.weight / total_weight,
                      stages=tuple(s.name for s in planned if any(x.competency.id == c.id for x in s.slots)),
                      repeat_reason=c.repeat_reason)
        for c in spec.competencies)
    return Kit(spec=spec, stages=tuple(planned), interviewers=tuple(interviewers),
               competencies=competencies)
