"""Communities and members: joining, deciding, the members-only directory,
the community page, and the administrator's first-board terms in the admin.

Messages are compared with their Indonesian form (`in_indonesian`), so the
tests hold before and after the catalogue has them; `tests/site/test_i18n.py`
checks that the catalogue is complete.
"""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry

from community import demo_membership
from community import membership as rules
from community.membership import MembershipError
from community.models import Community, Membership, OfficerTerm
from courses.models import Certificate
from courses.stages import stage_of
from pusat.accounts.models import Notification
from tests.courses.conftest import make_course
from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MemberFactory,
    MembershipFactory,
    OfficerTermFactory,
)
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

MOTIVATION = "Saya menjual keripik dan ingin belajar berjualan online."


def in_indonesian(msgid, **params):
    """The Indonesian interface text for `msgid` (the msgid itself until the
    catalogue has it), with its parameters filled in."""
    with translation.override("id-id"):
        text = str(translation.gettext(msgid))
    return text % params if params else text


def officer_of(community, role=OfficerTerm.Role.CHAIR, **term):
    """An officer who is also an active member of the community."""
    user = MembershipFactory(community=community).user
    OfficerTermFactory(community=community, user=user, role=role, **term)
    return user


@pytest.fixture
def world():
    community = CommunityFactory(name="Komunitas e-UMKM Sidemen", slug="e-umkm-sidemen")
    other = CommunityFactory(name="Komunitas e-UMKM Abang", slug="e-umkm-abang")
    people = {
        "visitor": None,
        "newcomer": MemberFactory(full_name="Wayan Pendatang"),
        "member": MembershipFactory(community=community).user,
        "other_member": MembershipFactory(community=other).user,
        "officer": officer_of(community),
        "other_officer": officer_of(other),
        "editor": EditorFactory(),
        "administrator": AdministratorFactory(),
    }
    applicant = MemberFactory(full_name="Ketut Pemohon")
    pending = rules.request_to_join(applicant, community, MOTIVATION)
    return community, other, people, pending


def outcome(client, person, url, method="get", data=None):
    client.logout()
    if person is not None:
        client.force_login(person)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/akun/masuk/"):
            return "login"
        return f"redirect {location}"
    return response.status_code


ROLES = [
    "visitor",
    "newcomer",
    "member",
    "other_member",
    "officer",
    "other_officer",
    "editor",
    "administrator",
]
BACK = "redirect /komunitas/e-umkm-sidemen/"
# Expected outcome per role, in the order of ROLES. The community has a
# board, so its administrator does not decide on its requests.
MATRIX = {
    ("get", "/komunitas/"): [200] * 8,
    ("get", "/komunitas/e-umkm-sidemen/"): [200] * 8,
    ("get", "/komunitas/tidak-ada/"): [404] * 8,
    ("get", "/komunitas/e-umkm-sidemen/gabung/"): ["login", 200] + [BACK] * 6,
    # Everyone but the newcomer is refused (with a message) on the same page.
    ("post", "/komunitas/e-umkm-sidemen/gabung/"): ["login"] + [BACK] * 7,
    ("get", "/komunitas/e-umkm-sidemen/anggota/"): [
        "login",
        403,
        200,
        403,
        200,
        403,
        403,
        200,
    ],
    ("get", "/komunitas/e-umkm-sidemen/permintaan/"): ["login"] + [403] * 3 + [200] + [403] * 3,
    ("get", "/komunitas/permintaan/{pending}/"): ["login"] + [403] * 3 + [200] + [403] * 3,
    ("post", "/komunitas/permintaan/{pending}/"): ["login"] + [403] * 3 + [200] + [403] * 3,
}


@pytest.mark.parametrize(("method", "pattern"), list(MATRIX))
def test_every_role_on_every_view(client, world, method, pattern):
    community, other, people, pending = world
    url = pattern.format(pending=pending.pk)
    # A decline without a reason: refused for everyone, so the row never changes.
    data = {"decision": "decline", "reason": "", "motivation": MOTIVATION}
    got = [outcome(client, people[role], url, method, data) for role in ROLES]
    assert dict(zip(ROLES, got, strict=True)) == dict(
        zip(ROLES, MATRIX[(method, pattern)], strict=True)
    )
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING
    joined = set(Membership.objects.values_list("user", flat=True)) - {pending.user_id}
    expected = {people[role].pk for role in ["member", "other_member", "officer", "other_officer"]}
    if pattern.endswith("gabung/") and method == "post":
        expected.add(people["newcomer"].pk)
    assert joined == expected


