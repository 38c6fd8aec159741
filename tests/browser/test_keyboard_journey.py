"""Journey 2 with the keyboard only, in normal and in large text.

A newcomer who cannot use a touch screen or a mouse signs up with a phone
number, opens "Email untuk Bisnis", takes the pre-test, marks two lessons
done, sees the progress bar move and sends evidence: nothing but Tab,
Shift+Tab, Enter, Space, the arrow keys and typing (no clicks, no
`element.click()`). The skip link comes first and leads to the content;
where focus lands it can be seen (the site's 3 px focus ring). At every step
axe finds nothing serious, and nothing sticks out of the 360 px screen,
overlaps or is cut off, also in the large text size.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from courses.demo_content import EMAIL_COURSE
from courses.models import CompetencyIndicator, Evidence, LessonProgress, QuizAttempt

pytestmark = pytest.mark.browser

COURSE_TITLE = EMAIL_COURSE["title"]
COURSE_URL = f"/kursus/{EMAIL_COURSE['slug']}/"
LESSONS = EMAIL_COURSE["lessons"]
PRE_TEST = EMAIL_COURSE["pre_test"]
TEXT_INDICATOR = next(
    i
    for i in EMAIL_COURSE["indicators"]
    if i["evidence_kind"] == CompetencyIndicator.EvidenceKind.TEXT
)

NAME = "Komang Ayu Pradnyani"
EMAIL = "komang.ayu@contoh.id"
PHONE = "0813-3842-7719"
PASSWORD = "tenun ikat dari sidemen"
BUSINESS_ADDRESS = "tenunayusidemen@gmail.com"
MAX_TABS = 80

# Whether focus is visible where it is: the focused element matches
# :focus-visible and draws an outline (or a ring as a box shadow).
FOCUS_RING_JS = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    focusVisible: el.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
    shadow: style.boxShadow,
  };
}
"""


def label(text):
    return re.compile(rf"^\s*{re.escape(text)}\*?\s*$")


def is_focused(locator):
    return locator.evaluate("(el) => el === document.activeElement")


