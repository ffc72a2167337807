"""Facts about one document that several rules and the metrics read: computed once, on first use,
never from another rule's findings.

Each fact is a lazily computed property; the code that computes it lives with the topic it belongs
to (the pay patterns in ``rules/pay_transparency.py``, the coded words in ``rules/gender_coding.py``)
so a rule and its fact change together. :meth:`Facts.metrics` is what ``FileResult.metrics`` holds,
in a fixed order, whichever rules ran.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..text.words import WORD_RE

if TYPE_CHECKING:
    from ..catalog.wordlists import Rule
    from ..frames.analysis import Analysis
    from ..rules.requirements import RequiredItem
    from ..text.markup import Prepared
    from ..text.syllables import SyllableCounter
    from .kinds import Question


@dataclass(frozen=True)
class Pay:
    """What the posting says about pay."""

    #: a range with both ends ("$70,000 - $85,000", "GS-12")
    range: bool
    #: currency figures (offsets in the normalised text), when there is no range
    figures: tuple[tuple[int, int], ...] = ()
    #: open-ended figures and vague wording: (start, end, "open" or "vague"), when there is no range
    flagged: tuple[tuple[int, int, str], ...] = ()
    #: the currency the posting writes figures in ("£", "$", "KES "), or ""
    currency: str = ""

    @property
    def stated(self) -> bool:
        """Whether the posting gives any pay figure at all (a range or a single amount)."""
        return self.range or bool(self.figures)


class Facts:
    """The facts of one document, with the options of the rules that shape them."""

    def __init__(self, prepared: Prepared, *, rules: Mapping[str, Rule], data: Mapping[str, dict[str, Any]],
                 extras: Mapping[str, Any], options: Mapping[str, Mapping[str, Any]],
                 syllables: SyllableCounter, words: list[str] | None = None) -> None:
        self.prepared = prepared
        self.rules = rules
        self.data = data
        self.extras = extras
        self.options = options
        self.syllables = syllables
        if words is not None:
            self.__dict__["words"] = words

    def option(self, rule_id: str, key: str) -> Any:
        """A rule option: the configured value, else the rule's default from the word lists."""
        configured = self.options.get(rule_id, {})
        if key in configured:
            return configured[key]
        return self.rules[rule_id].options[key]

    @functools.cached_property
    def words(self) -> list[str]:
        """Lower-cased words of the document (``WORD_RE``)."""
        return WORD_RE.findall(self.prepared.lower)

    @functools.cached_property
    def english_share(self) -> float:
        """The share of the words that are common English function words (``rules/language.py``)."""
        from ..rules.language import english_share

        return english_share(self.words, self.data["language"]["cues"]["function_words"])

    @functools.cached_property
    def reads_english(self) -> bool:
        """Whether the document reads as English: too short to tell, or enough function words."""
        if len(self.words) < int(self.option("IH820", "min_words")):
            return True
        return self.english_share >= float(self.option("IH820", "min_english_share"))

    @functools.cached_property
    def pay(self) -> Pay:
        from ..rules.pay_transparency import pay_facts

        return pay_facts(self.prepared, self.data["pay-transparency"]["cues"])

    @functools.cached_property
    def statements(self) -> dict[str, bool]:
        """Whether the posting has an equal-opportunity statement and an accommodation route."""
        from ..rules.eeo import statements

        return statements(self.prepared, self.data["eeo"]["cues"])

    @functools.cached_property
    def gender_coding(self) -> dict[str, Any]:
        """The coded words and the verdict (the ``gender_coding`` metric)."""
        from ..rules.gender_coding import gender_coding

        return gender_coding(self)

    @functools.cached_property
    def reading(self) -> tuple[float | None, float]:
        """(Flesch-Kincaid grade, mean words per sentence)."""
        from ..rules.readability import reading

        return reading(self.words, self.prepared.normal, self.syllables)

    @functools.cached_property
    def bullet_share(self) -> float:
        from ..rules.length import bullet_share

        return round(bullet_share(self.prepared, len(self.words)), 3)

    @functools.cached_property
    def required_items(self) -> list[RequiredItem]:
        """The list items under must-have headings, alternatives grouped."""
        from ..rules.requirements import required_items

        return required_items(self.prepared)

    @functools.cached_property
    def requirements(self) -> int:
        """How many must-have requirements the posting lists (a group of alternatives is one)."""
        return len({item.group for item in self.required_items})

    @functools.cached_property
    def frames(self) -> Analysis:
        """The frame engine's reading: sentences, traits, who they are about, preferences, and
        the lawful bases relied on (``frames/``, docs/detection.md)."""
        from ..frames.analysis import analyse

        return analyse(self.prepared, self.words)

    @functools.cached_property
    def questions(self) -> list[Question]:
        from .kinds import split_questions

        return split_questions(self.prepared)

    def metrics(self, kind: str) -> dict[str, Any]:
        """The metrics of a document of ``kind``, in the order of the wire schema; ``kind_reason``
        last when ``kind`` carries one (``kinds.Kind``: why the file was read as this kind)."""
        out: dict[str, Any]
        if kind == "questions":
            from ..results import empty_metrics
            from ..rules.question_structure import question_metrics

            out = {"words": len(self.words), "reading_grade": None,
                   "gender_coding": empty_metrics()["gender_coding"],
                   "questions": question_metrics(self.prepared, self.questions)}
        else:
            grade, mean = self.reading if self.reads_english else (None, 0.0)
            out = {"words": len(self.words), "reading_grade": grade, "gender_coding": self.gender_coding,
                   "pay": {"range": self.pay.range}, "statements": self.statements,
                   "mean_sentence_words": mean, "bullet_share": self.bullet_share,
                   "requirements": self.requirements}
        reason = getattr(kind, "reason", None)
        if reason:
            out["kind_reason"] = reason
        return out
