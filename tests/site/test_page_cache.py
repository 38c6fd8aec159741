"""Anonymous public pages come from the cache, and a change shows at once."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from forum import actions as forum_actions
from forum.models import Category
from pusat.home.models import HomePage, SiteSettings
from pusat.pagecache import CSRF_INPUT
from showcase.models import WeeklyCount
from tests.courses.conftest import make_course
from tests.factories import MemberFactory
from tests.showcase.conftest import make_showcase

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _centre_settings(db, settings):
    # Off for the rest of the suite (pusat/settings/test.py), on here.
    settings.PAGE_CACHE_ENABLED = True
    # The first page ever served creates the centre's settings row (a change);
    # create it up front so the first request below is an ordinary one.
    SiteSettings.for_site(Site.objects.get())


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return response, len(queries)


def without_token(content):
    return CSRF_INPUT.sub(b"", content)


def test_second_anonymous_request_makes_no_query(client):
    course = make_course(lessons=2)
    lesson = course.lessons().first()
    for url in ("/", lesson.url, course.url, "/kursus/"):
        first, first_queries = get(client, url)
        second, second_queries = get(client, url)
        assert first["X-Page-Cache"] == "miss"
        assert second["X-Page-Cache"] == "hit"
        assert first_queries > 3
        assert second_queries == 0
        assert without_token(second.content) == without_token(first.content)
        # The outer layers still add their headers to a stored page.
        assert "Content-Security-Policy" in second
        assert second["Content-Language"] == settings.LANGUAGE_CODE


def test_showcase_directory_is_stored_and_a_new_showcase_shows_at_once(client):
    make_showcase(title="Tenun Ikat Sidemen", products=1)
    for url in ("/etalase/", "/etalase/?kategori=fashion"):
        get(client, url)
        response, queries = get(client, url)
        assert response["X-Page-Cache"] == "hit"
        assert queries == 0
    assert "Tenun Ikat Sidemen" in get(client, "/etalase/")[0].content.decode()
    make_showcase(title="Kopi Bubuk Kintamani", products=1)
    response, _ = get(client, "/etalase/")
    assert response["X-Page-Cache"] == "miss"
    assert "Kopi Bubuk Kintamani" in response.content.decode()


def test_publishing_shows_at_once(client):
    home = HomePage.objects.get()
    get(client, "/")
    assert get(client, "/")[0]["X-Page-Cache"] == "hit"
    home.title = "Beranda Baru Sekali"
    home.save_revision().publish()
    response, _ = get(client, "/")
    assert response["X-Page-Cache"] == "miss"
    assert "Beranda Baru Sekali" in response.content.decode()


def test_forum_post_edit_and_hide_show_at_once(client, editor):
    asker = MemberFactory(full_name="Luh Sukerti")
    public_category = Category.objects.create(name="Foto Produk", slug="foto-produk")
    thread = forum_actions.create_thread(
        asker, public_category, "Foto produk gelap", "Bagaimana agar terang?"
    )
    url = thread.get_absolute_url()
    get(client, url)
    assert get(client, url)[0]["X-Page-Cache"] == "hit"

    reply = forum_actions.create_reply(asker, thread, "Coba dekat jendela saat pagi.")
    assert "dekat jendela" in get(client, url)[0].content.decode()

    forum_actions.edit_post(asker, reply, "Coba di teras saat pagi.")
    body = get(client, url)[0].content.decode()
    assert "di teras" in body and "dekat jendela" not in body

    get(client, url)
    forum_actions.set_post_hidden(editor, reply, True, "Uji")
    assert "di teras" not in get(client, url)[0].content.decode()


def test_showcase_and_product_edits_show_at_once_and_visits_still_count(client):
    showcase = make_showcase(products=1)
    product = showcase.products.get()
    product_url = product.get_url()
    get(client, showcase.url)
    hit, queries = get(client, showcase.url)
    assert hit["X-Page-Cache"] == "hit"
    # Counting the visit is the only query a stored showcase page costs.
    assert queries == 1
    assert WeeklyCount.objects.get(showcase=showcase, product=None).count == 2

    get(client, product_url)
    assert get(client, product_url)[0]["X-Page-Cache"] == "hit"
    assert WeeklyCount.objects.get(showcase=showcase, product=product).count == 2
    product.name = "Kain Songket Baru"
    product.save()
    assert "Kain Songket Baru" in get(client, product_url)[0].content.decode()
    assert "Kain Songket Baru" in get(client, showcase.url)[0].content.decode()


def test_signed_in_members_never_get_a_stored_page(client, member):
    get(client, "/")
    assert get(client, "/")[0]["X-Page-Cache"] == "hit"
    client.force_login(member)
    response, queries = get(client, "/")
    assert "X-Page-Cache" not in response
    assert queries > 0
    assert (member.full_name or member.email) in response.content.decode()
    # And what a member saw is never stored for visitors.
    client.logout()
    response = get(client, "/")[0]
    assert (member.full_name or member.email) not in response.content.decode()


def test_language_and_text_size_have_their_own_copies(client):
    indonesian_page = get(client, "/")[0]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = get(client, "/")[0]
    assert english["X-Page-Cache"] == "miss"
    assert english.content != indonesian_page.content
    assert '<html lang="en"' in english.content.decode()
    assert get(client, "/")[0]["X-Page-Cache"] == "hit"

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id-id"
    again = get(client, "/")[0]
    assert again["X-Page-Cache"] == "hit"
    assert '<html lang="id"' in again.content.decode()

    client.cookies[settings.TEXT_SIZE_COOKIE_NAME] = "besar"
    large = get(client, "/")[0]
    assert large["X-Page-Cache"] == "miss"
    assert 'class="text-besar"' in large.content.decode()


def test_pages_with_forms_or_messages_are_not_stored(client):
    # The sign-in page carries a CSRF token: never stored, never served stored.
    for _attempt in range(2):
        response = client.get("/akun/masuk/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    # A visitor with a pending message (or any session) is served afresh.
    get(client, "/")
    client.cookies["messages"] = "x"
    assert "X-Page-Cache" not in get(client, "/")[0]


def test_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    get(client, "/")
    response, queries = get(client, "/")
    assert "X-Page-Cache" not in response
    assert queries > 0


def test_stored_page_carries_each_visitors_own_csrf_token(client):
    from django.test import Client
    from django.urls import reverse

    get(client, "/")
    visitor = Client(enforce_csrf_checks=True)
    response, _ = get(visitor, "/")
    assert response["X-Page-Cache"] == "hit"
    body = response.content.decode()
    assert "\x00" not in body
    token = body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert len(token) == 64
    assert settings.CSRF_COOKIE_NAME in response.cookies
    switched = visitor.post(
        reverse("accounts:set_language"), {"csrfmiddlewaretoken": token, "language": "en"}
    )
    assert switched.status_code == 302
    assert visitor.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
