"""Minutes (`/komunitas/notulen/`): the rules, every role on every page, bad
input refused with nothing changed, the history of edited minutes, the
printable minute-book page, query counts and the demo content."""

from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.documents.models import Document

from community import minutes as rules
from community.minutes import MinutesError
from community.models import (
    ActionItem,
    Event,
    Minutes,
    MinutesAttachment,
    MinutesVersion,
    OfficerTerm,
    Rsvp,
)
from pusat.accounts.models import Notification
from tests.factories import (
    ActionItemFactory,
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MemberFactory,
    MembershipFactory,
    MinutesFactory,
    OfficerTermFactory,
)
from tests.helpers import indonesian, page_text

pytestmark = pytest.mark.django_db

NOTULEN = "/komunitas/notulen/"
ROLES = ["visitor", "member", "outsider", "officer", "other_officer", "editor", "administrator"]
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def shown(msgid, **params):
    """The text a person reading Indonesian is shown for `msgid` (the msgid
    itself until the translator's catalogue has it), parameters filled in."""
    with translation.override("id-id"):
        text = str(translation.gettext(msgid))
    return text % params if params else text


def in_indonesian(msgid, **params):
    """Like `shown`, but fails unless the catalogue translates `msgid`: the
    messages that refuse bad input must reach people in Indonesian."""
    text = indonesian(msgid)
    return text % params if params else text


def officer_of(community, role=OfficerTerm.Role.CHAIR):
    """An officer who is also an active member of the community."""
    user = MembershipFactory(community=community).user
    OfficerTermFactory(community=community, user=user, role=role)
    return user


@pytest.fixture
def cast():
    home = CommunityFactory(
        name="Komunitas e-UMKM Karangasem", slug="e-umkm-karangasem", regency="Karangasem"
    )
    away = CommunityFactory(name="Komunitas e-UMKM Bekasi", regency="Kota Bekasi")
    people = {
        "visitor": None,
        "member": MembershipFactory(community=home).user,
        "outsider": MembershipFactory(community=away).user,
        # The sekretaris writes the minutes; the ketua chairs and confirms.
        "officer": officer_of(home, OfficerTerm.Role.SECRETARY),
        "other_officer": officer_of(away),
        "editor": EditorFactory(),
        "administrator": AdministratorFactory(),
    }
    chair = officer_of(home, OfficerTerm.Role.CHAIR)
    return SimpleNamespace(home=home, away=away, people=people, chair=chair, **people)


def make_minutes(cast, status=Minutes.Status.MEMBERS, **fields):
    values = {
        "community": cast.home,
        "chair": cast.chair,
        "secretary": cast.officer,
        "status": status,
        "published_at": None if status == Minutes.Status.DRAFT else timezone.now(),
    }
    values.update(fields)
    minutes = MinutesFactory(**values)
    minutes.attendees.set([cast.chair, cast.officer, cast.member])
    return minutes


@pytest.fixture
def three(cast):
    """A draft, minutes for members and public minutes of the home community."""
    return SimpleNamespace(
        draft=make_minutes(cast, Minutes.Status.DRAFT, title="Rapat Pengurus: Draf Pameran"),
        members=make_minutes(cast, Minutes.Status.MEMBERS, title="Rapat Anggota: Lapak Bersama"),
        public=make_minutes(cast, Minutes.Status.PUBLIC, title="Rapat Anggota: Kelas Foto"),
    )


def make_event(community, *, days_ago=7, **fields):
    starts_at = (timezone.now() - timedelta(days=days_ago)).replace(second=0, microsecond=0)
    values = {
        "title": "Pertemuan Anggota Oktober",
        "kind": Event.Kind.MEETING,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=2),
        "time_zone": Event.TimeZone.WITA,
        "place": "Kantor Pusat, Amlapura",
        "published_at": starts_at - timedelta(days=7),
    }
    values.update(fields)
    return Event.objects.create(community=community, **values)


def sign_in(client, user):
    if user is not None:
        client.force_login(user)
    return client


def fields(**overrides):
    """Keyword arguments for `create_minutes`."""
    values = {
        "kind": Minutes.Kind.MEMBERS,
        "title": "Rapat Anggota November",
        "held_at": timezone.now() - timedelta(days=2),
        "place": "Kantor Pusat, Amlapura",
        "guests": 1,
        "agenda": "1. Lapak bersama.\n2. Kelas foto produk.",
        "discussion": "Anggota sepakat membuka toko bersama.",
        "decisions": "1. Toko bersama dibuka bulan ini.",
    }
    values.update(overrides)
    return values


