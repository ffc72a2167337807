"""The questions ``ih new posting`` asks when no spec is given, and the spec it saves.

Each answer is checked as it is typed (a list stops at its cap, a currency must be one ih knows,
``max`` must not be below ``min``), so the saved spec validates. Questions that only some laws
need (the AI and vacancy statements) are asked only where the configured places require them.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any

import typer

from .law import LawNeeds
from .pay import CURRENCIES, PERIODS, currency_for
from .spec import (
    ARRANGEMENTS,
    ITEM_CHARS,
    MAX_BENEFITS,
    MAX_MUST_HAVES,
    MAX_NICE_TO_HAVES,
    MAX_RESPONSIBILITIES,
    MAX_STAGES,
    names_credential,
)

Ask = Callable[..., Any]


def _say(text: str) -> None:
    typer.echo(text)


def _text(ask: Ask, question: str, *, optional: bool = False, limit: int = 120,
          check: Callable[[str], str | None] | None = None) -> str:
    """One line of text; ``check`` returns an error message or None."""
    while True:
        answer = " ".join(str(ask(question, default="", show_default=False)).split())
        if not answer and optional:
            return ""
        problem = ("please answer (it cannot be empty)" if not answer
                   else f"at most {limit} characters, please" if len(answer) > limit
                   else check(answer) if check else None)
        if problem is None:
            return answer
        _say(f"  {problem}")


def _items(ask: Ask, title: str, most: int, *, least: int = 1) -> list[str]:
    """A list typed one item per line; an empty line ends it."""
    _say(f"{title} (one per line, at most {most}; an empty line ends the list)")
    items: list[str] = []
    while len(items) < most:
        answer = _text(ask, f"  {len(items) + 1}", optional=True, limit=ITEM_CHARS)
        if not answer:
            if len(items) >= least:
                break
            _say(f"  please give at least {least}")
            continue
        if answer.casefold() in (i.casefold() for i in items):
            _say("  already listed")
            continue
        items.append(answer)
    else:
        _say(f"  that is the most this section takes ({most})")
    return items


def _must_haves(ask: Ask) -> list[Any]:
    items = _items(ask, "What you need: the must-haves, only what the job cannot be done without. "
                        "Put the rest under nice to have", MAX_MUST_HAVES)
    out: list[Any] = []
    for item in items:
        if names_credential(item) and "equivalent" not in item.lower():
            if typer.confirm(f"'{item}' names a credential: can equivalent experience stand in for it?",
                             default=True):
                out.append(item)
                continue
            reason = _text(ask, "  Why can it not (for example, the law requires it)?", limit=ITEM_CHARS)
            out.append({"text": item, "equivalent": False, "reason": reason})
        else:
            out.append(item)
    return out


def _choice(ask: Ask, question: str, choices: tuple[str, ...], default: str) -> str:
    while True:
        answer = str(ask(f"{question} ({'/'.join(choices)})", default=default)).strip().lower()
        if answer in choices:
            return answer
        _say(f"  one of {', '.join(choices)}, please")


def _number(ask: Ask, question: str, low: float = 0.0) -> int | float:
    while True:
        value = ask(question, type=float)
        if low < value < 1e9:
            return int(value) if float(value).is_integer() else round(value, 2)
        _say(f"  more than {low:g}, please" if value <= low else "  less than 1,000,000,000, please")


def _pay(ask: Ask) -> dict[str, Any]:
    def known(answer: str) -> str | None:
        return None if currency_for(answer) else f"one of {', '.join(CURRENCIES)}, $, £ or €, please"

    currency = _text(ask, "Currency of the pay range (a code such as USD, GBP, CAD, or $, £, €)", check=known)
    period = _choice(ask, "Pay per", tuple(PERIODS), "year")
    low = _number(ask, f"Lowest pay for this role, per {period} (a number, such as 52000)")
    while True:
        high = _number(ask, f"Highest pay for this role, per {period}")
        if high >= low:
            break
        _say(f"  the highest pay cannot be less than the lowest ({low:g})")
    pay: dict[str, Any] = {"currency": currency.upper() if currency[0].isalpha() else currency,
                           "min": low, "max": high, "period": period}
    notes = _text(ask, "Anything more about pay, such as overtime or a bonus (optional)", optional=True,
                  limit=ITEM_CHARS)
    if notes:
        pay["notes"] = notes
    return pay


def _deadline(ask: Ask, required: bool) -> _dt.date | None:
    def valid(answer: str) -> str | None:
        try:
            _dt.date.fromisoformat(answer)
        except ValueError:
            return "a date written YYYY-MM-DD, please"
        return None

    label = "Date applications close (YYYY-MM-DD" + (")" if required else ", optional)")
    answer = _text(ask, label, optional=not required, check=valid)
    return _dt.date.fromisoformat(answer) if answer else None


def _stages(ask: Ask) -> list[Any]:
    _say("Interview stages, in order, such as 'Skills interview, 60' (name, then minutes if you know them)")
    stages: list[Any] = []
    for line in _items(ask, "Stages", MAX_STAGES, least=0):
        match = re.fullmatch(r"(.+?),\s*(\d{1,3})(?:\s*min(?:utes?)?)?", line)
        if match and 5 <= int(match.group(2)) <= 480:
            stages.append({"name": match.group(1).strip(), "minutes": int(match.group(2))})
        else:
            stages.append(line)
    return stages


def ask_answers(law: LawNeeds, answers: dict[str, Any], ask: Ask | None = None) -> dict[str, Any]:
    """Ask every question, filling ``answers`` in the spec's own field order as they come (so
    that the caller keeps what was typed if the questions are cut short)."""
    ask = ask or typer.prompt
    if law.codes:
        _say(f"Writing a posting for {law.described(law.codes)} (jurisdictions: in your configuration).")
    answers["role"] = _text(ask, "Job title")
    answers["organization"] = _text(ask, "Organization")
    answers["location"] = _text(ask, "Location (city, region or country)")
    answers["work_arrangement"] = _choice(ask, "Where the work happens", ARRANGEMENTS, "on-site")
    hours = _text(ask, "Hours, such as 'Full time, 37.5 hours a week' (optional)", optional=True)
    if hours:
        answers["hours"] = hours
    flexibility = _text(ask, "Flexible working on offer, such as core hours or part time (optional)",
                        optional=True, limit=600)
    if flexibility:
        answers["flexibility"] = flexibility
    answers["about"] = _text(ask, "About the role: what the team does and why the role matters "
                                  "(two or three sentences)", limit=1200)
    answers["responsibilities"] = _items(ask, "What you will do", MAX_RESPONSIBILITIES)
    answers["must_haves"] = _must_haves(ask)
    nice = _items(ask, "Nice to have (clearly optional)", MAX_NICE_TO_HAVES, least=0)
    if nice:
        answers["nice_to_haves"] = nice
    answers["pay"] = _pay(ask)
    answers["benefits"] = _items(ask, "Benefits, such as health cover, paid leave, a pension", MAX_BENEFITS)
    stages = _stages(ask)
    page = _text(ask, "Web address of your guide for candidates (the kit's candidate page; optional)",
                 optional=True, limit=ITEM_CHARS)
    if stages or page:
        answers["interview"] = {**({"stages": stages} if stages else {}),
                                **({"candidate_page": page} if page else {})}
    answers["apply"] = _text(ask, "How to apply, such as 'Apply at https://example.com/jobs/42'",
                             limit=ITEM_CHARS)
    deadline = _deadline(ask, bool(law.extra.get("application-deadline")))
    if deadline:
        answers["application_deadline"] = deadline
    if law.extra.get("ai-use-disclosure"):
        if typer.confirm("Do you use AI to screen, assess or select applicants?", default=False):
            answers["ai_use"] = _text(ask, "  How is it used?", limit=600)
        else:
            answers["ai_use"] = False
    if law.extra.get("vacancy-status"):
        answers["existing_vacancy"] = typer.confirm("Is the posting for an existing vacancy?", default=True)
    answers["accommodations_contact"] = _text(ask, "Contact for accommodation requests (an email address "
                                                   "or phone number)", limit=ITEM_CHARS)
    return answers


def spec_yaml(answers: dict[str, Any], command: str) -> str:
    """The answers as a spec file, with a comment that says how to use it."""
    import yaml

    body = yaml.safe_dump(answers, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return (f"# A posting spec written by ih new posting (fields: docs/new-posting.md).\n"
            f"# Edit it, then write the posting again: {command} --force\n{body}")
