"""The community agenda: rules, every role on every page, bad input, the
calendar files, reminders, query counts and the race for the last seat."""

import threading
import time
from datetime import UTC, datetime, timedelta
from io import StringIO
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from community import events
from community.events import EventError
from community.models import Event, Rsvp
from pusat.accounts.models import Notification
from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MembershipFactory,
    OfficerTermFactory,
)
from tests.helpers import indonesian, page_text

pytestmark = pytest.mark.django_db

AGENDA = "/komunitas/agenda/"
WITA = Event.TimeZone.WITA
ROLES = ["visitor", "member", "outsider", "officer", "other_officer", "editor", "administrator"]


def shown(msgid, **params):
    """The Indonesian text a page shows for `msgid`, filled in with `params`;
    fails if the catalogue has no Indonesian for it."""
    text = indonesian(msgid)
    return text % params if params else text


def make_event(community, *, days=3, hours=3, **fields):
    # Whole minutes, as officers type them (and as iCalendar keeps them).
    starts_at = (timezone.now() + timedelta(days=days)).replace(second=0, microsecond=0)
    values = {
        "title": "Bimtek Foto Produk dengan Ponsel",
        "kind": Event.Kind.TRAINING,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=hours),
        "time_zone": WITA,
        "place": "Balai Banjar Kangin, Amlapura",
        "is_public": False,
        "published_at": timezone.now() - timedelta(days=1),
    }
    values.update(fields)
    return Event.objects.create(community=community, **values)


def officer_of(community):
    user = OfficerTermFactory(community=community).user
    MembershipFactory(community=community, user=user)
    return user


@pytest.fixture
def cast():
    home = CommunityFactory(name="Komunitas e-UMKM Karangasem", regency="Karangasem")
    away = CommunityFactory(name="Komunitas e-UMKM Bekasi", regency="Kota Bekasi")
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


def form_data(**overrides):
    data = {
        "title": "Pertemuan Anggota Desember",
        "kind": Event.Kind.MEETING,
        "starts_at": "2030-12-07T09:00",
        "ends_at": "2030-12-07T12:00",
        "time_zone": WITA,
        "place": "Kantor Pusat, Amlapura",
        "online_link": "",
        "description": "Evaluasi penjualan dan rencana pameran.",
        "capacity": "",
    }
    data.update(overrides)
    return data


# --- Rules ------------------------------------------------------------------