def form_data(cast, **overrides):
    """A filled-in minutes form with one action item, as the browser posts it."""
    data = {
        "event": "",
        "kind": Minutes.Kind.MEMBERS,
        "title": "Rapat Anggota November: Lapak Bersama",
        "held_at": (timezone.localtime() - timedelta(days=2)).strftime("%Y-%m-%dT09:00"),
        "place": "Kantor Pusat, Amlapura",
        "chair": cast.chair.pk,
        "secretary": cast.officer.pk,
        "attendees": [cast.chair.pk, cast.officer.pk, cast.member.pk],
        "guests": "2",
        "agenda": "1. Lapak bersama di marketplace.\n2. Kelas foto produk.",
        "discussion": "Pak Wayan mengusulkan toko bersama.",
        "decisions": "1. Toko bersama dibuka.\n2. Kelas foto bulan depan.",
        "aksi-TOTAL_FORMS": "3",
        "aksi-INITIAL_FORMS": "0",
        "aksi-MIN_NUM_FORMS": "0",
        "aksi-MAX_NUM_FORMS": "30",
        "aksi-0-description": "Membuka akun toko bersama",
        "aksi-0-owner": cast.member.pk,
        "aksi-0-due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "aksi-1-description": "",
        "aksi-1-owner": "",
        "aksi-1-due_on": "",
        "aksi-2-description": "",
        "aksi-2-owner": "",
        "aksi-2-due_on": "",
    }
    data.update(overrides)
    return data


def edit_data(cast, minutes, **overrides):
    local = rules.local_held_at(minutes)
    data = form_data(
        cast,
        kind=minutes.kind,
        title=minutes.title,
        held_at=local.strftime("%Y-%m-%dT%H:%M"),
        place=minutes.place,
        agenda=minutes.agenda,
        discussion=minutes.discussion,
        decisions=minutes.decisions,
        guests=str(minutes.guests),
    )
    data.update(overrides)
    return data


def messages_on(response):
    return [str(message) for message in response.context["messages"]]


# --- Rules --------------------------------------------------------------------


