"""A member builds a showcase on a phone; a visitor finds it and orders.

The "Done when" of the showcase issue: a demo member without a showcase
opens one and adds three products with photos at 360×740; a visitor filters
the directory by village speciality, opens the showcase and a product, taps
"Pesan via WhatsApp" and lands on wa.me with the message naming the product
and its page.
"""

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from pusat.home import demo
from showcase.models import Product, ShowcasePage

pytestmark = pytest.mark.browser

SELLER = "agus.setiawan@contoh.id"
PRODUCTS = [
    ("Kopi Robusta Sangrai 250 g", "55.000", True, "Bungkus kopi robusta cokelat tua"),
    ("Kopi Arabika Gayo 250 g", "85.000", False, "Bungkus kopi arabika berlabel hijau"),
    ("Gula Aren Cair 500 ml", "30.000", False, "Botol gula aren cair"),
]


def photo_bytes(color):
    image = Image.new("RGB", (800, 800), (240, 230, 215))
    ImageDraw.Draw(image).rounded_rectangle((200, 150, 600, 700), 30, fill=color)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def test_member_builds_a_showcase_and_a_visitor_orders_via_whatsapp(
    demo_site, page, sign_in, shot, shot_of, another_phone, horizontal_overflow, axe
):
    sign_in(SELLER, demo.DEMO_MEMBER_PASSWORD, next_url="/etalase/kelola/")
    expect(page.get_by_role("heading", name="Etalase saya")).to_be_visible()
    expect(page.get_by_label("Nama usaha")).to_have_value("Kopi Sangrai Kalimalang")
    page.get_by_label("Cerita singkat").fill(
        "Kopi robusta dan arabika yang kami sangrai sendiri setiap minggu di tepi Kalimalang."
    )
    page.get_by_label("Desa/kelurahan").fill("Jaka Setia")
    page.get_by_label("Jam buka").fill("Senin–Sabtu 08.00–16.00")
    shot("1-form")
    axe(page, "1-form")
    page.get_by_role("button", name="Buat etalase saya").click()
    expect(page.get_by_text("Etalase Anda tersimpan dan sudah tayang.")).to_be_visible()

    for number, (name, price, speciality, alt) in enumerate(PRODUCTS):
        page.get_by_role("link", name="Tambah produk").click()
        page.get_by_label(re.compile(r"^\s*Nama\*?\s*$")).fill(name)
        page.get_by_label("Harga (Rp)", exact=True).fill(price)
        if speciality:
            page.get_by_label("Produk unggulan desa").check()
        page.get_by_label("Foto 1", exact=True).set_input_files(
            {
                "name": f"foto{number}.jpg",
                "mimeType": "image/jpeg",
                "buffer": photo_bytes((90 + 40 * number, 60, 30)),
            }
        )
        page.get_by_label("Isi foto 1").fill(alt)
        if number == 0:
            shot("2-product-form")
            axe(page, "2-product-form")
        page.get_by_role("button", name="Simpan produk").click()
        expect(page.get_by_text("Produk tersimpan.")).to_be_visible()
    shot("3-manage")
    axe(page, "3-manage")
    assert horizontal_overflow() == (360, [])
    showcase = ShowcasePage.objects.get(owner__email=SELLER)
    assert showcase.live
    assert Product.objects.filter(showcase=showcase).count() == 3

    visitor = another_phone()
    visitor.goto("/etalase/")
    visitor.get_by_label("Kabupaten/kota").select_option("Kota Bekasi")
    visitor.get_by_label("Hanya produk unggulan desa").check()
    visitor.get_by_role("button", name="Tampilkan").click()
    cards = visitor.locator(".showcase-card h3")
    expect(cards).to_have_text(["Kopi Sangrai Kalimalang"])
    shot_of(visitor, "4-directory")
    axe(visitor, "4-directory")
    visitor.get_by_role("link", name="Kopi Sangrai Kalimalang").click()
    expect(visitor.get_by_role("heading", name="Kopi Sangrai Kalimalang", level=1)).to_be_visible()
    shot_of(visitor, "5-showcase")
    axe(visitor, "5-showcase")
    visitor.get_by_role("link", name=re.compile("Kopi Robusta Sangrai")).click()
    expect(visitor.get_by_role("heading", name=PRODUCTS[0][0])).to_be_visible()
    expect(visitor.get_by_text("Rp 55.000")).to_be_visible()

    shot_of(visitor, "6-product")
    axe(visitor, "6-product")

    # The button goes through the site's counting redirect to wa.me; the
    # phone would open WhatsApp there, the test only reads the address.
    visitor.context.route("https://wa.me/**", lambda route: route.fulfill(body="WhatsApp"))
    with visitor.expect_request(lambda request: request.url.startswith("https://wa.me/")) as caught:
        visitor.get_by_role("link", name="Pesan via WhatsApp").click()
    target = urlparse(caught.value.url)
    assert target.netloc == "wa.me"
    assert target.path == "/6285775318042"
    text = parse_qs(target.query)["text"][0]
    product = Product.objects.get(showcase=showcase, name=PRODUCTS[0][0])
    assert text.startswith(
        "Halo Kopi Sangrai Kalimalang, saya ingin memesan Kopi Robusta Sangrai 250 g ("
    )
    assert text.endswith(f"{product.get_url()}). Apakah masih tersedia?")
    axe.assert_clean()
