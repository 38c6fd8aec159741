"""The permission matrix: every URL and websocket route of the project, for every role.

The URLs come from Django's resolver (includes walked, Wagtail's page serving
expanded into every page type and every `RoutablePageMixin` route, the Wagtail
admin as one group) and the websocket routes from the Channels router, never
from a hand-copied list: a view that is not in `MATRIX` fails
`test_every_url_is_in_the_matrix`.

Each row is `key: (GET outcomes, POST outcomes)`, one outcome per role in the
order of `ROLES`: visitor, member, other_member, officer, other_officer,
editor, admin (see `access_world.py` for who they are). An outcome is a status
code, `L` (redirected to the site's sign-in page) or `A` (to the Wagtail admin's
sign-in page). The POST sends no data (the test client's CSRF handling stands
in for a valid token); it must change nothing in the database unless the
outcome ends in `+` (a bodiless action the role may take, like following a
thread). CSRF itself is tested in `test_csrf.py`.

`WS_MATRIX` does the same for websocket routes: each role connects through
the whole ASGI application (origin check, session cookie, router) to a room of
community A, and the outcome is `ok` (joined) or the close code the consumer
gives (4401 not signed in, 4403 not allowed, 4404 no such room). A socket
from a foreign origin is refused before it reaches the consumer.
"""

import json

import channels.db
import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.db import transaction
from django.test import Client

from tests.site.access import (
    fingerprint,
    outcome,
    project_keys,
    url_for,
    websocket_keys,
    websocket_url_for,
)
from tests.site.access_world import ROLES, client_for

