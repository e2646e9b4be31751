from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilms.accounts.csvio import apply_user_import, export_users_csv, plan_user_import
from pilms.accounts.models import User
from pilms.accounts.passwords import verify_password
from tests.conftest import api_login, csrf_from, page_login
from tests.factories import AdminFactory, StudentFactory

GOOD_AND_BAD = (
    "email,name,role,password,active,homeroom\n"
    "new1@school.test,New One,student,,,6A\n"
    "new2@school.test,New Two,instructor,a-good-password,,\n"
    "old@school.test,Old Renamed,,,no,\n"
    "not-an-email,Bad Email,student,,,\n"
    "new3@school.test,,student,,,\n"
    "new1@school.test,Duplicate,student,,,\n"
    "new4@school.test,Bad Role,wizard,,,\n"
    "new5@school.test,Bad Active,student,,maybe,\n"
    "new6@school.test,Short Pw,student,abc,,\n"
    ",,,,,\n"
)


def test_plan_lists_every_bad_row_with_its_line_and_writes_nothing(db: Session) -> None:
    admin = AdminFactory()
    StudentFactory(email="old@school.test", name="Old Name")
    before = db.scalar(select(func.count(User.id)))
    plan = plan_user_import(db, text=GOOD_AND_BAD, actor=admin)
    assert [(r.line, r.email, r.action) for r in plan.rows] == [
        (2, "new1@school.test", "create"),
        (3, "new2@school.test", "create"),
        (4, "old@school.test", "update"),
    ]
    assert plan.rows[2].changes == ["name", "active"]
    assert [e.line for e in plan.errors] == [5, 6, 7, 8, 9, 10]
    messages = " | ".join(e.message for e in plan.errors)
    for expected in (
        "not a valid email",
        "a name is needed",
        "appears again (first on line 2)",
        "unknown role 'wizard'",
        "'active' must be yes or no",
        "password",
    ):
        assert expected in messages
    assert plan.ignored_columns == ["homeroom"]
    assert db.scalar(select(func.count(User.id))) == before


def test_applying_creates_and_updates_and_never_deletes(db: Session) -> None:
    admin = AdminFactory()
    StudentFactory(email="old@school.test", name="Old Name")
    StudentFactory(email="untouched@school.test", name="Not In The File")
    plan = plan_user_import(db, text=GOOD_AND_BAD, actor=admin)
    result = apply_user_import(db, plan=plan)
    assert [email for email, _n, _p in result.created] == ["new1@school.test", "new2@school.test"]
    generated = {e: p for e, _n, p in result.created}
    assert generated["new2@school.test"] is None  # the file gave a password
    db.expire_all()
    new1 = db.scalar(select(User).where(User.email == "new1@school.test"))
    assert new1 is not None
    assert new1.must_change_password
    assert verify_password(new1.password_hash, generated["new1@school.test"] or "")
    new2 = db.scalar(select(User).where(User.email == "new2@school.test"))
    assert new2 is not None
    assert new2.role == "instructor"
    assert verify_password(new2.password_hash, "a-good-password")
    old = db.scalar(select(User).where(User.email == "old@school.test"))
    assert old is not None
    assert (old.name, old.is_active) == ("Old Renamed", False)
    assert db.scalar(select(User).where(User.email == "untouched@school.test")) is not None


def test_semicolon_csv_from_a_european_spreadsheet(db: Session) -> None:
    admin = AdminFactory()
    text = "\ufeffEmail;Name;Role\nana@school.test;Ana Cruz;student\n"
    plan = plan_user_import(db, text=text, actor=admin)
    assert [(r.email, r.name) for r in plan.to_create] == [("ana@school.test", "Ana Cruz")]


def test_export_then_import_round_trips_unchanged(db: Session) -> None:
    admin = AdminFactory()
    StudentFactory.create_batch(3)
    exported = export_users_csv(db)
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == 4
    assert "password" not in exported.splitlines()[0].split(",")
    assert "argon2" not in exported
    plan = plan_user_import(db, text=exported, actor=admin)
    assert plan.errors == []
    assert len(plan.unchanged) == 4


def test_export_defuses_spreadsheet_formulas(db: Session) -> None:
    StudentFactory(name='=HYPERLINK("http://x")')
    exported = export_users_csv(db)
    assert "'=HYPERLINK" in exported


def test_import_page_previews_then_confirms(client: TestClient, db: Session) -> None:
    AdminFactory(email="a@school.test")
    page_login(client, "a@school.test")
    token = csrf_from(client.get("/admin/users/import").text)
    preview = client.post(
        "/admin/users/import",
        files={"file": ("users.csv", GOOD_AND_BAD.encode(), "text/csv")},
        data={"csrf_token": token},
    )
    assert preview.status_code == 200
    assert "Nothing has been written yet" in preview.text
    assert "Line" in preview.text
    assert "unknown role" in preview.text
    assert db.scalar(select(User).where(User.email == "new1@school.test")) is None
    done = client.post(
        "/admin/users/import/confirm", data={"csv_text": GOOD_AND_BAD, "csrf_token": token}
    )
    assert done.status_code == 200
    assert "Created 3" in done.text  # old@ is new here
    assert "new1@school.test" in done.text  # its generated password is shown once
    assert db.scalar(select(User).where(User.email == "new1@school.test")) is not None


def test_import_page_explains_a_file_that_is_not_utf8(client: TestClient, db: Session) -> None:
    AdminFactory(email="a@school.test")
    page_login(client, "a@school.test")
    token = csrf_from(client.get("/admin/users/import").text)
    reply = client.post(
        "/admin/users/import",
        files={"file": ("users.csv", "email,name\nzoë@x.test,Zoë\n".encode("latin-1"), "text/csv")},
        data={"csrf_token": token},
    )
    assert reply.status_code == 422
    assert "CSV UTF-8" in reply.text


def test_api_import_preview_and_confirm(client: TestClient, db: Session) -> None:
    AdminFactory(email="a@school.test")
    headers = api_login(client, "a@school.test")
    files = {"file": ("u.csv", GOOD_AND_BAD.encode(), "text/csv")}
    preview = client.post("/api/users/import", files=files, headers=headers).json()
    assert preview["confirmed"] is False
    assert [r["line"] for r in preview["create"]] == [2, 3, 4]  # old@ is new here
    assert [e["line"] for e in preview["errors"]] == [5, 6, 7, 8, 9, 10]
    assert db.scalar(select(User).where(User.email == "new1@school.test")) is None
    confirmed = client.post("/api/users/import?confirm=true", files=files, headers=headers).json()
    assert confirmed["confirmed"] is True
    assert sorted(confirmed["created_passwords"]) == ["new1@school.test", "old@school.test"]
    export = client.get("/api/users/export", headers=headers)
    assert export.headers["content-type"].startswith("text/csv")
    assert "new1@school.test" in export.text
