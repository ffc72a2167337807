"""Lint a kit: every rendered part with the posting word lists, every question and probe with the
interview-question checks. The shipped library and templates lint clean (a test enforces it);
what can still trip a check is text from the spec (role, stage and panel names) or an
organisation's own competencies and templates, so ``ih kit`` reports such findings as warnings.

Only span findings count: document-level posting checks (no salary, no EEO statement, length)
are about job postings, not interview kits.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Kit


@dataclass(frozen=True)
class KitFinding:
    #: "file:line:col" for a rendered file, or 'questions: "<the question>"'
    where: str
    rule_id: str
    match: str
    message: str
    #: whether ``where`` starts with a kit file name
    in_file: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.rule_id} '{self.match}': {self.message}"


def kit_question_texts(kit: Kit) -> list[str]:
    """Every question and probe a kit asks, in kit order (a question asked in two stages once)."""
    out: list[str] = []
    seen: set[str] = set()
    for stage in kit.stages:
        for slot in stage.slots:
            for question in slot.questions:
                for text in (question.text, *question.probes):
                    if text not in seen:
                        seen.add(text)
                        out.append(text)
    return out


def lint_questions(texts: list[str], where: str = "questions") -> list[KitFinding]:
    """Span findings of the interview-question checks on ``texts`` (one question per list item)."""
    from ..api import lint_text

    if not texts:
        return []
    document = "".join(f"- {' '.join(t.split())}\n" for t in texts)
    result = lint_text(document, f"{where}.md", kind="questions")
    found = []
    for finding in result.findings:
        if finding.scope != "span":
            continue
        line = finding.line or 0
        item = texts[line - 1] if 0 < line <= len(texts) else ""
        found.append(KitFinding(f"{where}: \"{item}\"", finding.rule_id, finding.match or "",
                                finding.message))
    return found


def lint_files(files: dict[str, str]) -> list[KitFinding]:
    """Span findings of the posting checks in each rendered file (name -> text)."""
    from ..api import lint_text

    found = []
    for name, text in files.items():
        if not name.endswith((".md", ".html")):
            continue
        result = lint_text(text, name, kind="posting")
        for finding in result.findings:
            if finding.scope == "span":
                found.append(KitFinding(f"{name}:{finding.line}:{finding.column}", finding.rule_id,
                                        finding.match or "", finding.message, in_file=True))
    return found


def check_kit(kit: Kit, files: dict[str, str]) -> list[KitFinding]:
    """Everything in a rendered kit that a lint check flags (empty for a clean kit)."""
    return lint_files(files) + lint_questions(kit_question_texts(kit))