class TestRules:
    def test_officer_creates_a_draft_with_the_zone_applied(self, cast):
        event = events.create_event(
            cast.officer,
            cast.home,
            title="Bimtek Toko Online",
            kind=Event.Kind.TRAINING,
            starts_at=datetime(2030, 12, 7, 9, tzinfo=ZoneInfo(WITA)),
            ends_at=datetime(2030, 12, 7, 12, tzinfo=ZoneInfo(WITA)),
            time_zone=WITA,
            place="Kantor Pusat",
        )
        assert event.published_at is None
        assert event.created_by == cast.officer
        assert event.starts_at == datetime(2030, 12, 7, 1, tzinfo=UTC)

    @pytest.mark.parametrize("role", ["member", "outsider", "other_officer", "administrator"])
    def test_only_the_communitys_officers_create_events(self, cast, role):
        with pytest.raises(EventError) as refused:
            events.create_event(
                cast.people[role],
                cast.home,
                title="Rapat",
                kind=Event.Kind.MEETING,
                starts_at=timezone.now() + timedelta(days=1),
                ends_at=timezone.now() + timedelta(days=1, hours=2),
                time_zone=WITA,
                place="Balai desa",
            )
        assert refused.value.message == shown(
            "Only the officers of this community can post or change its events."
        )
        assert not Event.objects.exists()

    @pytest.mark.parametrize(
        "fields, msgid",
        [
            (
                {"ends_at": timezone.now() + timedelta(days=1)},
                "The event must end after it starts.",
            ),
            (
                {"online_link": "meet kita hari sabtu"},
                "The online link must be a full web address, starting with https://.",
            ),
            (
                {"online_link": "javascript:alert(1)"},
                "The online link must be a full web address, starting with https://.",
            ),
            (
                {"place": "", "online_link": ""},
                "Give a place or an online link, so members know where to come.",
            ),
            ({"time_zone": "Europe/Paris"}, "Choose the time zone: WIB, WITA or WIT."),
            ({"capacity": 0}, "The capacity must be at least 1, or empty for no limit."),
            ({"title": "   "}, "Give the event a title."),
        ],
    )
    def test_bad_fields_are_refused(self, cast, fields, msgid):
        values = {
            "title": "Rapat",
            "kind": Event.Kind.MEETING,
            "starts_at": timezone.now() + timedelta(days=2),
            "ends_at": timezone.now() + timedelta(days=2, hours=2),
            "time_zone": WITA,
            "place": "Balai desa",
            **fields,
        }
        with translation.override("id-id"), pytest.raises(EventError) as refused:
            events.create_event(cast.officer, cast.home, **values)
        assert refused.value.message == shown(msgid)
        assert not Event.objects.exists()

    def test_update_keeps_capacity_above_the_answers(self, cast):
        event = make_event(cast.home, capacity=5)
        events.rsvp(cast.member, event, Rsvp.Answer.ATTENDING)
        events.rsvp(cast.officer, event, Rsvp.Answer.ATTENDING)
        with translation.override("id-id"), pytest.raises(EventError) as refused:
            events.update_event(cast.officer, event, capacity=1)
        assert refused.value.message == shown(
            "The capacity cannot be lower than the %(count)s members who already said "
            "they will attend.",
            count=2,
        )
        event.refresh_from_db()
        assert event.capacity == 5
        assert events.update_event(cast.officer, event, capacity=2).capacity == 2

    def test_publish_tells_the_members_after_commit(self, cast, django_capture_on_commit_callbacks):
        event = make_event(cast.home, published_at=None)
        other = MembershipFactory(community=cast.home).user
        with django_capture_on_commit_callbacks(execute=True):
            events.publish_event(cast.officer, event)
        assert sorted(message.to[0] for message in mail.outbox) == sorted(
            [cast.member.email, other.email]
        )
        assert cast.outsider.email not in {message.to[0] for message in mail.outbox}
        assert event.title in mail.outbox[0].subject
        with pytest.raises(EventError):
            events.publish_event(cast.officer, event)
        assert len(mail.outbox) == 2

    def test_rsvp_until_capacity_and_changing_ones_mind(self, cast):
        event = make_event(cast.home, capacity=1)
        events.rsvp(cast.member, event, Rsvp.Answer.ATTENDING)
        # Answering again, or changing to "not attending", is always possible.
        events.rsvp(cast.member, event, Rsvp.Answer.ATTENDING)
        with translation.override("id-id"), pytest.raises(EventError) as refused:
            events.rsvp(cast.officer, event, Rsvp.Answer.ATTENDING)
        assert refused.value.message == shown(
            "Sorry, this event is full: all %(capacity)s places are taken.", capacity=1
        )
        events.rsvp(cast.officer, event, Rsvp.Answer.NOT_ATTENDING)
        events.rsvp(cast.member, event, Rsvp.Answer.NOT_ATTENDING)
        events.rsvp(cast.officer, event, Rsvp.Answer.ATTENDING)
        assert dict(Rsvp.objects.values_list("user", "answer")) == {
            cast.member.pk: Rsvp.Answer.NOT_ATTENDING,
            cast.officer.pk: Rsvp.Answer.ATTENDING,
        }

    @pytest.mark.parametrize("role", ["outsider", "other_officer", "editor", "administrator"])
    def test_only_active_members_of_the_community_answer(self, cast, role):
        event = make_event(cast.home, is_public=True)
        with translation.override("id-id"), pytest.raises(EventError) as refused:
            events.rsvp(cast.people[role], event, Rsvp.Answer.ATTENDING)
        assert refused.value.message == shown(
            "Only members of %(community)s can answer for this event.",
            community=cast.home.name,
        )
        assert not Rsvp.objects.exists()

    def test_pending_member_cannot_answer(self, cast):
        pending = MembershipFactory(community=cast.home, status="pending").user
        with pytest.raises(EventError):
            events.rsvp(pending, make_event(cast.home), Rsvp.Answer.ATTENDING)

    def test_no_answers_to_drafts_or_started_events(self, cast):
        with pytest.raises(EventError):
            events.rsvp(cast.member, make_event(cast.home, published_at=None), "hadir")
        with pytest.raises(EventError):
            events.rsvp(cast.member, make_event(cast.home, days=-1), "hadir")
        with pytest.raises(EventError):
            events.rsvp(cast.member, make_event(cast.home), "mungkin")
        assert not Rsvp.objects.exists()

    def test_attendance_by_officers_after_the_start(self, cast):
        event = make_event(cast.home, days=-1, hours=2)
        walk_in = MembershipFactory(community=cast.home).user
        Rsvp.objects.create(event=event, user=cast.member, answer=Rsvp.Answer.ATTENDING)
        events.mark_attendance(cast.officer, event, [walk_in, cast.officer])
        marked = {row.user_id: row.attended for row in Rsvp.objects.filter(event=event)}
        assert marked == {cast.member.pk: False, walk_in.pk: True, cast.officer.pk: True}
        assert Rsvp.objects.get(user=walk_in).answer == ""

        with pytest.raises(EventError):
            events.mark_attendance(cast.member, event, [cast.member])
        with pytest.raises(EventError):
            events.mark_attendance(cast.officer, event, [cast.outsider])
        with pytest.raises(EventError):
            events.mark_attendance(cast.officer, make_event(cast.home), [cast.member])
        assert Rsvp.objects.filter(attended=True).count() == 2

    def test_visible_to(self, cast):
        public = make_event(cast.home, is_public=True, title="umum")
        members_only = make_event(cast.home, title="anggota")
        draft = make_event(cast.home, published_at=None, is_public=True, title="draf")
        away = make_event(cast.away, title="bekasi")

        def titles(user):
            from django.contrib.auth.models import AnonymousUser

            seen = Event.objects.visible_to(user or AnonymousUser())
            return set(seen.values_list("title", flat=True))

        assert titles(None) == {public.title}
        assert titles(cast.editor) == {public.title}
        assert titles(cast.member) == {public.title, members_only.title}
        assert titles(cast.officer) == {public.title, members_only.title, draft.title}
        assert titles(cast.outsider) == {public.title, away.title}
        assert titles(cast.administrator) == {
            public.title,
            members_only.title,
            draft.title,
            away.title,
        }

    def test_upcoming_and_past(self, cast):
        past = make_event(cast.home, days=-3)
        running = make_event(cast.home, days=0, hours=4)  # started a moment ago
        soon = make_event(cast.home, days=1)
        assert list(Event.objects.upcoming()) == [running, soon]
        assert list(Event.objects.past()) == [past]

    def test_schedule_reads_the_indonesian_way(self, cast):
        zone = ZoneInfo(WITA)
        event = make_event(
            cast.home,
            starts_at=datetime(2026, 12, 5, 9, tzinfo=zone),
            ends_at=datetime(2026, 12, 5, 12, tzinfo=zone),
        )
        with translation.override("id-id"):
            assert event.schedule == "Sabtu, 5 Desember 2026, 09.00–12.00 WITA"
        with translation.override("en"):
            assert event.schedule == "Saturday, 5 December 2026, 09:00–12:00 WITA"
        event.ends_at = datetime(2026, 12, 6, 17, tzinfo=zone)
        event.time_zone = Event.TimeZone.WIT
        with translation.override("id-id"):
            # The same moment, on eastern Indonesian clocks.
            assert (
                event.schedule
                == "Sabtu, 5 Desember 2026, 10.00 – Minggu, 6 Desember 2026, 18.00 WIT"
            )

    @pytest.mark.parametrize(
        "regency, zone",
        [
            ("Karangasem", Event.TimeZone.WITA),
            ("Kota Balikpapan", Event.TimeZone.WITA),
            ("Kota Denpasar", Event.TimeZone.WITA),
            ("Kota Bekasi", Event.TimeZone.WIB),
            ("Banjarnegara", Event.TimeZone.WIB),
            ("Kota Jayapura", Event.TimeZone.WIT),
        ],
    )
    def test_default_time_zone_follows_the_region(self, regency, zone):
        assert events.default_time_zone(CommunityFactory(regency=regency)) == zone


