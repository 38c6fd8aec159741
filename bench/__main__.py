"""The benchmark: `make bench`, or `.venv/bin/python -m bench [--quick] [--scales ...]`.

Seeds (once) and measures the site at three scales, serves it with uvicorn and
daphne on loopback, and writes bench/RESULTS.md and bench/results.json:

1. seeding: small (the demo: 10 members), medium (1,000), large (10,000
   members, 40 courses / 400 lessons, 1,000 showcases x 20 products, 100,000
   forum posts, 200 events, 20 elections); reused on later runs;
2. key pages at each scale: SQL queries (test client), server time p50/p95 of
   50 sequential requests after warm-up over loopback against uvicorn (two
   workers), the trivial-view floor, and first-load weight as served;
3. wrk load (10 s, 8 connections) on the anonymous home, lesson and showcase
   pages against daphne and uvicorn; resident memory of one server process;
4. the chat benchmark (bench/chat.py): 50/200/500 clients, in-memory, Redis
   (channels-redis core layer) and Redis pub/sub, chat beside a bare echo
   consumer, and the budget case (200 clients, 5 msg/s) on daphne and uvicorn;
5. Lighthouse on home, lesson, showcase and thread; EXPLAIN on PostgreSQL.

`--quick` is a smoke run: the small scale only, 10 timed requests per page,
3 s of load, 50 chat clients, no Lighthouse or EXPLAIN.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import explain, lighthouse, load, pages, report, seed
from bench.common import DATA, PYTHON, ROOT, SCALES, Server

REDIS_PORT = 6392


def log(line=""):
    print(line, flush=True)


class OwnRedis:
    """A throwaway redis-server on this bench's port (nothing saved)."""

    def __init__(self, port=REDIS_PORT):
        self.port = port
        self.process = None
        if shutil.which("redis-server") is None:
            return
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--maxclients", "10000"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)
        if self.process.poll() is not None:
            self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0" if self.process else None

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def machine():
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    versions = {}
    for package in ("django", "wagtail", "channels", "channels-redis", "daphne", "uvicorn"):
        try:
            versions[package] = version(package)
        except Exception:  # noqa: BLE001 - reported as missing
            versions[package] = "missing"
    import sqlite3

    versions["sqlite"] = sqlite3.sqlite_version
    versions["python"] = platform.python_version()
    try:
        wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1]
        versions["wrk"] = wrk
    except (OSError, IndexError):
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "memory": memory,
        "os": platform.platform(),
        "versions": versions,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_at_start": os.getloadavg(),
    }


def collectstatic():
    from bench.common import django_env

    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=django_env("small"),
        check=True,
    )


def measure_pages(scale, repeat):
    prepared = pages.prepare(scale)
    cookies = prepared["cookies"]
    rows = []
    with Server("uvicorn", scale) as server:
        for row in prepared["pages"]:
            cookie = cookies[row["who"]]
            timing = pages.time_page(server.port, row["path"], cookie, repeat=repeat)
            weight = pages.page_weight(server.port, row["path"], cookie)
            rows.append({**row, **timing, "weight": weight})
            log(
                f"  {scale:6} {row['name']:28} {row['queries_cold']:3d} q  "
                f"p50 {timing['p50']:7.1f} ms  p95 {timing['p95']:7.1f} ms  "
                f"{weight['first_load'] / 1024:6.1f} KB  ({timing['status']})"
            )
    return rows


def measure_load(scale, seconds, paths):
    results = {}
    memory = {}
    for kind in ("daphne", "uvicorn"):
        with Server(kind, scale) as server:
            for name, path in paths:
                # Warm up: the first requests fill caches and make renditions.
                pages.time_page(server.port, path, "", repeat=1, warmup=5)
                result = load.run(server.base + path, seconds=seconds)
                results[f"{kind} {name}"] = {"server": kind, "page": name, **result}
                log(f"  {kind:8} {name:10} {json.dumps(result)}")
            memory[kind] = server.rss_mb()
    return results, memory


