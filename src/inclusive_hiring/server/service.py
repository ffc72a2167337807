"""The lint service behind ``ih serve``: request validation, configuration per jurisdiction list,
lint, safe fixes. No web framework here, so it is tested and benchmarked on its own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..config import ConfigResolver
    from ..results import FileResult

KINDS: tuple[str, ...] = ("auto", "posting", "questions")
#: The path a pasted text is linted as (``path`` in the wire schema; Markdown rules apply).
TEXT_PATH = "<text>"
#: Largest text linted, in UTF-8 bytes: the limit ``ih lint`` has for one file.
MAX_TEXT_BYTES = 2 * 1024 * 1024
#: Distinct jurisdiction lists whose configuration is kept built.
MAX_RESOLVERS = 32
WARM_TEXT = "We are hiring a salesman who is a rockstar ninja. Pay: $50,000 to $60,000 a year.\n"


class RequestError(ValueError):
    """A request the API refuses; ``str()`` is the one-line reason (HTTP 400, or ``status``)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class LintRequest:
    """A validated ``/api/lint`` (or ``/api/fix``) body."""

    text: str
    kind: str = "auto"
    #: None: as configured (``.ih.yaml`` where ``ih serve`` started); else these codes
    jurisdictions: tuple[str, ...] | None = None


def parse_request(data: Any) -> LintRequest:
    """Validate a decoded JSON body; raise :class:`RequestError` with a one-line reason."""
    from ..api import normalise_newlines

    if not isinstance(data, Mapping):
        raise RequestError("the body must be a JSON object")
    unknown = sorted(set(data) - {"text", "kind", "jurisdictions", "finding"})
    if unknown:
        raise RequestError(f"unknown key '{unknown[0]}' (expected text, kind, jurisdictions, finding)")
    text = data.get("text")
    if not isinstance(text, str):
        raise RequestError("'text' must be a string")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise RequestError(f"text too large ({size / 1048576:.1f} MB; the limit is "
                           f"{MAX_TEXT_BYTES / 1048576:g} MB)", status=413)
    kind = data.get("kind", "auto")
    if kind not in KINDS:
        raise RequestError(f"'kind' must be one of {', '.join(KINDS)}")
    codes = data.get("jurisdictions")
    if codes is not None and (not isinstance(codes, list) or not all(isinstance(c, str) for c in codes)):
        raise RequestError("'jurisdictions' must be a list of codes such as [\"US-CO\"]")
    return LintRequest(normalise_newlines(text), kind, None if codes is None else tuple(codes))