# --- Every role on every page -------------------------------------------------


def status_for(client, user, method, url, data=None):
    sign_in(client, user)
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_agenda_list_and_feed_show_what_each_role_may_see(client, cast, role):
    make_event(cast.home, is_public=True, title="Pameran Produk di Taman Ujung")
    make_event(cast.home, title="Rapat Anggota Karangasem")
    make_event(cast.home, published_at=None, title="Draf Sosialisasi NIB")
    make_event(cast.away, title="Kelas Foto Bekasi")
    sign_in(client, cast.people[role])
    body = page_text(client.get(AGENDA))
    feed = icalendar.Calendar.from_ical(client.get(AGENDA + "ical/").content)
    in_feed = {str(entry["SUMMARY"]) for entry in feed.walk("VEVENT")}
    expected = {
        "visitor": {"Pameran Produk di Taman Ujung"},
        "editor": {"Pameran Produk di Taman Ujung"},
        "member": {"Pameran Produk di Taman Ujung", "Rapat Anggota Karangasem"},
        "officer": {"Pameran Produk di Taman Ujung", "Rapat Anggota Karangasem"},
        "outsider": {"Pameran Produk di Taman Ujung", "Kelas Foto Bekasi"},
        "other_officer": {"Pameran Produk di Taman Ujung", "Kelas Foto Bekasi"},
        "administrator": {
            "Pameran Produk di Taman Ujung",
            "Rapat Anggota Karangasem",
            "Kelas Foto Bekasi",
        },
    }[role]
    all_titles = {
        "Pameran Produk di Taman Ujung",
        "Rapat Anggota Karangasem",
        "Kelas Foto Bekasi",
    }
    for title in all_titles:
        assert (title in body) == (title in expected), title
    # Drafts are on the list for those who may publish them, never in the feed.
    draft_listed = role in {"officer", "administrator"}
    assert ("Draf Sosialisasi NIB" in body) == draft_listed
    assert in_feed == expected
    assert (shown("New event") in body) == (role in {"officer", "other_officer"})


