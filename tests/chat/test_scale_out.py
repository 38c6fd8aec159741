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
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import websockets
from asgiref.sync import async_to_sync
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
DAPHNE = Path(sys.executable).with_name("daphne")

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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_env(tmp_path):
    """Environment variables that point a server process at this test's database."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        host = settings["HOST"] or "127.0.0.1"
        port = settings["PORT"] or 5432
        credentials = f"{settings['USER']}:{settings['PASSWORD']}"
        return {"DATABASE_URL": f"postgres://{credentials}@{host}:{port}/{settings['NAME']}"}
    assert connection.vendor == "sqlite"
    copy = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    connection.connection.backup(target)
    target.close()
    return {"DATABASE_URL": "", "SQLITE_PATH": str(copy)}


def start_daphne(port, env, log_path):
    log = open(log_path, "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [str(DAPHNE), "-b", "127.0.0.1", "-p", str(port), "pusat.asgi:application"],
        cwd=ROOT / "site",
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    return process


def wait_until_listening(process, port, log_path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"daphne on port {port} stopped:\n{Path(log_path).read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"daphne on port {port} did not start:\n{Path(log_path).read_text()}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.log.close()


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
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
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
