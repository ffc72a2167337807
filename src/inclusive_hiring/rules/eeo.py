"""IH750/IH751: an equal-opportunity statement and an accommodation route are present."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..text.search import find_phrases, has_phrase
from . import DocumentRule

if TYPE_CHECKING:
    from ..lint.context import Context
    from ..text.markup import Prepared


def statements(prepared: Prepared, cues: dict[str, Any]) -> dict[str, bool]:
    """Whether the text has an EEO statement and an accommodation route (a shared fact): an EEO
    cue in a statement of the employer's policy, not in a duty of the job; an accommodation cue in
    a sentence about applying or being assessed."""
    text = prepared.normal
    eeo = tuple(cues["eeo"])
    strong, weak = tuple(cues["accommodation"]), tuple(cues["accessibility"])
    process, request = tuple(cues["hiring_process"]), tuple(cues["request_frames"])
    found = {"eeo": False, "accommodation": False}
    if has_phrase(text, eeo, prepared.lower):
        found["eeo"] = any(_is_policy(sentence, cues) for sentence in _sentences_with(text, eeo))
    if has_phrase(text, strong + weak, prepared.lower):
        found["accommodation"] = any(
            has_phrase(sentence, process) or (has_phrase(sentence, strong) and has_phrase(sentence, request))
            for sentence in _sentences_with(text, strong + weak))
    return found


_SENTENCE = re.compile(r"[^\n.!?;]+(?:[.!?;]+|$)", re.M)
_STOPS = re.compile(r"[\n.!?;]")


def _sentences_with(text: str, phrases: tuple[str, ...]) -> list[str]:
    """The sentences (split at line breaks and . ! ? ;) that hold one of ``phrases``: found from
    the phrases' matches in the whole text, not by testing every sentence."""
    out: dict[int, str] = {}
    for match in find_phrases(text, phrases):
        begin = max(text.rfind(stop, 0, match.start() + 1) for stop in "\n.!?;") + 1
        if begin in out:
            continue
        sentence = _SENTENCE.match(text, begin)
        if sentence is not None and has_phrase(sentence.group(), phrases):
            out[begin] = sentence.group()
    return [out[k] for k in sorted(out)]


def _is_policy(sentence: str, cues: dict[str, Any]) -> bool:
    """An EEO cue in a sentence that states the employer's policy: no duty word before the first
    cue, or the employer's own voice in the sentence."""
    first = min(m.start() for m in find_phrases(sentence, tuple(cues["eeo"])))
    duty = [m for m in find_phrases(sentence, tuple(cues["duty_before_eeo"])) if m.start() < first]
    return not duty or has_phrase(sentence, tuple(cues["employer_voice"]))


def check(ctx: Context) -> None:
    found = ctx.facts.statements
    if not found["eeo"]:
        ctx.emit("IH750", "No equal-opportunity statement found.",
                 replacements=("We are an equal opportunity employer and welcome applicants of every "
                               "background.",))
    if not found["accommodation"]:
        ctx.emit("IH751", "No statement on how to request an accommodation during hiring.",
                 replacements=("If you need an accommodation at any stage of hiring, contact <email>.",))


RULE = DocumentRule(ids=("IH750", "IH751"), check=check, reads_english=True)
