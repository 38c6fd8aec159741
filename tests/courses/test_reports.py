"""The course reports in the Wagtail admin: the numbers, the CSV, who may see
them, and a query count that does not grow with courses or members."""

import codecs
import csv
import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import actions, reports
from courses.admin_views import defuse_formula
from courses.models import Evidence, QuizAttempt, Stage, SurveyResponse
from courses.stages import stage_from, stage_of
from tests.courses.conftest import POST_RIGHT, PRE_HALF, make_course, png_upload
from tests.factories import CommunityFactory, MemberFactory, MembershipFactory, UserFactory
from tests.helpers import indonesian, page_text

pytestmark = pytest.mark.django_db

INDEX = "/admin/laporan-kursus/"
MEMBERS = "/admin/laporan-kursus/anggota/"

PRE_RIGHT = {"pre1": "0", "pre2": "true"}  # 100
PRE_WRONG = {"pre1": "1", "pre2": "false"}  # 0
POST_ONE_THIRD = {"p1": "1", "p2": "true", "p3": "0"}  # 33, a fail


def detail_url(course):
    return f"{INDEX}{course.pk}/"


def finish_lessons(member, course):
    for lesson in course.lessons():
        actions.complete_lesson(member, lesson)


def approve_all_evidence(member, course, reviewer):
    indicators = course.indicators.all()
    actions.submit_evidence(member, indicators.get(code="lampiran"), image=png_upload())
    actions.submit_evidence(member, indicators.get(code="cc"), link="https://contoh.id/catatan")
    for evidence in Evidence.objects.filter(user=member, course=course):
        actions.review_evidence(reviewer, evidence, approve=True)


@pytest.fixture
def scenario(editor):
    """Two courses; four members at different points of the first one.

    - Ayu: pre-test 50 then 100 (the first counts), post-test 33 then 100
      (the best counts), evidence approved: completed, with a survey comment.
    - Budi: pre-test 0 and one lesson: in progress.
    - Citra: only enrolled.
    - Dewa: skipped the pre-test, post-test 100: completed (no gain: no pre).
    """
    email = make_course("Email untuk Bisnis", lessons=2, stage="presence")
    blog = make_course("Blog dan Web Marketing", lessons=1, stage="portal")
    community = CommunityFactory(name="Komunitas Kreatif Amlapura")
    ayu = MembershipFactory(user__full_name="Ayu Lestari", community=community).user
    budi = MembershipFactory(user__full_name="Budi Santoso", status="pending").user
    citra = MemberFactory(full_name="Citra Dewi")
    dewa = MemberFactory(full_name="Dewa Made Suta")

    actions.submit_test(ayu, email, "pre", PRE_HALF, "ayu-pre-1")
    actions.submit_test(ayu, email, "pre", PRE_RIGHT, "ayu-pre-2")
    finish_lessons(ayu, email)
    actions.submit_test(ayu, email, "post", POST_ONE_THIRD, "ayu-post-1")
    actions.submit_test(ayu, email, "post", POST_RIGHT, "ayu-post-2")
    approve_all_evidence(ayu, email, editor)

    actions.submit_test(budi, email, "pre", PRE_WRONG, "budi-pre-1")
    actions.complete_lesson(budi, email.lessons().first())

    actions.enrol(citra, email)

    actions.skip_pre_test(dewa, email)
    finish_lessons(dewa, email)
    actions.submit_test(dewa, email, "post", POST_RIGHT, "dewa-post-1")
    approve_all_evidence(dewa, email, editor)

    survey = {"clarity_material": 5, "clarity_examples": 4, "usefulness": 5, "pace": 3}
    actions.submit_survey(ayu, email, {**survey, "comment": "Contoh lebih banyak, tolong."})
    survey = {"clarity_material": 4, "clarity_examples": 4, "usefulness": 3, "pace": 4}
    actions.submit_survey(dewa, email, {**survey, "comment": ""})
    # Fixed times, so the newest-first order and the CSV dates are known.
    noon = timezone.now().replace(hour=5, minute=0, second=0, microsecond=0)
    SurveyResponse.objects.filter(user=ayu).update(created_at=noon - timedelta(days=2))
    SurveyResponse.objects.filter(user=dewa).update(created_at=noon - timedelta(days=1))
    return {
        "email": email,
        "blog": blog,
        "ayu": ayu,
        "budi": budi,
        "citra": citra,
        "dewa": dewa,
    }


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def attachment_name(response):
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    return disposition.split('filename="')[1].rstrip('"')


# --- The numbers -------------------------------------------------------------