def test_reserved_prefixes_are_never_taken_for_a_community(client):
    CommunityFactory(slug="agenda")  # only possible outside the admin form
    assert client.get("/komunitas/agenda/").resolver_match.url_name == "agenda"
    assert client.get("/komunitas/pemilihan/").resolver_match.url_name == "elections"
    CommunityFactory(slug="agenda-bali")
    assert client.get("/komunitas/agenda-bali/").resolver_match.url_name == "detail"


# --- Joining ----------------------------------------------------------------------


def test_a_member_asks_to_join_and_the_officers_hear_of_it(client, world):
    community, other, people, pending = world
    newcomer, officer = people["newcomer"], people["officer"]
    client.force_login(newcomer)
    page = page_text(client.get("/komunitas/e-umkm-sidemen/"))
    assert 'href="/komunitas/e-umkm-sidemen/gabung/"' in page
    response = client.post(
        "/komunitas/e-umkm-sidemen/gabung/", {"motivation": "  " + MOTIVATION + " "}, follow=True
    )
    membership = Membership.objects.get(user=newcomer)
    assert membership.community == community
    assert membership.status == Membership.Status.PENDING
    assert membership.motivation == MOTIVATION
    assert in_indonesian(
        "Your request has been sent. The officers of %(community)s will decide soon.",
        community=community.name,
    ) in page_text(response)
    assert Notification.objects.filter(
        user=officer, url="/komunitas/e-umkm-sidemen/permintaan/"
    ).exists()
    # The administrator is not told: the community has a board.
    assert not Notification.objects.filter(user=people["administrator"]).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(membership.pk), action=rules.LOG_REQUESTED, user=newcomer
    ).exists()
    # The page now says the request is waiting, and offers no second one.
    page = page_text(client.get("/komunitas/e-umkm-sidemen/"))
    assert 'href="/komunitas/e-umkm-sidemen/gabung/"' not in page


def test_a_visitor_is_invited_to_sign_in_first(client, world):
    page = page_text(client.get("/komunitas/e-umkm-sidemen/"))
    assert 'href="/akun/masuk/?next=/komunitas/e-umkm-sidemen/gabung/"' in page
    response = client.post("/komunitas/e-umkm-sidemen/gabung/", {"motivation": MOTIVATION})
    assert response["Location"].startswith("/akun/masuk/")


def refused_to_join(client, user, slug, message, data=None):
    """Posting a join request is refused with `message`; nothing changes."""
    before = list(Membership.objects.order_by("pk").values())
    client.force_login(user)
    response = client.post(
        f"/komunitas/{slug}/gabung/", data or {"motivation": MOTIVATION}, follow=True
    )
    assert message in page_text(response)
    assert list(Membership.objects.order_by("pk").values()) == before


def test_asking_twice_is_refused(client, world):
    community, other, people, pending = world
    message = in_indonesian(
        "Your request to join %(community)s is already waiting for a decision.",
        community=community.name,
    )
    refused_to_join(client, pending.user, community.slug, message)


def test_asking_a_second_community_while_waiting_is_refused(client, world):
    community, other, people, pending = world
    message = in_indonesian(
        "You have already asked to join %(community)s. Please wait for that decision "
        "before asking another community.",
        community=community.name,
    )
    refused_to_join(client, pending.user, other.slug, message)


def test_a_member_of_another_community_cannot_join_a_second_one(client, world):
    community, other, people, pending = world
    message = in_indonesian(
        "You are already a member of %(community)s. A member belongs to one community only.",
        community=other.name,
    )
    refused_to_join(client, people["other_member"], community.slug, message)


def test_joining_ones_own_community_again_is_refused(client, world):
    community, other, people, pending = world
    message = in_indonesian("You are already a member of %(community)s.", community=community.name)
    refused_to_join(client, people["member"], community.slug, message)


