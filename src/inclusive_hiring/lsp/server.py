"""``ih lsp``: a language server over stdio (pygls) for Markdown and plain text (docs/editors.md).

Diagnostics on open and on change, at most one lint per :data:`THROTTLE_SECONDS` per document (the
first change after a pause is linted at once, the last change of a burst always is); quick fixes
from the safe fixes; hover with the rule's explanation. The ``.ih.yaml`` that applies to each file
is found from its path, re-read when it changes, and inline suppressions are honoured.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .convert import config_diagnostic, diagnostics, hover_text, overlaps

if TYPE_CHECKING:
    from ..config import ConfigResolver
    from ..results import FileResult

THROTTLE_SECONDS = 0.15
TEXT_PATH = "<text>"


@dataclass
class Linted:
    """The last lint of one open document."""

    version: int | None
    text: str
    result: FileResult | None
    #: finding index -> safe replacement
    fixes: dict[int, str] = field(default_factory=dict)


class IhLanguageServer(LanguageServer):
    """The server and its per-document state (no module-level state)."""

    def __init__(self) -> None:
        from .. import __version__

        super().__init__("ih", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linted: dict[str, Linted] = {}
        self.last_lint: dict[str, float] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.resolvers: dict[Path, tuple[int, ConfigResolver]] = {}

    # ------------------------------------------------------------------ configuration
    def resolver_for(self, path: str) -> ConfigResolver | None:
        """The resolver for the ``.ih.yaml`` above ``path`` (rebuilt when that file changed),
        or None where no configuration file applies."""
        from ..discovery import discover

        found = discover(Path(path) if path != TEXT_PATH else Path.cwd())
        if found is None:
            return None
        stamp = found.stat().st_mtime_ns
        known = self.resolvers.get(found)
        if known is None or known[0] != stamp:
            from ..config import ConfigResolver

            known = (stamp, ConfigResolver())
            self.resolvers[found] = known
        return known[1]

    # ------------------------------------------------------------------ linting
    def lint_now(self, uri: str) -> None:
        """Lint the document's current text and publish its diagnostics."""
        from ..api import lint_document
        from ..fixes import plan
        from ..yamlio import DataError

        self.pending.pop(uri, None)
        self.last_lint[uri] = time.monotonic()
        document = self.workspace.get_text_document(uri)
        text = document.source.replace("\r\n", "\n").replace("\r", "\n")
        path = to_fs_path(uri) if uri.startswith("file:") else None
        shown = path or TEXT_PATH
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        try:
            result = lint_document(text, shown, "auto", self.resolver_for(shown))
        except DataError as error:
            self.linted[uri] = Linted(document.version, text, None)
            self.publish(uri, document.version, [config_diagnostic(str(error))])
            return
        edits = {(e.start, e.end, e.rule_id): e.replacement for e in plan(text, result.findings)}
        fixes = {i: edits[(f.start, f.end, f.rule_id)] for i, f in enumerate(result.findings)
                 if (f.start, f.end, f.rule_id) in edits}
        self.linted[uri] = Linted(document.version, text, result, fixes)
        self.publish(uri, document.version, diagnostics(result, text, encoding, fixes))

    def publish(self, uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=found))

    def schedule(self, uri: str) -> None:
        """Lint now if the document was not linted in the last :data:`THROTTLE_SECONDS`, else once
        when that time is up (with the text as it is then)."""
        if uri in self.pending:
            return
        wait = self.last_lint.get(uri, 0.0) + THROTTLE_SECONDS - time.monotonic()
        loop = asyncio.get_running_loop()
        self.pending[uri] = (loop.call_later(wait, self.lint_now, uri) if wait > 0
                             else loop.call_soon(self.lint_now, uri))  # type: ignore[assignment]

    def forget(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.linted.pop(uri, None)
        self.last_lint.pop(uri, None)
        self.publish(uri, None, [])


def _current(server: IhLanguageServer, uri: str) -> Linted | None:
    """The last lint, if it is of the document's current version."""
    linted = server.linted.get(uri)
    if linted is None or linted.result is None:
        return None
    if linted.version != server.workspace.get_text_document(uri).version:
        server.lint_now(uri)
        linted = server.linted.get(uri)
    return linted if linted is not None and linted.result is not None else None


def code_actions(server: IhLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """A quick fix per safe fix in the range, and one "fix all" action for the document."""
    from ..fixes import apply
    from .convert import Positions

    uri = params.text_document.uri
    linted = _current(server, uri)
    if linted is None or linted.result is None or not linted.fixes:
        return []
    encoding = server.workspace.position_encoding or types.PositionEncodingKind.Utf16
    positions = Positions(linted.text, encoding)
    actions: list[types.CodeAction] = []
    for index, replacement in sorted(linted.fixes.items()):
        finding = linted.result.findings[index]
        where = positions.range_of(finding)
        if not overlaps(where, params.range):
            continue
        matching = [d for d in params.context.diagnostics if d.code == finding.rule_id and d.range == where]
        edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=replacement)]})
        actions.append(types.CodeAction(title=f"Replace “{finding.match}” with “{replacement}” ({finding.rule_id})",
                                        kind=types.CodeActionKind.QuickFix, diagnostics=matching or None,
                                        edit=edit, is_preferred=True))
    fixed, applied = apply(linted.text, linted.result.findings)
    if applied:
        end = positions.position(len(positions.lines), len(positions.lines[-1]) + 1)
        whole = types.Range(start=types.Position(line=0, character=0), end=end)
        actions.append(types.CodeAction(
            title=f"Apply {applied} safe ih fix{'es' if applied > 1 else ''}", kind=types.CodeActionKind.SourceFixAll,
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=fixed)]})))
    return actions


def hover(server: IhLanguageServer, params: types.HoverParams) -> types.Hover | None:
    from .convert import Positions

    linted = _current(server, params.text_document.uri)
    if linted is None or linted.result is None:
        return None
    encoding = server.workspace.position_encoding or types.PositionEncodingKind.Utf16
    positions = Positions(linted.text, encoding)
    line, column = positions.code_points(params.position)
    under = [f for f in linted.result.findings
             if f.line is not None and f.column is not None and f.end_line is not None and f.end_column is not None
             and (f.line, f.column) <= (line, column) < (f.end_line, f.end_column)]
    if not under:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(under)),
                       range=positions.range_of(under[0]))


def build_server() -> IhLanguageServer:
    """The server with its features registered."""
    server = IhLanguageServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: IhLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: IhLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: IhLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)  # an edited .ih.yaml applies from the next lint

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: IhLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls: IhLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: IhLanguageServer, params: types.HoverParams) -> types.Hover | None:
        return hover(ls, params)

    return server


def run_stdio() -> None:
    """Warm the engine, then serve on standard input and output until the client exits."""
    from ..api import lint_text
    from ..server.service import compile_all_matchers

    lint_text("We are hiring a salesman.\n")  # build spaCy and the word lists before the first file
    compile_all_matchers()
    server: Any = build_server()
    # pygls closes the stream it writes to on exit: give it its own copy of standard output, so
    # ih can still flush sys.stdout and exit 0 after a clean shutdown.
    import os
    import sys

    with os.fdopen(os.dup(sys.stdout.fileno()), "wb") as out:
        server.start_io(sys.stdin.buffer, out)
