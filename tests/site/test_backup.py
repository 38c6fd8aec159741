"""Backup and restore, end to end: `make backup` and `make restore`.

The demo site is built in a database of its own, backed up with its media,
restored into an empty database and an empty media folder, and compared:
every table's row count, a sample of every table's rows and every media
file must come back identical. It runs on SQLite, and on PostgreSQL when
DATABASE_URL names one (with pg_dump and pg_restore).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Printed by the subprocess: counts and hashes of samples of every model and
# of every media file, as JSON.
SNAPSHOT = """
import hashlib, json, os
from pathlib import Path
from django.apps import apps
from django.conf import settings
from django.core import serializers
tables = {}
for model in apps.get_models():
    if model._meta.proxy or not model._meta.managed:
        continue
    rows = model._base_manager.order_by("pk")
    sample = serializers.serialize("json", list(rows[:20]))
    tables[model._meta.label] = [rows.count(), hashlib.sha256(sample.encode()).hexdigest()]
media = {}
root = Path(settings.MEDIA_ROOT)
for path in sorted(root.rglob("*")):
    if path.is_file():
        media[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
print(json.dumps({"tables": tables, "media": media}))
"""


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    clean.update(env, DJANGO_ENV="dev")
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


def snapshot(**env):
    import json

    return json.loads(manage("shell", "-c", SNAPSHOT, **env).strip().splitlines()[-1])


@pytest.fixture
def databases(tmp_path):
    """Environment for a source and an empty target database, on the engine in use."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield (
            {"SQLITE_PATH": str(tmp_path / "source.sqlite3"), "DATABASE_URL": ""},
            {"SQLITE_PATH": str(tmp_path / "restored.sqlite3"), "DATABASE_URL": ""},
        )
        return
    import psycopg

    base, _, name = url.rpartition("/")
    names = [f"{name}_backup_source", f"{name}_backup_restored"]
    with psycopg.connect(url, autocommit=True) as connection:
        for database in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
            connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield tuple({"DATABASE_URL": f"{base}/{database}"} for database in names)
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            for database in names:
                connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_backup_restores_every_row_and_every_media_file(tmp_path, databases):
    source_db, restored_db = databases
    backups = {"BACKUP_DIR": str(tmp_path / "backups")}
    source = {**source_db, **backups, "MEDIA_ROOT": str(tmp_path / "media")}
    restored = {**restored_db, **backups, "MEDIA_ROOT": str(tmp_path / "media-restored")}

    manage("migrate", "--noinput", "-v", "0", **source)
    manage("load_demo_data", **source)
    before = snapshot(**source)
    assert before["tables"]["accounts.User"][0] >= 12
    assert before["media"], "the demo site should have uploaded files"

    manage("dbbackup", "--noinput", "-o", "site.dump", **source)
    manage("mediabackup", "--noinput", "-o", "media.tar", **source)
    assert {"site.dump", "media.tar"} <= set(os.listdir(tmp_path / "backups"))

    # The target has no tables and no media folder at all.
    manage("dbrestore", "--noinput", "-i", "site.dump", **restored)
    manage("mediarestore", "--noinput", "-i", "media.tar", **restored)
    after = snapshot(**restored)

    assert after["media"] == before["media"]
    assert after["tables"] == before["tables"]
