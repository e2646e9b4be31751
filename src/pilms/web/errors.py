"""Error responses: `{"error": {"code", "message", "details"}}` for the API, pages for people."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from pilms.errors import ServiceError, StorageFull, TooManyRequests, is_storage_full
from pilms.web.context import LoginRequired
from pilms.web.templating import redirect, render

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "rate_limited",
}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/api/", "/ai/")) or path in {"/health", "/metrics"}


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


def _respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: Any = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    if wants_json(request):
        return JSONResponse(
            error_body(code, message, details), status_code=status, headers=dict(headers or {})
        )
    response = render(
        request,
        "error.html",
        {"status": status, "message": message, "code": code},
        status_code=status,
    )
    if headers:
        response.headers.update(headers)
    return response


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        headers = (
            {"retry-after": str(exc.retry_after)} if isinstance(exc, TooManyRequests) else None
        )
        return _respond(request, exc.status_code, exc.code, exc.message, exc.details, headers)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if exc.reason == "password":
            return redirect("/password")
        from urllib.parse import quote

        return redirect(f"/login?next={quote(exc.next_url, safe='/')}")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"field": ".".join(str(p) for p in err.get("loc", ())[1:]), "problem": err.get("msg")}
            for err in exc.errors()
        ]
        first = details[0] if details else {"field": "", "problem": "invalid"}
        message = f"{first['field'] or 'request'}: {first['problem']}"
        return _respond(request, 422, "invalid", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is nothing at this address."
        return _respond(request, exc.status_code, code, message, None, exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        import logging

        if is_storage_full(exc):  # a write that no service turned into StorageFull itself
            logging.getLogger("pilms").warning("storage full on %s: %s", request.url.path, exc)
            full = StorageFull()
            return _respond(request, full.status_code, full.code, full.message)
        logging.getLogger("pilms").exception("unhandled error on %s", request.url.path)
        return _respond(
            request,
            500,
            "internal_error",
            "Something went wrong on the server. Try again, and if it keeps happening tell your "
            "administrator.",
        )
