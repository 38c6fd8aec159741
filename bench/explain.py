"""EXPLAIN ANALYZE on PostgreSQL for the forum thread list and the showcase
directory: the queries each page runs, captured with the test client, the
heaviest ones explained.

The PostgreSQL database `bench_medium` is seeded once at the medium scale
(`--scale medium` targets; the large scale is left to SQLite to keep the run
under 20 minutes) when DATABASE_URL, or the local default
postgres://app:app@127.0.0.1:5432, answers.
"""

import json
import os
import subprocess
import sys

from bench.common import DATA, PYTHON, ROOT, django_env

DATABASE = "bench_medium"
TABLES = {"thread list": "forum_thread", "showcase directory": "showcase_"}


def server_url():
    url = os.environ.get("DATABASE_URL") or "postgres://app:app@127.0.0.1:5432/app"
    return url.rsplit("/", 1)[0]


def pg_env():
    env = django_env("medium")
    env["DATABASE_URL"] = f"{server_url()}/{DATABASE}"
    env["DATABASE_CONN_MAX_AGE"] = "0"
    return env


def ensure_database():
    """Create and seed bench_medium once; False when PostgreSQL is not there."""
    try:
        import psycopg
    except ImportError:
        return False
    try:
        with psycopg.connect(f"{server_url()}/postgres", autocommit=True, connect_timeout=5) as db:
            exists = db.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
            ).fetchone()
            if not exists:
                db.execute(f'CREATE DATABASE "{DATABASE}"')
    except psycopg.Error:
        return False
    stamp = DATA / "pg-medium.json"
    from bench.seed import SEED_VERSION

    env = pg_env()
    if stamp.exists() and json.loads(stamp.read_text()).get("version") == SEED_VERSION:
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        return True
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "load_demo_data"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run([PYTHON, "-m", "bench.explain", "--seed"], cwd=ROOT, env=env, check=True)
    stamp.write_text(json.dumps({"version": SEED_VERSION}))
    return True


def explain():
    if not ensure_database():
        return {"error": "PostgreSQL not reachable: EXPLAIN skipped"}
    result = subprocess.run(
        [PYTHON, "-m", "bench.explain", "--explain"],
        cwd=ROOT,
        env=pg_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def seed_in_child():
    from bench.common import setup_django

    setup_django()
    from django.db import transaction

    from bench.seed import SCALES, top_up

    with transaction.atomic():
        top_up(SCALES["medium"], log=print)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def explain_in_child():
    from bench.common import setup_django

    setup_django()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import page_list

    paths = {name: path for name, path, _who in page_list()}
    plans = {}
    for name, table in TABLES.items():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            Client(HTTP_HOST="127.0.0.1").get(paths[name])
        chosen = [
            query["sql"]
            for query in queries.captured_queries
            if table in query["sql"] and query["sql"].lstrip().upper().startswith("SELECT")
        ]
        entries = []
        with connection.cursor() as cursor:
            for sql in chosen:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                entries.append({"sql": sql, "plan": plan})
        # The slowest two are the ones worth reading.
        entries.sort(key=lambda entry: -_execution_ms(entry["plan"]))
        plans[name] = {"path": paths[name], "queries": len(chosen), "plans": entries[:2]}
    print(json.dumps(plans))


def _execution_ms(plan):
    for line in plan.splitlines():
        if line.startswith("Execution Time:"):
            return float(line.split()[2])
    return 0.0


if __name__ == "__main__":
    if "--seed" in sys.argv:
        seed_in_child()
    elif "--explain" in sys.argv:
        explain_in_child()
    else:
        print(json.dumps(explain(), indent=1))