class TestRules:
    def test_officer_drafts_minutes_with_attendance_from_the_event(self, cast):
        event = make_event(cast.home)
        came = MembershipFactory(community=cast.home).user
        Rsvp.objects.create(event=event, user=cast.member, answer="hadir", attended=True)
        Rsvp.objects.create(event=event, user=came, attended=True)
        Rsvp.objects.create(event=event, user=cast.chair, answer="hadir", attended=False)
        minutes = rules.create_minutes(
            cast.officer,
            cast.home,
            event=event,
            chair=cast.chair,
            secretary=cast.officer,
            action_items=[
                {"description": "Membuka toko bersama", "owner": cast.member, "due_on": None}
            ],
            **fields(),
        )
        assert minutes.status == Minutes.Status.DRAFT
        assert minutes.created_by == cast.officer
        assert set(minutes.attendees.all()) == {cast.member, came}
        assert minutes.action_items.get().owner == cast.member

    def test_attendees_given_are_kept_even_with_an_event(self, cast):
        event = make_event(cast.home)
        Rsvp.objects.create(event=event, user=cast.member, attended=True)
        minutes = rules.create_minutes(
            cast.officer, cast.home, event=event, attendees=[cast.chair], **fields()
        )
        assert list(minutes.attendees.all()) == [cast.chair]

    def test_minutes_for_an_event_of_another_community_are_refused(self, cast):
        event = make_event(cast.away)
        with pytest.raises(MinutesError) as error:
            rules.create_minutes(cast.officer, cast.home, event=event, **fields())
        assert error.value.field == "event"
        assert str(error.value) == shown(
            "Minutes can only be written for an event of %(community)s.", community=cast.home.name
        )
        assert not Minutes.objects.exists()

    @pytest.mark.parametrize("agenda", ["", "   \n  "])
    def test_an_empty_agenda_is_refused(self, cast, agenda):
        with pytest.raises(MinutesError) as error:
            rules.create_minutes(cast.officer, cast.home, **fields(agenda=agenda))
        assert error.value.field == "agenda"
        assert not Minutes.objects.exists()

    @pytest.mark.parametrize(
        "role", ["member", "outsider", "other_officer", "editor", "administrator"]
    )
    def test_only_the_communitys_officers_write_and_edit(self, cast, role):
        user = cast.people[role]
        with pytest.raises(MinutesError):
            rules.create_minutes(user, cast.home, **fields())
        minutes = make_minutes(cast)
        with pytest.raises(MinutesError):
            rules.update_minutes(user, minutes, title="Diubah")
        with pytest.raises(MinutesError):
            rules.publish_minutes(user, minutes, Minutes.Status.PUBLIC)
        minutes.refresh_from_db()
        assert minutes.title != "Diubah"
        assert minutes.status == Minutes.Status.MEMBERS
        assert Minutes.objects.count() == 1

    def test_an_officers_rights_end_with_the_term(self, cast):
        term = OfficerTerm.objects.get(user=cast.officer)
        term.ends_on = timezone.localdate() - timedelta(days=1)
        term.save()
        with pytest.raises(MinutesError):
            rules.create_minutes(cast.officer, cast.home, **fields())

    def test_people_from_outside_the_community_cannot_be_named(self, cast):
        with pytest.raises(MinutesError) as error:
            rules.create_minutes(cast.officer, cast.home, chair=cast.outsider, **fields())
        assert error.value.field == "chair"
        with pytest.raises(MinutesError):
            rules.create_minutes(cast.officer, cast.home, attendees=[cast.outsider], **fields())
        with pytest.raises(MinutesError):
            rules.create_minutes(
                cast.officer,
                cast.home,
                action_items=[{"description": "Tugas", "owner": cast.outsider}],
                **fields(),
            )
        assert not Minutes.objects.exists()

    def test_editing_a_draft_keeps_no_version(self, cast):
        minutes = make_minutes(cast, Minutes.Status.DRAFT)
        rules.update_minutes(cast.officer, minutes, decisions="1. Keputusan baru.")
        assert not MinutesVersion.objects.exists()

    def test_editing_published_minutes_keeps_the_earlier_text(self, cast):
        minutes = make_minutes(cast)
        ActionItemFactory(minutes=minutes, description="Memotret produk", owner=cast.member)
        rules.confirm_minutes(cast.chair, minutes)
        old_decisions = minutes.decisions
        updated = rules.update_minutes(
            cast.officer,
            minutes,
            decisions="1. Kelas foto diundur satu minggu.",
            action_items=[{"description": "Mencari narasumber", "owner": cast.chair}],
        )
        version = MinutesVersion.objects.get(minutes=minutes)
        assert version.edited_by == cast.officer
        assert version.snapshot["decisions"] == old_decisions
        assert version.snapshot["confirmed_by"] == cast.chair.full_name
        assert version.snapshot["action_items"][0]["description"] == "Memotret produk"
        assert cast.member.full_name in version.snapshot["attendees"]
        assert updated.decisions == "1. Kelas foto diundur satu minggu."
        # The chair confirmed other words: they confirm again.
        assert updated.confirmed_at is None and updated.confirmed_by is None
        assert list(updated.action_items.values_list("description", flat=True)) == [
            "Mencari narasumber"
        ]

    def test_a_refused_edit_of_published_minutes_leaves_no_version(self, cast):
        minutes = make_minutes(cast)
        with pytest.raises(MinutesError):
            rules.update_minutes(cast.officer, minutes, agenda="")
        assert not MinutesVersion.objects.exists()
        minutes.refresh_from_db()
        assert minutes.agenda

    def test_publishing_tells_members_and_asks_the_chair_to_confirm(self, cast):
        minutes = make_minutes(cast, Minutes.Status.DRAFT)
        rules.publish_minutes(cast.officer, minutes, Minutes.Status.MEMBERS)
        minutes.refresh_from_db()
        assert minutes.status == Minutes.Status.MEMBERS and minutes.published_at
        assert Notification.objects.filter(user=cast.member).count() == 1
        assert Notification.objects.filter(user=cast.chair).count() == 1
        assert not Notification.objects.filter(user=cast.officer).exists()
        assert not Notification.objects.filter(user=cast.outsider).exists()

    def test_the_chair_is_emailed_after_commit(self, cast, django_capture_on_commit_callbacks):
        minutes = make_minutes(cast, Minutes.Status.DRAFT)
        with django_capture_on_commit_callbacks(execute=True):
            rules.publish_minutes(cast.officer, minutes, Minutes.Status.PUBLIC)
        assert [message.to for message in mail.outbox] == [[cast.chair.email]]

    def test_publishing_again_to_the_same_audience_is_refused(self, cast):
        minutes = make_minutes(cast, Minutes.Status.DRAFT)
        rules.publish_minutes(cast.officer, minutes, Minutes.Status.MEMBERS)
        first = Minutes.objects.get(pk=minutes.pk).published_at
        with pytest.raises(MinutesError):
            rules.publish_minutes(cast.officer, minutes, Minutes.Status.MEMBERS)
        rules.publish_minutes(cast.officer, minutes, Minutes.Status.PUBLIC)
        minutes.refresh_from_db()
        assert minutes.status == Minutes.Status.PUBLIC and minutes.published_at == first
        # Only the first publication tells people.
        assert Notification.objects.filter(user=cast.member).count() == 1

    def test_minutes_of_a_meeting_still_to_come_are_not_published(self, cast):
        minutes = make_minutes(
            cast, Minutes.Status.DRAFT, held_at=timezone.now() + timedelta(days=2)
        )
        with pytest.raises(MinutesError):
            rules.publish_minutes(cast.officer, minutes, Minutes.Status.PUBLIC)
        assert Minutes.objects.get(pk=minutes.pk).status == Minutes.Status.DRAFT

    def test_the_chair_of_the_meeting_confirms(self, cast):
        chair_of_meeting = cast.member
        minutes = make_minutes(cast, chair=chair_of_meeting)
        rules.confirm_minutes(chair_of_meeting, minutes)
        minutes.refresh_from_db()
        assert minutes.confirmed_by == chair_of_meeting and minutes.confirmed_at

    def test_the_communitys_ketua_confirms_minutes_someone_else_chaired(self, cast):
        minutes = make_minutes(cast, chair=cast.member)
        rules.confirm_minutes(cast.chair, minutes)
        assert Minutes.objects.get(pk=minutes.pk).confirmed_by == cast.chair

    @pytest.mark.parametrize(
        "role", ["member", "outsider", "officer", "other_officer", "editor", "administrator"]
    )
    def test_nobody_else_confirms(self, cast, role):
        minutes = make_minutes(cast)
        with pytest.raises(MinutesError):
            rules.confirm_minutes(cast.people[role], minutes)
        assert Minutes.objects.get(pk=minutes.pk).confirmed_at is None

    def test_drafts_are_not_confirmed_and_confirming_twice_is_refused(self, cast):
        draft = make_minutes(cast, Minutes.Status.DRAFT)
        with pytest.raises(MinutesError):
            rules.confirm_minutes(cast.chair, draft)
        minutes = make_minutes(cast)
        rules.confirm_minutes(cast.chair, minutes)
        first = Minutes.objects.get(pk=minutes.pk).confirmed_at
        with pytest.raises(MinutesError):
            rules.confirm_minutes(cast.chair, minutes)
        assert Minutes.objects.get(pk=minutes.pk).confirmed_at == first

    @pytest.mark.parametrize(
        ("role", "expected"),
        [
            ("visitor", {"public"}),
            ("member", {"members", "public"}),
            ("outsider", {"public"}),
            ("officer", {"draft", "members", "public"}),
            ("other_officer", {"public"}),
            ("editor", {"members", "public"}),
            ("administrator", {"members", "public"}),
        ],
    )
    def test_who_reads_what(self, cast, three, role, expected):
        from django.contrib.auth.models import AnonymousUser

        user = cast.people[role] or AnonymousUser()
        titles = {getattr(three, name).pk: name for name in ("draft", "members", "public")}
        seen = {titles[pk] for pk in rules.visible_to(user).values_list("pk", flat=True)}
        assert seen == expected

    def test_attachments_are_checked_for_kind_and_size(self, cast):
        assert rules.check_attachment(SimpleUploadedFile("notulen.pdf", PDF)) == "pdf"
        assert rules.check_attachment(SimpleUploadedFile("foto.JPEG", b"\xff\xd8\xff\xe0")) == "jpg"
        for name, content in [
            ("program.exe", b"MZ\x90\x00"),
            ("notulen.pdf", b"MZ\x90\x00 a program renamed"),
            ("catatan.txt", b"teks biasa"),
            ("gambar.png", PDF),
        ]:
            with pytest.raises(MinutesError):
                rules.check_attachment(SimpleUploadedFile(name, content))
        big = SimpleUploadedFile("besar.pdf", PDF)
        big.size = rules.ATTACHMENT_MAX_BYTES + 1
        with pytest.raises(MinutesError):
            rules.check_attachment(big)

    def test_an_attachment_becomes_a_document_in_the_root_collection(self, cast):
        minutes = rules.create_minutes(
            cast.officer,
            cast.home,
            attachment=SimpleUploadedFile("Daftar Hadir.pdf", PDF),
            **fields(),
        )
        document = minutes.attachments.get().document
        assert document.title == "Daftar Hadir"
        assert document.collection.is_root()
        assert document.file_extension == "pdf"
        # Stored under a name nobody can guess from the title.
        assert "Daftar" not in document.filename

    def test_the_meeting_time_reads_on_the_communitys_clock(self, cast):
        minutes = make_minutes(cast)
        minutes.held_at = timezone.make_aware(
            timezone.datetime(2026, 10, 3, 9, 0), rules.meeting_zone(cast.home)
        )
        with translation.override("id-id"):
            assert rules.when(minutes).endswith("09.00 WITA")
        assert rules.meeting_zone(cast.away).key == "Asia/Jakarta"