# Status for each role on each event page. The members-only and draft events
# are invisible (404) to those who may not see them; the public event shows
# everyone a page, and only its community's officers may change it.
DETAIL_MATRIX = {
    # role:          public, members-only, draft
    "visitor": (200, 404, 404),
    "member": (200, 200, 404),
    "outsider": (200, 404, 404),
    "officer": (200, 200, 200),
    "other_officer": (200, 404, 404),
    "editor": (200, 404, 404),
    "administrator": (200, 200, 200),
}


@pytest.mark.parametrize("role", ROLES)
def test_detail_and_ical_per_role(client, cast, role):
    public = make_event(cast.home, is_public=True)
    members_only = make_event(cast.home)
    draft = make_event(cast.home, published_at=None)
    user = cast.people[role]
    for event, expected in zip((public, members_only, draft), DETAIL_MATRIX[role], strict=True):
        assert status_for(client, user, "get", f"{AGENDA}{event.pk}/") == expected
        assert status_for(client, user, "get", f"{AGENDA}{event.pk}/ical/") == expected


CHANGE_MATRIX = {
    # role: (create form, create post, edit form, edit post)
    "visitor": (302, 302, 302, 302),
    "member": (403, 403, 403, 403),
    "outsider": (403, 403, 403, 403),
    "officer": (200, 302, 200, 302),
    "other_officer": (200, 302, 403, 403),
    "editor": (403, 403, 403, 403),
    "administrator": (403, 403, 403, 403),
}


@pytest.mark.parametrize("role", ROLES)
def test_create_and_edit_per_role(client, cast, role):
    event = make_event(cast.home, is_public=True, title="Judul lama")
    user = cast.people[role]
    expected = CHANGE_MATRIX[role]
    assert status_for(client, user, "get", AGENDA + "baru/") == expected[0]
    assert status_for(client, user, "post", AGENDA + "baru/", form_data()) == expected[1]
    assert status_for(client, user, "get", f"{AGENDA}{event.pk}/ubah/") == expected[2]
    edit = form_data(title="Judul baru")
    assert status_for(client, user, "post", f"{AGENDA}{event.pk}/ubah/", edit) == expected[3]

    event.refresh_from_db()
    assert event.title == ("Judul baru" if role == "officer" else "Judul lama")
    created = Event.objects.exclude(pk=event.pk)
    if role in {"officer", "other_officer"}:
        # An officer's event always lands in their own community.
        mine = cast.home if role == "officer" else cast.away
        assert list(created.values_list("community", flat=True)) == [mine.pk]
        assert created.get().published_at is None
    else:
        assert not created.exists()
    if expected[0] == 302:
        response = sign_in(client, user).get(AGENDA + "baru/")
        assert response["Location"].startswith("/akun/masuk/")


@pytest.mark.parametrize("role", ROLES)
def test_publish_per_role(client, cast, role):
    draft = make_event(cast.home, published_at=None, is_public=True)
    user = cast.people[role]
    expected = {"visitor": 302, "officer": 302, "administrator": 302}.get(role, 404)
    assert status_for(client, user, "post", f"{AGENDA}{draft.pk}/terbitkan/") == expected
    draft.refresh_from_db()
    assert draft.is_published == (role == "officer")


