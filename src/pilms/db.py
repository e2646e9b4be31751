"""Database engine, sessions and the declarative base shared by every domain.

SQLite (the default) runs in WAL mode with a busy timeout so that many readers and one writer
share the file safely; PostgreSQL is used as it is. The same models and migrations serve both.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Engine, MetaData, create_engine, event
from sqlalchemy.engine.interfaces import Dialect, ExceptionContext
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool
from sqlalchemy.types import TypeDecorator

from pilms.errors import StorageFull, is_storage_full

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLITE_BUSY_TIMEOUT_MS = 10_000


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp always stored and returned as UTC, also on SQLite (which keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use pilms.db.utcnow()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: every commit reaches the disk before it is acknowledged, so a power cut on the
    # classroom board loses nothing a teacher saved (writes are rare; reads are unaffected).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A small private cache per connection; reads share the OS page cache through mmap.
    cursor.execute("PRAGMA cache_size=-4000")
    cursor.execute("PRAGMA mmap_size=134217728")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _refuse_nul(
    _conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, _many: bool
) -> None:
    """PostgreSQL cannot store the NUL character in text, and no person types one: refuse it
    as bad input on every backend, instead of failing deep inside the driver."""
    rows = parameters if isinstance(parameters, list | tuple) else [parameters]
    for row in rows:
        values = (
            row.values() if isinstance(row, dict) else row if isinstance(row, list | tuple) else ()
        )
        if any(isinstance(v, str) and "\x00" in v for v in values):
            from pilms.errors import Invalid

            raise Invalid("Text may not contain the NUL character.", details={"text": "NUL"})


def make_engine(
    url: str, *, pool: bool = True, pool_size: int | None = None, pool_timeout: float = 30
) -> Engine:
    """Create an engine for `url`, with the SQLite settings we rely on for concurrency.

    `pool=False` opens a connection per use (CLI, tests); `pool_size` replaces the default pool
    with a fixed one of that many connections.
    """
    sqlite = url.startswith("sqlite")
    kwargs: dict[str, Any] = {}
    if not pool:
        kwargs["poolclass"] = NullPool
    elif pool_size:
        kwargs.update(pool_size=pool_size, max_overflow=0, pool_timeout=pool_timeout)
    elif sqlite:
        # Requests hold at most twice the handler threads in sessions (web.context.db_slots):
        # 16 kept covers the default 8 threads; SQLite connections are cheap to add past that.
        kwargs.update(pool_size=16, max_overflow=32, pool_timeout=pool_timeout)
    else:
        kwargs.update(pool_size=8, max_overflow=8, pool_timeout=pool_timeout)
    if sqlite:
        kwargs["connect_args"] = {
            "check_same_thread": False,
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
        }
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "before_cursor_execute", _refuse_nul)
    event.listen(engine, "handle_error", _storage_full)
    return engine


def _storage_full(context: ExceptionContext) -> None:
    """A write that fails on a full disk raises StorageFull, which people get a message for."""
    if is_storage_full(context.original_exception):
        raise StorageFull() from context.sqlalchemy_exception


def connection_limit(engine: Engine) -> int | None:
    """How many connections `engine` can have open at once (None: no pool, no limit)."""
    pool = engine.pool
    if isinstance(pool, QueuePool):
        return pool.size() + max(pool._max_overflow, 0)
    return None


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for one unit of work outside a request (CLI, jobs). Rolls back on error."""
    session = factory()
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
