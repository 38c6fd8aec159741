"""Chat survives its server processes being killed mid-stream.

Two daphne processes share one room through our own redis-server. Four
protocol clients (two pinned to one server each, two that fail over to the
other server, as behind a load balancer) each type a message about every
second. Mid-stream server A is killed with SIGKILL and started again; later
server B is stopped with SIGTERM and started again. Messages typed while a
client is disconnected wait in its queue and are resent on reconnect.

At the end every client must hold every stored message exactly once, in id
order (what it received live plus what `?after=` backfilled), and every
message typed must be stored exactly once.
"""

import asyncio
import random
import signal
import time

from asgiref.sync import sync_to_async

from community.models import ChatMessage
from faults.chatclient import ChatClient, room_and_members
from faults.conftest import session_cookie

MESSAGES_EACH = 12


def test_clients_end_with_every_message_once_in_order_across_kills(daphnes):
    a, b = daphnes
    room, people = room_and_members(4)
    start_id = ChatMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    plans = [[a.port], [a.port, b.port], [b.port], [b.port, a.port]]
    clients = [
        ChatClient(
            f"restart-{number}-{time.time_ns()}", session_cookie(person), room.slug, ports, start_id
        )
        for number, (person, ports) in enumerate(zip(people, plans, strict=True))
    ]
    timeline = {}

    async def talk(client):
        for number in range(MESSAGES_EACH):
            await client.say(f"Pesan uji {client.name} #{number}")
            await asyncio.sleep(1.05 + random.random() * 0.3)  # under 5 per 5 s

    async def faults():
        await asyncio.sleep(3)
        timeline["a_killed"] = time.monotonic()
        await sync_to_async(a.stop)(signal.SIGKILL)
        await asyncio.sleep(1.5)
        await sync_to_async(a.start)()
        timeline["a_back"] = time.monotonic()
        await asyncio.sleep(1)
        await sync_to_async(b.stop)(signal.SIGTERM)
        timeline["b_stopped"] = time.monotonic()
        await asyncio.sleep(1.5)
        await sync_to_async(b.start)()
        timeline["b_back"] = time.monotonic()

    def stored():
        return list(
            ChatMessage.objects.filter(room=room, pk__gt=start_id)
            .order_by("pk")
            .values_list("pk", "client_id", "body")
        )

    async def scenario():
        runners = [asyncio.create_task(client.run()) for client in clients]
        await asyncio.gather(faults(), *(talk(client) for client in clients))
        # Wait until every client has everything the database holds.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            rows = await sync_to_async(stored)()
            settled = all(not client.pending for client in clients) and all(
                client.last_id >= rows[-1][0] for client in clients
            )
            if settled and len(rows) == MESSAGES_EACH * len(clients):
                break
            await asyncio.sleep(0.5)
        for client in clients:
            await client.close()
        await asyncio.gather(*runners, return_exceptions=True)

    asyncio.run(scenario())
    rows = stored()

    # The faults really happened mid-stream: every client lost its socket.
    assert all(client.connections >= 2 for client in clients), [
        (client.name, client.connections) for client in clients
    ]
    # Every message typed is stored exactly once, with its text.
    typed = {cid: body for client in clients for cid, body in client.sent.items()}
    assert len(typed) == MESSAGES_EACH * len(clients)
    assert sorted(cid for _pk, cid, _body in rows) == sorted(typed)
    assert all(typed[cid] == body for _pk, cid, body in rows)
    # Every client saw every stored message exactly once, in order.
    expected = [pk for pk, _cid, _body in rows]
    for client in clients:
        got = [frame["id"] for frame in client.frames]
        missing = sorted(set(expected) - set(got))
        assert got == expected, (client.name, client.connections, missing, got)
        assert client.errors == [], (client.name, client.errors)
    print(
        f"\nRESULT chat-restart: {len(clients)} clients, {len(rows)} messages, "
        f"{sum(c.connections for c in clients)} connections, "
        f"{sum(c.rate_limited for c in clients)} resends refused as too fast and retried, "
        "0 lost, 0 duplicated, in order"
    )
