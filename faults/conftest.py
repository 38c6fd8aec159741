"""Fault tests: real server processes (daphne, redis-server) are killed,
stopped and started again while clients use them.

They live outside `testpaths` (the normal `pytest` run never collects
them: they need PostgreSQL, start servers and take tens of seconds) and run
without pytest-django, against a real, migrated database holding the demo
site, exactly as a deployment would. `scripts/ci_faults.sh` prepares that
database and runs them; by hand:

    DATABASE_URL=postgres://app:app@127.0.0.1:5432/app_faults \\
        .venv/bin/pytest -p no:django -p no:cacheprovider faults

Ports: redis-server on FAULTS_REDIS_PORT (6381), daphne on FAULTS_PORT
(8601) and FAULTS_PORT + 1.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REDIS_PORT = int(os.environ.get("FAULTS_REDIS_PORT", "6381"))
HTTP_PORT = int(os.environ.get("FAULTS_PORT", "8601"))

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    raise pytest.UsageError("The fault tests need DATABASE_URL naming a PostgreSQL database")

# The production arrangement, on loopback: DEBUG off, the production
# settings module, plain http (a TLS proxy would sit in front in real life).
SERVER_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SETTINGS_MODULE": "pusat.settings.production",
    "SECRET_KEY": os.environ.get("FAULTS_SECRET_KEY") or secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "0",
    "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
    "LOG_LEVEL": "WARNING",
    # Production serves hashed static files from a manifest: collected once
    # per run, outside the checkout.
    "STATIC_ROOT": os.environ.get("FAULTS_STATIC_ROOT", "/tmp/pusat-faults-static"),
}
os.environ.update(SERVER_ENV)
os.environ["FAULTS_SECRET_KEY"] = SERVER_ENV["SECRET_KEY"]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

import django  # noqa: E402

django.setup()


def wait_for_port(port, timeout, process=None, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            pytest.fail(f"process on port {port} stopped:\n{Path(log).read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nothing listens on port {port} after {timeout} s")


class RedisServer:
    """Our own redis-server (never the shared one), in the foreground so we
    own its process."""

    def __init__(self, port, log_dir):
        self.port = port
        self.log_path = log_dir / f"redis-{port}.log"
        self.process = None

    def start(self):
        log = open(self.log_path, "a")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.process.log = log
        wait_for_port(self.port, 10, self.process, self.log_path)

    def stop(self):
        if self.process is None:
            return
        self.process.kill()  # an outage, not a tidy shutdown
        self.process.wait()
        self.process.log.close()
        self.process = None


class Daphne:
    """One real ASGI server process on `port`, production settings."""

    def __init__(self, port, log_dir, name):
        self.port = port
        self.log_path = log_dir / f"daphne-{name}.log"
        self.process = None
        self.url = f"http://127.0.0.1:{port}"

    def start(self, wait=True):
        env = {**os.environ, **SERVER_ENV}
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "site"), str(ROOT)])
        log = open(self.log_path, "a")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(self.port)]
            + ["pusat.asgi:application"],
            cwd=ROOT / "site",
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.process.log = log
        if wait:
            self.wait()

    def wait(self):
        wait_for_port(self.port, 60, self.process, self.log_path)

    def stop(self, sig=signal.SIGTERM):
        if self.process is None:
            return
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.log.close()
        self.process = None

    def log_text(self):
        return self.log_path.read_text() if self.log_path.exists() else ""


@pytest.fixture(scope="session", autouse=True)
def collected_static():
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(REDIS_PORT, tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def daphnes(tmp_path, redis_server):
    """Two servers on FAULTS_PORT and FAULTS_PORT + 1, started in parallel."""
    servers = [Daphne(HTTP_PORT + number, tmp_path, "ab"[number]) for number in range(2)]
    try:
        for server in servers:
            server.start(wait=False)
        for server in servers:
            server.wait()
        yield servers
    finally:
        for server in servers:
            server.stop()


class LoopbackCookies(DefaultCookiePolicy):
    """Production cookies are Secure; on loopback http we play the TLS proxy
    by storing them as plain cookies. (Allowing Secure cookies in
    `return_ok_secure` is not enough: requests copies the jar into one with
    the default policy for every request, which drops them again, so the
    CSRF cookie never went back and the form post got 403.)"""

    def set_ok(self, cookie, request):
        cookie.secure = False
        return super().set_ok(cookie, request)


def session_cookie(user):
    """A real session for `user` in the database (and cache), as the servers
    read it."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value
