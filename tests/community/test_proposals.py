"""Programme proposals: the rules, every role on every page, bad input
refused with nothing changed, sorting by support and constant query counts."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from community import proposals
from community.models import Proposal, ProposalSupport
from community.proposals import ProposalError
from pusat.accounts.models import Notification
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

LIST = "/komunitas/usulan/"
ROLES = ["visitor", "member", "outsider", "officer", "other_officer", "editor", "administrator"]
Status = Proposal.Status
DESCRIPTION = (
    "Kelas praktik sebulan sekali: memotret produk dengan cahaya jendela dan latar kain polos."
)


def shown(msgid, **params):
    """The text a person reading Indonesian is shown for `msgid` (the
    translator fills the catalogue; until then Django falls back to it)."""
    with translation.override("id-id"):
        text = translation.gettext(msgid)
    return text % params if params else text


def officer_of(community):
    user = OfficerTermFactory(community=community).user
    MembershipFactory(community=community, user=user)
    return user


def make_proposal(community, by, title="Kelas Foto Produk Bulanan", **fields):
    return Proposal.objects.create(
        community=community, proposed_by=by, title=title, description=DESCRIPTION, **fields
    )


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
    proposer = MembershipFactory(community=home, user__full_name="Ni Kadek Ayu Lestari").user
    proposal = make_proposal(home, proposer)
    return SimpleNamespace(
        home=home, away=away, people=people, proposer=proposer, proposal=proposal, **people
    )


def sign_in(client, user):
    if user is not None:
        client.force_login(user)
    return client


def snapshot(proposal):
    """Everything a refused action must leave as it was."""
    proposal.refresh_from_db()
    return (
        proposal.status,
        proposal.priority,
        proposal.status_reason,
        proposal.status_changed_at,
        set(ProposalSupport.objects.filter(proposal=proposal).values_list("user_id", flat=True)),
        Proposal.objects.count(),
        Notification.objects.count(),
    )


# --- Rules: proposing -------------------------------------------------------


class TestProposing:
    def test_a_member_proposes_and_the_officers_are_told(self, cast):
        proposal = proposals.propose(
            cast.member, cast.home, "  Lapak Bersama di   Marketplace ", DESCRIPTION + "\r\n"
        )
        assert proposal.community == cast.home
        assert proposal.proposed_by == cast.member
        assert proposal.title == "Lapak Bersama di Marketplace"
        assert proposal.description == DESCRIPTION
        assert proposal.status == Status.PROPOSED
        assert proposal.priority == ""
        told = Notification.objects.get()
        assert told.user == cast.officer
        assert told.url == f"/komunitas/usulan/{proposal.pk}/"

    @pytest.mark.parametrize(
        "title, description, msgid, params",
        [
            ("   ", DESCRIPTION, "Give your proposal a title.", {}),
            (
                "Foto",
                DESCRIPTION,
                "The title is too short: use at least %(count)d characters.",
                {"count": 5},
            ),
            ("K" * 201, DESCRIPTION, "Keep the title under %(count)d characters.", {"count": 200}),
            ("Kelas Foto", " ", "Describe the programme: what, for whom and how.", {}),
            (
                "Kelas Foto",
                "Kelas foto.",
                "The description is too short: use at least %(count)d characters, so the "
                "others understand the programme.",
                {"count": 20},
            ),
            (
                "Kelas Foto",
                "x" * 4001,
                "Keep the description under %(count)d characters.",
                {"count": 4000},
            ),
        ],
    )
    def test_bad_fields_are_refused(self, cast, title, description, msgid, params):
        before = Proposal.objects.count()
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.propose(cast.member, cast.home, title, description)
        assert refused.value.message == shown(msgid, **params)
        assert Proposal.objects.count() == before

    @pytest.mark.parametrize("role", ["outsider", "other_officer", "editor", "administrator"])
    def test_only_the_communitys_members_propose(self, cast, role):
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.propose(cast.people[role], cast.home, "Lapak Bersama", DESCRIPTION)
        assert refused.value.message == shown(
            "Only members of %(community)s can propose programmes to it.",
            community=cast.home.name,
        )
        assert Proposal.objects.count() == 1

    def test_the_same_title_twice_is_one_proposal(self, cast):
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.propose(cast.proposer, cast.home, "kelas foto produk bulanan", DESCRIPTION)
        assert refused.value.message == shown(
            "You have already proposed a programme with this title."
        )
        assert Proposal.objects.count() == 1


# --- Rules: supporting ------------------------------------------------------


class TestSupporting:
    def test_support_and_withdraw(self, cast):
        proposals.support(cast.member, cast.proposal)
        proposals.support(cast.officer, cast.proposal)
        assert cast.proposal.supports.count() == 2
        proposals.withdraw_support(cast.member, cast.proposal)
        assert list(cast.proposal.supports.values_list("user", flat=True)) == [cast.officer.pk]

    def test_supporting_twice_is_refused(self, cast):
        proposals.support(cast.member, cast.proposal)
        before = snapshot(cast.proposal)
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.support(cast.member, cast.proposal)
        assert refused.value.message == shown("You already support this proposal.")
        assert snapshot(cast.proposal) == before

    def test_supporting_your_own_is_refused(self, cast):
        before = snapshot(cast.proposal)
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.support(cast.proposer, cast.proposal)
        assert refused.value.message == shown(
            "You proposed this programme yourself, so you cannot support it."
        )
        assert snapshot(cast.proposal) == before

    @pytest.mark.parametrize("role", ["outsider", "other_officer", "editor", "administrator"])
    def test_supporting_another_communitys_proposal_is_refused(self, cast, role):
        before = snapshot(cast.proposal)
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.support(cast.people[role], cast.proposal)
        assert refused.value.message == shown(
            "Only members of %(community)s can support its proposals.", community=cast.home.name
        )
        assert snapshot(cast.proposal) == before

    @pytest.mark.parametrize("status", [Status.REJECTED, Status.DONE])
    def test_support_of_a_closed_proposal_cannot_change(self, cast, status):
        proposals.support(cast.officer, cast.proposal)
        Proposal.objects.filter(pk=cast.proposal.pk).update(status=status)
        cast.proposal.refresh_from_db()
        before = snapshot(cast.proposal)
        with translation.override("id-id"):
            label = Status(status).label.lower()
            for action, person in [
                (proposals.support, cast.member),
                (proposals.withdraw_support, cast.officer),
            ]:
                with pytest.raises(ProposalError) as refused:
                    action(person, cast.proposal)
                assert refused.value.message == shown(
                    "This proposal is %(status)s, so support can no longer change.",
                    status=label,
                )
        assert snapshot(cast.proposal) == before

    def test_withdrawing_support_you_never_gave_is_refused(self, cast):
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.withdraw_support(cast.member, cast.proposal)
        assert refused.value.message == shown(
            "You do not support this proposal, so there is nothing to withdraw."
        )


# --- Rules: deciding --------------------------------------------------------


class TestDeciding:
    def test_priority_alone_tells_nobody(self, cast):
        changed = proposals.decide(
            cast.officer, cast.proposal, status=Status.PROPOSED, priority="prioritas"
        )
        assert changed == ["priority"]
        cast.proposal.refresh_from_db()
        assert cast.proposal.priority == "prioritas"
        assert cast.proposal.status_changed_at is None
        assert not Notification.objects.exists()

    def test_a_new_status_tells_the_proposer_by_email_after_commit(
        self, cast, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            changed = proposals.decide(
                cast.officer,
                cast.proposal,
                status=Status.ACCEPTED,
                priority="prioritas",
                reason="Mulai bulan depan.",
            )
        assert "status" in changed and "priority" in changed
        cast.proposal.refresh_from_db()
        assert cast.proposal.status == Status.ACCEPTED
        assert cast.proposal.status_changed_by == cast.officer
        assert cast.proposal.status_reason == "Mulai bulan depan."
        told = Notification.objects.get()
        assert told.user == cast.proposer
        assert cast.proposal.title in told.message
        assert "Mulai bulan depan." in told.message
        assert [message.to for message in mail.outbox] == [[cast.proposer.email]]

    def test_rejecting_needs_a_reason(self, cast):
        before = snapshot(cast.proposal)
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.decide(
                cast.officer, cast.proposal, status=Status.REJECTED, priority="", reason="  "
            )
        assert refused.value.message == shown(
            "Give a reason when you reject a proposal; the proposer will read it."
        )
        assert refused.value.field == "reason"
        assert snapshot(cast.proposal) == before

    def test_rejecting_with_a_reason(self, cast):
        proposals.decide(
            cast.officer,
            cast.proposal,
            status=Status.REJECTED,
            priority="non_prioritas",
            reason="Dana kas belum cukup tahun ini.",
        )
        cast.proposal.refresh_from_db()
        assert cast.proposal.status == Status.REJECTED
        assert cast.proposal.status_reason == "Dana kas belum cukup tahun ini."

    def test_a_status_cannot_skip_steps(self, cast):
        before = snapshot(cast.proposal)
        with translation.override("id-id"):
            with pytest.raises(ProposalError) as refused:
                proposals.decide(cast.officer, cast.proposal, status=Status.DONE, priority="")
            expected = shown(
                "A proposal that is %(current)s cannot become %(new)s.",
                current=str(Status.PROPOSED.label).lower(),
                new=str(Status.DONE.label).lower(),
            )
        assert refused.value.message == expected
        assert snapshot(cast.proposal) == before

    @pytest.mark.parametrize(
        "role", ["member", "outsider", "other_officer", "editor", "administrator"]
    )
    def test_only_the_communitys_officers_decide(self, cast, role):
        before = snapshot(cast.proposal)
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.decide(
                cast.people[role], cast.proposal, status=Status.ACCEPTED, priority="prioritas"
            )
        assert refused.value.message == shown(
            "Only the officers of %(community)s may set the priority and status of its proposals.",
            community=cast.home.name,
        )
        assert snapshot(cast.proposal) == before

    def test_an_officer_whose_term_ended_cannot_decide(self, cast):
        cast.officer.officer_terms.update(ends_on=timezone.localdate() - timedelta(days=1))
        with pytest.raises(ProposalError):
            proposals.decide(cast.officer, cast.proposal, status=Status.ACCEPTED, priority="")

    @pytest.mark.parametrize(
        "fields, msgid",
        [
            ({"status": "disetujui", "priority": ""}, "Choose one of the statuses."),
            (
                {"status": Status.ACCEPTED, "priority": "penting"},
                "Choose priority, not a priority, or not decided yet.",
            ),
        ],
    )
    def test_unknown_choices_are_refused(self, cast, fields, msgid):
        before = snapshot(cast.proposal)
        with translation.override("id-id"), pytest.raises(ProposalError) as refused:
            proposals.decide(cast.officer, cast.proposal, **fields)
        assert refused.value.message == shown(msgid)
        assert snapshot(cast.proposal) == before

    def test_the_officer_deciding_on_their_own_proposal_is_not_told(self, cast):
        own = make_proposal(cast.home, cast.officer, title="Pameran Bersama di Ujung")
        proposals.decide(cast.officer, own, status=Status.ACCEPTED, priority="")
        assert not Notification.objects.exists()


# --- Lists ------------------------------------------------------------------


def three_proposals(cast):
    """Proposed in order A, B, C (C newest); supported C:0, A:1, B:2."""
    now = timezone.now()
    cast.proposal.delete()
    a = make_proposal(cast.home, cast.proposer, "Usulan A", created_at=now - timedelta(days=3))
    b = make_proposal(cast.home, cast.proposer, "Usulan B", created_at=now - timedelta(days=2))
    c = make_proposal(cast.home, cast.proposer, "Usulan C", created_at=now - timedelta(days=1))
    proposals.support(cast.member, a)
    proposals.support(cast.member, b)
    proposals.support(cast.officer, b)
    return a, b, c


class TestListing:
    def test_sorted_by_support_then_newest(self, cast):
        a, b, c = three_proposals(cast)
        listed = list(proposals.listed(cast.home, cast.member))
        assert listed == [b, a, c]
        assert [p.support_count for p in listed] == [2, 1, 0]
        assert [p.supported_by_me for p in listed] == [True, True, False]
        newest = proposals.listed(cast.home, cast.member, sort=proposals.SORT_NEWEST)
        assert list(newest) == [c, b, a]

    def test_open_and_closed_are_listed_apart(self, cast):
        a, b, c = three_proposals(cast)
        Proposal.objects.filter(pk=b.pk).update(status=Status.DONE)
        assert list(proposals.listed(cast.home, None)) == [a, c]
        assert list(proposals.listed(cast.home, None, open_only=False)) == [b]

    def test_the_list_page_sorts_by_support(self, client, cast):
        a, b, c = three_proposals(cast)
        sign_in(client, cast.member)
        by_support = client.get(LIST)
        assert list(by_support.context["proposals"]) == [b, a, c]
        body = page_text(by_support)
        assert body.index("Usulan B") < body.index("Usulan A") < body.index("Usulan C")
        newest = client.get(LIST + "?urut=terbaru")
        assert list(newest.context["proposals"]) == [c, b, a]
        # An unknown sort falls back to support.
        assert list(client.get(LIST + "?urut=acak").context["proposals"]) == [b, a, c]

    def test_the_list_costs_the_same_queries_for_2_or_20_proposals(self, client, cast):
        def count():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(LIST)
            assert response.status_code == 200
            return len(queries)

        sign_in(client, cast.member)
        client.get(LIST)
        make_proposal(cast.home, cast.member, title="Usulan kedua")
        few = count()
        supporters = [MembershipFactory(community=cast.home).user for _ in range(3)]
        for number in range(18):
            proposal = make_proposal(cast.home, cast.proposer, title=f"Usulan nomor {number}")
            for person in supporters[: number % 4]:
                ProposalSupport.objects.create(proposal=proposal, user=person)
        assert Proposal.objects.filter(community=cast.home).count() == 20
        many = count()
        assert few == many
        # User (the session comes from the cache), groups, own community,
        # member and officer checks, the page's count and rows; the layout's
        # notifications, site, centre settings and the Wagtail user bar's two
        # permission lookups.
        assert many == 12


# --- Every role on every page -----------------------------------------------

# `?komunitas=<home>` pages: who may read the home community's proposals.
READ_STATUS = {
    "visitor": 302,
    "member": 200,
    "outsider": 403,
    "officer": 200,
    "other_officer": 403,
    "editor": 200,
    "administrator": 200,
}


class TestPages:
    @pytest.mark.parametrize("role", ROLES)
    def test_list_of_the_home_community(self, client, cast, role):
        response = sign_in(client, cast.people[role]).get(f"{LIST}?komunitas={cast.home.slug}")
        assert response.status_code == READ_STATUS[role]
        body = page_text(response)
        if response.status_code == 200:
            assert cast.proposal.title in body
        elif response.status_code == 403:
            assert cast.proposal.title not in body
            assert (
                shown(
                    "The programme proposals of %(community)s are for its own members.",
                    community=cast.home.name,
                )
                in body
            )
        else:
            assert response["Location"].startswith("/akun/masuk/")

    @pytest.mark.parametrize("role", ["outsider", "other_officer"])
    def test_without_a_choice_people_see_their_own_community(self, client, cast, role):
        elsewhere = make_proposal(cast.away, cast.outsider, title="Kopi Sangrai Bersama")
        body = page_text(sign_in(client, cast.people[role]).get(LIST))
        assert elsewhere.title in body
        assert cast.proposal.title not in body

    @pytest.mark.parametrize("role", ["editor", "administrator"])
    def test_editors_pick_a_community(self, client, cast, role):
        response = sign_in(client, cast.people[role]).get(LIST)
        assert response.status_code == 200
        # The first by name (Bekasi) until they pick another.
        assert response.context["community"] == cast.away
        assert f'value="{cast.home.slug}"' in page_text(response)
        assert "Propose a programme" not in page_text(response)

    def test_a_member_without_a_community_is_invited_to_join(self, client, cast):
        response = sign_in(client, MemberFactory()).get(LIST)
        assert response.status_code == 200
        assert "/komunitas/" in page_text(response)
        assert cast.proposal.title not in page_text(response)

    @pytest.mark.parametrize("role", ROLES)
    def test_detail(self, client, cast, role):
        url = f"{LIST}{cast.proposal.pk}/"
        response = sign_in(client, cast.people[role]).get(url)
        assert response.status_code == READ_STATUS[role]
        if response.status_code == 200:
            assert DESCRIPTION in page_text(response)
            # Only the community's officers get the decision form.
            has_form = f"/komunitas/usulan/{cast.proposal.pk}/keputusan/" in page_text(response)
            assert has_form == (role == "officer")
        elif response.status_code == 403:
            assert DESCRIPTION not in page_text(response)

    @pytest.mark.parametrize(
        "role, status",
        [
            ("visitor", 302),
            ("member", 200),
            ("outsider", 200),
            ("officer", 200),
            ("other_officer", 200),
            ("editor", 403),
            ("administrator", 403),
        ],
    )
    def test_create_page(self, client, cast, role, status):
        response = sign_in(client, cast.people[role]).get(LIST + "baru/")
        assert response.status_code == status
        if status == 403:
            assert shown(
                "Only members of a community can propose programmes. Join a community first."
            ) in page_text(response)

    def test_a_member_posts_a_proposal_to_their_own_community(self, client, cast):
        sign_in(client, cast.outsider)
        response = client.post(
            LIST + "baru/", {"title": "Kopi Sangrai Bersama", "description": DESCRIPTION}
        )
        proposal = Proposal.objects.get(title="Kopi Sangrai Bersama")
        assert response.status_code == 302
        assert response["Location"] == f"{LIST}{proposal.pk}/"
        assert proposal.community == cast.away
        assert proposal.proposed_by == cast.outsider

    @pytest.mark.parametrize(
        "data, msgid",
        [
            ({"title": "", "description": DESCRIPTION}, "Give your proposal a title."),
            (
                {"title": "Kelas Foto", "description": ""},
                "Describe the programme: what, for whom and how.",
            ),
            (
                {"title": "Kelas Foto Produk Bulanan", "description": DESCRIPTION},
                "You have already proposed a programme with this title.",
            ),
        ],
    )
    def test_a_bad_proposal_is_shown_again_with_the_reason(self, client, cast, data, msgid):
        sign_in(client, cast.proposer)
        response = client.post(LIST + "baru/", data)
        assert response.status_code == 400
        assert shown(msgid) in page_text(response)
        assert Proposal.objects.count() == 1

    @pytest.mark.parametrize(
        "role, status, counted",
        [
            ("visitor", 302, False),
            ("member", 302, True),
            ("outsider", 403, False),
            ("officer", 302, True),
            ("other_officer", 403, False),
            ("editor", 302, False),
            ("administrator", 302, False),
        ],
    )
    def test_support(self, client, cast, role, status, counted):
        person = cast.people[role]
        response = sign_in(client, person).post(f"{LIST}{cast.proposal.pk}/dukung/")
        assert response.status_code == status
        supporters = set(cast.proposal.supports.values_list("user", flat=True))
        assert supporters == ({person.pk} if counted else set())
        refusal = shown(
            "Only members of %(community)s can support its proposals.", community=cast.home.name
        )
        if role == "visitor":
            assert response["Location"].startswith("/akun/masuk/")
        elif status == 403:
            assert refusal in page_text(response)
        elif not counted:
            # Editors may read the proposal, so they go back to it with the message.
            assert refusal in page_text(client.get(response["Location"]))

    @pytest.mark.parametrize(
        "role, status", [("outsider", 403), ("other_officer", 403), ("editor", 302)]
    )
    def test_withdraw_by_others_changes_nothing(self, client, cast, role, status):
        proposals.support(cast.member, cast.proposal)
        before = snapshot(cast.proposal)
        response = sign_in(client, cast.people[role]).post(
            f"{LIST}{cast.proposal.pk}/tarik-dukungan/"
        )
        assert response.status_code == status
        assert snapshot(cast.proposal) == before

    def test_support_and_withdraw_through_the_pages(self, client, cast):
        sign_in(client, cast.member)
        detail = f"{LIST}{cast.proposal.pk}/"
        response = client.post(detail + "dukung/", follow=True)
        assert shown("Thank you: you support this proposal.") in page_text(response)
        assert response.context["i_support"]
        # Back to the list when the button was on the list.
        response = client.post(detail + "tarik-dukungan/", {"next": LIST + "?urut=terbaru"})
        assert response["Location"] == LIST + "?urut=terbaru"
        assert not cast.proposal.supports.exists()
        # Never to another site.
        response = client.post(detail + "dukung/", {"next": "https://contoh.com/"})
        assert response["Location"] == detail

    def test_supporting_twice_through_the_page(self, client, cast):
        sign_in(client, cast.member)
        url = f"{LIST}{cast.proposal.pk}/dukung/"
        client.post(url)
        response = client.post(url, follow=True)
        assert shown("You already support this proposal.") in page_text(response)
        assert cast.proposal.supports.count() == 1

    def test_supporting_your_own_through_the_page(self, client, cast):
        sign_in(client, cast.proposer)
        response = client.post(f"{LIST}{cast.proposal.pk}/dukung/", follow=True)
        assert shown(
            "You proposed this programme yourself, so you cannot support it."
        ) in page_text(response)
        assert not cast.proposal.supports.exists()

    def test_support_needs_post(self, client, cast):
        sign_in(client, cast.member)
        assert client.get(f"{LIST}{cast.proposal.pk}/dukung/").status_code == 405
        assert not cast.proposal.supports.exists()

    @pytest.mark.parametrize(
        "role, status",
        [
            ("visitor", 302),
            ("member", 403),
            ("outsider", 403),
            ("officer", 302),
            ("other_officer", 403),
            ("editor", 403),
            ("administrator", 403),
        ],
    )
    def test_decide(self, client, cast, role, status):
        before = snapshot(cast.proposal)
        response = sign_in(client, cast.people[role]).post(
            f"{LIST}{cast.proposal.pk}/keputusan/",
            {"status": Status.ACCEPTED, "priority": "prioritas", "reason": ""},
        )
        assert response.status_code == status
        cast.proposal.refresh_from_db()
        if role == "officer":
            assert (cast.proposal.status, cast.proposal.priority) == (Status.ACCEPTED, "prioritas")
            assert Notification.objects.filter(user=cast.proposer).count() == 1
        else:
            assert snapshot(cast.proposal) == before
        if status == 403:
            assert shown(
                "Only the officers of %(community)s may set the priority and status of its "
                "proposals.",
                community=cast.home.name,
            ) in page_text(response)

    def test_the_form_offers_only_the_next_steps(self, client, cast):
        sign_in(client, cast.officer)
        form = client.get(f"{LIST}{cast.proposal.pk}/").context["decision_form"]
        offered = [value for value, _label in form.fields["status"].widget.choices]
        assert offered == [Status.PROPOSED, Status.ACCEPTED, Status.REJECTED]

    def test_rejecting_without_a_reason_through_the_page(self, client, cast):
        before = snapshot(cast.proposal)
        sign_in(client, cast.officer)
        response = client.post(
            f"{LIST}{cast.proposal.pk}/keputusan/",
            {"status": Status.REJECTED, "priority": "non_prioritas", "reason": ""},
        )
        assert response.status_code == 400
        assert shown(
            "Give a reason when you reject a proposal; the proposer will read it."
        ) in page_text(response)
        # Neither the status nor the priority was saved.
        assert snapshot(cast.proposal) == before

    def test_an_unknown_status_through_the_page(self, client, cast):
        before = snapshot(cast.proposal)
        sign_in(client, cast.officer)
        response = client.post(
            f"{LIST}{cast.proposal.pk}/keputusan/", {"status": "disetujui", "priority": ""}
        )
        assert response.status_code == 400
        assert shown("Choose one of the statuses.") in page_text(response)
        assert snapshot(cast.proposal) == before

    def test_the_proposer_reads_the_reason(self, client, cast):
        proposals.decide(
            cast.officer,
            cast.proposal,
            status=Status.REJECTED,
            priority="",
            reason="Belum ada pelatih tahun ini.",
        )
        sign_in(client, cast.proposer)
        body = page_text(client.get(f"{LIST}{cast.proposal.pk}/"))
        assert "Belum ada pelatih tahun ini." in body
        closed = page_text(client.get(LIST + "?tampil=tertutup"))
        assert cast.proposal.title in closed
        assert cast.proposal.title not in page_text(client.get(LIST))

    def test_user_text_is_escaped(self, client, cast):
        cast.proposal.description = '<script>alert("x")</script> ' + DESCRIPTION
        cast.proposal.save()
        sign_in(client, cast.member)
        content = client.get(f"{LIST}{cast.proposal.pk}/").content.decode()
        assert '<script>alert("x")' not in content
        assert "&lt;script&gt;" in content


def test_demo_proposals_load_twice_without_duplicates(admin_user):
    from community import demo_proposals

    home = CommunityFactory(slug="e-umkm-karangasem")
    for email in [
        demo_proposals.LUH,
        demo_proposals.WAYAN,
        demo_proposals.KOMANG,
        demo_proposals.KADEK,
        demo_proposals.AYU,
    ]:
        MembershipFactory(community=home, user__email=email)
    first = demo_proposals.load_proposals(admin_user)
    again = demo_proposals.load_proposals(admin_user)
    assert [p.pk for p in again] == [p.pk for p in first]
    assert Proposal.objects.count() == len(demo_proposals.PROPOSALS) == 5
    assert ProposalSupport.objects.count() == 14
    assert {p.status for p in first} == set(Status.values)
    for proposal in first:
        assert proposal.community == home
        # Nobody supports their own proposal, and a rejection carries a reason.
        assert not proposal.supports.filter(user=proposal.proposed_by).exists()
        if proposal.status == Status.REJECTED:
            assert proposal.status_reason
    ranked = list(proposals.listed(home, None))
    assert [proposal.support_count for proposal in ranked] == [4, 3, 2]