# --- Every role on every page -------------------------------------------------


class TestPages:
    @pytest.mark.parametrize("role", ROLES)
    def test_the_list_shows_what_each_role_may_read(self, client, cast, three, role):
        response = sign_in(client, cast.people[role]).get(NOTULEN)
        assert response.status_code == 200
        body = page_text(response)
        visible = {
            name for name in ("draft", "members", "public") if getattr(three, name).title in body
        }
        expected = {
            "visitor": {"public"},
            "member": {"members", "public"},
            "outsider": {"public"},
            "officer": {"draft", "members", "public"},
            "other_officer": {"public"},
            "editor": {"members", "public"},
            "administrator": {"members", "public"},
        }[role]
        assert visible == expected
        can_write = role in ("officer", "other_officer")
        assert ('href="/komunitas/notulen/baru/"' in body) is can_write

    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize("kind", ["draft", "members", "public"])
    def test_the_detail_and_printable_pages(self, client, cast, three, role, kind):
        readers = {
            "draft": {"officer"},
            "members": {"member", "officer", "editor", "administrator"},
            "public": set(ROLES),
        }[kind]
        minutes = getattr(three, kind)
        sign_in(client, cast.people[role])
        for url in (f"{NOTULEN}{minutes.pk}/", f"{NOTULEN}{minutes.pk}/cetak/"):
            response = client.get(url)
            if role in readers:
                assert response.status_code == 200
                assert minutes.title in page_text(response)
            else:
                assert response.status_code == 404

    @pytest.mark.parametrize("role", ROLES)
    def test_officer_tools_and_the_confirm_button_on_the_detail(self, client, cast, three, role):
        body = page_text(sign_in(client, cast.people[role]).get(f"{NOTULEN}{three.public.pk}/"))
        assert (f"{NOTULEN}{three.public.pk}/ubah/" in body) is (role == "officer")
        assert f"{NOTULEN}{three.public.pk}/sahkan/" not in body
        # Only the chair is offered the confirmation.
        client.force_login(cast.chair)
        body = page_text(client.get(f"{NOTULEN}{three.public.pk}/"))
        assert f"{NOTULEN}{three.public.pk}/sahkan/" in body

    @pytest.mark.parametrize("role", ROLES)
    def test_the_new_minutes_form(self, client, cast, role):
        response = sign_in(client, cast.people[role]).get(f"{NOTULEN}baru/")
        if role == "visitor":
            assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
        elif role in ("officer", "other_officer"):
            assert response.status_code == 200
            community = cast.home if role == "officer" else cast.away
            assert community.name in page_text(response)
        else:
            assert response.status_code == 403
            assert shown(
                "Only the officers of a community can write or change its minutes."
            ) in page_text(response)

    @pytest.mark.parametrize("role", ROLES)
    def test_the_edit_form(self, client, cast, three, role):
        sign_in(client, cast.people[role])
        for minutes in (three.members, three.public):
            response = client.get(f"{NOTULEN}{minutes.pk}/ubah/")
            readable = role in ("member", "officer", "editor", "administrator") or (
                minutes is three.public
            )
            if role == "visitor":
                assert response.status_code == 302
            elif role == "officer":
                assert response.status_code == 200
                assert minutes.agenda.splitlines()[0] in page_text(response)
            elif not readable:
                assert response.status_code == 404
            else:
                assert response.status_code == 403
                assert shown(
                    "Only the officers of this community can write or change its minutes."
                ) in page_text(response)

    @pytest.mark.parametrize("role", ROLES)
    def test_writing_minutes(self, client, cast, role):
        response = sign_in(client, cast.people[role]).post(f"{NOTULEN}baru/", form_data(cast))
        if role == "officer":
            minutes = Minutes.objects.get()
            assert response.status_code == 302
            assert response["Location"] == f"{NOTULEN}{minutes.pk}/"
            assert minutes.status == Minutes.Status.DRAFT
            assert minutes.community == cast.home
            assert set(minutes.attendees.all()) == {cast.chair, cast.officer, cast.member}
            item = minutes.action_items.get()
            assert item.description == "Membuka akun toko bersama" and item.owner == cast.member
            assert rules.local_held_at(minutes).hour == 9
            assert rules.local_held_at(minutes).utcoffset() == timedelta(hours=8)  # WITA
        elif role == "visitor":
            assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
        elif role == "other_officer":
            # Writes for their own community, so people of this one are refused.
            assert response.status_code == 200
            assert response.context["form"].errors
        else:
            assert response.status_code == 403
        if role != "officer":
            assert not Minutes.objects.exists()

    @pytest.mark.parametrize("role", ROLES)
    def test_changing_minutes(self, client, cast, three, role):
        minutes = three.public
        before = (minutes.title, minutes.updated_at)
        response = sign_in(client, cast.people[role]).post(
            f"{NOTULEN}{minutes.pk}/ubah/", edit_data(cast, minutes, title="Judul Baru")
        )
        minutes.refresh_from_db()
        if role == "officer":
            assert response.status_code == 302
            assert minutes.title == "Judul Baru"
        else:
            assert response.status_code == (302 if role == "visitor" else 403)
            assert (minutes.title, minutes.updated_at) == before
            assert not MinutesVersion.objects.exists()

    @pytest.mark.parametrize("role", ROLES)
    def test_publishing(self, client, cast, three, role):
        response = sign_in(client, cast.people[role]).post(
            f"{NOTULEN}{three.draft.pk}/terbitkan/", {"audience": "public"}
        )
        three.draft.refresh_from_db()
        if role == "officer":
            assert response.status_code == 302
            assert three.draft.status == Minutes.Status.PUBLIC
        else:
            # Nobody else even sees the draft.
            assert response.status_code == (302 if role == "visitor" else 404)
            assert three.draft.status == Minutes.Status.DRAFT
        response = client.post(f"{NOTULEN}{three.members.pk}/terbitkan/", {"audience": "public"})
        three.members.refresh_from_db()
        assert (three.members.status == Minutes.Status.PUBLIC) is (role == "officer")
        if role in ("member", "editor", "administrator"):
            followed = client.get(response["Location"])
            assert shown(
                "Only the officers of this community can write or change its minutes."
            ) in messages_on(followed)

    @pytest.mark.parametrize("role", ROLES)
    def test_confirming(self, client, cast, three, role):
        response = sign_in(client, cast.people[role]).post(f"{NOTULEN}{three.public.pk}/sahkan/")
        three.public.refresh_from_db()
        assert three.public.confirmed_at is None
        if role == "visitor":
            assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
        else:
            assert response.status_code == 302
            followed = client.get(response["Location"])
            assert shown(
                "Only the chair of the meeting or the community's ketua can confirm these minutes."
            ) in messages_on(followed)

    def test_the_chair_confirms_on_the_site(self, client, cast, three):
        client.force_login(cast.chair)
        response = client.post(f"{NOTULEN}{three.members.pk}/sahkan/", follow=True)
        three.members.refresh_from_db()
        assert three.members.confirmed_by == cast.chair
        assert shown("Thank you: you have confirmed these minutes.") in messages_on(response)
        assert f"{NOTULEN}{three.members.pk}/sahkan/" not in page_text(response)

    @pytest.mark.parametrize("role", ROLES)
    def test_attachments_follow_the_minutes(self, client, cast, three, role):
        attachment = rules.update_minutes(
            cast.officer, three.members, attachment=SimpleUploadedFile("Daftar Hadir.pdf", PDF)
        ).attachments.get()
        response = sign_in(client, cast.people[role]).get(
            f"{NOTULEN}{three.members.pk}/lampiran/{attachment.pk}/"
        )
        if role in ("member", "officer", "editor", "administrator"):
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
            assert response["Content-Type"] == "application/pdf"
        else:
            assert response.status_code == 404
        # An attachment is reached only through its own minutes.
        response = client.get(f"{NOTULEN}{three.public.pk}/lampiran/{attachment.pk}/")
        assert response.status_code == 404


