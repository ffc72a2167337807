"""``ih report``: the HTML page (escaping, CSP, determinism) and the JSON aggregates."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from report_helpers import CORPUS, ih, postings


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One report over three postings (ih starts spaCy each run: build it once for these tests)."""
    tmp_path = tmp_path_factory.mktemp("report")
    folder = postings(tmp_path / "postings")
    out = tmp_path / "report.html"
    result = ih("report", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"ih: wrote {out}: 3 files" in result.stderr
    return out, out.read_text(encoding="utf-8")


def test_posting_markup_is_escaped(page: tuple[Path, str]) -> None:
    _, html = page
    assert "<script>document.title" not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=" in html
    assert 'href="javascript:' not in html
    assert html.count("<script>") == 1  # the sort script, nothing else


def test_content_security_policy_hashes(page: tuple[Path, str]) -> None:
    _, html = page
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    for body, directive in ((script, "script-src"), (style, "style-src")):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.split("<footer>")[0].replace(
        'href="https://github.com/inclusive-hiring/ih/blob/main/docs/rules.md#', "")), "no remote loads"
    assert ' style="' not in html  # inline style attributes would need 'unsafe-inline'


def test_content(page: tuple[Path, str]) -> None:
    _, html = page
    assert 'href="https://github.com/inclusive-hiring/ih/blob/main/docs/rules.md#ih110-gendered-job-title"' in html
    assert '<mark class="error" id="posting-' in html and "salesman</mark>" in html
    assert "<svg" in html and "@media print" in html
    assert html.index("example.md") < html.index("evil.md")  # most problems first


def test_deterministic_bytes(page: tuple[Path, str], tmp_path: Path) -> None:
    out, first = page
    again = tmp_path / "again.html"
    assert ih("report", str(out.parent / "postings"), "-o", str(again), "-j", "1").returncode == 0
    assert again.read_text(encoding="utf-8") == first


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    folder = postings(tmp_path / "postings")
    out = tmp_path / "report.html"
    out.write_text("keep me", encoding="utf-8")
    result = ih("report", str(folder), "-o", str(out))
    assert result.returncode == 2 and "exists; use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert ih("report", str(folder), "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    result = ih("report", str(tmp_path / "missing"), "-o", str(tmp_path / "r.html"))
    assert result.returncode == 2 and result.stderr.startswith("ih: error: nothing could be linted")
    assert "Traceback" not in result.stderr and not (tmp_path / "r.html").exists()
    result = ih("report", str(postings(tmp_path / "p")), "-o", str(tmp_path / "no/such/dir/r.html"))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_json_aggregates(tmp_path: Path) -> None:
    folder = postings(tmp_path / "postings")
    result = ih("report", str(folder), "-o", "-", "--format", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["totals"]["files"] == 3
    lint = json.loads(ih("lint", "-f", "json", str(folder)).stdout)
    assert data["totals"]["findings"] == lint["summary"]["findings"]
    assert [r["path"] for r in data["files"]] == [f["path"] for f in lint["files"]]
    assert {r["path"]: r["findings"] for r in data["files"]} == {f["path"]: len(f["findings"]) for f in lint["files"]}


def test_report_over_real_postings(tmp_path: Path) -> None:
    source = CORPUS / "techcorridor"
    if not source.is_dir():
        pytest.skip("../shared/corpus is not here")
    folder = tmp_path / "jobs"
    folder.mkdir()
    for path in sorted(source.glob("*.md"))[:12]:
        shutil.copy(path, folder / path.name)
    out = tmp_path / "corpus.html"
    result = ih("report", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="posting"') == 12
    data = json.loads(ih("report", str(folder), "-o", "-", "-f", "json").stdout)
    assert data["totals"]["postings"] + data["totals"]["question_lists"] == 12
    assert sum(data["gender_coding"]["verdicts"].values()) == 12


def test_coverage_per_configured_jurisdiction(tmp_path: Path) -> None:
    folder = postings(tmp_path / "postings")
    (folder / ".ih.yaml").write_text("jurisdictions: [US-CO]\n", encoding="utf-8")
    data = json.loads(ih("report", str(folder), "-o", "-", "-f", "json").stdout)
    assert [j["code"] for j in data["jurisdictions"]] == ["US-CO"]
    assert data["jurisdictions"][0]["postings"] == data["coverage"]["postings"] == 3
    assert all(r["jurisdictions"] == ["US-CO"] for r in data["files"])
    html = ih("report", str(folder), "-o", "-").stdout
    assert "By jurisdiction (from the configuration)" in html and "<td>US-CO</td>" in html
