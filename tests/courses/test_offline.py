"""Low bandwidth and offline: the service worker, a course's offline list,
and pages that still work without JavaScript."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.images import get_image_model

from courses.models import LessonPage, LessonProgress
from tests.courses.conftest import make_course, png_upload

pytestmark = pytest.mark.django_db

STATIC_JS = Path(settings.BASE_DIR) / "static" / "js"


class Images(HTMLParser):
    """Every image URL in a page: `src` and each `srcset` candidate."""

    def __init__(self, html):
        super().__init__()
        self.urls = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "img":
            return
        self.urls.add(attrs["src"])
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.urls.add(candidate.split()[0])


def image(title="Tangkapan layar"):
    return get_image_model().objects.create(
        title=title, file=png_upload(f"{title}.png", size=(1200, 900))
    )


def illustrated_body(photo, screenshot, thumbnail):
    return json.dumps(
        [
            {"type": "text", "value": "<p>Lihat gambar di bawah.</p>"},
            {
                "type": "image",
                "value": {"image": photo.pk, "alt_text": "Kotak masuk", "caption": ""},
            },
            {
                "type": "steps",
                "value": {
                    "title": "Langkah",
                    "steps": [
                        {
                            "text": "<p>Ketuk tombol Tulis.</p>",
                            "screenshot": screenshot.pk,
                            "screenshot_alt": "Tombol Tulis di pojok kanan bawah",
                        }
                    ],
                },
            },
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Menulis email pertama",
                    "thumbnail": thumbnail.pk,
                    "minutes": 3,
                },
            },
        ]
    )


@pytest.fixture
def illustrated(db):
    """A course whose second lesson has an image, a step screenshot and a video,
    plus a draft lesson that must never be offered for saving."""
    course = make_course(lessons=2)
    lesson = course.lessons().last()
    lesson.body = illustrated_body(image("Foto"), image("Layar"), image("Sampul"))
    lesson.save_revision().publish()
    draft = LessonPage(
        title="Pelajaran rahasia", slug="draf", body="[]", live=False, summary="Belum siap."
    )
    course.add_child(instance=draft)
    draft.save_revision()
    return course


class TestServiceWorker:
    url = "/kursus/sw.js"

    def test_served_as_javascript_from_the_course_prefix(self, client, course):
        assert reverse("courses:service_worker") == self.url
        response = client.get(self.url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/javascript")
        assert response.content.decode() == (STATIC_JS / "sw.js").read_text(encoding="utf-8")
        # Its default scope is the folder it is served from: every course lies inside.
        scope = self.url.rsplit("/", 1)[0] + "/"
        assert scope == "/kursus/"
        assert course.url.startswith(scope)
        assert all(lesson.url.startswith(scope) for lesson in course.lessons())
        assert "Service-Worker-Allowed" not in response

    def test_always_revalidated_and_cheap_to_revalidate(self, client):
        response = client.get(self.url)
        assert response["Cache-Control"] == "no-cache"
        again = client.get(self.url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
        assert again.content == b""

    def test_only_read(self, client):
        assert client.post(self.url).status_code == 405


class TestOfflineManifest:
    def manifest(self, client, course):
        response = client.get(f"{course.url}offline/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response["Cache-Control"] == "no-cache"
        return response.json()

    def test_lists_the_course_and_its_live_lessons_only(self, client, illustrated):
        data = self.manifest(client, illustrated)
        live = [lesson.url for lesson in illustrated.lessons()]
        assert len(live) == 2
        assert data["course"] == illustrated.pk
        assert data["pages"] == [illustrated.url, *live]
        assert not any("draf" in url for url in data["pages"])

    def test_images_are_the_renditions_the_lesson_pages_show(self, client, illustrated):
        data = self.manifest(client, illustrated)
        shown = set()
        for lesson in illustrated.lessons():
            shown |= Images(client.get(lesson.url).content.decode()).urls
        shown = {url for url in shown if url.startswith(settings.MEDIA_URL)}
        # the image, the step screenshot and the video thumbnail, at every size offered
        for title in ("Foto", "Layar", "Sampul"):
            assert any(f"/{title}" in url for url in shown), title
        assert set(data["images"]) == shown
        assert len(data["images"]) == len(set(data["images"]))

    def test_a_course_without_images_lists_none(self, client, course):
        assert self.manifest(client, course)["images"] == []

    def test_anyone_may_save_a_public_course(self, client, member, course):
        anonymous = self.manifest(client, course)
        client.force_login(member)
        assert self.manifest(client, course) == anonymous
        # Reading the list enrols nobody and marks nothing.
        assert not LessonProgress.objects.exists()

    def test_unpublished_course_has_no_manifest(self, client):
        course = make_course("Toko Online", lessons=1)
        course.unpublish()
        assert client.get(f"{course.url}offline/").status_code == 404


class TestPagesWithoutJavaScript:
    def test_course_page_offers_saving_only_through_the_script(self, client, course):
        body = client.get(course.url).content.decode()
        box = re.search(r"<div class=\"offline-save\"[^>]*>", body).group(0)
        assert " hidden " in box  # offline.js reveals it where service workers exist
        assert f'data-manifest="{course.url}offline/"' in box
        assert 'data-worker="/kursus/sw.js"' in box
        assert 'data-saving="' in box and "{done}" in box and "{total}" in box
        assert re.search(r'<script src="/static/js/offline\.js" defer', body)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body), "no inline scripts (CSP)"

    def test_mark_done_is_an_ordinary_form(self, client, member, course):
        lesson = course.lessons().first()
        client.force_login(member)
        body = client.get(lesson.url).content.decode()
        form = re.search(r"<form method=\"post\" action=\"([^\"]+)\"[^>]*data-done-form", body)
        assert form.group(1) == f"{lesson.url}selesai/"
        assert 'name="csrfmiddlewaretoken"' in body
        assert re.search(r"<p [^>]*data-done-status[^>]*hidden", body)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)

        response = client.post(f"{lesson.url}selesai/")
        assert response.status_code == 302
        assert LessonProgress.objects.filter(user=member, lesson=lesson).count() == 1
        # A queued mark replayed later changes nothing more.
        client.post(f"{lesson.url}selesai/")
        assert LessonProgress.objects.filter(user=member, lesson=lesson).count() == 1

    def test_video_is_a_plain_link_until_tapped(self, client, illustrated):
        body = client.get(illustrated.lessons().last().url).content.decode()
        link = re.search(r"<a class=\"video-link\"[^>]*>", body).group(0)
        assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in link
        assert 'data-video-id="dQw4w9WgXcQ"' in link
        assert 'data-video-title="Menulis email pertama"' in link
        assert "<iframe" not in body


def test_javascript_stays_small():
    sizes = {name: (STATIC_JS / name).stat().st_size for name in ("offline.js", "sw.js")}
    assert sum(sizes.values()) < 10 * 1024, sizes