# --- Bad input ---------------------------------------------------------------


class TestBadInput:
    def test_minutes_for_another_communitys_event(self, client, cast):
        event = make_event(cast.away)
        client.force_login(cast.officer)
        response = client.post(f"{NOTULEN}baru/", form_data(cast, event=event.pk))
        assert response.status_code == 200
        assert in_indonesian(
            "Minutes can only be written for an event of %(community)s.",
            community=cast.home.name,
        ) in page_text(response)
        assert not Minutes.objects.exists()

    def test_starting_from_another_communitys_event(self, client, cast):
        event = make_event(cast.away, title="Bazar Kalimalang")
        client.force_login(cast.officer)
        response = client.get(f"{NOTULEN}baru/?acara={event.pk}")
        assert response.status_code == 200
        assert in_indonesian(
            "Minutes can only be written for an event of %(community)s.",
            community=cast.home.name,
        ) in messages_on(response)
        assert "Bazar Kalimalang" not in page_text(response)

    def test_starting_from_an_event_fills_in_its_attendance(self, client, cast):
        event = make_event(cast.home, title="Pertemuan Anggota Oktober")
        Rsvp.objects.create(event=event, user=cast.member, attended=True)
        client.force_login(cast.officer)
        response = client.get(f"{NOTULEN}baru/?acara={event.pk}")
        form = response.context["form"]
        assert form.initial["attendees"] == [cast.member.pk]
        assert "Pertemuan Anggota Oktober" in form.initial["title"]
        # Posting with nobody ticked takes the attendance too.
        data = form_data(cast, event=event.pk)
        del data["attendees"]
        client.post(f"{NOTULEN}baru/", data)
        assert list(Minutes.objects.get().attendees.all()) == [cast.member]

    def test_an_empty_agenda(self, client, cast):
        client.force_login(cast.officer)
        response = client.post(f"{NOTULEN}baru/", form_data(cast, agenda="   "))
        assert response.status_code == 200
        assert in_indonesian("Write the agenda of the meeting.") in page_text(response)
        assert not Minutes.objects.exists()

    def test_emptying_the_agenda_of_published_minutes(self, client, cast, three):
        client.force_login(cast.officer)
        response = client.post(
            f"{NOTULEN}{three.members.pk}/ubah/", edit_data(cast, three.members, agenda="")
        )
        assert in_indonesian("Write the agenda of the meeting.") in page_text(response)
        three.members.refresh_from_db()
        assert three.members.agenda and not MinutesVersion.objects.exists()

    def test_a_member_editing(self, client, cast, three):
        client.force_login(cast.member)
        response = client.post(
            f"{NOTULEN}{three.members.pk}/ubah/",
            edit_data(cast, three.members, decisions="Keputusan palsu."),
        )
        assert response.status_code == 403
        assert in_indonesian(
            "Only the officers of this community can write or change its minutes."
        ) in page_text(response)
        three.members.refresh_from_db()
        assert three.members.decisions != "Keputusan palsu."
        assert not MinutesVersion.objects.exists()

    def test_an_officer_of_another_community_editing(self, client, cast, three):
        client.force_login(cast.other_officer)
        response = client.post(
            f"{NOTULEN}{three.public.pk}/ubah/", edit_data(cast, three.public, title="Diambil alih")
        )
        assert response.status_code == 403
        three.public.refresh_from_db()
        assert three.public.title != "Diambil alih"

    def test_confirming_by_an_officer_who_is_not_the_chair(self, client, cast, three):
        client.force_login(cast.officer)
        response = client.post(f"{NOTULEN}{three.members.pk}/sahkan/", follow=True)
        assert in_indonesian(
            "Only the chair of the meeting or the community's ketua can confirm these minutes."
        ) in messages_on(response)
        three.members.refresh_from_db()
        assert three.members.confirmed_at is None and three.members.confirmed_by is None

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("program.exe", b"MZ\x90\x00\x03"),
            ("notulen.pdf", b"MZ\x90\x00\x03 renamed program"),
            ("catatan.txt", b"hanya teks"),
            ("foto.png", b"GIF89a"),
        ],
    )
    def test_an_attachment_of_the_wrong_type(self, client, cast, name, content):
        client.force_login(cast.officer)
        data = form_data(cast, attachment=SimpleUploadedFile(name, content))
        response = client.post(f"{NOTULEN}baru/", data)
        assert response.status_code == 200
        assert in_indonesian("Attach a PDF, Word (docx), JPG or PNG file.") in page_text(response)
        assert not Minutes.objects.exists()
        assert not Document.objects.exists()

    def test_a_wrong_attachment_on_published_minutes_changes_nothing(self, client, cast, three):
        client.force_login(cast.officer)
        data = edit_data(
            cast,
            three.members,
            title="Judul Baru",
            attachment=SimpleUploadedFile("virus.docx", b"MZ\x90\x00"),
        )
        response = client.post(f"{NOTULEN}{three.members.pk}/ubah/", data)
        assert in_indonesian("Attach a PDF, Word (docx), JPG or PNG file.") in page_text(response)
        three.members.refresh_from_db()
        assert three.members.title != "Judul Baru"
        assert not MinutesVersion.objects.exists() and not Document.objects.exists()

    def test_an_action_item_without_a_description(self, client, cast):
        client.force_login(cast.officer)
        data = form_data(cast, **{"aksi-0-description": "", "aksi-0-owner": cast.member.pk})
        response = client.post(f"{NOTULEN}baru/", data)
        assert in_indonesian("Describe what is to be done in each action item.") in page_text(
            response
        )
        assert not Minutes.objects.exists()

    def test_an_attendee_from_another_community(self, client, cast):
        client.force_login(cast.officer)
        response = client.post(
            f"{NOTULEN}baru/", form_data(cast, attendees=[cast.member.pk, cast.outsider.pk])
        )
        assert response.status_code == 200
        assert not Minutes.objects.exists()

    def test_publishing_to_an_unknown_audience(self, client, cast, three):
        client.force_login(cast.officer)
        response = client.post(
            f"{NOTULEN}{three.draft.pk}/terbitkan/", {"audience": "semua"}, follow=True
        )
        assert in_indonesian(
            "Choose whether to publish to members or to the public."
        ) in messages_on(response)
        three.draft.refresh_from_db()
        assert three.draft.status == Minutes.Status.DRAFT

    def test_pages_only_take_post_for_changes(self, client, cast, three):
        client.force_login(cast.officer)
        assert client.get(f"{NOTULEN}{three.draft.pk}/terbitkan/").status_code == 405
        assert client.get(f"{NOTULEN}{three.draft.pk}/sahkan/").status_code == 405