def test_course_rows_count_progress_scores_gain_and_survey(scenario):
    email, blog = scenario["email"], scenario["blog"]
    assert QuizAttempt.objects.filter(user=scenario["ayu"], kind="post").count() == 2

    rows = reports.course_rows()

    assert rows == [
        reports.CourseRow(
            course_id=email.pk,
            title="Email untuk Bisnis",
            enrolled=4,
            in_progress=1,
            completed=2,
            avg_pre=25.0,  # Ayu's first 50 and Budi's 0; Ayu's later 100 does not count
            avg_post=100.0,  # Ayu's best (not her 33) and Dewa's 100
            avg_gain=50.0,  # only Ayu took both: 100 − 50
            gain_members=1,
            survey_responses=2,
            clarity_material=4.5,
            clarity_examples=4.0,
            usefulness=4.0,
            pace=3.5,
        ),
        reports.CourseRow(course_id=blog.pk, title="Blog dan Web Marketing"),
    ]
    assert reports.course_row(email.pk) == rows[0]
    assert reports.course_row(999_999) is None


def test_gain_can_be_negative_and_is_rounded(db):
    course = make_course(lessons=1)
    members = [MemberFactory() for _n in range(3)]
    for number, member in enumerate(members):
        actions.submit_test(member, course, "pre", PRE_RIGHT, f"pre-{number}")
        finish_lessons(member, course)
    actions.submit_test(members[0], course, "post", POST_ONE_THIRD, "post-0")
    actions.submit_test(members[1], course, "post", POST_ONE_THIRD, "post-1")
    actions.submit_test(members[2], course, "post", POST_RIGHT, "post-2")

    row = reports.course_row(course.pk)

    assert (row.avg_pre, row.avg_post, row.gain_members) == (100.0, 55.3, 3)
    assert row.avg_gain == -44.7  # (−67 − 67 + 0) / 3


def test_member_rows_show_community_courses_and_the_stage_of_stage_of(scenario):
    rows = reports.member_rows(reports.members())

    assert [
        (row.name, row.community, row.courses_enrolled, row.courses_completed) for row in rows
    ] == [
        ("Ayu Lestari", "Komunitas Kreatif Amlapura", 1, 1),
        ("Budi Santoso", "", 1, 0),  # a pending request is not a community yet
        ("Citra Dewi", "", 1, 0),
        ("Dewa Made Suta", "", 1, 1),
    ]
    assert [row.stage for row in rows] == [
        Stage.PRESENCE,
        Stage.PREPARATORY,
        Stage.PREPARATORY,
        Stage.PRESENCE,
    ]
    # The bulk computation agrees with the one used everywhere else.
    for row in rows:
        assert row.stage == stage_of(scenario[row.name.split()[0].lower()])


def test_editors_and_administrators_are_not_listed_as_members(scenario, editor, administrator):
    names = {row.name for row in reports.member_rows(reports.members())}
    assert editor.full_name not in names
    assert administrator.full_name not in names


@pytest.mark.parametrize(
    ("done", "autonomous", "expected"),
    [
        (set(), True, Stage.PREPARATORY),
        ({"presence"}, False, Stage.PRESENCE),
        ({"portal", "transaksi"}, True, Stage.PREPARATORY),  # the ladder is climbed in order
        ({"presence", "portal"}, True, Stage.PORTAL),
        ({"presence", "portal", "transaksi"}, False, Stage.TRANSACTION),
        ({"presence", "portal", "transaksi"}, True, Stage.AUTONOMY),
    ],
)
def test_stage_from_follows_the_ladder(done, autonomous, expected):
    assert stage_from(done, autonomous) == expected


# --- The pages ------------------------------------------------------------------


def test_course_report_page_shows_the_numbers_and_links_to_each_course(client, editor, scenario):
    client.force_login(editor)

    response = english(client).get(INDEX)

    assert response.status_code == 200
    text = page_text(response)
    assert "Course report" in text
    for label in ["Enrolled", "In progress", "Completed", "Average gain"]:
        assert label in text
    assert f'href="{detail_url(scenario["email"])}"' in text
    assert f'href="{detail_url(scenario["blog"])}"' in text
    assert f'href="{INDEX}?export=csv"' in text
    assert "50.0" in text  # the gain, in English number format


def test_report_speaks_indonesian_by_default(client, editor, scenario):
    client.force_login(editor)

    response = client.get(INDEX)

    text = page_text(response)
    assert indonesian("Download CSV") in text  # "Unduh CSV"
    assert "50,0" in text  # Indonesian decimal comma


