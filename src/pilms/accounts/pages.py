"""HTML pages: sign-in, password change, and user administration."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import PlainTextResponse, Response

from pilms.accounts import csvio, services
from pilms.accounts.api import MAX_CSV_BYTES, sign_in
from pilms.accounts.passwords import generate_password
from pilms.errors import Forbidden, Invalid, ServiceError, TooManyRequests, Unauthorized
from pilms.web.context import (
    DB,
    SESSION_COOKIE,
    OptionalAuth,
    PageAdmin,
    PageAuth,
    PasswordTurn,
    PasswordWork,
    PathId,
    check_csrf,
    password_work,
    settings_of,
)
from pilms.web.templating import redirect, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
PAGE_SIZE = 50


def safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


@router.get("/login")
def login_form(request: Request, auth: OptionalAuth, next: str | None = None) -> Response:
    if auth is not None:
        return redirect(safe_next(next))
    return render(request, "accounts/login.html", {"next": safe_next(next), "email": ""})


@router.post("/login", dependencies=[PasswordWork])
async def login_submit(
    request: Request,
    db: DB,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=256)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    return await password_work(request, partial(_login, request, db, email, password, next))


def _login(request: Request, db: DB, email: str, password: str, next: str) -> Response:
    try:
        token, _session, user = sign_in(request, db, email, password, "web")
    except (Unauthorized, Forbidden, TooManyRequests) as exc:
        return render(
            request,
            "accounts/login.html",
            {"error": exc.message, "email": email, "next": safe_next(next)},
            status_code=exc.status_code,
        )
    target = "/password" if user.must_change_password else safe_next(next)
    response = redirect(target)
    settings = settings_of(request)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_timeout,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
    )
    return response


@router.post("/logout")
def logout(auth: OptionalAuth, db: DB) -> Response:
    if auth is not None:
        services.end_session(db, session_id=auth.session.id)
    response = redirect("/login", flash="You are signed out.")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/password")
def password_form(request: Request, auth: PageAuth) -> Response:
    return render(request, "accounts/password.html", {"forced": auth.user.must_change_password})


@router.post("/password", dependencies=[PasswordTurn])
def password_submit(
    request: Request,
    auth: PageAuth,
    db: DB,
    current_password: Annotated[str, Form(max_length=256)],
    new_password: Annotated[str, Form(max_length=256)],
    confirm_password: Annotated[str, Form(max_length=256)],
) -> Response:
    errors: dict[str, str] = {}
    if new_password != confirm_password:
        errors["confirm_password"] = "The two new passwords are not the same."  # noqa: S105
    else:
        try:
            services.change_password(
                db,
                user=auth.user,
                current_password=current_password,
                new_password=new_password,
                keep_session_id=auth.session.id,
            )
            return redirect("/", flash="Your password has been changed.")
        except Invalid as exc:
            errors = dict(exc.details or {"new_password": exc.message})
            errors = {
                k: (exc.message if v in {"incorrect", "unchanged"} else v)
                for k, v in errors.items()
            }
    return render(
        request,
        "accounts/password.html",
        {"forced": auth.user.must_change_password, "errors": errors},
        status_code=422,
    )


# --- administration ---------------------------------------------------------------------------


@router.get("/admin/users")
def users_list(
    request: Request,
    admin: PageAdmin,
    db: DB,
    q: str | None = None,
    role: str | None = None,
    offset: int = 0,
) -> Response:
    users, total = services.list_users(
        db, search=q, role=role or None, offset=max(0, offset), limit=PAGE_SIZE
    )
    return render(
        request,
        "accounts/users.html",
        {
            "users": users,
            "total": total,
            "q": q or "",
            "role": role or "",
            "offset": offset,
            "page_size": PAGE_SIZE,
        },
    )


@router.get("/admin/users/new")
def user_new(request: Request, admin: PageAdmin) -> Response:
    return render(request, "accounts/user_form.html", {"form": {"role": "student"}, "new": True})


@router.post("/admin/users/new")
def user_create(
    request: Request,
    admin: PageAdmin,
    db: DB,
    email: Annotated[str, Form(max_length=254)],
    name: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form()] = "student",
    password: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    temporary = password or generate_password()
    try:
        user = services.create_user(
            db, email=email, name=name, role=role, password=temporary, must_change_password=True
        )
    except ServiceError as exc:
        return render(
            request,
            "accounts/user_form.html",
            {
                "form": {"email": email, "name": name, "role": role},
                "new": True,
                "error": exc.message,
                "errors": exc.details or {},
            },
            status_code=exc.status_code,
        )
    return render(
        request,
        "accounts/password_shown.html",
        {"shown_user": user, "password": temporary, "created": True},
    )


@router.get("/admin/users/import")
def import_form(request: Request, admin: PageAdmin) -> Response:
    return render(request, "accounts/import.html", {"columns": csvio.COLUMNS})


@router.post("/admin/users/import")
def import_preview(
    request: Request,
    admin: PageAdmin,
    db: DB,
    file: Annotated[UploadFile, File()],
) -> Response:
    try:
        data = file.file.read(MAX_CSV_BYTES + 1)
        if len(data) > MAX_CSV_BYTES:
            raise Invalid("The CSV file is too large (5 MB at most).")
        text = csvio.decode_csv(data)
        plan = csvio.plan_user_import(db, text=text, actor=admin)
    except Invalid as exc:
        return render(
            request,
            "accounts/import.html",
            {"columns": csvio.COLUMNS, "error": exc.message},
            status_code=422,
        )
    return render(request, "accounts/import_preview.html", {"plan": plan, "csv_text": text})


@router.post("/admin/users/import/confirm")
def import_confirm(
    request: Request,
    admin: PageAdmin,
    db: DB,
    csv_text: Annotated[str, Form(max_length=MAX_CSV_BYTES)],
) -> Response:
    try:
        plan = csvio.plan_user_import(db, text=csv_text, actor=admin)
    except Invalid as exc:
        return render(
            request,
            "accounts/import.html",
            {"columns": csvio.COLUMNS, "error": exc.message},
            status_code=422,
        )
    result = csvio.apply_user_import(db, plan=plan)
    generated = [row for row in result.created if row[2]]
    return render(
        request,
        "accounts/import_done.html",
        {"result": result, "plan": plan, "generated": generated},
    )


@router.get("/admin/users/export")
def export(admin: PageAdmin, db: DB) -> Response:
    return PlainTextResponse(
        csvio.export_users_csv(db),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="users.csv"'},
    )


@router.get("/admin/users/{user_id}")
def user_edit(request: Request, user_id: PathId, admin: PageAdmin, db: DB) -> Response:
    user = services.get_user(db, user_id)
    return render(request, "accounts/user_form.html", {"form": user, "shown_user": user})


@router.post("/admin/users/{user_id}")
def user_update(
    request: Request,
    user_id: PathId,
    admin: PageAdmin,
    db: DB,
    email: Annotated[str, Form(max_length=254)],
    name: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form()],
    is_active: Annotated[bool, Form()] = False,
) -> Response:
    try:
        services.update_user(
            db,
            actor=admin,
            user_id=user_id,
            email=email,
            name=name,
            role=role,
            is_active=is_active,
        )
    except ServiceError as exc:
        user = services.get_user(db, user_id)
        return render(
            request,
            "accounts/user_form.html",
            {
                "form": {"email": email, "name": name, "role": role, "is_active": is_active},
                "shown_user": user,
                "error": exc.message,
                "errors": exc.details or {},
            },
            status_code=exc.status_code,
        )
    return redirect("/admin/users", flash=f"Saved {name}.")


@router.post("/admin/users/{user_id}/reset-password")
def user_reset_password(request: Request, user_id: PathId, admin: PageAdmin, db: DB) -> Response:
    temporary = services.reset_password(db, user_id=user_id)
    return render(
        request,
        "accounts/password_shown.html",
        {"shown_user": services.get_user(db, user_id), "password": temporary, "created": False},
    )