# --- History, attachments and the minute book ----------------------------------


class TestRecord:
    def test_editing_published_minutes_keeps_the_history_visible(self, client, cast, three):
        minutes = three.members
        old = minutes.decisions
        client.force_login(cast.chair)
        client.post(f"{NOTULEN}{minutes.pk}/sahkan/")
        client.force_login(cast.officer)
        response = client.post(
            f"{NOTULEN}{minutes.pk}/ubah/",
            edit_data(cast, minutes, decisions="1. Kelas foto diundur ke bulan Desember."),
            follow=True,
        )
        assert shown(
            "The minutes are updated; the earlier text is kept in their history."
        ) in messages_on(response)
        version = MinutesVersion.objects.get(minutes=minutes)
        assert version.snapshot["decisions"] == old
        # A member reads the new text and, in the history, the old one.
        client.force_login(cast.member)
        body = page_text(client.get(f"{NOTULEN}{minutes.pk}/"))
        history = body[body.index('class="minutes-history"') :]
        assert "1. Kelas foto diundur ke bulan Desember." in body[: body.index("minutes-history")]
        assert old in history
        assert cast.officer.full_name in history
        assert shown("Not yet confirmed by the chair.") in body

    def test_attachments_added_and_removed_in_the_edit_form(self, client, cast, three):
        minutes = three.public
        client.force_login(cast.officer)
        client.post(
            f"{NOTULEN}{minutes.pk}/ubah/",
            edit_data(cast, minutes, attachment=SimpleUploadedFile("Foto Rapat.png", PNG)),
        )
        attachment = MinutesAttachment.objects.get(minutes=minutes)
        assert attachment.document.title == "Foto Rapat"
        body = page_text(client.get(f"{NOTULEN}{minutes.pk}/"))
        assert f"{NOTULEN}{minutes.pk}/lampiran/{attachment.pk}/" in body
        client.post(
            f"{NOTULEN}{minutes.pk}/ubah/",
            edit_data(cast, minutes, remove_attachments=[attachment.pk]),
        )
        assert not MinutesAttachment.objects.exists()
        # The document stays for the history, which still names it.
        assert Document.objects.count() == 1
        assert MinutesVersion.objects.order_by("edited_at").last().snapshot["attachments"] == [
            "Foto Rapat"
        ]

    def test_the_printable_page_shows_the_minute_book_fields(self, client, cast, three):
        minutes = three.members
        minutes.guests = 2
        minutes.kind = Minutes.Kind.BOARD
        minutes.save()
        ActionItemFactory(minutes=minutes, description="Membeli kain latar", owner=cast.member)
        client.force_login(cast.member)
        with translation.override("id-id"):
            response = client.get(f"{NOTULEN}{minutes.pk}/cetak/", HTTP_ACCEPT_LANGUAGE="id")
            when = rules.when(minutes)
            day = rules.day(minutes)
        body = page_text(response)
        assert 'class="page-minutes-print"' in body
        for text in [
            shown("Minute book of board meetings"),
            minutes.community.name,
            shown("Meeting kind"),
            minutes.get_kind_display(),
            when,
            minutes.place,
            shown("Chaired by"),
            cast.chair.full_name,
            shown("Minutes taken by"),
            cast.officer.full_name,
            shown("Number present"),
            "5 ",  # three members and two guests
            shown("Agenda"),
            "Evaluasi penjualan online.",
            shown("Decisions"),
            "Kelas foto produk diadakan bulan depan.",
            "Membeli kain latar",
            shown("Chair of the meeting"),
            shown("Secretary (minute taker)"),
            f"{minutes.community.regency}, {day}",
        ]:
            assert text in body, text

    def test_the_print_stylesheet_lays_out_an_a4_minute_book(self):
        from pathlib import Path

        from django.contrib.staticfiles import finders

        css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
        section = css[css.index("/* Minutes */") :]
        assert "@page minute-book" in section and "size: A4 portrait" in section
        assert "page: minute-book" in section