def test_an_editor_without_a_member_account_cannot_join(client, world):
    community, other, people, pending = world
    message = in_indonesian("Only member accounts can join a community. Sign up as a member first.")
    refused_to_join(client, people["editor"], community.slug, message)


def test_a_request_needs_a_motivation(client, world):
    community, other, people, pending = world
    message = in_indonesian("Write a few words about why you want to join.")
    refused_to_join(client, people["newcomer"], community.slug, message, {"motivation": "   "})
    with pytest.raises(MembershipError, match=re.escape(message)):
        rules.request_to_join(people["newcomer"], community, "")
    too_long = "x" * (rules.MOTIVATION_MAX_LENGTH + 1)
    with pytest.raises(MembershipError):
        rules.request_to_join(people["newcomer"], community, too_long)
    assert not Membership.objects.filter(user=people["newcomer"]).exists()


def test_a_declined_member_may_ask_again_here_or_elsewhere(world):
    community, other, people, pending = world
    rules.decide(people["officer"], pending, accept=False, reason="Usaha belum berjalan.")
    again = rules.request_to_join(pending.user, other, "Sekarang usaha saya sudah berjalan.")
    assert again.pk == pending.pk  # one row per person
    assert again.community == other
    assert again.status == Membership.Status.PENDING
    assert again.decline_reason == ""
    assert again.decided_by is None
    # The earlier decision stays in the history.
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(pending.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [rules.LOG_REQUESTED, rules.LOG_DECLINED, rules.LOG_REQUESTED]


# --- Deciding ---------------------------------------------------------------------


def test_an_officer_accepts_and_the_member_is_told_on_site_and_by_email(
    client, world, django_capture_on_commit_callbacks
):
    community, other, people, pending = world
    client.force_login(people["officer"])
    page = page_text(client.get("/komunitas/e-umkm-sidemen/permintaan/"))
    assert "Ketut Pemohon" in page
    assert MOTIVATION in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/komunitas/permintaan/{pending.pk}/", {"decision": "accept"}, follow=True
        )
    assert response.redirect_chain[-1][0] == "/komunitas/e-umkm-sidemen/permintaan/"
    pending.refresh_from_db()
    assert pending.status == Membership.Status.ACTIVE
    assert pending.decided_by == people["officer"]
    assert pending.decided_at is not None
    notification = Notification.objects.get(user=pending.user)
    assert notification.url == "/komunitas/e-umkm-sidemen/"
    assert community.name in notification.message
    assert [message.to for message in mail.outbox] == [[pending.user.email]]
    assert community.name in mail.outbox[0].subject
    assert ModelLogEntry.objects.filter(
        object_id=str(pending.pk), action=rules.LOG_ACCEPTED, user=people["officer"]
    ).exists()
    # The new member now sees the directory.
    client.force_login(pending.user)
    assert client.get("/komunitas/e-umkm-sidemen/anggota/").status_code == 200


def test_an_officer_declines_with_a_reason_the_member_reads(
    client, world, django_capture_on_commit_callbacks
):
    community, other, people, pending = world
    client.force_login(people["officer"])
    reason = "Komunitas ini untuk pelaku usaha di Sidemen; silakan bergabung ke Abang."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/komunitas/permintaan/{pending.pk}/", {"decision": "decline", "reason": reason}
        )
    pending.refresh_from_db()
    assert pending.status == Membership.Status.DECLINED
    assert pending.decline_reason == reason
    assert reason in Notification.objects.get(user=pending.user).message
    assert reason in mail.outbox[0].body
    client.force_login(pending.user)
    assert reason in page_text(client.get("/komunitas/e-umkm-sidemen/"))


def test_declining_without_a_reason_is_refused_and_changes_nothing(client, world):
    community, other, people, pending = world
    client.force_login(people["officer"])
    response = client.post(
        f"/komunitas/permintaan/{pending.pk}/", {"decision": "decline", "reason": "  "}
    )
    assert in_indonesian(
        "Give a reason when you decline a request; the member will read it."
    ) in page_text(response)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING
    assert pending.decided_by is None
    assert not Notification.objects.filter(user=pending.user).exists()


