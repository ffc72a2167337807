"""Turn a Markdown, HTML or text file into the prose that gets linted, keeping every offset.

Non-prose regions (front-matter keys, code spans and blocks, URLs, link targets, HTML tags and
comments, Markdown syntax characters) are blanked with spaces, so the *masked* text has exactly the
original length and offsets. Whitespace is then normalised for matching: soft line wraps become one
space, hard breaks (blank lines, list items, headings, table rows) one newline, so that a phrase
wrapped over two lines still matches and a phrase never runs across two list items. A segment table
maps every normalised offset back to the original.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from .frontmatter import front_matter

_FENCE = re.compile(r"^( {0,3})(```|~~~)[^\n]*\n.*?(^\1?\2[^\n]*$|\Z)", re.M | re.S)
_HTML_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.S)
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?(</\1\s*>|\Z)", re.S | re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_CODE_SPAN = re.compile(r"(``*)[^`\n].*?\1", re.S)  # ``*, not `+: re then looks for "`" first
_LINK_TARGET = re.compile(r"\]\([^()\s]*(\([^()\s]*\))?[^()\s]*(\s+\"[^\"\n]*\")?\)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S.*$", re.M)
#: Markdown's code and link syntax, each with the text that every match of it holds
_MARKDOWN_SPANS = ((_FENCE, ("```", "~~~")), (_CODE_SPAN, ("`",)), (_LINK_TARGET, ("](",)), (_REF_DEF, ("]:",)))
# (https?://|ftp://|www\.)[^\s<>()\[\]"']+ under re.I, spelled out so that re can look for the
# first letter quickly ("ſ" is an "s" under re.I; no other character folds to these letters).
_URL = re.compile(r"[hHfFwW](?:(?<=[hH])[tT][tT][pP][sS\u017f]?://|(?<=[fF])[tT][pP]://"
                  r"|(?<=[wW])[wW][wW]\.)[^\s<>()\[\]\"']+")
_EMAIL_LOCAL = re.compile(r"[\w.+-]+\Z")
_EMAIL_DOMAIN = re.compile(r"@[\w-]+(\.[\w-]+)+")
# Markdown syntax: headings, quotes and rules at the start of a line; emphasis, escapes and image
# marks inline. Underscores count only outside words ("snake_case" stays).
_MD_LINE = re.compile(r"^ {0,3}(#{1,6}|>+)(?=\s)|^ {0,3}[-=*_]{3,}\s*$", re.M)
_MD_INLINE = re.compile(r"\*\**|__*|\\(?=\S)|!\[")  # \*\** is \*+: re looks for the first character quickly
_FM_KEY = re.compile(r"^(\s*(- )?)([\w.-]+\s*:)", re.M)
_LIST_MARKER = re.compile(r"^[ \t]*[-*+•▪◦●·](?=[ \t])", re.M)
_MARKER = re.compile(r"[-*+•▪◦●·](?=[ \t])")
_LIST_ITEM = re.compile(r"^[ \t]{0,6}([-*+•▪◦●·]|\d{1,3}[.)]|[a-z][.)])[ \t]+\S|^\s*<li[\s>]", re.I)
_BREAK_LINE = re.compile(r"^[ \t]{0,6}([-*+•▪◦●·]|\d{1,3}[.)]|[a-z][.)])[ \t]|^[ \t]*(#|\||>|<)")

_WS_RUN = re.compile(r"\s{2,}|[^\S ]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_UNDERSCORES = re.compile(r"_{3,}")
_IH_DIRECTIVE = re.compile(r"<!--\s*ih-.*?-->", re.S)

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm")


def kind_of(path: str) -> str:
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(".txt"):
        return "text"
    return "markdown"  # stdin and unknown suffixes: Markdown is a superset of plain prose


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    spans.sort()
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append(_NOT_NEWLINE.sub(" ", chunk))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _emails(text: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses, found from their "@" (a regex scan of every position is slow)."""
    out = []
    at = text.find("@")
    while at > 0:
        domain = _EMAIL_DOMAIN.match(text, at)
        local = _EMAIL_LOCAL.search(text, max(0, at - 128), at) if domain else None
        if domain and local:
            out.append((local.start(), domain.end()))
        at = text.find("@", at + 1)
    return out


