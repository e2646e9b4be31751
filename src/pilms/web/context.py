"""Per-request context: the database session, the signed-in user, CSRF checks, rate limits.

Everything the app shares lives on `app.state` (set up by `create_app`); nothing is global.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import Depends, Path, Query, Request
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from sqlalchemy.orm import Session, sessionmaker

from pilms.accounts.models import AuthSession, User
from pilms.accounts.services import resolve_session
from pilms.config import Settings
from pilms.errors import Forbidden, TooManyRequests, Unauthorized
from pilms.web.schemas import MAX_ID
from pilms.web.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, csrf_valid

SESSION_COOKIE = "pilms_session"
T = TypeVar("T")
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class RateLimits:
    """Rate limits kept in memory, or in Redis when REDIS_URL is set (shared by workers)."""

    def __init__(self, storage_uri: str) -> None:
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))

    def hit(self, rule: str, *keys: str) -> None:
        """Count one attempt against every limit in `rule` (e.g. "120/minute;1000/hour")."""
        for item in parse_many(rule):
            if not self.limiter.hit(item, *keys):
                reset, _remaining = self.limiter.get_window_stats(item, *keys)
                retry = max(1, int(reset - time.time()))
                raise TooManyRequests(
                    f"Too many attempts from this device. Wait {retry} seconds and try again.",
                    retry_after=retry,
                )


@dataclass
class Auth:
    user: User
    session: AuthSession
    via_cookie: bool


# Dependencies that do no I/O are `async def`: FastAPI runs sync ones in the thread pool,
# and a thread hop per dependency is a large share of a page's cost on a small board.


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def db_slots(
    connections: int | None, threads: int, reserved: int = 0
) -> AbstractAsyncContextManager[Any]:
    """What a request holds while it has a database session.

    Never more slots than pooled connections, less the `reserved` ones of the password threads
    (see get_db), and no more than twice the handler threads: a request with a session keeps a
    connection and its read snapshot while it waits for a thread, and more of those waiting
    would only open connections for nothing.
    """
    if connections is None:  # no pool: a connection per use, nothing to run out of
        return nullcontext()
    return anyio.Semaphore(min(max(connections - reserved, 1), 2 * threads))


async def get_db(request: Request) -> AsyncIterator[Session]:
    """One database session per request.

    A request takes a slot before it gets a session, and there are no more slots than pooled
    connections. So a thread never waits for a connection held by a request that is itself
    waiting for a thread: under a full class that wait was a deadlock until the pool timed out.
    Password work (see `password_work`) takes no slot: it runs in threads of its own, which
    never wait for page threads, and db_slots leaves connections for them.
    """
    factory: sessionmaker[Session] = request.app.state.db_factory
    password = is_password_work(request)
    slot = nullcontext() if password else request.app.state.db_slots
    # Where a session that still holds a connection is closed: password work never waits for a
    # handler thread (it holds no slot, so it must not hold a connection while it waits).
    closer = request.app.state.password_threads if password else None
    async with slot:
        db = factory()
        try:
            yield db
        finally:
            if db.in_transaction():  # holds a connection: give it back without blocking the loop
                with anyio.CancelScope(shield=True):
                    await anyio.to_thread.run_sync(db.close, limiter=closer)
            else:
                db.close()


DB = Annotated[Session, Depends(get_db)]


# Checking or hashing a password (argon2id) takes a core for ~25 ms and 19 MiB, so it runs in
# its own threads, as many as there are cores (app.state.password_threads), and never in more.


async def mark_password_work(request: Request) -> None:
    request.state.password_work = True


def is_password_work(request: Request) -> bool:
    return getattr(request.state, "password_work", False)


async def password_work(request: Request, work: Callable[[], T]) -> T:
    """Run a sign-in (`work`) in one of the password threads.

    A sign-in then never queues behind page views, for a database slot or a handler thread:
    when a class signs in while others are already reading, the last one no longer waits for
    every page asked for before it. Routes that do this list `PasswordWork` first among their
    dependencies, and take their database session (without a slot) from `DB`."""
    return await anyio.to_thread.run_sync(work, limiter=request.app.state.password_threads)


async def password_turn(request: Request) -> AsyncIterator[None]:
    """For password work that needs the signed-in user first (a password change): hold one of
    the password threads' places for the whole request, waiting for it in the event loop, so
    that a class changing passwords at once does not fill the handler threads. List it first
    among the route's dependencies, so that a waiting request holds no database slot either."""
    limiter: anyio.CapacityLimiter = request.app.state.password_threads
    await limiter.acquire_on_behalf_of(request)
    try:
        yield
    finally:
        limiter.release_on_behalf_of(request)


