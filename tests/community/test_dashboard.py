"""The officers' dashboard: who may open it, the numbers for a small
community, the CSV parsed back, and a query count that does not grow."""

import codecs
import csv
import io
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from community import dashboard
from community.events import mark_attendance, publish_event
from community.models import Event, Membership, Proposal, ProposalSupport, Rsvp
from courses.models import Certificate, Enrollment, QuizAttempt, Stage
from pusat import pagecache
from tests.courses.conftest import make_course
from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MembershipFactory,
    OfficerTermFactory,
)
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

DASHBOARD = "/komunitas/dasbor/"
CSV = "/komunitas/dasbor/csv/"
ROLES = ["visitor", "member", "outsider", "officer", "other_officer", "editor", "administrator"]
Status = Proposal.Status


def shown(msgid, **params):
    """The text a person reading Indonesian is shown for `msgid`."""
    with translation.override("id-id"):
        text = translation.gettext(msgid)
    return text % params if params else text


def in_indonesian(label):
    with translation.override("id-id"):
        return str(label)


def officer_of(community, **user_fields):
    term = OfficerTermFactory(
        community=community, **{f"user__{k}": v for k, v in user_fields.items()}
    )
    MembershipFactory(community=community, user=term.user)
    return term.user


@pytest.fixture
def cast():
    home = CommunityFactory(name="Komunitas e-UMKM Karangasem", slug="e-umkm-karangasem")
    away = CommunityFactory(name="Komunitas e-UMKM Bekasi", slug="e-umkm-bekasi")
    people = {
        "visitor": None,
        "member": MembershipFactory(community=home).user,
        "outsider": MembershipFactory(community=away).user,
        "officer": officer_of(home),
        "other_officer": officer_of(away),
        "editor": EditorFactory(),
        "administrator": AdministratorFactory(),
    }
    return SimpleNamespace(home=home, away=away, people=people, **people)


def sign_in(client, user):
    if user is not None:
        client.force_login(user)
    return client


# --- Building blocks for the scenario -----------------------------------------

_codes = iter(range(10_000, 99_999))


def certify(user, course):
    Certificate.objects.create(
        user=user,
        course=course,
        code=f"PKK-{next(_codes)}",
        member_name=user.full_name,
        course_title=course.title,
    )


def enrol(user, course, *, completed=False, pre=(), post=()):
    """An enrolment with test attempts in the order given, a minute apart."""
    now = timezone.now()
    Enrollment.objects.create(
        user=user, course=course, completed_at=now if completed else None, enrolled_at=now
    )
    attempts = [("pre", score) for score in pre] + [("post", score) for score in post]
    for minute, (kind, score) in enumerate(attempts):
        QuizAttempt.objects.create(
            user=user,
            course=course,
            kind=kind,
            submission_key=f"{user.pk}-{course.pk}-{kind}-{minute}",
            correct=score,
            total=100,
            score=score,
            passed=score >= 70,
            created_at=now - timedelta(hours=1) + timedelta(minutes=minute),
        )


def past_event(community, title, *, days_ago=7, published=True):
    starts_at = timezone.now() - timedelta(days=days_ago)
    return Event.objects.create(
        community=community,
        title=title,
        kind=Event.Kind.TRAINING,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3),
        time_zone=Event.TimeZone.WITA,
        place="Balai Banjar, Amlapura",
        published_at=starts_at - timedelta(days=14) if published else None,
    )


def answer(event, user, answer="", attended=None):
    Rsvp.objects.create(event=event, user=user, answer=answer, attended=attended)


