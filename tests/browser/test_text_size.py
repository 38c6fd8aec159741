"""The "Besar" (large) text size enlarges the text, and nothing spills sideways at 360 px."""

import pytest
from playwright.sync_api import expect

from pusat.home import demo
from tests.browser.conftest import PHONE_WIDTH

pytestmark = pytest.mark.browser

BODY_FONT_SIZE = "parseFloat(getComputedStyle(document.body).fontSize)"


def assert_fits_the_phone(page, horizontal_overflow, where):
    scroll_width, offenders = horizontal_overflow()
    assert scroll_width <= PHONE_WIDTH, (
        f"{where}: the page is {scroll_width}px wide on a {PHONE_WIDTH}px phone; "
        f"sticking out: {offenders[:10]}"
    )


def test_large_text_enlarges_the_text_without_sideways_scrolling(
    demo_site, page, shot, horizontal_overflow, sign_in
):
    page.goto("/")
    normal_size = page.evaluate(BODY_FONT_SIZE)
    hero_normal = page.locator("h1").bounding_box()["height"]
    assert normal_size >= 16, "body text must be at least 16 px"
    assert_fits_the_phone(page, horizontal_overflow, "home page, normal text")
    sizes = page.get_by_role("group", name="Ukuran huruf")
    expect(sizes.get_by_role("button", name="Normal")).to_have_attribute("aria-pressed", "true")
    shot("1-home-normal")

    sizes.get_by_role("button", name="Besar").click()
    page.wait_for_load_state()

    # Back on the same page, now in large text.
    assert page.url == f"{demo_site.url}/"
    expect(page.locator("html")).to_have_class("text-besar")
    sizes = page.get_by_role("group", name="Ukuran huruf")
    expect(sizes.get_by_role("button", name="Besar")).to_have_attribute("aria-pressed", "true")
    expect(sizes.get_by_role("button", name="Normal")).to_have_attribute("aria-pressed", "false")
    large_size = page.evaluate(BODY_FONT_SIZE)
    assert large_size >= normal_size * 1.2, (normal_size, large_size)
    assert page.locator("h1").bounding_box()["height"] > hero_normal
    assert_fits_the_phone(page, horizontal_overflow, "home page, large text")
    shot("2-home-large")

    # The choice follows the visitor to the next page.
    page.goto("/akun/daftar/")
    expect(page.locator("html")).to_have_class("text-besar")
    assert page.evaluate(BODY_FONT_SIZE) == large_size
    assert_fits_the_phone(page, horizontal_overflow, "sign-up page, large text")
    shot("3-signup-large")

    # Error messages add text; they must not push anything sideways either.
    page.locator("main form").get_by_role("button", name="Daftar").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_fits_the_phone(page, horizontal_overflow, "sign-up page with errors, large text")
    shot("4-signup-errors-large")

    # A signed-in member's header holds more links and their name; it must fit
    # in large text too (the member whose header name is longest).
    member = max(demo.MEMBERS, key=lambda spec: len(spec["full_name"].split()[0]))
    sign_in(member["email"], demo.DEMO_MEMBER_PASSWORD, next_url="/")
    expect(page.locator("header .account-name")).to_be_visible()
    expect(page.locator("html")).to_have_class("text-besar")
    assert_fits_the_phone(page, horizontal_overflow, "home page signed in, large text")
    shot("5-home-signed-in-large")

    page.goto("/akun/daftar/")  # signed in, this leads to the profile
    expect(page.locator("h1")).to_have_text("Profil saya")
    assert_fits_the_phone(page, horizontal_overflow, "profile page, large text")
    page.get_by_role("group", name="Ukuran huruf").get_by_role("button", name="Normal").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_class("text-normal")
    assert page.evaluate(BODY_FONT_SIZE) == normal_size
    shot("6-profile-normal-again")
