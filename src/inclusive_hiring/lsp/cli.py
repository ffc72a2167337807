"""``ih lsp``: the typer command (light to import; pygls loads when it runs)."""

from __future__ import annotations

from typing import Annotated

import typer


def lsp(
    stdio: Annotated[bool, typer.Option(
        "--stdio", help="Talk LSP over standard input and output (the default and only transport; "
                        "accepted because many editors pass it).")] = True,
) -> None:
    """Run the ih language server over stdio, for editors (docs/editors.md)."""
    from .server import run_stdio

    run_stdio()
