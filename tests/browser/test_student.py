"""A student on a 360 px phone: sign in, read, listen, move on; no drafts, no other courses."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from pilms.demo import content
from tests.browser.conftest import LiveServer, sign_in

pytestmark = pytest.mark.browser


def no_horizontal_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the screen"


def test_student_reads_a_lesson_on_a_phone(phone: Page, live_server: LiveServer) -> None:
    page = phone
    student = content.STUDENTS[1][1]  # not enrolled in the English course
    sign_in(page, live_server, student, live_server.accounts.shared_password)
    science, maths, english = (c.title for c in content.COURSES)
    expect(page.get_by_role("heading", name="My courses")).to_be_visible()
    expect(page.get_by_role("link", name=science)).to_be_visible()
    expect(page.get_by_role("link", name=maths)).to_be_visible()
    expect(page.get_by_role("link", name=english)).to_have_count(0)
    no_horizontal_scroll(page)

    page.get_by_role("link", name=science).click()
    expect(page.get_by_role("heading", name=science)).to_be_visible()
    expect(page.get_by_role("link", name="New lesson")).to_have_count(0)
    no_horizontal_scroll(page)
    first = content.COURSES[0].lessons[0]
    page.get_by_role("link", name=first.title).click()
    expect(page.get_by_role("heading", level=1, name=first.title)).to_be_visible()
    expect(page.get_by_text(f"Lesson 1 of {len(content.COURSES[0].lessons)}")).to_be_visible()
    no_horizontal_scroll(page)

    # Next lesson: the one with the narration.
    with_audio = next(
        i for i, lesson in enumerate(content.COURSES[0].lessons) if "<audio" in lesson.html
    )
    for _ in range(with_audio):
        page.get_by_role("link", name=re.compile("→")).click()
    expect(
        page.get_by_role("heading", level=1, name=content.COURSES[0].lessons[with_audio].title)
    ).to_be_visible()
    audio = page.locator(".lesson-content audio")
    expect(audio).to_have_count(1)
    audio.scroll_into_view_if_needed()
    page.evaluate("document.querySelector('.lesson-content audio').muted = true")
    page.evaluate("document.querySelector('.lesson-content audio').play()")
    # Poll from outside: the page's CSP (rightly) forbids the eval that wait_for_function uses.
    for _ in range(100):
        if page.evaluate("document.querySelector('.lesson-content audio').currentTime") > 0.3:
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail("the narration did not play")
    duration = page.evaluate("document.querySelector('.lesson-content audio').duration")
    assert 20 < duration < 60
    images = page.locator(".lesson-content img")
    for index in range(images.count()):
        assert images.nth(index).evaluate("img => img.complete && img.naturalWidth > 0")
        assert images.nth(index).get_attribute("alt")
    no_horizontal_scroll(page)


def test_student_never_sees_drafts_or_other_courses(phone: Page, live_server: LiveServer) -> None:
    page = phone
    sign_in(page, live_server, content.STUDENTS[1][1], live_server.accounts.shared_password)
    maths = content.COURSES[1]
    draft = next(lesson for lesson in maths.lessons if not lesson.published)
    page.get_by_role("link", name=maths.title).click()
    expect(page.get_by_role("link", name=maths.lessons[0].title)).to_be_visible()
    expect(page.get_by_text(draft.title)).to_have_count(0)
    course_url = page.url
    # Walk to the last published lesson: its "next" is the way back, not the draft.
    page.get_by_role("link", name=maths.lessons[0].title).click()
    while page.get_by_role("link", name=re.compile("→")).count():
        page.get_by_role("link", name=re.compile("→")).click()
    expect(page.get_by_role("link", name="Back to the course")).to_be_visible()
    expect(page.get_by_text(draft.title)).to_have_count(0)
    # Guessing addresses does not help.
    course_id = int(course_url.rstrip("/").rsplit("/", 1)[1])
    for path in ("/courses/999", f"/courses/{course_id}/edit", "/admin/users", "/media-library"):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None
        assert response.status in (403, 404), path
