"""Markdown, HTML and plain-text handling: what is linted, what is not, and where findings point."""

from __future__ import annotations

import pytest

from inclusive_hiring import lint_paths, lint_text


def spans(text: str, path: str = "posting.md") -> list:
    return [f for f in lint_text(text, path).findings if f.scope == "span"]


def rule_ids(text: str, path: str = "posting.md") -> set[str]:
    return {f.rule_id for f in spans(text, path)}


def test_control_prose_is_linted():
    """The same words as below, as plain prose, are flagged: the negatives below can fail."""
    found = spans("We need a salesman and a rockstar.\n")
    assert {(f.rule_id, f.match) for f in found} == {("IH110", "salesman"),
                                                      ("IH510", "rockstar")}


@pytest.mark.parametrize("text", [
    "Run `salesman --rockstar` to print the report.\n",
    "Run ``salesman `rockstar` `` to print the report.\n",
    "Intro text here.\n\n```\nsalesman = rockstar()\n```\n\nMore text.\n",
    "Intro text here.\n\n~~~python\n# the salesman is a rockstar\n~~~\n\nMore text.\n",
    "See https://x.com/salesman-rockstar for more.\n",
    "See www.example.com/rockstar/salesman for more.\n",
    "Read [our careers page](https://x.com/he-she-salesman) today.\n",
    "Read [our careers page](/jobs/rockstar-salesman \"Apply\") today.\n",
    "Read [our careers page][1] today.\n\n[1]: https://x.com/rockstar-salesman\n",
    "Hello.\n<!-- we really want a salesman, a rockstar -->\nWelcome.\n",
    "Hello.\n<!--\nsalesman\nrockstar\n-->\nWelcome.\n",
    "Write to salesman.rockstar@example.com with questions.\n",
])
def test_non_prose_is_not_linted(text):
    assert spans(text) == []


def test_link_text_is_linted_but_target_is_not():
    found = spans("Read [our salesman page](https://x.com/rockstar) now.\n")
    assert [(f.rule_id, f.match, f.line, f.column) for f in found] == [
        ("IH110", "salesman", 1, 11)]


def test_front_matter_keys_not_linted_values_are():
    text = ("---\nsalesman: yes\nrockstar: true\ntitle: Rockstar Salesman\n---\n\n"
            "We build tools for hospitals.\n")
    found = spans(text)
    assert sorted((f.rule_id, f.line, f.column, f.match) for f in found) == [
        ("IH110", 4, 17, "Salesman"),
        ("IH510", 4, 8, "Rockstar"),
    ]


def test_front_matter_only_at_file_start():
    """A thematic break later in the file is not front matter: the text after it is prose."""
    text = "Intro.\n\n---\nsalesman: yes\n---\n"
    assert "IH110" in rule_ids(text)


def test_hard_wrapped_phrase_matches_and_maps_to_first_line():
    text = "# Support\n\nWe want a native English\nspeaker for this role.\n"
    found = [f for f in spans(text) if f.rule_id == "IH401"]
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column) == (3, 11)
    assert (f.end_line, f.end_column) == (4, 8)
    assert f.match == "native English\nspeaker"
    assert text[f.start:f.end] == f.match


def test_hard_wrapped_phrase_with_indent():
    text = "- Must be a native English\n  speaker with no accent\n"
    found = {f.rule_id: f for f in spans(text)}
    assert (found["IH401"].line, found["IH401"].column) == (1, 13)
    assert found["IH401"].match.split() == ["native", "English", "speaker"]


def test_phrase_across_two_list_items_does_not_match():
    text = "Requirements:\n\n- You will hit the ground\n- running shoes are provided\n"
    assert "IH513" not in rule_ids(text)
    assert "IH513" in rule_ids("You will hit the ground running on day one.\n")


def test_phrase_across_two_numbered_items_does_not_match():
    text = "1. We are looking for a recent college\n2. graduate programme manager\n"
    assert "IH201" not in rule_ids(text)


def test_no_finding_spans_two_list_items():
    text = "- must be a native English\n- speaker of Spanish too\n"
    for f in spans(text):
        assert f.line == f.end_line, f
        assert "speaker" not in f.match


def test_phrase_across_paragraphs_does_not_match():
    assert "IH513" not in rule_ids("You will hit the ground\n\nrunning shoes are provided.\n")


