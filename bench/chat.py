"""Chat benchmark: N clients in one room over loopback against a real daphne.

    .venv/bin/python -m bench.chat                        # 50, 200, 500 clients
    .venv/bin/python -m bench.chat --clients 50 --messages 50
    REDIS_URL=redis://127.0.0.1:6391/0 .venv/bin/python -m bench.chat   # adds Redis

For each channel layer (in-memory always; Redis when `REDIS_URL` is set) and
each client count, one daphne process serves both the real chat
(`/ws/obrolan/<room>/`: session, access rule, mute and rate checks, save,
broadcast after commit) and a bare echo consumer (`/ws/echo/<room>/`: group
send only, see bench/asgi.py). Every client connects, a few of them send
`--messages` messages in total at `--rate` per second, and every client
records when each message arrives. The table gives delivery latency
(p50/p95/p99 from send to arrival, over all deliveries), delivered frames
per second, lost deliveries (expected minus received after a drain), and the
chat/echo ratio of p50 latency.

The database is a SQLite file in bench/data/chat.sqlite3, migrated and
seeded once (500 members of one community, with sessions). The server runs
with DEBUG off and without the per-person rate limit (bench/settings.py).
The machine's cores are shared by server and clients: compare runs on the
same machine only.
"""

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from bench.common import DATA, ROOT

DB_PATH = DATA / "chat.sqlite3"
DAPHNE = Path(sys.executable).with_name("daphne")
MAX_CLIENTS = 500
ROOM = "bench-anggota"
SENDERS = 10


def setup_django():
    os.environ.update(
        {
            "LOG_LEVEL": "WARNING",
            "DJANGO_ENV": "dev",
            "DEBUG": "0",
            "SQLITE_PATH": str(DB_PATH),
            "STATIC_ROOT": str(DATA / "static"),
            "MEDIA_ROOT": str(DATA / "media"),
            "DJANGO_SETTINGS_MODULE": "bench.settings",
        }
    )
    os.environ.pop("REDIS_URL", None)  # seeding needs no Redis
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    import django

    django.setup()


