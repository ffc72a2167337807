"""The JSON API of ``ih serve``, in process (Starlette's TestClient): wire schema, fixes, errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from serve_helpers import FLAWED, client_fixture, service_fixture  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "json-schema-v1.json").read_text(encoding="utf-8"))


def _validate(data: object) -> None:
    import jsonschema

    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_lint_returns_the_wire_schema_byte_for_byte_as_ih_lint_prints_it(client) -> None:
    response = client.post("/api/lint", json={"text": FLAWED})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    _validate(response.json())
    cli = subprocess.run([sys.executable, "-m", "inclusive_hiring", "lint", "-", "--format", "json", "--no-config"],
                         input=FLAWED.encode(), capture_output=True, check=False)
    assert cli.returncode == 1, cli.stderr
    expected = cli.stdout.decode("utf-8").replace('"path": "<stdin>"', '"path": "<text>"')
    assert response.text == expected
    rules = [f["rule_id"] for f in response.json()["files"][0]["findings"]]
    assert "IH110" in rules and "IH510" in rules


def test_kind_and_jurisdictions_change_the_result(client) -> None:
    text = FLAWED + "What is your current salary?\n"
    plain = client.post("/api/lint", json={"text": text}).json()["files"][0]
    colorado = client.post("/api/lint", json={"text": text, "jurisdictions": ["US-CO"]}).json()
    _validate(colorado)
    pay = {f["rule_id"]: f["severity"] for f in colorado["files"][0]["findings"]}
    assert pay["IH701"] == "error"
    assert {f["rule_id"]: f["severity"] for f in plain["findings"]}["IH701"] == "warning"
    questions = client.post("/api/lint", json={"text": "1. Are you married?\n2. How old are you?\n",
                                              "kind": "questions"}).json()
    _validate(questions)
    assert questions["files"][0]["kind"] == "questions"


def test_empty_text_is_a_file_error_in_the_schema(client) -> None:
    data = client.post("/api/lint", json={"text": "  \n"}).json()
    _validate(data)
    assert data["files"][0]["error"] == "empty text"
    assert data["summary"]["findings"] == 0


@pytest.mark.parametrize(("body", "content_type", "status", "words"), [
    (b"{not json", "application/json", 400, "not valid JSON"),
    (b'{"text": "x"}', "text/plain", 415, "application/json"),
    (b'["text"]', "application/json", 400, "JSON object"),
    (b'{"text": 3}', "application/json", 400, "'text' must be a string"),
    (b'{"text": "x", "kind": "poem"}', "application/json", 400, "'kind' must be one of"),
    (b'{"text": "x", "jurisdictions": "US-CO"}', "application/json", 400, "'jurisdictions' must be a list"),
    (b'{"text": "x", "jurisdictions": ["US-CL"]}', "application/json", 400, "unknown jurisdiction 'US-CL'"),
    (b'{"text": "x", "colour": "red"}', "application/json", 400, "unknown key 'colour'"),
])
def test_bad_requests_get_one_line_errors(client, body: bytes, content_type: str, status: int, words: str) -> None:
    response = client.post("/api/lint", content=body, headers={"content-type": content_type})
    assert response.status_code == status
    error = response.json()["error"]
    assert words in error and "\n" not in error


def test_text_over_the_file_limit_is_refused(client) -> None:
    response = client.post("/api/lint", json={"text": "word " * 500_000})
    assert response.status_code == 413
    assert "the limit is 2 MB" in response.json()["error"]


def _index(report: dict, rule_id: str) -> int:
    findings = report["files"][0]["findings"]
    return next(i for i, f in enumerate(findings) if f["rule_id"] == rule_id)


def test_check_lists_the_safe_fixes_and_fix_applies_one(client) -> None:
    checked = client.post("/api/check", json={"text": FLAWED}).json()
    _validate(checked["report"])
    salesman = _index(checked["report"], "IH110")
    assert {"finding": salesman, "replacement": "salesperson"} in checked["fixes"]
    fixed = client.post("/api/fix", json={"text": FLAWED, "finding": salesman}).json()
    assert fixed["applied"] == 1
    assert fixed["text"] == FLAWED.replace("salesman", "salesperson")
    _validate(fixed["report"])
    assert "IH110" not in {f["rule_id"] for f in fixed["report"]["files"][0]["findings"]}
    assert all(x["finding"] < len(fixed["report"]["files"][0]["findings"]) for x in fixed["fixes"])


def test_fix_all_applies_every_safe_fix_and_leaves_none(client) -> None:
    fixed = client.post("/api/fix", json={"text": FLAWED, "finding": None}).json()
    assert fixed["applied"] >= 2
    assert "salesperson" in fixed["text"] and "salesman" not in fixed["text"]
    assert fixed["fixes"] == []
    again = client.post("/api/fix", json={"text": fixed["text"]}).json()
    assert again["applied"] == 0 and again["text"] == fixed["text"]


def test_fix_refuses_a_finding_without_a_safe_fix(client) -> None:
    report = client.post("/api/lint", json={"text": FLAWED}).json()
    missing_pay = _index(report, "IH701")
    response = client.post("/api/fix", json={"text": FLAWED, "finding": missing_pay})
    assert response.status_code == 409
    assert response.json()["error"] == f"finding {missing_pay} has no safe fix"
    assert client.post("/api/fix", json={"text": FLAWED, "finding": 999}).status_code == 409
    assert client.post("/api/fix", json={"text": FLAWED, "finding": "1"}).status_code == 400


def test_info_lists_jurisdictions_and_upload_types(client) -> None:
    info = client.get("/api/info").json()
    codes = [j["code"] for j in info["jurisdictions"]]
    assert "US-CO" in codes and codes == sorted(codes)
    assert info["configured"] == []
    assert ".md" in info["upload_suffixes"] and ".txt" in info["upload_suffixes"]


def test_page_and_assets_are_served_from_the_package(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script src="/static/app.js"' in page.text
    assert "<script>" not in page.text  # no inline script: the CSP forbids it
    for asset, kind in (("/static/app.js", "javascript"), ("/static/app.css", "text/css")):
        response = client.get(asset)
        assert response.status_code == 200 and kind in response.headers["content-type"]
    shipped = page.text + client.get("/static/app.js").text + client.get("/static/app.css").text
    assert not re.search(r"https?://|//cdn|@import", shipped)  # nothing loads from the network
    assert "innerHTML" not in shipped and "insertAdjacentHTML" not in shipped
    assert client.get("/static/../service.py").status_code == 404


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_page_colours_meet_wcag_aa_contrast() -> None:
    css = (ROOT / "src" / "inclusive_hiring" / "server" / "static" / "app.css").read_text(encoding="utf-8")
    colour = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6});", css))
    pairs = [("ink", "paper"), ("ink", "page"), ("muted", "paper"), ("muted", "page"), ("error", "error-bg"),
             ("warning", "warning-bg"), ("info", "info-bg"), ("ok", "ok-bg"), ("accent-dark", "paper"),
             ("paper", "accent"), ("paper", "accent-dark"), ("error", "paper")]
    for fg, bg in pairs:
        light, dark = sorted((_luminance(colour[fg]), _luminance(colour[bg])), reverse=True)
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}"


def test_the_ih_yaml_where_serve_starts_applies_and_requests_can_replace_its_jurisdictions(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from serve_helpers import make_client

    from inclusive_hiring.server.service import LintService

    (tmp_path / ".git").mkdir()
    (tmp_path / ".ih.yaml").write_text("jurisdictions: [US-CO]\nrules:\n  IH510: disable\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    service = LintService()
    service.warm_up()
    with make_client(service) as client:
        assert client.get("/api/info").json()["configured"] == ["US-CO"]
        configured = client.post("/api/lint", json={"text": FLAWED}).json()["files"][0]["findings"]
        severity = {f["rule_id"]: f["severity"] for f in configured}
        assert "IH510" not in severity and severity["IH701"] == "error"
        none = client.post("/api/lint", json={"text": FLAWED, "jurisdictions": []}).json()["files"][0]["findings"]
        assert {f["rule_id"]: f["severity"] for f in none}["IH701"] == "warning"
        assert "IH510" not in {f["rule_id"] for f in none}
        suppressed = client.post("/api/lint", json={"text": FLAWED.replace(
            "We need", "<!-- ih-disable-next-line IH110 -->\nWe need")})
        assert "IH110" in {f["rule_id"] for f in configured}
        assert "IH110" not in {f["rule_id"] for f in suppressed.json()["files"][0]["findings"]}