def test_course_detail_shows_survey_averages_and_comments(client, editor, scenario):
    client.force_login(editor)

    response = english(client).get(detail_url(scenario["email"]))

    assert response.status_code == 200
    text = page_text(response)
    assert "Email untuk Bisnis" in text
    assert "Contoh lebih banyak, tolong." in text
    assert "4.5" in text and "3.5" in text  # survey averages
    assert "Members with both tests" in text
    # Comments are shown without their author's name.
    assert "Ayu Lestari" not in text
    assert f'href="{detail_url(scenario["email"])}?export=csv"' in text


def test_course_detail_of_a_missing_course_is_404(client, editor, db):
    client.force_login(editor)

    assert client.get(f"{INDEX}999999/").status_code == 404


def test_member_report_lists_members_with_stage_and_search(client, editor, scenario):
    client.force_login(editor)

    response = english(client).get(MEMBERS)

    assert response.status_code == 200
    text = page_text(response)
    for name in ["Ayu Lestari", "Budi Santoso", "Citra Dewi", "Dewa Made Suta"]:
        assert name in text
    assert "Komunitas Kreatif Amlapura" in text
    assert "Presence" in text and "Preparatory" in text

    found = page_text(client.get(MEMBERS + "hasil/?q=budi"))
    assert "Budi Santoso" in found
    assert "Ayu Lestari" not in found


# --- CSV -------------------------------------------------------------------------


def test_course_csv(client, editor, scenario):
    client.force_login(editor)

    response = english(client).get(INDEX + "?export=csv")

    today = timezone.localdate().isoformat()
    assert attachment_name(response) == f"laporan-kursus-{today}.csv"
    assert read_csv(response) == [
        [
            "Course",
            "Enrolled",
            "In progress",
            "Completed",
            "Average pre-test score",
            "Average post-test score",
            "Average gain",
            "Members with both tests",
            "Survey responses",
            "The material was clear (1–5)",
            "The examples were clear (1–5)",
            "Useful for my business (1–5)",
            "The pace suited me (1–5)",
        ],
        ["Email untuk Bisnis", "4", "1", "2", "25.0", "100.0", "50.0", "1", "2"]
        + ["4.5", "4.0", "4.0", "3.5"],
        ["Blog dan Web Marketing", "0", "0", "0", "", "", "", "0", "0", "", "", "", ""],
    ]


def test_course_survey_csv(client, editor, scenario):
    client.force_login(editor)
    email = scenario["email"]

    response = english(client).get(detail_url(email) + "?export=csv")

    today = timezone.localdate().isoformat()
    assert attachment_name(response) == f"survei-kursus-{email.pk}-{today}.csv"
    ayu, dewa = (
        SurveyResponse.objects.get(user=scenario[name]).created_at for name in ("ayu", "dewa")
    )
    assert read_csv(response) == [
        [
            "Date",
            "The material was clear (1–5)",
            "The examples were clear (1–5)",
            "Useful for my business (1–5)",
            "The pace suited me (1–5)",
            "What should we improve?",
        ],
        [f"{timezone.localtime(dewa):%Y-%m-%d %H:%M}", "4", "4", "3", "4", ""],
        [f"{timezone.localtime(ayu):%Y-%m-%d %H:%M}", "5", "4", "5", "3"]
        + ["Contoh lebih banyak, tolong."],
    ]


def test_member_csv_keeps_indonesian_text(client, editor, scenario):
    scenario["citra"].full_name = "Citra “Dewi” Ñoman, Tenganan"
    scenario["citra"].save()
    client.force_login(editor)

    response = english(client).get(MEMBERS + "?export=csv")

    today = timezone.localdate().isoformat()
    assert attachment_name(response) == f"laporan-anggota-{today}.csv"
    users = {name: scenario[name] for name in ("ayu", "budi", "citra", "dewa")}
    assert read_csv(response) == [
        [
            "Name",
            "Email",
            "Business",
            "Community",
            "Courses enrolled",
            "Courses completed",
            "e-UMKM stage",
        ],
        ["Ayu Lestari", users["ayu"].email, users["ayu"].business_name]
        + ["Komunitas Kreatif Amlapura", "1", "1", "Presence"],
        ["Budi Santoso", users["budi"].email, users["budi"].business_name]
        + ["", "1", "0", "Preparatory"],
        ["Citra “Dewi” Ñoman, Tenganan", users["citra"].email, users["citra"].business_name]
        + ["", "1", "0", "Preparatory"],
        ["Dewa Made Suta", users["dewa"].email, users["dewa"].business_name]
        + ["", "1", "1", "Presence"],
    ]


