"""Inline suppression directives: ``<!-- ih-disable IH510 -->`` and friends (docs/suppressions.md).

Directives are HTML comments, so they do not show when Markdown or HTML is rendered; the same
syntax works in plain-text files. They are read from the *original* text of a file:

- ``<!-- ih-disable [selectors] -->`` ... ``<!-- ih-enable [selectors] -->``: a block;
- ``<!-- ih-disable-next-line [selectors] -->``: the line after the comment;
- ``<!-- ih-disable-line [selectors] -->``: the line(s) the comment is on;
- ``<!-- ih-disable-file [selectors] -->``: the whole file, document-level findings included.

Selectors (rule id, id prefix, rule name, category; see :mod:`inclusive_hiring.lint.selectors`) are
separated by commas or spaces; none means every rule. Text after `` -- `` is a reason for readers.
In Markdown, comments inside fenced code blocks and code spans are shown literally, so they are
not directives.

:func:`apply` returns the findings that remain and the *meta* findings: IH001
``unknown-suppression-target`` (a selector or directive that does not exist) and IH002
``unused-suppression`` (a directive, or one of its selectors, that suppressed nothing). Meta
findings are never suppressed by directives; turn them off in the configuration.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches

from ..catalog.wordlists import Rule
from ..results import Finding
from ..text.markup import _CODE_SPAN, _FENCE, kind_of
from .selectors import resolve, suggest

UNKNOWN_TARGET = "IH001"
UNUSED = "IH002"
VERBS: tuple[str, ...] = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(r"\s*ih-(\S*)(.*)\Z", re.S)
_SEPARATOR = re.compile(r"[\s,]+")
_REASON = re.compile(r"\s--\s|\s--\Z")


@dataclass(frozen=True)
class Directive:
    """One ``<!-- ih-... -->`` comment."""

    #: one of :data:`VERBS`, or what was written when it is not a known directive
    verb: str
    selectors: tuple[str, ...]
    reason: str
    #: offsets of the whole comment in the original text, and 1-based positions
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    @property
    def known(self) -> bool:
        return self.verb in VERBS

    @property
    def lines(self) -> range:
        """The lines the directive covers (for ``disable-line`` and ``disable-next-line``)."""
        if self.verb == "disable-next-line":
            return range(self.end_line + 1, self.end_line + 2)
        return range(self.line, self.end_line + 1)


def _code_regions(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _FENCE.finditer(text)]
    spans += [m.span() for m in _CODE_SPAN.finditer(text)]
    return sorted(spans)


def _inside(regions: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in regions)


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def parse(text: str, path: str = "") -> list[Directive]:
    """The directives in ``text`` (the original file), in order. ``path`` decides the kind of
    file: in Markdown, comments inside code blocks and code spans are not directives."""
    if "ih-" not in text:
        return []
    kind = kind_of(path) if path else "markdown"
    regions = _code_regions(text) if kind == "markdown" else []
    lines = _Lines(text)
    out = []
    for m in _COMMENT.finditer(text):
        body = _DIRECTIVE.match(m.group(1))
        if not body or _inside(regions, m.start()):
            continue
        # Anything glued to the verb ("ih-disable:IH510") makes it an unknown directive.
        verb = body.group(1).lower() if body.group(1).lower() in VERBS else body.group(1)
        rest = body.group(2)
        reason = ""
        split = _REASON.search(rest)
        if split:
            rest, reason = rest[:split.start()], rest[split.end():].strip()
        selectors = tuple(s for s in _SEPARATOR.split(rest.strip()) if s)
        line, column = lines.position(m.start())
        end_line, end_column = lines.position(m.end())
        out.append(Directive(verb=verb, selectors=selectors, reason=reason, start=m.start(), end=m.end(),
                             line=line, column=column, end_line=end_line, end_column=end_column,
                             text=m.group(0)))
    return out


@dataclass
class _Resolved:
    directive: Directive
    #: None: every rule
    rules: frozenset[str] | None
    #: selector -> the rules it names (known selectors only)
    by_selector: dict[str, frozenset[str]] = field(default_factory=dict)
    used_selectors: set[str] = field(default_factory=set)
    used: bool = False

    def covers(self, rule_id: str) -> bool:
        return self.rules is None or rule_id in self.rules

    def credit(self, rule_id: str) -> None:
        self.used = True
        for selector, ids in self.by_selector.items():
            if rule_id in ids:
                self.used_selectors.add(selector)


def _meta(rule_id: str, message: str, directive: Directive, path: str,
          rules: Mapping[str, Rule]) -> Finding:
    rule = rules.get(rule_id)
    return Finding(
        path=path, rule_id=rule_id,
        rule_name=rule.name if rule else ("unknown-suppression-target" if rule_id == UNKNOWN_TARGET
                                          else "unused-suppression"),
        category=rule.category if rule else "suppression",
        severity=rule.severity if rule else ("warning" if rule_id == UNKNOWN_TARGET else "info"),
        scope="span", message=message, rationale=rule.why if rule else "", source=rule.source if rule else "",
        line=directive.line, column=directive.column, end_line=directive.end_line,
        end_column=directive.end_column, match=directive.text, start=directive.start, end=directive.end,
    )


def apply(findings: Iterable[Finding], directives: Sequence[Directive], rules: Mapping[str, Rule], *,
          path: str = "") -> tuple[list[Finding], list[Finding]]:
    """Split ``findings`` into those kept and the meta findings about the directives.

    A span finding (one with ``start``) is suppressed by a ``disable-file`` directive, a
    ``disable-line``/``disable-next-line`` directive on its first line, or the last block directive
    (``disable``/``enable``) before it that names its rule, when that is a ``disable``. A document
    finding (no position) is suppressed only by ``disable-file``.
    """
    findings = list(findings)
    if not directives:
        return findings, []
    if not path and findings:
        path = findings[0].path
    meta: list[Finding] = []
    resolved: list[_Resolved] = []
    for directive in directives:
        if not directive.known:
            near = get_close_matches(f"ih-{directive.verb}", [f"ih-{v}" for v in VERBS], n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            meta.append(_meta(UNKNOWN_TARGET, f"Unknown directive 'ih-{directive.verb}'{hint}; it "
                                              "suppresses nothing.", directive, path, rules))
            continue
        entry = _Resolved(directive, None)
        if directive.selectors:
            ids: set[str] = set()
            for selector in directive.selectors:
                selection = resolve(selector, rules)
                if selection is None:
                    near = suggest(selector, rules)
                    hint = f" (did you mean '{near}'?)" if near else ""
                    meta.append(_meta(UNKNOWN_TARGET, f"Unknown rule, name or category '{selector}' in "
                                                      f"ih-{directive.verb}{hint}.", directive, path, rules))
                    continue
                entry.by_selector[selector] = selection.rule_ids
                ids |= selection.rule_ids
            if not entry.by_selector:
                continue  # every selector was unknown: reported above, nothing else to do
            entry.rules = frozenset(ids)
        resolved.append(entry)

    files = [r for r in resolved if r.directive.verb == "disable-file"]
    lines = [r for r in resolved if r.directive.verb in ("disable-line", "disable-next-line")]
    blocks = sorted((r for r in resolved if r.directive.verb in ("disable", "enable")),
                    key=lambda r: r.directive.start)
    block_ends = [r.directive.end for r in blocks]

    def block_for(rule_id: str, offset: int) -> _Resolved | None:
        """The last block directive before ``offset`` that names ``rule_id``."""
        for i in range(bisect.bisect_right(block_ends, offset) - 1, -1, -1):
            if blocks[i].covers(rule_id):
                return blocks[i]
        return None

    kept: list[Finding] = []
    for finding in findings:
        suppressing = [r for r in files if r.covers(finding.rule_id)]
        if finding.start is not None:
            suppressing += [r for r in lines
                            if finding.line in r.directive.lines and r.covers(finding.rule_id)]
            block = block_for(finding.rule_id, finding.start)
            if block is not None and block.directive.verb == "disable":
                suppressing.append(block)
        if suppressing:
            for r in suppressing:
                r.credit(finding.rule_id)
        else:
            kept.append(finding)

    every_rule = frozenset(rules)
    for r in resolved:
        directive = r.directive
        if directive.verb == "enable":
            targets = r.rules if r.rules is not None else every_rule
            closes = any(
                (b := block_for(rule_id, directive.start)) is not None and b.directive.verb == "disable"
                for rule_id in targets)
            if not closes:
                meta.append(_meta(UNUSED, "This ih-enable ends no ih-disable block before it.",
                                  directive, path, rules))
            continue
        if not r.used:
            meta.append(_meta(UNUSED, f"This ih-{directive.verb} directive suppressed nothing; remove it.",
                              directive, path, rules))
            continue
        unused = [s for s in r.by_selector if s not in r.used_selectors]
        if unused:
            names = ", ".join(f"'{s}'" for s in unused)
            meta.append(_meta(UNUSED, f"{names} in this ih-{directive.verb} directive suppressed nothing; "
                                      "remove it from the directive.", directive, path, rules))
    return kept, sorted(meta)
