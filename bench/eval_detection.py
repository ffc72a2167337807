"""Measure ih's span findings against the labelled sets of issue 14 (bench/eval/).

Held-out real text: every referenced posting is linted whole (kind "posting") and span findings
are mapped to the labelled sentences by character offsets. Written set: each sentence is linted
alone as a posting, each interview question alone as a question list. A labelled "flag" item is
found when a span finding overlaps it (with --strict: a finding of its family, per RULE_FAMILIES);
an "ok" item raises a false alarm when any span finding overlaps it. Document-level findings
(missing pay range, EEO statement...) count neither way.

    python bench/eval_detection.py                 # tables per family
    python bench/eval_detection.py --strict -v     # right family only; list misses and false alarms
    python bench/eval_detection.py --json out.json # the figures as JSON ("-" for stdout)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalset import (
    DEFAULT_CORPUS,
    DEV_DIR,
    DEV_FOLDERS,
    HELDOUT_FILE,
    WRITTEN_FILE,
    HeldoutItem,
    WrittenItem,
    load_dev,
    load_heldout,
    load_written,
    locate_all,
)

#: Rule id or category -> the labelled families a finding of that rule stands for (--strict).
#: A rule id entry wins over its category's entry.
RULE_FAMILIES: dict[str, tuple[str, ...]] = {
    "gender-coded": ("gendered-wording",),
    "gendered-language": ("gendered-wording",),
    "IH113": ("sex",),
    "IH115": ("gendered-wording", "sex"),
    "IH116": ("gendered-wording", "appearance"),
    "lgbtq": ("lgbtq",),
    "IH130": ("lgbtq", "sex"),
    "IH134": ("lgbtq", "appearance"),
    "family-status": ("family",),
    "age": ("age",),
    "IH204": ("age", "protected-info"),
    "disability": ("disability",),
    "national-origin": ("national-origin",),
    "IH406": ("national-origin", "protected-info"),
    "race": ("race",),
    "IH431": ("appearance", "race"),
    "IH432": ("protected-info", "appearance"),
    "religion": ("religion",),
    "IH463": ("religion", "appearance"),
    "elitism": ("elitism",),
    "jargon": ("jargon",),
    "culture-fit": ("jargon",),
    "requirement-inflation": ("requirement-inflation",),
    "salary-history": ("protected-info",),
    "criminal-record": ("criminal-record",),
    "protected-info-request": ("protected-info",),
    "IH741": ("protected-info", "disability"),
    "IH742": ("protected-info", "appearance"),
    "pay-transparency": ("pay",),
    "illegal-question:age": ("age",),
    "illegal-question:national-origin": ("national-origin",),
    "illegal-question:citizenship": ("national-origin",),
    "illegal-question:native-language": ("national-origin",),
    "illegal-question:race": ("race",),
    "illegal-question:religion": ("religion",),
    "illegal-question:sex": ("sex",),
    "illegal-question:sexual-orientation-gender-identity": ("lgbtq",),
    "illegal-question:marital-status": ("family",),
    "illegal-question:children-family-plans": ("family",),
    "illegal-question:pregnancy": ("family",),
    "illegal-question:disability": ("disability",),
    "illegal-question:health": ("disability",),
    "illegal-question:medication": ("disability",),
    "illegal-question:workers-compensation": ("disability",),
    "illegal-question:genetic-information": ("disability",),
    "illegal-question:arrest-record": ("criminal-record",),
    "illegal-question:conviction-record": ("criminal-record",),
    "illegal-question:military-discharge": ("military",),
    "illegal-question:salary-history": ("protected-info",),
    "illegal-question:credit-history": ("protected-info",),
    "illegal-question:height-weight": ("appearance", "protected-info"),
    "illegal-question:affiliations": ("protected-info",),
    "poor-practice:brainteaser": ("poor-practice",),
    "poor-practice:culture-fit": ("poor-practice",),
    "poor-practice:unstructured": ("poor-practice",),
}
SEVERITIES = ("info", "warning", "error")


def families_of(rule_id: str, category: str) -> tuple[str, ...]:
    """The families a finding stands for; ("other",) when the table does not know the rule."""
    return RULE_FAMILIES.get(rule_id) or RULE_FAMILIES.get(category) or ("other",)


@dataclass(frozen=True)
class Span:
    """One span finding, reduced to what the scoring needs."""

    rule_id: str
    families: tuple[str, ...]
    severity: str
    start: int
    end: int


@dataclass(frozen=True)
class Outcome:
    """One labelled item after linting: which span findings overlap it."""

    id: str
    family: str
    label: str
    kind: str
    borderline: bool
    text: str
    rules: tuple[str, ...]
    right_family: bool
    source: str

    def flagged(self, strict: bool) -> bool:
        return self.right_family if strict and self.label == "flag" else bool(self.rules)


@dataclass
class Tally:
    """Counts for one family (or overall)."""

    positives: int = 0
    hits: int = 0
    negatives: int = 0
    false_alarms: int = 0
    hard_negatives: int = 0
    hard_false_alarms: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome, strict: bool) -> None:
        flagged = outcome.flagged(strict)
        if outcome.label == "flag":
            self.positives += 1
            self.hits += flagged
        else:
            self.negatives += 1
            self.false_alarms += flagged
            if outcome.kind != "random":
                self.hard_negatives += 1
                self.hard_false_alarms += flagged

    def figures(self) -> dict[str, float | int | None]:
        def ratio(top: int, bottom: int) -> float | None:
            return round(top / bottom, 3) if bottom else None

        return {
            "positives": self.positives, "hits": self.hits, "recall": ratio(self.hits, self.positives),
            "negatives": self.negatives, "false_alarms": self.false_alarms,
            "hard_negatives": self.hard_negatives, "hard_false_alarms": self.hard_false_alarms,
            "false_alarm_rate_hard": ratio(self.hard_false_alarms, self.hard_negatives),
            "precision": ratio(self.hits, self.hits + self.false_alarms),
        }


def _spans(result: object, min_severity: str) -> list[Span]:
    floor = SEVERITIES.index(min_severity)
    spans = []
    for finding in result.findings:  # type: ignore[attr-defined]
        if finding.scope != "span" or finding.start is None or finding.end is None:
            continue
        if SEVERITIES.index(finding.severity) < floor:
            continue
        spans.append(Span(finding.rule_id, families_of(finding.rule_id, finding.category), finding.severity,
                          finding.start, finding.end))
    return spans


def _outcome(item_id: str, family: str, label: str, kind: str, borderline: bool, text: str,
             spans: Iterable[Span], source: str) -> Outcome:
    overlapping = list(spans)
    return Outcome(item_id, family, label, kind, borderline, text,
                   tuple(sorted({span.rule_id for span in overlapping})),
                   any(family in span.families for span in overlapping), source)


def score_heldout(items: list[HeldoutItem], corpus: Path, min_severity: str) -> tuple[list[Outcome], list[str]]:
    """Lint each referenced posting whole; map its span findings to the labelled sentences."""
    from inclusive_hiring import lint_text

    documents, located, missing = locate_all(items, corpus)
    spans_by_path = {path: _spans(lint_text(text, path=path, kind="posting"), min_severity)
                     for path, text in sorted(documents.items()) if text}
    outcomes = []
    for place in located:
        item = place.item
        overlapping = (span for span in spans_by_path[item.path] if span.start < place.end and span.end > place.start)
        outcomes.append(_outcome(item.id, item.family, item.label, item.kind, item.borderline, place.sentence,
                                 overlapping, item.path.rsplit("/", 1)[0]))
    return outcomes, [item.id for item in missing]


def score_written(items: list[WrittenItem], min_severity: str) -> list[Outcome]:
    """Lint each sentence alone (as a posting, or as a question list for questions)."""
    from inclusive_hiring import lint_text

    outcomes = []
    for item in items:
        result = lint_text(item.text, path=f"{item.id}.md", kind=item.kind)
        outcomes.append(_outcome(item.id, item.family, item.label, item.kind, False, item.text,
                                 _spans(result, min_severity), "written"))
    return outcomes


def tally(outcomes: Iterable[Outcome], strict: bool, by_source: bool = False) -> tuple[dict[str, Tally], Tally]:
    """Counts per family (or per source folder) and overall."""
    per_family: dict[str, Tally] = {}
    overall = Tally()
    for outcome in outcomes:
        per_family.setdefault(outcome.source if by_source else outcome.family, Tally()).add(outcome, strict)
        overall.add(outcome, strict)
    return dict(sorted(per_family.items())), overall


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def render_table(title: str, per_family: dict[str, Tally], overall: Tally) -> list[str]:
    lines = [title, f"  {'':<28}{'pos':>5}{'hit':>5}{'recall':>8}{'hard-neg':>10}{'FA':>5}{'FA rate':>9}"
                    f"{'precision':>11}"]
    rows = [(name, counts) for name, counts in per_family.items() if counts.positives or counts.hard_negatives]
    rows.append(("overall", overall))
    for name, counts in rows:
        fig = counts.figures()
        lines.append(f"  {name:<28}{fig['positives']:>5}{fig['hits']:>5}{_cell(fig['recall']):>8}"
                     f"{fig['hard_negatives']:>10}{fig['hard_false_alarms']:>5}{_cell(fig['false_alarm_rate_hard']):>9}"
                     f"{_cell(fig['precision']):>11}")
    random_negatives = overall.negatives - overall.hard_negatives
    if random_negatives:
        lines.append(f"  random sample: {overall.false_alarms - overall.hard_false_alarms}/{random_negatives} "
                     "flagged (counted in precision, not in the FA rate)")
    return lines


def _listing(outcomes: Sequence[Outcome], strict: bool) -> list[str]:
    lines = []
    for outcome in outcomes:
        flagged = outcome.flagged(strict)
        if (outcome.label == "flag") == flagged:
            continue
        what = "MISS" if outcome.label == "flag" else "FALSE ALARM"
        rules = ",".join(outcome.rules) or "no span finding"
        mark = " (borderline)" if outcome.borderline else ""
        shown = " ".join(outcome.text.split())[:160]
        lines.append(f"  {what:<12}{outcome.id}  [{outcome.family}]{mark}  {rules}  | {shown}")
    return lines


def _section(name: str, outcomes: list[Outcome], strict: bool, note: str) -> tuple[list[str], dict[str, object]]:
    per_family, overall = tally(outcomes, strict)
    lines = render_table(f"{name} ({note})", per_family, overall)
    data: dict[str, object] = {"overall": overall.figures(),
                               "families": {fam: counts.figures() for fam, counts in per_family.items()}}
    return lines, data


def _questions(outcomes: list[Outcome], strict: bool) -> tuple[list[str], dict[str, object]]:
    unlawful = [o for o in outcomes if o.label == "flag" and o.family != "poor-practice"]
    oddball = [o for o in outcomes if o.family == "poor-practice"]
    lawful = [o for o in outcomes if o.label == "ok"]
    _, unlawful_tally = tally(unlawful, strict)
    _, oddball_tally = tally(oddball, strict)
    flagged_lawful = sum(o.flagged(strict) for o in lawful)
    per_family, _ = tally(unlawful, strict)
    data: dict[str, object] = {
        "unlawful": unlawful_tally.figures(), "oddball": oddball_tally.figures(),
        "lawful": {"questions": len(lawful), "flagged": flagged_lawful},
        "families": {fam: counts.figures() for fam, counts in per_family.items()},
    }
    lines = [
        "Interview questions (each linted alone, kind questions)",
        f"  unlawful questions: recall {_cell(unlawful_tally.figures()['recall'])} "
        f"({unlawful_tally.hits}/{unlawful_tally.positives})",
        f"  oddball questions: recall {_cell(oddball_tally.figures()['recall'])} "
        f"({oddball_tally.hits}/{oddball_tally.positives})",
        f"  lawful questions flagged: {flagged_lawful}/{len(lawful)}",
        "  unlawful questions by family: " + ", ".join(
            f"{fam} {counts.hits}/{counts.positives}" for fam, counts in per_family.items()),
    ]
    return lines, data


def run(args: argparse.Namespace) -> tuple[list[str], dict[str, object]]:
    """Score both sets; return the printed lines and the JSON figures."""
    mode = "strict: a finding of the labelled family" if args.strict else "any span finding"
    lines = [f"ih detection on the issue-14 evaluation sets (mode: {mode}; "
             f"findings of severity {args.min_severity} and above)", ""]
    report: dict[str, object] = {"mode": "strict" if args.strict else "any", "min_severity": args.min_severity}
    if args.dev:
        heldout = load_dev(args.dev_dir)
        title, folders = "Development real text", DEV_FOLDERS
    else:
        heldout = load_heldout(args.heldout)
        title, folders = "Held-out real text", ()
    corpus = args.corpus
    if args.written_only:
        report["heldout"] = None
    elif not corpus.is_dir():
        lines += [f"held-out set skipped: {corpus} not found (it needs ../shared next to the repository)", ""]
        report["heldout"] = None
    else:
        outcomes, missing = score_heldout(heldout, corpus, args.min_severity)
        if missing:
            lines.append(f"held-out references not found in the corpus ({len(missing)}): {', '.join(missing)}")
        postings = len({item.path for item in heldout})
        counted = f"{len(outcomes)} sentences from {postings} postings"
        table, data = _section(title, outcomes, args.strict, counted)
        clear = [o for o in outcomes if not o.borderline]
        clear_table, clear_data = _section(f"{title}, borderline items left out", clear, args.strict,
                                           f"{len(clear)} sentences")
        by_source, overall = tally(outcomes, args.strict, by_source=True)
        source_table = render_table(f"{title} by source folder", by_source, overall)
        lines += [*table, "", *clear_table, "", *source_table, ""]
        if args.verbose and (folders or args.show_heldout):
            lines += [f"{title}: misses and false alarms:", *_listing(outcomes, args.strict), ""]
        report["heldout"] = {**data, "missing_references": missing, "without_borderline": clear_data,
                             "sources": {name: counts.figures() for name, counts in by_source.items()}}
    written = load_written(args.written)
    posting_items = [item for item in written if item.kind == "posting"]
    question_items = [item for item in written if item.kind == "questions"]
    posting_outcomes = score_written(posting_items, args.min_severity)
    table, data = _section("Written structure set", posting_outcomes, args.strict,
                           f"{len(posting_outcomes)} sentences, each linted alone as a posting")
    question_outcomes = score_written(question_items, args.min_severity)
    question_lines, question_data = _questions(question_outcomes, args.strict)
    lines += [*table, "", *question_lines]
    if args.verbose:
        lines += ["", "Written-set misses and false alarms:", *_listing(posting_outcomes, args.strict),
                  "", "Interview-question misses and false alarms:", *_listing(question_outcomes, args.strict)]
    report["written"] = data
    report["questions"] = question_data
    return lines, report


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--strict", action="store_true",
                        help="a positive counts only when a finding of its family overlaps it (RULE_FAMILIES)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH ('-' for stdout)")
    parser.add_argument("--min-severity", choices=SEVERITIES, default="info",
                        help="ignore span findings below this severity (default: info, i.e. count all)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"the shared corpus directory (default: {DEFAULT_CORPUS})")
    parser.add_argument("--heldout", type=Path, default=HELDOUT_FILE, help="held-out references (YAML)")
    parser.add_argument("--written", type=Path, default=WRITTEN_FILE, help="written set (YAML)")
    parser.add_argument("--dev", action="store_true",
                        help="score the development references (bench/eval/dev/*.yml) instead of the held-out set")
    parser.add_argument("--dev-dir", type=Path, default=DEV_DIR, help="directory of development references")
    parser.add_argument("--written-only", action="store_true", help="skip the real-text set")
    parser.add_argument("--show-heldout", action="store_true",
                        help="with -v, also list held-out misses (for the final report only: never tune on them)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from inclusive_hiring.yamlio import DataError

    args = parse_args(argv)
    try:
        lines, report = run(args)
    except DataError as exc:
        sys.stderr.write(f"eval_detection: error: {exc}\n")
        return 2
    text = json.dumps(report, indent=2, sort_keys=True) + "\n"
    if args.json == "-":
        sys.stdout.write(text)
        return 0
    sys.stdout.write("\n".join(lines) + "\n")
    if args.json:
        try:
            Path(args.json).write_text(text, encoding="utf-8")
        except OSError as exc:
            sys.stderr.write(f"eval_detection: error: cannot write {args.json}: {exc.strerror}\n")
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
