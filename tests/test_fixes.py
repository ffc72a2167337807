"""`ih lint --fix`: which findings are fixed, case keeping, Markdown kept intact, line endings and
byte-order marks preserved, atomic writes, idempotence, --dry-run, stdin, and bad input."""

from __future__ import annotations

import itertools
import json
import os
import re
import stat
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from inclusive_hiring.cli import app
from inclusive_hiring.fixes import (
    Edit,
    apply,
    apply_edits,
    fix_document,
    fix_kind,
    keep_case,
    plan,
    to_raw,
    unified_diff,
    usable_as_text,
    write_atomic,
)
from inclusive_hiring.results import Finding

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "job-posting.md"


def invoke(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def finding(text: str, match: str, replacements: tuple[str, ...], fix: str | None = "safe",
            path: str = "post.md", occurrence: int = 0, rule_id: str = "IH110") -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(match, start + 1)
    return Finding(path=path, rule_id=rule_id, rule_name="gendered-job-title", category="gendered-language",
                   severity="error", scope="span", message="m", rationale="r", source="s",
                   replacements=replacements, match=match, start=start, end=start + len(match), fix=fix)


# --- which fixes apply ------------------------------------------------------------------------

@pytest.mark.parametrize(("replacement", "usable"), [
    ("salesperson", True),
    ("comfortable with digital tools", True),
    ("steady, focused work", True),
    ("entry-level", True),
    ("you will be responsible", True),
    ("We welcome applicants of every background", False),    # too many words: advice
    ("Describe the work and its outcomes in neutral terms.", False),
    ("If you need an accommodation, contact <email>.", False),
    ("pay: $X–$Y depending on experience", False),
    ("share our values of X and Y", False),                  # a placeholder
    ("deep experience leading (describe the scope)", False),
    ("…", False),
    ("what are your salary expectations?", False),
    ("", False),
])
def test_usable_as_text(replacement, usable):
    assert usable_as_text(replacement) is usable


def test_fix_kinds():
    text = "We need a salesman and a rockstar."
    assert fix_kind(finding(text, "salesman", ("salesperson",))) == "safe"
    assert fix_kind(finding(text, "rockstar", ("experienced developer", "developer"), fix=None)) == "unsafe"
    assert fix_kind(finding(text, "rockstar", ("Describe the skills you need instead.",), fix=None)) is None
    assert fix_kind(finding(text, "rockstar", (), fix=None)) is None
    document = Finding(path="p.md", rule_id="IH750", rule_name="missing-eeo-statement", category="eeo",
                       severity="warning", scope="document", message="m", rationale="r", source="s",
                       replacements=("We are an equal opportunity employer",))
    assert fix_kind(document) is None


def test_safe_fixes_only_unless_unsafe_asked_for():
    text = "We need a salesman and a rockstar."
    findings = [finding(text, "salesman", ("salesperson",)),
                finding(text, "rockstar", ("developer", "engineer"), fix=None)]
    assert apply(text, findings) == ("We need a salesperson and a rockstar.", 1)
    assert apply(text, findings, unsafe=True) == ("We need a salesperson and a developer.", 2)


@pytest.mark.parametrize(("match", "replacement", "expected"), [
    ("salesman", "salesperson", "salesperson"),
    ("Salesman", "salesperson", "Salesperson"),
    ("SALESMAN", "salesperson", "SALESPERSON"),
    ("Digital native", "comfortable with digital tools", "Comfortable with digital tools"),
    ("DIGITAL NATIVE", "comfortable with digital tools", "COMFORTABLE WITH DIGITAL TOOLS"),
    ("sAlesman", "salesperson", "salesperson"),
    ("deaf", "Deaf", "Deaf"),                       # as written when the match is lower case
    ("I", "you", "You"),                            # one capital letter is a capitalised word
])
def test_keep_case(match, replacement, expected):
    assert keep_case(match, replacement) == expected


def test_overlapping_fixes_prefer_the_longest():
    text = "The recent college graduate."
    findings = [finding(text, "college graduate", ("graduate",), fix=None, rule_id="IH201"),
                finding(text, "recent college graduate", ("new starter",), fix=None, rule_id="IH201")]
    assert apply(text, findings, unsafe=True) == ("The new starter.", 1)


def test_unsafe_fixes_keep_the_article_right_and_never_swap_in_a_pronoun():
    text = "We want an aggressive closer. He or she has a quota."
    findings = [finding(text, "aggressive", ("proactive",), fix=None, rule_id="IH102"),
                finding(text, "He or she", ("you",), fix=None, rule_id="IH111")]
    assert apply(text, findings, unsafe=True) == (text, 0)
    text = "We want a bold closer."
    assert apply(text, [finding(text, "bold", ("proactive",), fix=None, rule_id="IH102")],
                 unsafe=True) == ("We want a proactive closer.", 1)


@pytest.mark.parametrize(("text", "match", "replacement"), [
    ("Hang out with the guys on Fridays.", "guys", "everyone"),                 # "the everyone"
    ("Include your current salary.", "current salary", "your salary expectations"),  # "your your"
    ("We want flexible hours and a nine-to-five.", "nine-to-five", "flexible hours"),  # said already
])
def test_unsafe_fixes_that_would_not_read_are_left_alone(text, match, replacement):
    assert apply(text, [finding(text, match, (replacement,), fix=None, rule_id="IH112")], unsafe=True) == (text, 0)


def test_unsafe_fixes_never_write_the_same_words_twice_on_a_line():
    text = "- Beer on tap, ping pong and pizza Fridays"
    findings = [finding(text, "Beer on tap", ("flexible working hours",), fix=None, rule_id="IH512"),
                finding(text, "ping pong", ("flexible working hours",), fix=None, rule_id="IH512")]
    assert apply(text, findings, unsafe=True) == ("- Flexible working hours, ping pong and pizza Fridays", 1)


def test_stale_finding_is_skipped():
    text = "We need a salesman."
    stale = finding(text, "salesman", ("salesperson",))
    assert apply("We need a chairman.", [stale]) == ("We need a chairman.", 0)


def test_markup_inside_the_span_is_never_touched():
    # "sales**man**" matched as one word would lose its emphasis markers; it is left alone.
    text = "We need a sales**man** today."
    f = finding(text, "sales**man**", ("salesperson",))
    assert apply(text, [f]) == (text, 0)


def test_edits_are_applied_from_the_end():
    assert apply_edits("abcdef", [Edit(0, 1, "XX"), Edit(4, 6, "")]) == "XXbcd"


def test_crlf_offsets_map_onto_the_raw_text():
    raw = "one\r\ntwo salesman\r\nthree\n"
    norm = raw.replace("\r\n", "\n")
    edit = Edit(norm.index("salesman"), norm.index("salesman") + 8, "salesperson")
    assert apply_edits(raw, to_raw(raw, [edit])) == "one\r\ntwo salesperson\r\nthree\n"


# --- the real engine ---------------------------------------------------------------------------

def test_example_safe_fixes(lint):
    text = EXAMPLE.read_text(encoding="utf-8")
    new, count = apply(text, lint(text, "job.md").findings)
    assert count == 1
    assert "fearless salesperson who" in new
    assert "- Digital native who is comfortable" in new   # a noun the suggestion cannot replace
    assert "https://example.com/careers/he-she-salesman" in new   # the link target is not prose


def test_markdown_link_target_and_code_untouched(lint):
    text = ("We need a Salesman: see [the salesman page](https://x.test/salesman) and `salesman`.\n\n"
            "```\nsalesman = 1\n```\n")
    new, count = apply(text, lint(text, "job.md").findings)
    assert count == 2
    assert new == ("We need a Salesperson: see [the salesperson page](https://x.test/salesman) and "
                   "`salesman`.\n\n```\nsalesman = 1\n```\n")


def test_fix_document_converges(lint):
    raw = "Our chairman and the SALESMEN.\r\nThe Salesman.\r\n"
    fixed = fix_document(raw, lint(raw.replace("\r\n", "\n"), "p.md").findings, unsafe=False,
                         relint=lambda t: lint(t, "p.md"))
    assert fixed.raw == "Our chair and the SALESPEOPLE.\r\nThe Salesperson.\r\n"
    assert fixed.applied == 3
    assert fixed.result is not None and not [f for f in fixed.result.findings if fix_kind(f) == "safe"]


WORDS = ["salesman", "Salesman", "SALESMAN", "chairman", "salesmen", "rockstar", "ninja", "guys",
         "recent college graduate", "digital native", "we", "need", "a", "the", "team", "and",
         "[salesman](https://x.test/salesman)", "`salesman`", "**bold**", "<b>x</b>", "—", ",", ".", "\n",
         "\n\n", "\n- ", "\n# ", "  ", "\t", "\r\n"]


def _outside_spans(text: str, spans: list[tuple[int, int]]) -> list[str]:
    pieces, pos = [], 0
    for start, end in sorted(spans):
        pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return pieces


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS) | st.text(string.ascii_letters + " ", max_size=8), max_size=30),
       st.booleans())