def test_member_csv_follows_the_search(client, editor, scenario):
    client.force_login(editor)

    rows = read_csv(english(client).get(MEMBERS + "?q=Dewa&export=csv"))

    assert [row[0] for row in rows[1:]] == ["Dewa Made Suta"]


def test_spreadsheet_formulas_typed_by_members_stay_text():
    assert defuse_formula('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert defuse_formula("+62 812") == "'+62 812"
    assert defuse_formula("Bagus sekali") == "Bagus sekali"


def test_xlsx_export_also_works(client, editor, scenario):
    client.force_login(editor)

    response = client.get(MEMBERS + "?export=xlsx")

    assert response.status_code == 200
    assert attachment_name(response).endswith(".xlsx")


# --- Who may see them -----------------------------------------------------------


def admin_access_only_user():
    """Someone with Wagtail admin access who is not an editor (a custom group)."""
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def report_urls(scenario):
    course = detail_url(scenario["email"])
    return [
        INDEX,
        INDEX + "?export=csv",
        course,
        course + "?export=csv",
        MEMBERS,
        MEMBERS + "?export=csv",
        MEMBERS + "hasil/",
    ]


@pytest.mark.parametrize("role", ["visitor", "member", "officer"])
def test_visitors_members_and_officers_are_sent_to_sign_in(client, request, role, report_urls):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))

    for url in report_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_admin_access_without_the_editor_role_is_refused(client, report_urls):
    client.force_login(admin_access_only_user())

    for url in report_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/", url


@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_editors_and_administrators_see_every_report(client, request, role, report_urls):
    client.force_login(request.getfixturevalue(role))

    for url in report_urls:
        assert client.get(url).status_code == 200, url


def test_reports_menu_offers_the_reports_to_editors_only(client, editor):
    client.force_login(editor)
    home = client.get("/admin/").content.decode()
    assert INDEX in home and MEMBERS in home

    client.force_login(admin_access_only_user())
    home = client.get("/admin/").content.decode()
    assert INDEX not in home and MEMBERS not in home


# --- Queries ---------------------------------------------------------------------


def build(size):
    """`size` courses and `size` members, each member busy in every course."""
    courses = [make_course(f"Kursus {n}", lessons=1) for n in range(size)]
    members = [MemberFactory() for _n in range(size)]
    for member in members:
        for course in courses:
            actions.submit_test(member, course, "pre", PRE_HALF, f"{member.pk}-{course.pk}")
            actions.complete_lesson(member, course.lessons().first())
            # The survey straight from the model: completing every course for
            # every member would only slow the test down.
            SurveyResponse.objects.create(
                user=member,
                course=course,
                clarity_material=4,
                clarity_examples=4,
                usefulness=5,
                pace=3,
                comment="Bagus.",
            )
    return courses, members


def count_queries(func):
    with CaptureQueriesContext(connection) as queries:
        func()
    return len(queries)


# Pinned on purpose: a new query in a report must be a decision.
EXPECTED_REPORT_QUERIES = {"course_rows": 3, "member_rows": 1}
# The pages add Wagtail's own (user, permissions, menu; the session comes
# from the cache) to the report's: 3 for the courses, 3 + 2 (count and page) for one course's
# survey, 1 + 1 (count) for a page of members, 1 for all members in a CSV.
EXPECTED_PAGE_QUERIES = {
    "index": 11,
    "index_csv": 6,
    "detail": 13,
    "detail_csv": 7,
    "members": 10,
    "members_csv": 4,
}


@pytest.mark.parametrize("size", [1, 20])
def test_report_queries_do_not_grow_with_courses_or_members(client, editor, size):
    courses, _members = build(size)
    client.force_login(editor)

    measured = {
        "course_rows": count_queries(reports.course_rows),
        "member_rows": count_queries(lambda: reports.member_rows(reports.members())),
    }
    assert measured == EXPECTED_REPORT_QUERIES

    pages = {
        "index": INDEX,
        "index_csv": INDEX + "?export=csv",
        "detail": detail_url(courses[-1]),
        "detail_csv": detail_url(courses[-1]) + "?export=csv",
        "members": MEMBERS,
        "members_csv": MEMBERS + "?export=csv",
    }
    measured = {}
    for name, url in pages.items():
        client.get(url)  # warm per-process caches (site root, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        measured[name] = len(queries)
    assert measured == EXPECTED_PAGE_QUERIES