@pytest.fixture
def scenario(cast):
    """Karangasem: four active members (the officer, Ayu, Budi, Citra).

    - Ayu: certificates for Email (Presence) and Blog (Portal): stage Portal.
      Email pre 40 then 80 (the first counts), post 60 then 100 (the best
      counts): gain 60. Blog pre 50, post 70: gain 20.
    - Budi: certificate for Email: Presence. Pre 20, post 80: gain 60.
    - Citra: enrolled in Email, pre 30, nothing else: Preparatory.
    - The officer: nothing: Preparatory.
    Outside the numbers: a pending member and a Bekasi member with courses,
    events and proposals of Bekasi, a draft event and an upcoming one.
    """
    home, away = cast.home, cast.away
    email = make_course("Email untuk Bisnis", lessons=0, stage="presence")
    blog = make_course("Blog dan Web Marketing", lessons=0, stage="portal")
    ayu = MembershipFactory(community=home, user__full_name="Ayu Lestari").user
    budi = MembershipFactory(community=home, user__full_name="Budi Santoso").user
    citra = MembershipFactory(community=home, user__full_name="Citra Dewi").user
    # `member` of the cast is a fourth ordinary member; leave them out here.
    Membership.objects.filter(user=cast.member).update(status=Membership.Status.PENDING)
    pending = cast.member

    certify(ayu, email)
    certify(ayu, blog)
    enrol(ayu, email, completed=True, pre=[40, 80], post=[60, 100])
    enrol(ayu, blog, completed=True, pre=[50], post=[70])
    certify(budi, email)
    enrol(budi, email, completed=True, pre=[20], post=[80])
    enrol(citra, email, pre=[30])
    # Not in Karangasem's numbers:
    certify(cast.outsider, email)
    enrol(cast.outsider, email, completed=True, pre=[0], post=[100])
    enrol(pending, email, completed=True, pre=[0], post=[100])

    training = past_event(home, "Bimtek Foto Produk", days_ago=10)
    answer(training, ayu, Rsvp.Answer.ATTENDING, True)
    answer(training, budi, Rsvp.Answer.ATTENDING, False)
    answer(training, citra, "", True)
    answer(training, cast.officer, Rsvp.Answer.NOT_ATTENDING, False)
    meeting = past_event(home, "Pertemuan Rutin Sabtu Kedua", days_ago=3)
    answer(meeting, ayu, Rsvp.Answer.ATTENDING, True)
    draft = past_event(home, "Rapat yang tidak jadi", days_ago=5, published=False)
    answer(draft, budi, Rsvp.Answer.ATTENDING, True)
    upcoming = past_event(home, "Pameran di Taman Ujung", days_ago=-10)
    answer(upcoming, budi, Rsvp.Answer.ATTENDING)
    elsewhere = past_event(away, "Kelas Kopi Sangrai", days_ago=4)
    answer(elsewhere, cast.outsider, Rsvp.Answer.ATTENDING, True)

    def propose(community, by, title, status=Status.PROPOSED, supporters=()):
        proposal = Proposal.objects.create(
            community=community,
            proposed_by=by,
            title=title,
            description="Uraian usulan program kerja untuk komunitas.",
            status=status,
        )
        for person in supporters:
            ProposalSupport.objects.create(proposal=proposal, user=person)
        return proposal

    kemasan = propose(home, ayu, "Kemasan Bersama", supporters=[budi, citra])
    lapak = propose(home, budi, "Lapak Bersama", Status.ACCEPTED, supporters=[ayu])
    propose(home, citra, "Mobil Bak Bersama", Status.REJECTED, supporters=[ayu, budi, cast.officer])
    propose(home, ayu, "Kartu Nama QR", Status.DONE)
    propose(away, cast.outsider, "Kopi Bersama", supporters=[cast.other_officer])
    return SimpleNamespace(
        email=email,
        blog=blog,
        ayu=ayu,
        budi=budi,
        citra=citra,
        training=training,
        meeting=meeting,
        kemasan=kemasan,
        lapak=lapak,
    )


# --- Who may open it ----------------------------------------------------------

HOME_STATUS = {
    "visitor": 302,
    "member": 403,
    "outsider": 403,
    "officer": 200,
    "other_officer": 403,
    "editor": 200,
    "administrator": 200,
}


class TestAccess:
    @pytest.mark.parametrize("url", [DASHBOARD, CSV])
    @pytest.mark.parametrize("role", ROLES)
    def test_the_home_communitys_numbers(self, client, cast, role, url):
        response = sign_in(client, cast.people[role]).get(f"{url}?komunitas={cast.home.slug}")
        assert response.status_code == HOME_STATUS[role]
        if role == "visitor":
            assert response["Location"].startswith("/akun/masuk/")
        elif response.status_code == 403:
            assert shown(
                "The dashboard of %(community)s is for its officers.", community=cast.home.name
            ) in page_text(response)

    @pytest.mark.parametrize(
        "role, status, community",
        [
            ("member", 403, None),
            ("outsider", 403, None),
            ("officer", 200, "home"),
            ("other_officer", 200, "away"),
            # Editors start with the first community by name.
            ("editor", 200, "away"),
            ("administrator", 200, "away"),
        ],
    )
    def test_without_a_choice(self, client, cast, role, status, community):
        response = sign_in(client, cast.people[role]).get(DASHBOARD)
        assert response.status_code == status
        if community:
            assert response.context["community"] == getattr(cast, community)
        else:
            assert shown("The dashboard is for the officers of a community.") in page_text(response)

    def test_only_editors_get_the_picker(self, client, cast):
        officer_page = page_text(sign_in(client, cast.officer).get(DASHBOARD))
        assert 'name="komunitas"' not in officer_page
        editor_page = page_text(sign_in(client, cast.editor).get(DASHBOARD))
        assert f'value="{cast.home.slug}"' in editor_page

    def test_an_officer_whose_term_ended_is_refused(self, client, cast):
        cast.officer.officer_terms.update(ends_on=timezone.localdate() - timedelta(days=1))
        assert sign_in(client, cast.officer).get(DASHBOARD).status_code == 403

    def test_an_unknown_community_is_not_found(self, client, cast):
        assert (
            sign_in(client, cast.editor).get(DASHBOARD + "?komunitas=tidak-ada").status_code == 404
        )