def test_heading_does_not_run_into_next_line():
    assert "IH513" not in rule_ids("# Hit the ground\nrunning shoes are provided.\n")


def test_html_tags_ignored_text_linted():
    html = ('<html><body>\n<p class="salesman" data-role="rockstar">We need a <b>salesman</b>'
            ' now.</p>\n<script>var rockstar = "salesman";</script>\n'
            '<style>.rockstar { color: red }</style>\n</body></html>\n')
    found = spans(html, "page.html")
    column = html.split("\n")[1].index("salesman</b>") + 1
    assert [(f.rule_id, f.match, f.line, f.column) for f in found] == [
        ("IH110", "salesman", 2, column)]


def test_html_entities_and_comments():
    html = "<p>Culture&nbsp;fit? <!-- salesman --> We hire coding ninjas &amp; more.</p>\n"
    found = spans(html, "page.html")
    assert "IH110" not in {f.rule_id for f in found}
    assert "IH510" in {f.rule_id for f in found}


def test_plain_text_does_not_strip_markdown_like_text():
    """In a .txt file backticks are prose."""
    assert "IH110" in rule_ids("Run `salesman` today.\n", "posting.txt")


def test_crlf_columns_in_memory():
    text = "First line here.\r\nWe need a salesman now.\r\nAnd a rockstar.\r\n"
    found = {f.rule_id: f for f in spans(text)}
    assert (found["IH110"].line, found["IH110"].column, found["IH110"].end_column) == (2, 11, 19)
    assert (found["IH510"].line, found["IH510"].column) == (3, 7)
    for f in found.values():
        assert text[f.start:f.end] == f.match


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_crlf_file_columns(tmp_path, suffix):
    lines = ["Intro line here.", "", "We need a salesman now.", "And a true rockstar."]
    path = tmp_path / f"posting{suffix}"
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    (result,) = lint_paths([str(path)]).files
    found = {f.rule_id: f for f in result.findings if f.scope == "span"}
    assert set(found) >= {"IH110", "IH510"}
    for f in found.values():
        assert lines[f.line - 1][f.column - 1:f.end_column - 1] == f.match


def test_crlf_wrapped_phrase(tmp_path):
    path = tmp_path / "posting.md"
    path.write_bytes(b"We want a native English\r\nspeaker for this role.\r\n")
    (result,) = lint_paths([str(path)]).files
    (f,) = [f for f in result.findings if f.rule_id == "IH401"]
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 11, 2, 8)


def test_columns_count_characters_not_bytes():
    text = "🍰 Our café — « Zürich » needs a salesman.\n"
    (f,) = [f for f in spans(text) if f.rule_id == "IH110"]
    assert text[f.column - 1:f.end_column - 1] == "salesman"
    assert f.column == text.index("salesman") + 1


def test_bom_is_not_a_column(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbfWe need a salesman.\n")
    (result,) = lint_paths([str(path)]).files
    (f,) = [f for f in result.findings if f.rule_id == "IH110"]
    assert (f.line, f.column) == (1, 11)


def test_rules_drawn_with_characters_are_not_glued_to_words():
    from inclusive_hiring.text.markup import prepare

    for kind in ("text", "markdown"):
        prepared = prepare("We pay a competitive wage__________Apply by Friday\nOwn it=======\n", kind)
        assert "wage Apply" in prepared.normal
        assert "_" not in prepared.normal and "=" not in prepared.normal
        assert len(prepared.masked) == len(prepared.original)
    # two underscores or dashes are not a rule
    assert "snake__case" in prepare("Use snake__case names -- always.", "text").normal
    assert "--" in prepare("Use snake__case names -- always.", "text").normal


def test_underscore_runs_are_not_prose() -> None:
    """A run of underscores (a form blank, a scraped separator) is blanked like markup, so the word
    glued to it reads alone ("Salary____Who are we?"); offsets keep their place (h/wording3)."""
    from inclusive_hiring.text.markup import prepare

    text = "A Highly Competitive Salary______Who are we? Name: ___ ok_name"
    prepared = prepare(text, "text")
    assert "_" not in prepared.normal.replace("ok_name", "")
    assert "Salary Who are we?" in prepared.normal
    assert "ok_name" in prepared.normal
    assert len(prepared.masked) == len(text)
