"""The election life cycle through `community.elections`, for both methods,
with ballot secrecy, one vote per position, and officer rights that follow
installation and term end."""

import datetime

import pytest
from django.utils import timezone

from community import elections
from community.models import (
    AuditEntry,
    Ballot,
    Election,
    EligibleVoter,
    OfficerTerm,
    Participation,
)
from community.roles import is_officer
from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    MembershipFactory,
    OfficerTermFactory,
)

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def windows(start):
    return (start, start + 24 * HOUR, start + 24 * HOUR, start + 48 * HOUR)


def move_to(election, phase):
    """Shift the election's dates so that `phase` is happening now."""
    now = timezone.now()
    offsets = {
        "nomination": now - HOUR,
        "voting": now - 25 * HOUR,
        "counting": now - 49 * HOUR,
    }
    (
        election.nomination_opens_at,
        election.nomination_closes_at,
        election.voting_opens_at,
        election.voting_closes_at,
    ) = windows(offsets[phase])
    # Only the dates: other fields may have moved on in the database.
    election.save(
        update_fields=[
            "nomination_opens_at",
            "nomination_closes_at",
            "voting_opens_at",
            "voting_closes_at",
        ]
    )


def new_election(officer, community, title, method, roles):
    """An election for `roles` whose nomination opened an hour ago."""
    return elections.create_election(
        officer,
        community,
        title=title,
        method=method,
        windows=windows(timezone.now() - HOUR),
        roles=roles,
    )


def tied_and_closed(officer, election, voters):
    """The first two of four `voters` stand for the election's only seat and
    get two votes each; the election is then counted and closed. Returns the
    seat and the two candidacies."""
    seat = election.positions.get()
    a = elections.nominate(voters[0], seat, voters[0])
    b = elections.nominate(voters[1], seat, voters[1])
    move_to(election, "voting")
    for voter, choice in zip(voters, [a, b, a, b], strict=True):
        elections.cast_votes(voter, election, {seat: choice})
    move_to(election, "counting")
    elections.close(officer, election)
    return seat, a, b


@pytest.fixture
def board():
    """A community with a chair and five more members."""
    community = CommunityFactory()
    chair = OfficerTermFactory(community=community).user
    MembershipFactory(community=community, user=chair)
    members = [MembershipFactory(community=community).user for _ in range(5)]
    return community, chair, members


@pytest.fixture
def election(board):
    community, chair, _members = board
    return new_election(
        chair,
        community,
        "Pemilihan Pengurus 2027",
        Election.Method.MAJORITY,
        ["ketua", "sekretaris"],
    )


def positions(election):
    return {p.role: p for p in election.positions.all()}


def test_create_checks_dates_and_rights(board):
    community, chair, members = board
    with pytest.raises(elections.ElectionError):
        elections.create_election(
            chair,
            community,
            title="x",
            method="majority",
            windows=(timezone.now(), timezone.now() - HOUR, timezone.now(), timezone.now()),
        )
    with pytest.raises(elections.ElectionError):
        elections.create_election(
            members[0], community, title="x", method="majority", windows=windows(timezone.now())
        )
    assert Election.objects.count() == 0


def test_administrator_acts_only_for_a_community_without_a_board(board):
    community, _chair, _members = board
    admin = AdministratorFactory()
    with pytest.raises(elections.ElectionError):
        elections.create_election(
            admin, community, title="x", method="majority", windows=windows(timezone.now())
        )
    boardless = CommunityFactory()
    assert (
        elections.create_election(
            admin,
            boardless,
            title="Pemilihan pertama",
            method="majority",
            windows=windows(timezone.now()),
        ).positions.count()
        == 4
    )


def test_nomination_rules(board, election):
    community, chair, members = board
    ketua = positions(election)["ketua"]
    outsider = MembershipFactory().user
    with pytest.raises(elections.ElectionError):
        elections.nominate(outsider, ketua, members[0])
    with pytest.raises(elections.ElectionError):
        elections.nominate(members[0], ketua, outsider)
    nomination = elections.nominate(members[0], ketua, members[1], statement="Siap melayani.")
    assert nomination.accepted_at is None  # stands only after accepting
    with pytest.raises(elections.ElectionError):
        elections.nominate(members[2], ketua, members[1])  # already nominated
    with pytest.raises(elections.ElectionError):
        elections.respond(members[0], nomination, accept=True)  # not the nominee
    elections.respond(members[1], nomination, accept=True, programme="Pelatihan foto produk.")
    nomination.refresh_from_db()
    assert nomination.is_candidate and nomination.programme == "Pelatihan foto produk."
    self_nominated = elections.nominate(members[2], ketua, members[2])
    assert self_nominated.is_candidate
    move_to(election, "voting")
    with pytest.raises(elections.ElectionError):
        elections.nominate(members[3], ketua, members[3])