# fmt: off
MATRIX = {
    "healthz": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "wagtail admin": ("A A A A A 200 200", "A A A A A 405 405"),
    "wagtaildocs_serve": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "wagtaildocs_authenticate_with_password": ("404 404 404 404 404 404 404", "404 404 404 404 404 404 404"),
    "accounts:signup": ("200 302 302 302 302 302 302", "200 302 302 302 302 302 302"),
    "accounts:login": ("200 302 302 302 302 302 302", "200 302 302 302 302 302 302"),
    "accounts:logout": ("405 405 405 405 405 405 405", "200 200 200 200 200 200 200"),
    "accounts:profile": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200"),
    "accounts:sessions": ("L 200 200 200 200 200 200", "L 302 302 302 302 302 302"),
    "accounts:my_data": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200"),
    "accounts:delete": ("L 200 200 200 200 200 200", "L 400 400 400 400 400 400"),
    "privacy": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "accounts:notifications": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200"),
    "accounts:set_language": ("405 405 405 405 405 405 405", "302 302 302 302 302 302 302"),
    "accounts:set_text_size": ("405 405 405 405 405 405 405", "302 302 302 302 302 302 302"),
    "accounts:password_change": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200"),
    "accounts:password_reset": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "accounts:password_reset_done": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "accounts:password_reset_confirm": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "accounts:password_reset_complete": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "courses:my_learning": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200"),
    "courses:verify_certificate": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "courses:review_queue": ("L 403 403 200 200 200 200", "L 403 403 200 200 200 200"),
    "courses:review": ("L 405 405 405 405 405 405", "L 403 403 302 403 302 302"),
    "courses:evidence_file": ("L 200 404 200 404 200 200", "L 200 404 200 404 200 200"),
    "courses:service_worker": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "community:index": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:elections": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200"),
    "community:election_create": ("L 404 404 404 404 404 404", "L 404 404 404 404 404 404"),
    "community:election_verify": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:election_detail": ("L 200 403 200 403 200 200", "L 200 403 200 403 200 200"),
    "community:election_nominate": ("L 405 405 405 405 405 405", "L 404 403 404 403 404 404"),
    "community:election_ballot": ("L 200 403 200 403 200 200", "L 400 403 400 403 400 400"),
    "community:election_close": ("L 405 405 405 405 405 405", "L 302 403 302 403 302 302"),
    "community:election_install": ("L 405 405 405 405 405 405", "L 302 403 302 403 302 302"),
    "community:election_results": ("L 200 403 200 403 200 200", "L 200 403 200 403 200 200"),
    "community:election_audit": ("L 200 403 200 403 200 200", "L 200 403 200 403 200 200"),
    "community:nomination_respond": ("L 405 405 405 405 405 405", "L 302 302 302 302 302 302"),
    "community:election_consensus": ("L 403 403 403 403 403 403", "L 403 403 403 403 403 403"),
    "community:election_windows": ("L 403 403 200 403 403 403", "L 403 403 200 403 403 403"),
    "community:election_attend": ("L 405 405 405 405 405 405", "L 302 403 302 403 302 302"),
    "community:election_break_tie": ("L 405 405 405 405 405 405", "L 302 403 302 403 302 302"),
    "community:agenda": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:event_create": ("L 403 403 200 200 403 403", "L 403 403 200 200 403 403"),
    "community:agenda_ical": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:event_detail": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:event_edit": ("L 403 403 200 403 403 403", "L 403 403 200 403 403 403"),
    "community:event_publish": ("L 405 405 405 405 405 405", "L 302 302 302 302 302 302"),
    "community:event_rsvp": ("L 405 405 405 405 405 405", "L 302 302 302 302 302 302"),
    "community:event_attendance": ("L 405 405 405 405 405 405", "L 403 403 302 403 403 403"),
    "community:event_ical": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:minutes": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:minutes_create": ("L 403 403 200 200 403 403", "L 403 403 200 200 403 403"),
    "community:minutes_detail": ("404 200 404 200 404 200 200", "404 200 404 200 404 200 200"),
    "community:minutes_edit": ("L 403 404 200 404 403 403", "L 403 404 200 404 403 403"),
    "community:minutes_publish": ("L 405 405 405 405 405 405", "L 302 404 302 404 302 302"),
    "community:minutes_confirm": ("L 405 405 405 405 405 405", "L 302 404 302 404 302 302"),
    "community:minutes_print": ("404 200 404 200 404 200 200", "404 200 404 200 404 200 200"),
    "community:minutes_attachment": ("404 200 404 200 404 200 200", "404 200 404 200 404 200 200"),
    "community:proposals": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200"),
    "community:proposal_create": ("L 200 200 200 200 403 403", "L 400 400 400 400 403 403"),
    "community:proposal_detail": ("L 200 403 200 403 200 200", "L 200 403 200 403 200 200"),
    "community:proposal_support": ("L 405 405 405 405 405 405", "L 302 403 302 403 302 302"),
    "community:proposal_unsupport": ("L 405 405 405 405 405 405", "L 302 403 302+ 403 302 302"),
    "community:proposal_decide": ("L 405 405 405 405 405 405", "L 403 403 400 403 403 403"),
    "community:dashboard": ("L 403 403 200 200 200 200", "L 403 403 200 200 200 200"),
    "community:dashboard_csv": ("L 403 403 200 200 200 200", "L 403 403 200 200 200 200"),
    "community:join_request": ("L 403 403 200 403 403 403", "L 403 403 200 403 403 403"),
    "community:detail": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "community:join": ("L 302 302 302 302 302 302", "L 302 302 302 302 302 302"),
    "community:members": ("L 200 403 200 403 403 200", "L 200 403 200 403 403 200"),
    "community:join_requests": ("L 403 403 200 403 403 403", "L 403 403 200 403 403 403"),
    "forum:index": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "forum:search": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "forum:preferences": ("L 200 200 200 200 200 200", "L 200 200 200 200 200 200+"),
    "forum:reports": ("L 403 403 200 200 200 200", "L 403 403 200 200 200 200"),
    "forum:resolve_report": ("L 405 405 405 405 405 405", "L 302 302 302 302 302 302"),
    "forum:course": ("302 302 302 302 302 302 302", "302 302 302 302 302 302 302"),
    "forum:category": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "forum:new_thread": ("L 200 200 200 200 200 200", "L 400 400 400 400 400 400"),
    "forum:thread": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "forum:reply": ("L 405 405 405 405 405 405", "L 400 400 400 400 400 400"),
    "forum:first_unread": ("L 302 302 302 302 302 302", "L 302 302 302 302 302 302"),
    "forum:follow": ("L 405 405 405 405 405 405", "L 302+ 302 302 302 302+ 302"),
    "forum:moderate_thread": ("L 405 405 405 405 405 405", "L 403 403 403 403 302 302"),
    "forum:post": ("302 302 302 302 302 302 302", "302 302 302 302 302 302 302"),
    "forum:edit_post": ("L 302 302 302 302 302 302", "L 400 403 403 403 403 403"),
    "forum:delete_post": ("L 405 405 405 405 405 405", "L 302+ 302 302 302 302 302"),
    "forum:react": ("L 405 405 405 405 405 405", "L 302 302 302 302 302 302"),
    "forum:mark_solution": ("L 405 405 405 405 405 405", "L 302 302 302 302 302 302"),
    "forum:report": ("L 200 200 200 200 200 200", "L 400 400 400 400 400 400"),
    "forum:moderate_post": ("L 405 405 405 405 405 405", "L 403 403 403 403 302 302"),
    "forum:suspend": ("L 403 403 200 403 200 200", "L 403 403 400 403 400 400"),
    "chat:index": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "chat:direct": ("L 405 405 405 405 405 405", "L 400 400 400 400 400 400"),
    "chat:room": ("L 200 403 200 403 200 200", "L 400+ 403 400+ 403 400+ 400+"),
    "chat:delete": ("L 405 405 405 405 405 405", "L 400 403 302+ 403 302+ 302+"),
    "chat:mute": ("L 405 405 405 405 405 405", "L 400 403 400 403 400 400"),
    "showcase:index": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "sitemap": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "javascript-catalog": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "wagtailcore_authenticate_with_password": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "wagtailcore_login": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "home.HomePage": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "home.StandardPage": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "courses.CourseIndexPage": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "courses.CoursePage /daftar/": ("405 405 405 405 405 405 405", "L 302 302+ 302+ 302+ 302+ 302+"),
    "courses.CoursePage /pre-test/": ("L 200 200 200 200 200 200", "L 400 400 400 400 400 400"),
    "courses.CoursePage /pre-test/lewati/": ("405 405 405 405 405 405 405", "L 302+ 302+ 302+ 302+ 302+ 302+"),
    "courses.CoursePage /post-test/": ("L 302 302 302 302 302 302", "L 302 302 302 302 302 302"),
    "courses.CoursePage /hasil/<int:attempt_id>/": ("L 200 404 404 404 404 404", "L 200 404 404 404 404 404"),
    "courses.CoursePage /bukti/<slug:code>/": ("L 200 200 200 200 200 200", "L 400 400 400 400 400 400"),
    "courses.CoursePage /bukti/": ("L 200 200 200 200 200 200", "L 404 404 404 404 404 404"),
    "courses.CoursePage /survei/": ("L 302 302 302 302 302 302", "L 302 302 302 302 302 302"),
    "courses.CoursePage /sertifikat/": ("L 404 404 404 404 404 404", "L 404 404 404 404 404 404"),
    "courses.CoursePage /offline/": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "courses.CoursePage /": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "courses.LessonPage /": ("200 200 200 200 200 200 200", "200 200 200+ 200+ 200+ 200+ 200+"),
    "courses.LessonPage /selesai/": ("405 405 405 405 405 405 405", "L 302 302+ 302+ 302+ 302+ 302+"),
    "showcase.ShowcaseIndexPage /": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "showcase.ShowcaseIndexPage /kelola/": ("L 200 200 200 200 403 403", "L 400 400 400 400 403 403"),
    "showcase.ShowcaseIndexPage /kelola/produk/baru/": ("L 200 200 200 302 403 403", "L 400 400 400 302 403 403"),
    "showcase.ShowcaseIndexPage /kelola/produk/<int:product_id>/": ("L 200 403 403 302 403 403", "L 400 403 403 302 403 403"),
    "showcase.ShowcaseIndexPage /kelola/produk/<int:product_id>/hapus/": ("L 200 403 403 403 403 403", "L 302+ 403 403 403 403 403"),
    "showcase.ShowcaseIndexPage /kelola/produk/<int:product_id>/geser/": ("L 302 302 302 302 403 403", "L 302 403 403 403 403 403"),
    "showcase.ShowcasePage /": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "showcase.ShowcasePage /produk/<slug:product_slug>/": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "showcase.ShowcasePage /wa/": ("302 302 302 302 302 302 302", "302 302 302 302 302 302 302"),
    "showcase.ShowcasePage /qr/": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "showcase.ShowcasePage /qr/svg/": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "showcase.ShowcasePage /qr/png/": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "showcase.ShowcasePage /pesan/": ("405 405 405 405 405 405 405", "400 400 400 400 400 302 302"),
}

