"""Elections through the pages members use, and who may open which page."""

import pytest
from django.utils import timezone

from community import elections
from community.models import Ballot, Election, Nomination, OfficerTerm
from community.roles import is_officer
from tests.community.test_elections import move_to, new_election, windows
from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MembershipFactory,
    OfficerTermFactory,
)
from tests.helpers import indonesian, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    community = CommunityFactory()
    chair = OfficerTermFactory(community=community).user
    MembershipFactory(community=community, user=chair)
    members = [MembershipFactory(community=community).user for _ in range(4)]
    election = new_election(
        chair, community, "Pemilihan Ketua 2027", Election.Method.MAJORITY, ["ketua"]
    )
    return community, chair, members, election


def test_two_members_nominated_accept_are_voted_and_the_winner_becomes_ketua(client, setup):
    community, chair, members, election = setup
    ketua = election.positions.get()
    detail = f"/komunitas/pemilihan/{election.pk}/"

    # Member 0 nominates member 1; member 2 nominates herself.
    client.force_login(members[0])
    client.post(detail + "calonkan/", {"position": ketua.pk, "nominee": members[1].pk})
    client.force_login(members[2])
    client.post(
        detail + "calonkan/",
        {"position": ketua.pk, "nominee": members[2].pk, "statement": "Saya siap."},
    )
    # Member 1 sees the nomination and accepts it with a programme.
    client.force_login(members[1])
    body = page_text(client.get(detail))
    nomination = Nomination.objects.get(nominee=members[1])
    assert indonesian("Accept and stand") in body
    client.post(
        f"/komunitas/pemilihan/pencalonan/{nomination.pk}/",
        {"answer": "accept", "programme": "Pelatihan toko online tiap bulan."},
    )
    assert "Pelatihan toko online tiap bulan." in page_text(client.get(detail))

    move_to(election, "voting")
    for voter, choice in [(members[0], members[1]), (members[3], members[1]), (chair, members[2])]:
        client.force_login(voter)
        chosen = Nomination.objects.get(nominee=choice)
        response = client.post(detail + "suara/", {f"position-{ketua.pk}": chosen.pk}, follow=True)
        assert response.status_code == 200
        assert indonesian("Your vote has been recorded.") in page_text(response)
        assert response.context["receipt"]
    # A second vote is refused with a clear message and changes nothing.
    client.force_login(members[0])
    again = client.post(
        detail + "suara/", {f"position-{ketua.pk}": Nomination.objects.get(nominee=members[2]).pk}
    )
    assert again.status_code == 400
    assert Ballot.objects.count() == 3
    # No results before the close, not even for an administrator.
    client.force_login(AdministratorFactory())
    assert client.get(detail + "hasil/").status_code == 302

    move_to(election, "counting")
    client.force_login(chair)
    client.post(detail + "tutup/")
    results = page_text(client.get(detail + "hasil/"))
    assert members[1].full_name in results and indonesian("Quorum met.") in results
    client.post(detail + "lantik/")
    assert is_officer(members[1], community)
    assert OfficerTerm.objects.get(user=members[1]).election == election
    audit = page_text(client.get(detail + "log/"))
    assert audit.count(indonesian("Vote cast")) == 3


def test_voting_outside_the_window_is_refused(client, setup):
    community, chair, members, election = setup
    ketua = election.positions.get()
    nomination = elections.nominate(members[1], ketua, members[1])
    client.force_login(members[0])
    response = client.post(
        f"/komunitas/pemilihan/{election.pk}/suara/", {f"position-{ketua.pk}": nomination.pk}
    )
    assert response.status_code == 400
    assert indonesian("Voting is not open now.") in page_text(response)
    assert Ballot.objects.count() == 0


def test_nominating_someone_outside_the_community_is_refused(client, setup):
    community, chair, members, election = setup
    outsider = MembershipFactory().user
    client.force_login(members[0])
    response = client.post(
        f"/komunitas/pemilihan/{election.pk}/calonkan/",
        {"position": election.positions.get().pk, "nominee": outsider.pk},
        follow=True,
    )
    assert indonesian("Only members of this community can be nominated.") in page_text(response)
    assert Nomination.objects.count() == 0


def test_accepting_for_someone_else_is_refused(client, setup):
    community, chair, members, election = setup
    nomination = elections.nominate(members[0], election.positions.get(), members[1])
    client.force_login(members[2])
    response = client.post(
        f"/komunitas/pemilihan/pencalonan/{nomination.pk}/", {"answer": "accept"}, follow=True
    )
    assert indonesian("Only the nominee can accept or decline a nomination.") in page_text(response)
    nomination.refresh_from_db()
    assert nomination.accepted_at is None


def test_receipt_check_is_public(client, setup):
    community, chair, members, election = setup
    ketua = election.positions.get()
    nomination = elections.nominate(members[1], ketua, members[1])
    move_to(election, "voting")
    receipt = elections.cast_votes(members[0], election, {ketua: nomination})
    move_to(election, "counting")
    elections.close(chair, election)
    response = client.get(f"/komunitas/pemilihan/tanda-terima/?kode={receipt}")
    body = page_text(response)
    assert "Pemilihan Ketua 2027" in body and members[1].full_name not in body
    wrong = page_text(client.get("/komunitas/pemilihan/tanda-terima/?kode=AAAA-BBBB-CCCC"))
    assert (
        indonesian("No counted ballot has this code, or the results are not published yet.")
        in wrong
    )