def run_majority(board, election, votes):
    """Nominate members[0] and members[1] for ketua and vote as given."""
    _community, _chair, members = board
    ketua = positions(election)["ketua"]
    a = elections.nominate(members[0], ketua, members[0])
    b = elections.nominate(members[1], ketua, members[1])
    move_to(election, "voting")
    receipts = {}
    for voter_index, choice in votes.items():
        receipts[voter_index] = elections.cast_votes(
            members[voter_index], election, {ketua: a if choice == "a" else b}
        )
    return ketua, a, b, receipts


def test_majority_vote_secret_ballot_results_and_installation(board, election):
    community, chair, members = board
    ketua, a, b, receipts = run_majority(board, election, {0: "a", 2: "a", 3: "b", 4: "a"})
    # The electorate was frozen when voting opened: the six members.
    assert EligibleVoter.objects.filter(election=election).count() == 6
    # Nothing links a ballot to its voter: no voter column, random ids, no time.
    ballot_columns = {f.column for f in Ballot._meta.get_fields() if hasattr(f, "column")}
    assert ballot_columns == {"id", "position_id", "choice_id", "receipt_hash"}
    assert Ballot.objects.count() == Participation.objects.count() == 4
    # No results before the close, for anybody.
    assert not elections.results_visible(election)
    with pytest.raises(elections.ElectionError):
        elections.close(chair, election)  # the window is still open
    move_to(election, "counting")
    result = elections.close(chair, election)
    assert elections.results_visible(election)
    ketua_result = result.positions[0]
    assert [(n.nominee, votes) for n, votes in ketua_result.counts] == [
        (members[0], 3),
        (members[1], 1),
    ]
    assert (result.participants, result.electorate, result.quorum_met) == (4, 6, True)
    assert result.turnout_percent == 66
    # sekretaris had no candidate: installing must wait.
    with pytest.raises(elections.ElectionError):
        elections.install(chair, election)


def test_installation_moves_officer_rights(board):
    community, chair, members = board
    election = new_election(chair, community, "Pemilihan Ketua", "majority", ["ketua"])
    run_majority(board, election, {0: "b", 2: "b", 3: "b", 4: "a"})
    move_to(election, "counting")
    elections.close(chair, election)
    sekretaris = OfficerTermFactory(community=community, role="sekretaris").user
    assert is_officer(chair, community) and not is_officer(members[1], community)
    elections.install(chair, election)
    assert is_officer(members[1], community)
    assert not is_officer(chair, community)  # the previous ketua's term ended
    assert is_officer(sekretaris, community)  # an office not up for election stays
    term = OfficerTerm.objects.get(user=members[1])
    assert (term.role, term.source, term.election) == ("ketua", "election", election)
    assert term.ends_on > timezone.localdate() + datetime.timedelta(days=3 * 365 - 5)
    # Rights end with the term, with nobody editing groups.
    assert not is_officer(members[1], community, on=term.ends_on + datetime.timedelta(days=1))
    with pytest.raises(elections.ElectionError):
        elections.install(members[1], election)  # installed once


def test_voting_rules(board, election):
    community, chair, members = board
    ketua, a, b, receipts = run_majority(board, election, {0: "a"})
    with pytest.raises(elections.ElectionError):
        elections.cast_votes(members[0], election, {ketua: b})  # twice
    outsider = MembershipFactory().user
    with pytest.raises(elections.ElectionError):
        elections.cast_votes(outsider, election, {ketua: a})  # another community
    late = MembershipFactory(community=community).user  # joined after voting opened
    late_membership = late.membership
    late_membership.decided_at = timezone.now()
    late_membership.save()
    with pytest.raises(elections.ElectionError):
        elections.cast_votes(late, election, {ketua: a})
    move_to(election, "counting")
    with pytest.raises(elections.ElectionError):
        elections.cast_votes(members[2], election, {ketua: a})  # after the window
    assert Ballot.objects.count() == 1