@pytest.mark.parametrize("role", ROLES)
def test_rsvp_per_role(client, cast, role):
    event = make_event(cast.home, is_public=True)
    user = cast.people[role]
    sign_in(client, user)
    response = client.post(f"{AGENDA}{event.pk}/jawab/", {"answer": "hadir"}, follow=True)
    may_answer = role in {"member", "officer"}
    assert Rsvp.objects.filter(event=event).exists() == may_answer
    body = page_text(response)
    if role == "visitor":
        assert response.redirect_chain[0][0].startswith("/akun/masuk/")
    elif may_answer:
        assert shown("Thank you! You are on the list of attendees.") in body
    else:
        assert (
            shown(
                "Only members of %(community)s can answer for this event.", community=cast.home.name
            )
            in body
        )


@pytest.mark.parametrize("role", ROLES)
def test_attendance_per_role(client, cast, role):
    event = make_event(cast.home, is_public=True, days=-1, hours=2)
    user = cast.people[role]
    expected = {"visitor": 302, "officer": 302}.get(role, 403)
    url = f"{AGENDA}{event.pk}/kehadiran/"
    assert status_for(client, user, "post", url, {"attended": [cast.member.pk]}) == expected
    attended = set(Rsvp.objects.filter(attended=True).values_list("user", flat=True))
    assert attended == ({cast.member.pk} if role == "officer" else set())


def test_officer_sees_the_attendance_form_and_attendees(client, cast):
    event = make_event(cast.home, days=-1, hours=2)
    Rsvp.objects.create(event=event, user=cast.member, answer=Rsvp.Answer.ATTENDING)
    client.force_login(cast.officer)
    body = page_text(client.get(f"{AGENDA}{event.pk}/"))
    assert 'name="attended"' in body
    assert cast.member.full_name in body
    client.force_login(cast.member)
    body = page_text(client.get(f"{AGENDA}{event.pk}/"))
    assert 'name="attended"' not in body
    assert cast.member.full_name in body  # the community sees who said they will come


def test_the_public_sees_counts_but_not_names(client, cast):
    event = make_event(cast.home, is_public=True, capacity=10)
    events.rsvp(cast.member, event, Rsvp.Answer.ATTENDING)
    body = page_text(client.get(f"{AGENDA}{event.pk}/"))
    assert cast.member.full_name not in body
    assert event.title in body


# --- Bad input through the pages ---------------------------------------------


