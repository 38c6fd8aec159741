"""Journey 1: a visitor, not signed in, on a phone.

Home → the showcase directory filtered to village specialities of one
district → a showcase → a product → "Pesan via WhatsApp", whose counting
route (`…/wa/?produk=…`) redirects to wa.me with a message naming the
product and its page → a public forum thread → a public event.

Run twice: in normal text and in the site's large text ("Besar"). At every
step axe finds nothing serious or critical, and in large text nothing sticks
out of the 360 px screen, overlaps or is cut off.
"""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from community.models import Event
from forum.models import Thread
from showcase.models import Product, ShowcasePage, WeeklyCount

pytestmark = pytest.mark.browser

SHOWCASE = "Endek Sari Sidemen"
PRODUCT = "Kain Endek Cepuk Merah"
SELLER_WHATSAPP = "6281238475521"
THREAD = "Foto kain endek selalu gelap kalau difoto di dalam rumah"
FORUM_CATEGORY = "Foto Produk"
EVENT = "Pameran Produk UMKM Karangasem di Taman Soekasada Ujung"


def choose_text_size(page, size):
    sizes = page.get_by_role("group", name="Ukuran huruf")
    sizes.get_by_role("button", name=size).click()
    page.wait_for_load_state()
    expect(sizes.get_by_role("button", name=size)).to_have_attribute("aria-pressed", "true")


@pytest.mark.parametrize("text_size", ["Normal", "Besar"])
def test_visitor_finds_a_village_speciality_orders_and_reads_the_forum_and_agenda(
    demo_site, page, shot, axe, layout_problems, text_size
):
    problems = []

    def step(name):
        """Screenshot, axe and (always) the phone-fit check of the page as it is now."""
        page.evaluate("window.scrollTo(0, 0)")
        shot(name)
        axe(page, name)
        problems.extend(f"{name}: {problem}" for problem in layout_problems())

    page.goto("/")
    if text_size != "Normal":
        choose_text_size(page, text_size)
        expect(page.locator("html")).to_have_class("text-besar")
    expect(page.locator("h1")).to_be_visible()
    step("1-home")

    # The directory, narrowed to the village specialities of one district.
    page.locator("nav.main-nav").get_by_role("link", name="Etalase").click()
    expect(page.locator("h1")).to_have_text("Etalase")
    page.get_by_label("Kabupaten/kota").select_option("Karangasem")
    page.get_by_label("Kecamatan").select_option("Sidemen")
    page.get_by_label("Hanya produk unggulan desa").check()
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_load_state()
    query = parse_qs(urlparse(page.url).query)
    assert query == {"kabupaten": ["Karangasem"], "kecamatan": ["Sidemen"], "unggulan": ["1"]}
    expect(page.locator(".showcase-card h3")).to_have_text([SHOWCASE])
    expect(page.get_by_role("status")).to_have_text("1 etalase")
    step("2-directory-filtered")

    page.get_by_role("link", name=SHOWCASE).click()
    expect(page.get_by_role("heading", name=SHOWCASE, level=1)).to_be_visible()
    showcase = ShowcasePage.objects.get(title=SHOWCASE)
    expect(page).to_have_url(f"{demo_site.url}{showcase.url}")
    step("3-showcase")

    page.get_by_role("link", name=re.compile(PRODUCT)).first.click()
    expect(page.get_by_role("heading", name=PRODUCT, level=1)).to_be_visible()
    product = Product.objects.get(showcase=showcase, name=PRODUCT)
    product_url = f"{demo_site.url}{showcase.url}produk/{product.slug}/"
    expect(page).to_have_url(product_url)
    expect(page.get_by_text("Rp 450.000")).to_be_visible()
    step("4-product")

    # "Pesan via WhatsApp" goes through the showcase's counting route. Follow
    # it with a request (a phone would leave for WhatsApp there) and read
    # where it sends the buyer.
    order = page.get_by_role("link", name="Pesan via WhatsApp")
    href = order.get_attribute("href")
    assert href == f"{showcase.url}wa/?produk={product.slug}"
    taps_before = WeeklyCount.objects.filter(
        showcase=showcase, product=product, kind=WeeklyCount.Kind.WHATSAPP
    ).count()
    response = page.request.get(href, max_redirects=0)
    assert response.status == 302
    target = urlparse(response.headers["location"])
    assert (target.scheme, target.netloc, target.path) == ("https", "wa.me", f"/{SELLER_WHATSAPP}")
    text = parse_qs(target.query)["text"][0]
    assert text == (
        f"Halo {SHOWCASE}, saya ingin memesan {PRODUCT} ({product_url}). Apakah masih tersedia?"
    )
    counted = WeeklyCount.objects.get(
        showcase=showcase, product=product, kind=WeeklyCount.Kind.WHATSAPP
    )
    assert taps_before == 0 and counted.count == 1

    # The forum, readable without an account.
    page.locator("nav.main-nav").get_by_role("link", name="Forum").click()
    expect(page.locator("h1")).to_have_text("Forum")
    page.get_by_role("link", name=FORUM_CATEGORY, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(FORUM_CATEGORY)
    step("5-forum-category")
    page.get_by_role("link", name=THREAD).click()
    thread = Thread.objects.get(title=THREAD)
    expect(page).to_have_url(f"{demo_site.url}/forum/topik/{thread.pk}/")
    expect(page.locator("h1")).to_have_text(THREAD)
    posts = page.locator("main article")
    expect(posts.first).to_be_visible()
    assert posts.count() >= 2  # the question and at least one answer
    step("6-forum-thread")

    # A public event in the community agenda.
    page.locator("nav.main-nav").get_by_role("link", name="Komunitas").click()
    page.get_by_role("link", name="Agenda", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Agenda komunitas")
    event = Event.objects.get(title=EVENT)
    assert event.is_public
    page.get_by_role("link", name=EVENT).click()
    expect(page).to_have_url(f"{demo_site.url}/komunitas/agenda/{event.pk}/")
    expect(page.locator("h1")).to_have_text(EVENT)
    step("7-event")

    axe.assert_clean()
    assert not problems, f"{text_size} text at 360 px:\n" + "\n".join(problems)
