"""``ih lint --fix``: replace flagged wording with the suggested wording, and nothing else.

Which findings can be fixed (docs/ci.md, "Fixes", says the same for users):

- only span findings (a matched piece of text); document findings are advice;
- **safe**: the word-list entry has exactly one replacement and is marked ``fix: safe``;
- **unsafe** (``--unsafe-fixes``): any other span finding whose *first* replacement is usable as
  text: at most :data:`MAX_WORDS` words and :data:`MAX_CHARS` characters, no sentence punctuation
  (``. ! ? ; :``), no brackets, quotes, ``<``/``>``, ellipsis or placeholder (a lone ``X``, ``Y``,
  ``Z``). Longer suggestions are advice ("Describe the work …") and are never applied;
- the matched span must be plain prose: no Markdown or HTML syntax, code, URL or link target inside
  it (the span is identical in :func:`inclusive_hiring.text.markup.mask`'s output), so links, code and
  emphasis stay intact.

The replacement keeps the match's case: an all-caps match gets an all-caps replacement, a match
that starts with a capital gets a capitalised replacement ("Salesman" -> "Salesperson"), anything
else gets the replacement as written. Overlapping fixes are resolved longest first; the losers are
retried after re-linting (up to :data:`MAX_PASSES` passes, only around text that was just edited),
so a second ``--fix`` run finds nothing left to change.

Files keep their bytes outside the replaced spans: the byte-order mark and the line endings
(LF, CRLF, mixed) are preserved, because edits are mapped from the normalised text that findings
refer to back onto the raw text. Writes are atomic (a temporary file in the same directory, then
``os.replace``) and keep the file's mode.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import os
import re
import stat
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .atomic import write_atomic
from .results import FileResult, Finding, LintReport

MAX_WORDS = 4
MAX_CHARS = 40
MAX_PASSES = 10
_NOT_TEXT = re.compile(r"[.!?;:<>…()\[\]{}\"“”‘’\n\r\t]|\b[XYZ]\b")
_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    rule_id: str = ""
    safe: bool = True


def usable_as_text(replacement: str) -> bool:
    """Whether a suggested replacement is a phrase that can stand in the text (not advice)."""
    words = replacement.split()
    return (0 < len(words) <= MAX_WORDS and len(replacement) <= MAX_CHARS
            and replacement == replacement.strip() and not _NOT_TEXT.search(replacement))


def fix_kind(finding: Finding) -> str | None:
    """``"safe"``, ``"unsafe"`` or ``None`` (not fixable) for one finding."""
    if (finding.scope != "span" or finding.start is None or finding.end is None
            or finding.end <= finding.start or not finding.replacements or finding.fix == "none"):
        return None
    first = finding.replacements[0]
    if finding.fix == "safe" and len(finding.replacements) == 1 and first.strip() \
            and "\n" not in first and "\r" not in first:
        return "safe"
    return "unsafe" if usable_as_text(first) else None


_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(a|an)\s+\Z", re.I)
#: A bare pronoun changes the verb it governs ("he or she has" -> "you has"): never an unsafe fix.
_PRONOUNS = {"you", "they", "them", "their", "your", "we", "us", "our", "one"}


#: The word right before an offset, apostrophes of both kinds inside it ("you’ll", "you'll").
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)*)[\s,]*\Z")
_WORD_AFTER = re.compile(r"[\s,]*([^\W\d_]+(?:['’][^\W\d_]+)*)")
#: The word on either side of an edit, across spaces, commas and slashes ("HOST/HOSTESS").
_NEIGHBOUR_BEFORE = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)*)[\s,/]*\Z")
_NEIGHBOUR_AFTER = re.compile(r"[\s,/]*([^\W\d_]+(?:['’][^\W\d_]+)*)")
#: Words that already fill the slot before a noun: "the" + "everyone" or "your" + "your salary
#: expectations" does not read.
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "our", "your", "their", "his", "her",
                "my", "its", "any", "every", "each", "some", "no"}
_STANDS_ALONE = {"everyone", "everybody", "anyone", "anybody", "someone", "somebody", "people", "folks"}
#: Words after which a noun phrase starts, so a replacement may bring its own determiner ("join"
#: + "our team"); after anything else ("a dynamic, young team") it would double the determiner.
_OPENERS = {"join", "with", "in", "into", "to", "of", "for", "and", "or", "is", "are", "be", "meet", "on",
            "at", "by", "from", "about", "as", "like", "than", "want", "need", "seek", "have", "has"}
#: Where a clause starts: a replacement's own determiner is fine right after these.
_CLAUSE_START = re.compile(r"(?:^|[.!?;:(\n\-–—•*])[\s\"“'‘]*\Z")


def _word_key(word: str) -> str:
    return word.replace("’", "'").casefold()


def _reads_well(text: str, start: int, replacement: str, end: int | None = None) -> bool:
    """Guards for unsafe fixes, which swap in the first suggestion without knowing the grammar:
    keep "a"/"an" right (the article outside the span is never edited), never swap a pronoun,
    never put a determiner or "everyone" after a determiner ("the everyone", "your your salary
    expectations") or after an adjective ("a dynamic, our team"), never repeat the word on either
    side of the edit ("you’ll you'll enjoy"), and never write what the line already says
    ("Flexible hours, flexible hours")."""
    if replacement.lower() in _PRONOUNS:
        return False
    words = replacement.split()
    if not words:
        return False
    article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
    if article:
        vowel = replacement[:1].lower() in "aeiou"
        if (article.group(1).lower() == "an") != vowel:
            return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    first = words[0].lower()
    if end is not None and repeats_neighbour(text, start, end, replacement):
        return False
    if first in _DETERMINERS or first in _STANDS_ALONE:
        if before and before.group(1).lower() in _DETERMINERS:
            return False
        if first in _DETERMINERS and not _CLAUSE_START.search(text, max(0, start - 8), start) \
                and not (before and before.group(1).lower() in _OPENERS):
            return False
    if end is not None:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start:start] + text[end:len(text) if line_end < 0 else line_end]
        if replacement.lower() in line.lower():
            return False
        # nor a content word the words around it already have ("Comfortable with digital tools who
        # is comfortable with Salesforce")
        near = text[max(line_start, start - _NEAR):start] + " " + text[end:end + _NEAR].split("\n")[0]
        rest = {w.lower() for w in _CONTENT_WORD.findall(near)}
        if any(w.lower() in rest for w in _CONTENT_WORD.findall(replacement)):
            return False
    return True


#: A content word for the repeated-word guard: five letters or more, within ``_NEAR`` characters.
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")
_NEAR = 40


def repeats_neighbour(text: str, start: int, end: int, replacement: str) -> bool:
    """Whether replacing ``text[start:end]`` would put a word right next to itself, across the
    edit's edge ("you’ll you'll enjoy", "Bartender, Bartender", "HOST/HOST"): such a fix, safe or
    not, is skipped."""
    words = replacement.split()
    if not words:
        return False
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
    if before and _word_key(before.group(1)) == _word_key(words[0]):
        return True
    after = _NEIGHBOUR_AFTER.match(text, end)
    return bool(after and _word_key(after.group(1)) == _word_key(words[-1]))


def keep_apostrophes(text: str, start: int, end: int, replacement: str) -> str:
    """Write the replacement's apostrophes as the text writes them: "’" when the match or its
    line uses the typographic apostrophe and not the straight one."""
    if "'" not in replacement:
        return replacement
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if "’" in text[start:end] or ("’" in line and "'" not in line):
        return replacement.replace("'", "’")
    return replacement


def keep_case(match: str, replacement: str) -> str:
    """Give ``replacement`` the case of ``match``: ALL CAPS, Capitalised, or as written."""
    letters = [c for c in match if c.isalpha()]
    if not letters:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters[0].isupper():
        for i, c in enumerate(replacement):
            if c.isalpha():
                return replacement[:i] + c.upper() + replacement[i + 1:]
    return replacement


def plan(text: str, findings: Iterable[Finding], unsafe: bool = False,
         kind: str | None = None, blocked: Collection[tuple[int, int]] = ()) -> list[Edit]:
    """The edits to make, sorted by position and never overlapping.

    A finding is skipped when its span no longer holds its match (the text changed), when the span
    contains markup, when it overlaps a longer (or equally long, earlier, safer) fix, or when it is
    an unsafe fix of a ``blocked`` (start, end) span.
    """
    from .text.markup import kind_of, mask

    candidates: list[Edit] = []
    masked: str | None = None
    for f in findings:
        how = fix_kind(f)
        if how is None or (how == "unsafe" and not unsafe):
            continue
        assert f.start is not None and f.end is not None
        original = text[f.start:f.end]
        if f.end > len(text) or (f.match is not None and original != f.match):
            continue
        if masked is None:
            masked = mask(text, kind or kind_of(f.path))
        if masked[f.start:f.end] != original:
            continue  # markup inside the span: fixing it would break a link, code or emphasis
        replacement = keep_apostrophes(text, f.start, f.end, keep_case(original, f.replacements[0]))
        if replacement == original:
            continue
        if how == "unsafe" and ((f.start, f.end) in blocked or not _reads_well(text, f.start, replacement, f.end)):
            continue
        if repeats_neighbour(text, f.start, f.end, replacement):
            continue
        candidates.append(Edit(f.start, f.end, replacement, f.rule_id, how == "safe"))
    candidates.sort(key=lambda e: (-(e.end - e.start), not e.safe, e.start, e.rule_id))
    chosen: list[Edit] = []
    starts: list[int] = []
    written: set[tuple[int, str]] = set()  # (line, replacement) of the unsafe edits chosen
    for edit in candidates:
        i = bisect.bisect_left(starts, edit.start)
        if i > 0 and chosen[i - 1].end > edit.start:
            continue
        if i < len(chosen) and chosen[i].start < edit.end:
            continue
        if not edit.safe:
            # Two unsafe edits giving one line the same words ("Beer on tap, ping pong" ->
            # "Flexible working hours, flexible working hours"): keep the first only.
            key = (text.count("\n", 0, edit.start), edit.replacement.lower())
            if key in written:
                continue
            written.add(key)
        chosen.insert(i, edit)
        starts.insert(i, edit.start)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits, from the end backwards so earlier offsets stay valid."""
    out = text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return out


def apply(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes of ``findings`` (offsets into ``text``) once: ``(new_text, applied_count)``.

    Safe fixes always; unsafe ones only when ``unsafe``. Pure: nothing is read or written.
    """
    edits = plan(text, findings, unsafe)
    return apply_edits(text, edits), len(edits)


def normalise(raw: str) -> str:
    from .api import normalise_newlines

    return normalise_newlines(raw)


def to_raw(raw: str, edits: Sequence[Edit]) -> list[Edit]:
    """Map edits on the normalised text (``\\r\\n`` counted as one character) onto ``raw``."""
    if "\r\n" not in raw:
        return list(edits)
    crlf: list[int] = []  # normalised offsets of line breaks that are "\r\n" in the raw text
    at = raw.find("\r\n")
    while at >= 0:
        crlf.append(at - len(crlf))
        at = raw.find("\r\n", at + 2)
    return [Edit(e.start + bisect.bisect_left(crlf, e.start), e.end + bisect.bisect_left(crlf, e.end),
                 e.replacement, e.rule_id, e.safe) for e in edits]


def _map_regions(regions: list[tuple[int, int]], edits: Sequence[Edit]) -> list[tuple[int, int]]:
    """Carry (start, end) regions through ``edits`` and add the edited spans themselves."""
    ordered = sorted(edits, key=lambda e: e.start)
    new_starts = []
    delta = 0
    for e in ordered:
        new_starts.append(e.start + delta)
        delta += len(e.replacement) - (e.end - e.start)

    def where(pos: int, right: bool) -> int:
        shift = 0
        for e, new_start in zip(ordered, new_starts, strict=True):
            if e.end <= pos:
                shift += len(e.replacement) - (e.end - e.start)
            elif e.start < pos:  # inside an edit: snap to the replacement's edge
                return new_start + (len(e.replacement) if right else 0)
            else:
                break
        return pos + shift

    mapped = [(where(a, False), where(b, True)) for a, b in regions]
    mapped.extend((n, n + len(e.replacement)) for e, n in zip(ordered, new_starts, strict=True))
    return mapped


def _touches(f: Finding, regions: Sequence[tuple[int, int]]) -> bool:
    return f.start is not None and f.end is not None and any(
        f.start <= b and f.end >= a for a, b in regions)


@dataclass(frozen=True)
class Fixed:
    """The outcome of fixing one document."""

    raw: str                      # the new raw text (line endings as in the input)
    applied: int                  # number of replacements made
    result: FileResult | None     # the lint of the fixed text; None when nothing was applied


def fix_document(raw: str, findings: Sequence[Finding], *, unsafe: bool,
                 relint: Callable[[str], FileResult], max_passes: int = MAX_PASSES) -> Fixed:
    """Fix ``findings`` (offsets into the normalised ``raw``) and re-lint, repeating around the
    edited text until nothing more changes, so one run leaves nothing fixable behind.

    An unsafe fix that brings a new finding with it ("Place: Badass" -> "Place: Excellent" before
    "Salary" reads "excellent salary") is taken back: the pass is done again without it."""
    applied = 0
    result: FileResult | None = None
    regions: list[tuple[int, int]] = []
    candidates: Sequence[Finding] = findings
    known = _keys(findings)
    blocked: set[tuple[int, int]] = set()
    passes = 0
    while passes < max_passes:
        norm = normalise(raw)
        edits = plan(norm, candidates, unsafe, blocked=blocked)
        if not edits:
            break
        new_raw = apply_edits(raw, to_raw(raw, edits))
        new_result = relint(normalise(new_raw))
        spans = _map_regions([], edits)[-len(edits):]
        fresh = [f for f in new_result.findings if _keys([f]) - known]
        bad = [e for e, span in zip(edits, spans, strict=True) if not e.safe and _touches_any(fresh, span)]
        if bad:
            blocked.update((e.start, e.end) for e in bad)
            continue
        passes += 1
        blocked = set()
        raw, result = new_raw, new_result
        applied += len(edits)
        known |= _keys(result.findings)
        regions = _map_regions(regions, edits)
        candidates = [f for f in result.findings if _touches(f, regions)]
    return Fixed(raw=raw, applied=applied, result=result)


def _keys(findings: Iterable[Finding]) -> set[tuple[str, str]]:
    return {(f.rule_id, " ".join((f.match or "").split()).casefold()) for f in findings}


def _touches_any(findings: Iterable[Finding], span: tuple[int, int]) -> bool:
    return any(_touches(f, [span]) for f in findings)


@dataclass(frozen=True)
class FileFix:
    """What ``--fix`` did (or, with ``--dry-run``, would do) to one file."""

    path: str
    before: str = ""
    after: str = ""
    applied: int = 0
    result: FileResult | None = None
    error: str | None = None


def read_document(path: str) -> tuple[str | None, bool, str | None]:
    """(raw text with its line endings, had a byte-order mark, error) for a path or ``-``."""
    from .api import decode_text, read_bytes

    data, error = read_bytes(path)
    if data is None:
        return None, False, error
    text, error = decode_text(data)
    return text, data.startswith(codecs.BOM_UTF8), error


def fix_file(path: str, findings: Sequence[Finding], *, unsafe: bool, kind: str = "auto",
             write: bool = True, config: Any = None, trees: Sequence[str] | None = None) -> FileFix:
    """Fix one file in place (atomically), or only compute the change when ``write`` is false.
    Each re-lint uses the configuration ``config`` (a ``ConfigResolver``, or None) gives the file.

    The file is left untouched when it cannot be read, changed since it was linted, is read-only,
    is not a regular file, or is a symbolic link to a file outside the linted ``trees`` (resolved
    folders; None: the link's own folder); ``error`` then says why in one line.
    """
    from .api import lint_document

    if write and (outside := _link_outside(path, trees)):
        return FileFix(path, error=outside)
    raw, bom, error = read_document(path)
    if raw is None:
        return FileFix(path, error=error)
    norm = normalise(raw)
    if any(f.start is not None and f.end is not None and f.match is not None
           and norm[f.start:f.end] != f.match for f in findings):
        return FileFix(path, error="changed since it was linted; not fixed")
    if write:
        problem = _not_writable(path)
        if problem:
            return FileFix(path, error=problem)
    fixed = fix_document(raw, findings, unsafe=unsafe,
                         relint=lambda text: lint_document(text, path, kind, config))
    if not fixed.applied:
        return FileFix(path, before=raw, after=raw)
    if write:
        data = (codecs.BOM_UTF8 if bom else b"") + fixed.raw.encode("utf-8")
        try:
            write_atomic(path, data)
        except OSError as exc:
            return FileFix(path, error=f"cannot write: {exc.strerror or exc}; not fixed")
    return FileFix(path, before=raw, after=fixed.raw, applied=fixed.applied, result=fixed.result)


def linted_trees(paths: Iterable[str]) -> list[str]:
    """The folders a lint of ``paths`` covers, resolved: each directory argument, and the folder
    of each file argument. ``--fix`` writes through a symbolic link only to a file inside them."""
    trees = []
    for path in paths:
        if path == "-":
            continue
        folder = path if os.path.isdir(path) else (os.path.dirname(path) or ".")
        trees.append(os.path.realpath(folder))
    return trees


def _link_outside(path: str, trees: Sequence[str] | None) -> str | None:
    """Why ``--fix`` must not write through ``path`` (a symbolic link to a file outside ``trees``),
    or None."""
    from .api import inside

    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    allowed = trees if trees is not None else [os.path.realpath(os.path.dirname(path) or ".")]
    if any(inside(target, tree) for tree in allowed):
        return None
    return "a symbolic link to a file outside the linted folder; not fixed"


def _not_writable(path: str) -> str | None:
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file; not fixed"
    # Checked by mode as well as by access(): root may write anywhere, but a file someone made
    # read-only is meant to stay as it is.
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "read-only file; not fixed"
    return None


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file (``a/PATH`` and ``b/PATH`` for relative paths, so ``git apply``
    and ``patch -p1`` accept it); empty when nothing changed."""
    if before == after:
        return ""
    posix = path.replace(os.sep, "/")
    old, new = (posix, posix) if os.path.isabs(path) or posix.startswith("<") \
        else (f"a/{posix}", f"b/{posix}")
    out = []
    for line in difflib.unified_diff(_LINES.findall(before), _LINES.findall(after), old, new):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def fix_report(report: LintReport, *, unsafe: bool, kind: str = "auto", write: bool = True,
               only: LintReport | None = None, config: Any = None,
               trees: Sequence[str] | None = None) -> tuple[LintReport, list[FileFix]]:
    """Fix the findings of ``report``, or of ``only`` (the same files with fewer findings, as
    ``--baseline``/``--diff`` leave them) when given; re-lint with ``config`` (the resolver the
    report was linted with). ``trees``: the linted folders (:func:`linted_trees`); a symbolic
    link to a file outside them is not written through.

    Returns ``report`` with each fixed file's result replaced by the lint of its fixed text (all its
    findings, unfiltered), and one :class:`FileFix` per file that had something to fix.
    """
    files = list(report.files)
    targets = (only or report).files
    done: list[FileFix] = []
    for i, result in enumerate(targets):
        if result.error or not any(
                (how := fix_kind(f)) == "safe" or (how == "unsafe" and unsafe) for f in result.findings):
            continue
        try:
            outcome = fix_file(result.path, result.findings, unsafe=unsafe, kind=result.kind or kind,
                               write=write, config=config, trees=trees)
        except Exception as exc:  # the global guard: one file's bug never stops the others' fixes
            from .lint.limits import internal_error

            outcome = FileFix(result.path, error=internal_error(exc) + "; not fixed")
        done.append(outcome)
        if outcome.result is not None:
            files[i] = outcome.result
    return LintReport(files=tuple(files)), done


def unsafe_fix_count(before: LintReport, done: Sequence[FileFix], kind: str = "auto",
                     config: Any = None) -> int:
    """How many more findings ``--fix --unsafe-fixes`` would fix after this (safe) run: for each
    file of ``before`` (the report as linted) with an unsafe fix, the unsafe run is played out on
    the text this run left (re-linting as the real run does, nothing written), and its fixes
    counted. The hint "N more with --unsafe-fixes" is this number, so it is exact."""
    from .api import lint_document

    after = {d.path: d for d in done if d.error is None}
    total = 0
    for result in before.files:
        if result.error or not any(fix_kind(f) == "unsafe" for f in result.findings):
            continue
        outcome = after.get(result.path)
        findings: Sequence[Finding] = result.findings
        if outcome is not None:
            raw: str | None = outcome.after
            if outcome.result is not None:
                findings = outcome.result.findings
        else:
            raw, _, _ = read_document(result.path)
            if raw is None:
                continue
        path = "-" if result.path == "<stdin>" else result.path
        how = result.kind or kind
        played = fix_document(raw, findings, unsafe=True,
                              relint=lambda text, path=path, how=how: lint_document(text, path, how, config))
        total += played.applied
    return total
