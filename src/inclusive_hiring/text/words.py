"""What a word is, for the line filter, word counts and the reading grade."""

from __future__ import annotations

import re

#: A word: a run of letters, apostrophes inside it kept ("don't" is one word, "data-driven" two).
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: Letter runs alone, so "employer's" also yields "employer" (spaCy splits off "'s").
PIECE_RE = re.compile(r"[^\W\d_]+")
#: The apostrophes a word may hold.
APOSTROPHES = re.compile("['’]")
