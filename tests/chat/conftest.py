"""Fixtures for the chat tests: a community with its rooms and people, and
websocket clients that speak to the consumer as a given person."""

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from community import chat
from community.models import ChatRoom
from community.routing import websocket_urlpatterns
from tests.factories import (
    CommunityFactory,
    EditorFactory,
    MembershipFactory,
    OfficerTermFactory,
)

# The chat routes without the origin check and the session middleware: the
# tests put the person straight into the scope (the full stack has its own tests).
routes = URLRouter(websocket_urlpatterns)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    chat.reset_rate_limits()
    yield
    chat.reset_rate_limits()


class People:
    """Everyone the access rules distinguish, around one community."""

    def __init__(self):
        self.community = CommunityFactory(name="Komunitas Karangasem", slug="karangasem")
        self.other_community = CommunityFactory(name="Komunitas Buleleng", slug="buleleng")
        self.member = MembershipFactory(
            community=self.community, user__full_name="Luh Sukerti"
        ).user
        self.second_member = MembershipFactory(
            community=self.community, user__full_name="Komang Ayu"
        ).user
        self.outsider = MembershipFactory(
            community=self.other_community, user__full_name="Made Oka"
        ).user
        self.officer = OfficerTermFactory(
            community=self.community, user__full_name="Wayan Ketua"
        ).user
        MembershipFactory(community=self.community, user=self.officer)
        self.other_officer = OfficerTermFactory(
            community=self.other_community, user__full_name="Nyoman Ketua"
        ).user
        MembershipFactory(community=self.other_community, user=self.other_officer)
        self.editor = EditorFactory(full_name="Editor Pusat")
        self.members_room = ChatRoom.objects.get(community=self.community, kind="members")
        self.officers_room = ChatRoom.objects.get(community=self.community, kind="officers")


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def members_room(people):
    return people.members_room


def communicator(user, slug, after=None):
    path = f"/ws/obrolan/{slug}/"
    if after is not None:
        path += f"?after={after}"
    client = WebsocketCommunicator(routes, path)
    client.scope["user"] = user
    return client


async def connected(user, slug, after=None):
    client = communicator(user, slug, after)
    accepted, _subprotocol = await client.connect()
    assert accepted
    return client


async def receive_until(client, kind, timeout=2):
    """Frames up to and including the first one of `kind` (presence frames are skipped)."""
    while True:
        frame = await client.receive_json_from(timeout=timeout)
        if frame["type"] == kind:
            return frame


async def drain(client, timeout=0.2):
    """Every frame waiting for `client`, skipping presence and typing."""
    frames = []
    while not await client.receive_nothing(timeout=timeout):
        frame = await client.receive_json_from()
        if frame["type"] not in ("presence", "typing"):
            frames.append(frame)
    return frames
