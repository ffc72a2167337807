"""Rule selectors: how .ih.yaml ``rules:`` keys and ``<!-- ih-disable ... -->`` directives name rules.

Grammar, tried in this order (the first form that matches wins):

=====================  =========================  ===============================================
form                   example                    selects
=====================  =========================  ===============================================
``all``                ``all``                    every rule
rule id                ``IH510``                  that rule (``ih510`` works too)
id prefix              ``IH5``, ``IH51``, ``IH``  every rule whose id starts with it
``category:<name>``    ``category:culture-fit``   a category (or category group), explicitly
rule name              ``jargon-job-title``       that rule
category               ``jargon``                 every rule of the category
category group         ``illegal-question``       every ``illegal-question:*`` category
=====================  =========================  ===============================================

A word that is both a rule name and a category (``culture-fit``) selects the rule; write
``category:culture-fit`` for the category. A prefix must match at least one rule.

``specificity`` orders the selectors of one configuration layer: broader selectors are applied
first, so ``{jargon: disable, IH510: enable}`` leaves IH510 on whatever the order of the keys.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import get_close_matches

from ..catalog.wordlists import Rule

ID_RE = re.compile(r"^IH\d{3}$", re.I)
PREFIX_RE = re.compile(r"^IH\d{0,2}$", re.I)
CATEGORY_PREFIX = "category:"
_LOOKALIKES = str.maketrans({"l": "1", "L": "1", "I": "1", "i": "1", "|": "1", "O": "0", "o": "0",
                             "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2"})


@dataclass(frozen=True)
class Selection:
    selector: str
    #: all | id | prefix | name | category | group
    kind: str
    rule_ids: frozenset[str]
    specificity: int


def _categories(rules: Mapping[str, Rule]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for rule in rules.values():
        out.setdefault(rule.category, set()).add(rule.id)
    return {k: frozenset(v) for k, v in out.items()}


def _groups(rules: Mapping[str, Rule]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for rule in rules.values():
        if ":" in rule.category:
            out.setdefault(rule.category.split(":", 1)[0], set()).add(rule.id)
    return {k: frozenset(v) for k, v in out.items()}


def _category_or_group(word: str, rules: Mapping[str, Rule], selector: str) -> Selection | None:
    categories = _categories(rules)
    if word in categories:
        return Selection(selector, "category", categories[word], 2)
    groups = _groups(rules)
    if word in groups:
        return Selection(selector, "group", groups[word], 1)
    return None


def resolve(selector: str, rules: Mapping[str, Rule]) -> Selection | None:
    """The rules ``selector`` names, or None when it names nothing."""
    text = selector.strip()
    if not text:
        return None
    if text.lower() == "all":
        return Selection(selector, "all", frozenset(rules), 0)
    if ID_RE.match(text):
        rule_id = text.upper()
        return Selection(selector, "id", frozenset({rule_id}), 6) if rule_id in rules else None
    if PREFIX_RE.match(text):
        prefix = text.upper()
        ids = frozenset(r for r in rules if r.startswith(prefix))
        return Selection(selector, "prefix", ids, 3 + len(prefix) - 2) if ids else None
    lower = text.lower()
    if lower.startswith(CATEGORY_PREFIX):
        return _category_or_group(lower[len(CATEGORY_PREFIX):], rules, selector)
    for rule in rules.values():
        if rule.name == lower:
            return Selection(selector, "name", frozenset({rule.id}), 6)
    return _category_or_group(lower, rules, selector)


def vocabulary(rules: Mapping[str, Rule]) -> list[str]:
    """Every valid selector word (for suggestions and docs)."""
    words = ["all", *rules, *(r.name for r in rules.values()), *_categories(rules), *_groups(rules)]
    return sorted(set(words))


def suggest(selector: str, rules: Mapping[str, Rule]) -> str | None:
    """The closest valid selector to an unknown one ("IH5l0" -> "IH510", "jargn" -> "jargon")."""
    text = selector.strip()
    if text[:2].upper() == "IH":
        # Letters typed for digits ("IH5l0", "IH1O1") are the commonest slip in an id.
        fixed = "IH" + text[2:].translate(_LOOKALIKES)
        if ID_RE.match(fixed) and fixed.upper() in rules:
            return fixed.upper()
    if ID_RE.match(text) or PREFIX_RE.match(text):
        near = get_close_matches(text.upper(), list(rules), n=1, cutoff=0.5)
        if near:
            return near[0]
    if text[:2].upper() == "IH":
        # Letters for digits ("IH5l0", "IHI01"): compare with the ids first.
        near = get_close_matches(text.upper(), list(rules), n=1, cutoff=0.6)
        if near:
            return near[0]
    near = get_close_matches(text.lower(), vocabulary(rules), n=1, cutoff=0.6)
    return near[0] if near else None


def unknown_message(selector: str, rules: Mapping[str, Rule]) -> str:
    """"unknown rule selector 'IH5l0' (did you mean 'IH510'?)"."""
    near = suggest(selector, rules)
    hint = f" (did you mean '{near}'?)" if near else ""
    return f"unknown rule selector '{selector}'{hint}: use a rule id (IH510), an id prefix (IH5), a rule " \
           f"name or a category"
