"""Browser tests: Playwright driving Debian's Chromium against a live server on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from pilms.config import Settings
from pilms.db import make_engine, make_session_factory
from pilms.demo.loader import DemoAccounts, load_demo
from pilms.migrate import upgrade
from pilms.web.app import create_app
from tests.conftest import missing

CHROMIUM = os.environ.get("PILMS_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--autoplay-policy=no-user-gesture-required",
]


@dataclass
class LiveServer:
    url: str
    settings: Settings
    accounts: DemoAccounts


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        missing("Chromium", f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_server(tmp_path: Path, browser: Browser) -> Iterator[LiveServer]:
    """The app with the demo school, served by uvicorn in a thread, on its own SQLite file."""
    settings = Settings(
        PILMS_DATA_DIR=tmp_path / "data",
        environment="test",
        session_secret="s" * 40,
        jwt_secret="j" * 40,
    )
    settings.data_dir.mkdir(parents=True)
    engine = make_engine(settings.database_url)
    upgrade(engine)
    db = make_session_factory(engine)()
    accounts = load_demo(db, settings=settings)
    db.close()
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, engine=engine), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", settings, accounts)
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page: Page, server: LiveServer, email: str, password: str) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)