def test_receipt_verifies_after_publication_without_revealing_the_choice(board, election):
    _community, chair, _members = board
    ketua, a, b, receipts = run_majority(board, election, {0: "a", 2: "b"})
    assert elections.verify_receipt(receipts[0]) == []  # not before the close
    move_to(election, "counting")
    elections.close(chair, election)
    assert elections.verify_receipt(receipts[0]) == [ketua]
    assert elections.verify_receipt(receipts[0].lower()) == [ketua]
    assert elections.verify_receipt("AAAA-BBBB-CCCC") == []


def test_tie_needs_a_recorded_resolution(board):
    community, chair, members = board
    election = new_election(chair, community, "Seri", "majority", ["ketua"])
    ketua, a, b, receipts = run_majority(board, election, {0: "a", 2: "b", 3: "a", 4: "b"})
    move_to(election, "counting")
    result = elections.close(chair, election)
    assert result.positions[0].winner is None and set(result.positions[0].tied) == {a, b}
    with pytest.raises(elections.ElectionError):
        elections.install(chair, election)
    with pytest.raises(elections.ElectionError):
        elections.break_tie(chair, ketua, b, "runoff", "")  # account required
    elections.break_tie(chair, ketua, b, "runoff", "Pemungutan ulang 12 Desember: 4 lawan 2.")
    elections.install(chair, election)
    assert is_officer(members[1], community)


def test_quorum_not_met_blocks_installation(board):
    community, chair, members = board
    election = new_election(chair, community, "Sepi", "majority", ["ketua"])
    run_majority(board, election, {0: "a"})  # 1 of 6 voted
    move_to(election, "counting")
    result = elections.close(chair, election)
    assert not result.quorum_met
    with pytest.raises(elections.ElectionError):
        elections.install(chair, election)


def test_consensus_election(board):
    community, chair, members = board
    election = new_election(
        chair, community, "Musyawarah Pengurus", "consensus", ["ketua", "bendahara"]
    )
    move_to(election, "voting")
    with pytest.raises(elections.ElectionError):
        elections.cast_votes(members[0], election, {})
    elections.record_attendance(chair, election, members[:4])
    elections.confirm_attendance(members[0], election)
    with pytest.raises(elections.ElectionError):
        elections.confirm_attendance(members[4], election)  # was not there
    roles = positions(election)
    elections.record_consensus(chair, roles["ketua"], members[2], "Semua setuju Bu Made.")
    with pytest.raises(elections.ElectionError):
        elections.record_consensus(chair, roles["bendahara"], members[3], "   ")
    elections.record_consensus(chair, roles["bendahara"], members[3], "Disepakati bulat.")
    move_to(election, "counting")
    result = elections.close(chair, election)
    assert result.quorum_met  # 4 of 6 attended
    elections.install(chair, election)
    assert is_officer(members[2], community) and is_officer(members[3], community)


def test_audit_log_records_every_action_but_no_choice(board, election):
    _community, chair, members = board
    run_majority(board, election, {0: "a", 2: "b"})
    move_to(election, "counting")
    elections.close(chair, election)
    actions = list(AuditEntry.objects.filter(election=election).values_list("action", flat=True))
    assert actions[0] == "created"
    assert actions.count("nominated") == 2 and actions.count("vote_cast") == 2
    assert "voting_opened" in actions and actions[-1] == "closed"
    votes = AuditEntry.objects.filter(election=election, action="vote_cast")
    assert {entry.actor for entry in votes} == {members[0], members[2]}
    for entry in votes:
        assert members[1].full_name not in entry.detail and members[0].full_name not in entry.detail
    # An auditor can check that nobody voted twice for a position.
    per_voter = Participation.objects.values_list("user", "position")
    assert len(per_voter) == len(set(per_voter))


# 100 concurrent submissions of one vote: see test_election_attacks.py.


def test_demo_elections_are_consistent(db):
    """The demo's finished election: every ballot has a participation, the
    tally names the installed board, and nobody voted twice."""
    from django.core.management import call_command

    call_command("load_demo_data", stdout=open(__import__("os").devnull, "w"))  # noqa: SIM115
    finished = Election.objects.get(title="Pemilihan Pengurus Periode 2026–2029")
    assert Ballot.objects.filter(position__election=finished).count() == (
        Participation.objects.filter(position__election=finished).count()
    )
    result = elections.tally(finished)
    assert result.quorum_met and not result.undecided
    installed = {(t.role, t.user) for t in OfficerTerm.objects.filter(election=finished)}
    assert installed == {(r.position.role, r.winner) for r in result.positions}
    bekasi = Election.objects.exclude(pk=finished.pk).get()
    assert elections.phase(bekasi) == "nomination"
