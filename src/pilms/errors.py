"""Errors that service functions raise; the web layer maps them to HTTP responses.

Each carries a stable machine-readable code, a message written for the person who will read it,
and optional details (for example field -> problem).
"""

from __future__ import annotations

import errno
from typing import Any


class ServiceError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, details: Any = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details
        if code:
            self.code = code


class NotFound(ServiceError):
    status_code = 404
    code = "not_found"


class Forbidden(ServiceError):
    status_code = 403
    code = "forbidden"


class Unauthorized(ServiceError):
    status_code = 401
    code = "unauthorized"


class Invalid(ServiceError):
    """Bad input. `details` maps a field name to what is wrong with it."""

    status_code = 422
    code = "invalid"


class Conflict(ServiceError):
    status_code = 409
    code = "conflict"


class TooManyRequests(ServiceError):
    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int, details: Any = None) -> None:
        super().__init__(message, details=details)
        self.retry_after = retry_after


class StorageFull(ServiceError):
    """A write failed because the disk (the board's, or the database server's) is full.

    Whatever the request was writing is rolled back; what was saved before stays as it was."""

    status_code = 507
    code = "storage_full"
    MESSAGE = (
        "The server's storage is full, so this was not saved (nothing else was changed). "
        "Tell whoever looks after the server to free some space, then try again."
    )

    def __init__(self, message: str = MESSAGE) -> None:
        super().__init__(message)


_SQLITE_FULL = 13  # "database or disk is full"
_POSTGRES_DISK_FULL = "53100"
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}


def is_storage_full(exc: BaseException | None) -> bool:
    """Whether `exc`, or an error behind it, says the disk is full."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, StorageFull):
            return True
        if isinstance(exc, OSError) and exc.errno in _NO_SPACE:
            return True
        if getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL:
            return True
        if getattr(exc, "sqlstate", None) == _POSTGRES_DISK_FULL:
            return True
        driver_error = getattr(exc, "orig", None)  # SQLAlchemy's wrapper of a driver's error
        if isinstance(driver_error, BaseException) and is_storage_full(driver_error):
            return True
        exc = exc.__cause__ or exc.__context__
    return False
