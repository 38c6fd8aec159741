"""The directory and a showcase page cost the same number of queries with 2
or 20 showcases/products, and a showcase page stays small."""

import gzip
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import make_showcase

pytestmark = pytest.mark.django_db

# Counted once, then kept: a change here should be a decision, not an accident.
DIRECTORY_QUERIES = 10
SHOWCASE_QUERIES = 8
PRODUCT_QUERIES = 7


def fill_directory(count):
    for number in range(count):
        page = make_showcase(
            title=f"Usaha {number:02d}", products=1, photos=1, whatsapp="+6281238475521"
        )
        product = page.products.get()
        product.featured = True
        product.save()


def warm(client, url):
    # The first request makes image renditions and this week's visit row.
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_directory_queries_are_constant(client, django_assert_num_queries, count):
    fill_directory(count)
    warm(client, "/etalase/")
    with django_assert_num_queries(DIRECTORY_QUERIES):
        client.get("/etalase/")
    warm(client, "/etalase/?kategori=fesyen&unggulan=1&q=usaha&halaman=2")
    with django_assert_num_queries(DIRECTORY_QUERIES - 3):  # no highlights when filtering
        client.get("/etalase/?kategori=fesyen&unggulan=1&q=usaha&halaman=2")


@pytest.mark.parametrize("count", [2, 20])
def test_showcase_page_queries_are_constant(client, member, django_assert_num_queries, count):
    page = make_showcase(owner=member, products=count, photos=2)
    warm(client, page.url)
    with django_assert_num_queries(SHOWCASE_QUERIES):
        response = client.get(page.url)
    assert len(response.context["products"]) == count
    product = page.products.last()
    warm(client, product.get_url())
    with django_assert_num_queries(PRODUCT_QUERIES):
        client.get(product.get_url())


def test_first_load_is_under_50_kb_compressed(client, member):
    page = make_showcase(owner=member, products=20, photos=2, story="Cerita usaha. " * 60)
    html = client.get(page.url).content
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_bytes()
    size = len(gzip.compress(html)) + len(gzip.compress(css))
    assert size < 50 * 1024, size


MANAGE_QUERIES = 11


@pytest.mark.parametrize("count", [2, 20])
def test_manage_page_queries_are_constant(client, member, django_assert_num_queries, count):
    from showcase.actions import send_enquiry

    page = make_showcase(owner=member, products=count, photos=1)
    for number in range(count):
        send_enquiry(page, name=f"Pembeli {number}", contact="0812", message="Masih ada?")
    client.force_login(member)
    warm(client, "/etalase/kelola/")
    with django_assert_num_queries(MANAGE_QUERIES):
        client.get("/etalase/kelola/")
