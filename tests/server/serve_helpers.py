"""Helpers shared by the ``ih serve`` tests (fixtures are in conftest.py)."""

from __future__ import annotations

FLAWED = ("# Sales Ninja\n\nWe need a rockstar salesman to join our young and energetic team.\n"
          "He must be a digital native.\n")


def make_client(service, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
                base: str | None = None):
    """A TestClient of the app guarded for ``host:port`` (and ``token``)."""
    from starlette.testclient import TestClient

    from inclusive_hiring.server.app import create_app
    from inclusive_hiring.server.security import Guard, allowed_hosts

    app = create_app(service, Guard(allowed_hosts(host, port), token))
    return TestClient(app, base_url=base or f"http://127.0.0.1:{port}", raise_server_exceptions=False)
