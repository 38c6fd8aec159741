"""Showcases built for the tests that need them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from showcase import actions
from showcase.models import Product, ShowcaseIndexPage
from tests.factories import MemberFactory

SHOWCASE_FIELDS = {
    "title": "Endek Sari Sidemen",
    "story": "Tenun endek ikat tangan dari Sidemen.",
    "category": "fesyen",
    "regency": "Karangasem",
    "district": "Sidemen",
    "village": "Sidemen",
    "opening_hours": "Senin–Sabtu 08.00–17.00",
    "whatsapp": "+6281238475521",
    "cover_alt": "",
    "tokopedia_url": "https://www.tokopedia.com/endeksari",
    "shopee_url": "",
    "bukalapak_url": "",
    "other_store_url": "",
    "instagram_url": "https://instagram.com/endeksari",
    "facebook_url": "",
    "tiktok_url": "",
    "blog_url": "",
}


def png_upload(name="foto.png", size=(80, 60), image_format="PNG", color=(200, 80, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    content_type = "image/jpeg" if image_format == "JPEG" else "image/png"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_showcase(owner=None, products=0, photos=1, publish=True, **fields):
    owner = owner or MemberFactory()
    data = {**SHOWCASE_FIELDS, **fields}
    showcase = actions.save_showcase(owner, None, data, publish=publish)
    for number in range(products):
        actions.save_product(
            owner,
            showcase,
            None,
            {
                "name": f"Kain Endek Motif {number}",
                "description": "Kain endek katun, 2 meter.",
                "price": 250_000 + number,
                "price_max": None,
                "negotiable": False,
                "weight_grams": 300,
                "stock": Product.Stock.AVAILABLE,
                "category": "fesyen",
                "village_speciality": number == 0,
                "marketplace_url": "",
            },
            photos=[
                (png_upload(f"f{number}-{p}.png"), f"Kain endek {number} foto {p}")
                for p in range(photos)
            ],
        )
    return showcase


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def index(db):
    return ShowcaseIndexPage.objects.get()


@pytest.fixture
def showcase(db, member):
    return make_showcase(owner=member, products=3)
