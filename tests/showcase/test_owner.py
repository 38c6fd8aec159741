"""The member's own pages: creating a showcase, products, photos, order,
and every refusal (wrong person, bad input) changing nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from showcase.models import Product, ProductPhoto, ShowcasePage
from tests.factories import EditorFactory, MemberFactory, MembershipFactory, UserFactory
from tests.helpers import indonesian, page_text

from .conftest import SHOWCASE_FIELDS, make_showcase, png_upload

pytestmark = pytest.mark.django_db

MANAGE = "/etalase/kelola/"
NEW_PRODUCT = "/etalase/kelola/produk/baru/"


def showcase_post(**changes):
    data = {**SHOWCASE_FIELDS, "whatsapp": "0812-3847-5521", "publish": "on", **changes}
    return {key: value for key, value in data.items() if value is not None}


def product_post(**changes):
    data = {
        "name": "Kain Endek Cepuk",
        "description": "Motif cepuk, pewarna alam.",
        "price": "Rp 350.000",
        "price_max": "",
        "weight_grams": "400",
        "stock": "tersedia",
        "category": "fesyen",
        "village_speciality": "on",
        "marketplace_url": "https://shopee.co.id/endeksari/cepuk",
        **changes,
    }
    return {key: value for key, value in data.items() if value is not None}


def test_visitor_is_sent_to_sign_in(client, index):
    response = client.get(MANAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=/etalase/kelola/")
    assert client.post(NEW_PRODUCT, product_post()).status_code == 302
    assert not Product.objects.exists()


@pytest.mark.parametrize("factory", [UserFactory, EditorFactory])
def test_people_who_are_not_members_may_not_open_a_showcase(client, index, factory):
    client.force_login(factory())
    response = client.post(MANAGE, showcase_post())
    assert response.status_code == 403
    assert indonesian(
        "Only members of the centre can keep a showcase. Sign up or ask to join first."
    ) in page_text(response)
    assert not ShowcasePage.objects.exists()


def test_member_creates_and_publishes_a_showcase(client, index, member):
    client.force_login(member)
    form = client.get(MANAGE)
    assert form.status_code == 200
    assert form.context["form"].initial["title"] == member.business_name
    response = client.post(
        MANAGE,
        showcase_post(
            cover_upload=png_upload("sampul.jpg", image_format="JPEG"),
            cover_alt="Penenun di alat tenun",
        ),
    )
    assert response.status_code == 302
    page = ShowcasePage.objects.get()
    assert page.owner == member
    assert page.live
    assert page.whatsapp == "+6281238475521"
    assert page.url == "/etalase/endek-sari-sidemen/"
    assert page.cover.file.name.endswith(".jpg")
    assert page.get_latest_revision().user == member
    assert client.get(page.url).status_code == 200


def test_officer_and_member_of_another_community_each_keep_their_own(client, index, officer):
    other = MembershipFactory().user
    for user, title in [(officer, "Kopi Pengurus"), (other, "Salak Sibetan")]:
        client.force_login(user)
        assert client.post(MANAGE, showcase_post(title=title)).status_code == 302
    assert ShowcasePage.objects.get(owner=officer).title == "Kopi Pengurus"
    assert ShowcasePage.objects.get(owner=other).title == "Salak Sibetan"


def test_saving_unpublished_hides_the_showcase(client, member):
    page = make_showcase(owner=member)
    client.force_login(member)
    response = client.post(MANAGE, showcase_post(publish=None, story="Sedang diperbarui."))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.story == "Sedang diperbarui."
    assert client.get(page.url).status_code == 404


def test_slug_avoids_the_management_path(client, index, member):
    client.force_login(member)
    client.post(MANAGE, showcase_post(title="Kelola"))
    assert ShowcasePage.objects.get().slug == "kelola-usaha"


@pytest.mark.parametrize(
    "changes, field, msgid",
    [
        (
            {"whatsapp": "+14155552671"},
            "whatsapp",
            "Enter an Indonesian WhatsApp number, for example 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"whatsapp": "12345"},
            "whatsapp",
            "Enter an Indonesian WhatsApp number, for example 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"tokopedia_url": "javascript:alert(1)"},
            "tokopedia_url",
            "Enter a web address that starts with http:// or https://.",
        ),
        (
            {"instagram_url": "ftp://contoh.id/x"},
            "instagram_url",
            "Enter a web address that starts with http:// or https://.",
        ),
        (
            {"blog_url": "data:text/html,hai"},
            "blog_url",
            "Enter a web address that starts with http:// or https://.",
        ),
    ],
)
def test_bad_showcase_input_is_refused_and_changes_nothing(client, member, changes, field, msgid):
    page = make_showcase(owner=member)
    revisions = page.revisions.count()
    client.force_login(member)
    response = client.post(MANAGE, showcase_post(story="Diubah", **changes))
    assert response.status_code == 400
    assert indonesian(msgid) in response.context["form"].errors[field]
    page.refresh_from_db()
    assert page.story != "Diubah"
    assert page.revisions.count() == revisions


@pytest.mark.parametrize(
    "upload, msgid",
    [
        (
            SimpleUploadedFile("foto.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"),
            "This file is not a picture we can read. Send a JPG, PNG or WebP image.",
        ),
        (
            SimpleUploadedFile(
                "logo.png",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                content_type="image/svg+xml",
            ),
            "This file is not a picture we can read. Send a JPG, PNG or WebP image.",
        ),
    ],
)
def test_fake_images_are_refused(client, member, upload, msgid):
    client.force_login(member)
    response = client.post(MANAGE, showcase_post(logo_upload=upload))
    assert response.status_code == 400
    assert indonesian(msgid) in response.context["form"].errors["logo_upload"]
    assert not ShowcasePage.objects.exists()


def test_photo_over_the_limit_is_refused(client, member, monkeypatch):
    import showcase.forms

    monkeypatch.setattr(showcase.forms, "PHOTO_MAX_BYTES", 100)
    page = make_showcase(owner=member)
    client.force_login(member)
    response = client.post(
        NEW_PRODUCT, product_post(photo_1=png_upload(size=(200, 200)), alt_1="Kain")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors["photo_1"]
    prefix = indonesian(
        "The image is %(size)s; the limit is %(limit)s. Send a smaller photo or screenshot."
    )
    assert errors[0].startswith(prefix.split("%(")[0])
    assert "100" in errors[0]
    assert not Product.objects.filter(showcase=page).exists()


def test_member_adds_a_product_with_photos(client, member):
    page = make_showcase(owner=member)
    client.force_login(member)
    response = client.post(
        NEW_PRODUCT,
        product_post(
            photo_1=png_upload("depan.png"),
            alt_1="Kain endek cepuk biru dilipat",
            photo_2=png_upload("detail.jpg", image_format="JPEG"),
            alt_2="Detail motif cepuk",
        ),
    )
    assert response.status_code == 302
    product = Product.objects.get(showcase=page)
    assert product.price == 350_000
    assert product.slug == "kain-endek-cepuk"
    assert product.village_speciality
    assert [photo.alt for photo in product.photos.all()] == [
        "Kain endek cepuk biru dilipat",
        "Detail motif cepuk",
    ]
    assert "Rp 350.000" in page_text(client.get(product.get_url()))


@pytest.mark.parametrize(
    "changes, field, msgid",
    [
        (
            {"price": "-5000"},
            "price",
            "Enter a price between Rp 1 and %(max)s, in whole rupiah, e.g. 25.000.",
        ),
        (
            {"price": "99999999999"},
            "price",
            "Enter a price between Rp 1 and %(max)s, in whole rupiah, e.g. 25.000.",
        ),
        (
            {"price": "dua puluh ribu"},
            "price",
            "Enter a price between Rp 1 and %(max)s, in whole rupiah, e.g. 25.000.",
        ),
        ({"price": ""}, "price", "Give a price, or tick “price negotiable”."),
        ({"price_max": "100.000"}, "price_max", "The highest price must not be below the price."),
        ({"weight_grams": "-1"}, "weight_grams", "Enter a weight between 1 and 100,000 grams."),
        (
            {"marketplace_url": "javascript:alert(1)"},
            "marketplace_url",
            "Enter a web address that starts with http:// or https://.",
        ),
        ({"photo_1": "FILE"}, "alt_1", "Describe this photo for people who cannot see it."),
    ],
)
def test_bad_product_input_is_refused_and_changes_nothing(client, member, changes, field, msgid):
    make_showcase(owner=member)
    if changes.get("photo_1") == "FILE":
        changes["photo_1"] = png_upload()
    client.force_login(member)
    response = client.post(NEW_PRODUCT, product_post(**changes))
    assert response.status_code == 400
    expected = indonesian(msgid)
    assert any(
        error.startswith(expected.split("%(")[0])
        for error in response.context["form"].errors[field]
    )
    assert not Product.objects.exists()
    assert not ProductPhoto.objects.exists()


def test_negotiable_price_and_range(client, member):
    make_showcase(owner=member)
    client.force_login(member)
    client.post(NEW_PRODUCT, product_post(name="Songket", price="", negotiable="on"))
    client.post(NEW_PRODUCT, product_post(name="Endek", price="150.000", price_max="450000"))
    text = page_text(client.get("/etalase/endek-sari-sidemen/"))
    assert indonesian("Price negotiable") in text
    assert "Rp 150.000 – Rp 450.000" in text


def test_editing_someone_elses_product_is_refused(client, member):
    theirs = make_showcase(products=1)
    product = theirs.products.get()
    make_showcase(owner=member, title="Usaha Saya")
    client.force_login(member)
    for url, data in [
        (f"/etalase/kelola/produk/{product.pk}/", product_post(name="Dibajak")),
        (f"/etalase/kelola/produk/{product.pk}/hapus/", {}),
        (f"/etalase/kelola/produk/{product.pk}/geser/", {"arah": "naik"}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 403
        assert indonesian(
            "This showcase or product belongs to another member. You can only change your own."
        ) in page_text(response)
    product.refresh_from_db()
    assert product.name == "Kain Endek Motif 0"
    assert client.get(f"/etalase/kelola/produk/{product.pk}/").status_code == 403
    assert client.get("/etalase/kelola/produk/999999/").status_code == 403


def test_member_cannot_edit_another_showcase_through_manage(client, member):
    theirs = make_showcase(title="Milik Orang Lain")
    client.force_login(member)
    # `kelola/` always edits the signed-in member's own showcase: a new one here.
    client.post(MANAGE, showcase_post(title="Usaha Saya"))
    theirs.refresh_from_db()
    assert theirs.title == "Milik Orang Lain"
    assert ShowcasePage.objects.get(owner=member).title == "Usaha Saya"


def test_reorder_and_delete(client, member):
    page = make_showcase(owner=member, products=3)
    first, second, third = page.products.all()
    client.force_login(member)
    client.post(f"/etalase/kelola/produk/{third.pk}/geser/", {"arah": "naik"})
    assert list(page.products.values_list("pk", flat=True)) == [first.pk, third.pk, second.pk]
    client.post(f"/etalase/kelola/produk/{first.pk}/geser/", {"arah": "naik"})  # already first
    assert list(page.products.values_list("pk", flat=True)) == [first.pk, third.pk, second.pk]
    client.post(f"/etalase/kelola/produk/{first.pk}/geser/", {"arah": "turun"})
    assert list(page.products.values_list("pk", flat=True)) == [third.pk, first.pk, second.pk]
    assert client.get(f"/etalase/kelola/produk/{second.pk}/hapus/").status_code == 200
    assert Product.objects.filter(pk=second.pk).exists()  # a GET only asks
    client.post(f"/etalase/kelola/produk/{second.pk}/hapus/")
    assert not Product.objects.filter(pk=second.pk).exists()


def test_removing_a_photo_and_the_photo_limit(client, member):
    page = make_showcase(owner=member, products=1, photos=5)
    product = page.products.get()
    client.force_login(member)
    url = f"/etalase/kelola/produk/{product.pk}/"
    response = client.post(url, product_post(photo_1=png_upload(), alt_1="Foto keenam"))
    assert response.status_code == 400
    assert indonesian("A product can have at most %(n)s photos. Remove one first.") % {
        "n": 5
    } in page_text(response)
    assert product.photos.count() == 5
    first = product.photos.first()
    response = client.post(
        url, product_post(remove_photos=[first.pk], photo_1=png_upload(), alt_1="Foto baru")
    )
    assert response.status_code == 302
    assert product.photos.count() == 5
    assert not ProductPhoto.objects.filter(pk=first.pk).exists()


def test_manage_page_shows_products_enquiries_and_chart(client, member):
    page = make_showcase(owner=member, products=2)
    client.get(page.url)
    client.force_login(member)
    response = client.get(MANAGE)
    assert response.status_code == 200
    assert [row["views"] for row in response.context["chart"]][-1] == 1
    assert len(response.context["chart"]) == 8
    assert 'class="bar bar-views" style="--h: 100%"' in response.content.decode()


def test_editors_reason_is_shown_and_blocks_republishing(client, member, editor):
    from showcase.actions import unpublish_with_reason

    page = make_showcase(owner=member)
    unpublish_with_reason(page, "Foto produk memuat nomor rekening pribadi.", editor)
    page.refresh_from_db()
    assert not page.live
    assert member.notifications.filter(message__contains="nomor rekening").exists()
    client.force_login(member)
    assert "Foto produk memuat nomor rekening pribadi." in page_text(client.get(MANAGE))
    response = client.post(MANAGE, showcase_post())
    assert response.status_code == 403
    page.refresh_from_db()
    assert not page.live


def test_another_member_cannot_see_the_owners_enquiries(client, member):
    from showcase.actions import send_enquiry

    page = make_showcase(owner=member)
    send_enquiry(page, name="Budi", contact="budi@contoh.id", message="Rahasia dagang")
    other = MemberFactory()
    client.force_login(other)
    assert "Rahasia dagang" not in page_text(client.get(MANAGE))
    client.force_login(member)
    assert "Rahasia dagang" in page_text(client.get(MANAGE))


def test_photo_location_is_stripped(client, member):
    import io

    from PIL import Image

    make_showcase(owner=member)
    exif = Image.Exif()
    exif[0x8825] = {1: "S", 2: (8.0, 24.0, 0.0), 3: "E", 4: (115.0, 25.0, 0.0)}  # GPS IFD
    exif[0x010F] = "KameraHP"  # Make
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), (30, 90, 160)).save(buffer, format="JPEG", exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif()  # the upload has EXIF
    upload = SimpleUploadedFile("gps.jpg", buffer.getvalue(), content_type="image/jpeg")
    client.force_login(member)
    response = client.post(NEW_PRODUCT, product_post(photo_1=upload, alt_1="Kain biru"))
    assert response.status_code == 302
    stored = ProductPhoto.objects.get().image
    with stored.open_file() as handle:
        assert not Image.open(handle).getexif()


def test_owner_chooses_the_cover_photo(client, member):
    page = make_showcase(owner=member, products=1, photos=3)
    product = page.products.get()
    first, second, third = product.photos.all()
    client.force_login(member)
    url = f"/etalase/kelola/produk/{product.pk}/"
    response = client.post(url, product_post(cover_photo=third.pk))
    assert response.status_code == 302
    assert list(product.photos.values_list("pk", flat=True)) == [third.pk, first.pk, second.pk]
    assert product.cover_photo().pk == third.pk
