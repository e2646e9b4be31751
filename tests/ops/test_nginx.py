"""The shipped nginx configuration (deploy/nginx), run by a real nginx in front of `pilms serve`.

The configuration is used as it ships; only what ties it to a machine is changed: the
addresses (compose's `pilms:8080`, port 80), the media folder and where nginx keeps its pid,
logs and temporary files. Each test gets its own nginx (so that sign-in limits start afresh);
the app with its demo school is shared by the module.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.conftest import missing
from tests.servers import free_port, serve, server_environment, wait_healthy

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None or not MIME_TYPES.exists():
        missing("nginx", "no nginx binary or /etc/nginx/mime.types (apt-get install nginx)")
    assert found is not None
    return found


def edit(text: str, pattern: str, replacement: str, count: int = 1) -> str:
    """Replace `pattern` (a regular expression, line by line), which must occur `count` times:
    if the shipped file changes shape, the test says so instead of testing something else."""
    result, found = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert found == count, f"expected {count} × {pattern!r} in the shipped nginx config"
    return result


def render_config(folder: Path, nginx_port: int, app_port: int, media: Path) -> Path:
    conf = folder / "conf"
    (conf / "conf.d").mkdir(parents=True)
    shutil.copyfile(MIME_TYPES, conf / "mime.types")
    main = (DEPLOY / "nginx.conf").read_text()
    main = edit(main, r"^pid /run/nginx\.pid;$", f"pid {folder}/nginx.pid;")
    main = edit(main, r"/var/log/nginx/error\.log", f"{folder}/error.log")
    main = edit(main, r"/var/log/nginx/access\.log", f"{folder}/access.log")
    temp = "".join(
        f"    {kind}_temp_path {folder}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = edit(main, r"^http \{$", "http {\n" + temp)
    (conf / "nginx.conf").write_text(main)
    site = (DEPLOY / "conf.d" / "pilms.conf").read_text()
    site = edit(site, r"^    server pilms:8080;$", f"    server 127.0.0.1:{app_port};", count=2)
    site = edit(
        site,
        r"^    listen 80 default_server;$",
        f"    listen 127.0.0.1:{nginx_port} default_server;",
    )
    site = edit(site, r"alias /var/lib/pilms/media/", f"alias {media}/")
    (conf / "conf.d" / "pilms.conf").write_text(site)
    return conf / "nginx.conf"


@dataclass
class App:
    port: int
    data: Path
    admin: tuple[str, str]
    instructor: tuple[str, str]


@dataclass
class Proxy:
    base: str
    app: App
    access_log: Path

    def token(self, account: tuple[str, str], **headers: str) -> str:
        email, password = account
        reply = httpx.post(
            f"{self.base}/api/auth/login",
            json={"email": email, "password": password},
            headers=headers,
        )
        assert reply.status_code == 200, reply.text
        return str(reply.json()["token"])


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    nginx_binary()  # skip before starting anything when nginx is missing
    folder = tmp_path_factory.mktemp("app")
    port = free_port()
    # The app's own per-address sign-in limit stays out of the way: nginx's is under test.
    environment = server_environment(folder / "data", PILMS_LOGIN_RATE_LIMIT="10000/minute")
    with (folder / "server.log").open("w") as log:
        process = serve(environment, port, folder, output=log)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", time.monotonic() + 60)
        accounts = (folder / "data" / "demo-accounts.txt").read_text()
        found = {}
        for role in ("admin", "instructor"):
            match = re.search(rf"^{role}\s+(\S+)\s+password: (\S+)", accounts, re.MULTILINE)
            assert match, accounts
            found[role] = (match.group(1), match.group(2))
        yield App(port, folder / "data", found["admin"], found["instructor"])
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def proxy(app: App, tmp_path: Path) -> Iterator[Proxy]:
    nginx = nginx_binary()
    port = free_port()
    config = render_config(tmp_path, port, app.port, app.data / "media")
    command = [nginx, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)]
    directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([*command, "-g", directives], stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, time.monotonic() + 20, path="/nginx-health")
        yield Proxy(base, app, tmp_path / "access.log")
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_pages_and_the_api_pass_through_with_the_apps_headers(proxy: Proxy) -> None:
    page = httpx.get(f"{proxy.base}/login", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200
    assert "csrf_token" in page.text
    assert page.headers["content-encoding"] == "gzip"
    assert page.headers["server"] == "nginx"  # no version
    assert "default-src" in page.headers["content-security-policy"]
    assert httpx.get(f"{proxy.base}/").status_code == 303  # anonymous: to the sign-in page
    health = httpx.get(f"{proxy.base}/api/health").json()
    assert health["checks"]["database"]["status"] == "ok"
    token = proxy.token(proxy.app.admin)
    me = httpx.get(f"{proxy.base}/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["role"] == "admin"
    assert httpx.get(f"{proxy.base}/metrics").status_code == 404
    assert httpx.get(f"{proxy.base}/nginx-health").text == "ok\n"


def test_static_files_are_cached_long_only_when_versioned(proxy: Proxy) -> None:
    versioned = re.search(
        r'href="(/static/[^"?]+\?v=[^"]+)"', httpx.get(f"{proxy.base}/login").text
    )
    assert versioned
    reply = httpx.get(proxy.base + versioned.group(1))
    assert reply.status_code == 200
    assert reply.headers["cache-control"] == "public, max-age=31536000, immutable"
    plain = httpx.get(proxy.base + versioned.group(1).split("?")[0])
    assert plain.headers["cache-control"] == "public, max-age=3600"


def test_media_files_come_straight_from_disk(proxy: Proxy) -> None:
    headers = {"Authorization": f"Bearer {proxy.token(proxy.app.admin)}"}
    items = httpx.get(f"{proxy.base}/api/media", headers=headers).json()["items"]
    image = next(item for item in items if item["kind"] == "image")
    audio = next(item for item in items if item["kind"] == "audio")
    for item in (image, audio):
        on_disk = (proxy.app.data / item["url"].removeprefix("/")).read_bytes()
        reply = httpx.get(proxy.base + item["url"])  # no session: media URLs are unguessable
        assert reply.status_code == 200
        assert reply.content == on_disk
        assert reply.headers["content-type"] == item["content_type"]
        assert reply.headers["cache-control"] == "public, max-age=2592000, immutable"
        assert reply.headers["content-security-policy"] == "default-src 'none'; sandbox"
        assert reply.headers["x-content-type-options"] == "nosniff"
        part = httpx.get(proxy.base + item["url"], headers={"Range": "bytes=10-99"})
        assert part.status_code == 206
        assert part.content == on_disk[10:100]
    assert httpx.get(proxy.base + image["thumbnail_url"]).headers["content-type"] == "image/jpeg"
    # nginx answered these itself: no upstream time in its log.
    served = [line for line in proxy.access_log.read_text().splitlines() if "GET /media/" in line]
    assert len(served) == 5
    assert all(line.endswith("urt=-") for line in served), served


def test_other_media_paths_fall_through_to_the_app(proxy: Proxy) -> None:
    host, port = proxy.base.removeprefix("http://").split(":")
    for path in ("/media/ab/notours.html", "/media/ab/../../etc/passwd", "/media/x/y.jpg"):
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", path)  # sent as written: httpx would resolve the ../
        reply = connection.getresponse()
        assert reply.status == 404, path
        assert b"root:" not in reply.read()
        connection.close()


def test_an_upload_over_nginxs_default_limit_gets_through(proxy: Proxy) -> None:
    """nginx refuses bodies over 1 MB unless told otherwise; a teacher's photo is bigger."""
    headers = {"Authorization": f"Bearer {proxy.token(proxy.app.instructor)}"}
    picture = BytesIO()
    Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3)).save(picture, "PNG")
    assert picture.tell() > 1024 * 1024
    files = {"file": ("photo.png", picture.getvalue(), "image/png")}
    reply = httpx.post(f"{proxy.base}/api/media", headers=headers, files=files, timeout=60)
    assert reply.status_code == 201, reply.text
    stored = httpx.get(proxy.base + reply.json()["url"])
    assert stored.content == picture.getvalue()


