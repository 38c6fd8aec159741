"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server.

The phone every member is assumed to hold: a 360×740 viewport at device scale 2,
touch, and a browser set to English (`en-US`) on purpose, because the site must
greet in Indonesian whatever the browser's Accept-Language says.

Run with `.venv/bin/pytest tests/browser`; screenshots of each key step land in
`test-artifacts/screenshots/<test>-<step>.png` (git-ignored).
"""

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command, get_commands
from django.db import DEFAULT_DB_ALIAS, connections

from pusat.accounts import roles

# Playwright's sync API leaves an event loop marked as running in this thread;
# Django refuses ORM calls from such a thread unless told it is safe. It is:
# the tests and the live server share one test database on purpose.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PHONE_WIDTH = 360
PHONE_HEIGHT = 740
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

CHROMIUM_ARGS = [
    "--no-sandbox",  # the machine runs as root
    "--disable-gpu",
    # Without these chromium keeps trying to reach outside hosts.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def _migrated_db_snapshot(django_db_setup):
    """The migrated test database as pytest-django serialized it at set-up.

    Read before Playwright starts; see `playwright` below for why.
    """
    return getattr(connections[DEFAULT_DB_ALIAS], "_test_serialized_contents", None)


@pytest.fixture(scope="session")
def playwright(_migrated_db_snapshot, playwright):
    """pytest-playwright's Playwright, with serialized rollback kept working.

    Between sync calls Playwright leaves its event loop marked as running in
    this thread. asgiref then treats the thread as async, and Django hands out
    a second, context-local connection object, which lacks the snapshot that
    pytest-django keeps for `django_db_serialized_rollback`. Hand the snapshot
    over, so that every test starts from the migrated database (Wagtail's root
    page, the home page, the role groups) rather than the empty one the
    previous transactional test flushed it to.
    """
    if _migrated_db_snapshot is not None:
        connections[DEFAULT_DB_ALIAS]._test_serialized_contents = _migrated_db_snapshot
    return playwright


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium")
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: a missing browser is a broken CI
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "viewport": {"width": PHONE_WIDTH, "height": PHONE_HEIGHT},
        "screen": {"width": PHONE_WIDTH, "height": PHONE_HEIGHT},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
        # On purpose: the site ignores Accept-Language and speaks Indonesian first.
        "locale": "en-US",
    }


@pytest.fixture
def demo_site(live_server, django_db_serialized_rollback):
    """The demo site of `manage.py load_demo_data`, served by the live server.

    `live_server` makes every test transactional, and a transactional test
    flushes the database afterwards, taking the data migrations' home page
    and the role groups with it. Serialized rollback restores the migrated
    database before each test; the demo data goes on top.
    """
    if not Group.objects.filter(name=roles.MEMBER_GROUP).exists():
        roles.sync_role_groups()
    if "load_demo_data" not in get_commands():
        pytest.fail("The `load_demo_data` management command is missing (pusat.home).")
    call_command("load_demo_data", verbosity=0, stdout=io.StringIO())
    return live_server


@pytest.fixture
def shot(request, page):
    """Save a full-page screenshot as test-artifacts/screenshots/<test>-<step>.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    # test_axe[chromium-home] -> test_axe-home
    name = re.sub(r"\[chromium-?", "[", request.node.name).replace("[]", "")
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")

    def take(step):
        path = SCREENSHOT_DIR / f"{name}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(page):
    """Sign in through the public sign-in form, then land on `next`."""

    def submit(identifier, password, next_url="/"):
        page.goto(f"/akun/masuk/?next={next_url}")
        page.get_by_label("Email atau nomor WhatsApp").fill(identifier)
        page.get_by_label(re.compile(r"^\s*Kata sandi\*?\s*$")).fill(password)
        page.locator("main form").get_by_role("button", name="Masuk").click()
        page.wait_for_load_state()

    return submit


@pytest.fixture
def shot_of(request):
    """Like `shot`, for the page of another browser context (same folder, same names)."""
    name = re.sub(r"\[chromium-?", "[", request.node.name).replace("[]", "")
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")

    def take(other_page, step):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_DIR / f"{name}-{step}.png"
        other_page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def another_phone(browser, browser_context_args):
    """A page in a fresh browser context: another person's phone, same 360×740 screen."""
    contexts = []

    def open_page():
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


# Lists every element whose right edge passes the viewport, for overflow messages.
OVERFLOWING_ELEMENTS_JS = """
(width) => Array.from(document.querySelectorAll('body *'))
  .filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 0.5;
  })
  .map((el) => {
    const box = el.getBoundingClientRect();
    const id = el.id ? '#' + el.id : '';
    const cls = el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(box.right)}px`;
  })
"""


@pytest.fixture
def horizontal_overflow(page):
    """(scrollWidth, elements sticking out) of the page as it is now."""

    def measure():
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        offenders = page.evaluate(OVERFLOWING_ELEMENTS_JS, PHONE_WIDTH)
        return scroll_width, offenders

    return measure


