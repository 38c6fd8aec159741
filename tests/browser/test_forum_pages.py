"""Forum pages at 360 px for axe and for width: as a visitor, and as a
member who sees the reply form, reactions and the moderation-free actions."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from forum.models import Thread
from pusat.home import demo
from tests.browser.test_accessibility import BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser


def _check(page, shot, step, horizontal_overflow):
    expect(page.locator("html")).to_have_attribute("lang", "id")
    shot(step)
    width, offenders = horizontal_overflow()
    assert width <= 360, offenders
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on {page.url}:\n{describe(blocking)}"


def test_forum_pages_are_accessible_on_a_phone(demo_site, page, shot, sign_in, horizontal_overflow):
    solved = Thread.objects.filter(solution__isnull=False).order_by("pk").first()
    page.goto("/forum/")
    expect(page.locator("h1")).to_have_text("Forum")
    _check(page, shot, "1-index-visitor", horizontal_overflow)
    page.goto(solved.category.get_absolute_url())
    _check(page, shot, "2-category-visitor", horizontal_overflow)
    page.goto(solved.get_absolute_url())
    expect(page.locator(".solution")).to_be_visible()
    _check(page, shot, "3-thread-visitor", horizontal_overflow)

    sign_in(demo.MEMBERS[5]["email"], demo.DEMO_MEMBER_PASSWORD, solved.get_absolute_url())
    expect(page.get_by_role("button", name="Kirim balasan")).to_be_visible()
    _check(page, shot, "4-thread-member", horizontal_overflow)
    page.goto("/forum/cari/?q=foto")
    expect(page.locator(".search-results mark").first).to_be_visible()
    _check(page, shot, "5-search", horizontal_overflow)
