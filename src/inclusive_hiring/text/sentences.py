"""Sentence ends for the reading grade: ``. ! ? …`` before a capital letter or a quote (not after a
single letter, as in "e.g." or "U.S."), and every line with a word (a list item or heading is a
sentence of its own)."""

from __future__ import annotations

import re

from .words import WORD_RE

# A sentence end inside a line: more text follows on the same line, starting with a capital or quote.
SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])[.!?…]+(?=[ \t]*[A-Z\"'“‘])")
# The same ends, faster (a pattern that starts with a lookbehind is tried at every offset): the
# runs of stops before a capital, then the lookbehind by hand (see ``count_sentence_ends``).
_STOP_RUN = re.compile(r"[.!?…]+(?=[ \t]*[A-Z\"'“‘])")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD_CHAR = re.compile(r"\w")


def count_sentences(text: str) -> int:
    """Every line with a word is a sentence, plus one for each sentence end inside a line."""
    lines = sum(1 for line in text.split("\n") if WORD_RE.search(line))
    return lines + count_sentence_ends(text) if lines else 0


def count_sentence_ends(text: str) -> int:
    """``len(SENTENCE_END.findall(text))``, in one scan for the runs of stops (``_STOP_RUN``).

    A run of stops holds one match when a capital follows: at its start, unless the lookbehind
    forbids it there, then at its second stop, if any. So every run counts but a single stop
    after a single letter ("e.g. The", "U.S. The").
    """
    count = 0
    for run in _STOP_RUN.finditer(text):
        stop = run.start()
        if run.end() - stop == 1 and stop and text[stop - 1] in _ASCII_LETTERS \
                and not (stop > 1 and _WORD_CHAR.match(text, stop - 2)):
            continue
        count += 1
    return count
