from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from pilms.accounts.models import AuthSession, User
from tests.conftest import api_login
from tests.factories import PASSWORD, AdminFactory, StudentFactory


def test_login_returns_token_user_and_expiry(client: TestClient, db: Session) -> None:
    student = StudentFactory(email="ana@school.test")
    reply = client.post("/api/auth/login", json={"email": "ANA@school.test", "password": PASSWORD})
    assert reply.status_code == 200
    body = reply.json()
    assert set(body) == {"token", "user", "exp"}
    assert body["user"]["id"] == student.id
    assert body["user"]["role"] == "student"
    assert "password_hash" not in body["user"]
    exp = datetime.fromisoformat(body["exp"])
    assert exp > datetime.now(UTC) + timedelta(hours=23)
    me = client.get("/api/auth/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == "ana@school.test"


def test_token_is_stored_hashed(client: TestClient, db: Session) -> None:
    StudentFactory(email="b@school.test")
    token = client.post(
        "/api/auth/login", json={"email": "b@school.test", "password": PASSWORD}
    ).json()["token"]
    stored = db.scalars(select(AuthSession.token_hash)).all()
    assert stored
    assert token not in stored


def test_wrong_password_and_unknown_email_look_the_same(client: TestClient, db: Session) -> None:
    StudentFactory(email="c@school.test")
    wrong = client.post("/api/auth/login", json={"email": "c@school.test", "password": "nope-nope"})
    unknown = client.post(
        "/api/auth/login", json={"email": "x@school.test", "password": "nope-nope"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"]["code"] == "bad_credentials"


def test_five_wrong_passwords_lock_the_account_for_15_minutes(
    client: TestClient, db: Session
) -> None:
    user = StudentFactory(email="d@school.test")
    for _ in range(5):
        reply = client.post(
            "/api/auth/login", json={"email": "d@school.test", "password": "wrong-pass"}
        )
        assert reply.status_code == 401
    locked = client.post("/api/auth/login", json={"email": "d@school.test", "password": PASSWORD})
    assert locked.status_code == 403
    assert locked.json()["error"]["code"] == "account_locked"
    assert "15 minutes" in locked.json()["error"]["message"]
    db.refresh(user)
    assert user.locked_until is not None
    remaining = user.locked_until - datetime.now(UTC)
    assert timedelta(minutes=14) < remaining <= timedelta(minutes=15)
    # When the lock has run out, the right password works again.
    user.locked_until = datetime.now(UTC) - timedelta(seconds=1)
    db.commit()
    ok = client.post("/api/auth/login", json={"email": "d@school.test", "password": PASSWORD})
    assert ok.status_code == 200


def test_sign_in_is_rate_limited_per_ip(client: TestClient, app: FastAPI, db: Session) -> None:
    app.state.settings.login_rate_limit = "3/minute"
    for _ in range(3):
        client.post("/api/auth/login", json={"email": "nobody@school.test", "password": "x" * 8})
    reply = client.post(
        "/api/auth/login", json={"email": "nobody@school.test", "password": "x" * 8}
    )
    assert reply.status_code == 429
    assert int(reply.headers["retry-after"]) >= 1
    assert reply.json()["error"]["code"] == "rate_limited"


def test_inactive_user_cannot_sign_in(client: TestClient, db: Session) -> None:
    StudentFactory(email="e@school.test", is_active=False)
    reply = client.post("/api/auth/login", json={"email": "e@school.test", "password": PASSWORD})
    assert reply.status_code == 403
    assert reply.json()["error"]["code"] == "account_inactive"


def test_logout_revokes_the_token(client: TestClient, db: Session) -> None:
    StudentFactory(email="f@school.test")
    headers = api_login(client, "f@school.test")
    assert client.post("/api/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/auth/me", headers=headers).status_code == 401


def test_expired_session_is_refused(client: TestClient, db: Session) -> None:
    StudentFactory(email="g@school.test")
    headers = api_login(client, "g@school.test")
    for session in db.scalars(select(AuthSession)):
        session.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db.commit()
    reply = client.get("/api/auth/me", headers=headers)
    assert reply.status_code == 401
    assert reply.json()["error"]["code"] == "unauthorized"


def test_deactivating_a_user_ends_their_sessions(client: TestClient, db: Session) -> None:
    AdminFactory(email="boss@school.test")
    student = StudentFactory(email="h@school.test")
    student_headers = api_login(client, "h@school.test")
    admin_headers = api_login(client, "boss@school.test")
    reply = client.patch(
        f"/api/users/{student.id}", json={"is_active": False}, headers=admin_headers
    )
    assert reply.status_code == 200
    assert client.get("/api/auth/me", headers=student_headers).status_code == 401


def test_reset_password_forces_a_change_at_next_sign_in(client: TestClient, db: Session) -> None:
    AdminFactory(email="boss@school.test")
    student = StudentFactory(email="i@school.test")
    admin_headers = api_login(client, "boss@school.test")
    old = api_login(client, "i@school.test")
    temporary = client.post(
        f"/api/users/{student.id}/reset-password", headers=admin_headers
    ).json()["temporary_password"]
    assert client.get("/api/auth/me", headers=old).status_code == 401  # signed out everywhere
    assert (
        client.post(
            "/api/auth/login", json={"email": "i@school.test", "password": PASSWORD}
        ).status_code
        == 401
    )
    headers = api_login(client, "i@school.test", temporary)
    me = client.get("/api/auth/me", headers=headers)
    assert me.json()["must_change_password"] is True
    blocked = client.get("/api/courses", headers=headers)
    assert blocked.status_code == 403
    assert blocked.json()["error"]["code"] == "password_change_required"
    change = client.post(
        "/api/auth/password",
        json={"current_password": temporary, "new_password": "a brand new one"},
        headers=headers,
    )
    assert change.status_code == 204
    assert client.get("/api/courses", headers=headers).status_code == 200
    db.expire_all()
    assert db.get(User, student.id).must_change_password is False  # type: ignore[union-attr]


def test_password_change_rejects_short_and_wrong_current(client: TestClient, db: Session) -> None:
    StudentFactory(email="j@school.test")
    headers = api_login(client, "j@school.test")
    short = client.post(
        "/api/auth/password",
        json={"current_password": PASSWORD, "new_password": "short"},
        headers=headers,
    )
    assert short.status_code == 422
    assert "new_password" in short.json()["error"]["details"]
    wrong = client.post(
        "/api/auth/password",
        json={"current_password": "not it!!", "new_password": "long enough pw"},
        headers=headers,
    )
    assert wrong.status_code == 422
    assert "current_password" in wrong.json()["error"]["details"]


def test_malformed_login_body_is_a_422_envelope(client: TestClient) -> None:
    reply = client.post("/api/auth/login", json={"email": "a@b.c"})
    assert reply.status_code == 422
    error = reply.json()["error"]
    assert error["code"] == "invalid"
    assert error["details"][0]["field"] == "password"
