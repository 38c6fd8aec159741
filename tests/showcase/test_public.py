"""The public side: directory, showcase page, product page, WhatsApp, QR."""

import io
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
import zxingcpp
from PIL import Image

from showcase.models import WeeklyCount
from showcase.templatetags.showcase_tags import rupiah
from tests.factories import MemberFactory
from tests.helpers import indonesian, page_text

from .conftest import make_showcase

pytestmark = pytest.mark.django_db


def test_rupiah_is_written_the_indonesian_way():
    assert rupiah(25000) == "Rp 25.000"
    assert rupiah(1250000) == "Rp 1.250.000"
    assert rupiah(500) == "Rp 500"
    assert rupiah(None) == ""


def test_index_is_a_wagtail_page_at_etalase(client, index):
    assert index.url == "/etalase/"
    response = client.get("/etalase/")
    assert response.status_code == 200
    assert response.context["page"].pk == index.pk


def test_showcase_page_lists_products_with_prices_and_lazy_srcset(client, showcase):
    assert showcase.url == "/etalase/endek-sari-sidemen/"
    response = client.get(showcase.url)
    assert response.status_code == 200
    text = page_text(response)
    assert "Kain Endek Motif 0" in text and "Kain Endek Motif 2" in text
    assert "Rp 250.000" in text
    html = response.content.decode()
    img = re.search(r'<img alt="Kain endek 0 foto 0"[^>]*>', html).group(0)
    assert 'loading="lazy"' in img
    assert re.search(r'srcset="[^"]+fill-360x360[^"]+, [^"]+fill-720x720[^"]+"', img)
    assert 'alt="Kain endek 0 foto 0"' in html
    assert indonesian("Order via WhatsApp") in text


def test_unpublished_showcase_is_not_public(client, member):
    page = make_showcase(owner=member, publish=False)
    assert client.get(page.url).status_code == 404
    assert client.get("/etalase/").context["page_obj"].paginator.count == 0


def test_whatsapp_button_counts_and_redirects_with_prefilled_message(client, showcase):
    product = showcase.products.get(slug="kain-endek-motif-1")
    page = client.get(product.get_url())
    assert page.status_code == 200
    href = re.search(
        r'href="([^"]+)"[^>]*>' + indonesian("Order via WhatsApp"), page.content.decode()
    )
    assert href.group(1) == "/etalase/endek-sari-sidemen/wa/?produk=kain-endek-motif-1"
    response = client.get(href.group(1).replace("&amp;", "&"))
    assert response.status_code == 302
    target = urlparse(response["Location"])
    assert (target.scheme, target.netloc, target.path) == ("https", "wa.me", "/6281238475521")
    message = parse_qs(target.query)["text"][0]
    assert "Kain Endek Motif 1" in message
    assert "http://testserver/etalase/endek-sari-sidemen/produk/kain-endek-motif-1/" in message
    assert "Endek Sari Sidemen" in message
    assert WeeklyCount.objects.get(kind="whatsapp", product=product).count == 1


def test_visits_are_counted_per_week_without_personal_data(client, showcase, member):
    client.get(showcase.url)
    client.get(showcase.url)
    row = WeeklyCount.objects.get(kind="view", product=None)
    assert row.count == 2
    assert row.week.weekday() == 0
    field_names = {field.name for field in WeeklyCount._meta.get_fields()}
    assert field_names == {"id", "showcase", "product", "week", "kind", "count"}
    client.force_login(member)  # the owner's own looks are not visits
    client.get(showcase.url)
    row.refresh_from_db()
    assert row.count == 2


