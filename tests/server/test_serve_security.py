"""The guards of ``ih serve``: Host header, origin, body size, token, headers, bind address."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from serve_helpers import FLAWED, client_fixture, make_client, real_server_fixture, service_fixture  # noqa: F401 (fixtures)

from inclusive_hiring.server.security import CSP, MAX_BODY_BYTES, allowed_hosts, is_loopback

TOKEN = "s3cret-token-for-tests-only"


@pytest.mark.parametrize("host", ["evil.example:8000", "evil.example", "127.0.0.1:9999", "localhost",
                                  "127.0.0.1.nip.io:8000", "0.0.0.0:8000", ""])
def test_foreign_host_header_is_refused(client, host: str) -> None:
    for response in (client.get("/", headers={"host": host}),
                     client.post("/api/lint", json={"text": FLAWED}, headers={"host": host})):
        assert response.status_code == 400
        assert "Bad Host header" in response.text
        assert response.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000"])
def test_loopback_names_with_the_port_are_accepted(client, host: str) -> None:
    assert client.post("/api/lint", json={"text": FLAWED}, headers={"host": host}).status_code == 200


def test_allowed_hosts_add_the_bound_address_and_extra_names() -> None:
    hosts = allowed_hosts("192.168.1.5", 8080, ["ih.example.org"])
    assert {"192.168.1.5:8080", "127.0.0.1:8080", "ih.example.org"} <= hosts
    assert "192.168.1.5:8000" not in hosts
    assert "[::1]:9000" in allowed_hosts("::1", 9000)


def test_cross_origin_posts_are_refused(client) -> None:
    evil = client.post("/api/lint", json={"text": FLAWED}, headers={"origin": "http://evil.example"})
    assert evil.status_code == 403
    same = client.post("/api/lint", json={"text": FLAWED}, headers={"origin": "http://127.0.0.1:8000"})
    assert same.status_code == 200


def test_security_headers_on_every_response(client) -> None:
    for response in (client.get("/"), client.get("/static/app.js"), client.get("/api/info"),
                     client.post("/api/lint", json={"text": 1}), client.get("/nope")):
        headers = response.headers
        assert headers["content-security-policy"] == CSP
        assert "default-src 'self'" in CSP and "frame-ancestors 'none'" in CSP and "unsafe-inline" not in CSP
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_body_over_10_mb_with_a_length_is_refused_before_reading(client) -> None:
    response = client.post("/api/lint", content=b"x" * (MAX_BODY_BYTES + 1),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_chunked_body_over_10_mb_is_refused_while_streaming(client) -> None:
    def chunks():
        for _ in range(12):
            yield b" " * (1024 * 1024)

    response = client.post("/api/upload?name=big.md", content=chunks())
    assert response.status_code == 413
    assert "request body too large" in response.json()["error"]


def test_token_is_required_for_everything_when_set(service) -> None:
    with make_client(service, token=TOKEN) as client:
        for path in ("/", "/static/app.js", "/api/info"):
            response = client.get(path)
            assert response.status_code == 401
            assert TOKEN not in response.text
        assert client.post("/api/lint", json={"text": FLAWED}).status_code == 401
        wrong = client.post("/api/lint", json={"text": FLAWED}, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = client.post("/api/lint", json={"text": FLAWED}, headers={"authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 200 and right.json()["version"] == 1
        assert client.get("/?token=wrong-token-value", follow_redirects=False).status_code == 401


def test_token_link_sets_a_cookie_and_drops_the_token_from_the_address(service) -> None:
    with make_client(service, token=TOKEN) as client:
        login = client.get(f"/?token={TOKEN}", follow_redirects=False)
        assert login.status_code == 303 and login.headers["location"] == "/"
        cookie = login.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        client.cookies.set("ih_token", TOKEN)
        assert client.get("/").status_code == 200
        assert client.post("/api/lint", json={"text": FLAWED}).status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::"])
def test_non_loopback_bind_without_token_exits_2_with_one_line(host: str) -> None:
    done = subprocess.run([sys.executable, "-m", "inclusive_hiring", "serve", "--host", host, "--port", "8765"],
                          capture_output=True, text=True, timeout=60, check=False,
                          env={k: v for k, v in os.environ.items() if k != "IH_SERVE_TOKEN"})
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ih: error: --host {host} is reachable from other machines")
    assert done.stdout == ""


@pytest.mark.parametrize(("args", "words"), [
    (["--token", "short"], "--token: use at least 16 characters"),
    (["--token", "has spaces in the token value"], "--token: use at least 16 characters"),
    (["--port", "70000"], "--port 70000: give a port from 1 to 65535"),
    (["--config", "missing.yaml"], "missing.yaml: --config: no such file"),
])
def test_bad_serve_options_exit_2(args: list[str], words: str) -> None:
    done = subprocess.run([sys.executable, "-m", "inclusive_hiring", "serve", *args],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"ih: error: {words}") and done.stderr.count("\n") == 1


def test_broken_ih_yaml_stops_the_start(tmp_path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".ih.yaml").write_text("rules:\n  IH999: disable\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "inclusive_hiring", "serve", "--port", "8767"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"ih: error: {tmp_path / '.ih.yaml'}:2: unknown rule selector 'IH999'")
    assert done.stderr.count("\n") == 1


def test_port_in_use_is_one_line(real_server) -> None:
    done = subprocess.run([sys.executable, "-m", "inclusive_hiring", "serve", "--port", str(real_server.port),
                           "--no-config"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(f"ih: error: cannot listen on 127.0.0.1:{real_server.port}")
    assert "Traceback" not in done.stderr


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.9.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("10.0.0.1")
    assert not is_loopback("example.com")