def test_property_only_matched_spans_change_and_fixing_twice_changes_nothing(lint, parts, unsafe):
    text = " ".join(parts).replace("\r\n", "\n")
    if not text.strip():
        return
    findings = lint(text, "post.md").findings
    new, count = apply(text, findings, unsafe=unsafe)
    spans = [(f.start, f.end) for f in findings if f.start is not None and f.end is not None]
    # Everything outside the matched spans is still there, in order, and nothing else was added.
    outside = _outside_spans(text, spans)
    pattern = "(?s)" + ".*?".join(re.escape(piece) for piece in outside)
    assert re.fullmatch(pattern, new), (text, new)
    # Link targets and code spans are never edited.
    for kept in ("(https://x.test/salesman)", "`salesman`"):
        assert text.count(kept) == new.count(kept)
    # A second lint-and-fix over the fixed text changes nothing.
    fixed = fix_document(text, findings, unsafe=unsafe, relint=lambda t: lint(t, "post.md"))
    again = lint(fixed.raw, "post.md").findings
    assert apply(fixed.raw, again, unsafe=unsafe) == (fixed.raw, 0)
    if count == 0:
        assert new == text


# --- files, atomic writes, the CLI -------------------------------------------------------------

def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_write_atomic_follows_a_symlink(tmp_path):
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(str(link), b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_cli_fix_writes_and_reports_what_remains(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = invoke("lint", str(path), "-f", "json", "--fail-on", "never")
    result = invoke("lint", str(path), "--fix", "-f", "json")
    assert result.exit_code == 1
    assert "ih: fixed 1 finding in 1 file" in result.stderr
    remaining = json.loads(result.stdout)["summary"]["findings"]
    assert remaining == json.loads(before.stdout)["summary"]["findings"] - 1
    assert "salesperson" in path.read_text(encoding="utf-8")
    # Nothing is left for a second run.
    text = path.read_bytes()
    again = invoke("lint", str(path), "--fix", "-f", "json")
    assert path.read_bytes() == text
    assert "ih: fixed 0 findings" in again.stderr


# A short posting with nothing to flag (shared with other tests).
CLEAN = (Path(__file__).parent / "fixtures" / "clean-posting.md").read_text(encoding="utf-8")


def test_cli_exit_code_after_fixing_everything(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(CLEAN + "\nWe need a salesman.\n", encoding="utf-8")
    assert invoke("lint", str(path)).exit_code == 1
    result = invoke("lint", str(path), "--fix")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith("We need a salesperson.\n")


def test_cli_dry_run_prints_a_diff_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("post.md").write_text("Intro.\nWe need a salesman.\n", encoding="utf-8")
    result = invoke("lint", "post.md", "--fix", "--dry-run")
    assert result.stdout == ("--- a/post.md\n+++ b/post.md\n@@ -1,2 +1,2 @@\n Intro.\n"
                             "-We need a salesman.\n+We need a salesperson.\n")
    assert "would fix 1 finding in 1 file" in result.stderr
    assert Path("post.md").read_text(encoding="utf-8") == "Intro.\nWe need a salesman.\n"
    assert result.exit_code == 1   # what --fix would leave: document findings at warning


def test_unified_diff_marks_a_missing_final_newline():
    diff = unified_diff("p.md", "a salesman", "a salesperson")
    assert diff.endswith("-a salesman\n\\ No newline at end of file\n+a salesperson\n"
                         "\\ No newline at end of file\n")


def test_cli_unsafe_fixes(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("Join our rockstar team of guys.\n", encoding="utf-8")
    safe = invoke("lint", str(path), "--fix")
    assert "fixed 0 findings in 0 files; 1 more with --unsafe-fixes" in safe.stderr
    assert path.read_text(encoding="utf-8") == "Join our rockstar team of guys.\n"
    unsafe = invoke("lint", str(path), "--fix", "--unsafe-fixes")
    assert "fixed 1 finding in 1 file" in unsafe.stderr  # "rockstar" has advice only (fix: none)
    assert "guys" not in path.read_text(encoding="utf-8")


def test_the_unsafe_count_promised_is_what_the_unsafe_run_fixes(tmp_path):
    """Overlapping fixes and fixes that would not read well are not promised."""
    path = tmp_path / "job-posting.md"
    path.write_bytes((Path(__file__).parents[1] / "examples" / "job-posting.md").read_bytes())
    safe = invoke("lint", str(path), "--fix", "--dry-run")
    m = re.search(r"would fix (\d+) findings? in \d+ files?; (\d+) more with --unsafe-fixes", safe.stderr)
    assert m, safe.stderr
    unsafe = invoke("lint", str(path), "--fix", "--unsafe-fixes", "--dry-run")
    total = re.search(r"would fix (\d+) findings? in", unsafe.stderr)
    assert total and int(total.group(1)) == int(m.group(1)) + int(m.group(2))


def test_cli_fix_preserves_crlf_and_bom(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(b"\xef\xbb\xbfIntro.\r\nWe need a Salesman.\r\nMore text.\n")
    invoke("lint", str(path), "--fix")
    assert path.read_bytes() == b"\xef\xbb\xbfIntro.\r\nWe need a Salesperson.\r\nMore text.\n"


def test_cli_stdin_fix_prints_fixed_text_and_reports_on_stderr():
    result = invoke("lint", "-", "--fix", "-f", "concise", input="We need a salesman.\r\n")
    assert result.stdout_bytes == b"We need a salesperson.\r\n"   # .stdout turns CRLF into LF
    assert "<stdin>:1:1: IH750" in result.stderr
    assert "IH110" not in result.stderr


def test_cli_stdin_fix_dry_run():
    result = invoke("lint", "-", "--fix", "--dry-run", input="We need a salesman.\n")
    assert result.stdout == ("--- <stdin>\n+++ <stdin>\n@@ -1 +1 @@\n-We need a salesman.\n"
                             "+We need a salesperson.\n")


# --- bad input: one line on stderr, exit 2, nothing lost --------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["--unsafe-fixes"], "--unsafe-fixes needs --fix"),
    (["--dry-run"], "--dry-run needs --fix"),
    (["--fix", "--dry-run", "--write-baseline", "b.json"], "--write-baseline cannot be combined"),
])
def test_option_errors(tmp_path, args, message):
    path = tmp_path / "post.md"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    result = invoke("lint", str(path), *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stdout == ""
    assert path.read_text(encoding="utf-8") == "We need a salesman.\n"


def test_stdin_fix_with_files_is_refused(tmp_path):
    result = invoke("lint", "-", str(EXAMPLE), "--fix", input="x\n")
    assert result.exit_code == 2 and "standard input" in result.stderr


def test_read_only_file_is_not_touched(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("We need a chairman.\n", encoding="utf-8")
    path.chmod(0o444)
    try:
        result = invoke("lint", str(path), str(other), "--fix", "-f", "concise")
        assert result.exit_code == 2
        assert f"ih: {path}: read-only file; not fixed\n" in result.stderr
        assert path.read_text(encoding="utf-8") == "We need a salesman.\n"
        assert f"{path}:1:11: IH110" in result.stdout       # still reported
        assert other.read_text(encoding="utf-8") == "We need a chair.\n"   # the other file is fixed
    finally:
        path.chmod(0o644)


def test_unreadable_file_is_reported_and_others_fixed(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("We need a salesman.\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"We need a salesman \xff.\n")
    result = invoke("lint", str(bad), str(good), "--fix")
    assert result.exit_code == 2
    assert bad.read_bytes() == b"We need a salesman \xff.\n"
    assert good.read_text(encoding="utf-8") == "We need a salesperson.\n"


def test_file_changed_since_lint_is_not_fixed(tmp_path, lint):
    from inclusive_hiring.fixes import fix_file

    path = tmp_path / "post.md"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    findings = lint(path.read_text(encoding="utf-8"), str(path)).findings
    path.write_text("We need a new salesman.\n", encoding="utf-8")
    outcome = fix_file(str(path), findings, unsafe=False)
    assert outcome.error == "changed since it was linted; not fixed"
    assert path.read_text(encoding="utf-8") == "We need a new salesman.\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_fix_keeps_the_file_mode(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    path.chmod(0o600)
    invoke("lint", str(path), "--fix")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == "We need a salesperson.\n"


def test_plan_never_overlaps(lint):
    text = EXAMPLE.read_text(encoding="utf-8")
    edits = plan(text, lint(text, "job.md").findings, unsafe=True)
    assert all(a.end <= b.start for a, b in itertools.pairwise(edits))


def test_fix_none_entries_are_never_applied(lint):
    text = "Volunteers man the booth. Our tribe of engineers.\n"
    findings = lint(text, "job.md").findings
    assert {f.match for f in findings} >= {"man the booth", "tribe of engineers"}
    assert all(fix_kind(f) is None for f in findings if f.match in ("man the booth", "tribe of engineers"))
    assert apply(text, findings, unsafe=True)[0].count("booth") == 1


def test_an_unsafe_fix_never_repeats_a_content_word_nearby(tmp_path):
    """"Digital native who is comfortable with Salesforce" would read "Comfortable with digital
    tools who is comfortable with Salesforce"; and "We want young guys only" would lose its words
    ("We looking for a only"): neither is fixed, both stay reported."""
    from typer.testing import CliRunner

    from inclusive_hiring.cli import app

    job = tmp_path / "job.md"
    text = "- Digital native who is comfortable with Salesforce\n- We want young guys only.\n"
    job.write_text(text, encoding="utf-8")
    CliRunner().invoke(app, ["lint", str(job), "--fix", "--unsafe-fixes", "--fail-on", "never"])
    fixed = job.read_text(encoding="utf-8")
    assert "comfortable with digital tools who is comfortable" not in fixed.lower()
    assert "looking for a only" not in fixed
