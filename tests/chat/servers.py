"""Real daphne processes for tests that need more than one server or a
browser speaking websockets: started on a free port, pointed at the test's
own database, stopped in a `finally`."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
DAPHNE = Path(sys.executable).with_name("daphne")


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
    env = {**env, "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)])}
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