# Websocket routes: one outcome per role, connecting to community A's members' room.
WS_MATRIX = {
    "ws/obrolan/<slug:slug>/": "4401 ok 4403 ok 4403 ok ok",
}
# fmt: on


def expected(key, method):
    gets, posts = MATRIX[key]
    return dict(zip(ROLES, (gets if method == "GET" else posts).split(), strict=True))


def test_every_url_is_in_the_matrix(db):
    found = project_keys()
    missing = [key for key in found if key not in MATRIX]
    assert not missing, f"new view not in the permission matrix: {missing}"
    stale = [key for key in MATRIX if key not in found]
    assert not stale, f"the permission matrix names URLs that no longer exist: {stale}"


@pytest.mark.parametrize("key", list(MATRIX))
def test_get(world, db, key):
    url = url_for(world, key)
    wrong = []
    for role, want in expected(key, "GET").items():
        got = outcome(client_for(world, role).get(url))
        if got != want.rstrip("+"):
            wrong.append(f"{role}: expected {want}, got {got}")
    assert not wrong, f"GET {url} ({key}): " + "; ".join(wrong)


@pytest.mark.parametrize("key", list(MATRIX))
def test_post_without_data_changes_nothing(world, db, key):
    url = url_for(world, key)
    wrong = []
    for role, want in expected(key, "POST").items():
        client = client_for(world, role)
        savepoint = transaction.savepoint()
        before = None if want.endswith("+") else fingerprint()
        got = outcome(client.post(url, {}))
        if got != want.rstrip("+"):
            wrong.append(f"{role}: expected {want}, got {got}")
        if before is not None:
            after = fingerprint()
            changed = sorted(table for table in before if before[table] != after[table])
            if changed:
                wrong.append(f"{role}: changed {changed}")
        transaction.savepoint_rollback(savepoint)
    assert not wrong, f"POST {url} ({key}): " + "; ".join(wrong)