class TestBadInput:
    def test_event_ending_before_it_starts(self, client, cast):
        client.force_login(cast.officer)
        data = form_data(starts_at="2030-12-07T12:00", ends_at="2030-12-07T09:00")
        response = client.post(AGENDA + "baru/", data)
        assert response.status_code == 200
        assert shown("The event must end after it starts.") in page_text(response)
        assert not Event.objects.exists()

    def test_edit_ending_before_it_starts_changes_nothing(self, client, cast):
        event = make_event(cast.home)
        before = (event.starts_at, event.ends_at)
        client.force_login(cast.officer)
        data = form_data(starts_at="2030-12-07T12:00", ends_at="2030-12-06T12:00")
        response = client.post(f"{AGENDA}{event.pk}/ubah/", data)
        assert shown("The event must end after it starts.") in page_text(response)
        event.refresh_from_db()
        assert (event.starts_at, event.ends_at) == before

    def test_online_link_that_is_not_a_url(self, client, cast):
        client.force_login(cast.officer)
        response = client.post(AGENDA + "baru/", form_data(online_link="zoom besok"))
        assert shown(
            "The online link must be a full web address, starting with https://."
        ) in page_text(response)
        assert not Event.objects.exists()

    def test_rsvp_past_capacity(self, client, cast):
        event = make_event(cast.home, capacity=1)
        events.rsvp(cast.officer, event, Rsvp.Answer.ATTENDING)
        client.force_login(cast.member)
        response = client.post(f"{AGENDA}{event.pk}/jawab/", {"answer": "hadir"}, follow=True)
        assert shown(
            "Sorry, this event is full: all %(capacity)s places are taken.", capacity=1
        ) in page_text(response)
        assert list(Rsvp.objects.values_list("user", flat=True)) == [cast.officer.pk]

    def test_rsvp_to_another_communitys_event(self, client, cast):
        public = make_event(cast.away, is_public=True)
        members_only = make_event(cast.away)
        client.force_login(cast.member)
        response = client.post(f"{AGENDA}{public.pk}/jawab/", {"answer": "hadir"}, follow=True)
        assert shown(
            "Only members of %(community)s can answer for this event.", community=cast.away.name
        ) in page_text(response)
        # Their members-only events do not even exist for her.
        assert (
            client.post(f"{AGENDA}{members_only.pk}/jawab/", {"answer": "hadir"}).status_code == 404
        )
        assert not Rsvp.objects.exists()

    def test_non_officer_creating(self, client, cast):
        client.force_login(cast.member)
        response = client.post(AGENDA + "baru/", form_data())
        assert response.status_code == 403
        assert shown("Only the officers of a community can post events on its agenda.") in (
            page_text(response)
        )
        assert not Event.objects.exists()

    def test_capacity_below_answers_through_the_form(self, client, cast):
        event = make_event(cast.home, capacity=3)
        events.rsvp(cast.member, event, Rsvp.Answer.ATTENDING)
        events.rsvp(cast.officer, event, Rsvp.Answer.ATTENDING)
        client.force_login(cast.officer)
        response = client.post(f"{AGENDA}{event.pk}/ubah/", form_data(capacity="1"))
        assert shown(
            "The capacity cannot be lower than the %(count)s members who already said "
            "they will attend.",
            count=2,
        ) in page_text(response)
        event.refresh_from_db()
        assert event.capacity == 3

    def test_attendance_for_someone_outside_the_community(self, client, cast):
        event = make_event(cast.home, days=-1, hours=2)
        client.force_login(cast.officer)
        response = client.post(
            f"{AGENDA}{event.pk}/kehadiran/", {"attended": [cast.outsider.pk]}, follow=True
        )
        assert shown("Attendance can only be recorded for members of this community.") in (
            page_text(response)
        )
        assert not Rsvp.objects.exists()

    def test_nonsense_answer(self, client, cast):
        event = make_event(cast.home)
        client.force_login(cast.member)
        response = client.post(f"{AGENDA}{event.pk}/jawab/", {"answer": "mungkin"}, follow=True)
        assert shown("Choose whether you will attend or not.") in page_text(response)
        assert not Rsvp.objects.exists()


def test_officer_creates_publishes_and_members_answer(
    client, cast, django_capture_on_commit_callbacks
):
    """The "done when" path: an officer posts an event members RSVP to."""
    client.force_login(cast.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            AGENDA + "baru/", {**form_data(capacity="2", is_public="on"), "publish": "1"}
        )
    event = Event.objects.get()
    assert response["Location"] == f"{AGENDA}{event.pk}/"
    assert event.is_published and event.is_public
    # 09.00 WITA is 01.00 UTC.
    assert event.starts_at == datetime(2030, 12, 7, 1, tzinfo=UTC)
    assert [message.to for message in mail.outbox] == [[cast.member.email]]
    assert Notification.objects.filter(user=cast.member, url=f"{AGENDA}{event.pk}/").exists()

    client.force_login(cast.member)
    client.post(f"{AGENDA}{event.pk}/jawab/", {"answer": "hadir"})
    body = page_text(client.get(f"{AGENDA}{event.pk}/"))
    assert shown("You said you will attend.") in body
    with translation.override("id-id"):
        assert event.schedule in body
    assert "WITA" in body


def test_edit_form_shows_the_events_own_clock(client, cast):
    zone = ZoneInfo(Event.TimeZone.WIT)
    event = make_event(
        cast.home,
        time_zone=Event.TimeZone.WIT,
        starts_at=datetime(2030, 1, 4, 9, tzinfo=zone),
        ends_at=datetime(2030, 1, 4, 11, tzinfo=zone),
    )
    client.force_login(cast.officer)
    body = page_text(client.get(f"{AGENDA}{event.pk}/ubah/"))
    assert 'value="2030-01-04T09:00"' in body
    assert 'value="2030-01-04T11:00"' in body


# --- iCalendar ---------------------------------------------------------------


