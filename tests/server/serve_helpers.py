"""Helpers and fixtures shared by the ``ih serve`` tests. A test module imports the fixtures it
uses (``from serve_helpers import client  # noqa: F401``): a conftest.py here would shadow the
top-level one, which other tests import as ``conftest``."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FLAWED = ("# Sales Ninja\n\nWe need a rockstar salesman to join our young and energetic team.\n"
          "He must be a digital native.\n")


def make_client(service: Any, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
                base: str | None = None) -> Any:
    """A TestClient of the app guarded for ``host:port`` (and ``token``)."""
    from starlette.testclient import TestClient

    from inclusive_hiring.server.app import create_app
    from inclusive_hiring.server.security import Guard, allowed_hosts

    app = create_app(service, Guard(allowed_hosts(host, port), token))
    return TestClient(app, base_url=base or f"http://127.0.0.1:{port}", raise_server_exceptions=False)


@pytest.fixture(scope="module", name="service")
def service_fixture() -> Any:
    from inclusive_hiring.server.service import LintService

    made = LintService(no_config=True)
    made.warm_up()
    return made


@pytest.fixture(name="client")
def client_fixture(service: Any) -> Iterator[Any]:
    with make_client(service) as made:
        yield made


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RealServer:
    base: str
    port: int
    token: str
    log: Path
    cwd: Path
    process: subprocess.Popen[bytes]


@pytest.fixture(scope="module", name="real_server")
def real_server_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealServer]:
    """``ih serve --token`` on an ephemeral loopback port, started in an empty folder; its
    standard error (the log) goes to a file the tests read."""
    cwd = tmp_path_factory.mktemp("serve-cwd")
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    port = free_port()
    token = secrets.token_urlsafe(24)
    env = {**os.environ, "IH_SERVE_TOKEN": token}
    with open(log, "wb") as err:
        process = subprocess.Popen([sys.executable, "-m", "inclusive_hiring", "serve", "--port", str(port),
                                    "--no-config"], cwd=cwd, env=env, stdout=err, stderr=err)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("ih serve exited: " + log.read_text())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("ih serve did not start in time")
    yield RealServer(f"http://127.0.0.1:{port}", port, token, log, cwd, process)
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