def seed():
    """Migrate and create the community and its members once; return their cookies."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from community.models import Community, Membership

    DATA.mkdir(parents=True, exist_ok=True)
    print("migrating and seeding bench/data/chat.sqlite3 (first run only)…", flush=True)
    call_command("migrate", verbosity=0)
    community, _ = Community.objects.get_or_create(
        slug="bench", defaults={"name": "Komunitas Bench", "regency": "Karangasem"}
    )
    User = get_user_model()
    cookies = []
    for number in range(MAX_CLIENTS):
        user, created = User.objects.get_or_create(
            email=f"bench{number}@contoh.id", defaults={"full_name": f"Anggota Bench {number}"}
        )
        if created:
            user.set_unusable_password()
            user.save()
            Membership.objects.get_or_create(
                user=user, community=community, defaults={"status": "active"}
            )
        client = Client()
        client.force_login(user)
        cookies.append(
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    return cookies


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port, redis_url, layer="", server="daphne"):
    from bench.common import SERVERS

    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
        "BENCH_CHANNEL_LAYER": layer,
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    command = SERVERS[server](port)
    if server == "uvicorn" and not redis_url:
        # One worker: with the in-memory layer, two workers would not share a room.
        command[command.index("--workers") + 1] = "1"
    log = open(DATA / "chat-server.log", "a")  # noqa: SIM115 - closed in stop_server
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    process.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server stopped; see {DATA / 'chat-server.log'}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    sys.exit("the server did not start")


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.log.close()


async def run_case(port, path, cookies, clients, messages, rate):
    import websockets

    origin = "http://127.0.0.1"
    url = f"ws://127.0.0.1:{port}{path}"
    arrivals = [{} for _ in range(clients)]  # client -> {client_id: arrival time}
    sent = {}  # client_id -> send time

    started = time.perf_counter()
    sockets = []
    for number in range(clients):
        headers = {"Cookie": cookies[number]} if cookies else {}
        sockets.append(
            await websockets.connect(
                url,
                origin=origin,
                additional_headers=headers,
                max_queue=None,
                open_timeout=60,
                ping_interval=None,
            )
        )
    connect_seconds = time.perf_counter() - started

    async def listen(number, ws):
        try:
            async for raw in ws:
                frame = json.loads(raw)
                if frame.get("type") == "message" and frame.get("client_id") in sent:
                    arrivals[number].setdefault(frame["client_id"], time.perf_counter())
        except websockets.ConnectionClosed:
            pass

    listeners = [asyncio.create_task(listen(n, ws)) for n, ws in enumerate(sockets)]
    await asyncio.sleep(1)  # let the join-time presence frames settle

    senders = sockets[: min(SENDERS, clients)]
    send_started = time.perf_counter()
    for index in range(messages):
        client_id = uuid.uuid4().hex
        sent[client_id] = time.perf_counter()
        ws = senders[index % len(senders)]
        await ws.send(
            json.dumps({"type": "message", "body": f"pesan {index}", "client_id": client_id})
        )
        delay = send_started + (index + 1) / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)

    # Drain: wait until everything arrived, or 10 s without progress.
    expected = messages * clients
    last_count, last_change = -1, time.perf_counter()
    while True:
        count = sum(len(seen) for seen in arrivals)
        if count >= expected:
            break
        if count != last_count:
            last_count, last_change = count, time.perf_counter()
        elif time.perf_counter() - last_change > 10:
            break
        await asyncio.sleep(0.1)
    finished = max((max(seen.values()) for seen in arrivals if seen), default=time.perf_counter())

    for ws in sockets:
        await ws.close()
    for task in listeners:
        task.cancel()

    latencies = sorted(
        (at - sent[client_id]) * 1000 for seen in arrivals for client_id, at in seen.items()
    )
    delivered = len(latencies)
    return {
        "connect_s": connect_seconds,
        "delivered": delivered,
        "lost": expected - delivered,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "per_second": delivered / max(finished - send_started, 1e-9),
    }


def percentile(values, q):
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


LAYERS = {
    # name -> (needs Redis, BENCH_CHANNEL_LAYER)
    "in-memory": (False, ""),
    "redis": (True, "core"),
    "redis-pubsub": (True, "pubsub"),
}


def run_cases(
    redis_url, layers, sizes, messages, rate, server="daphne", consumers=("echo", "chat")
):
    """Every (layer, clients, consumer) case; one server per layer."""
    cookies = seed()
    from community.models import ChatRoom, Community

    community = Community.objects.get(slug="bench")
    ChatRoom.objects.filter(community=community, kind="members").update(slug=ROOM)
    rows = []
    for layer in layers:
        needs_redis, backend = LAYERS[layer]
        if needs_redis and not redis_url:
            continue
        from bench.common import free_port as bench_port

        port = bench_port()
        process = start_server(port, redis_url if needs_redis else None, backend, server)
        try:
            for clients in sizes:
                for consumer in consumers:
                    path, auth = {
                        "echo": (f"/ws/echo/{ROOM}/", None),
                        "chat": (f"/ws/obrolan/{ROOM}/", cookies),
                    }[consumer]
                    print(f"  {server} {layer:12} {consumer:4} {clients:4} clients…", flush=True)
                    try:
                        result = asyncio.run(run_case(port, path, auth, clients, messages, rate))
                    except Exception as error:  # noqa: BLE001 - reported in the table
                        result = {"error": f"{type(error).__name__}: {error}"[:70]}
                    result.update({"messages": messages, "rate": rate, "server": server})
                    rows.append((layer, consumer, clients, result))
        finally:
            stop_server(process)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="50,200,500", help="comma-separated client counts")
    parser.add_argument("--messages", type=int, default=100, help="messages sent per case")
    parser.add_argument("--rate", type=float, default=20, help="messages sent per second")
    parser.add_argument("--layers", default="in-memory,redis,redis-pubsub")
    parser.add_argument("--server", default="daphne", choices=["daphne", "uvicorn"])
    parser.add_argument("--consumers", default="echo,chat")
    parser.add_argument("--json", help="write the rows as JSON to this file")
    args = parser.parse_args()
    sizes = [int(size) for size in args.clients.split(",")]
    if max(sizes) > MAX_CLIENTS:
        sys.exit(f"at most {MAX_CLIENTS} clients")

    redis_url = os.environ.get("REDIS_URL")
    setup_django()
    rows = run_cases(
        redis_url,
        args.layers.split(","),
        sizes,
        args.messages,
        args.rate,
        args.server,
        args.consumers.split(","),
    )
    if not redis_url:
        print("REDIS_URL not set: the Redis layers were not measured.")
    print_table(rows, args.messages)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [
                    {"layer": layer, "consumer": consumer, "clients": clients, **result}
                    for layer, consumer, clients, result in rows
                ]
            )
        )


def print_table(rows, messages):
    echo_p50 = {
        (layer, clients): result["p50"]
        for layer, consumer, clients, result in rows
        if consumer == "echo" and "error" not in result
    }
    header = (
        f"{'layer':9} {'consumer':8} {'clients':>7} {'connect s':>9} {'sent':>5} "
        f"{'delivered':>9} {'lost':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'frames/s':>9} {'p50 vs echo':>11}"
    )
    print()
    print(header)
    print("-" * len(header))
    for layer, consumer, clients, result in rows:
        if "error" in result:
            print(f"{layer:9} {consumer:8} {clients:7d} failed: {result['error']}")
            continue
        ratio = result["p50"] / echo_p50[(layer, clients)] if echo_p50.get((layer, clients)) else 0
        print(
            f"{layer:9} {consumer:8} {clients:7d} {result['connect_s']:9.1f} {messages:5d} "
            f"{result['delivered']:9d} {result['lost']:6d} {result['p50']:8.1f} "
            f"{result['p95']:8.1f} {result['p99']:8.1f} {result['per_second']:9.0f} "
            f"{ratio:10.1f}x"
        )


if __name__ == "__main__":
    main()
