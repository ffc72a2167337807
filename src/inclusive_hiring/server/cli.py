"""``ih serve``: the typer command (light to import; Starlette and uvicorn load when it runs)."""

from __future__ import annotations

from typing import Annotated

import typer

from .run import DEFAULT_HOST, DEFAULT_PORT


def serve(
    host: Annotated[str, typer.Option(
        "--host", metavar="ADDRESS",
        help="Address to listen on. Anything but loopback (127.0.0.1, ::1, localhost) needs --token.")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.")] = DEFAULT_PORT,
    token: Annotated[str | None, typer.Option(
        "--token", metavar="SECRET", envvar="IH_SERVE_TOKEN", show_envvar=True,
        help="A secret every request must carry (Authorization: Bearer, or a cookie set by opening "
             "/?token=SECRET once). At least 16 characters.")] = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", metavar="NAME[:PORT]",
        help="Also accept this Host header (the name a reverse proxy forwards). Repeatable.")] = None,
    config: Annotated[str | None, typer.Option(
        "--config", metavar="FILE", help="Use this configuration file as well as the .ih.yaml found "
                                         "from the current folder.")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore .ih.yaml files.")] = False,
) -> None:
    """Serve a local web page (and JSON API) that lints as you type, with a warm engine."""
    from .run import serve_command

    serve_command(host, port, token, allow_host or [], config, no_config)