def _markdown_syntax(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _MD_LINE.finditer(text)]
    for m in _MD_INLINE.finditer(text):
        start, end = m.span()
        if text[start] == "_" and start > 0 and end < len(text) and _is_word(text[start - 1]) \
                and _is_word(text[end]):
            continue
        spans.append((start, end))
    return spans


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def mask(text: str, kind: str) -> str:
    """Blank everything that is not prose; the result has the same length as ``text``."""
    spans: list[tuple[int, int]] = []
    if kind in ("markdown", "html"):
        fm = front_matter(text) if kind == "markdown" else None
        if fm:
            spans.append((0, fm.start(1)))
            spans.append((fm.end(1), fm.end()))
            for key in _FM_KEY.finditer(fm.group(1)):
                spans.append((fm.start(1) + key.start(3), fm.start(1) + key.end(3)))
        for rx in (_HTML_COMMENT, _SCRIPT_STYLE, _TAG, _ENTITY):
            spans.extend(m.span() for m in rx.finditer(text))
        if kind == "markdown":
            for rx, cues in _MARKDOWN_SPANS:
                if any(cue in text for cue in cues):  # each match holds one of its cues
                    spans.extend(m.span() for m in rx.finditer(text))
    if "://" in text or "ww." in text or "WW." in text:
        spans.extend(m.span() for m in _URL.finditer(text))
    spans.extend(_emails(text))
    if "___" in text:  # form blanks and scraped separators ("Salary____Who are we?") are not prose
        spans.extend(m.span() for m in _UNDERSCORES.finditer(text))
    if kind == "text" and "ih-" in text:  # inline directives are not prose in plain text either
        spans.extend(m.span() for m in _IH_DIRECTIVE.finditer(text))
    masked = _blank(text, spans)
    if kind == "markdown":
        masked = _blank(masked, _markdown_syntax(masked))
    # Bullet markers are layout, not words: "- Native English speaker" must read like the sentence.
    return _blank(masked, _list_markers(masked))


def _list_markers(text: str) -> list[tuple[int, int]]:
    """The spans of ``_LIST_MARKER`` in ``text``: a marker that is the first character of its
    line but spaces and tabs (one per line at most), from its line's start.

    Each marker looks back only over the spaces and tabs right before it (never to its line's
    start: a line of 1,000,000 "- " would take quadratic time)."""
    out = []
    for m in _MARKER.finditer(text):
        at = m.start()
        begin = at
        while begin > 0 and text[begin - 1] in " \t":
            begin -= 1
        if begin == 0 or text[begin - 1] == "\n":
            out.append((begin, at + 1))
    return out


@dataclass
class Prepared:
    """One file's text in the three forms the engine needs, with offset maps between them."""

    original: str
    kind: str
    masked: str
    normal: str
    _norm_starts: list[int] = field(repr=False)
    _orig_starts: list[int] = field(repr=False)
    _line_starts: list[int] = field(repr=False)

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self._norm_starts, offset) - 1
        return self._orig_starts[i] + (offset - self._norm_starts[i])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of a non-empty normalised span that starts and ends on text."""
        return self.to_original(start), self.to_original(end - 1) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an original offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @functools.cached_property
    def lower(self) -> str:
        """The normalised text in lower case, for substring tests (offsets may differ: "İ")."""
        return self.normal.lower()

    @property
    def lines(self) -> list[str]:
        return self.original.split("\n")

    def is_list_item(self, line: str) -> bool:
        return bool(_LIST_ITEM.match(line))

    @functools.cached_property
    def line_layout(self) -> list[tuple[str, bool, str | None]]:
        """Each line of the original as (line, is a list item, its heading title or None): read
        once for the checks that walk the lines (must-haves, application items, bullet share)."""
        from .headings import heading_text

        out = []
        for line in self.original.split("\n"):
            is_item = bool(_LIST_ITEM.match(line))
            out.append((line, is_item, heading_text(line, is_item)))
        return out


def _is_hard_break(masked: str, text: str, run_start: int, run_end: int, kind: str) -> bool:
    newlines = masked.count("\n", run_start, run_end)
    if newlines == 0:
        return False
    if newlines > 1 or run_end >= len(masked):
        return True
    line_start = masked.rfind("\n", run_start, run_end) + 1
    line_end = text.find("\n", line_start)
    next_line = text[line_start:line_end if line_end >= 0 else None]
    if _BREAK_LINE.match(next_line):
        return True
    if kind == "markdown":
        return False
    # Plain text: a line that continues in lower case is a soft wrap; anything else a new line.
    nxt = masked[run_end] if run_end < len(masked) else ""
    return not nxt.islower()


def prepare(text: str, kind: str) -> Prepared:
    masked = mask(text, kind)
    pieces: list[str] = []
    norm_starts = [0]
    orig_starts = [0]
    pos = 0
    # Single spaces stay as they are (same length, same offsets); only longer runs, tabs and
    # line breaks are rewritten and need an entry in the offset table.
    markdown = kind == "markdown"
    removed = 0  # characters dropped so far: a run becomes one character
    for m in _WS_RUN.finditer(masked):
        start, end = m.span()
        pieces.append(masked[pos:start])  # runs never touch: this is empty only at offset 0
        hard = False
        if "\n" in m.group():
            hard = _is_hard_break(masked, text, start, end, kind)
            if markdown and not hard:
                # A heading line in the original ends its own block.
                line_begin = text.rfind("\n", 0, start) + 1
                if text[line_begin:start].lstrip().startswith("#"):
                    hard = True
        pieces.append("\n" if hard else " ")
        npos = start - removed
        norm_starts += (npos, npos + 1)
        orig_starts += (start, end)
        removed += end - start - 1
        pos = end
    pieces.append(masked[pos:])
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return Prepared(
        original=text, kind=kind, masked=masked, normal="".join(pieces),
        _norm_starts=norm_starts, _orig_starts=orig_starts, _line_starts=line_starts,
    )
