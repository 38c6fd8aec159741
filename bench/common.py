"""Paths, environments and small helpers shared by the benchmark's parts.

The orchestrator (`bench/__main__.py`) never imports Django itself: every
step that needs the ORM runs in a child process with the environment built by
`django_env(scale)`, so each scale has its own SQLite file and media folder.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("BENCH_DATA") or ROOT / "bench" / "data")  # seeded databases, logs
BIN = Path(sys.executable).parent
PYTHON = sys.executable
SCALES = ("small", "medium", "large")


def database_path(scale):
    return DATA / f"{scale}.sqlite3"


def media_path(scale):
    return DATA / f"{scale}-media"


def django_env(scale, redis_url=None, settings="bench.settings"):
    """The environment for a child process (seeder, server) at one scale."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        {
            "DJANGO_ENV": "dev",
            "DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": settings,
            "SQLITE_PATH": str(database_path(scale)),
            "MEDIA_ROOT": str(media_path(scale)),
            # DEBUG off serves hashed static names: the bench collects its own copy.
            "STATIC_ROOT": str(DATA / "static"),
            "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
            "LOG_LEVEL": "WARNING",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def setup_django():
    """Inside a child process started with `django_env`."""
    for folder in (str(ROOT), str(ROOT / "site")):
        if folder not in sys.path:
            sys.path.insert(0, folder)
    import django

    django.setup()


def free_port(start=8700, end=8799):
    """A free loopback port in this engineer's range (falls back to any)."""
    for port in range(start, end):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, log_path, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped; see {log_path}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout} s; see {log_path}")


SERVERS = {
    # name -> command (after the binary folder) serving bench/asgi.py
    "daphne": lambda port: (
        [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port)] + ["bench.asgi:application"]
    ),
    "uvicorn": lambda port: (
        [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port)]
        + ["--workers", "2", "--no-access-log", "--log-level", "warning", "bench.asgi:application"]
    ),
}


class Server:
    """One ASGI server process (daphne, or uvicorn with two workers) on loopback."""

    def __init__(self, kind, scale, redis_url=None):
        self.kind = kind
        self.port = free_port()
        self.log_path = DATA / f"server-{kind}-{scale}.log"
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            SERVERS[kind](self.port),
            cwd=ROOT,
            env=django_env(scale, redis_url),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        try:
            wait_for_port(self.port, self.process, self.log_path)
        except Exception:
            self.stop()
            raise

    def rss_mb(self):
        """Resident memory of the serving process(es): for uvicorn, one worker."""
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            kids = [int(pid) for pid in children.read_text().split()]
            if kids:
                pids = kids
        sizes = []
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
        return max(sizes) if sizes else None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def percentile(values, q):
    """Nearest-rank percentile of a list (q in 0-100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(int(round(q / 100 * len(ordered) + 0.5)) - 1, 0)
    return ordered[min(rank, len(ordered) - 1)]
