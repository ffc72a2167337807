"""`ih serve` and `ih lsp` are registered without making `ih --help` load their stacks."""

from __future__ import annotations

import subprocess
import sys


def test_cli_import_loads_no_web_or_lsp_stack() -> None:
    code = ("import sys\nfrom inclusive_hiring import cli\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'starlette', 'uvicorn', 'pygls', 'lsprotocol', 'anyio', 'spacy'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_help_lists_serve_and_lsp() -> None:
    done = subprocess.run([sys.executable, "-m", "inclusive_hiring", "--help"], capture_output=True, text=True,
                          timeout=60, check=True)
    assert "serve " in done.stdout and "lsp " in done.stdout
    serve = subprocess.run([sys.executable, "-m", "inclusive_hiring", "serve", "--help"], capture_output=True,
                           text=True, timeout=60, check=True)
    for option in ("--host", "--port", "--token", "--allow-host", "--config", "--no-config", "IH_SERVE_TOKEN"):
        assert option in serve.stdout
