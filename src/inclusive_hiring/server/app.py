"""The Starlette application of ``ih serve``: the page, its assets and the JSON API (docs/serve.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .security import BodyTooLarge, Guard, SecurityMiddleware
from .service import LintService, RequestError, parse_request, report_json, safe_fixes
from .uploads import text_of_upload, upload_suffixes

STATIC = Path(__file__).parent / "static"
JSON_TYPE = "application/json"


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _json_body(request: Request) -> Any:
    """The request's JSON (read through the size guard); :class:`RequestError` otherwise."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != JSON_TYPE:
        raise RequestError("send the body as application/json", status=415)
    body = await request.body()
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RequestError("the body is not valid JSON") from None


def _service(request: Request) -> LintService:
    service: LintService = request.app.state.service
    return service


def _wire(result: Any) -> Any:
    return json.loads(report_json(result))


async def page(request: Request) -> Response:
    return Response((STATIC / "index.html").read_bytes(), media_type="text/html; charset=utf-8")


async def info(request: Request) -> JSONResponse:
    from .. import __version__
    from ..catalog.jurisdictions import default_jurisdictions

    service = _service(request)
    return JSONResponse({
        "version": __version__,
        "kinds": ["auto", "posting", "questions"],
        "jurisdictions": [{"code": j.code, "name": j.name} for j in default_jurisdictions().values()],
        "configured": list(service.configured_jurisdictions()),
        "upload_suffixes": list(upload_suffixes()),
        "max_body_bytes": request.app.state.guard.max_body,
    })


async def lint(request: Request) -> Response:
    """The wire schema of ``ih lint --format json`` for the posted text, byte for byte."""
    lint_request = parse_request(await _json_body(request))
    return Response(report_json(_service(request).lint(lint_request)), media_type=JSON_TYPE)


async def check(request: Request) -> JSONResponse:
    """What the page asks for: the wire report plus the safe fixes it can offer."""
    lint_request = parse_request(await _json_body(request))
    result = _service(request).lint(lint_request)
    return JSONResponse({"report": _wire(result), "fixes": safe_fixes(lint_request.text, result)})


async def fix(request: Request) -> JSONResponse:
    data = await _json_body(request)
    lint_request = parse_request(data)
    finding = data.get("finding")
    if finding is not None and (not isinstance(finding, int) or isinstance(finding, bool)):
        raise RequestError("'finding' must be a finding's index (0, 1, ...) or null for all safe fixes")
    text, applied, result = _service(request).fix(lint_request, finding)
    return JSONResponse({"text": text, "applied": applied, "report": _wire(result),
                         "fixes": safe_fixes(text, result)})


async def upload(request: Request) -> JSONResponse:
    """The file is the raw body; its name is the ``name`` query parameter. Parsed in memory."""
    name = request.query_params.get("name", "")
    if not name or "/" in name or "\\" in name:
        raise RequestError("give the file's name as ?name=FILE.md")
    chunks = [chunk async for chunk in request.stream()]
    text = text_of_upload(name, b"".join(chunks))
    return JSONResponse({"name": name, "text": text})


async def _request_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestError)
    return _error(error.status, str(error))


async def _too_large(request: Request, error: Exception) -> JSONResponse:
    return _error(413, f"request body too large (the limit is {request.app.state.guard.max_body} bytes)")


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if request.url.path.startswith("/api/"):
        return _error(error.status_code, error.detail)
    return Response(f"{error.detail}\n", status_code=error.status_code, media_type="text/plain")


async def _server_error(request: Request, error: Exception) -> JSONResponse:
    return _error(500, "internal error; the server log has the details")


def create_app(service: LintService, guard: Guard) -> Starlette:
    """The application; ``service`` should be warmed up (:meth:`LintService.warm_up`) first."""
    routes = [
        Route("/", page, methods=["GET"]),
        Route("/api/info", info, methods=["GET"]),
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/upload", upload, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityMiddleware, guard=guard)],
        exception_handlers={RequestError: _request_error, BodyTooLarge: _too_large,
                            HTTPException: _http_error, Exception: _server_error},
    )
    app.state.service = service
    app.state.guard = guard
    return app