# --- The numbers ----------------------------------------------------------------


class TestNumbers:
    def test_members_by_stage(self, cast, scenario):
        board = dashboard.build(cast.home)
        assert board.member_count == 4
        assert [(bar.stage, bar.count, bar.percent) for bar in board.stages] == [
            (Stage.PREPARATORY, 2, 50),
            (Stage.PRESENCE, 1, 25),
            (Stage.PORTAL, 1, 25),
            (Stage.TRANSACTION, 0, 0),
            (Stage.AUTONOMY, 0, 0),
        ]
        assert board.members_completed == 2

    def test_courses_and_gain(self, cast, scenario):
        board = dashboard.build(cast.home)
        assert board.courses == [
            dashboard.CourseNumbers(
                course_id=scenario.email.pk,
                title="Email untuk Bisnis",
                enrolled=3,
                completed=2,
                avg_pre=30.0,
                avg_post=90.0,
                avg_gain=60.0,
                gain_members=2,
            ),
            dashboard.CourseNumbers(
                course_id=scenario.blog.pk,
                title="Blog dan Web Marketing",
                enrolled=1,
                completed=1,
                avg_pre=50.0,
                avg_post=70.0,
                avg_gain=20.0,
                gain_members=1,
            ),
        ]
        assert board.completions == 3
        # Over member-course pairs: (60 + 60 + 20) / 3.
        assert board.average_gain == 46.7
        assert board.gain_members == 3

    def test_event_attendance(self, cast, scenario):
        board = dashboard.build(cast.home)
        assert [(e.title, e.said_yes, e.attended_count) for e in board.events] == [
            ("Pertemuan Rutin Sabtu Kedua", 1, 1),
            ("Bimtek Foto Produk", 2, 2),
        ]
        assert (board.events_held, board.attendances, board.average_attendance) == (2, 3, 1.5)

    def test_proposals(self, cast, scenario):
        board = dashboard.build(cast.home)
        assert board.proposal_counts == [
            (Status.PROPOSED, 1),
            (Status.ACCEPTED, 1),
            (Status.REJECTED, 1),
            (Status.RUNNING, 0),
            (Status.DONE, 1),
        ]
        assert board.open_count == 2
        assert board.open_proposals == [scenario.kemasan, scenario.lapak]
        assert [p.support_count for p in board.open_proposals] == [2, 1]

    def test_an_empty_community(self, cast):
        board = dashboard.build(CommunityFactory())
        assert board.member_count == 0
        assert all(bar.count == 0 and bar.percent == 0 for bar in board.stages)
        assert board.courses == [] and board.events == [] and board.open_proposals == []
        assert board.average_gain is None and board.average_attendance is None

    def test_the_page_shows_the_chart_without_javascript(self, client, cast, scenario):
        response = sign_in(client, cast.officer).get(DASHBOARD)
        assert response.status_code == 200
        content = response.content.decode()
        body = page_text(response)
        assert "<script" not in content
        # Each bar is drawn by CSS and hidden from screen readers, which read
        # the stage and its number as text instead.
        assert content.count('<span class="stage-chart-fill" style="width: 50%">') == 1
        assert content.count('<span class="stage-chart-fill" style="width: 25%">') == 2
        assert content.count('class="stage-chart-track" aria-hidden="true"') == 5
        with translation.override("id-id"):
            two = translation.ngettext(
                "%(counter)s member (%(percent)s%%)", "%(counter)s members (%(percent)s%%)", 2
            ) % {"counter": 2, "percent": 50}
        assert two in body
        for stage in Stage:
            assert in_indonesian(stage.label) in body
        for text in [
            "Email untuk Bisnis",
            # Indonesian decimals use a comma.
            "+60,0",
            "+46,7",
            "Bimtek Foto Produk",
            "Kemasan Bersama",
            "Lapak Bersama",
        ]:
            assert text in body
        assert "Mobil Bak Bersama" not in body  # rejected: not open
        assert "Kelas Kopi Sangrai" not in body  # Bekasi's


