"""On a phone: save a course for offline reading, read it without a connection,
mark a lesson done offline and see it arrive when the connection returns."""

import time

import pytest
from django.utils import translation
from playwright.sync_api import expect

from courses.models import LessonProgress
from tests.courses.conftest import make_course
from tests.courses.test_offline import illustrated_body, image
from tests.factories import PASSWORD, MemberFactory

pytestmark = pytest.mark.browser

BRAND = "rgb(11, 85, 99)"  # the header colour: proof that site.css came along


def ui(msgid):
    """The interface text as the Indonesian page shows it."""
    with translation.override("id-id"):
        return str(translation.gettext(msgid))


@pytest.fixture
def course(demo_site):
    """A three-lesson course whose second lesson has an image, a step
    screenshot at two sizes and a video thumbnail."""
    course = make_course("Kursus Uji Offline", slug="kursus-uji-offline", lessons=3)
    lesson = course.lessons()[1]
    lesson.body = illustrated_body(image("Foto"), image("Layar"), image("Sampul"))
    lesson.save_revision().publish()
    return course


@pytest.fixture(autouse=True)
def no_script_errors(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield
    assert errors == []


@pytest.fixture
def no_youtube(page):
    """The player is never fetched from the real YouTube in tests."""
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body="<p>player</p>", content_type="text/html"),
    )


def save_for_offline(page, course):
    page.goto(course.url)
    box = page.locator("[data-offline]")
    save = box.get_by_role("button", name=ui("Save for offline reading"))
    expect(save).to_be_visible()
    expect(box.get_by_role("status")).to_have_text("")
    # Every text the status line shows on the way, for the progress count.
    page.evaluate(
        """() => {
            const status = document.querySelector('[data-offline-status]');
            window.statusTexts = [];
            new MutationObserver(() => window.statusTexts.push(status.textContent))
              .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )
    save.click()
    expect(box.get_by_role("status")).to_have_text(ui("Saved for offline reading"), timeout=20_000)
    texts = page.evaluate("window.statusTexts")
    assert texts[-1] == ui("Saved for offline reading")
    progress, count = texts[:-1], len(texts) - 1
    # "Saving… 0 of N", "Saving… 1 of N", …: pages, images and the layout's files.
    assert progress == [
        ui("Saving… {done} of {total}").format(done=n, total=count) for n in range(count)
    ]
    manifest = page.request.get(f"{course.url}offline/").json()
    assert count > len(manifest["pages"]) + len(manifest["images"])
    expect(save).to_be_hidden()
    expect(box.get_by_role("button", name=ui("Remove from this device"))).to_be_visible()


def cached_urls(page, course):
    return page.evaluate(
        """async (name) => {
            const cache = await caches.open(name);
            return (await cache.keys()).map((request) => new URL(request.url).pathname);
        }""",
        f"pkk-course-{course.pk}",
    )


def loaded_images(page):
    """(loaded, total) for the lesson's images, scrolled into view one by one
    (they load lazily)."""
    images = page.locator(".lesson-body img")
    loaded = 0
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
        if images.nth(index).evaluate("(img) => img.complete && img.naturalWidth > 0"):
            loaded += 1
    return loaded, images.count()


def test_visitor_saves_a_course_and_reads_it_offline(course, page, shot, no_youtube):
    lessons = list(course.lessons())
    save_for_offline(page, course)
    shot("1-saved")

    saved = cached_urls(page, course)
    for url in [course.url, *(lesson.url for lesson in lessons)]:
        assert url in saved
    images = page.request.get(f"{course.url}offline/").json()["images"]
    assert len(images) >= 3  # each of the three pictures, at every size the page offers
    assert set(images) <= set(saved)
    assert "/static/css/site.css" in saved and "/static/js/offline.js" in saved

    page.context.set_offline(True)
    response = page.goto(lessons[1].url)
    assert response.from_service_worker
    expect(page.locator("h1")).to_have_text(lessons[1].title)
    expect(page.locator(".site-header")).to_have_css("background-color", BRAND)
    assert loaded_images(page) == (3, 3)
    shot("2-offline-lesson")
    # Proof that the network really is gone for the worker too: what was not
    # saved cannot be had.
    unsaved = "fetch('/kursus/').then(() => 'fetched', () => 'failed')"
    assert page.evaluate(unsaved) == "failed"
    page.goto(course.url)
    expect(page.locator("h1")).to_have_text(course.title)
    expect(page.locator("[data-offline]").get_by_role("status")).to_have_text(
        ui("Saved for offline reading")
    )

    # Back online: the video loads only when tapped, from youtube-nocookie.
    page.context.set_offline(False)
    page.goto(lessons[1].url)
    assert page.locator("iframe").count() == 0
    page.locator("a.video-link").click()
    frame = page.locator("iframe.video-frame")
    expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    expect(page.locator("a.video-link")).to_have_count(0)
    shot("3-video-tapped")

    # "Remove from this device" forgets the course and the worker.
    page.goto(course.url)
    box = page.locator("[data-offline]")
    box.get_by_role("button", name=ui("Remove from this device")).click()
    expect(box.get_by_role("status")).to_have_text(ui("Removed from this device"))
    expect(box.get_by_role("button", name=ui("Save for offline reading"))).to_be_visible()
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistration().then((r) => !!r)") is False
    shot("4-removed")


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_member_marks_a_lesson_done_offline(course, page, shot, sign_in):
    member = MemberFactory()
    lesson = course.lessons().first()
    sign_in(member.email, PASSWORD, course.url)
    save_for_offline(page, course)

    page.context.set_offline(True)
    page.goto(lesson.url)  # from the saved copy: the member's own, with the form
    expect(page.locator("h1")).to_have_text(lesson.title)
    page.get_by_role("button", name=ui("Mark as done")).click()
    status = page.locator("[data-done-status]")
    expect(status).to_have_text(ui("Saved — it will be sent when you are online"))
    expect(page.get_by_role("button", name=ui("Mark as done"))).to_be_hidden()
    shot("1-queued-offline")
    assert not LessonProgress.objects.filter(user=member, lesson=lesson).exists()

    page.context.set_offline(False)  # the `online` event sends the queue
    expect(status).to_have_text(ui("Sent — lesson marked done"), timeout=15_000)
    assert wait_for(lambda: LessonProgress.objects.filter(user=member, lesson=lesson).exists())
    assert page.evaluate("localStorage.getItem('pkk-done-queue')") is None
    shot("2-sent-online")

    # The course page, fresh from the network, counts it.
    page.goto(course.url)
    expect(page.locator(".lesson-list li.done")).to_have_count(1)
    shot("3-course-progress")


def test_saving_without_a_connection_fails_clearly(course, page, shot):
    page.goto(course.url)
    box = page.locator("[data-offline]")
    save = box.get_by_role("button", name=ui("Save for offline reading"))
    page.context.set_offline(True)
    save.click()
    expect(box.get_by_role("status")).to_have_text(ui("Could not save — try again"))
    expect(save).to_be_enabled()
    expect(box.get_by_role("button", name=ui("Remove from this device"))).to_be_hidden()
    assert page.evaluate("caches.keys()") == []
    shot("1-failed")

    page.context.set_offline(False)
    save.click()
    expect(box.get_by_role("status")).to_have_text(ui("Saved for offline reading"), timeout=20_000)
