from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilms.config import Settings
from pilms.media.models import MediaItem
from tests.conftest import api_login
from tests.factories import InstructorFactory, StudentFactory

ASSETS = Path(__file__).parents[2] / "src" / "pilms" / "demo" / "assets"


def png_bytes(size: tuple[int, int] = (640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def stored_files(settings: Settings) -> list[Path]:
    return sorted(p for p in settings.media_dir.rglob("*") if p.is_file())


@pytest.fixture
def teacher_headers(client: TestClient, db: Session) -> dict[str, str]:
    InstructorFactory(email="t@school.test")
    return api_login(client, "t@school.test")


def test_image_upload_is_stored_under_a_random_name_with_a_thumbnail(
    client: TestClient, db: Session, settings: Settings, teacher_headers: dict[str, str]
) -> None:
    reply = client.post(
        "/api/media",
        files={"file": ("../../etc/passwd.png", png_bytes(), "image/png")},
        data={"alt_text": "A blue square"},
        headers=teacher_headers,
    )
    assert reply.status_code == 201, reply.text
    item = reply.json()
    assert item["kind"] == "image"
    assert item["content_type"] == "image/png"
    assert (item["width"], item["height"]) == (640, 480)
    assert item["original_name"] == "passwd.png"
    assert "passwd" not in item["url"]
    files = stored_files(settings)
    assert len(files) == 2  # the image and its thumbnail
    assert all(f.stat().st_mode & 0o777 == 0o644 for f in files)  # nginx serves them from disk
    assert all(settings.media_dir in f.parents for f in files)
    static_dir = Path(__file__).parents[2] / "src" / "pilms" / "web" / "static"
    assert not any(static_dir in f.parents for f in files)
    thumb = client.get(item["thumbnail_url"])
    assert thumb.status_code == 200
    assert thumb.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(thumb.content)) as image:
        assert max(image.size) <= 320


def test_type_is_judged_by_content_not_name(
    client: TestClient, db: Session, teacher_headers: dict[str, str]
) -> None:
    reply = client.post(
        "/api/media",
        files={
            "file": (
                "narration.txt",
                (ASSETS / "water-cycle-narration.mp3").read_bytes(),
                "text/plain",
            )
        },
        headers=teacher_headers,
    )
    assert reply.status_code == 201
    assert reply.json()["kind"] == "audio"
    assert reply.json()["url"].endswith(".mp3")


@pytest.mark.parametrize(
    ("name", "payload", "expected"),
    [
        ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "web page"),
        ("image.png", b"  <html><body onload=alert(1)>", "web page"),
        (
            "drawing.svg",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
            "SVG",
        ),
        ("run.sh", b"#!/bin/sh\nrm -rf /\n", "program"),
        ("tool.png", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "program"),
        ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 64, "program"),
        ("notes.txt", b"just some text", "cannot be uploaded"),
        ("empty.png", b"", "empty"),
    ],
)
def test_dangerous_or_unknown_files_are_refused_and_leave_nothing(
    client: TestClient,
    db: Session,
    settings: Settings,
    teacher_headers: dict[str, str],
    name: str,
    payload: bytes,
    expected: str,
) -> None:
    reply = client.post(
        "/api/media", files={"file": (name, payload, "image/png")}, headers=teacher_headers
    )
    assert reply.status_code == 422
    assert expected in reply.json()["error"]["message"]
    assert stored_files(settings) == []
    assert db.scalar(select(func.count(MediaItem.id))) == 0


def test_broken_image_is_refused(
    client: TestClient, db: Session, settings: Settings, teacher_headers: dict[str, str]
) -> None:
    broken = png_bytes()[:60]
    reply = client.post(
        "/api/media", files={"file": ("x.png", broken, "image/png")}, headers=teacher_headers
    )
    assert reply.status_code == 422
    assert stored_files(settings) == []


