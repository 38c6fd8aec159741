"""Elections, events, minutes and proposals in the Wagtail admin: editors and
administrators find them with search and filters; nobody edits an election."""

import pytest
from django.core.management import call_command

from community.models import Election, Event, Minutes, Proposal
from tests.factories import AdministratorFactory, EditorFactory, MemberFactory

pytestmark = pytest.mark.django_db

LISTS = {
    "election": ("/admin/snippets/community/election/", "Pemilihan Pengurus Periode 2026"),
    "event": ("/admin/snippets/community/event/", None),
    "minutes": ("/admin/snippets/community/minutes/", None),
    "proposal": ("/admin/snippets/community/proposal/", None),
}


@pytest.fixture
def demo():
    call_command("load_demo_data", stdout=open(__import__("os").devnull, "w"))  # noqa: SIM115


@pytest.mark.parametrize("name", list(LISTS))
def test_editors_and_administrators_see_the_lists(client, demo, name):
    url, expected = LISTS[name]
    model = {"election": Election, "event": Event, "minutes": Minutes, "proposal": Proposal}[name]
    first = model.objects.order_by("pk").first()
    expected = expected or first.title
    for person in (EditorFactory(), AdministratorFactory()):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert expected in response.content.decode()
        searched = client.get(url, {"q": first.title.split()[0]})
        assert first.title in searched.content.decode()
    client.force_login(MemberFactory())
    assert client.get(url).status_code == 302  # members are sent to the admin sign-in


def test_nobody_edits_or_adds_an_election_in_the_admin(client, demo):
    election = Election.objects.order_by("pk").first()
    client.force_login(AdministratorFactory())
    assert client.get(f"/admin/snippets/community/election/edit/{election.pk}/").status_code in {
        302,
        403,
    }
    assert client.get("/admin/snippets/community/election/add/").status_code in {302, 403}
    inspect = client.get(f"/admin/snippets/community/election/inspect/{election.pk}/")
    assert inspect.status_code == 200 and election.title in inspect.content.decode()


def test_community_index_links_every_section(client, demo):
    body = client.get("/komunitas/").content.decode()
    for path in (
        "/komunitas/agenda/",
        "/komunitas/notulen/",
        "/komunitas/pemilihan/",
        "/komunitas/usulan/",
    ):
        assert f'href="{path}"' in body
