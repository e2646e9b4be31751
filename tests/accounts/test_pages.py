from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilms.accounts.models import User
from pilms.accounts.passwords import verify_password
from tests.conftest import csrf_from, page_login
from tests.factories import PASSWORD, AdminFactory, StudentFactory


def test_pages_redirect_anonymous_visitors_to_sign_in(client: TestClient) -> None:
    reply = client.get("/courses/1?x=1", follow_redirects=False)
    assert reply.status_code == 303
    assert reply.headers["location"] == "/login?next=/courses/1%3Fx%3D1"


def test_sign_in_form_sets_a_session_cookie_and_follows_next(
    client: TestClient, db: Session
) -> None:
    StudentFactory(email="s@school.test", name="Sam")
    form = client.get("/login?next=/courses")
    reply = client.post(
        "/login",
        data={
            "email": "s@school.test",
            "password": PASSWORD,
            "next": "/courses",
            "csrf_token": csrf_from(form.text),
        },
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == "/courses"
    cookie = reply.headers["set-cookie"]
    assert "pilms_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Sam" in client.get("/").text


def test_sign_in_never_redirects_off_site(client: TestClient, db: Session) -> None:
    StudentFactory(email="s@school.test")
    form = client.get("/login")
    reply = client.post(
        "/login",
        data={
            "email": "s@school.test",
            "password": PASSWORD,
            "next": "//evil.example/x",
            "csrf_token": csrf_from(form.text),
        },
        follow_redirects=False,
    )
    assert reply.headers["location"] == "/"


def test_wrong_password_re_renders_the_form_with_a_message(client: TestClient, db: Session) -> None:
    StudentFactory(email="s@school.test")
    form = client.get("/login")
    reply = client.post(
        "/login",
        data={
            "email": "s@school.test",
            "password": "wrong-one",
            "csrf_token": csrf_from(form.text),
        },
    )
    assert reply.status_code == 401
    assert "Wrong email or password." in reply.text
    assert 'value="s@school.test"' in reply.text


def test_forms_without_the_csrf_token_are_refused(client: TestClient, db: Session) -> None:
    StudentFactory(email="s@school.test")
    client.get("/login")
    reply = client.post("/login", data={"email": "s@school.test", "password": PASSWORD})
    assert reply.status_code == 403
    assert "expired" in reply.text
    forged = client.post(
        "/login", data={"email": "s@school.test", "password": PASSWORD, "csrf_token": "0" * 64}
    )
    assert forged.status_code == 403


def test_cookie_authenticated_api_writes_need_the_csrf_header(
    client: TestClient, db: Session
) -> None:
    AdminFactory(email="a@school.test")
    page_login(client, "a@school.test")
    assert client.get("/api/auth/me").status_code == 200
    refused = client.post("/api/courses", json={"title": "X"})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    token = csrf_from(client.get("/").text)
    accepted = client.post("/api/courses", json={"title": "X"}, headers={"X-CSRF-Token": token})
    assert accepted.status_code == 201


def test_sign_out_ends_the_session(client: TestClient, db: Session) -> None:
    StudentFactory(email="s@school.test")
    page_login(client, "s@school.test")
    token = csrf_from(client.get("/").text)
    reply = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert reply.headers["location"] == "/login"
    assert client.get("/", follow_redirects=False).status_code == 303


def test_forced_password_change_after_reset(client: TestClient, db: Session) -> None:
    AdminFactory(email="a@school.test")
    student = StudentFactory(email="s@school.test")
    page_login(client, "a@school.test")
    token = csrf_from(client.get(f"/admin/users/{student.id}").text)
    shown = client.post(f"/admin/users/{student.id}/reset-password", data={"csrf_token": token})
    marker = 'data-testid="temporary-password">'
    temporary = shown.text.split(marker, 1)[1].split("<", 1)[0]
    client.cookies.clear()
    page_login(client, "s@school.test", temporary)
    assert client.get("/", follow_redirects=False).headers["location"] == "/password"
    page = client.get("/password")
    assert "choose a new password" in page.text
    mismatch = client.post(
        "/password",
        data={
            "current_password": temporary,
            "new_password": "my own secret 1",
            "confirm_password": "my own secret 2",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert mismatch.status_code == 422
    assert "not the same" in mismatch.text
    done = client.post(
        "/password",
        data={
            "current_password": temporary,
            "new_password": "my own secret 1",
            "confirm_password": "my own secret 1",
            "csrf_token": csrf_from(page.text),
        },
        follow_redirects=False,
    )
    assert done.headers["location"] == "/"
    assert client.get("/", follow_redirects=False).status_code == 200
    db.expire_all()
    user = db.get(User, student.id)
    assert user is not None
    assert verify_password(user.password_hash, "my own secret 1")


def test_admin_creates_edits_and_deactivates_users(client: TestClient, db: Session) -> None:
    AdminFactory(email="a@school.test")
    page_login(client, "a@school.test")
    token = csrf_from(client.get("/admin/users/new").text)
    bad = client.post(
        "/admin/users/new",
        data={"email": "not-an-email", "name": "X", "role": "student", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert "not a valid email" in bad.text
    created = client.post(
        "/admin/users/new",
        data={
            "email": "new@school.test",
            "name": "New Kid",
            "role": "student",
            "csrf_token": token,
        },
    )
    assert created.status_code == 200
    assert "new@school.test" in created.text
    user = db.scalar(select(User).where(User.email == "new@school.test"))
    assert user is not None
    assert user.must_change_password
    edit = client.post(
        f"/admin/users/{user.id}",
        data={
            "email": "new@school.test",
            "name": "Renamed Kid",
            "role": "student",
            "csrf_token": token,
        },
        follow_redirects=False,
    )  # is_active unticked: deactivate
    assert edit.status_code == 303
    db.expire_all()
    user = db.get(User, user.id)
    assert user is not None
    assert user.name == "Renamed Kid"
    assert user.is_active is False
    listing = client.get("/admin/users?q=renamed")
    assert "Renamed Kid" in listing.text
    assert "inactive" in listing.text


def test_admin_cannot_deactivate_or_demote_themselves(client: TestClient, db: Session) -> None:
    admin = AdminFactory(email="a@school.test", name="Boss")
    page_login(client, "a@school.test")
    token = csrf_from(client.get(f"/admin/users/{admin.id}").text)
    reply = client.post(
        f"/admin/users/{admin.id}",
        data={
            "email": "a@school.test",
            "name": "Boss",
            "role": "student",
            "is_active": "true",
            "csrf_token": token,
        },
    )
    assert reply.status_code == 403
    db.expire_all()
    assert db.get(User, admin.id).role == "admin"  # type: ignore[union-attr]
    assert db.scalar(select(func.count(User.id))) == 1
