"""A visitor reads the site in Indonesian first, and can switch to English and back."""

import pytest
from playwright.sync_api import expect

from pusat.home import demo

pytestmark = pytest.mark.browser

NAV_ID = ["Kursus", "Komunitas", "Forum", "Obrolan", "Etalase"]
NAV_EN = ["Courses", "Community", "Forum", "Chat", "Showcases"]


def nav_labels(page):
    return [text.strip() for text in page.locator("nav.main-nav a").all_inner_texts()]


def test_visitor_switches_language_from_the_footer(demo_site, page, shot):
    page.goto("/")
    # The phone's browser asks for English; the site still greets in Indonesian.
    assert page.evaluate("navigator.language") == "en-US"
    expect(page.locator("html")).to_have_attribute("lang", "id")
    assert nav_labels(page) == NAV_ID
    expect(page.locator("h1")).to_have_text(demo.HERO_TITLE)
    header = page.locator("header.site-header")
    expect(header.get_by_role("link", name="Masuk")).to_be_visible()
    expect(header.get_by_role("link", name="Daftar")).to_be_visible()
    languages = page.get_by_role("group", name="Bahasa")
    expect(languages.get_by_role("button", name="Bahasa Indonesia")).to_have_attribute(
        "aria-pressed", "true"
    )
    shot("1-indonesian")

    languages.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert nav_labels(page) == NAV_EN
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()
    expect(header.get_by_role("link", name="Sign up")).to_be_visible()
    languages = page.get_by_role("group", name="Language")
    expect(languages.get_by_role("button", name="English")).to_have_attribute(
        "aria-pressed", "true"
    )
    # The switch brings the visitor back to the page they were on.
    assert page.url.rstrip("/") == demo_site.url
    shot("2-english")

    # The choice sticks across pages.
    page.goto("/akun/daftar/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Create your account")
    shot("3-english-signup")

    page.get_by_role("group", name="Language").get_by_role(
        "button", name="Bahasa Indonesia"
    ).click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    assert nav_labels(page) == NAV_ID
    expect(page.locator("h1")).to_have_text("Buat akun Anda")
    assert page.url == f"{demo_site.url}/akun/daftar/"
    shot("4-indonesian-again")