# --- Query counts -------------------------------------------------------------


class TestQueryCounts:
    def count(self, client, url):
        client.get(url)  # warm caches (site settings, sessions)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    @pytest.mark.parametrize("role", ["visitor", "member", "officer", "editor"])
    def test_the_list_costs_the_same_for_1_and_20_minutes(self, client, cast, role):
        sign_in(client, cast.people[role])
        event = make_event(cast.home)

        def add(number):
            for index in range(number):
                minutes = make_minutes(
                    cast, Minutes.Status.PUBLIC, event=event if index % 2 else None
                )
                ActionItemFactory(minutes=minutes, owner=cast.member)

        add(1)
        one = self.count(client, NOTULEN)
        add(19)
        twenty = self.count(client, NOTULEN)
        assert Minutes.objects.count() == 20
        assert one == twenty

    def test_the_detail_costs_the_same_whatever_its_length(self, client, cast):
        client.force_login(cast.member)
        short = make_minutes(cast)
        long = make_minutes(cast)
        people = [MembershipFactory(community=cast.home).user for _ in range(10)]
        long.attendees.add(*people)
        for person in people:
            ActionItemFactory(minutes=long, owner=person)
        for number in range(3):
            rules.update_minutes(cast.officer, long, decisions=f"Keputusan {number}")
        MinutesVersion.objects.filter(minutes=short).delete()
        rules.update_minutes(cast.officer, short, decisions="Keputusan")
        assert self.count(client, f"{NOTULEN}{short.pk}/") == self.count(
            client, f"{NOTULEN}{long.pk}/"
        )