# --- CSV -------------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


class TestCsv:
    def test_the_csv_parses_back_to_the_same_numbers(self, client, cast, scenario):
        response = sign_in(client, cast.officer).get(CSV)
        today = timezone.localdate()
        assert response["Content-Disposition"] == (
            f'attachment; filename="dasbor-e-umkm-karangasem-{today:%Y-%m-%d}.csv"'
        )
        rows = read_csv(response)
        assert rows[0] == [shown("Section"), shown("Item"), shown("Measure"), shown("Value")]
        assert all(len(row) == 4 for row in rows)
        values = {tuple(row[:3]): row[3] for row in rows[1:]}
        assert len(values) == len(rows) - 1  # every number has its own label
        members = shown("Members")
        stage = shown("e-UMKM stage")
        courses = shown("Courses")
        events = shown("Events")
        every_course = shown("All courses")
        every_event = shown("All past events")
        training = f"{scenario.training.local_starts_at:%Y-%m-%d} Bimtek Foto Produk"
        expected = {
            (shown("Community"), cast.home.name, shown("Active members")): "4",
            (stage, in_indonesian(Stage.PREPARATORY.label), members): "2",
            (stage, in_indonesian(Stage.PRESENCE.label), members): "1",
            (stage, in_indonesian(Stage.PORTAL.label), members): "1",
            (stage, in_indonesian(Stage.AUTONOMY.label), members): "0",
            (courses, "Email untuk Bisnis", shown("Enrolled")): "3",
            (courses, "Email untuk Bisnis", shown("Completed")): "2",
            (courses, "Email untuk Bisnis", shown("Average pre-test score")): "30.0",
            (courses, "Email untuk Bisnis", shown("Average post-test score")): "90.0",
            (courses, "Email untuk Bisnis", shown("Average gain (points)")): "60.0",
            (courses, "Blog dan Web Marketing", shown("Average gain (points)")): "20.0",
            (courses, every_course, shown("Completed")): "3",
            (courses, every_course, shown("Members with a completed course")): "2",
            (courses, every_course, shown("Average gain (points)")): "46.7",
            (events, training, shown("Said they would attend")): "2",
            (events, training, shown("Attended")): "2",
            (events, every_event, shown("Events held")): "2",
            (events, every_event, shown("Attendances")): "3",
            (events, every_event, shown("Average attendance per event")): "1.5",
            (shown("Proposals"), in_indonesian(Status.PROPOSED.label), shown("Proposals")): "1",
            (shown("Proposals"), in_indonesian(Status.RUNNING.label), shown("Proposals")): "0",
            (shown("Proposals"), shown("Open"), shown("Proposals")): "2",
            (shown("Open proposals"), "Kemasan Bersama", shown("Supporters")): "2",
            (shown("Open proposals"), "Lapak Bersama", shown("Supporters")): "1",
        }
        assert {key: values.get(key) for key in expected} == expected

    def test_empty_averages_are_empty_cells(self, client, cast):
        rows = read_csv(sign_in(client, cast.officer).get(CSV))
        values = {tuple(row[:3]): row[3] for row in rows[1:]}
        key = (shown("Courses"), shown("All courses"), shown("Average gain (points)"))
        assert values[key] == ""

    def test_typed_text_cannot_become_a_formula(self, client, cast):
        Proposal.objects.create(
            community=cast.home,
            proposed_by=cast.member,
            title='=HYPERLINK("https://contoh.com")',
            description="Uraian usulan program kerja untuk komunitas.",
        )
        rows = read_csv(sign_in(client, cast.officer).get(CSV))
        titles = [row[1] for row in rows if row[0] == shown("Open proposals")]
        assert titles == ['\'=HYPERLINK("https://contoh.com")']

    def test_editors_download_any_community(self, client, cast, scenario):
        response = sign_in(client, cast.editor).get(f"{CSV}?komunitas={cast.away.slug}")
        values = {tuple(row[:3]): row[3] for row in read_csv(response)[1:]}
        assert values[(shown("Community"), cast.away.name, shown("Active members"))] == "2"
        assert "e-umkm-bekasi" in response["Content-Disposition"]


# --- Query counts ---------------------------------------------------------------


