"""Redis stops while the site is in use (channel layer, cache, sessions'
cache and the chat rate limit all live in it), then comes back empty.

While it is away: pages keep answering 200, for visitors and signed-in
members (sessions fall back to the database); chat sockets are closed and
their clients keep retrying (chat.js shows "Menyambung ulang…"); a message
posted through the page's form (no JavaScript) is stored. When Redis
returns the clients reconnect, backfill the message posted meanwhile, and a
new message reaches both, each exactly once.
"""

import asyncio
import re
import time

import requests
from asgiref.sync import sync_to_async

from community.models import ChatMessage
from courses.models import LessonPage
from faults.chatclient import ChatClient, room_and_members
from faults.conftest import LoopbackCookies, session_cookie
from forum.models import Thread
from showcase.models import ShowcasePage


def pages(room):
    thread = Thread.objects.order_by("pk").first()
    return {
        "home": "/",
        "lesson": LessonPage.objects.live().order_by("pk").first().url,
        "forum thread": f"/forum/topik/{thread.pk}/",
        "showcase": ShowcasePage.objects.live().order_by("pk").first().url,
        "chat room (members only)": room.get_absolute_url(),
    }


def statuses(server, urls, cookie=None):
    session = requests.Session()
    if cookie:
        session.cookies.set("sessionid", cookie)
    return {
        name: session.get(server.url + url, allow_redirects=False, timeout=15).status_code
        for name, url in urls.items()
    }


def post_through_form(server, room, cookie, body):
    session = requests.Session()
    session.cookies.set_policy(LoopbackCookies())
    # The host's own domain, so a cookie the server sets again replaces it.
    session.cookies.set("sessionid", cookie, domain="127.0.0.1")
    url = server.url + room.get_absolute_url()
    page = session.get(url, timeout=15)
    assert page.status_code == 200, (page.status_code, page.url, page.text[:300])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, page.text[:3000]
    token = token.group(1)
    return session.post(
        url, data={"csrfmiddlewaretoken": token, "body": body}, allow_redirects=False, timeout=15
    )


def wait_for(condition, timeout, what, state=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}" + (f": {state()}" if state else ""))


def client_state(clients):
    """What each client has seen, for a failure message."""
    return [
        {
            "name": client.name,
            "connected": client.socket is not None,
            "connections": client.connections,
            "unavailable": client.unavailable,
            "frames": [frame["id"] for frame in client.frames],
            "pending": list(client.pending),
            "errors": client.errors,
        }
        for client in clients
    ]


def test_pages_survive_a_redis_outage_and_chat_recovers(daphnes, redis_server):
    server = daphnes[0]
    room, people = room_and_members(2)
    urls = pages(room)
    member = session_cookie(people[0])
    start_id = ChatMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    marker = f"redis-{time.time_ns()}"
    clients = [
        ChatClient(f"{marker}-{n}", session_cookie(p), room.slug, [server.port], start_id)
        for n, p in enumerate(people)
    ]
    report = {}

    async def scenario():
        runners = [asyncio.create_task(client.run()) for client in clients]

        def connected():
            return all(client.socket is not None for client in clients)

        async def until(condition, timeout, what):
            await sync_to_async(wait_for)(condition, timeout, what, lambda: client_state(clients))

        await until(connected, 30, "both chat clients to connect")
        report["before"] = await sync_to_async(statuses)(server, urls, member)

        await sync_to_async(redis_server.stop)()
        await until(lambda: all(c.unavailable for c in clients), 15, "sockets to close")
        report["visitor during"] = await sync_to_async(statuses)(server, urls)
        report["member during"] = await sync_to_async(statuses)(server, urls, member)
        report["form post during"] = await sync_to_async(post_through_form)(
            server, room, member, f"{marker} dikirim saat Redis mati"
        )
        refused = [c.unavailable for c in clients]
        await asyncio.sleep(3)  # clients keep retrying and are refused meanwhile
        report["refused again"] = [c.unavailable - r for c, r in zip(clients, refused, strict=True)]
        report["frames during"] = [len(c.frames) for c in clients]

        await sync_to_async(redis_server.start)()
        await until(connected, 40, "both chat clients to reconnect")
        await clients[0].say(f"{marker} setelah Redis kembali")
        await until(lambda: all(len(c.frames) == 2 for c in clients), 20, "both messages")
        await asyncio.sleep(1)  # room for a duplicate to show up
        for client in clients:
            await client.close()
        await asyncio.gather(*runners, return_exceptions=True)

    asyncio.run(scenario())

    everything_ok = dict.fromkeys(urls, 200)
    assert report["before"] == everything_ok
    assert report["visitor during"] == {**everything_ok, "chat room (members only)": 302}
    assert report["member during"] == everything_ok
    assert report["form post during"].status_code == 302
    # Every retry during the outage was refused (1011 + "unavailable"), none delivered.
    assert all(report["refused again"]), report["refused again"]
    assert report["frames during"] == [0, 0]
    rows = list(
        ChatMessage.objects.filter(room=room, pk__gt=start_id)
        .order_by("pk")
        .values_list("pk", "body")
    )
    assert [body for _pk, body in rows] == [
        f"{marker} dikirim saat Redis mati",
        f"{marker} setelah Redis kembali",
    ]
    for client in clients:
        assert [frame["id"] for frame in client.frames] == [pk for pk, _body in rows]
        assert client.errors == []
    print(
        "\nRESULT redis-outage: pages 200 during the outage "
        f"({', '.join(urls)}); chat sockets closed with 1011, "
        f"{sum(c.unavailable for c in clients)} refused retries, recovered; 0 lost, 0 duplicated"
    )
