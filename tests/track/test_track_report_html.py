"""The HTML report: self-contained, autoescaped, deterministic; and the whole loop from the docs,
ih kit -> fill in scorecards.csv -> ih track add -> ih track report --format html, looked at in
headless Chromium."""

from __future__ import annotations

import csv
import io
import os
import re
import struct
from pathlib import Path

from track_helpers import make
from typer.testing import CliRunner

from inclusive_hiring.cli import app


def ih(*args, cwd=None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, [*map(str, args)])
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def html_report(db: Path, *extra: str) -> str:
    result = ih("track", "report", "--db", db, "--format", "html", *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_html_is_self_contained_strict_and_deterministic(tmp_path):
    data = make(tmp_path / "in")
    db = tmp_path / "t.sqlite"
    assert ih("track", "add", "--db", db, "--pipeline", data.pipeline, "--scorecards", data.scorecards,
              "--demographics", data.demographics).exit_code == 0
    page = html_report(db)
    assert page.startswith("<!DOCTYPE html>")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp and "default-src 'none'" in csp.group(1) and "script-src" not in csp.group(1)
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert page.count("<svg") == 6 + 1  # one rate chart per stage and dimension, one interviewer chart
    assert 'class="fifths"' in page and "below 4/5" in page
    assert page == html_report(db)


def test_html_escapes_names_from_the_data(tmp_path):
    pipe = tmp_path / "p.csv"
    rows = "".join(f"c{n},R,<b>stage</b>,{'advanced' if n % 2 else 'rejected'}\n" for n in range(20))
    pipe.write_text("candidate_id,requisition_id,stage,outcome\n" + rows, encoding="utf-8")
    demo = tmp_path / "d.csv"
    demo.write_text("candidate_id,<script>dim</script>\n" + "".join(
        f"c{n},{'<img src=x onerror=alert(1)>' if n < 10 else 'B&B'}\n" for n in range(20)), encoding="utf-8")
    db = tmp_path / "t.sqlite"
    assert ih("track", "add", "--db", db, "--pipeline", pipe, "--demographics", demo).exit_code == 0
    page = html_report(db)
    assert "<script>" not in page and "<img" not in page and "<b>stage" not in page
    assert "&lt;script&gt;dim&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "B&amp;B" in page


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def _fill_scorecards(template: str, candidates: int) -> str:
    """What a panel does with the kit's scorecards.csv: one copy of the rows per candidate, with
    ids, ratings and times filled in."""
    rows = list(csv.DictReader(io.StringIO(template)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for n in range(1, candidates + 1):
        for i, row in enumerate(rows):
            writer.writerow({**row, "candidate_id": f"kc-{n:03d}", "requisition_id": "REQ-9",
                             "interviewer_id": f"{row['interviewer_id']}-1",
                             "rating": str(1 + (n + i) % 5), "interviewed_at": "2026-04-01T10:00",
                             "submitted_at": "2026-04-01T15:00", "debrief_at": "2026-04-02T09:00"})
    return out.getvalue()


def test_from_a_kit_to_an_html_report_in_a_real_browser(tmp_path):
    from browser import require_chromium, screenshot

    assert ih("kit", "init", "--out", tmp_path / "kit.yml").exit_code == 0
    assert ih("kit", tmp_path / "kit.yml", "--out", tmp_path / "kit").exit_code == 0
    template = (tmp_path / "kit" / "scorecards.csv").read_text(encoding="utf-8")
    (tmp_path / "scorecards.csv").write_text(_fill_scorecards(template, 40), encoding="utf-8")
    pipeline = ["candidate_id,requisition_id,stage,outcome,decided_on"]
    demographics = ["candidate_id,sex"]
    for n in range(1, 41):
        group = "F" if n <= 16 else "M"
        selected = n <= 4 or n > 24  # F: 4 of 16, M: 16 of 24
        pipeline.append(f"kc-{n:03d},REQ-9,onsite,{'advanced' if selected else 'rejected'},2026-04-03")
        demographics.append(f"kc-{n:03d},{group}")
    (tmp_path / "pipeline.csv").write_text("\n".join(pipeline) + "\n", encoding="utf-8")
    (tmp_path / "demographics.csv").write_text("\n".join(demographics) + "\n", encoding="utf-8")
    db = tmp_path / ".ih" / "track.sqlite"
    added = ih("track", "add", "--db", db, "--pipeline", tmp_path / "pipeline.csv", "--scorecards",
               tmp_path / "scorecards.csv", "--demographics", tmp_path / "demographics.csv")
    assert added.exit_code == 0, added.output
    assert f"scorecards: {40 * (len(template.splitlines()) - 1)} rows read" in added.stdout
    out = tmp_path / "report.html"
    assert ih("track", "report", "--db", db, "--format", "html", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "onsite: sex" in page and "below 4/5" in page and "hiring-manager-1" in page
    assert "100.0%</b>scorecards with every competency rated" in page
    assert not any(f"kc-{n:03d}" in page for n in range(1, 41))
    require_chromium()
    shot = screenshot(out.as_uri(), tmp_path / "report.png", width=1280, height=2200)
    width, height = _png_size(shot)
    assert (width, height) == (1280, 2200)
    from browser import dump_dom

    dom = dump_dom(out.as_uri())
    assert "Interview inclusivity report" in dom and dom.count("<svg") == 2
    keep = os.environ.get("IH_KEEP_SCREENSHOT")
    if keep:
        Path(keep).write_bytes(shot.read_bytes())
