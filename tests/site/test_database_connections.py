"""PostgreSQL connections are pooled and bounded, so a load test cannot use
up the server's max_connections (issue #8)."""

import json
import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from pusat.settings.base import BASE_DIR


def settings_for(**environ):
    """The database settings a fresh process builds from these variables."""
    script = (
        "import json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'pusat.settings.dev';"
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "pool = d.get('OPTIONS', {}).get('pool');"
        "print(json.dumps({'engine': d['ENGINE'], 'max_age': d.get('CONN_MAX_AGE'),"
        " 'health': d.get('CONN_HEALTH_CHECKS'),"
        " 'pool': pool}))"
    )
    env = {**os.environ, "PYTHONPATH": str(BASE_DIR / "site"), **environ}
    for name in ("DATABASE_URL", "DATABASE_POOL_SIZE"):
        if name not in environ:
            env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_postgresql_uses_a_bounded_checked_pool():
    found = settings_for(DATABASE_URL="postgres://app:app@127.0.0.1:5432/anything")
    assert found == {
        "engine": "django.db.backends.postgresql",
        # Django refuses persistent connections with a pool: each request
        # hands its connection back to the pool when it ends.
        "max_age": 0,
        "health": True,
        "pool": {"min_size": 2, "max_size": 10, "timeout": 10, "max_idle": 300},
    }
    sized = settings_for(
        DATABASE_URL="postgres://app:app@127.0.0.1:5432/anything", DATABASE_POOL_SIZE="4"
    )
    assert sized["pool"]["max_size"] == 4


def test_sqlite_keeps_its_plain_connection():
    found = settings_for()
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["pool"] is None


@pytest.mark.skipif(
    not settings.DATABASES["default"].get("OPTIONS", {}).get("pool"),
    reason="needs PostgreSQL (DATABASE_URL); runs in the CI leg with a real PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_forty_concurrent_threads_share_at_most_the_pool_size():
    pool_size = settings.DATABASES["default"]["OPTIONS"]["pool"]["max_size"]
    barrier = threading.Barrier(40)
    errors = []

    def work():
        try:
            barrier.wait(timeout=30)
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_sleep(0.05)")
        except Exception as problem:  # noqa: BLE001 - reported below
            errors.append(problem)
        finally:
            connections.close_all()  # hands the connection back to the pool

    threads = [threading.Thread(target=work) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        (open_connections,) = cursor.fetchone()
    # The pool's connections (this test's own included), never one per thread.
    assert open_connections <= pool_size