def test_an_officer_of_another_community_cannot_decide(client, world):
    community, other, people, pending = world
    client.force_login(people["other_officer"])
    response = client.post(f"/komunitas/permintaan/{pending.pk}/", {"decision": "accept"})
    assert response.status_code == 403
    assert in_indonesian(
        "Only the officers of %(community)s may decide on its join requests.",
        community=community.name,
    ) in page_text(response)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING
    with pytest.raises(MembershipError):
        rules.decide(people["other_officer"], pending, accept=True)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_a_member_who_is_not_an_officer_cannot_decide(client, world):
    community, other, people, pending = world
    client.force_login(people["member"])
    response = client.post(f"/komunitas/permintaan/{pending.pk}/", {"decision": "accept"})
    assert response.status_code == 403
    assert in_indonesian(
        "Only the officers of %(community)s may decide on its join requests.",
        community=community.name,
    ) in page_text(response)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_a_request_is_decided_once(client, world):
    community, other, people, pending = world
    rules.decide(people["officer"], pending, accept=True)
    second_officer = officer_of(community, role=OfficerTerm.Role.SECRETARY)
    client.force_login(second_officer)
    response = client.post(
        f"/komunitas/permintaan/{pending.pk}/", {"decision": "decline", "reason": "Terlambat."}
    )
    assert in_indonesian("This request has already been decided.") in page_text(response)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.ACTIVE
    assert pending.decided_by == people["officer"]


def test_a_missing_decision_is_refused(client, world):
    community, other, people, pending = world
    client.force_login(people["officer"])
    response = client.post(f"/komunitas/permintaan/{pending.pk}/", {"decision": "maybe"})
    assert in_indonesian("Choose accept or decline.") in page_text(response)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


# --- An administrator acts for a community without a board -----------------------


def test_an_administrator_decides_only_while_the_community_has_no_board(
    client, django_capture_on_commit_callbacks
):
    community = CommunityFactory(slug="e-umkm-baru", name="Komunitas e-UMKM Baru")
    administrator = AdministratorFactory()
    first, second = MemberFactory(), MemberFactory()
    rules.request_to_join(first, community, MOTIVATION)
    # Without a board the administrators hear of the request.
    assert Notification.objects.filter(user=administrator).count() == 1

    client.force_login(administrator)
    page = page_text(client.get("/komunitas/e-umkm-baru/"))
    assert 'href="/komunitas/e-umkm-baru/permintaan/"' in page
    assert client.get("/komunitas/e-umkm-baru/permintaan/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/komunitas/permintaan/{first.membership.pk}/", {"decision": "accept"}, follow=True
        )
    first.membership.refresh_from_db()
    assert first.membership.status == Membership.Status.ACTIVE
    assert first.membership.decided_by == administrator

    # The first board is recorded: from now on its officers decide.
    rules.record_bootstrap_term(
        administrator,
        community=community,
        user=first,
        role=OfficerTerm.Role.CHAIR,
        starts_on=timezone.localdate(),
    )
    request = rules.request_to_join(second, community, MOTIVATION)
    response = client.post(f"/komunitas/permintaan/{request.pk}/", {"decision": "accept"})
    assert response.status_code == 403
    assert in_indonesian(
        "%(community)s has a board now: its officers decide on join requests, "
        "not an administrator.",
        community=community.name,
    ) in page_text(response)
    request.refresh_from_db()
    assert request.status == Membership.Status.PENDING
    rules.decide(first, request, accept=True)
    request.refresh_from_db()
    assert request.status == Membership.Status.ACTIVE


def test_when_the_last_term_ends_the_administrator_acts_again(world):
    community, other, people, pending = world
    administrator, officer = people["administrator"], people["officer"]
    assert not rules.can_decide(administrator, community)
    OfficerTerm.objects.filter(community=community).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert not rules.can_decide(officer, community)
    assert rules.can_decide(administrator, community)
    rules.decide(administrator, pending, accept=True)


# --- The members-only directory ---------------------------------------------------


def certify(user, course):
    Certificate.objects.create(
        user=user,
        course=course,
        code=f"PKK-{user.pk:04d}{course.pk:04d}",
        member_name=user.full_name,
        course_title=course.title,
    )