def test_upload_over_the_limit_is_refused(
    client: TestClient, db: Session, settings: Settings, teacher_headers: dict[str, str]
) -> None:
    big = b"%PDF-1.4\n" + b"0" * (settings.max_upload_size + 10)
    reply = client.post(
        "/api/media", files={"file": ("big.pdf", big, "application/pdf")}, headers=teacher_headers
    )
    assert reply.status_code == 422
    assert reply.json()["error"]["code"] == "file_too_large"
    assert "larger than the 2 MB limit" in reply.json()["error"]["message"]
    assert stored_files(settings) == []


def test_request_body_far_over_the_limit_is_refused_before_it_is_read(
    client: TestClient, db: Session, settings: Settings, teacher_headers: dict[str, str]
) -> None:
    huge = b"%PDF-1.4\n" + b"0" * (settings.max_upload_size + 2 * 1024 * 1024)
    reply = client.post(
        "/api/media", files={"file": ("big.pdf", huge, "application/pdf")}, headers=teacher_headers
    )
    assert reply.status_code == 413
    assert reply.json()["error"]["code"] == "too_large"
    assert stored_files(settings) == []


def test_range_requests_let_video_seek(
    client: TestClient, db: Session, teacher_headers: dict[str, str]
) -> None:
    audio = (ASSETS / "water-cycle-narration.mp3").read_bytes()
    url = client.post(
        "/api/media", files={"file": ("a.mp3", audio, "audio/mpeg")}, headers=teacher_headers
    ).json()["url"]
    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.content == audio[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(audio)}"
    whole = client.get(url)
    assert whole.status_code == 200
    assert whole.headers["accept-ranges"] == "bytes"
    assert whole.headers["x-content-type-options"] == "nosniff"


def test_media_paths_cannot_escape_the_media_folder(client: TestClient, settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "secrets.json").write_text("{}")
    for path in [
        "/media/../secrets.json",
        "/media/..%2F/secrets.json",
        "/media/xx/..%2F..%2Fsecrets.json",
        "/media/ab/ab.html",
        "/media/ab/.hidden",
    ]:
        assert client.get(path).status_code == 404, path


def test_students_cannot_upload_or_list(client: TestClient, db: Session) -> None:
    StudentFactory(email="s@school.test")
    headers = api_login(client, "s@school.test")
    assert client.get("/api/media", headers=headers).status_code == 403
    reply = client.post(
        "/api/media", files={"file": ("x.png", png_bytes(), "image/png")}, headers=headers
    )
    assert reply.status_code == 403


def test_instructors_see_only_their_own_media(client: TestClient, db: Session) -> None:
    InstructorFactory(email="a@school.test")
    InstructorFactory(email="b@school.test")
    a, b = api_login(client, "a@school.test"), api_login(client, "b@school.test")
    item = client.post(
        "/api/media", files={"file": ("x.png", png_bytes(), "image/png")}, headers=a
    ).json()
    assert client.get("/api/media", headers=b).json()["total"] == 0
    assert client.get(f"/api/media/{item['id']}", headers=b).status_code == 404
    assert client.delete(f"/api/media/{item['id']}", headers=b).status_code == 404
    assert client.get("/api/media?kind=image", headers=a).json()["total"] == 1
    assert client.delete(f"/api/media/{item['id']}", headers=a).status_code == 204
    assert client.get(item["url"]).status_code == 404


def test_uploads_cut_off_by_a_stop_are_cleared_at_the_next_start(
    app: FastAPI, settings: Settings
) -> None:
    """A server stopped mid-upload leaves its temporary file; the next start removes it, but not
    a recent one, which another process sharing the folder may still be writing."""
    tmp_dir = settings.media_dir / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    cut_off, receiving = tmp_dir / "tmpcutoff", tmp_dir / "tmpreceiving"
    cut_off.write_bytes(b"half a video")
    receiving.write_bytes(b"a video arriving")
    yesterday = time.time() - 24 * 3600
    os.utime(cut_off, (yesterday, yesterday))
    with TestClient(app):
        assert not cut_off.exists()
        assert receiving.exists()
