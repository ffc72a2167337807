"""The guard around every request of ``ih serve``, as plain ASGI middleware (no Starlette import):
Host check (DNS rebinding), token check, body-size limit enforced while the body streams in,
security headers, and an access log of method, path and status only."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 10 * 1024 * 1024
TOKEN_COOKIE = "ih_token"
LOGGER = "inclusive_hiring.serve"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)


class BodyTooLarge(Exception):
    """The request body passed :data:`MAX_BODY_BYTES` while it was being read."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) only listens on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host header values accepted: the loopback names with the port, the bound address with
    the port, and ``extra`` (``--allow-host``, for a proxy that forwards its own name)."""
    bound = f"[{host}]" if ":" in host and not host.startswith("[") else host
    names = {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"{bound}:{port}"}
    if port == 80:  # a browser leaves the default port out of Host
        names |= {"127.0.0.1", "localhost", "[::1]", bound}
    names |= {name.lower() for name in extra}
    return frozenset(name.lower() for name in names)


@dataclass(frozen=True)
class Guard:
    """What :class:`SecurityMiddleware` enforces."""

    hosts: frozenset[str]
    token: str | None = None
    max_body: int = MAX_BODY_BYTES


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


class SecurityMiddleware:
    """Wraps the whole application; see the module docstring."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard
        self.log = logging.getLogger(LOGGER)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = {"code": 500}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                names = {key.lower() for key, _ in message.get("headers", ())}
                message["headers"] = [*message.get("headers", ()),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        try:
            await self._guarded(scope, receive, send_secured)
        finally:
            # Method, path and status only: never the query string (it may hold the token),
            # the client's address or anything of the body.
            self.log.info("%s %s %d", scope.get("method", "-"), scope.get("path", "-"), status["code"])

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        host = (_header(scope, b"host") or "").lower()
        if host not in self.guard.hosts:
            await _plain(send, 400, "Bad Host header: open the page at the address ih serve printed.")
            return
        origin = _header(scope, b"origin")
        if scope.get("method") not in ("GET", "HEAD") and origin is not None \
                and origin.lower().split("://", 1)[-1] not in self.guard.hosts:
            await _plain(send, 403, "Cross-origin request refused.")
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.guard.max_body):
            status = 413 if length.isdigit() else 400
            await _plain(send, status, f"Request body too large (the limit is {self.guard.max_body} bytes).")
            return
        if self.guard.token is not None:
            if scope.get("path") == "/" and "token" in parse_qs(scope.get("query_string", b"").decode("latin-1")):
                await self._token_login(scope, send)
                return
            bearer = _header(scope, b"authorization") or ""
            given = bearer[7:] if bearer[:7].lower() == "bearer " else _cookie(scope, TOKEN_COOKIE)
            if not _same(given, self.guard.token):
                await _plain(send, 401, "This ih serve needs its token: open the link with ?token=... "
                                        "once, or send Authorization: Bearer TOKEN.",
                             extra=[(b"www-authenticate", b'Bearer realm="ih"')])
                return
        await self.app(scope, self._limited(receive), send)

    async def _token_login(self, scope: Scope, send: Send) -> None:
        """``/?token=SECRET``: set the cookie and redirect to ``/``, so the token leaves the
        address bar and the history; a wrong token gets 401."""
        assert self.guard.token is not None
        given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
        if not _same(given, self.guard.token):
            await _plain(send, 401, "Wrong token.")
            return
        cookie = f"{TOKEN_COOKIE}={self.guard.token}; Path=/; HttpOnly; SameSite=Strict"
        if scope.get("scheme") == "https" or _header(scope, b"x-forwarded-proto") == "https":
            cookie += "; Secure"
        await _plain(send, 303, "Signed in.", extra=[(b"location", b"/"), (b"set-cookie", cookie.encode())])

    def _limited(self, receive: Receive) -> Receive:
        seen = {"bytes": 0}
        limit = self.guard.max_body

        async def receive_limited() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen["bytes"] += len(message.get("body", b""))
                if seen["bytes"] > limit:
                    raise BodyTooLarge
            return message

        return receive_limited


async def _plain(send: Send, status: int, text: str,
                 extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = (text + "\n").encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"),
               (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
