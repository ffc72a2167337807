"""Globs as .gitignore writes them, for ``exclude:``, ``overrides: files:`` and ``--exclude``."""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=512)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """gitignore-like: ``*`` and ``?`` stay inside one path segment, ``**`` crosses segments, a
    pattern without ``/`` matches a name at any depth, and a match on a folder covers its files."""
    text = pattern.strip()
    anchored = "/" in text.rstrip("/")
    text = text.lstrip("/")
    while text.startswith("./"):
        text = text[2:]
    text = text.rstrip("/")
    out = [] if anchored else ["(?:.*/)?"]
    i = 0
    while i < len(text):
        if text.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif text.startswith("**", i):
            out.append(".*")
            i += 2
        elif text[i] == "*":
            out.append("[^/]*")
            i += 1
        elif text[i] == "?":
            out.append("[^/]")
            i += 1
        elif text[i] == "[":
            end = text.find("]", i + 1)
            if end < 0:
                out.append(re.escape("["))
                i += 1
                continue
            body = text[i + 1:end]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append(f"[{body}]")
            i = end + 1
        else:
            out.append(re.escape(text[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?")