def grow(name, count, courses):
    """A community of `count` members (its officer among them) with a stage,
    course work, attendance and supports each; returns the officer."""
    community = CommunityFactory(name=name)
    officer = officer_of(community)
    event = past_event(community, f"Pertemuan {name}", days_ago=2)
    proposal = Proposal.objects.create(
        community=community,
        proposed_by=officer,
        title=f"Usulan {name}",
        description="Uraian usulan program kerja untuk komunitas.",
    )
    members = [officer] + [MembershipFactory(community=community).user for _ in range(count - 1)]
    for number, user in enumerate(members):
        course = courses[number % len(courses)]
        certify(user, course)
        enrol(user, course, completed=True, pre=[number % 50], post=[60 + number % 40])
        answer(event, user, Rsvp.Answer.ATTENDING, number % 2 == 0)
        if user != officer:
            ProposalSupport.objects.create(proposal=proposal, user=user)
    return community, officer


class TestQueries:
    @pytest.fixture
    def communities(self):
        courses = [
            make_course("Email untuk Bisnis", lessons=0, stage="presence"),
            make_course("Blog dan Web Marketing", lessons=0, stage="portal"),
        ]
        small = grow("Komunitas Kecil", 1, courses)
        large = grow("Komunitas Besar", 20, courses)
        assert dashboard.build(small[0]).member_count == 1
        assert dashboard.build(large[0]).member_count == 20
        return small, large

    @staticmethod
    def count(client, url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    @pytest.mark.parametrize("url", [DASHBOARD, CSV])
    def test_an_officer_pays_the_same_for_1_or_20_members(self, client, communities, url):
        fresh, stored = [], []
        for _community, officer in communities:
            sign_in(client, officer)
            client.get(url)  # the first page of a session fills a few caches
            pagecache.invalidate()  # as after any change: the numbers are computed
            fresh.append(self.count(client, url))
            stored.append(self.count(client, url))
        # After a change: user (the session is cached), officer terms,
        # membership, six dashboard queries; the page adds the groups (is there
        # a picker to show?), the layout's notifications, and refills what is
        # kept until the next change: the site, the centre settings and the
        # Wagtail user bar's permissions.
        assert fresh == ([15, 15] if url == DASHBOARD else [11, 11])
        # Until the next change the six dashboard queries are not made again.
        assert stored == ([5, 5] if url == DASHBOARD else [3, 3])

    @pytest.mark.parametrize("url", [DASHBOARD, CSV])
    def test_an_editor_pays_the_same_for_1_or_20_members(self, client, cast, communities, url):
        sign_in(client, cast.editor)
        client.get(url)
        counts = []
        for community, _officer in communities:
            pagecache.invalidate()
            counts.append(self.count(client, f"{url}?komunitas={community.slug}"))
        # After a change: user (the session is cached), community, officer
        # check, groups, six dashboard queries and, on the page, the picker's
        # list and a layout that shows editors the Wagtail user bar (two more
        # profile lookups), plus refilling the site, settings and permissions.
        assert counts == ([18, 18] if url == DASHBOARD else [12, 12])

    def test_the_numbers_alone_cost_six_queries(self, cast):
        with CaptureQueriesContext(connection) as queries:
            dashboard.build(cast.home)
        assert len(queries) == 6


class TestStoredNumbers:
    """The numbers are computed once and kept until the next change."""

    def test_a_new_member_shows_at_once(self, client, cast):
        sign_in(client, cast.officer)

        def active_members():
            rows = read_csv(client.get(CSV))
            return [row[3] for row in rows if row[2] == shown("Active members")]

        assert active_members() == ["2"]  # the member and the officer
        assert active_members() == ["2"]  # the stored numbers, same answer
        MembershipFactory(community=cast.home)
        assert active_members() == ["3"]

    def test_attendance_recorded_without_signals_shows_at_once(
        self, cast, django_capture_on_commit_callbacks
    ):
        event = past_event(cast.home, "Kelas Foto Produk", days_ago=2)
        assert dashboard.cached_build(cast.home).attendances == 0
        # Attendance is written with update() and bulk_create(), which send no signal.
        with django_capture_on_commit_callbacks(execute=True):
            mark_attendance(cast.officer, event, [cast.member])
        assert dashboard.cached_build(cast.home).attendances == 1

    def test_publishing_an_event_shows_at_once(self, cast, django_capture_on_commit_callbacks):
        event = past_event(cast.home, "Temu Anggota", days_ago=1, published=False)
        assert dashboard.cached_build(cast.home).events_held == 0
        with django_capture_on_commit_callbacks(execute=True):
            publish_event(cast.officer, event)
        assert dashboard.cached_build(cast.home).events_held == 1

    def test_the_page_says_when_the_numbers_were_computed(self, client, cast):
        with translation.override("id"):
            expected = timezone.localtime().strftime("%H.")
        page = page_text(sign_in(client, cast.officer).get(DASHBOARD))
        assert "pukul " + expected in page
