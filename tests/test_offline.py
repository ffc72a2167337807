"""`ih` runs offline: linting opens no socket, and the light entry points do not import spaCy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "job-posting.md"

# Installed before anything else is imported; records every attempt at the network in a file.
# One socket creation is refused but not counted: `import spacy` imports spacy.cli.download, which
# imports requests and so urllib3, whose urllib3.util.connection._has_ipv6() creates (and binds to
# ::1) a socket at import time only to learn whether IPv6 exists. It catches the refusal and moves
# on; it is a capability probe on loopback, not network traffic. Everything else is logged.
GUARD = textwrap.dedent("""
    import os, socket, sys

    _LOG = os.environ["IH_TEST_SOCKET_LOG"]

    def _refuse(what):
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(what + "\\n")
        raise OSError("network disabled by test_offline: " + what)

    def _is_urllib3_ipv6_probe():
        caller = sys._getframe(2).f_code
        return (caller.co_name == "_has_ipv6"
                and caller.co_filename.replace(os.sep, "/").endswith("urllib3/util/connection.py"))

    class _NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            if _is_urllib3_ipv6_probe():
                raise OSError("network disabled by test_offline (IPv6 probe)")
            _refuse("socket.socket%r" % (args,))

    def _no_create_connection(*args, **kwargs):
        _refuse("socket.create_connection%r" % (args,))

    def _no_getaddrinfo(*args, **kwargs):
        _refuse("socket.getaddrinfo%r" % (args,))

    def _no_socketpair(*args, **kwargs):
        _refuse("socket.socketpair")

    socket.socket = _NoSocket
    socket.SocketType = _NoSocket
    socket.create_connection = _no_create_connection
    socket.getaddrinfo = _no_getaddrinfo
    socket.gethostbyname = _no_getaddrinfo
    socket.socketpair = _no_socketpair
""")

CORPUS_LIKE = """Senior Data Engineer (Remote, US)

About the role
We are a young, fast-growing fintech looking for a rockstar data engineer who can hit the ground
running. He will own our pipelines end to end and dominate the roadmap. You are a digital native,
a native English speaker and a culture fit who loves to work hard and play hard.

Requirements
- Bachelor's degree required; master's degree preferred
- 10+ years of Python, 8+ years of Spark, recent college graduates need not apply
- Must be able to lift 40 lbs
- Please include your current salary and date of birth

Benefits
Competitive salary, beer on tap, and unlimited PTO.
"""

LINT_SCRIPT = textwrap.dedent("""
    import json, sys
    exec(open(sys.argv[1], encoding="utf-8").read())   # the socket guard, before any import
    assert "inclusive_hiring" not in sys.modules and "spacy" not in sys.modules
    from inclusive_hiring import lint_paths, lint_text
    from inclusive_hiring.lint.linter import get_linter as get_engine
    get_engine.cache_clear()
    text_result = lint_text(sys.argv[3], "corpus-like.txt")
    report = lint_paths([sys.argv[2]], jobs=1)
    print(json.dumps({
        "text": sorted({f.rule_id for f in text_result.findings}),
        "file": sorted({f.rule_id for f in report.findings}),
        "errors": [r.error for r in report.errors],
    }))
""")


def _guarded_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    log = tmp_path / "socket-attempts.log"
    env = {**os.environ, "IH_TEST_SOCKET_LOG": str(log), "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "HTTP_PROXY": "http://127.0.0.1:9",
           "HTTPS_PROXY": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9",
           "https_proxy": "http://127.0.0.1:9", "NO_PROXY": "", "no_proxy": ""}
    return env, log


def test_guard_catches_a_socket(tmp_path):
    """The guard itself works: a script that opens a socket is caught and logged."""
    guard = tmp_path / "guard.py"
    guard.write_text(GUARD, encoding="utf-8")
    env, log = _guarded_env(tmp_path)
    code = (f"exec(open({str(guard)!r}).read())\n"
            "import socket\n"
            "try:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError:\n    pass\n")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "create_connection" in log.read_text(encoding="utf-8")


def test_linting_opens_no_socket(tmp_path):
    guard = tmp_path / "guard.py"
    guard.write_text(GUARD, encoding="utf-8")
    script = tmp_path / "lint_offline.py"
    script.write_text(LINT_SCRIPT, encoding="utf-8")
    env, log = _guarded_env(tmp_path)
    proc = subprocess.run([sys.executable, str(script), str(guard), str(EXAMPLE), CORPUS_LIKE],
                          env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    attempts = log.read_text(encoding="utf-8") if log.exists() else ""
    assert attempts == "", f"socket use while linting:\n{attempts}"
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["errors"] == []
    assert {"IH110", "IH510", "IH750"} <= set(out["file"])
    assert {"IH510", "IH201", "IH720", "IH740"} <= set(out["text"])


def test_cli_lints_with_hf_offline_and_no_network(tmp_path):
    """The real CLI, with the guard loaded through sitecustomize and every proxy pointing nowhere."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    env, log = _guarded_env(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "inclusive_hiring", "lint", str(EXAMPLE), "--format", "json"],
        env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert log.exists() is False, log.read_text(encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    assert data["files"][0]["error"] is None
    assert data["summary"]["findings"] > 10
    # The guard really was active in that process.
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], env=env,
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert probe.returncode != 0 and "network disabled" in probe.stderr
    assert log.exists()


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_import_does_not_import_spacy():
    modules = _modules_after("import inclusive_hiring")
    assert "inclusive_hiring" in modules
    assert not {m for m in modules if m == "spacy" or m.startswith("spacy.")}


def test_help_does_not_import_spacy():
    code = ("import sys\n"
            "sys.argv = ['ih', '--help']\n"
            "from inclusive_hiring.cli import app\n"
            "try:\n    app()\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n")
    modules = _modules_after(code)
    assert "inclusive_hiring.cli" in modules
    assert not {m for m in modules if m == "spacy" or m.startswith("spacy.")}


def test_lint_does_import_spacy():
    """The probe can see spaCy when it is loaded, so the two checks above can fail."""
    modules = _modules_after("from inclusive_hiring import lint_text\nlint_text('We hire ninjas.')")
    assert "spacy" in modules


def test_spacy_is_imported_without_its_cli():
    modules = _modules_after("from inclusive_hiring import lint_text\nlint_text('We hire ninjas.')")
    assert "spacy" in modules and "spacy.cli" not in modules


def test_spacy_import_falls_back_when_a_release_needs_more_of_its_cli():
    """Stand-ins that lack what spaCy asks for: the import is retried the plain way and linting works."""
    code = ("import types\n"
            "from inclusive_hiring.catalog import nlp\n"
            "def lacking():\n"
            "    return {'spacy.cli': types.ModuleType('spacy.cli'),\n"
            "            'spacy.cli.info': types.ModuleType('spacy.cli.info')}\n"
            "nlp._cli_stand_ins = lacking\n"
            "from inclusive_hiring import lint_text\n"
            "found = lint_text('We are looking for a coding ninja.')\n"
            "assert any(f.rule_id == 'IH510' for f in found.findings), found\n"
            "import sys\n"
            "assert sys.modules['spacy.cli'].__file__, 'the plain import did not run'\n")
    modules = _modules_after(code)
    assert "spacy.cli.info" in modules