# --- Demo content -------------------------------------------------------------


class TestDemo:
    def test_demo_minutes_are_realistic_and_safe_to_reload(self, client):
        from community.demo_events import load_events
        from community.demo_minutes import PUBLISHED, load_minutes

        call_command("load_demo_data", stdout=StringIO())
        admin = AdministratorFactory()
        load_events(admin)
        first = load_minutes(admin)
        again = load_minutes(admin)
        assert [m.pk for m in first] == [m.pk for m in again]
        assert Minutes.objects.count() == 2
        published, draft = again
        assert published.community.slug == "e-umkm-karangasem"
        assert published.status == Minutes.Status.MEMBERS
        assert published.chair.email == "luh.sukerti@contoh.id"
        assert published.secretary.email == "wayan.sudarsana@contoh.id"
        assert published.confirmed_by == published.chair
        assert published.event is not None and published.event.community == published.community
        assert published.attendees.count() == 4
        assert ActionItem.objects.filter(minutes=published).count() == len(
            PUBLISHED["action_items"]
        )
        assert all(item.owner for item in published.action_items.all())
        assert "toko bersama" in published.decisions and "marketplace" in published.decisions
        assert "foto" in published.decisions.lower()
        assert draft.status == Minutes.Status.DRAFT
        assert not MinutesVersion.objects.exists()
        # A member of Karangasem reads them; the draft stays with the officers.
        client.force_login(published.attendees.exclude(pk=published.chair_id).first())
        assert client.get(f"{NOTULEN}{published.pk}/").status_code == 200
        assert client.get(f"{NOTULEN}{published.pk}/cetak/").status_code == 200
        client.force_login(published.chair)
        assert client.get(f"{NOTULEN}{draft.pk}/").status_code == 200

    def test_demo_minutes_without_the_demo_agenda(self):
        from community.demo_minutes import load_minutes

        community = CommunityFactory(slug="e-umkm-karangasem", regency="Karangasem")
        for email in ("luh.sukerti@contoh.id", "wayan.sudarsana@contoh.id"):
            MembershipFactory(community=community, user=MemberFactory(email=email))
        published, draft = load_minutes(AdministratorFactory())
        assert published.event is None
        assert published.held_at < timezone.now() and draft.held_at < timezone.now()
        assert published.attendees.count() == 2