def test_product_page_has_schema_org_product_and_open_graph(client, showcase):
    product = showcase.products.first()
    response = client.get(product.get_url())
    html = response.content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Product"
    assert data["name"] == product.name
    assert data["offers"]["price"] == product.price
    assert data["offers"]["priceCurrency"] == "IDR"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["image"][0].startswith("http://testserver/")
    assert f'<link rel="canonical" href="http://testserver{product.get_url()}">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_showcase_page_has_local_business_json_ld(client, showcase):
    html = client.get(showcase.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "LocalBusiness"
    assert data["address"]["addressRegion"] == "Karangasem"
    assert [offer["itemOffered"]["@type"] for offer in data["makesOffer"]] == ["Product"] * 3
    assert "https://www.tokopedia.com/endeksari" in data["sameAs"]


def test_user_text_cannot_break_out_of_the_json_ld_script(client, member):
    page = make_showcase(owner=member, story="Bagus </script><script>alert(1)</script> <!--")
    html = client.get(page.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json.loads(block)["description"].startswith("Bagus </script><script>alert(1)")
    assert "<script>alert(1)" not in html


def test_qr_code_scans_back_to_the_page(client, showcase):
    response = client.get(showcase.url + "qr/png/")
    assert response["Content-Type"] == "image/png"
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert [result.text for result in results] == ["http://testserver/etalase/endek-sari-sidemen/"]
    svg = client.get(showcase.url + "qr/svg/")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<svg")
    sheet = client.get(showcase.url + "qr/")
    assert 'src="/etalase/endek-sari-sidemen/qr/svg/"' in sheet.content.decode()


def test_sitemap_lists_showcase_and_product_pages(client, showcase):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{showcase.full_url}</loc>" in xml
    assert f"{showcase.full_url}produk/kain-endek-motif-0/</loc>" in xml


def test_share_links_are_plain_links(client, showcase):
    html = client.get(showcase.url).content.decode()
    assert (
        "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fetalase%2Fendek-sari-sidemen%2F"
        in html
    )
    assert "https://wa.me/?text=" in html
    assert "<script src" not in html


# --- Directory --------------------------------------------------------------


@pytest.fixture
def directory(db):
    endek = make_showcase(products=1, title="Endek Sari Sidemen")
    vco = make_showcase(
        title="VCO Kelapa Abang",
        category="kuliner",
        district="Abang",
        village="Tista",
        whatsapp="+6281339917204",
    )
    bekasi = make_showcase(
        title="Keripik Tempe Bu Rohmah",
        category="kuliner",
        regency="Kota Bekasi",
        district="Bekasi Timur",
        village="Margahayu",
        whatsapp="+6281299041876",
    )
    return endek, vco, bekasi


def names(response):
    return [page.title for page in response.context["showcases"]]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Endek Sari Sidemen", "Keripik Tempe Bu Rohmah", "VCO Kelapa Abang"]),
        ("?kategori=kuliner", ["Keripik Tempe Bu Rohmah", "VCO Kelapa Abang"]),
        ("?kabupaten=Kota+Bekasi", ["Keripik Tempe Bu Rohmah"]),
        ("?kabupaten=Karangasem&kecamatan=Abang", ["VCO Kelapa Abang"]),
        ("?unggulan=1", ["Endek Sari Sidemen"]),
        ("?q=tempe", ["Keripik Tempe Bu Rohmah"]),
        ("?q=motif+0", ["Endek Sari Sidemen"]),  # a product name
        (
            "?kategori=bukan-kategori",
            ["Endek Sari Sidemen", "Keripik Tempe Bu Rohmah", "VCO Kelapa Abang"],
        ),
        ("?q=%3Cscript%3E", []),
    ],
)
def test_directory_filters(client, directory, query, expected):
    response = client.get("/etalase/" + query)
    assert response.status_code == 200
    assert names(response) == expected


def test_directory_filter_options_and_empty_message(client, directory):
    response = client.get("/etalase/?q=tidak-ada")
    assert indonesian("No showcase matches these filters.") in page_text(response)
    response = client.get("/etalase/")
    assert response.context["regencies"] == ["Karangasem", "Kota Bekasi"]
    assert "Bekasi Timur" in response.context["districts"]


def test_directory_paginates_and_keeps_filters(client, db):
    for number in range(14):
        make_showcase(title=f"Warung Kuliner {number:02d}", category="kuliner")
    response = client.get("/etalase/?kategori=kuliner")
    assert len(response.context["showcases"]) == 12
    assert 'href="?kategori=kuliner&amp;halaman=2"' in response.content.decode()
    second = client.get("/etalase/?kategori=kuliner&halaman=2")
    assert len(second.context["showcases"]) == 2
    assert client.get("/etalase/?halaman=abc").status_code == 200


def test_featured_products_and_showcases_come_first(client, directory):
    endek, vco, _bekasi = directory
    vco.featured = True
    vco.save()
    product = endek.products.get()
    product.featured = True
    product.save()
    response = client.get("/etalase/")
    assert names(response)[0] == "VCO Kelapa Abang"
    assert [item.pk for item in response.context["featured_products"]] == [product.pk]
    assert indonesian("Featured products") in page_text(response)
    # The highlights are for browsing, not for a filtered list.
    assert client.get("/etalase/?kategori=fesyen").context["featured_products"] == []


def test_header_links_to_the_directory(client, index):
    html = client.get("/").content.decode()
    assert 'href="/etalase/"' in html


def test_community_directory_links_to_a_published_showcase(db, member):
    from community.membership_views import showcase_links

    page = make_showcase(owner=member)
    other = MemberFactory()
    make_showcase(owner=other, publish=False, title="Belum Tayang")
    assert showcase_links([member, other]) == {member.pk: page.url}


def test_home_page_shows_featured_showcases_only(client, directory):
    endek, vco, _bekasi = directory
    vco.featured = True
    vco.save()
    html = page_text(client.get("/"))
    assert indonesian("Featured showcases") in html
    assert "VCO Kelapa Abang" in html
    assert "Endek Sari Sidemen" not in html


def test_published_showcase_counts_for_the_autonomy_stage(member):
    from courses.stages import has_published_showcase
    from showcase.actions import take_offline

    assert not has_published_showcase(member)
    page = make_showcase(owner=member)
    assert has_published_showcase(member)
    take_offline(page, member)
    assert not has_published_showcase(member)


def test_unpublished_showcase_hides_its_products_qr_and_enquiries(client, member):
    page = make_showcase(owner=member, products=1, publish=False)
    product = page.products.get()
    for url in (product.get_url(), page.url + "qr/png/", page.url + "wa/"):
        assert client.get(url).status_code == 404
    assert (
        client.post(page.url + "pesan/", {"name": "A", "contact": "B", "message": "C"}).status_code
        == 404
    )
    assert not WeeklyCount.objects.exists()


def test_unknown_product_is_404_and_whatsapp_without_product_is_general(client, showcase):
    assert client.get(showcase.url + "produk/tidak-ada/").status_code == 404
    response = client.get(showcase.url + "wa/?produk=tidak-ada")
    text = parse_qs(urlparse(response["Location"]).query)["text"][0]
    assert text.startswith("Halo Endek Sari Sidemen, saya melihat etalase Anda")
