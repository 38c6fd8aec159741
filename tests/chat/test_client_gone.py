"""A broadcast that reaches a socket whose client has just left.

The real servers refuse a frame sent after the client has gone (daphne
raises "Attempt to send on a closed protocol", uvicorn a RuntimeError); the
load test in `scripts/ci_faults.sh` saw it whenever someone closed the chat
while others were talking. The consumer must drop the frame and still run
its disconnect, so the person leaves the room's presence.

The server here is a minimal ASGI driver that refuses sends after the client
closes, as uvicorn does; the channel layer and database are the real ones.
"""

import asyncio

import pytest
from asgiref.sync import async_to_sync

from community import chat, presence

from .conftest import routes

pytestmark = pytest.mark.django_db(transaction=True)


class ClosingServer:
    """Speaks ASGI to one websocket consumer and refuses sends once the
    client has closed, with uvicorn's own error."""

    def __init__(self, user, slug):
        self.scope = {
            "type": "websocket",
            "path": f"/ws/obrolan/{slug}/",
            "query_string": b"",
            "headers": [],
            "subprotocols": [],
            "user": user,
        }
        self.inbound = asyncio.Queue()
        self.sent = []
        self.client_closed = False
        self.accepted = asyncio.Event()

    async def receive(self):
        return await self.inbound.get()

    async def send(self, message):
        if self.client_closed:
            raise RuntimeError(
                f"Unexpected ASGI message '{message['type']}', after sending "
                "'websocket.close' or response already completed."
            )
        self.sent.append(message)
        if message["type"] == "websocket.accept":
            self.accepted.set()


def test_a_broadcast_after_the_client_left_is_dropped_and_disconnect_still_runs(people):
    room = people.members_room
    server = ClosingServer(people.member, room.slug)

    async def presence_names():
        present = await presence.members(room.pk)
        return sorted(name for _pk, name in present.values())

    async def scenario():
        app = asyncio.ensure_future(routes(server.scope, server.receive, server.send))
        await server.inbound.put({"type": "websocket.connect"})
        await asyncio.wait_for(server.accepted.wait(), 5)
        for _ in range(50):  # joined: presence written after the accept
            if await presence_names():
                break
            await asyncio.sleep(0.05)
        joined = await presence_names()
        # The client leaves; before its disconnect is read, someone talks.
        server.client_closed = True
        await asyncio.to_thread(
            chat.post_message, people.second_member, room, "Ada yang masih di sini?"
        )
        await asyncio.sleep(0.3)  # the broadcast reaches the consumer first
        await server.inbound.put({"type": "websocket.disconnect", "code": 1001})
        await asyncio.wait_for(app, 5)  # ends cleanly, no exception
        return joined, await presence_names()

    joined, after = async_to_sync(scenario)()
    assert joined == [people.member.full_name]
    assert after == []
