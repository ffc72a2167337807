"""``ih lsp`` as a subprocess, spoken to in JSON-RPC over stdio: diagnostics, quick fix, hover,
configuration and suppressions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lsp_client import LspClient

POSTING = "# Account Executive\n\nWe want a salesman 😀 who is a ninja.\n"


@pytest.fixture(scope="module")
def lsp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LspClient]:
    client = LspClient(cwd=tmp_path_factory.mktemp("lsp-cwd"))
    result = client.initialize()
    capabilities = result["capabilities"]
    assert capabilities["hoverProvider"] is True
    assert "quickfix" in capabilities["codeActionProvider"]["codeActionKinds"]
    assert result["serverInfo"]["name"] == "ih"
    yield client
    assert client.close() == 0


def _open(lsp: LspClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    lsp.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1,
                                                         "text": text}})
    return uri


def _by_code(diagnostics: list[dict], code: str) -> dict:
    return next(d for d in diagnostics if d.get("code") == code)


def test_diagnostics_quick_fix_and_hover_for_salesman(lsp: LspClient, tmp_path: Path) -> None:
    uri = _open(lsp, tmp_path / "job.md", POSTING)
    found = lsp.diagnostics(uri)
    salesman = _by_code(found, "IH110")
    assert salesman["range"] == {"start": {"line": 2, "character": 10}, "end": {"line": 2, "character": 18}}
    assert salesman["severity"] == 1 and salesman["source"] == "ih"
    assert salesman["codeDescription"]["href"].endswith("docs/rules.md#ih110-gendered-job-title")
    assert salesman["message"] == "“salesman” is a gendered job title; use “salesperson”."
    # "a ninja" starts at code point 28 of the line, after an emoji of two UTF-16 units: LSP's
    # default position encoding (UTF-16) puts it at 29.
    ninja = _by_code(found, "IH510")
    assert ninja["range"] == {"start": {"line": 2, "character": 29}, "end": {"line": 2, "character": 36}}
    assert ninja["severity"] == 2
    assert _by_code(found, "IH751")["severity"] == 3  # info -> Information

    actions = lsp.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": salesman["range"], "context": {"diagnostics": [salesman]}})
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1 and quick[0]["isPreferred"] is True
    assert quick[0]["edit"]["changes"][uri] == [{"range": salesman["range"], "newText": "salesperson"}]
    assert quick[0]["diagnostics"][0]["code"] == "IH110"
    fix_all = next(a for a in actions if a["kind"] == "source.fixAll")
    assert fix_all["edit"]["changes"][uri][0]["newText"] == POSTING.replace("salesman", "salesperson")

    hover = lsp.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 12}})
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert value.startswith("**IH110 gendered-job-title** (error)")
    assert "*Why it matters:* A job title that names one sex" in value and "“salesperson”" in value
    assert lsp.request("textDocument/hover", {"textDocument": {"uri": uri},
                                              "position": {"line": 0, "character": 3}}) is None


def test_change_relints_and_close_clears(lsp: LspClient, tmp_path: Path) -> None:
    uri = _open(lsp, tmp_path / "edit.md", POSTING)
    assert "IH110" in {d["code"] for d in lsp.diagnostics(uri)}
    lsp.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 2, "character": 10}, "end": {"line": 2, "character": 18}},
                            "text": "salesperson"}]})
    after = lsp.diagnostics(uri, version=2)
    assert "IH110" not in {d["code"] for d in after} and "IH510" in {d["code"] for d in after}
    lsp.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                          "contentChanges": [{"text": "Hiring a chairman.\n"}]})
    full = lsp.diagnostics(uri, version=3)
    assert {d["code"] for d in full} >= {"IH110"}
    lsp.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert lsp.diagnostics(uri) == []


def test_a_burst_of_changes_ends_with_the_last_text(lsp: LspClient, tmp_path: Path) -> None:
    uri = _open(lsp, tmp_path / "burst.txt", "Hello.\n", language="plaintext")
    lsp.diagnostics(uri)
    for version, word in enumerate(["chairman", "salesman", "rockstar", "fireman"], start=2):
        lsp.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                              "contentChanges": [{"text": f"We need a {word}.\n"}]})
    last = lsp.diagnostics(uri, version=5, timeout=30)
    assert [d["range"]["start"]["character"] for d in last if d["code"] == "IH110"] == [10]


def test_ih_yaml_and_inline_suppressions_are_honoured(lsp: LspClient, tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "jobs").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / ".ih.yaml").write_text("rules:\n  IH510: disable\n", encoding="utf-8")
    text = "We want a salesman who is a ninja.\n<!-- ih-disable-next-line IH110 -->\nOur chairman said so.\n"
    configured = lsp.diagnostics(_open(lsp, project / "jobs" / "role.md", text))
    codes = [d["code"] for d in configured]
    assert "IH510" not in codes  # disabled in .ih.yaml
    assert [d["range"]["start"]["line"] for d in configured if d["code"] == "IH110"] == [0]  # line 2 suppressed
    elsewhere = lsp.diagnostics(_open(lsp, tmp_path / "role.md", text))
    assert "IH510" in [d["code"] for d in elsewhere]


def test_a_broken_ih_yaml_is_one_diagnostic(lsp: LspClient, tmp_path: Path) -> None:
    project = tmp_path / "broken"
    project.mkdir()
    (project / ".git").mkdir()
    (project / ".ih.yaml").write_text("rules:\n  IH999: disable\n", encoding="utf-8")
    found = lsp.diagnostics(_open(lsp, project / "job.md", "We want a salesman.\n"))
    assert len(found) == 1 and found[0]["severity"] == 1
    assert found[0]["message"].startswith("ih cannot lint this file: ") and ".ih.yaml" in found[0]["message"]


def test_an_edited_ih_yaml_applies_from_the_next_lint(lsp: LspClient, tmp_path: Path) -> None:
    import os

    project = tmp_path / "edited"
    project.mkdir()
    (project / ".git").mkdir()
    config = project / ".ih.yaml"
    config.write_text("rules:\n  IH510: disable\n", encoding="utf-8")
    uri = _open(lsp, project / "job.md", "We want a ninja.\n")
    assert "IH510" not in [d["code"] for d in lsp.diagnostics(uri)]
    config.write_text("rules:\n  IH110: disable\n", encoding="utf-8")
    stamp = config.stat().st_mtime_ns + 2_000_000_000
    os.utime(config, ns=(stamp, stamp))
    lsp.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                          "contentChanges": [{"text": "We want a ninja salesman.\n"}]})
    codes = [d["code"] for d in lsp.diagnostics(uri, version=2)]
    assert "IH510" in codes and "IH110" not in codes