def run_chat(redis_url, args):
    """bench/chat.py in a child process per server; rows as dicts."""
    out = DATA / "chat-results.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)])}
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    rows = []
    plans = [
        # (server, clients, messages, rate, layers, case)
        ("daphne", args.chat_clients, args.chat_messages, 20.0, args.chat_layers, "sweep"),
        ("daphne", "200", 50, 5.0, "redis-pubsub,redis", "budget"),
        ("uvicorn", "200", 50, 5.0, "redis,redis-pubsub", "budget"),
    ]
    if args.quick:
        plans = [("daphne", "50", 20, 20.0, args.chat_layers, "sweep")]
    for server, clients, messages, rate, layers, case in plans:
        if out.exists():
            out.unlink()
        command = [PYTHON, "-m", "bench.chat", "--clients", clients, "--messages", str(messages)]
        command += ["--rate", str(rate), "--layers", layers, "--server", server]
        command += ["--json", str(out)]
        subprocess.run(command, cwd=ROOT, env=env, check=False, timeout=1200)
        if out.exists():
            rows += [{**row, "case": case} for row in json.loads(out.read_text())]
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default=",".join(SCALES))
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--repeat", type=int, default=50, help="timed requests per page")
    parser.add_argument("--load-seconds", type=int, default=10)
    parser.add_argument("--chat-clients", default="50,200,500")
    parser.add_argument("--chat-messages", type=int, default=60)
    parser.add_argument("--chat-layers", default="in-memory,redis,redis-pubsub")
    parser.add_argument("--skip", default="", help="comma-separated: load,chat,lighthouse,explain")
    parser.add_argument("--output", default=str(ROOT / "bench"), help="where RESULTS.md goes")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    scales = [scale for scale in args.scales.split(",") if scale]
    if args.quick:
        scales = ["small"]
        args.repeat = min(args.repeat, 10)
        args.load_seconds = 3
        skip |= {"lighthouse", "explain"}
    started = time.perf_counter()
    results = {"machine": machine(), "quick": args.quick, "scales": scales}
    DATA.mkdir(parents=True, exist_ok=True)

    log("== Seeding (reused when already seeded)")
    results["seed"] = {}
    for scale in scales:
        began = time.perf_counter()
        stamp = seed.ensure(scale, log=log)
        stamp["seconds_this_run"] = round(time.perf_counter() - began, 1)
        results["seed"][scale] = stamp
        log(f"  {scale}: {stamp['counts']}")
    collectstatic()

    log("== Pages (uvicorn, 2 workers)")
    results["pages"] = {scale: measure_pages(scale, args.repeat) for scale in scales}

    top = scales[-1]
    if "load" not in skip and load.available():
        log(f"== Load (wrk, {args.load_seconds} s, 8 connections, {top} scale)")
        paths = {row["name"]: row["path"] for row in results["pages"][top]}
        targets = [
            ("home", paths["home"]),
            ("lesson", paths["lesson"]),
            ("showcase", paths["showcase page"]),
            ("product", paths["product"]),
            ("thread", paths["thread page (last page)"]),
            ("floor", paths["floor"]),
        ]
        results["load"], results["rss_mb"] = measure_load(top, args.load_seconds, targets)

    redis = OwnRedis()
    try:
        if "chat" not in skip:
            log("== Chat")
            if not redis.url:
                log("  (no redis-server: the Redis layers are skipped)")
            results["chat"] = run_chat(redis.url, args)
    finally:
        redis.stop()

    if "lighthouse" not in skip and lighthouse.install():
        log("== Lighthouse (mobile)")
        paths = {row["name"]: row["path"] for row in results["pages"][top]}
        results["lighthouse"] = {}
        with Server("uvicorn", top) as server:
            for name in ("home", "lesson", "showcase page", "thread page (last page)"):
                results["lighthouse"][name] = lighthouse.run(server.base + paths[name], name[:8])
                log(f"  {name:26} {results['lighthouse'][name]}")

    if "explain" not in skip:
        log("== EXPLAIN (PostgreSQL, medium scale)")
        try:
            results["explain"] = explain.explain()
        except subprocess.CalledProcessError as error:
            results["explain"] = {"error": str(error)[:200]}

    results["seconds"] = round(time.perf_counter() - started, 1)
    output = Path(args.output)
    (output / "results.json").write_text(json.dumps(results, indent=1, default=str))
    text = report.markdown(results)
    (output / "RESULTS.md").write_text(text)
    log()
    log(text)
    log(f"Done in {results['seconds'] / 60:.1f} min: {output / 'RESULTS.md'}")


if __name__ == "__main__":
    sys.exit(main())
