"""The home page, standard pages, site settings, health check and error pages."""

import json
import os

import pytest
from django.db import connection
from django.db.utils import OperationalError
from wagtail.models import Page, Site

from pusat.home.models import HomePage, SiteSettings, StandardPage
from tests.helpers import indonesian, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get()


def publish(page):
    page.save_revision().publish()
    return page


def test_fresh_database_serves_our_home_page(client, home):
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    response = client.get("/")
    assert response.status_code == 200
    assert response.templates[0].name == "home/home_page.html"
    assert "<h1>Beranda</h1>" in response.content.decode()


def test_home_page_renders_every_block_it_was_given(client, home):
    home.body = json.dumps(
        [
            {
                "type": "hero",
                "value": {
                    "title": "Jualan online, pelan-pelan tapi pasti",
                    "text": "Belajar dari ponsel, bersama teman satu kabupaten.",
                    "image": None,
                    "action": {"label": "Daftar gratis", "page": None, "url": "/akun/daftar/"},
                },
            },
            {
                "type": "highlights",
                "value": {
                    "heading": "Apa yang ada di sini",
                    "cards": [
                        {
                            "title": "Kursus",
                            "text": "Empat modul.",
                            "link": None,
                            "url": "/kursus/",
                        },
                        {"title": "Etalase", "text": "Produk anggota.", "link": None, "url": ""},
                    ],
                },
            },
            {"type": "heading", "value": "Tahapan e-UMKM"},
            {"type": "text", "value": "<p>Dari <b>persiapan</b> sampai kemandirian.</p>"},
        ]
    )
    publish(home)
    body = client.get("/").content.decode()
    assert '<h1 class="hero-title">Jualan online, pelan-pelan tapi pasti</h1>' in body
    assert '<a class="button button-large" href="/akun/daftar/">Daftar gratis</a>' in body
    assert "<h2>Apa yang ada di sini</h2>" in body
    assert '<a href="/kursus/">Kursus</a>' in body
    assert "<h3>Etalase</h3>" in body
    assert '<h2 class="block-heading">Tahapan e-UMKM</h2>' in body
    assert "Dari <b>persiapan</b> sampai kemandirian." in body
    # The hero title replaces the page-title heading: one <h1> only.
    assert body.count("<h1") == 1


def test_standard_page_shows_title_intro_and_body(client, home):
    page = StandardPage(
        title="Tentang Kami",
        slug="tentang-kami",
        intro="Rumah belajar bagi UMKM Karangasem.",
        body=json.dumps([{"type": "text", "value": "<p>Didirikan oleh koperasi.</p>"}]),
    )
    home.add_child(instance=page)
    publish(page)
    response = client.get("/tentang-kami/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Tentang Kami</h1>" in body
    assert '<p class="lead">Rumah belajar bagi UMKM Karangasem.</p>' in body
    assert "Didirikan oleh koperasi." in body
    assert "<title>Tentang Kami · Pusat Komunitas Kreatif</title>" in body


def test_draft_pages_are_not_public(client, home):
    page = StandardPage(title="Rahasia", slug="rahasia", live=False)
    home.add_child(instance=page)
    assert client.get("/rahasia/").status_code == 404


def test_page_types_live_only_where_they_belong():
    assert StandardPage.can_create_at(HomePage.objects.get())
    assert not HomePage.can_create_at(HomePage.objects.get())
    assert not StandardPage.can_create_at(Page.get_first_root_node())


def test_site_settings_fill_the_header_and_footer(client, home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.centre_name = "Pusat Kreatif Amlapura"
    settings.address = "Jl. Ngurah Rai No. 7, Amlapura"
    settings.whatsapp = "+6281338001234"
    settings.email = "halo@contoh.id"
    settings.instagram = "https://instagram.com/pusatkreatif"
    settings.save()
    body = client.get("/").content.decode()
    assert "<span>Pusat Kreatif Amlapura</span>" in body
    assert "Jl. Ngurah Rai No. 7, Amlapura" in body
    assert 'href="https://wa.me/6281338001234"' in body
    assert 'href="mailto:halo@contoh.id"' in body
    assert 'href="https://instagram.com/pusatkreatif"' in body


def test_site_settings_refuse_a_local_whatsapp_format():
    from django.core.exceptions import ValidationError

    settings = SiteSettings(site=Site.objects.get(), whatsapp="0813 3800 1234")
    with pytest.raises(ValidationError):
        settings.full_clean()


def test_base_layout_is_accessible_and_light(client):
    body = client.get("/").content.decode()
    assert '<html lang="id" class="text-normal">' in body
    assert '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body
    assert "<header" in body and "<nav" in body and "<footer" in body
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in body
    # No script at all on a public page; one same-origin stylesheet.
    assert "<script" not in body
    assert body.count('rel="stylesheet"') == 1
    assert "https://" not in body.split("</head>")[0]


def test_navigation_reaches_every_section(client):
    body = page_text(client.get("/"))
    for path, label in [
        ("/kursus/", "Kursus"),
        ("/komunitas/", "Komunitas"),
        ("/forum/", "Forum"),
        ("/obrolan/", "Obrolan"),
        ("/etalase/", "Etalase"),
    ]:
        assert f'<a href="{path}">{label}</a>' in body
        assert client.get(path).status_code == 200


class TestHealthz:
    def test_reports_a_reachable_database(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok"}
        assert "no-cache" in response["Cache-Control"]

    def test_reports_an_unreachable_database_with_503(self, client, monkeypatch):
        def refuse(*args, **kwargs):
            raise OperationalError("connection refused")

        monkeypatch.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "error", "database": "unreachable"}


class TestErrorPages:
    def test_404_in_indonesian_in_the_sites_look(self, client):
        response = client.get("/tidak-ada-halaman-ini/")
        assert response.status_code == 404
        body = page_text(response)
        assert indonesian("Page not found") in body
        assert indonesian("Back to the home page") in body
        assert 'class="site-header"' in body

    def test_403_in_indonesian(self, rf):
        from django.contrib.auth.models import AnonymousUser
        from django.core.exceptions import PermissionDenied

        from pusat.home.views import permission_denied

        request = rf.get("/")
        request.user = AnonymousUser()
        request.text_size = "normal"
        response = permission_denied(request, PermissionDenied())
        assert response.status_code == 403
        assert indonesian("You may not open this page") in response.content.decode()

    def test_500_in_indonesian_without_touching_the_database(self, rf, django_assert_num_queries):
        from django.utils import translation

        from pusat.home.views import server_error

        with translation.override("id-id"), django_assert_num_queries(0):
            response = server_error(rf.get("/"))
        assert response.status_code == 500
        assert indonesian("Sorry, something went wrong") in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/tentang-kami/", "/faq/", "/akun/daftar/", "/akun/masuk/"])
def test_first_load_stays_under_50_kb_compressed(client, path):
    """HTML plus every same-site stylesheet and script, gzip-compressed."""
    import gzip
    import re

    from django.contrib.staticfiles import finders
    from django.core.management import call_command

    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    html = client.get(path).content
    total = len(gzip.compress(html))
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert assets, "the page should link its stylesheet"
    for asset in assets:
        with open(finders.find(asset.decode()), "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert total < 50 * 1024, f"{path} weighs {total} bytes compressed"
