"""A teacher builds a course in the browser: media, lessons in the WYSIWYG editor, draft,
preview, publish, reorder, enrol students, see who opened what."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Dialog, Page, expect

from pilms.demo import content
from tests.browser.conftest import LiveServer, sign_in

pytestmark = pytest.mark.browser


def make_png(path: Path) -> Path:
    image = Image.new("RGB", (400, 240), "white")
    ImageDraw.Draw(image).ellipse((100, 40, 300, 200), fill="orange")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_teacher_builds_publishes_and_enrols(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    teacher_name, teacher_email = content.INSTRUCTORS[0]
    sign_in(page, live_server, teacher_email, live_server.accounts.shared_password)

    # 1. A picture into the media library.
    page.get_by_role("link", name="Media").click()
    page.get_by_label("Upload a file").set_input_files(make_png(tmp_path / "sun.png"))
    page.get_by_label("Description").fill("An orange sun")
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_text("Uploaded sun.png.")).to_be_visible()

    # 2. A new course.
    page.get_by_role("link", name="My courses").click()
    page.get_by_role("link", name="New course").click()
    page.get_by_label("Title").fill("Astronomy Club")
    page.get_by_label("Description").fill("Stars, planets and the Sun.")
    page.get_by_role("button", name="Create course").click()
    expect(page.get_by_role("heading", name="Astronomy Club")).to_be_visible()
    course_url = page.url

    # 3. A lesson written in the editor, saved as a draft.
    page.get_by_role("link", name="New lesson").click()
    page.get_by_label("Title").fill("Our Star")
    editor = page.locator(".jodit-wysiwyg")
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type("The Sun is a star. ")
    page.locator(".jodit-toolbar-button_bold button").click()
    page.keyboard.type("It is very hot.")
    page.locator(".jodit-toolbar-button_bold button").click()
    page.keyboard.press("Enter")
    page.locator(".jodit-toolbar-button_ul button").first.click()
    page.keyboard.type("Light")
    page.keyboard.press("Enter")
    page.keyboard.type("Heat")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.locator(".jodit-toolbar-button_libraryImage button").click()
    page.get_by_role("button", name="An orange sun").click()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()

    # 4. Preview shows the draft as students will see it.
    page.get_by_role("button", name="Save and preview").click()
    expect(page.get_by_text("Preview: this lesson is a draft.")).to_be_visible()
    lesson = page.locator(".lesson-content")
    expect(lesson.locator("strong")).to_have_text("It is very hot.")
    expect(lesson.locator("ul li")).to_have_count(2)
    image = lesson.locator("img")
    expect(image).to_have_attribute("alt", "An orange sun")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert (image.get_attribute("src") or "").startswith("/media/")

    # 5. Publish it, add a second lesson, and put the second first.
    page.get_by_role("link", name="Edit lesson").click()
    page.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_text("Lesson saved and published.")).to_be_visible()
    page.goto(course_url)
    page.get_by_role("link", name="New lesson").click()
    page.get_by_label("Title").fill("The Planets")
    page.locator(".jodit-wysiwyg").click()
    page.keyboard.type("Eight planets go around the Sun.")
    page.get_by_role("button", name="Save and publish").click()
    page.goto(course_url)
    page.get_by_role("button", name="Move The Planets up").click()
    expect(page.locator("#lessons li").first).to_contain_text("The Planets")
    page.reload()
    expect(page.locator("#lessons li").first).to_contain_text("The Planets")
    page.get_by_role("link", name="Edit course").click()
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Course saved.")).to_be_visible()

    # 6. Enrol one student by email and others from a CSV file.
    page.get_by_role("link", name="Students").click()
    first_student = content.STUDENTS[0]
    page.get_by_label("Enrol one student by email").fill(first_student[1])
    page.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.get_by_text(f"{first_student[0]} is now enrolled.")).to_be_visible()
    csv_file = tmp_path / "class.csv"
    csv_file.write_text(
        "email\n"
        + "\n".join(email for _n, email in content.STUDENTS[1:4])
        + "\nnobody@demo.pilms.local\n"
    )
    page.get_by_label("…or choose a CSV file of emails").set_input_files(csv_file)
    page.get_by_role("button", name="Enrol all").click()
    expect(page.get_by_text("Enrolled 3; 0 already enrolled; 1 not enrolled.")).to_be_visible()
    expect(page.get_by_text("nobody@demo.pilms.local — no account has this email")).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(4)

    # 7. The student reads it; the teacher sees who opened what.
    student_page = page.context.browser.new_context().new_page()  # type: ignore[union-attr]
    sign_in(student_page, live_server, first_student[1], live_server.accounts.shared_password)
    student_page.get_by_role("link", name="Astronomy Club").click()
    student_page.get_by_role("link", name="Our Star").click()
    expect(student_page.locator(".lesson-content strong")).to_have_text("It is very hot.")
    student_page.context.close()
    page.goto(course_url + "/activity")
    row = page.locator("tr", has=page.get_by_role("rowheader", name=first_student[0]))
    expect(row).to_contain_text("1/2")
    expect(
        page.locator("tr", has=page.get_by_role("rowheader", name=content.STUDENTS[1][0]))
    ).to_contain_text("0/2")
    assert teacher_name


def test_editor_content_is_sanitised_even_from_the_source_view(
    page: Page, live_server: LiveServer
) -> None:
    sign_in(page, live_server, content.INSTRUCTORS[0][1], live_server.accounts.shared_password)
    page.get_by_role("link", name=content.COURSES[0].title).click()
    page.get_by_role("link", name="New lesson").click()
    page.get_by_label("Title").fill("Sneaky")
    page.locator(".jodit-toolbar-button_source button").click()
    source = page.locator(".jodit-source textarea, .jodit-source .ace_text-input").first
    source.fill(
        '<p onclick="alert(1)">Hello</p><img src=x onerror="alert(2)"><script>alert(3)</script>'
    )
    page.locator(".jodit-toolbar-button_source button").click()
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.get_by_role("button", name="Save and preview").click()
    expect(page.locator(".lesson-content")).to_contain_text("Hello")
    html = page.locator(".lesson-content").inner_html()
    assert "onclick" not in html
    assert "onerror" not in html
    assert "<script" not in html
    assert dialogs == []
    assert re.search(r"<p>Hello</p>", html)


def test_the_editor_page_asks_nothing_of_the_internet(page: Page, live_server: LiveServer) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    sign_in(page, live_server, content.INSTRUCTORS[0][1], live_server.accounts.shared_password)
    page.get_by_role("link", name=content.COURSES[0].title).click()
    page.get_by_role("link", name="New lesson").click()
    expect(page.locator(".jodit-wysiwyg")).to_be_visible()
    page.locator(".jodit-toolbar-button_source button").click()  # Jodit's default would fetch Ace
    page.locator(".jodit-toolbar-button_source button").click()
    page.wait_for_load_state("networkidle")
    assert hosts == {live_server.url.split("/")[2]}
