"""Rendering: determinism, the printable HTML, template overrides and template errors."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from kit_helpers import EXAMPLE_POSTING, ROOT, library_fixture, spec_file_fixture  # noqa: F401 (fixtures)

from inclusive_hiring.kits import KitError
from inclusive_hiring.kits.build import build_from_posting, build_from_spec
from inclusive_hiring.kits.render import TEMPLATES, package_templates_dir


def test_every_template_is_shipped():
    shipped = sorted(p.relative_to(package_templates_dir()).as_posix()
                     for p in (package_templates_dir() / "kit").rglob("*.j2"))
    assert shipped == sorted(TEMPLATES)


def test_markdown_parts(spec_file, library):
    kit, files = build_from_spec(spec_file(), library=library)
    assert list(files) == ["00-plan.md", "11-guide-skills-interview.md", "12-guide-team-interview.md",
                           "21-scorecard-hiring-manager.md", "22-scorecard-support-engineer.md",
                           "30-debrief.md", "40-checklists.md", "50-candidate.md", "scorecards.csv"]
    guide = files["11-guide-skills-interview.md"]
    for slot in kit.stages[0].slots:
        for question in slot.questions:
            assert question.text in guide
            assert all(probe in guide for probe in question.probes)
        assert all(anchor in guide for anchor in slot.competency.rubric)
    assert "Notes:" in guide
    card = files["21-scorecard-hiring-manager.md"]
    assert "### Customer focus" in card and "Communication" not in card  # only what they rate
    assert "weight" not in card  # raters rate against the anchors; weights apply in the debrief
    debrief = files["30-debrief.md"]
    assert "Independent scores first" in debrief and "at least **3**" in debrief
    checklists = files["40-checklists.md"]
    for title in ("A diverse and trained panel", "The same questions for every candidate",
                  "Accommodations offered to every candidate ahead of time", "Note taking",
                  "Candidate experience"):
        assert f"## {title}" in checklists
    assert "Asking for accommodations" in files["50-candidate.md"]
    assert all(text.endswith("\n") and not text.endswith("\n\n\n") for text in files.values())


def test_scorecard_csv_has_the_canonical_shape(spec_file, library):
    import csv
    import io

    kit, files = build_from_spec(spec_file(), library=library)
    html_files = build_from_spec(spec_file(), fmt="html", library=library)[1]
    assert sorted(html_files) == ["kit.html", "scorecards.csv"]
    assert html_files["scorecards.csv"] == files["scorecards.csv"]
    rows = list(csv.reader(io.StringIO(files["scorecards.csv"])))
    assert rows[0] == ["candidate_id", "requisition_id", "stage", "interviewer_id", "competency", "rating",
                       "interviewed_at", "submitted_at", "debrief_at"]
    expected = [(stage.slug, person.slug, slot.competency.id)
                for person in kit.interviewers for stage in person.stages for slot in stage.slots]
    assert [(r[2], r[3], r[4]) for r in rows[1:]] == expected
    assert all(r[0] == r[1] == r[5] == r[6] == r[7] == r[8] == "" for r in rows[1:])  # to fill in


def test_same_spec_same_bytes(spec_file, library):
    path = spec_file()
    for fmt in ("markdown", "html"):
        first = build_from_spec(path, fmt=fmt, library=library)[1]
        second = build_from_spec(path, fmt=fmt, library=library)[1]
        assert first == second


def test_same_bytes_across_processes(tmp_path):
    """Two separate runs of the CLI (fresh interpreters) write identical files."""
    outs = []
    for n in (1, 2):
        out = tmp_path / f"kit{n}"
        proc = subprocess.run([sys.executable, "-m", "inclusive_hiring", "kit", "--from", str(EXAMPLE_POSTING),
                               "--out", str(out)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        outs.append({p.name: p.read_bytes() for p in out.iterdir()})
    first, second = outs
    # The spec names its own folder in the "run this next" comment; everything else is identical.
    assert first.pop("kit.yml").replace(b"kit1", b"kit2") == second.pop("kit.yml")
    assert first == second


def test_html_is_self_contained_and_printable(spec_file, library):
    html = build_from_spec(spec_file(), fmt="html", library=library)[1]["kit.html"]
    assert html.startswith("<!DOCTYPE html>")
    assert "@media print" in html and "break-before: page" in html and "@page" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"<(script|link|img|iframe|object)\b", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert html.count('<section class="part"') == 1 + 1 + 2 + 2 + 3  # cover, plan, guides, cards, 3 more
    for anchor in re.findall(r'href="#([^"]+)"', html):
        assert f'id="{anchor}"' in html


def test_html_escapes_spec_text(spec_file, library):
    path = spec_file(spec_file().read_text().replace("role: Support Engineer",
                                                     'role: "Support <b>Engineer</b> & Co"'))
    html = build_from_spec(path, fmt="html", library=library)[1]["kit.html"]
    assert "Support &lt;b&gt;Engineer&lt;/b&gt; &amp; Co" in html
    assert "<b>Engineer" not in html


def test_override_one_template(tmp_path, spec_file, library):
    ours = tmp_path / "templates" / "kit"
    ours.mkdir(parents=True)
    (ours / "candidate.md.j2").write_text("# Welcome to the {{ spec.role }} interviews\n", encoding="utf-8")
    files = build_from_spec(spec_file(), library=library, templates_dir=tmp_path / "templates")[1]
    assert files["50-candidate.md"] == "# Welcome to the Support Engineer interviews\n"
    assert files["00-plan.md"].startswith("# Interview plan: Support Engineer")  # the others are shipped


def test_override_the_shared_wording(tmp_path, spec_file, library):
    ours = tmp_path / "kit"
    ours.mkdir()
    shipped = (package_templates_dir() / "kit" / "_content.j2").read_text(encoding="utf-8")
    (ours / "_content.j2").write_text(shipped.replace("Thank you for applying.", "Thanks for applying!"),
                                      encoding="utf-8")
    for fmt, name in (("markdown", "50-candidate.md"), ("html", "kit.html")):
        files = build_from_spec(spec_file(), fmt=fmt, library=library, templates_dir=tmp_path)[1]
        assert "Thanks for applying!" in files[name]


@pytest.mark.parametrize(("body", "line", "problem"), [
    ("# Plan\n\n{% if spec.role %}\nunclosed\n", 4, "Unexpected end of template"),
    ("# Plan\n{{ spec.rolle }}\n", 2, "has no attribute 'rolle'"),
    ("# Plan\n\n\n{{ kit.stages | nosuchfilter }}\n", 4, "No filter named 'nosuchfilter'"),
])
def test_template_errors_name_the_template_and_line(tmp_path, spec_file, library, body, line, problem):
    ours = tmp_path / "kit"
    ours.mkdir()
    (ours / "plan.md.j2").write_text(body, encoding="utf-8")
    with pytest.raises(KitError) as info:
        build_from_spec(spec_file(), library=library, templates_dir=tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{ours / 'plan.md.j2'}:{line}: template error: "), message
    assert problem in message


def test_unknown_template_name_in_override_folder(tmp_path, spec_file, library):
    (tmp_path / "kit").mkdir()
    (tmp_path / "kit" / "guid.md.j2").write_text("x\n", encoding="utf-8")
    with pytest.raises(KitError) as info:
        build_from_spec(spec_file(), library=library, templates_dir=tmp_path)
    assert "not a kit template" in str(info.value) and "did you mean 'kit/guide.md.j2'?" in str(info.value)


def test_templates_dir_must_exist(tmp_path, spec_file, library):
    with pytest.raises(KitError, match="templates_dir is not a folder"):
        build_from_spec(spec_file(), library=library, templates_dir=tmp_path / "missing")


def test_wheel_includes_templates():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"templates" = "inclusive_hiring/templates"' in text


def test_starter_spec_round_trips(tmp_path, library):
    starter = build_from_posting(str(EXAMPLE_POSTING), tmp_path, library=library)
    spec = tmp_path / "kit.yml"
    spec.write_text(starter.spec_text, encoding="utf-8")
    assert build_from_spec(spec, library=library)[1] == starter.files