def test_every_websocket_route_is_in_the_matrix():
    found = websocket_keys()
    assert found, "no websocket route found behind the ASGI application"
    missing = [key for key in found if key not in WS_MATRIX]
    assert not missing, f"new websocket route not in WS_MATRIX: {missing}"
    stale = [key for key in WS_MATRIX if key not in found]
    assert not stale, f"WS_MATRIX names routes that no longer exist: {stale}"


def socket(world, role, key, origin=b"http://localhost"):
    from pusat.asgi import application

    headers = [(b"origin", origin)]
    user = world.user(role)
    if user is not None:
        browser = Client()
        browser.force_login(user)
        headers.append((b"cookie", f"sessionid={browser.cookies['sessionid'].value}".encode()))
    return WebsocketCommunicator(application, websocket_url_for(world, key), headers=headers)


async def websocket_outcome(communicator):
    """'ok' once the socket is told who is in the room (the first thing a
    joined socket hears), else the code it is closed with. Waiting for one or
    the other, not for a quiet spell, keeps a slow server from passing."""
    try:
        accepted, code = await communicator.connect()
        if not accepted:
            return f"refused {code}"
        while True:
            message = await communicator.receive_output(timeout=10)
            if message["type"] == "websocket.close":
                return str(message["code"])
            if json.loads(message.get("text") or "{}").get("type") == "presence":
                return "ok"
    finally:
        # Even a refused socket's consumer waits on the channel layer until
        # the client goes: end it while this event loop still runs. Left to
        # the loop's shutdown, channels-redis's receive never finished
        # cancelling and the test hung (CI's Redis leg).
        await communicator.disconnect()


@pytest.fixture
def keep_connection(monkeypatch):
    """The world lives in one open transaction for the whole module; Channels
    closes a connection found inside a transaction before and after each
    database call (it cannot tell a test's transaction from a leaked one),
    which would end the world on PostgreSQL. Keep the connection instead: the
    consumer still reads the real database through it."""
    monkeypatch.setattr(channels.db, "close_old_connections", lambda: None)


@pytest.mark.parametrize("key", list(WS_MATRIX))
def test_websocket(world, db, keep_connection, key):
    wanted = dict(zip(ROLES, WS_MATRIX[key].split(), strict=True))
    got = {role: async_to_sync(websocket_outcome)(socket(world, role, key)) for role in ROLES}
    assert got == wanted, f"{websocket_url_for(world, key)} ({key})"


@pytest.mark.parametrize("key", list(WS_MATRIX))
def test_websocket_from_a_foreign_origin_is_refused(world, db, keep_connection, key):
    got = {
        role: async_to_sync(websocket_outcome)(
            socket(world, role, key, origin=b"https://evil.example")
        )
        for role in ROLES
    }
    assert all(value.startswith("refused") for value in got.values()), got