def test_single_event_ical_parses_back(client, cast):
    zone = ZoneInfo(WITA)
    event = make_event(
        cast.home,
        is_public=True,
        title="Pameran Produk UMKM, Taman Ujung; hari pertama",
        starts_at=datetime(2030, 12, 7, 9, tzinfo=zone),
        ends_at=datetime(2030, 12, 8, 17, tzinfo=zone),
        online_link="https://meet.jit.si/PusatKreatif",
        description="Bawa produk terbaik Anda.",
    )
    response = client.get(f"{AGENDA}{event.pk}/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.title
    start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
    assert start == datetime(2030, 12, 7, 1, tzinfo=UTC)
    assert start.utcoffset() == timedelta(hours=8)
    assert entry["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert end == datetime(2030, 12, 8, 17, tzinfo=zone)
    assert str(entry["UID"]).startswith(f"agenda-{event.pk}@")
    assert entry.decoded("DTSTAMP").tzinfo is not None
    assert (
        str(entry["LOCATION"]) == "Balai Banjar Kangin, Amlapura · https://meet.jit.si/PusatKreatif"
    )
    assert str(entry["URL"]) == f"http://testserver{AGENDA}{event.pk}/"
    assert "Bawa produk terbaik Anda." in str(entry["DESCRIPTION"])
    # The zone travels with the file, for phones without a zone database.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Makassar"]


def test_agenda_feed_keeps_each_events_zone_and_uid(client, cast):
    wib = make_event(cast.away, is_public=True, time_zone=Event.TimeZone.WIB, title="Bekasi")
    wita = make_event(cast.home, is_public=True, title="Karangasem")
    make_event(cast.home, is_public=True, days=-200, title="Lama sekali")
    calendar = icalendar.Calendar.from_ical(client.get(AGENDA + "ical/").content)
    entries = {str(entry["SUMMARY"]): entry for entry in calendar.walk("VEVENT")}
    assert set(entries) == {"Bekasi", "Karangasem"}
    assert entries["Bekasi"]["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert entries["Karangasem"]["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert entries["Bekasi"].decoded("DTSTART") == wib.starts_at
    assert entries["Karangasem"].decoded("DTEND") == wita.ends_at
    single = icalendar.Calendar.from_ical(client.get(f"{AGENDA}{wita.pk}/ical/").content)
    assert single.walk("VEVENT")[0]["UID"] == entries["Karangasem"]["UID"]


# --- Reminders ---------------------------------------------------------------


def test_reminders_go_once_to_members_who_did_not_decline(cast, django_capture_on_commit_callbacks):
    tomorrow = make_event(cast.home, days=1)
    make_event(cast.home, days=3, title="Lusa")  # not tomorrow
    make_event(cast.home, days=1, published_at=None, title="Draf")  # never a draft
    declining = MembershipFactory(community=cast.home).user
    Rsvp.objects.create(event=tomorrow, user=declining, answer=Rsvp.Answer.NOT_ATTENDING)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=StringIO())
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([cast.member.email, cast.officer.email])
    assert all(tomorrow.title in message.subject for message in mail.outbox)
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=StringIO())
    assert len(mail.outbox) == 2


def test_tomorrow_is_counted_on_the_events_own_clock(cast):
    # 20.00 WIB on 1 December is 21.00 WITA: 22.00 WITA on 2 December is
    # tomorrow in Bali, 01.00 WITA on 3 December is not (only 28 hours away).
    now = datetime(2030, 12, 1, 13, tzinfo=UTC)
    zone = ZoneInfo(WITA)
    late = datetime(2030, 12, 2, 22, tzinfo=zone)
    soon = make_event(cast.home, starts_at=late, ends_at=late + timedelta(hours=1))
    after = datetime(2030, 12, 3, 1, tzinfo=zone)
    make_event(cast.home, starts_at=after, ends_at=after + timedelta(hours=2), title="Lusa")
    assert events.send_reminders(now=now) == [soon]


# --- Demo content ------------------------------------------------------------


def test_demo_agenda_is_realistic_and_safe_to_reload(client):
    from community.demo_events import load_events

    call_command("load_demo_data", stdout=StringIO())
    admin = AdministratorFactory()
    first = load_events(admin)
    again = load_events(admin)
    assert [event.pk for event in first] == [event.pk for event in again]
    assert Event.objects.count() == len(again) == 6
    assert {event.community.slug for event in again} == {"e-umkm-karangasem"}
    assert {event.time_zone for event in again} == {Event.TimeZone.WITA}
    upcoming = Event.objects.published().upcoming()
    past = Event.objects.published().past()
    assert upcoming.count() == 3 and past.count() == 2
    assert Event.objects.filter(published_at__isnull=True).count() == 1
    assert {event.kind for event in again} == set(Event.Kind.values) - {Event.Kind.OTHER}
    # Answers on what is coming, attendance on what was held, none in between.
    assert not Rsvp.objects.filter(event__in=upcoming, attended__isnull=False).exists()
    assert not Rsvp.objects.filter(event__in=past, attended__isnull=True).exists()
    assert Rsvp.objects.filter(event__in=past, attended=True).count() >= 6
    for event in again:
        if event.capacity:
            assert event.rsvps.filter(answer=Rsvp.Answer.ATTENDING).count() <= event.capacity
    # Nothing held is reminded again; nothing coming is reminded early.
    assert events.send_reminders() == []

    # The chair sees the members-only meeting and the draft; the public neither.
    chair = get_user_model().objects.get(email="luh.sukerti@contoh.id")
    body = page_text(client.get(AGENDA))
    assert "Pameran Produk UMKM Karangasem" in body and "WITA" in body
    assert "Pertemuan Rutin Anggota" not in body
    client.force_login(chair)
    body = page_text(client.get(AGENDA))
    assert "Pertemuan Rutin Anggota" in body and "Sosialisasi NIB" in body
    past_body = page_text(client.get(AGENDA + "?tampil=lalu"))
    assert "Bimtek Fotografi Produk dengan Ponsel" in past_body


# --- Query counts --------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(cast, size):
    """`size` upcoming and `size` past events, each with answers."""
    for number in range(size):
        event = make_event(
            cast.home, days=1 + number, is_public=number % 2 == 0, title=f"Acara {number}"
        )
        make_event(
            cast.home, days=-1 - number, is_public=number % 2 == 0, title=f"Acara lalu {number}"
        )
        events.rsvp(cast.member, event, Rsvp.Answer.ATTENDING)
        Rsvp.objects.create(event=event, user=MembershipFactory(community=cast.home).user)


# Measured and pinned: a new query on the agenda must be a decision. Signed-in
# pages also read the account and notifications (the session, site, centre
# settings and permissions come from the cache once warm).
EXPECTED_QUERIES = {
    "visitor": {"upcoming": 2, "past": 2, "feed": 1},
    "member": {"upcoming": 6, "past": 6, "feed": 3},
    "officer": {"upcoming": 7, "past": 7, "feed": 3},
    "administrator": {"upcoming": 8, "past": 8, "feed": 3},
}


@pytest.mark.parametrize("size", [1, 30])
@pytest.mark.parametrize("role", ["visitor", "member", "officer", "administrator"])
def test_agenda_queries_are_the_same_for_1_and_30_events(client, cast, role, size):
    fill(cast, size)
    sign_in(client, cast.people[role])
    measured = {
        "upcoming": count_queries(client, AGENDA),
        "past": count_queries(client, AGENDA + "?tampil=lalu"),
        "feed": count_queries(client, AGENDA + "ical/"),
    }
    assert measured == EXPECTED_QUERIES[role], measured


# --- The race for the last seat -----------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_answers_for_the_last_seat_only_one_is_accepted(monkeypatch):
    """Two members tap "hadir" for the last seat at the same moment.

    Both threads really run at once, and whoever passes the seat count holds
    on a while before saving: without the lock both would count a free seat
    and both be accepted.
    """
    community = CommunityFactory()
    event = make_event(community, capacity=1)
    first, second = (MembershipFactory(community=community).user for _ in range(2))
    save = Rsvp.objects.update_or_create
    progress = threading.local()

    def slow_save(*args, **kwargs):
        progress.counted = True  # this attempt found a free seat
        time.sleep(0.3)
        return save(*args, **kwargs)

    monkeypatch.setattr(Rsvp.objects, "update_or_create", slow_save)
    barrier = threading.Barrier(2)
    outcomes = []

    def answer(user):
        barrier.wait()
        try:
            for _attempt in range(100):
                progress.counted = False
                try:
                    events.rsvp(user, event, Rsvp.Answer.ATTENDING)
                except OperationalError as error:
                    # SQLite's shared in-memory test database reports a held
                    # lock at once instead of waiting, as PostgreSQL and an
                    # on-disk SQLite (busy timeout) do: wait like they would.
                    # But a collision after counting a free seat means both
                    # counted at once: that is the bug this test is about.
                    if "locked" not in str(error) or progress.counted:
                        outcomes.append("collided after counting")
                        return
                    time.sleep(0.05)
                    continue
                outcomes.append("accepted")
                return
            outcomes.append("gave up")
        except EventError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(user,)) for user in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "full"]
    assert Rsvp.objects.filter(event=event, answer=Rsvp.Answer.ATTENDING).count() == 1