def test_the_directory_lists_active_members_with_business_region_and_stage(client, world):
    community, other, people, pending = world
    presence = make_course("Email untuk Bisnis", stage="presence", lessons=1)
    portal = make_course("Blog dan Web Marketing", stage="portal", lessons=1)
    star = MembershipFactory(
        community=community,
        user__full_name="Ni Luh Bintang",
        user__business_name="Endek Bintang",
        user__regency="Karangasem",
        user__district="Sidemen",
    ).user
    certify(star, presence)
    certify(star, portal)
    certify(people["member"], portal)  # portal without presence: still preparatory
    client.force_login(people["member"])
    response = client.get("/komunitas/e-umkm-sidemen/anggota/")
    page = page_text(response)
    assert "Ni Luh Bintang" in page
    assert "Endek Bintang" in page
    assert "Karangasem, Sidemen" in page
    assert pending.user.full_name not in page  # waiting requests are not members
    assert people["other_member"].full_name not in page
    stages = {row["user"].pk: row["stage"] for row in response.context["rows"]}
    for user_id, stage in stages.items():
        user = type(star).objects.get(pk=user_id)
        assert stage == stage_of(user)
    assert str(stages[star.pk].label) in page
    # Nobody here has a published showcase: no showcase links at all.
    assert not re.search(r'href="/etalase/[^"]+/"', page)
    assert all(row["showcase_url"] is None for row in response.context["rows"])


def test_the_directory_refuses_members_of_other_communities_with_a_message(client, world):
    community, other, people, pending = world
    client.force_login(people["other_member"])
    response = client.get("/komunitas/e-umkm-sidemen/anggota/")
    assert response.status_code == 403
    assert in_indonesian(
        "The member directory of %(community)s is for its own members only.",
        community=community.name,
    ) in page_text(response)
    assert people["member"].full_name not in page_text(response)