PasswordWork = Depends(mark_password_work)
PasswordTurn = Depends(password_turn)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _token_from(request: Request) -> tuple[str | None, bool]:
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None, False
    return request.cookies.get(SESSION_COOKIE), True


def load_auth(request: Request, db: DB) -> Auth | None:
    """The signed-in user, if any (cached on the request)."""
    if hasattr(request.state, "auth"):
        cached: Auth | None = request.state.auth
        return cached
    token, via_cookie = _token_from(request)
    auth = None
    if token:
        settings = settings_of(request)
        found = resolve_session(db, token=token, ttl_seconds=settings.session_timeout)
        if found:
            auth = Auth(user=found[0], session=found[1], via_cookie=via_cookie)
    request.state.auth = auth
    return auth


OptionalAuth = Annotated[Auth | None, Depends(load_auth)]


async def _submitted_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


async def check_csrf(request: Request) -> None:
    """Refuse an unsafe request that does not carry this browser's CSRF token."""
    if request.method not in UNSAFE_METHODS:
        return
    secret = settings_of(request).session_secret or ""
    if not csrf_valid(secret, request.cookies.get(CSRF_COOKIE), await _submitted_csrf(request)):
        raise Forbidden(
            "This form has expired or came from another site. Reload the page and try again.",
            code="csrf_failed",
        )


async def api_csrf(request: Request) -> None:
    """API calls authenticated by the session cookie need the CSRF header; bearer tokens don't."""
    if request.method in UNSAFE_METHODS and SESSION_COOKIE in request.cookies:
        header = request.headers.get("authorization", "")
        if header[:7].lower() != "bearer ":
            await check_csrf(request)


PASSWORD_CHANGE_ALLOWED = {"/api/auth/me", "/api/auth/logout", "/api/auth/password"}


async def require_api_user(request: Request, auth: OptionalAuth) -> User:
    if auth is None:
        raise Unauthorized(
            "Sign in first: send 'Authorization: Bearer <token>' from /api/auth/login."
        )
    if auth.user.must_change_password and request.url.path not in PASSWORD_CHANGE_ALLOWED:
        raise Forbidden(
            "You must change your password first (POST /api/auth/password).",
            code="password_change_required",
        )
    return auth.user


ApiUser = Annotated[User, Depends(require_api_user)]


async def require_api_admin(user: ApiUser) -> User:
    if not user.is_admin:
        raise Forbidden("Only administrators can do this.")
    return user


ApiAdmin = Annotated[User, Depends(require_api_admin)]


class LoginRequired(Exception):
    """Raised by page dependencies; answered with a redirect to the sign-in page."""

    def __init__(self, next_url: str, reason: str = "login") -> None:
        self.next_url = next_url
        self.reason = reason


async def require_page_auth(request: Request, auth: OptionalAuth) -> Auth:
    if auth is None:
        raise LoginRequired(
            str(request.url.path) + (f"?{request.url.query}" if request.url.query else "")
        )
    if auth.user.must_change_password and request.url.path not in {"/password", "/logout"}:
        raise LoginRequired("/password", reason="password")
    return auth


PageAuth = Annotated[Auth, Depends(require_page_auth)]


async def require_page_user(auth: PageAuth) -> User:
    return auth.user


PageUser = Annotated[User, Depends(require_page_user)]


async def require_page_admin(user: PageUser) -> User:
    if not user.is_admin:
        raise Forbidden("Only administrators can open this page.")
    return user


PageAdmin = Annotated[User, Depends(require_page_admin)]


PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


async def page(
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    return {"offset": offset, "limit": limit}
