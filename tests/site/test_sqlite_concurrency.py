"""SQLite under concurrent writes: 20 writers, 10 forum replies each, through
a real daphne process on a file database. No 5xx, no lost writes: every
reply a client saw accepted is in the database, and nothing else is.

About SQLite, so skipped when DATABASE_URL names another database. What
makes it hold is in `pusat.settings.base`: WAL, `transaction_mode`
IMMEDIATE (a write transaction takes the lock when it begins, so waiting
writers queue under the busy timeout instead of failing on lock upgrade) and
a 20 s busy timeout.
"""

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from tests.chat.servers import free_port, start_daphne, stop, wait_until_listening

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 20
REPLIES = 10

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="about SQLite; DATABASE_URL is set"
)

SETUP = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from forum import actions
from forum.models import Category
from pusat.accounts import roles

User = get_user_model()
members = Group.objects.get(name=roles.MEMBER_GROUP)
category = Category.objects.create(name="Serentak", slug="serentak")
people = []
for n in range({WRITERS}):
    user = User.objects.create_user(
        email=f"penulis{{n}}@contoh.id", password="kata sandi panjang sekali",
        full_name=f"Penulis {{n}}", phone=f"+6281300000{{n:03d}}",
    )
    user.groups.add(members)
    people.append(user)
thread = actions.create_thread(people[0], category, "Satu topik untuk semua", "Pembuka topik.")
cookies = []
for user in people:
    browser = Client()
    browser.force_login(user)
    cookies.append(browser.cookies["sessionid"].value)
print("SETUP" + json.dumps({{"thread": thread.pk, "cookies": cookies}}))
"""


def manage(env, *args, code=None):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    if code is not None:
        command += ["-c", code]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_twenty_writers_lose_nothing_and_see_no_server_error(tmp_path):
    database = tmp_path / "concurrent.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.site.sqlite_concurrency_settings",
        "DJANGO_ENV": "test",
        "DATABASE_URL": "",
        "REDIS_URL": "",
        "SQLITE_PATH": str(database),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
    }
    manage(env, "migrate", "--noinput")
    output = manage(env, "shell", code=SETUP)
    prepared = json.loads(output.split("SETUP", 1)[1])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    thread_url = f"{base}/forum/topik/{prepared['thread']}/"
    log_path = tmp_path / "daphne.log"
    statuses = []
    accepted = []
    errors = []
    lock = threading.Lock()
    barrier = threading.Barrier(WRITERS)

    def writer(number, cookie):
        session = requests.Session()
        session.cookies.set("sessionid", cookie, domain="127.0.0.1")
        try:
            barrier.wait()
            for reply in range(REPLIES):
                page = session.get(thread_url, timeout=60)
                with lock:
                    statuses.append(page.status_code)
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
                assert token, page.status_code
                body = f"Balasan {reply} dari penulis {number}."
                response = session.post(
                    f"{thread_url}balas/",
                    data={"csrfmiddlewaretoken": token.group(1), "body": body},
                    headers={"Referer": thread_url},
                    allow_redirects=False,
                    timeout=60,
                )
                with lock:
                    statuses.append(response.status_code)
                    if response.status_code == 302 and "/forum/pesan/" in response.headers.get(
                        "Location", ""
                    ):
                        accepted.append(body)
        except Exception as problem:  # noqa: BLE001 - reported below
            with lock:
                errors.append(repr(problem))

    process = start_daphne(port, env, log_path)
    try:
        wait_until_listening(process, port, log_path)
        writers = [
            threading.Thread(target=writer, args=(number, cookie))
            for number, cookie in enumerate(prepared["cookies"])
        ]
        for thread in writers:
            thread.start()
        for thread in writers:
            thread.join(timeout=300)
        assert not any(thread.is_alive() for thread in writers), "writers did not finish"
    finally:
        stop(process)

    log = log_path.read_text()
    assert errors == [], errors
    assert [s for s in statuses if s >= 500] == [], log[-3000:]
    assert len(statuses) == 2 * WRITERS * REPLIES
    assert len(accepted) == WRITERS * REPLIES, sorted(set(statuses))
    assert "database is locked" not in log
    stored = sqlite3.connect(database)
    try:
        bodies = [
            row[0]
            for row in stored.execute(
                "SELECT body FROM forum_post WHERE thread_id = ?", [prepared["thread"]]
            )
        ]
    finally:
        stored.close()
    # Exactly the opening post and every accepted reply, each once.
    assert sorted(bodies) == sorted(["Pembuka topik.", *accepted])