def tab_to(page, locator, backwards=False):
    """Press Tab (Shift+Tab backwards) until `locator` has the focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if is_focused(locator):
            return locator
    raise AssertionError(f"{MAX_TABS}× {key} never reached {locator}")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)
    expect(locator).to_have_value(text)


def assert_focus_visible(page, where):
    ring = page.evaluate(FOCUS_RING_JS)
    assert ring["focusVisible"], f"{where}: the focused <{ring['tag']}> is not :focus-visible"
    assert ring["outline"] >= 2 or ring["shadow"] != "none", (
        f"{where}: no visible focus ring on <{ring['tag']}>: {ring}"
    )


def correct_index(spec):
    """Position of the right answer among the radio buttons, as the page lists them."""
    value = spec["value"]
    if spec["type"] == "true_false":
        return 0 if value["is_true"] else 1  # "Benar" comes first
    return next(n for n, choice in enumerate(value["choices"]) if choice["correct"])


@pytest.mark.parametrize("text_size", ["Normal", "Besar"])
def test_newcomer_does_journey_2_with_the_keyboard_only(
    demo_site, page, shot, axe, layout_problems, text_size
):
    problems = []

    def step(name):
        shot(name)
        axe(page, name)
        problems.extend(f"{name}: {problem}" for problem in layout_problems())

    def press_on(locator, key="Enter"):
        """Reach `locator` with Tab, check its focus ring, press `key`."""
        tab_to(page, locator)
        assert_focus_visible(page, str(locator))
        page.keyboard.press(key)
        page.wait_for_load_state()

    page.goto("/")
    # The skip link is the first stop and it leads into the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Lewati ke konten")
    assert is_focused(skip)
    expect(skip).to_be_in_viewport()
    assert_focus_visible(page, "skip link")
    shot("01-skip-link")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    if text_size != "Normal":
        # Back up to the text-size buttons in the header and choose "Besar".
        sizes = page.get_by_role("group", name="Ukuran huruf")
        press_on(sizes.get_by_role("button", name=text_size))
        expect(page.locator("html")).to_have_class("text-besar")

    # Sign up with a phone number.
    press_on(page.locator("header.site-header").get_by_role("link", name="Daftar"))
    expect(page.locator("h1")).to_have_text("Buat akun Anda")
    type_into(page, page.get_by_label(label("Nama lengkap")), NAME)
    assert_focus_visible(page, "name field")
    type_into(page, page.get_by_label(label("Alamat email")), EMAIL)
    type_into(page, page.get_by_label(label("Nomor WhatsApp")), PHONE)
    type_into(page, page.get_by_label(label("Nama usaha")), "Tenun Ayu")
    kind = tab_to(page, page.get_by_label(label("Jenis usaha")))
    page.keyboard.type("Fesyen")  # a closed <select> picks by typing
    expect(kind.locator("option:checked")).to_have_text("Fesyen/kain tenun")
    type_into(page, page.get_by_label(label("Kabupaten/kota")), "Karangasem")
    type_into(page, page.get_by_label(label("Kecamatan")), "Sidemen")
    type_into(page, page.get_by_label(label("Kata sandi")), PASSWORD)
    type_into(page, page.get_by_label(label("Ulangi kata sandi")), PASSWORD)
    step("02-sign-up-filled")
    press_on(page.locator("main form").get_by_role("button", name="Daftar"))
    expect(page).to_have_url(f"{demo_site.url}/")
    expect(page.locator("header .account-name")).to_have_text(NAME)
    user = get_user_model().objects.get(email=EMAIL)
    assert user.phone == "+6281338427719"

    # Open "Email untuk Bisnis" and enrol.
    press_on(page.locator("nav.main-nav").get_by_role("link", name="Kursus"))
    expect(page).to_have_url(f"{demo_site.url}/kursus/")
    step("03-course-index")
    press_on(page.get_by_role("link", name=COURSE_TITLE, exact=True))
    expect(page).to_have_url(f"{demo_site.url}{COURSE_URL}")
    step("04-course")
    press_on(page.get_by_role("button", name="Ikuti kursus ini"), key="Space")
    expect(page.locator(".messages")).to_contain_text("Anda sudah terdaftar ikut kursus ini.")
    progress = page.locator("#my-progress + .progress progress")
    expect(progress).to_have_attribute("value", "0")
    step("05-enrolled")

    # The pre-test: Tab into each question's group, arrow keys pick the answer.
    press_on(page.get_by_role("link", name="Kerjakan tes awal"))
    expect(page).to_have_url(f"{demo_site.url}{COURSE_URL}pre-test/")
    by_question = {spec["value"]["question"]: spec for spec in PRE_TEST}
    questions = page.locator("fieldset.question")
    expect(questions).to_have_count(len(PRE_TEST))
    for n in range(len(PRE_TEST)):
        question = questions.nth(n)
        legend = question.locator("legend").inner_text()
        spec = by_question[re.sub(r"^\s*\d+\.\s*", "", legend).strip()]
        radios = question.get_by_role("radio")
        tab_to(page, radios.first)
        if n == 0:
            assert_focus_visible(page, "first answer of the pre-test")
        page.keyboard.press("Space")
        for _ in range(correct_index(spec)):
            page.keyboard.press("ArrowDown")
        expect(radios.nth(correct_index(spec))).to_be_checked()
        expect(radios.nth(correct_index(spec))).to_be_focused()
    step("06-pre-test-answered")
    press_on(page.get_by_role("button", name="Kirim jawaban saya"))
    expect(page.locator("h1")).to_have_text("Hasil tes awal")
    attempt = QuizAttempt.objects.get(user=user, kind="pre")
    assert attempt.score == 100
    step("07-pre-test-result")

    # Two lessons, each marked done.
    press_on(page.get_by_role("link", name="Kembali ke kursus"))
    press_on(page.get_by_role("link", name=f"Mulai pelajaran pertama: {LESSONS[0]['title']}"))
    expect(page.locator("h1")).to_have_text(LESSONS[0]["title"])
    step("08-lesson-1")
    press_on(page.get_by_role("button", name="Tandai selesai"))
    expect(page.locator("h1")).to_have_text(LESSONS[1]["title"])
    expect(page.locator(".messages")).to_contain_text("Pelajaran sudah ditandai selesai.")
    step("09-lesson-2")
    press_on(page.get_by_role("button", name="Tandai selesai"))
    expect(page.locator("h1")).to_have_text(LESSONS[2]["title"])
    assert LessonProgress.objects.filter(user=user).count() == 2

    # Back to the course (the breadcrumb is above: Shift+Tab): the bar moved.
    crumb = page.locator(".breadcrumb").get_by_role("link", name=COURSE_TITLE)
    tab_to(page, crumb, backwards=True)
    assert_focus_visible(page, "breadcrumb link")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page).to_have_url(f"{demo_site.url}{COURSE_URL}")
    percent = 2 * 100 // len(LESSONS)
    expect(progress).to_have_attribute("value", str(percent))
    expect(page.locator("#my-progress + .progress")).to_contain_text(
        f"2 dari {len(LESSONS)} pelajaran selesai ({percent}%)"
    )
    step("10-progress-moved")

    # Evidence: the written answer, typed and sent from the keyboard.
    press_on(page.get_by_role("link", name="Kirim bukti kemampuan Anda"))
    expect(page.locator("h1")).to_have_text("Bukti kemampuan Anda")
    section = page.locator(f"section#{TEXT_INDICATOR['code']}")
    type_into(page, section.get_by_label(label("Jawaban Anda")), BUSINESS_ADDRESS)
    assert_focus_visible(page, "evidence answer")
    step("11-evidence-typed")
    press_on(section.get_by_role("button", name="Kirim bukti"))
    expect(page.locator(".messages")).to_contain_text("Bukti sudah terkirim.")
    expect(section.locator(".status")).to_have_text("Menunggu diperiksa")
    evidence = Evidence.objects.get(user=user, indicator__code=TEXT_INDICATOR["code"])
    assert (evidence.status, evidence.text) == (Evidence.Status.SUBMITTED, BUSINESS_ADDRESS)
    step("12-evidence-sent")

    axe.assert_clean()
    assert not problems, f"{text_size} text at 360 px:\n" + "\n".join(problems)
