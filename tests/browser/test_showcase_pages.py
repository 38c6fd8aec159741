"""The showcase pages on a 360 px phone: axe finds nothing serious, nothing
sticks out sideways, and touch targets are big enough."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from pusat.home import demo
from tests.browser.test_accessibility import BLOCKING_IMPACTS, MIN_TARGET, TARGETS_JS, describe

pytestmark = pytest.mark.browser

OWNER = "luh.sukerti@contoh.id"
PAGES = [
    ("directory", "/etalase/", "Etalase"),
    ("showcase", "/etalase/endek-sari-sidemen/", "Endek Sari Sidemen"),
    (
        "product",
        "/etalase/endek-sari-sidemen/produk/kain-endek-cepuk-merah/",
        "Kain Endek Cepuk Merah",
    ),
    ("qr", "/etalase/endek-sari-sidemen/qr/", "Endek Sari Sidemen"),
    ("manage", "/etalase/kelola/", "Etalase saya"),
]


def test_showcase_pages_pass_axe_and_fit_a_phone(
    demo_site, page, shot, sign_in, horizontal_overflow
):
    problems = []
    for name, path, heading in PAGES:
        if name == "manage":
            sign_in(OWNER, demo.DEMO_MEMBER_PASSWORD, next_url=path)
        else:
            page.goto(path)
        expect(page.locator("h1").first).to_have_text(heading)
        shot(name)
        results = Axe().run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            problems.append(f"axe on {path}:\n{describe(blocking)}")
        width, offenders = horizontal_overflow()
        if width > 360:
            problems.append(f"{path} is {width}px wide: {offenders[:5]}")
        targets = page.evaluate(TARGETS_JS)
        # A check box's target is its whole `.form-check` row (44 px, label included).
        small = [
            t
            for t in targets
            if t["height"] < MIN_TARGET and not t["inText"] and "form-check" not in t["parent"]
        ]
        if small:
            problems.append(
                f"small targets on {path}: "
                + "; ".join(f"<{t['tag']}> {t['text']!r} {t['height']}px" for t in small[:8])
            )
    assert not problems, "\n".join(problems)
