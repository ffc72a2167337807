"""``ih serve`` as a real process on a loopback port: streaming limit, uploads kept off disk, logs."""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import re
import socket
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from serve_helpers import FLAWED, client_fixture, real_server_fixture, service_fixture  # noqa: F401 (fixtures)

MARKER = "Zanzibar-Quokka-4471"  # a word that must never reach a log


def _call(server, path: str, body: bytes | None = None, content_type: str = "application/json",
          headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(server.base + path, data=body, method="POST" if body is not None else "GET",
                                     headers={"Authorization": f"Bearer {server.token}",
                                              "Content-Type": content_type, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_real_server_lints_with_the_token(real_server) -> None:
    status, body = _call(real_server, "/api/lint", json.dumps({"text": FLAWED}).encode())
    assert status == 200
    assert "IH110" in {f["rule_id"] for f in json.loads(body)["files"][0]["findings"]}
    status, _ = _call(real_server, "/api/lint", json.dumps({"text": FLAWED}).encode(),
                      headers={"Authorization": "Bearer wrong"})
    assert status == 401


def test_chunked_body_is_cut_off_at_10_mb_without_reading_the_rest(real_server) -> None:
    """Send 11 MB of a body announced as chunked (no length) and stop: the server must answer 413
    by itself, long before a client would finish a 100 MB upload."""
    with socket.create_connection(("127.0.0.1", real_server.port), timeout=30) as sock:
        sock.sendall((f"POST /api/upload?name=big.md HTTP/1.1\r\nHost: 127.0.0.1:{real_server.port}\r\n"
                      f"Authorization: Bearer {real_server.token}\r\nContent-Type: application/octet-stream\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n").encode())
        chunk = b"%x\r\n%s\r\n" % (1024 * 1024, b"a" * (1024 * 1024))
        sent = 0
        try:
            for _ in range(11):
                sock.sendall(chunk)
                sent += 1
        except OSError:  # the server may close the connection as soon as it has answered
            pass
        answer = sock.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert sent <= 11


def test_upload_is_read_in_memory_and_never_written(real_server) -> None:
    before_tmp = set(os.listdir(tempfile.gettempdir()))
    before_cwd = sorted(p.name for p in Path(real_server.cwd).rglob("*"))
    text = (f"# {MARKER}\n\nWe need a salesman.\r\n" * 20_000)[:1_500_000]
    status, body = _call(real_server, f"/api/upload?name={MARKER}.md", text.encode(), "application/octet-stream")
    assert status == 200
    data = json.loads(body)
    assert data["name"] == f"{MARKER}.md"
    assert data["text"] == text.replace("\r\n", "\n")
    assert set(os.listdir(tempfile.gettempdir())) - before_tmp == set()
    assert sorted(p.name for p in Path(real_server.cwd).rglob("*")) == before_cwd


def test_upload_in_process_opens_no_file_for_writing(client, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    real_open = builtins.open
    real_os_open = os.open

    def spy_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if any(flag in str(mode) for flag in "wax+"):
            written.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    def spy_os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            written.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    response = client.post("/api/upload?name=job.txt", content=("Hiring a salesman.\n" * 50_000).encode())
    assert response.status_code == 200
    assert response.json()["text"].count("salesman") == 50_000
    assert written == []


@pytest.mark.parametrize(("name", "data", "status", "words"), [
    ("job.odt", b"PK\x03\x04", 415, "cannot open .odt"),
    ("job.pdf", b"%PDF-1.7", 422, "PDF"),
    ("job", b"text", 415, "cannot open a file without a suffix"),
    ("job.md", b"caf\xe9", 422, "not valid UTF-8"),
    ("job.txt", b"\xff\xfeh\x00i\x00", 422, "UTF-16"),
    ("job.md", b"   \n", 422, "empty file"),
    ("../job.md", b"text", 400, "give the file's name"),
])
def test_upload_errors_are_one_line(client, name: str, data: bytes, status: int, words: str) -> None:
    response = client.post(f"/api/upload?name={name}", content=data)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_a_word_upload_is_read_in_memory_table_cells_too(client) -> None:
    import io

    import docx

    document = docx.Document()
    document.add_heading("Sales lead", level=1)
    document.add_paragraph("We need a salesman who can travel.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Team"
    table.rows[0].cells[1].text = "Work hard, play hard."
    buffer = io.BytesIO()
    document.save(buffer)
    response = client.post("/api/upload?name=job.docx", content=buffer.getvalue())
    assert response.status_code == 200, response.text
    text = response.json()["text"]
    assert "We need a salesman" in text and "Work hard, play hard." in text
    damaged = client.post("/api/upload?name=job.docx", content=b"PK\x03\x04 not a zip")
    assert damaged.status_code == 422 and "\n" not in damaged.json()["error"]


def test_log_holds_method_path_and_status_only(real_server) -> None:
    _call(real_server, "/api/lint", json.dumps({"text": f"{MARKER} needs a salesman"}).encode())
    _call(real_server, f"/api/upload?name={MARKER}.txt", f"{MARKER} text".encode(), "application/octet-stream")
    login = urllib.request.Request(f"{real_server.base}/?token={real_server.token}&who={MARKER}")
    with contextlib.suppress(urllib.error.HTTPError):
        urllib.request.urlopen(login, timeout=30).read()
    with socket.create_connection(("127.0.0.1", real_server.port), timeout=30) as sock:
        sock.sendall(f"GET /?x={MARKER} HTTP/1.1\r\nHost: {MARKER}.example\r\nConnection: close\r\n\r\n".encode())
        assert sock.recv(100).startswith(b"HTTP/1.1 400")
    # Each line is written just after its response is sent: wait for the last one.
    deadline = time.monotonic() + 10
    while "GET / 400" not in real_server.log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.05)
    log = real_server.log.read_text(encoding="utf-8")
    assert MARKER not in log
    assert real_server.token not in log
    access = [line for line in log.splitlines() if re.match(r"ih serve: (GET|POST|PUT|HEAD) ", line)]
    assert "ih serve: POST /api/lint 200" in access
    assert "ih serve: POST /api/upload 200" in access
    assert "ih serve: GET / 303" in access and "ih serve: GET / 400" in access
    assert all(re.fullmatch(r"ih serve: [A-Z]+ /[^ ?]* \d{3}", line) for line in access), access
