"""axe-core finds no serious or critical problem, and touch targets are big enough."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from pusat.home import demo

pytestmark = pytest.mark.browser

# (test id, address, the page's <h1>, whether a member must be signed in)
PAGES = [
    ("home", "/", demo.HERO_TITLE, False),
    ("signup", "/akun/daftar/", "Buat akun Anda", False),
    ("signin", "/akun/masuk/", "Masuk", False),
    ("profile", "/akun/profil/", "Profil saya", True),
    ("tentang-kami", "/tentang-kami/", "Tentang Kami", False),
]
BLOCKING_IMPACTS = {"serious", "critical"}
MIN_TARGET = 44  # px, the project's touch-target budget (DESIGN.md: large touch targets)


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"][:8]:
            lines.append(f"    {', '.join(map(json.dumps, node['target']))}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("path", "heading", "signed_in"),
    [pytest.param(path, heading, signed_in, id=name) for name, path, heading, signed_in in PAGES],
)
def test_axe_finds_no_serious_problems(demo_site, page, shot, sign_in, path, heading, signed_in):
    if signed_in:
        member = demo.MEMBERS[0]
        sign_in(member["email"], demo.DEMO_MEMBER_PASSWORD, next_url=path)
        expect(page.locator("header .account-name")).to_be_visible()
    else:
        page.goto(path)
    assert page.url == f"{demo_site.url}{path}"
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("html")).to_have_attribute("lang", "id")
    shot("page")

    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    minor = [v for v in results.response["violations"] if v["impact"] not in BLOCKING_IMPACTS]
    if minor:
        print(f"axe, minor or moderate on {path}:\n{describe(minor)}")
    assert not blocking, f"axe found serious/critical problems on {path}:\n{describe(blocking)}"


# Every visible link, button and form control, with its box and whether it is
# a link inside running text (WCAG 2.5.8 exempts those; so does our budget).
TARGETS_JS = """
() => Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary'))
  .filter((el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
  })
  .map((el) => {
    // A "stretched" link covers its whole card: the card is the target.
    const stretched = el.closest('.card-linked');
    const box = (stretched || el).getBoundingClientRect();
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    const inText = getComputedStyle(el).display === 'inline' && block !== null
      && ['P', 'LI'].includes(block.tagName)
      && block.textContent.trim().length > el.textContent.trim().length;
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || el.name || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 40);
    const where = el.closest('header, nav, main, footer');
    return {
      tag: el.tagName.toLowerCase(),
      text,
      height: Math.round(box.height * 10) / 10,
      inText,
      where: where ? where.tagName.toLowerCase() : 'body',
      parent: el.parentElement.tagName.toLowerCase()
        + (el.parentElement.className ? '.' + el.parentElement.className : ''),
    };
  })
"""


@pytest.mark.parametrize(
    "path", [pytest.param("/", id="home"), pytest.param("/akun/daftar/", id="signup")]
)
def test_touch_targets_are_at_least_44px_tall(demo_site, page, shot, path):
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", "id")
    targets = page.evaluate(TARGETS_JS)
    assert len(targets) > 10, targets  # the header, nav, form or content and footer
    too_small = [t for t in targets if t["height"] < MIN_TARGET and not t["inText"]]
    shot("page")
    assert not too_small, f"{len(too_small)} touch targets under {MIN_TARGET}px on {path}:\n" + (
        "\n".join(
            f"- <{t['tag']}> {t['text']!r} in {t['where']} (parent {t['parent']}): "
            f"{t['height']}px tall"
            for t in too_small
        )
    )