ROLES = ["visitor", "member", "other_member", "officer", "other_officer", "editor", "administrator"]


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        ("", ["login", 200, 403, 200, 403, 200, 200]),
        ("suara/", ["login", 200, 403, 200, 403, 200, 200]),
        ("log/", ["login", 200, 403, 200, 403, 200, 200]),
    ],
)
def test_election_pages_for_every_role(client, setup, suffix, expected):
    community, chair, members, election = setup
    people = {
        "visitor": None,
        "member": members[0],
        "other_member": MembershipFactory().user,
        "officer": chair,
        "other_officer": OfficerTermFactory().user,
        "editor": EditorFactory(),
        "administrator": AdministratorFactory(),
    }
    outcomes = []
    for role in ROLES:
        client.logout()
        if people[role]:
            client.force_login(people[role])
        response = client.get(f"/komunitas/pemilihan/{election.pk}/{suffix}")
        if response.status_code == 302 and response["Location"].startswith("/akun/masuk/"):
            outcomes.append("login")
        else:
            outcomes.append(response.status_code)
    assert dict(zip(ROLES, outcomes, strict=True)) == dict(zip(ROLES, expected, strict=True))


def test_only_officers_create_elections(client, setup):
    community, chair, members, election = setup
    url = f"/komunitas/pemilihan/baru/?komunitas={community.slug}"
    client.force_login(members[0])
    assert client.get(url).status_code == 403
    client.force_login(chair)
    response = client.post(
        url,
        {
            "title": "Pemilihan Sekretaris",
            "method": "majority",
            "nomination_opens_at": "2027-01-10T09:00",
            "nomination_closes_at": "2027-01-05T09:00",
            "voting_opens_at": "2027-01-20T09:00",
            "voting_closes_at": "2027-01-21T09:00",
            "quorum_percent": "50",
            "roles": ["ketua", "sekretaris"],
        },
    )
    assert response.status_code == 400
    assert Election.objects.count() == 1
    response = client.post(
        url,
        {
            "title": "Pemilihan Sekretaris",
            "method": "majority",
            "nomination_opens_at": "2027-01-01T09:00",
            "nomination_closes_at": "2027-01-05T09:00",
            "voting_opens_at": "2027-01-20T09:00",
            "voting_closes_at": "2027-01-21T09:00",
            "quorum_percent": "50",
            "roles": ["ketua", "sekretaris"],
        },
    )
    assert response.status_code == 302
    assert Election.objects.count() == 2
    created = Election.objects.get(title="Pemilihan Sekretaris")
    assert sorted(created.positions.values_list("role", flat=True)) == ["ketua", "sekretaris"]


def test_consensus_recorded_and_confirmed_through_the_pages(client, setup):
    community, chair, members, _majority = setup
    election = new_election(
        chair, community, "Musyawarah Bendahara", Election.Method.CONSENSUS, ["bendahara"]
    )
    move_to(election, "voting")
    position = election.positions.get()
    url = f"/komunitas/pemilihan/{election.pk}/mufakat/"
    client.force_login(members[0])
    assert client.get(url).status_code == 403
    client.force_login(chair)
    response = client.post(
        url,
        {
            "present": [m.pk for m in members[:3]] + [chair.pk],
            f"holder-{position.pk}": members[1].pk,
            f"account-{position.pk}": "Semua yang hadir sepakat.",
        },
    )
    assert response.status_code == 302
    client.force_login(members[0])
    client.post(f"/komunitas/pemilihan/{election.pk}/hadir/")
    assert election.attendance.get(user=members[0]).confirmed_at is not None
    move_to(election, "counting")
    client.force_login(chair)
    client.post(f"/komunitas/pemilihan/{election.pk}/tutup/")
    client.post(f"/komunitas/pemilihan/{election.pk}/lantik/")
    assert is_officer(members[1], community)


def test_tie_resolved_through_the_results_page(client, setup):
    community, chair, members, election = setup
    ketua = election.positions.get()
    a = elections.nominate(members[0], ketua, members[0])
    b = elections.nominate(members[1], ketua, members[1])
    move_to(election, "voting")
    for voter, choice in [(members[0], a), (members[1], b), (members[2], a), (members[3], b)]:
        elections.cast_votes(voter, election, {ketua: choice})
    move_to(election, "counting")
    client.force_login(chair)
    client.post(f"/komunitas/pemilihan/{election.pk}/tutup/")
    body = page_text(client.get(f"/komunitas/pemilihan/{election.pk}/hasil/"))
    assert (
        indonesian(
            "Tie: it must be resolved by a recorded run-off or consensus before installation."
        )
        in body
    )
    client.post(
        f"/komunitas/pemilihan/{election.pk}/seri/{ketua.pk}/",
        {"winner": b.pk, "method": "runoff", "account": "Pemungutan ulang: 3 lawan 2."},
    )
    client.post(f"/komunitas/pemilihan/{election.pk}/lantik/")
    assert is_officer(members[1], community)


