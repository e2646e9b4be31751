"""The API reference renders offline, from local files, under the app's CSP."""

from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser


def test_api_docs_work_offline(page: Page, live_server: LiveServer) -> None:
    hosts: set[str] = set()
    errors: list[str] = []
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.goto(f"{live_server.url}/api/docs")
    expect(page.get_by_text("/api/auth/login").first).to_be_visible()
    expect(page.get_by_text("/api/courses/{course_id}/lessons").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert hosts == {live_server.url.split("/")[2]}
    assert errors == []
