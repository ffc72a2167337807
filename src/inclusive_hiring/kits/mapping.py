"""From a job posting to a starter kit spec.

1. The posting is prepared like a lint input (:func:`inclusive_hiring.text.markup.prepare`): code, URLs,
   tags and Markdown syntax are blanked, so only prose is read.
2. Headings (Markdown, HTML, short plain-text lines such as "Requirements:", and inline labels
   such as "Qualifications:" in one-paragraph postings) split it into sections: responsibilities,
   requirements, other (benefits, about us, how to apply: ignored) and unlabelled text.
3. Each sentence is matched against every competency's keywords after folding: lower case,
   British to American spelling (prioritise, organisation, behaviour), and simple plural, -ing and
   -ed endings. A keyword counts once per sentence; a phrase of several words counts 1.5, one
   word 1, a word postings often use in its everyday sense ("organization", "deliver") 0.5.
   Sentences under responsibilities or requirements count in full, unlabelled ones half. The
   job title counts in full, and some title words hint at competencies ("Sales", "Developer").
4. The top competencies (at most 6, at least 4 when the posting has evidence for them) are kept,
   and the core ones (collaboration, problem-solving) are always added. Weights 1-3 follow the
   evidence; the starter spec says which posting lines matched each competency.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..text.frontmatter import front_matter
from ..text.markup import kind_of, prepare
from . import KitError
from .library import Competency, Library

CORE = ("collaboration", "problem-solving")
FALLBACK = ("communication", "ownership", "learning-agility", "planning-and-organization")
MAX_MATCHED = 6
MIN_MATCHED = 4
COMPETENCIES_PER_STAGE = 3
STARTER_MINUTES = 60
STARTER_PANEL = ("Hiring manager", "Team member", "Partner from another team")

# What a job title alone says about the work: a posting that lists little still gets the
# competencies its title implies. Each hint counts like one keyword in the title.
TITLE_HINTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, re.I), ids) for pattern, ids in (
        (r"\bsales|account executive|account manager|business development",
         ("sales-and-negotiation", "customer-focus", "communication")),
        (r"sales engineer|solutions? (engineer|architect)|customer engineer|pre-?sales",
         ("problem-solving", "communication")),
        (r"software|back-?end|front-?end|full[- ]stack|developer|programmer|web engineer",
         ("technical-depth-software-engineering", "code-quality-and-testing")),
        (r"data engineer", ("technical-depth-data-engineering",)),
        (r"data scien|machine learning|\bml\b|\bai\b", ("technical-depth-machine-learning", "data-analysis")),
        (r"analyst|analytics", ("data-analysis",)),
        (r"designer|\bux\b|\bui\b|user experience", ("technical-depth-product-design",)),
        (r"product (manager|owner|lead)", ("technical-depth-product-management", "stakeholder-management")),
        (r"project manager|program manager|delivery manager", ("project-management", "stakeholder-management")),
        (r"security", ("technical-depth-security",)),
        (r"devops|\bsre\b|site reliability|infrastructure|platform engineer|cloud",
         ("technical-depth-infrastructure-operations",)),
        (r"(?<!product )(?<!project )(?<!account )(?<!program )(?<!delivery )manager|head of|director|"
         r"\blead\b|supervisor|chief", ("people-leadership",)),
        (r"support|customer success|customer service|customer experience", ("customer-focus",)),
        (r"clerk|election|registrar|county|city of|state of|government|public", ("public-service",)),
        (r"writer|content|editor|communications", ("written-communication",)),
        (r"recruit", ("stakeholder-management", "communication")),
        (r"operations", ("operations-and-process-improvement",)),
        (r"research", ("research-and-evaluation",)),
    ))

# Keywords that postings also use in their ordinary sense ("our organization", "we deliver",
# "hiring"): they count half.
WEAK_KEYWORDS = frozenset({
    "organization", "partner", "deliver", "delivery", "document", "performance", "feature",
    "requirements", "reporting", "policy", "engagement", "hiring", "respect", "expectations",
    "evolving", "copy", "scope", "risk", "risks", "solutions", "resolve", "learn", "customer",
    "customers", "client", "clients", "written", "writing", "audience", "models", "launch",
})

SECTION_WEIGHT = {"responsibilities": 1.0, "requirements": 1.0, "title": 1.0, "intro": 0.5}

_REQ = re.compile(
    r"requirement|qualification|about you\b|who you are|you('ll| will)? bring|looking for|skills|"
    r"experience|\byou have\b|you should|must[- ]haves?|nice[- ]to[- ]haves?|bonus points|preferred|"
    r"competenc|ideal candidate|knowledge|abilities|what we need|\byou are\b|you're|desired|"
    r"essential|criteria|education", re.I)
_RESP = re.compile(
    r"responsibilit|what you('ll| will)|you will|you'll|duties|the role\b|your role|role summary|"
    r"about the (role|job|position)|objectives?\b|day[- ]to[- ]day|in this role|job description|"
    r"position (summary|description|overview)|the job\b|\btasks\b|your impact|accountabilit|"
    r"first \d+ days|the work\b|the opportunity|what you do\b|key results|"
    r"job summary|summary of (the )?(role|position)|overview", re.I)
_OTHER = re.compile(
    r"benefit|perks|we offer|compensation|salary|\bpay\b|about us|about (the )?company|who we are|"
    r"\bour\b|how to apply|\bapply|application|hiring process|interview process|equal (employment|"
    r"opportunity)|\beeo|location|contact|learn more|information|what to expect|logistics|"
    r"working at|life at|why (join|work)|quick links|\bnote\b|deadline|closing date|"
    r"accommodation|disclaimer|privacy|legal", re.I)
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})\s")
_HTML_HEADING = re.compile(r"<h([1-6])\b", re.I)
_LIST_ITEM = re.compile(r"^\s*([-*+•]|\d{1,3}[.)])\s")
_INLINE_LABEL = re.compile(r"(?:(?<=^)|(?<=[\s.;]))([A-Z][A-Za-z/&' ]{2,30}?)\s?:(?=\s|[A-Z$])")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=\S)")
_FM_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.M)
_TOKEN = re.compile(r"[a-z0-9]+(?:[/&][a-z0-9]+)*")
_LEVELS = (
    (re.compile(r"\b(intern|internship)\b", re.I), "Intern"),
    (re.compile(r"\b(entry[- ]level|graduate|apprentice)\b", re.I), "Entry level"),
    (re.compile(r"\b(junior|jr\.?)\b", re.I), "Junior"),
    (re.compile(r"\b(senior|sr\.?)\b", re.I), "Senior"),
    (re.compile(r"\bstaff\b", re.I), "Staff"),
    (re.compile(r"\bprincipal\b", re.I), "Principal"),
    (re.compile(r"\b(head of|director|vp|vice president|chief)\b", re.I), "Director"),
    (re.compile(r"\blead\b", re.I), "Lead"),
    (re.compile(r"\bGS-?\s?(\d{1,2})\b"), r"GS-\1"),
)

# British spellings folded to American ones, before the endings are cut.
_SPELLING_WORDS = {
    "behaviour": "behavior", "behaviours": "behaviors", "behavioural": "behavioral",
    "colour": "color", "honour": "honor", "labour": "labor", "favour": "favor", "endeavour": "endeavor",
    "centre": "center", "centres": "centers", "programme": "program", "programmes": "programs",
    "licence": "license", "defence": "defense", "offence": "offense", "judgement": "judgment",
    "catalogue": "catalog", "dialogue": "dialog", "enrol": "enroll", "fulfil": "fulfill",
    "travelling": "traveling", "travelled": "traveled", "modelling": "modeling", "modelled": "modeled",
    "labelling": "labeling", "labelled": "labeled", "cancelled": "canceled", "counselling": "counseling",
    "grey": "gray", "cheque": "check", "analogue": "analog", "ageing": "aging", "practise": "practice",
}
_SPELLING_RULES = (
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|able|ite|ites)?$"), r"or\1"),
)


# Words whose folded form would collide with a different word ("programming" is not "program").
_KEEP = frozenset({"programming", "programmer", "programmers", "programmed"})


@functools.lru_cache(maxsize=8192)
def fold(token: str) -> str:
    """A folded form for matching: American spelling, no plural, -ing or -ed ending, no final e."""
    if token in _KEEP:
        return token
    word = _SPELLING_WORDS.get(token, token)
    if len(word) <= 3 or not word.isalpha():
        return word
    for rule, repl in _SPELLING_RULES:
        word = rule.sub(repl, word)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) >= 6:
        word = word[:-3]
    elif word.endswith("ed") and len(word) >= 5:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) >= 4:
        word = word[:-1]
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    return word


def fold_phrase(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in _TOKEN.findall(text.lower().replace("-", " ")))


@dataclass(frozen=True)
class Evidence:
    line: int
    text: str
    section: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    competency: Competency
    score: float
    weight: int
    evidence: tuple[Evidence, ...]
    #: "posting" (found in the posting), "core" (always included) or "fallback" (too little found)
    reason: str


@dataclass(frozen=True)
class StarterStage:
    name: str
    interviewers: tuple[str, ...]
    competencies: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """A starter spec: what the template ``kit/spec.yml.j2`` writes out."""

    source: str
    role: str
    level: str
    level_guessed: bool
    matches: tuple[Match, ...]
    panel: tuple[str, ...]
    stages: tuple[StarterStage, ...]
    interview_minutes: int
    sections: tuple[str, ...]


@dataclass(frozen=True)
class _Unit:
    line: int
    text: str
    section: str


def classify_heading(text: str) -> str | None:
    text = text.strip().strip(":*_#").strip()
    if not text or len(text) > 80:
        return None
    if _REQ.search(text):
        return "requirements"
    if _RESP.search(text):
        return "responsibilities"
    if _OTHER.search(text):
        return "other"
    return None


def _heading(original: str, masked: str) -> tuple[int, str] | None:
    """(level, text) when the line is a heading."""
    text = " ".join(masked.split())
    if not text:
        return None
    md = _MD_HEADING.match(original)
    if md:
        return len(md.group(1)), text
    html = _HTML_HEADING.search(original)
    if html:
        return int(html.group(1)), text
    if _LIST_ITEM.match(original) or len(text.split()) > 7:
        return None
    plain = text.rstrip(":").strip()
    if text.endswith(":") or (not text.endswith((".", "!", "?", ",")) and classify_heading(plain)):
        return 7, plain
    if re.fullmatch(r"\s*(\*\*|__)[^*_]+(\*\*|__)\s*", original):
        return 7, plain
    return None


def _title(text: str, lines: list[tuple[int, str, str]]) -> tuple[str, int]:
    """The role title and the line to skip as body text (0: none)."""
    front = front_matter(text)
    if front:
        found = _FM_TITLE.search(front.group(1))
        if found:
            return found.group(1).strip(), 0
    for number, original, masked in lines:
        if _MD_HEADING.match(original) or _HTML_HEADING.search(original):
            return " ".join(masked.split()), number
    for _number, _original, masked in lines:
        if masked.strip():
            # A plain-text posting: the first line, up to a dash or a colon, names the role; the
            # line itself is still read as body text (it may be the whole posting).
            first = re.split(r"\s[—–-]\s|:\s|\.\s", masked.strip(), maxsplit=1)[0]
            return first.split(",")[0].strip()[:80], 0
    return "", 0


def _units(text: str, path: str) -> tuple[str, int, list[_Unit], set[str]]:
    prepared = prepare(text, kind_of(path))
    front = front_matter(text)
    skip_until = text[: front.end()].count("\n") if front else 0
    lines = [(n, o, m) for n, (o, m) in enumerate(zip(text.split("\n"), prepared.masked.split("\n"),
                                                      strict=True), start=1) if n > skip_until]
    title, title_line = _title(text, lines)
    units: list[_Unit] = []
    sections: set[str] = set()
    stack: list[tuple[int, str]] = []  # (heading level, section) of the open headings
    for number, original, masked in lines:
        if number == title_line:
            continue
        heading = _heading(original, masked)
        if heading:
            level, heading_text = heading
            while stack and stack[-1][0] >= level:
                stack.pop()
            kind = classify_heading(heading_text) or (stack[-1][1] if stack else "intro")
            stack.append((level, kind))
            sections.add(kind)
            continue
        current = stack[-1][1] if stack else "intro"
        body = " ".join(masked.split())
        if not body:
            continue
        # One-paragraph postings: "... Qualifications: A degree in ... Salary: $70,000." A label
        # applies to the rest of its line only ("**Location:** Berlin" ends with the line).
        pieces: list[tuple[str, str]] = []
        pos = 0
        for label in _INLINE_LABEL.finditer(body):
            kind = classify_heading(label.group(1))
            if kind is None:
                continue
            pieces.append((current, body[pos:label.start()]))
            current, pos = kind, label.end()
            sections.add(kind)
        pieces.append((current, body[pos:]))
        for section, chunk in pieces:
            if section == "other":
                continue
            for sentence in _SENTENCE_END.split(chunk):
                if sentence.strip():
                    units.append(_Unit(number, sentence.strip(), section))
    if title:
        shown = title_line or next((n for n, line in enumerate(text.split("\n"), start=1)
                                    if title in line), 1)
        units.insert(0, _Unit(shown, title, "title"))
    return title, title_line, units, sections


def _keyword_index(library: Library) -> list[tuple[Competency, tuple[tuple[str, tuple[str, ...]], ...]]]:
    return [(comp, tuple((kw, fold_phrase(kw)) for kw in comp.keywords if fold_phrase(kw)))
            for comp in library.values()]


def _spans(tokens: tuple[str, ...], phrase: tuple[str, ...]) -> list[tuple[int, int]]:
    n = len(phrase)
    return [(i, i + n) for i in range(len(tokens) - n + 1) if tokens[i:i + n] == phrase]


def _hits(tokens: tuple[str, ...], index: list[tuple[Competency, tuple[tuple[str, tuple[str, ...]], ...]]]
          ) -> dict[str, tuple[str, ...]]:
    """Keywords found in a sentence, by competency. A keyword inside a longer keyword's match does
    not count: "machine learning" is evidence for machine learning, not for learning agility."""
    found = [(start, end, comp.id, kw) for comp, keywords in index for kw, phrase in keywords
             for start, end in _spans(tokens, phrase)]
    out: dict[str, list[str]] = {}
    for start, end, cid, kw in found:
        if any(s <= start and end <= e and e - s > end - start for s, e, _, _ in found):
            continue
        if kw not in out.setdefault(cid, []):
            out[cid].append(kw)
    return {cid: tuple(kws) for cid, kws in out.items()}


def _snippet(text: str, limit: int = 90) -> str:
    text = text.replace('"', "'")
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


def _level(role: str) -> tuple[str, bool]:
    for pattern, name in _LEVELS:
        found = pattern.search(role)
        if found:
            return found.expand(name), False
    return "Mid-level", True


def _add(scores: dict[str, tuple[float, list[Evidence]]], cid: str, points: float, unit: _Unit,
         hits: tuple[str, ...]) -> None:
    total, evidence = scores.get(cid, (0.0, []))
    text = _snippet(unit.text)
    if evidence and evidence[-1].line == unit.line and evidence[-1].text == text:
        last = evidence.pop()
        hits = last.keywords + tuple(h for h in hits if h not in last.keywords)
    evidence.append(Evidence(unit.line, text, unit.section, hits))
    scores[cid] = (total + points, evidence)


def score_units(units: list[_Unit], library: Library) -> dict[str, tuple[float, list[Evidence]]]:
    index = _keyword_index(library)
    scores: dict[str, tuple[float, list[Evidence]]] = {}
    for unit in units:
        if unit.section == "title":
            for pattern, ids in TITLE_HINTS:
                found = pattern.search(unit.text)
                for cid in ids if found else ():
                    if cid in library:
                        _add(scores, cid, 1.0, unit, (f"title: {found.group(0).lower()}",))
        tokens = fold_phrase(unit.text)
        if not tokens:
            continue
        factor = SECTION_WEIGHT.get(unit.section, 0.5)
        for cid, hits in _hits(tokens, index).items():
            points = sum(1.5 if " " in kw or "-" in kw else 0.5 if kw in WEAK_KEYWORDS else 1.0
                         for kw in hits) * factor
            _add(scores, cid, points, unit, hits)
    return scores


def _starter_stages(matches: list[Match], panel: tuple[str, ...]) -> tuple[StarterStage, ...]:
    groups_first = sorted(matches, key=lambda m: (m.competency.group == "core",
                                                  m.competency.group == "leadership", -m.weight))
    count = max(1, math.ceil(len(groups_first) / COMPETENCIES_PER_STAGE))
    size = math.ceil(len(groups_first) / count)
    chunks = [groups_first[i:i + size] for i in range(0, len(groups_first), size)]
    stages: list[StarterStage] = []
    used: dict[str, int] = {}
    for number, chunk in enumerate(chunks):
        kinds = [m.competency.group for m in chunk]
        if sum(k == "core" for k in kinds) * 2 > len(kinds):
            name = "Team interview"
        elif sum(k == "leadership" for k in kinds) * 2 > len(kinds):
            name = "Leadership interview"
        else:
            name = "Skills interview"
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name = f"{name} {used[name]}"
        who = tuple(dict.fromkeys(panel[(2 * number + j) % len(panel)] for j in range(2)))
        stages.append(StarterStage(name, who, tuple(m.competency.id for m in chunk)))
    return tuple(stages)


def _shown(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """Evidence in the order the starter spec shows it: posting lines first, then the title."""
    return tuple(sorted(evidence, key=lambda e: (e.section == "title", e.line)))


def map_posting(text: str, path: str, library: Library) -> Draft:
    """Read a posting (already decoded) and draft a starter spec from it."""
    title, _line, units, sections = _units(text, path)
    scores = score_units(units, library)
    ranked = sorted(((total, cid) for cid, (total, _) in scores.items()), key=lambda x: (-x[0], x[1]))
    top = ranked[0][0] if ranked else 0.0
    # Strong evidence first (at least a fifth of the best score), then any real evidence (one
    # full keyword hit) up to the minimum; a lone mention in the company blurb is not enough.
    keep = [cid for total, cid in ranked if total >= max(1.0, 0.2 * top)][:MAX_MATCHED]
    for total, cid in ranked:
        if len(keep) >= MIN_MATCHED:
            break
        if cid not in keep and total >= 1.0:
            keep.append(cid)
    matches: list[Match] = []
    for cid in keep:
        total, evidence = scores[cid]
        weight = 1 + round(2 * total / top) if top else 1
        matches.append(Match(library[cid], round(total, 2), weight, _shown(evidence), "posting"))
    for cid in FALLBACK:
        if len(matches) >= MIN_MATCHED:
            break
        if cid in library and cid not in keep and cid not in CORE:
            total, evidence = scores.get(cid, (0.0, []))
            matches.append(Match(library[cid], round(total, 2), 1, _shown(evidence), "fallback"))
    for cid in CORE:
        if cid in library and cid not in keep:
            total, evidence = scores.get(cid, (0.0, []))
            matches.append(Match(library[cid], round(total, 2), 1, _shown(evidence), "core"))
    if not matches:
        raise KitError(f"{path}: the competency library is empty")
    role = " ".join(title.split())[:120] or Path(path).stem.replace("-", " ").replace("_", " ").title()
    level, guessed = _level(role)
    return Draft(source=path, role=role, level=level, level_guessed=guessed, matches=tuple(matches),
                 panel=STARTER_PANEL, stages=_starter_stages(matches, STARTER_PANEL),
                 interview_minutes=STARTER_MINUTES, sections=tuple(sorted(sections - {"intro"})))


def read_posting(path: str) -> str:
    from ..api import read_text

    text, error = read_text(path)
    if error is not None or text is None:
        raise KitError(f"{path}: {error or 'unreadable'}")
    return text


EXAMPLE = (
    ("customer-focus", 3), ("coaching-and-feedback", 2), ("prioritization", 2),
    ("communication", 1), ("collaboration", 1), ("problem-solving", 1),
)


def example_draft(library: Library) -> Draft:
    """The example spec that ``ih kit init`` writes: a customer support team lead."""
    matches = [Match(library[cid], 0.0, weight, (), "example") for cid, weight in EXAMPLE
               if cid in library]
    if not matches:
        raise KitError("the competency library has none of the example's competencies")
    return Draft(source="", role="Customer Support Team Lead", level="Lead", level_guessed=False,
                 matches=tuple(matches), panel=STARTER_PANEL,
                 stages=_starter_stages(matches, STARTER_PANEL), interview_minutes=STARTER_MINUTES,
                 sections=())
