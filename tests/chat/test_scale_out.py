"""Scale-out: two real daphne processes share chat rooms through Redis.

Runs when `REDIS_URL` names a Redis server (CI's PostgreSQL + Redis leg
starts one); skipped otherwise, unless `CI_REQUIRE_REDIS=1`, where a missing
Redis is a broken CI and fails.

The daphne processes must read the same database as this test. On
PostgreSQL they use the test database itself (the test is transactional, so
its rows are committed). pytest-django's SQLite test database lives in
memory, so there it is copied into a file, which both processes then share.
"""

import asyncio
import json
import os

import pytest
import websockets
from asgiref.sync import async_to_sync
from django.test import Client

from tests.chat.servers import (
    database_env,
    free_port,
    start_daphne,
    stop,
    wait_until_listening,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        message = "REDIS_URL is not set: the two-daphne scale-out test needs a real Redis"
        if os.environ.get("CI_REQUIRE_REDIS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url


def session_cookie(user):
    browser = Client()
    browser.force_login(user)
    return f"sessionid={browser.cookies['sessionid'].value}"


async def next_frame(ws, kind, timeout=10):
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if frame["type"] == kind:
            return frame


def test_two_daphne_processes_share_a_room_through_redis(people, redis_url, tmp_path):
    room = people.members_room
    cookies = {
        "sender": session_cookie(people.member),
        "reader": session_cookie(people.second_member),
    }
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pusat.settings.test",
        "DJANGO_ENV": "test",
        "REDIS_URL": redis_url,
        **database_env(tmp_path),
    }
    ports = [free_port(), free_port()]
    processes = []
    try:
        for number, port in enumerate(ports):
            log_path = tmp_path / f"daphne-{number}.log"
            processes.append(start_daphne(port, env, log_path))
        for number, (process, port) in enumerate(zip(processes, ports, strict=True)):
            wait_until_listening(process, port, tmp_path / f"daphne-{number}.log")

        def url(port, after=None):
            query = f"?after={after}" if after is not None else ""
            return f"ws://127.0.0.1:{port}/ws/obrolan/{room.slug}/{query}"

        async def scenario():
            origin = "http://127.0.0.1"
            async with (
                websockets.connect(
                    url(ports[0]), origin=origin, additional_headers={"Cookie": cookies["sender"]}
                ) as sender,
                websockets.connect(
                    url(ports[1]), origin=origin, additional_headers={"Cookie": cookies["reader"]}
                ) as reader,
            ):
                # Presence lives in the shared cache: the reader's process
                # knows about the sender connected to the other process.
                presence = await next_frame(reader, "presence")
                await sender.send(
                    json.dumps({"type": "message", "body": "Dari proses satu", "client_id": "s1"})
                )
                received = await next_frame(reader, "message")
                echoed = await next_frame(sender, "message")
            # The message was saved: a late comer on the other process gets it by backfill.
            async with websockets.connect(
                url(ports[1], after=0),
                origin=origin,
                additional_headers={"Cookie": cookies["reader"]},
            ) as late:
                backfilled = await next_frame(late, "message")
            return presence, received, echoed, backfilled

        presence, received, echoed, backfilled = async_to_sync(scenario)()
    finally:
        for process in processes:
            stop(process)

    assert presence["names"] == ["Komang Ayu", "Luh Sukerti"]
    assert received["body"] == "Dari proses satu"
    assert received["author"] == "Luh Sukerti"
    assert received == echoed == backfilled
