"""Stored anonymous pages answered in front of Django (pusat/frontcache.py),
through the real ASGI application."""

import re

import pytest
from asgiref.sync import async_to_sync
from channels.testing import HttpCommunicator
from django.core.asgi import get_asgi_application
from django.test import Client
from wagtail.models import Site

from pusat.frontcache import FrontPageCache
from pusat.home.models import HomePage, SiteSettings
from showcase.models import WeeklyCount
from tests.courses.conftest import make_course
from tests.showcase.conftest import make_showcase

# Django serves the ASGI requests on its own thread and connection.
pytestmark = pytest.mark.django_db(transaction=True)

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class CountingApp:
    """Django's ASGI application, counting the requests that reach it."""

    def __init__(self):
        self.app = get_asgi_application()
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await self.app(scope, receive, send)


@pytest.fixture
def django_app(settings):
    settings.PAGE_CACHE_ENABLED = True
    SiteSettings.for_site(Site.objects.get())  # created up front: not a change
    return CountingApp()


@pytest.fixture
def front(django_app):
    return FrontPageCache(django_app)


def get(app, path, cookie=""):
    headers = [(b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))

    async def run():
        return await HttpCommunicator(app, "GET", path, headers=headers).get_response(timeout=20)

    response = async_to_sync(run)()
    response["header"] = {}
    for name, value in response["headers"]:
        response["header"].setdefault(name.decode().lower(), []).append(value.decode())
    return response


def header(response, name):
    return response["header"].get(name, [None])[0]


def test_second_request_never_reaches_django_and_keeps_every_header(front, django_app):
    lesson = make_course(lessons=1).lessons().first()
    first = get(front, lesson.url)
    second = get(front, lesson.url)
    assert first["status"] == second["status"] == 200
    assert django_app.calls == 1
    assert header(second, "x-page-cache") == "hit"
    assert TOKEN.sub(b"", second["body"]) == TOKEN.sub(b"", first["body"])
    assert lesson.title.encode() in second["body"]
    for name in ("content-security-policy", "x-content-type-options", "referrer-policy"):
        assert header(second, name) == header(first, name) is not None
    assert header(second, "content-length") == str(len(second["body"]))


def test_each_visitor_gets_their_own_working_csrf_token(front):
    get(front, "/")
    stranger = get(front, "/")
    cookie = stranger["header"]["set-cookie"][0]
    secret = re.match(r"csrftoken=([^;]+);", cookie).group(1)
    assert "SameSite=Lax" in cookie
    token = TOKEN.search(stranger["body"]).group(1).decode()
    # A visitor who already has a CSRF cookie gets a token for that secret.
    returning = get(front, "/", cookie=f"csrftoken={secret}")
    returning_token = TOKEN.search(returning["body"]).group(1).decode()
    assert returning_token != token  # masked afresh each time

    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = secret
    for each in (token, returning_token):
        response = client.post(
            "/akun/bahasa/", {"language": "en", "next": "/", "csrfmiddlewaretoken": each}
        )
        assert response.status_code == 302
    forged = client.post(
        "/akun/bahasa/", {"language": "en", "next": "/", "csrfmiddlewaretoken": "x" * 64}
    )
    assert forged.status_code == 403


def test_a_change_anywhere_shows_at_once(front, django_app):
    get(front, "/")
    get(front, "/")
    assert django_app.calls == 1
    home = HomePage.objects.get()
    home.title = "Beranda Pusat Kreatif Baru"
    home.save_revision().publish()
    response = get(front, "/")
    assert django_app.calls == 2
    assert header(response, "x-page-cache") == "miss"
    assert b"Beranda Pusat Kreatif Baru" in response["body"]


def test_signed_in_people_always_reach_django(front, django_app, client, member):
    client.force_login(member)
    session = f"sessionid={client.cookies['sessionid'].value}"
    for _ in range(3):
        response = get(front, "/", cookie=session)
        assert header(response, "x-page-cache") is None
    assert django_app.calls == 3


def test_language_and_text_size_are_kept_apart(front, django_app):
    get(front, "/")
    english = get(front, "/", cookie="pkk_language=en")
    large = get(front, "/", cookie="pkk_text_size=besar")
    assert django_app.calls == 3
    assert b'<html lang="en" class="text-normal">' in english["body"]
    assert b'<html lang="id" class="text-besar">' in large["body"]
    again = get(front, "/", cookie="pkk_language=en")
    assert django_app.calls == 3
    assert b'<html lang="en" class="text-normal">' in again["body"]


def test_a_stored_showcase_still_counts_every_visit(front, django_app):
    showcase = make_showcase(products=1)
    for _ in range(3):
        response = get(front, showcase.url)
        assert response["status"] == 200
        # The counter's name travels from Django to the front only.
        assert header(response, "x-page-cache-hook") is None
    assert django_app.calls == 1
    assert WeeklyCount.objects.get(showcase=showcase, product=None).count == 3


def test_switched_off_everything_reaches_django(front, django_app, settings):
    settings.PAGE_CACHE_ENABLED = False
    get(front, "/")
    get(front, "/")
    assert django_app.calls == 2


def test_the_store_is_bounded(django_app):
    front = FrontPageCache(django_app, max_entries=2)
    course = make_course(lessons=3)
    urls = [lesson.url for lesson in course.lessons()]
    for url in urls:
        get(front, url)
    assert len(front.entries) == 2
    get(front, urls[0])  # the oldest was dropped: Django again
    assert django_app.calls == 4