# --- axe on every page a journey visits ------------------------------------------------

BLOCKING_IMPACTS = {"serious", "critical"}


def describe_violations(violations):
    """axe's violations as readable lines: rule, impact, help and the first nodes."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"][:6]:
            target = ", ".join(map(str, node["target"]))
            lines.append(f"    {target}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


class AxeAudit:
    """Runs axe-core on pages as a journey goes, collecting serious and critical
    violations so that one run reports every failing page, then fails."""

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self._axe = Axe()
        self.problems = []
        self.checked = []  # (step, url) of every page checked
        self._reported = False

    def __call__(self, page, step):
        violations = self._axe.run(page).response["violations"]
        self.checked.append((step, page.url))
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        minor = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
        if minor:
            print(f"axe, minor or moderate on {step} ({page.url}):\n{describe_violations(minor)}")
        if blocking:
            self.problems.append(f"axe on {step} ({page.url}):\n{describe_violations(blocking)}")
        return blocking

    def assert_clean(self):
        self._reported = True
        assert self.checked, "axe checked no page"
        assert not self.problems, "\n\n".join(self.problems)


@pytest.fixture
def axe():
    """`axe(page, "step")` after each step of a journey; `axe.assert_clean()` at its end.

    Forgetting the final assertion with problems found still fails the test
    (as an error at teardown) rather than hiding them.
    """
    audit = AxeAudit()
    yield audit
    if audit.problems and not audit._reported:
        pytest.fail("axe found serious/critical problems:\n\n" + "\n\n".join(audit.problems))


# --- Large text: nothing cut off or overlapping ----------------------------------------

# Problems with the page's layout as it is now, at the phone's width:
# key elements (headings, buttons, links styled as buttons, form fields)
# whose boxes overlap, and text boxes that clip their own content.
LAYOUT_PROBLEMS_JS = """
(width) => {
  const problems = [];
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    // also false inside a closed <details>, whose content still has boxes
    if (el.checkVisibility && !el.checkVisibility()) return false;
    if (box.width < 2 || box.height < 2) return false;
    // visually-hidden helpers (1px, clipped) are for screen readers only
    const clipped = style.clip !== 'auto' || style.clipPath !== 'none';
    if (style.position === 'absolute' && clipped && box.width <= 2) return false;
    const hidden = '[hidden], [aria-hidden=true], .visually-hidden, .skip-link, .w-userbar';
    return el.closest(hidden) === null || el.matches(':focus');
  };
  const name = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 30);
    return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
  };
  const scrollWidth = document.scrollingElement.scrollWidth;
  if (scrollWidth > width) problems.push(`page is ${scrollWidth}px wide`);
  const keys = Array.from(document.querySelectorAll(
    'h1, h2, h3, button, a.button, input:not([type=hidden]), select, textarea, label, .brand'
  )).filter(visible);
  for (const el of keys) {
    const box = el.getBoundingClientRect();
    if (box.left < -0.5 || box.right > width + 0.5) {
      const span = `${Math.round(box.left)}..${Math.round(box.right)}px`;
      problems.push(`${name(el)} sticks out (${span})`);
    }
  }
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i], b = keys[j];
      if (a.contains(b) || b.contains(a)) continue;
      // a label and its own control may sit together (checkboxes, radios)
      if (a.tagName === 'LABEL' && (a.control === b)) continue;
      if (b.tagName === 'LABEL' && (b.control === a)) continue;
      const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
      const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (dx > 1 && dy > 1) {
        const area = `${Math.round(dx)}×${Math.round(dy)}px`;
        problems.push(`${name(a)} overlaps ${name(b)} (${area})`);
      }
    }
  }
  // Text clipped by its own box: overflow other than visible, content wider/taller.
  for (const el of document.querySelectorAll('main *, header *, footer *')) {
    if (!visible(el)) continue;
    const style = getComputedStyle(el);
    if (!el.innerText || !el.innerText.trim()) continue;
    const clipsX = ['hidden', 'clip'].includes(style.overflowX);
    const clipsY = ['hidden', 'clip'].includes(style.overflowY);
    const wider = el.scrollWidth > el.clientWidth + 1;
    const taller = el.scrollHeight > el.clientHeight + 1;
    const sizes = `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}px`;
    if (clipsX && wider) problems.push(`${name(el)} cuts its text off sideways (${sizes})`);
    if (clipsY && taller) problems.push(`${name(el)} cuts its text off at the bottom (${sizes})`);
    const ellipsis = style.textOverflow === 'ellipsis';
    if (ellipsis && wider) problems.push(`${name(el)} ends in an ellipsis`);
  }
  return problems;
}
"""


@pytest.fixture
def layout_problems(page):
    """What is cut off, overlapping or sticking out on the page as it is now (a list)."""

    def measure(other_page=None):
        return (other_page or page).evaluate(LAYOUT_PROBLEMS_JS, PHONE_WIDTH)

    return measure
