"""Proper-noun phrases: runs of capitalised words joined by small connector words on one line
("University of Nigeria", "Society of Women Engineers", "Universidade de São Paulo")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..textutil import LETTER

_TOKEN = re.compile(rf"{LETTER}+(?:['’\-.&+]{LETTER}+)*|&|\+|[0-9]+")


def phrases(text: str, connectors: frozenset[str]) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, words) of every maximal capitalised phrase; connectors may join two
    capitalised words but never start or end a phrase; punctuation and wide gaps end one."""
    for line in re.finditer(r"[^\n]+", text):
        run: list[tuple[int, int, str]] = []
        pending: list[tuple[int, int, str]] = []
        previous_end = line.start()
        for match in _TOKEN.finditer(line.group()):
            token = (match.start() + line.start(), match.end() + line.start(), match.group())
            if run and _BREAK.search(text, previous_end, token[0]) and not (
                    run[-1][2] in _ABBREVIATED and text[previous_end:token[0]] == ". "):  # "St. Xavier's"
                yield _emit(run)
                run, pending = [], []
            if token[2] == "I" and re.match(r" [a-z]", text[token[1]:token[1] + 2]):
                if run:  # "at Opoku Ware School I introduced": the pronoun ends the name
                    yield _emit(run)
                run, pending = [], []
            elif token[2][:1].isupper() or _ELIDED.match(token[2]):
                run += [*pending, token]
                pending = []
            elif run and token[2].lower() in connectors:
                pending.append(token)
            else:
                if run:
                    yield _emit(run)
                run, pending = [], []
            previous_end = token[1]
        if run:
            yield _emit(run)


_ABBREVIATED = frozenset({"St", "Ste", "Sta", "Sto", "Mt"})
_ELIDED = re.compile(r"(?:d|l|dell|dall|all|nell)['’][A-ZÀ-ÖØ-Þ]")
_BREAK = re.compile(r"[,;:|·•()\[\]/—–!?\"“”]|\s{3,}|\t|\.\s|\s-\s")


def _emit(run: list[tuple[int, int, str]]) -> tuple[int, int, list[str]]:
    return run[0][0], run[-1][1], [t[2] for t in run]
