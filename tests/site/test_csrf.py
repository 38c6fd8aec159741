"""CSRF on every URL of the project, for every role.

The URLs are the permission matrix's (`access.project_keys`, never a hand
list). Each is sent, by each of the seven roles, a POST with a plausible body
(the fields of the site's own form for that URL where one is rendered, found
by reading the pages every role can see) but without a CSRF token, through a
client that enforces the checks as a browser would meet them: the answer must
be Django's CSRF refusal (403, logged by `django.security.csrf`) and the
database must not change. The same POST with the token taken from the
`csrftoken` cookie must get past the check, and for a few representative
actions must change the database, so the refusal is what stopped them.

No view is exempt: the project has no `csrf_exempt` view, and even read-only
ones (the health check, feeds) refuse a tokenless POST, which costs nothing
since they are read with GET.
"""

import logging
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.fields import StreamField

from pusat.home.models import StandardPage
from tests.site.access import ADMIN_GROUP, fingerprint, project_keys, url_for
from tests.site.access_world import ROLES, client_for
from tests.site.test_permission_matrix import MATRIX

TOKEN_FIELD = "csrfmiddlewaretoken"

# Besides the admin's dashboard (the "wagtail admin" key), the admin views
# that change content most, which the matrix folds into that one key.
ADMIN_PATHS = (
    "/admin/login/",
    "/admin/pages/{home}/edit/",
    "/admin/pages/{home}/delete/",
    "/admin/pages/add/home/standardpage/{home}/",
    "/admin/users/add/",
    "/admin/groups/add/",
    "/admin/documents/multiple/add/",
)

# Actions whose plausible POST, once it carries the token, changes the
# database for the role named: proof that the body is not inert and that the
# tokenless refusal is what kept the database as it was.
WRITES_WITH_TOKEN = {
    ("forum:reply", "member"),
    ("forum:new_thread", "member"),
    ("community:event_rsvp", "member"),
    ("chat:room", "member"),
}

PLACEHOLDERS = {
    "email": "uji.csrf@contoh.id",
    "number": "1",
    "date": "2026-12-01",
    "datetime-local": "2026-12-01T09:00",
    "time": "09:00",
    "url": "https://contoh.id/",
    "tel": "081234567890",
    "password": "kata sandi uji csrf yang panjang",
}


