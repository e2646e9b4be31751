"""Rendering pages: Jinja2 templates with the user, CSRF token and flash messages."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from pilms import __version__
from pilms.web.security import CSRF_COOKIE, csrf_token, new_csrf_seed

TEMPLATE_DIRS = [Path(__file__).parent / "templates"]
STATIC_DIR = Path(__file__).parent / "static"
FLASH_COOKIE = "pilms_flash"


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"


@lru_cache(maxsize=1)
def make_templates() -> Jinja2Templates:
    """The template environment. Built once per process: it holds compiled templates only,
    no request or user state, so every app instance (tests make many) can share it."""
    templates = Jinja2Templates(directory=TEMPLATE_DIRS)
    templates.env.globals["version"] = __version__
    templates.env.globals["static_version"] = static_version(STATIC_DIR)
    templates.env.filters["when"] = _when
    templates.env.filters["urlquote"] = lambda v: quote(str(v), safe="")
    return templates


def static_version(folder: Path) -> str:
    """A short fingerprint of the static files, for cache-busting URLs (`?v=`): browsers may
    keep static files for a year, and must fetch them again when an update changes them."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():  # by content, so every host of a district install agrees
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _csrf_seed(request: Request) -> tuple[str, bool]:
    seed = getattr(request.state, "csrf_seed", None) or request.cookies.get(CSRF_COOKIE)
    if seed:
        return seed, False
    seed = new_csrf_seed()
    request.state.csrf_seed = seed
    return seed, True


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    settings = request.app.state.settings
    seed, new_seed = _csrf_seed(request)
    auth = getattr(request.state, "auth", None)
    flash_cookie = request.cookies.get(FLASH_COOKIE)
    flash = unquote(flash_cookie)[:300] if flash_cookie else None
    values: dict[str, Any] = {
        "user": auth.user if auth else None,
        "csrf_token": csrf_token(settings.session_secret or "", seed),
        "flash": flash,
        "path": request.url.path,
    }
    values.update(context or {})
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, values, status_code=status_code
    )
    if new_seed:
        response.set_cookie(
            CSRF_COOKIE, seed, httponly=True, samesite="lax", secure=settings.secure_cookies
        )
    if flash_cookie:
        response.delete_cookie(FLASH_COOKIE)
    response.headers["cache-control"] = "no-store"
    return response


def redirect(url: str, *, flash: str | None = None, status_code: int = 303) -> RedirectResponse:
    response = RedirectResponse(url, status_code=status_code)
    if flash:
        response.set_cookie(FLASH_COOKIE, quote(flash), max_age=60, httponly=True, samesite="lax")
    return response
