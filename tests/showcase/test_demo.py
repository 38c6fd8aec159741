"""The demo showcases: published, with photos drawn at load time, and a
second run of `load_demo_data` adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Revision

from showcase.demo import SHOWCASES
from showcase.models import Product, ProductPhoto, ShowcasePage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "showcases": ShowcasePage.objects.count(),
        "products": Product.objects.count(),
        "photos": ProductPhoto.objects.count(),
        "images": get_image_model().objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_demo_showcases_are_published_and_rerun_adds_nothing(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_data", stdout=StringIO())
    first = counts()
    call_command("load_demo_data", stdout=StringIO())
    assert counts() == first
    assert first["showcases"] == len(SHOWCASES)
    assert first["products"] == sum(len(spec["products"]) for spec in SHOWCASES)
    assert first["photos"] == first["products"]
    assert all(page.live and page.owner_id for page in ShowcasePage.objects.all())
    assert not ProductPhoto.objects.filter(alt="").exists()

    response = client.get("/etalase/?unggulan=1&kabupaten=Karangasem")
    titles = [page.title for page in response.context["showcases"]]
    assert titles[0] == "Endek Sari Sidemen"  # featured first
    assert "Keripik Tempe Bu Rohmah" not in titles
    assert len(client.get("/etalase/").context["featured_products"]) == 3
    endek = ShowcasePage.objects.get(slug="endek-sari-sidemen")
    page = client.get(endek.url)
    assert page.status_code == 200
    assert "Rp 450.000" in page.content.decode()
