"""The election pages officers post to, given what no form sends: found by the
form fuzzing (tests/site/test_fuzz_officer_forms.py)."""

import pytest

from community.models import ConsensusAttendance, ConsensusDecision, Election, TieBreak
from tests.community.test_election_views import setup  # noqa: F401 (a fixture)
from tests.community.test_elections import move_to, new_election, tied_and_closed
from tests.helpers import indonesian

pytestmark = pytest.mark.django_db


@pytest.fixture
def tie(setup):  # noqa: F811
    """A closed election whose ketua is tied between two members."""
    community, chair, members, election = setup
    seat, _a, b = tied_and_closed(chair, election, members)
    return chair, election, seat, b


@pytest.mark.parametrize("winner", ["", "abc", "²", "9" * 30, "1.5"])
def test_a_tie_break_naming_no_candidate_is_refused_not_a_crash(client, tie, winner):
    chair, election, seat, _b = tie
    client.force_login(chair)
    response = client.post(
        f"/komunitas/pemilihan/{election.pk}/seri/{seat.pk}/",
        {"winner": winner, "method": "runoff", "account": "Ulang: 3 lawan 2."},
        follow=True,
    )
    assert response.status_code == 200
    assert indonesian("Choose one of the tied candidates.") in response.content.decode()
    assert not TieBreak.objects.exists()


@pytest.mark.parametrize("method", ["", "undian", "x" * 40, "runoff\x00"])
def test_a_tie_break_by_an_unknown_method_is_refused(client, tie, method):
    """The method was stored as posted (a 500 on PostgreSQL past 10 characters)."""
    chair, election, seat, b = tie
    client.force_login(chair)
    response = client.post(
        f"/komunitas/pemilihan/{election.pk}/seri/{seat.pk}/",
        {"winner": b.pk, "method": method, "account": "Ulang: 3 lawan 2."},
        follow=True,
    )
    assert response.status_code == 200
    assert "Pilih cara hasil imbang diselesaikan" in response.content.decode()
    assert not TieBreak.objects.exists()


def test_a_nul_byte_in_a_tie_break_account_is_dropped(client, tie):
    chair, election, seat, b = tie
    client.force_login(chair)
    client.post(
        f"/komunitas/pemilihan/{election.pk}/seri/{seat.pk}/",
        {"winner": b.pk, "method": "runoff", "account": "Ulang:\x00 3 lawan 2."},
    )
    assert TieBreak.objects.get().account == "Ulang: 3 lawan 2."


@pytest.fixture
def deliberation(setup):  # noqa: F811
    community, chair, members, _majority = setup
    election = new_election(
        chair, community, "Musyawarah Bendahara", Election.Method.CONSENSUS, ["bendahara"]
    )
    move_to(election, "voting")
    return chair, members, election, election.positions.get()


def test_a_refused_deliberation_saves_no_attendance(client, deliberation):
    """The attendance was saved before the missing account refused the form."""
    chair, members, election, seat = deliberation
    client.force_login(chair)
    response = client.post(
        f"/komunitas/pemilihan/{election.pk}/mufakat/",
        {"present": [m.pk for m in members], f"holder-{seat.pk}": members[1].pk},
    )
    assert response.status_code == 400
    assert not ConsensusAttendance.objects.filter(election=election).exists()
    assert not ConsensusDecision.objects.exists()


@pytest.mark.parametrize("value", ["²", "abc", "9" * 30, "-1"])
def test_a_deliberation_with_ids_that_are_no_numbers_answers(client, deliberation, value):
    chair, members, election, seat = deliberation
    client.force_login(chair)
    response = client.post(
        f"/komunitas/pemilihan/{election.pk}/mufakat/",
        {
            "present": [value, members[0].pk],
            f"holder-{seat.pk}": value,
            f"account-{seat.pk}": "Sepakat.",
        },
    )
    assert response.status_code == 400
    assert not ConsensusAttendance.objects.filter(election=election).exists()


def test_a_nul_byte_in_a_deliberation_account_is_dropped(client, deliberation):
    chair, members, election, seat = deliberation
    client.force_login(chair)
    response = client.post(
        f"/komunitas/pemilihan/{election.pk}/mufakat/",
        {
            "present": [m.pk for m in members],
            f"holder-{seat.pk}": members[1].pk,
            f"account-{seat.pk}": "Semua\x00 sepakat.",
        },
    )
    assert response.status_code == 302
    assert ConsensusDecision.objects.get().account == "Semua sepakat."