class Forms(HTMLParser):
    """The POST forms of a page: their action and the body a browser would send."""

    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms = []  # (action path, {field: value}, has token)
        self._form = None
        self._textarea = None
        self._select = None
        self._buttons = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                action = urljoin(self.page_url, attrs.get("action") or self.page_url)
                self._form = (urlparse(action).path, {}, False)
                self._buttons = []
            return
        if self._form is None:
            return
        path, fields, has_token = self._form
        name = attrs.get("name")
        if tag == "input" and not name and (attrs.get("type") or "").lower() == "submit":
            self._buttons.append((None, ""))
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if name == TOKEN_FIELD:
                self._form = (path, fields, True)
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs or (kind == "radio" and name not in fields):
                    fields[name] = attrs.get("value", "on")
            elif kind in ("submit", "button", "image", "reset", "file"):
                if kind == "submit":
                    self._buttons.append((name, attrs.get("value", "")))
            else:
                fields[name] = attrs.get("value") or PLACEHOLDERS.get(kind, "Uji CSRF")
        elif tag == "button" and (attrs.get("type") or "submit").lower() == "submit":
            self._buttons.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            value = attrs.get("value")
            if value and (self._select not in fields or "selected" in attrs):
                fields[self._select] = value

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form[1][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._form is not None and self._textarea:
            fields = self._form[1]
            if not fields[self._textarea].strip():
                fields[self._textarea] = "Pesan uji CSRF yang cukup panjang untuk diterima."
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            # A browser sends only the button pressed: the plain submit button
            # if there is one (a named one may be "preview"), else the first.
            if self._buttons and all(name for name, _value in self._buttons):
                name, value = self._buttons[0]
                self._form[1][name] = value
            self.forms.append(self._form)
            self._form = None
            self._buttons = []


def targets(world):
    """Every (key, url) the matrix knows, the admin's main views included."""
    home = world.pages["home.HomePage"].pk
    pairs = [(key, url_for(world, key)) for key in project_keys()]
    pairs += [(ADMIN_GROUP, path.format(home=home)) for path in ADMIN_PATHS]
    return pairs


@pytest.fixture(scope="module")
def forms(world):
    """Per role, the body of the site's own form for each action path, and
    the paths of any POST form rendered without a CSRF token."""
    found = {role: {} for role in ROLES}
    tokenless = set()
    with transaction.atomic():
        for role in ROLES:
            client = client_for(world, role)
            for key, url in targets(world):
                gets = MATRIX[key][0].split()[ROLES.index(role)]
                if gets != "200" and key != ADMIN_GROUP:
                    continue
                response = client.get(url)
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                parser = Forms(url)
                parser.feed(response.content.decode())
                for path, fields, has_token in parser.forms:
                    found[role].setdefault(path, fields)
                    # Wagtail's admin builds some forms in script and sends
                    # the token as a header; the project's templates are judged.
                    if not has_token and key != ADMIN_GROUP:
                        tokenless.add(f"{path} (on {url})")
        transaction.set_rollback(True)
    return found, tokenless


def body_for(forms, role, url, world=None):
    found, _tokenless = forms
    path = urlparse(url).path
    for someone in (role, *ROLES):
        if path in found[someone]:
            body = dict(found[someone][path])
            if world is not None and path.startswith("/admin/pages/"):
                body.update(stream_counts(world, path))
            return body
    # No form posts here (an action reached by a link or by script): a body
    # with the fields such actions read.
    return {"body": "Pesan uji CSRF.", "title": "Uji CSRF", "reason": "Uji CSRF"}


def stream_counts(world, path):
    """Wagtail's admin writes a StreamField's inputs in script: an empty
    stream is what the editor sends for a page whose blocks it leaves out."""
    model = StandardPage if "/add/" in path else world.pages["home.HomePage"].specific_class
    return {
        f"{field.name}-count": "0"
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    }


def csrf_refusals(caplog, path):
    return [
        record
        for record in caplog.records
        if record.name == "django.security.csrf" and path in record.getMessage()
    ]


# `db` on every test that reads the module's world: pytest-django runs tests
# without it after the transactional ones, whose flush empties the database.
def test_every_post_form_carries_the_token(forms, db):
    _found, tokenless = forms
    assert not tokenless, f"POST forms without {{% csrf_token %}}: {sorted(tokenless)}"


def test_the_forms_were_found(forms, db):
    """The crawl is not empty: the forms that most bodies come from are there."""
    found, _tokenless = forms
    member = set(found["member"])
    assert len(member) >= 20, sorted(member)


@pytest.fixture(scope="module")
def browsers(world):
    """Per role, the cookies of a browser that has read a page of the site:
    its session (if signed in) and its `csrftoken`, as a victim's browser
    would send them along with a forged cross-site POST."""
    cookies = {}
    for role in ROLES:
        client = client_for(world, role, enforce_csrf_checks=True)
        for url in ("/", reverse("accounts:profile"), reverse("accounts:login")):
            if settings.CSRF_COOKIE_NAME not in client.cookies:
                client.get(url)
        assert settings.CSRF_COOKIE_NAME in client.cookies, role
        cookies[role] = {name: morsel.value for name, morsel in client.cookies.items()}
    return cookies


def browser(browsers, role):
    client = Client(enforce_csrf_checks=True)
    for name, value in browsers[role].items():
        client.cookies[name] = value
    return client


def token_of(browsers, role):
    return browsers[role][settings.CSRF_COOKIE_NAME]


def url_of(world, key):
    if key.startswith(f"{ADMIN_GROUP} "):
        home = world.pages["home.HomePage"].pk
        return key.removeprefix(f"{ADMIN_GROUP} ").format(home=home)
    return url_for(world, key)


KEYS = [*project_keys(), *(f"{ADMIN_GROUP} {path}" for path in ADMIN_PATHS)]


@pytest.mark.parametrize("key", KEYS)
def test_a_post_without_token_is_refused_and_changes_nothing(
    world, forms, browsers, caplog, db, key
):
    """Every role, the token left out, then someone else's token put in."""
    url = url_of(world, key)
    caplog.set_level(logging.WARNING, logger="django.security.csrf")
    wrong = []
    before = fingerprint()
    for role in ROLES:
        stranger = ROLES[(ROLES.index(role) + 1) % len(ROLES)]
        for token in (None, token_of(browsers, stranger)):
            body = body_for(forms, role, url, world)
            body.pop(TOKEN_FIELD, None)
            if token is not None:
                body[TOKEN_FIELD] = token
            caplog.clear()
            response = browser(browsers, role).post(url, body)
            if response.status_code != 403 or not csrf_refusals(caplog, urlparse(url).path):
                how = "no token" if token is None else f"{stranger}'s token"
                wrong.append(f"{role} with {how}: {response.status_code}, not a CSRF refusal")
    after = fingerprint()
    changed = sorted(table for table in before if before[table] != after[table])
    assert not wrong and not changed, f"POST {url} ({key}): {wrong} changed {changed}"


@pytest.mark.parametrize("key", KEYS)
def test_the_same_post_with_the_token_gets_past_the_check(world, forms, browsers, caplog, db, key):
    url = url_of(world, key)
    caplog.set_level(logging.WARNING, logger="django.security.csrf")
    wrong = []
    for role in ROLES:
        body = body_for(forms, role, url, world)
        body[TOKEN_FIELD] = token_of(browsers, role)
        savepoint = transaction.savepoint()
        before = fingerprint() if (key, role) in WRITES_WITH_TOKEN else None
        caplog.clear()
        browser(browsers, role).post(url, body)
        if csrf_refusals(caplog, urlparse(url).path):
            wrong.append(f"{role}: refused for CSRF with a valid token")
        if before is not None and fingerprint() == before:
            wrong.append(f"{role}: the plausible body changed nothing")
        transaction.savepoint_rollback(savepoint)
    assert not wrong, f"POST {url} ({key}): " + "; ".join(wrong)


def test_the_writes_named_are_urls_of_the_project():
    assert {key for key, _role in WRITES_WITH_TOKEN} <= set(KEYS)
