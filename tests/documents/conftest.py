from __future__ import annotations

from pathlib import Path

import pytest
from document_helpers import write_docx, write_pdf


@pytest.fixture
def job_docx(tmp_path: Path) -> Path:
    return write_docx(
        tmp_path / "job.docx",
        header="Acme Corp careers",
        footer="Acme is an equal opportunity employer.",
        body=(("Title", "Salesman wanted"),
              ("", "We want an experienced person to join us."),
              ("Heading 2", "Requirements"),
              ("List Bullet", "Native English speaker"),
              ("List Bullet", "Strong writing")),
        table=(("Perks", "Salary"), ("Work hard play hard culture", "$50,000 - $60,000 per year")),
        nested=(("Our manpower plan",),),
    )


@pytest.fixture
def job_pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "job.pdf", [
        ["ACME CORP - Job posting", "We are looking for a salesman who knows our",
         "customers and plans well. The team is young and small. Require-",
         "ments are few and we train you.", "Page 1 of 2"],
        ["ACME CORP - Job posting", "Benefits: a competitive salary and a", "digital native mindset.",
         "Page 2 of 2"],
    ])
