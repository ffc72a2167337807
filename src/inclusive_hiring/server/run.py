"""Start ``ih serve``: check the options, warm the engine, bind, and run uvicorn."""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..exits import fail
from .security import LOGGER, Guard, allowed_hosts, is_loopback

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
MIN_TOKEN = 16
_TOKEN = re.compile(r"[A-Za-z0-9._~+/=-]+")
def log_config() -> dict[str, Any]:
    """Logging for uvicorn and the access lines of :class:`SecurityMiddleware`. Uvicorn's own access
    log is off, because it would print query strings (``?token=``) and the client's address."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "ih serve: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain",
                                "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            LOGGER: {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }


@dataclass(frozen=True)
class ServeOptions:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    token: str | None = None
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)
    config: str | None = None
    no_config: bool = False


def problem(options: ServeOptions) -> str | None:
    """Why these options cannot be served (one line), or None."""
    if not 1 <= options.port <= 65535:
        return f"--port {options.port}: give a port from 1 to 65535"
    if options.token is not None and (len(options.token) < MIN_TOKEN or not _TOKEN.fullmatch(options.token)):
        return (f"--token: use at least {MIN_TOKEN} characters of letters, digits and ._~+/=- "
                "(for example python3 -c 'import secrets; print(secrets.token_urlsafe())')")
    if not is_loopback(options.host) and options.token is None:
        return (f"--host {options.host} is reachable from other machines; set --token SECRET too "
                "(see docs/serve.md), or leave --host out to listen on 127.0.0.1 only")
    return None


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; fails with one line when that is impossible."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        fail(f"--host {host}: {error.strerror or error}")
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
    sock.set_inheritable(True)
    return sock


def serve(options: ServeOptions) -> None:
    """Run until interrupted. Every problem with the options exits 2 with one line."""
    reason = problem(options)
    if reason:
        fail(reason)
    import uvicorn

    from ..yamlio import DataError
    from .app import create_app
    from .service import LintService

    service = LintService(options.config, options.no_config)
    try:
        seconds = service.warm_up()
    except DataError as error:
        fail(str(error))
    sock = bind(options.host, options.port)
    guard = Guard(allowed_hosts(options.host, options.port, options.allow_hosts), options.token)
    app = create_app(service, guard)
    shown = f"[{options.host}]" if ":" in options.host else options.host
    address = f"http://{'127.0.0.1' if options.host in ('0.0.0.0', '::') else shown}:{options.port}/"
    login = "?token=YOUR_TOKEN (once; a cookie keeps it)" if options.token else ""
    sys.stderr.write(f"ih serve: engine warm in {seconds:.2f} s; open {address}{login}  (Ctrl-C stops)\n")
    sys.stderr.flush()
    config = uvicorn.Config(app, log_config=log_config(), access_log=False, server_header=False,
                            lifespan="off", timeout_graceful_shutdown=2)
    uvicorn.Server(config).run(sockets=[sock])


def serve_command(host: str, port: int, token: str | None, allow_host: Sequence[str],
                  config: str | None, no_config: bool) -> None:
    serve(ServeOptions(host, port, token, tuple(allow_host), config, no_config))
