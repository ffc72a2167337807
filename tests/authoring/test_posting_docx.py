"""`--format docx`: a Word document with real heading and list styles, the same text as the
Markdown (so it lints clean too), and the same bytes for the same spec."""

from __future__ import annotations

import pytest
from posting_helpers import EXAMPLE_SPECS, ROOT, fenced, ih, serious

from inclusive_hiring.api import lint_document
from inclusive_hiring.authoring.docx import blocks
from inclusive_hiring.config import ConfigResolver

docx = pytest.importorskip("docx", reason="python-docx is a runtime dependency of ih new posting")

US_CO = next(p for p in EXAMPLE_SPECS if p.parent.name.startswith("us-co"))


def as_markdown(document) -> str:
    """The document's text, with headings and list items marked as Markdown would."""
    out = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style.startswith("Heading "):
            out.append("\n" + "#" * int(style.split()[1]) + " " + paragraph.text + "\n")
        elif style.startswith("List"):
            out.append("- " + paragraph.text)
        else:
            out.append("\n" + paragraph.text + "\n")
    return "\n".join(out)


def test_docx_has_heading_and_list_styles_and_lints_clean(tmp_path):
    folder = fenced(tmp_path, (US_CO.parent / ".ih.yaml").read_text(encoding="utf-8"))
    spec = folder / "posting.yml"
    spec.write_bytes(US_CO.read_bytes())
    result = ih("--from", spec, "--format", "docx", cwd=folder)
    assert result.exit_code == 0, result.output
    assert "wrote " in result.stdout and "posting.docx" in result.stdout
    document = docx.Document(str(folder / "posting.docx"))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Heading 1", "Backend Software Engineer")
    headings = [text for style, text in styles if style == "Heading 2"]
    assert headings == ["About the role", "What you will do", "What you need", "Nice to have", "Pay",
                        "Benefits", "Flexible and remote work", "How we interview", "How to apply",
                        "Accommodations", "Equal opportunity"]
    items = [text for style, text in styles if style == "List Bullet"]
    assert "Bachelor's degree in computer science or a related field, or equivalent experience" in items
    assert len(items) == 5 + 4 + 3 + 5 + 3  # duties, must-haves, nice to have, benefits, stages
    assert document.core_properties.title == "Backend Software Engineer"
    # The same words as the Markdown posting, in the same order.
    markdown = (US_CO.parent / "posting.md").read_text(encoding="utf-8")
    assert [t for _, t in styles] == [t.removeprefix("\\") for _, t in blocks(markdown)]
    text = as_markdown(document)
    lint = lint_document(text, str(folder / "posting-docx.md"), kind="posting", config=ConfigResolver())
    assert serious(lint) == [], [(f.rule_id, f.match) for f in serious(lint)]
    assert lint.metrics["bullet_share"] > 0.25  # the list paragraphs were read back as lists


def test_docx_bytes_are_deterministic(tmp_path):
    from inclusive_hiring.authoring.docx import to_docx

    markdown = (US_CO.parent / "posting.md").read_text(encoding="utf-8")
    first = to_docx(markdown, title="T", author="A")
    assert first == to_docx(markdown, title="T", author="A")
    assert to_docx(markdown, title="Other", author="A") != first


def test_bold_becomes_a_bold_run():
    import io

    from inclusive_hiring.authoring.docx import to_docx

    document = docx.Document(io.BytesIO(to_docx("# T\n\nPlain **strong** end\n", title="T", author="A")))
    runs = document.paragraphs[1].runs
    assert [(r.text, bool(r.bold)) for r in runs] == [("Plain ", False), ("strong", True), (" end", False)]


def test_python_docx_is_a_runtime_dependency():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    runtime = text.split("[project.optional-dependencies]")[0]
    assert '"python-docx' in runtime
