"""Service functions for accounts. Each takes an explicit database session, does one thing
atomically and commits it; helpers whose names start with an underscore do not commit."""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from pilms.accounts.models import AuthSession, Role, User
from pilms.accounts.passwords import (
    DUMMY_HASH,
    generate_password,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from pilms.db import utcnow
from pilms.errors import Conflict, Forbidden, Invalid, NotFound, StorageFull, Unauthorized

log = logging.getLogger(__name__)

ROLES = tuple(r.value for r in Role)
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_EMAIL_RE = re.compile(rf"^[a-z0-9.!#$%&'*+/=?^_`{{|}}~-]{{1,64}}@{_LABEL}(?:\.{_LABEL})*$")
SESSION_TOUCH_INTERVAL = timedelta(minutes=5)


@dataclass(frozen=True)
class Lockout:
    attempts: int = 5
    minutes: int = 15


def normalise_email(email: str) -> str:
    """Check an email's form and return it lower-cased.

    Offline classrooms often sign in with addresses on a local domain (`ana@school.lan`,
    `ben@pilms.local`, even `cy@school`), so any host name is accepted and nothing is looked up.
    """
    value = email.strip().lower()
    local = value.rpartition("@")[0]
    if (
        len(value) > 254
        or not _EMAIL_RE.match(value)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
    ):
        raise Invalid(
            f"{email!r} is not a valid email address.", details={"email": "not an email address"}
        )
    return value


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise Invalid("A name is required.", details={"name": "required"})
    if len(name) > 200:
        raise Invalid(
            "The name is too long (200 characters at most).", details={"name": "too long"}
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise Invalid(
            f"Unknown role {role!r}; use one of {', '.join(ROLES)}.", details={"role": "unknown"}
        )
    return role


def _check_password(password: str, field: str = "password") -> None:
    problem = password_problem(password)
    if problem:
        raise Invalid(problem, details={field: problem})


def find_user_by_email(db: Session, email: str) -> User | None:
    return db.scalar(select(User).where(User.email == email.strip().lower()))


def get_user(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound("No such user.")
    return user


def list_users(
    db: Session,
    *,
    search: str | None = None,
    role: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[User], int]:
    query = select(User)
    if search:
        like = f"%{search.strip().lower()}%"
        query = query.where(
            or_(func.lower(User.email).like(like), func.lower(User.name).like(like))
        )
    if role:
        query = query.where(User.role == role)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    users = db.scalars(query.order_by(User.name, User.id).offset(offset).limit(limit)).all()
    return list(users), total


def _new_user(
    db: Session, *, email: str, name: str, role: str, password: str, must_change_password: bool
) -> User:
    email = normalise_email(email)
    if find_user_by_email(db, email):
        raise Conflict(f"A user with the email {email} already exists.", details={"email": "taken"})
    _check_password(password)
    user = User(
        email=email,
        name=_check_name(name),
        role=_check_role(role),
        password_hash=hash_password(password),
        must_change_password=must_change_password,
    )
    db.add(user)
    db.flush()
    return user


def create_user(
    db: Session,
    *,
    email: str,
    name: str,
    role: str,
    password: str,
    must_change_password: bool = False,
) -> User:
    user = _new_user(
        db,
        email=email,
        name=name,
        role=role,
        password=password,
        must_change_password=must_change_password,
    )
    db.commit()
    return user


def update_user(
    db: Session,
    *,
    actor: User,
    user_id: int,
    email: str | None = None,
    name: str | None = None,
    role: str | None = None,
    is_active: bool | None = None,
) -> User:
    user = get_user(db, user_id)
    # Check everything before changing anything, so a refusal leaves the user as it was.
    if email is not None:
        email = normalise_email(email)
        other = find_user_by_email(db, email)
        if other and other.id != user.id:
            raise Conflict(
                f"A user with the email {email} already exists.", details={"email": "taken"}
            )
    if name is not None:
        name = _check_name(name)
    if role is not None:
        role = _check_role(role)
        if user.id == actor.id and role != user.role:
            raise Forbidden("You cannot change your own role.")
    if is_active is False and user.id == actor.id:
        raise Forbidden("You cannot deactivate your own account.")
    if email is not None:
        user.email = email
    if name is not None:
        user.name = name
    if role is not None:
        user.role = role
    if is_active is not None and is_active != user.is_active:
        user.is_active = is_active
        if not is_active:
            _revoke_sessions(db, user.id)
    db.commit()
    return user


def reset_password(db: Session, *, user_id: int, password: str | None = None) -> str:
    """Give the user a new (temporary) password that must be changed at next sign-in.

    Signs the user out everywhere and clears any lockout. Returns the temporary password.
    """
    user = get_user(db, user_id)
    temporary = password or generate_password()
    _check_password(temporary)
    user.password_hash = hash_password(temporary)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    _revoke_sessions(db, user.id)
    db.commit()
    return temporary


def change_password(
    db: Session, *, user: User, current_password: str, new_password: str, keep_session_id: int
) -> None:
    """Change one's own password; other sign-ins of the same user are ended."""
    if not verify_password(user.password_hash, current_password):
        raise Invalid(
            "The current password is not right.", details={"current_password": "incorrect"}
        )
    _check_password(new_password, "new_password")
    if new_password == current_password:
        raise Invalid(
            "Choose a password different from the current one.",
            details={"new_password": "unchanged"},
        )
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    db.execute(
        delete(AuthSession).where(AuthSession.user_id == user.id, AuthSession.id != keep_session_id)
    )
    db.commit()


def _revoke_sessions(db: Session, user_id: int) -> None:
    db.execute(delete(AuthSession).where(AuthSession.user_id == user_id))


# --- signing in ----------------------------------------------------------------------------


def authenticate(
    db: Session, *, email: str, password: str, lockout: Lockout, now: datetime | None = None
) -> User:
    """Check an email and password. Counts failures and locks the account after too many.

    The failure message never says whether the email exists.
    """
    now = now or utcnow()
    user = find_user_by_email(db, email)
    if user is None:
        verify_password(DUMMY_HASH, password)
        raise Unauthorized("Wrong email or password.", code="bad_credentials")
    if user.locked_until and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise Forbidden(
            f"Too many wrong passwords. This account is locked; try again in {minutes} minute"
            f"{'s' if minutes != 1 else ''} or ask your teacher to reset your password.",
            code="account_locked",
        )
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= lockout.attempts:
            user.locked_until = now + timedelta(minutes=lockout.minutes)
            user.failed_logins = 0
        db.commit()
        raise Unauthorized("Wrong email or password.", code="bad_credentials")
    if not user.is_active:
        raise Forbidden(
            "This account has been deactivated. Ask your school's administrator.",
            code="account_inactive",
        )
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.commit()
    return user


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(
    db: Session,
    *,
    user: User,
    ttl_seconds: int,
    kind: str = "web",
    ip: str | None = None,
    user_agent: str | None = None,
) -> tuple[str, AuthSession]:
    """Open a server-side session. Returns the bearer token (shown once) and the session row."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    # Sweep this user's expired sign-ins as they make a new one, so the table stays small.
    db.execute(
        delete(AuthSession).where(AuthSession.user_id == user.id, AuthSession.expires_at <= now)
    )
    session = AuthSession(
        token_hash=_hash_token(token),
        user_id=user.id,
        kind=kind,
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(seconds=ttl_seconds),
        ip=ip,
        user_agent=(user_agent or "")[:300] or None,
    )
    db.add(session)
    db.commit()
    return token, session


def resolve_session(
    db: Session, *, token: str, ttl_seconds: int, now: datetime | None = None
) -> tuple[User, AuthSession] | None:
    """The user and session behind a token, or None when it is unknown, expired or the user is
    inactive. Active web sessions slide forward; the write happens at most every few minutes."""
    now = now or utcnow()
    row = db.execute(
        select(AuthSession, User)
        .join(User, User.id == AuthSession.user_id)
        .where(AuthSession.token_hash == _hash_token(token))
    ).first()
    if row is None:
        return None
    session, user = row
    if session.expires_at <= now or not user.is_active:
        return None
    if session.kind == "web" and now - session.last_seen_at > SESSION_TOUCH_INTERVAL:
        session.last_seen_at = now
        session.expires_at = now + timedelta(seconds=ttl_seconds)
        try:
            db.commit()
        except StorageFull:  # reading goes on while the disk is full; the session slides later
            db.rollback()
            log.warning("storage full: a session was not extended")
    return user, session


def end_session(db: Session, *, session_id: int) -> None:
    db.execute(delete(AuthSession).where(AuthSession.id == session_id))
    db.commit()
