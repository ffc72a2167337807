"""docs/new-posting.md: every spec key is described, its example spec is valid, the sentences it
quotes are the ones ih writes, and the README points to it."""

from __future__ import annotations

import re

from posting_helpers import ROOT

from inclusive_hiring.authoring import spec as spec_module
from inclusive_hiring.authoring.law import needs
from inclusive_hiring.authoring.render import render_posting

DOC = ROOT / "docs" / "new-posting.md"


def test_every_spec_key_is_described():
    text = DOC.read_text(encoding="utf-8")
    for key in (*spec_module.TOP_KEYS, *spec_module.PAY_KEYS, *spec_module.INTERVIEW_KEYS,
                *spec_module.STAGE_KEYS, *spec_module.MUST_HAVE_KEYS):
        assert f"`{key}`" in text, key
    assert f"at most {spec_module.MAX_MUST_HAVES}" in text.lower()


def test_the_example_spec_in_the_docs_is_valid_and_its_quotes_are_real():
    text = DOC.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert example
    law = needs(("CA-ON",))
    spec = spec_module.spec_from_text(example.group(1), "new-posting.md", law)
    posting = render_posting(spec, law)
    for quote in ("We do not use artificial intelligence (AI) to screen, assess or select applicants.",
                  "This posting is for an existing vacancy.", "$18.50 to $21.00 CAD an hour",
                  "If you need an accommodation or adjustment at any stage of the hiring process, contact",
                  "Northway Outdoor Supply is an equal opportunity employer. We welcome applicants of every "
                  "race, ethnicity, religion or belief, sex, sexual orientation, gender identity, national "
                  "origin, age and disability, and of every other background protected by law. We make "
                  "hiring decisions on the skills the job needs."):
        assert quote in posting, quote
        assert " ".join(quote.replace("Northway Outdoor Supply", "`organization`").split()) in \
            " ".join(text.split()), quote


def test_readme_links_to_the_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/new-posting.md" in readme and "python-docx" in readme