def test_an_oversized_upload_is_refused_by_the_app_with_its_message(proxy: Proxy) -> None:
    """Over the app's 50 MB but under nginx's 51 MB: the teacher reads the app's message."""
    headers = {"Authorization": f"Bearer {proxy.token(proxy.app.instructor)}"}
    files = {"file": ("film.mp4", b"\0" * (50 * 1024 * 1024 + 1), "video/mp4")}
    reply = httpx.post(f"{proxy.base}/api/media", headers=headers, files=files, timeout=120)
    assert reply.status_code == 422
    assert reply.json()["error"]["code"] == "file_too_large"
    assert reply.json()["error"]["message"] == "The file is larger than the 50 MB limit."


def test_a_client_cannot_choose_the_address_the_app_sees(proxy: Proxy) -> None:
    """nginx replaces X-Forwarded-For: the session records the address nginx saw."""
    proxy.token(proxy.app.instructor, **{"X-Forwarded-For": "203.0.113.9"})
    with sqlite3.connect(proxy.app.data / "pilms.db") as database:
        addresses = {row[0] for row in database.execute("SELECT ip FROM auth_sessions")}
    assert "203.0.113.9" not in addresses
    assert "127.0.0.1" in addresses


def test_a_burst_of_sign_ins_is_limited_per_address(proxy: Proxy) -> None:
    """A class of 50 gets through with room to spare; a flood gets 429 in the app's shapes."""
    statuses = []
    with httpx.Client(base_url=proxy.base) as client:
        for _ in range(140):
            statuses.append(client.post("/api/auth/login", json={}).status_code)
        json_reply = client.post("/api/auth/login", json={})
        page_reply = client.post("/login", data={})
        # Other pages are not limited.
        assert client.get("/login").status_code == 200
    assert statuses[:120] == [422] * 120  # the app's answer to an empty sign-in
    assert statuses[-1] == 429
    assert json_reply.status_code == 429
    assert json_reply.headers["retry-after"] == "60"
    assert json_reply.json()["error"]["code"] == "too_many_requests"
    assert page_reply.status_code == 429
    assert "Too many sign-in attempts" in page_reply.text
    assert page_reply.headers["content-type"].startswith("text/html")
