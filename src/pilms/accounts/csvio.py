"""Bulk user import and export as CSV.

An import is planned first (a preview that lists what will be created or updated and every bad
row with its line number) and applied only when confirmed, in one transaction. An import never
deletes or deactivates anybody it does not mention.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from pilms.accounts.models import User
from pilms.accounts.passwords import generate_password, hash_password, password_problem
from pilms.accounts.services import ROLES, normalise_email
from pilms.errors import Invalid

MAX_ROWS = 10_000
COLUMNS = ("email", "name", "role", "password", "active")
EXPORT_COLUMNS = (
    "email",
    "name",
    "role",
    "active",
    "must_change_password",
    "last_login_at",
    "created_at",
)
_TRUE = {"yes", "y", "true", "1", "active"}
_FALSE = {"no", "n", "false", "0", "inactive"}


@dataclass
class PlannedRow:
    line: int
    email: str
    name: str
    role: str
    action: str  # "create" | "update" | "unchanged"
    changes: list[str] = field(default_factory=list)
    password: str | None = None
    active: bool | None = None


@dataclass
class RowError:
    line: int
    message: str


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    errors: list[RowError]
    ignored_columns: list[str]

    @property
    def to_create(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action == "create"]

    @property
    def to_update(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action == "update"]

    @property
    def unchanged(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action == "unchanged"]


@dataclass
class ImportResult:
    created: list[tuple[str, str, str | None]]  # email, name, generated password (or None)
    updated: int
    unchanged: int
    skipped: int


def decode_csv(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Invalid(
            "The file is not UTF-8 text. In your spreadsheet, save it as 'CSV UTF-8' and try again."
        ) from exc


def _reader(text: str) -> csv.DictReader[str]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.DictReader(io.StringIO(text), dialect=dialect)


_FORMULA_START = ("=", "+", "-", "@")


def _defuse(value: str) -> str:
    """Stop a spreadsheet from running a cell as a formula when the export is opened."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _undefuse(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def _parse_active(value: str) -> bool | None:
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"'active' must be yes or no, not {value!r}")


def plan_user_import(db: Session, *, text: str, actor: User) -> ImportPlan:
    if not text.strip():
        raise Invalid(
            "The file is empty. The first line must name the columns, e.g. email,name,role."
        )
    reader = _reader(text.lstrip("\ufeff"))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "email" not in headers:
        raise Invalid(
            "The first line must name the columns and include 'email' "
            f"(found: {', '.join(h for h in headers if h) or 'nothing'}). "
            f"Known columns: {', '.join(COLUMNS)}."
        )
    reader.fieldnames = headers
    ignored = [h for h in headers if h and h not in COLUMNS]
    existing = {u.email: u for u in db.scalars(select(User))}
    rows: list[PlannedRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(RowError(line, f"Too many rows; import at most {MAX_ROWS} at a time."))
            break
        values = {k: _undefuse((v or "").strip()) for k, v in record.items() if isinstance(k, str)}
        if not any(values.values()):
            continue
        try:
            rows.append(_plan_row(line, values, existing, seen, actor))
        except (Invalid, ValueError) as exc:
            errors.append(RowError(line, getattr(exc, "message", str(exc))))
    return ImportPlan(rows=rows, errors=errors, ignored_columns=ignored)


def _plan_row(
    line: int, values: dict[str, str], existing: dict[str, User], seen: dict[str, int], actor: User
) -> PlannedRow:
    raw_email = values.get("email", "")
    if not raw_email:
        raise ValueError("the email is missing")
    email = normalise_email(raw_email)
    if email in seen:
        raise ValueError(f"{email} appears again (first on line {seen[email]})")
    seen[email] = line
    name = " ".join(values.get("name", "").split())
    role = values.get("role", "").lower()
    if role and role not in ROLES:
        raise ValueError(f"unknown role {role!r}; use {', '.join(ROLES)}")
    password = values.get("password") or None
    if password and (problem := password_problem(password)):
        raise ValueError(f"password: {problem}")
    active = _parse_active(values["active"]) if values.get("active") else None
    if len(name) > 200:
        raise ValueError("the name is too long (200 characters at most)")

    user = existing.get(email)
    if user is None:
        if not name:
            raise ValueError("a name is needed for a new user")
        return PlannedRow(line, email, name, role or "student", "create", [], password, active)
    changes = []
    if name and name != user.name:
        changes.append("name")
    if role and role != user.role:
        if user.id == actor.id:
            raise ValueError("you cannot change your own role")
        changes.append("role")
    if active is not None and active != user.is_active:
        if user.id == actor.id:
            raise ValueError("you cannot deactivate your own account")
        changes.append("active")
    if password:
        changes.append("password")
    return PlannedRow(
        line,
        email,
        name or user.name,
        role or user.role,
        "update" if changes else "unchanged",
        changes,
        password,
        active,
    )


def apply_user_import(db: Session, *, plan: ImportPlan) -> ImportResult:
    """Write a confirmed plan in one transaction: all of its valid rows or none."""
    created: list[tuple[str, str, str | None]] = []
    try:
        for row in plan.to_create:
            generated = None if row.password else generate_password()
            db.add(
                User(
                    email=row.email,
                    name=row.name,
                    role=row.role,
                    password_hash=hash_password(row.password or generated or ""),
                    is_active=row.active if row.active is not None else True,
                    must_change_password=True,
                )
            )
            created.append((row.email, row.name, generated))
        by_email = {
            u.email: u
            for u in db.scalars(
                select(User).where(User.email.in_([r.email for r in plan.to_update]))
            )
        }
        for row in plan.to_update:
            user = by_email[row.email]
            if "name" in row.changes:
                user.name = row.name
            if "role" in row.changes:
                user.role = row.role
            if "active" in row.changes and row.active is not None:
                user.is_active = row.active
            if "password" in row.changes and row.password:
                user.password_hash = hash_password(row.password)
                user.must_change_password = True
        db.commit()
    except Exception:
        db.rollback()
        raise
    return ImportResult(
        created=created,
        updated=len(plan.to_update),
        unchanged=len(plan.unchanged),
        skipped=len(plan.errors),
    )


def export_users_csv(db: Session) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for user in db.scalars(select(User).order_by(User.role, User.name, User.id)):
        writer.writerow(
            [
                _defuse(user.email),
                _defuse(user.name),
                user.role,
                "yes" if user.is_active else "no",
                "yes" if user.must_change_password else "no",
                user.last_login_at.isoformat() if user.last_login_at else "",
                user.created_at.isoformat(),
            ]
        )
    return out.getvalue()