class LintService:
    """One warm engine and the configurations built so far (one per jurisdiction list asked for).

    ``config_path``/``no_config`` work as ``ih lint --config/--no-config``; without them the
    ``.ih.yaml`` found from the current folder applies, as for ``ih lint -``.
    """

    def __init__(self, config_path: str | None = None, no_config: bool = False) -> None:
        self.config_path = config_path
        self.no_config = no_config
        self._resolvers: dict[tuple[str, ...] | None, ConfigResolver | None] = {}

    def _has_config(self) -> bool:
        from ..discovery import discover

        return self.config_path is not None or (not self.no_config and discover(Path.cwd()) is not None)

    def resolver(self, jurisdictions: tuple[str, ...] | None) -> ConfigResolver | None:
        """The resolver for this jurisdiction list (None: no configuration at all applies).
        Raises :class:`RequestError` for an unknown code, ``DataError`` for a broken .ih.yaml."""
        if jurisdictions in self._resolvers:
            return self._resolvers[jurisdictions]
        resolver: ConfigResolver | None = None
        if jurisdictions is not None or self._has_config():
            from ..config import ConfigResolver
            from ..yamlio import DataError

            overrides = None if jurisdictions is None else {"jurisdictions": list(jurisdictions)}
            resolver = ConfigResolver(self.config_path, no_config=self.no_config, cli_overrides=overrides)
            try:
                resolver.base()
            except DataError as error:
                if jurisdictions is None:
                    raise
                raise RequestError(str(error).split(": ", 1)[-1]) from None
        if len(self._resolvers) >= MAX_RESOLVERS:
            self._resolvers.clear()
        self._resolvers[jurisdictions] = resolver
        return resolver

    def configured_jurisdictions(self) -> tuple[str, ...]:
        resolver = self.resolver(None)
        return resolver.base().jurisdictions if resolver is not None else ()

    def lint(self, request: LintRequest) -> FileResult:
        """Lint the request's text, as ``ih lint --format json`` lints one file."""
        from ..api import lint_document
        from ..results import FileResult, empty_metrics

        if not request.text.strip():
            return FileResult(path=TEXT_PATH, error="empty text", metrics=empty_metrics())
        return lint_document(request.text, TEXT_PATH, request.kind, self.resolver(request.jurisdictions))

    def relinter(self, request: LintRequest) -> Any:
        return lambda text: self.lint(LintRequest(text, request.kind, request.jurisdictions))

    def fix(self, request: LintRequest, finding: int | None) -> tuple[str, int, FileResult]:
        """Apply the safe fix of finding number ``finding`` (its index in the wire ``findings``),
        or every safe fix when None: ``(new_text, applied, lint_of_new_text)``."""
        from ..fixes import apply, fix_document

        result = self.lint(request)
        if finding is None:
            fixed = fix_document(request.text, result.findings, unsafe=False, relint=self.relinter(request))
            return fixed.raw, fixed.applied, fixed.result or result
        if not 0 <= finding < len(result.findings):
            raise RequestError(f"no finding {finding} (the text has {len(result.findings)})", status=409)
        new_text, applied = apply(request.text, [result.findings[finding]])
        if not applied:
            raise RequestError(f"finding {finding} has no safe fix", status=409)
        return new_text, applied, self.lint(LintRequest(new_text, request.kind, request.jurisdictions))

    def warm_up(self) -> float:
        """Lint a short text so spaCy, the word lists and the configuration are built before the
        first request; returns the seconds it took."""
        import time

        started = time.perf_counter()
        self.configured_jurisdictions()  # a broken .ih.yaml fails here, before serving
        self.lint(LintRequest(WARM_TEXT))
        resolver = self.resolver(None)
        compile_all_matchers(resolver.index_entries(TEXT_PATH) if resolver is not None else ())
        return time.perf_counter() - started


def compile_all_matchers(extra: tuple[Any, ...] = ()) -> None:
    """Compile every word-list matcher of the linter for ``extra`` now (about 0.5 s and 20 MB), so
    the first text typed is as fast as the rest; a one-off lint compiles only those it needs.
    Uses the linter's internals, so it does nothing if they change shape."""
    from ..lint.linter import get_linter

    linter = get_linter(extra)
    index = getattr(linter, "index", None)
    entry_ids = getattr(index, "entry_ids", None) or tuple(getattr(index, "entry_rules", None) or ())
    matchers = getattr(linter, "matchers", None)
    if matchers is not None and entry_ids and hasattr(matchers, "prepare"):
        matchers.prepare(entry_ids)


def report_json(result: FileResult) -> str:
    """The wire schema for one file, byte for byte as ``ih lint --format json`` prints it."""
    from ..formatters.json import render
    from ..results import LintReport

    return render(LintReport(files=(result,)))


def safe_fixes(text: str, result: FileResult) -> list[dict[str, Any]]:
    """The safe fixes ``/api/fix`` would apply now, one per finding (index into ``findings``):
    ``{"finding": i, "replacement": "..."}``; overlapping ones are left to a later pass."""
    from ..fixes import plan

    edits = {(e.start, e.end, e.rule_id): e.replacement for e in plan(text, result.findings)}
    return [{"finding": i, "replacement": edits[(f.start, f.end, f.rule_id)]}
            for i, f in enumerate(result.findings) if (f.start, f.end, f.rule_id) in edits]