def test_election_list_query_count_is_constant(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    community = CommunityFactory()
    chair = OfficerTermFactory(community=community).user
    MembershipFactory(community=community, user=chair)

    def measure():
        client.force_login(chair)
        client.get("/komunitas/pemilihan/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/komunitas/pemilihan/")
        assert response.status_code == 200
        return len(queries)

    elections.create_election(
        chair, community, title="Satu", method="majority", windows=windows(timezone.now())
    )
    one = measure()
    for number in range(20):
        elections.create_election(
            chair,
            community,
            title=f"Ke-{number}",
            method="majority",
            windows=windows(timezone.now()),
        )
    assert measure() == one


@pytest.mark.parametrize("role", ROLES)
def test_results_and_receipt_check_for_every_role(client, setup, role):
    community, chair, members, election = setup
    people = {
        "visitor": None,
        "member": members[0],
        "other_member": MembershipFactory().user,
        "officer": chair,
        "other_officer": OfficerTermFactory().user,
        "editor": EditorFactory(),
        "administrator": AdministratorFactory(),
    }
    move_to(election, "counting")
    elections.close(chair, election)
    if people[role]:
        client.force_login(people[role])
    results = client.get(f"/komunitas/pemilihan/{election.pk}/hasil/")
    expected = {
        "visitor": 302,
        "member": 200,
        "other_member": 403,
        "officer": 200,
        "other_officer": 403,
        "editor": 200,
        "administrator": 200,
    }[role]
    assert results.status_code == expected
    assert client.get("/komunitas/pemilihan/tanda-terima/?kode=X").status_code == 200
    # Closing and installing are the officers' (and never another community's).
    install = client.post(f"/komunitas/pemilihan/{election.pk}/lantik/")
    election.refresh_from_db()
    assert election.installed_at is None  # no candidate stood: nothing to install
    assert install.status_code in {302, 403}


def test_dates_change_until_voting_opens_and_are_logged(client, setup):
    community, chair, members, election = setup
    url = f"/komunitas/pemilihan/{election.pk}/jadwal/"
    client.force_login(members[0])
    assert client.get(url).status_code == 403
    client.force_login(chair)
    data = {
        "nomination_opens_at": "2030-01-01T09:00",
        "nomination_closes_at": "2030-01-10T09:00",
        "voting_opens_at": "2030-01-12T09:00",
        "voting_closes_at": "2030-01-13T17:00",
    }
    assert client.post(url, data).status_code == 302
    election.refresh_from_db()
    assert timezone.localtime(election.voting_closes_at).strftime("%Y-%m-%d %H:%M") == (
        "2030-01-13 17:00"
    )
    assert election.audit.filter(action="window_changed").count() == 1
    move_to(election, "voting")
    response = client.post(url, data)
    assert response.status_code == 400
    assert indonesian("Dates can no longer change once voting has opened.") in page_text(response)


def test_installation_attaches_the_signed_agreement(client, setup):
    community, chair, members, election = setup
    ketua = election.positions.get()
    nomination = elections.nominate(members[1], ketua, members[1])
    move_to(election, "voting")
    for voter in members[:3]:
        elections.cast_votes(voter, election, {ketua: nomination})
    move_to(election, "counting")
    elections.close(chair, election)
    client.force_login(chair)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("kesepakatan.pdf", b"<html>bukan pdf</html>")
    client.post(f"/komunitas/pemilihan/{election.pk}/lantik/", {"agreement": bad})
    election.refresh_from_db()
    assert election.installed_at is None and not is_officer(members[1], community)
    pdf = SimpleUploadedFile("kesepakatan.pdf", b"%PDF-1.4\n% surat kesepakatan\n")
    client.post(f"/komunitas/pemilihan/{election.pk}/lantik/", {"agreement": pdf})
    election.refresh_from_db()
    community.refresh_from_db()
    assert election.installed_at is not None and is_officer(members[1], community)
    assert community.agreement_document == election.agreement_document is not None


@pytest.mark.parametrize("voters", [4, 24])
def test_results_page_query_count_does_not_grow(client, setup, voters):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pusat import pagecache

    community, chair, members, election = setup
    for _ in range(voters - 4):
        MembershipFactory(community=community)
    move_to(election, "counting")
    elections.close(chair, election)
    client.force_login(members[0])
    url = f"/komunitas/pemilihan/{election.pk}/hasil/"
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert "Pemilihan Ketua 2027" in response.content.decode()
        return len(queries)

    stored = count()
    pagecache.invalidate()  # as after any change anywhere
    fresh = count()
    # With the count stored: the user, the election, membership and officer
    # checks, the electorate list and the layout's lookups. After a change the
    # tally's seven queries run again and the site, centre settings and
    # permissions kept until the next change are looked up again.
    assert (stored, fresh) == (7, 18)