def test_the_directory_sends_visitors_to_sign_in(client, world):
    response = client.get("/komunitas/e-umkm-sidemen/anggota/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/masuk/?next=/komunitas/e-umkm-sidemen/anggota/"


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Measured once and pinned: a signed-in member, warm caches. A new query on
# these pages must be a decision, not an accident. The directory's 12th is
# the one query for all listed members' published showcases.
EXPECTED_QUERIES = {"index": 4, "detail": 10, "directory": 8, "requests": 7}


@pytest.mark.parametrize("size", [1, 30])
def test_query_counts_do_not_grow_with_members(client, size):
    community = CommunityFactory(slug="e-umkm-ukur")
    chair = officer_of(community)
    presence = make_course("Email untuk Bisnis", stage="presence", lessons=1)
    for number in range(size):
        user = MembershipFactory(community=community).user
        if number % 2:
            certify(user, presence)
        rules.request_to_join(MemberFactory(), community, MOTIVATION)
    client.force_login(chair)
    measured = {
        "index": count_queries(client, "/komunitas/"),
        "detail": count_queries(client, "/komunitas/e-umkm-ukur/"),
        "directory": count_queries(client, "/komunitas/e-umkm-ukur/anggota/"),
        "requests": count_queries(client, "/komunitas/e-umkm-ukur/permintaan/"),
    }
    assert measured == EXPECTED_QUERIES


def test_a_long_directory_is_paged(client):
    community = CommunityFactory(slug="e-umkm-besar")
    members = [MembershipFactory(community=community).user for _ in range(55)]
    client.force_login(members[0])
    first = client.get("/komunitas/e-umkm-besar/anggota/")
    second = client.get("/komunitas/e-umkm-besar/anggota/?page=2")
    assert len(first.context["rows"]) == 50
    assert len(second.context["rows"]) == 5


# --- The community page -----------------------------------------------------------


def test_the_community_page_shows_who_and_what(client, world):
    community, other, people, pending = world
    document = Document.objects.create(
        title="Surat Kesepakatan Komunitas e-UMKM Sidemen",
        file=ContentFile(b"%PDF-1.4 contoh", name="kesepakatan.pdf"),
    )
    community.regency = "Karangasem"
    community.district = "Sidemen"
    community.description = "Wadah belajar perajin endek Sidemen."
    community.founded_on = datetime.date(2025, 3, 14)
    community.agreement_document = document
    community.save()
    OfficerTermFactory(
        community=community,
        role=OfficerTerm.Role.TREASURER,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
        user__full_name="Mantan Bendahara",
    )
    response = client.get("/komunitas/e-umkm-sidemen/")
    page = page_text(response)
    assert community.name in page
    assert "Karangasem" in page
    assert "Sidemen" in page
    assert "Wadah belajar perajin endek Sidemen." in page
    assert "2025" in page
    assert people["officer"].full_name in page
    assert "Mantan Bendahara" not in page  # an ended term is not the board
    assert f'href="{document.url}"' in page
    # Two active members, the member and the officer; the request still waits.
    assert response.context["member_count"] == 2
    assert re.search(r"<dd>2 ", page)
    assert people["other_officer"].full_name not in page


def test_the_index_links_each_community_and_marks_my_own(client, world):
    community, other, people, pending = world
    client.force_login(people["other_member"])
    response = client.get("/komunitas/")
    page = page_text(response)
    assert 'href="/komunitas/e-umkm-sidemen/"' in page
    assert 'href="/komunitas/e-umkm-abang/"' in page
    assert in_indonesian("My community") in page
    assert response.context["communities"][0] == other  # my own first
    client.logout()
    assert in_indonesian("My community") not in page_text(client.get("/komunitas/"))


# --- First-board terms in the Wagtail admin ---------------------------------------

TERMS_URL = "/admin/snippets/community/officerterm/"


@pytest.fixture
def board_less():
    community = CommunityFactory(slug="e-umkm-bekasi-uji", name="Komunitas e-UMKM Bekasi Uji")
    chair = MembershipFactory(community=community).user
    return community, chair


def term_form(community, user, role="ketua", starts_on="2026-01-10", ends_on=""):
    return {
        "community": community.pk,
        "user": user.pk,
        "role": role,
        "starts_on": starts_on,
        "ends_on": ends_on,
    }


def test_an_administrator_records_a_first_board_term_and_it_is_logged(client, board_less):
    community, chair = board_less
    administrator = AdministratorFactory()
    client.force_login(administrator)
    assert client.get(TERMS_URL + "add/").status_code == 200
    response = client.post(TERMS_URL + "add/", term_form(community, chair))
    assert response.status_code == 302, page_text(response)
    term = OfficerTerm.objects.get(community=community)
    assert term.source == OfficerTerm.Source.BOOTSTRAP
    assert term.recorded_by == administrator
    assert term.user == chair
    assert term.starts_on == datetime.date(2026, 1, 10)
    entry = ModelLogEntry.objects.get(object_id=str(term.pk), action=rules.LOG_BOOTSTRAP_TERM)
    assert entry.user == administrator
    assert entry.data["officer"] == chair.full_name
    # Visible in the admin's history of the term, with its label.
    history = page_text(client.get(f"{TERMS_URL}history/{term.pk}/"))
    with translation.override("en"):
        assert "First-board term recorded by an administrator (bootstrap)" in history or (
            in_indonesian("First-board term recorded by an administrator (bootstrap)") in history
        )
    assert administrator.full_name in history
    # The chair now holds office: the board exists.
    assert rules.has_board(community)


def test_the_bootstrap_is_also_written_to_the_server_log(board_less, caplog):
    community, chair = board_less
    administrator = AdministratorFactory()
    with caplog.at_level("INFO", logger="community.membership"):
        term = rules.record_bootstrap_term(
            administrator,
            community=community,
            user=chair,
            role=OfficerTerm.Role.CHAIR,
            starts_on=datetime.date(2026, 1, 10),
        )
    assert f"Bootstrap officer term {term.pk}" in caplog.text


def refused_term(client, data, message):
    before = OfficerTerm.objects.count()
    response = client.post(TERMS_URL + "add/", data)
    assert response.status_code == 200
    assert message in page_text(response)
    assert OfficerTerm.objects.count() == before
    assert not ModelLogEntry.objects.filter(action=rules.LOG_BOOTSTRAP_TERM).exists()


def test_bootstrap_terms_are_refused_after_an_election_or_for_non_members(client, board_less):
    community, chair = board_less
    client.force_login(AdministratorFactory())
    stranger = MembershipFactory().user
    refused_term(
        client,
        term_form(community, stranger),
        in_indonesian(
            "%(person)s is not a member of %(community)s.",
            person=stranger.full_name,
            community=community.name,
        ),
    )
    refused_term(
        client,
        term_form(community, chair, starts_on="2026-02-01", ends_on="2026-01-01"),
        in_indonesian("A term cannot end before it starts."),
    )
    OfficerTermFactory(
        community=community,
        source=OfficerTerm.Source.ELECTION,
        role=OfficerTerm.Role.TREASURER,
        user=MembershipFactory(community=community).user,
    )
    refused_term(
        client,
        term_form(community, chair),
        in_indonesian(
            "%(community)s has held an election: its officers now come from "
            "elections, not from the administrator.",
            community=community.name,
        ),
    )


def test_a_second_chair_for_the_same_period_is_refused(client, board_less):
    community, chair = board_less
    administrator = AdministratorFactory()
    rules.record_bootstrap_term(
        administrator,
        community=community,
        user=chair,
        role=OfficerTerm.Role.CHAIR,
        starts_on=datetime.date(2026, 1, 10),
    )
    rival = MembershipFactory(community=community).user
    client.force_login(administrator)
    response = client.post(TERMS_URL + "add/", term_form(community, rival))
    assert OfficerTerm.objects.filter(community=community).count() == 1
    assert community.name in page_text(response)
    # Another office for another member is fine: the first board has several.
    response = client.post(TERMS_URL + "add/", term_form(community, rival, role="sekretaris"))
    assert response.status_code == 302
    assert OfficerTerm.objects.filter(community=community).count() == 2


def test_only_administrators_record_terms(board_less):
    community, chair = board_less
    for person in [EditorFactory(), chair, MemberFactory()]:
        with pytest.raises(MembershipError):
            rules.record_bootstrap_term(
                person,
                community=community,
                user=chair,
                role=OfficerTerm.Role.CHAIR,
                starts_on=datetime.date(2026, 1, 10),
            )
    assert not OfficerTerm.objects.exists()


ADMIN_URLS = [
    "/admin/snippets/community/community/",
    "/admin/snippets/community/membership/",
    TERMS_URL,
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_editors_and_administrators_see_the_lists_others_do_not(client, world, url):
    community, other, people, pending = world
    got = {role: outcome(client, people[role], url) for role in ROLES}
    assert got["editor"] == 200
    assert got["administrator"] == 200
    for role in ["visitor", "newcomer", "member", "other_member", "officer", "other_officer"]:
        assert str(got[role]).startswith("redirect /admin/login/"), (role, got[role])


def test_editors_only_look(client, world):
    community, other, people, pending = world
    client.force_login(people["editor"])
    assert client.get(TERMS_URL + "add/").status_code == 302  # refused, to the dashboard
    assert client.get("/admin/snippets/community/community/add/").status_code == 302
    term = OfficerTerm.objects.filter(community=community).first()
    assert client.get(f"{TERMS_URL}inspect/{term.pk}/").status_code == 200
    assert (
        client.post(TERMS_URL + "add/", term_form(community, people["member"])).status_code == 302
    )
    assert OfficerTerm.objects.filter(community=community).count() == 1


def test_memberships_are_decided_on_the_site_not_edited_in_the_admin(client, world):
    community, other, people, pending = world
    client.force_login(people["administrator"])
    url = "/admin/snippets/community/membership/"
    assert client.get(url + "add/").status_code == 302
    assert client.get(f"{url}edit/{pending.pk}/").status_code == 302
    assert client.get(f"{url}inspect/{pending.pk}/").status_code == 200
    history = page_text(client.get(f"{url}history/{pending.pk}/"))
    assert pending.user.full_name in history


def test_admin_lists_search_and_filter(client, world):
    community, other, people, pending = world
    client.force_login(people["administrator"])
    url = "/admin/snippets/community/membership/"
    found = page_text(client.get(url, {"q": "Ketut Pemohon"}))
    assert "Ketut Pemohon" in found
    assert people["other_member"].full_name not in found
    filtered = page_text(client.get(url, {"community": other.pk}))
    assert people["other_member"].full_name in filtered
    assert "Ketut Pemohon" not in filtered
    terms = page_text(client.get(TERMS_URL, {"community": other.pk}))
    assert people["other_officer"].full_name in terms
    assert people["officer"].full_name not in terms
    OfficerTerm.objects.filter(user=people["other_officer"]).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    current = page_text(client.get(TERMS_URL, {"current": "true"}))
    assert people["officer"].full_name in current
    assert people["other_officer"].full_name not in current
    communities = page_text(client.get("/admin/snippets/community/community/", {"q": "Abang"}))
    assert other.name in communities
    assert community.name not in communities


def test_election_terms_cannot_be_edited_bootstrap_terms_only_ended(client, board_less):
    community, chair = board_less
    administrator = AdministratorFactory()
    client.force_login(administrator)
    elected = OfficerTermFactory(
        community=CommunityFactory(), source=OfficerTerm.Source.ELECTION, ends_on=None
    )
    # Wagtail turns the refusal into a redirect to the dashboard.
    assert client.get(f"{TERMS_URL}edit/{elected.pk}/")["Location"] == "/admin/"
    assert client.post(f"{TERMS_URL}delete/{elected.pk}/")["Location"] == "/admin/"
    assert (
        client.post(f"{TERMS_URL}edit/{elected.pk}/", {"ends_on": "2026-01-01"})["Location"]
        == "/admin/"
    )
    elected.refresh_from_db()
    assert elected.ends_on is None
    assert OfficerTerm.objects.filter(pk=elected.pk).exists()

    term = rules.record_bootstrap_term(
        administrator,
        community=community,
        user=chair,
        role=OfficerTerm.Role.CHAIR,
        starts_on=datetime.date(2026, 1, 10),
    )
    response = client.post(
        f"{TERMS_URL}edit/{term.pk}/",
        # Only the end date is taken; the rest is the record.
        {"ends_on": "2026-06-30", "role": "bendahara", "user": administrator.pk},
    )
    assert response.status_code == 302, page_text(response)
    term.refresh_from_db()
    assert term.ends_on == datetime.date(2026, 6, 30)
    assert term.role == OfficerTerm.Role.CHAIR
    assert term.user == chair
    assert ModelLogEntry.objects.filter(object_id=str(term.pk), action="wagtail.edit").exists()
    response = client.post(f"{TERMS_URL}edit/{term.pk}/", {"ends_on": "2025-01-01"})
    assert response.status_code == 200
    term.refresh_from_db()
    assert term.ends_on == datetime.date(2026, 6, 30)


def test_a_community_cannot_take_a_reserved_address(client):
    client.force_login(AdministratorFactory())
    response = client.post(
        "/admin/snippets/community/community/add/",
        {"name": "Komunitas Agenda", "slug": "agenda", "regency": "Karangasem"},
    )
    assert response.status_code == 200
    assert not Community.objects.filter(slug="agenda").exists()
    response = client.post(
        "/admin/snippets/community/community/add/",
        {"name": "Komunitas e-UMKM Klungkung", "slug": "e-umkm-klungkung", "regency": "Klungkung"},
    )
    assert response.status_code == 302, page_text(response)
    assert Community.objects.filter(slug="e-umkm-klungkung").exists()


# --- Demo data --------------------------------------------------------------------


def test_demo_request_is_pending_for_bekasi_and_idempotent():
    from pusat.home import demo

    bekasi = CommunityFactory(slug=demo.BEKASI, name="Komunitas e-UMKM Bekasi")
    first = demo_membership.load_join_requests()
    again = demo_membership.load_join_requests()
    assert first.pk == again.pk
    assert first.community == bekasi
    assert first.status == Membership.Status.PENDING
    assert Membership.objects.filter(user__email=demo_membership.APPLICANT["email"]).count() == 1
    assert ModelLogEntry.objects.filter(action=rules.LOG_REQUESTED).count() == 1
