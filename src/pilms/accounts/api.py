"""JSON API: sign-in and user administration."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Request, Response, UploadFile
from fastapi.responses import PlainTextResponse

from pilms.accounts import csvio, services
from pilms.accounts.models import AuthSession, User
from pilms.accounts.passwords import generate_password
from pilms.accounts.schemas import (
    ImportErrorOut,
    ImportPreviewOut,
    ImportRowOut,
    LoginIn,
    LoginOut,
    PasswordChangeIn,
    PasswordResetOut,
    UserCreatedOut,
    UserCreateIn,
    UserOut,
    UserUpdateIn,
)
from pilms.errors import Invalid
from pilms.web.context import (
    DB,
    ApiAdmin,
    ApiUser,
    OptionalAuth,
    PasswordTurn,
    PasswordWork,
    PathId,
    api_csrf,
    client_ip,
    page,
    password_work,
    settings_of,
)
from pilms.web.schemas import ERROR_RESPONSES, Page

router = APIRouter(prefix="/api", dependencies=[Depends(api_csrf)], responses=ERROR_RESPONSES)
MAX_CSV_BYTES = 5 * 1024 * 1024


def sign_in(
    request: Request, db: DB, email: str, password: str, kind: str
) -> tuple[str, AuthSession, User]:
    """Shared by the API and the sign-in page: rate limit, check, open a session."""
    settings = settings_of(request)
    request.app.state.rate_limits.hit(settings.login_rate_limit, "login", client_ip(request))
    user = services.authenticate(
        db,
        email=email,
        password=password,
        lockout=services.Lockout(settings.lockout_attempts, settings.lockout_minutes),
    )
    token, session = services.start_session(
        db,
        user=user,
        ttl_seconds=settings.session_timeout,
        kind=kind,
        ip=client_ip(request),
        user_agent=request.headers.get("user-agent"),
    )
    return token, session, user


@router.post("/auth/login", response_model=LoginOut, tags=["auth"], dependencies=[PasswordWork])
async def login(body: LoginIn, request: Request, db: DB) -> LoginOut:
    work = partial(sign_in, request, db, body.email, body.password, "api")
    token, session, user = await password_work(request, work)
    return LoginOut(token=token, user=UserOut.model_validate(user), exp=session.expires_at)


@router.post("/auth/logout", status_code=204, tags=["auth"])
def logout(auth: OptionalAuth, db: DB) -> Response:
    if auth is not None:
        services.end_session(db, session_id=auth.session.id)
    return Response(status_code=204)


@router.get("/auth/me", response_model=UserOut, tags=["auth"])
def me(user: ApiUser) -> UserOut:
    return UserOut.model_validate(user)


@router.post("/auth/password", status_code=204, tags=["auth"], dependencies=[PasswordTurn])
def change_password(body: PasswordChangeIn, auth: OptionalAuth, user: ApiUser, db: DB) -> Response:
    assert auth is not None
    services.change_password(
        db,
        user=user,
        current_password=body.current_password,
        new_password=body.new_password,
        keep_session_id=auth.session.id,
    )
    return Response(status_code=204)


@router.get("/users", response_model=Page[UserOut], tags=["users"])
def list_users(
    db: DB,
    admin: ApiAdmin,
    paging: Annotated[dict[str, int], Depends(page)],
    search: str | None = None,
    role: str | None = None,
) -> Page[UserOut]:
    users, total = services.list_users(db, search=search, role=role, **paging)
    return Page[UserOut](items=[UserOut.model_validate(u) for u in users], total=total, **paging)


@router.post("/users", response_model=UserCreatedOut, status_code=201, tags=["users"])
def create_user(body: UserCreateIn, db: DB, admin: ApiAdmin) -> UserCreatedOut:
    temporary = None if body.password else generate_password()
    user = services.create_user(
        db,
        email=body.email,
        name=body.name,
        role=body.role,
        password=body.password or temporary or "",
        must_change_password=True,
    )
    return UserCreatedOut(user=UserOut.model_validate(user), temporary_password=temporary)


@router.get(
    "/users/export",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "All users as CSV"}},
    tags=["users"],
)
def export_users(db: DB, admin: ApiAdmin) -> PlainTextResponse:
    return PlainTextResponse(
        csvio.export_users_csv(db),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="users.csv"'},
    )


@router.post("/users/import", response_model=ImportPreviewOut, tags=["users"])
def import_users(
    db: DB,
    admin: ApiAdmin,
    file: Annotated[UploadFile, File(description="CSV: email,name,role,password,active")],
    confirm: Annotated[bool, Query(description="Write the valid rows; else only preview")] = False,
) -> ImportPreviewOut:
    data = file.file.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise Invalid("The CSV file is too large (5 MB at most).")
    plan = csvio.plan_user_import(db, text=csvio.decode_csv(data), actor=admin)
    passwords: dict[str, str] = {}
    if confirm:
        result = csvio.apply_user_import(db, plan=plan)
        passwords = {email: pw for email, _name, pw in result.created if pw}
    return ImportPreviewOut(
        confirmed=confirm,
        create=[_row(r) for r in plan.to_create],
        update=[_row(r) for r in plan.to_update],
        unchanged=len(plan.unchanged),
        errors=[ImportErrorOut(line=e.line, message=e.message) for e in plan.errors],
        ignored_columns=plan.ignored_columns,
        created_passwords=passwords,
    )


def _row(row: csvio.PlannedRow) -> ImportRowOut:
    return ImportRowOut(
        line=row.line,
        email=row.email,
        name=row.name,
        role=row.role,
        action=row.action,
        changes=row.changes,
    )


@router.get("/users/{user_id}", response_model=UserOut, tags=["users"])
def get_user(user_id: PathId, db: DB, admin: ApiAdmin) -> UserOut:
    return UserOut.model_validate(services.get_user(db, user_id))


@router.patch("/users/{user_id}", response_model=UserOut, tags=["users"])
def update_user(user_id: PathId, body: UserUpdateIn, db: DB, admin: ApiAdmin) -> UserOut:
    user = services.update_user(
        db, actor=admin, user_id=user_id, **body.model_dump(exclude_unset=True)
    )
    return UserOut.model_validate(user)


@router.post("/users/{user_id}/reset-password", response_model=PasswordResetOut, tags=["users"])
def reset_password(user_id: PathId, db: DB, admin: ApiAdmin) -> PasswordResetOut:
    return PasswordResetOut(temporary_password=services.reset_password(db, user_id=user_id))
