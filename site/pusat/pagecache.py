"""Whole-page cache for anonymous visitors, invalidated on every change.

A visitor with no cookies that identify them (no session, no pending
messages) asking for a public page gets the HTML stored the last time
someone like them asked for it: no view runs and no query is made. The
stored copy is keyed by the full URL, the language and the text size, and by
a *generation* number: any saved or deleted row that can change a public
page (a published page, a forum post, a showcase product, an event, a
renamed member...) sets a new generation, so the next request renders afresh
at once. Entries also expire after `PAGE_CACHE_SECONDS` as a backstop for
what changes with the clock alone (an election closing, an event passing).

Only the views in `CACHEABLE_VIEWS` are stored, and only a 200 HTML response
that sets no cookie and left the session untouched. Every page carries the
language and text-size forms, so CSRF tokens are never stored: they are
replaced by a marker when the page is stored and the marker by this
visitor's own fresh token when it is served (the CSRF middleware then sets
their cookie as usual). Signed-in members never read or fill the cache.
"""

import json
import re
import time
from contextlib import suppress

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.utils.module_loading import import_string

GENERATION_KEY = "pagecache:generation"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_MARKER = b"\x00csrf\x00"
HEADER = "X-Page-Cache"
# Set by the ASGI front cache (frontcache.py) on the requests it passes on;
# for those, a stored page's visit counter travels to it in HOOK_HEADER.
FRONT_SCOPE_KEY = "pusat.front_cache"
HOOK_HEADER = "X-Page-Cache-Hook"

# url names (namespace:name) whose anonymous responses may be stored, plus
# Wagtail's page server (home, courses, lessons, standard and showcase pages).
CACHEABLE_VIEWS = {
    "wagtail_serve",
    # `/etalase/` itself: Wagtail's page serving under a Django url name.
    "showcase:index",
    "forum:index",
    "forum:category",
    "forum:thread",
}

# Rows written on every visit or sign-in that never change a public page.
IGNORED_MODELS = {
    "qsessions.session",
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "showcase.weeklycount",
    "accounts.notification",
    "forum.threadread",
    "community.chatmessage",
    "community.chatreadmarker",
    "courses.lessonprogress",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.revision",
    "wagtailusers.userprofile",
    "admin.logentry",
    "wagtailimages.rendition",
}


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        # Another process may have set one first: use theirs.
        if not cache.add(GENERATION_KEY, value, None):
            value = cache.get(GENERATION_KEY, value)
    return value


def invalidate():
    """Every stored page becomes stale at once (for every process sharing the cache)."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def on_hit(request, callable_path, *args):
    """Run `callable_path(*args)` again whenever the stored copy of this
    response is served (for example, to count a showcase visit); the
    arguments must be plain JSON values."""
    request._page_cache_on_hit = (callable_path, args)


def run_hook(hook):
    """Run an `on_hit` call passed as JSON (by the front cache)."""
    callable_path, args = json.loads(hook)
    import_string(callable_path)(*args)


# Rows created with their defaults the first time a page needs them: every
# page rendered before showed those same defaults, so creating one changes
# nothing (editing one later does).
CREATED_WITH_DEFAULTS = {"home.sitesettings"}


def _changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    label = sender._meta.label_lower
    if label in IGNORED_MODELS:
        return
    if kwargs.get("created") and label in CREATED_WITH_DEFAULTS:
        return
    invalidate()


def connect_signals():
    post_save.connect(_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_changed, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(
            lambda **kwargs: invalidate(), weak=False, dispatch_uid=f"pagecache-{signal!r}"
        )


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        invalidate()


def cached(name, compute, *parts, seconds=24 * 60 * 60):
    """`compute()`, kept in the cache until the next change anywhere (or for
    `seconds`, for what also changes with the clock)."""
    key = ":".join(("pagecache", name, str(generation()), *map(str, parts)))
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def invalidate_on_commit():
    """For writes that send no signal (`QuerySet.update`, `bulk_create`):
    every stored page and computed value becomes stale once they commit."""
    transaction.on_commit(invalidate)


def site_for_request(request):
    """Wagtail's site lookup for this host, without a query once known."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    from wagtail.models import Site

    def find():
        site = Site._find_for_request(request)
        if site is not None:
            # Wagtail routes from `site.root_page.specific`: keep that too.
            site.root_page = site.root_page.specific
        return site

    return cached("site", find, hostname, port)


class SiteLookupMiddleware:
    """Give Wagtail the request's site from the cache (`Site.find_for_request`
    reads `request._wagtail_site` when it is set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The database down or not migrated: leave it to the view (the
        # health check answers 503 rather than this raising 500).
        with suppress(DatabaseError):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)


def _anonymous_without_state(request):
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def _key(request):
    return ":".join(
        (
            "pagecache",
            str(generation()),
            request.get_host(),
            request.LANGUAGE_CODE,
            getattr(request, "text_size", "normal"),
            request.get_full_path(),
        )
    )


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous pages; place after the preferences middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True) or not _anonymous_without_state(
            request
        ):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return self._replay(request, stored)
        response = self.get_response(request)
        if self._storable(request, response):
            entry = {
                "content": CSRF_INPUT.sub(rb"\1" + CSRF_MARKER + rb"\2", response.content),
                "headers": [
                    (name, value)
                    for name, value in response.headers.items()
                    if name.lower() not in ("set-cookie", "vary", HEADER.lower())
                ],
                "on_hit": getattr(request, "_page_cache_on_hit", None),
            }
            cache.set(key, entry, timeout())
            response[HEADER] = "miss"
            self._pass_hook(request, response, entry["on_hit"])
        return response

    @staticmethod
    def _pass_hook(request, response, on_hit):
        if on_hit and getattr(request, "scope", {}).get(FRONT_SCOPE_KEY):
            response[HOOK_HEADER] = json.dumps(on_hit)

    def _replay(self, request, stored):
        if stored["on_hit"]:
            callable_path, args = stored["on_hit"]
            import_string(callable_path)(*args)
        content = stored["content"]
        if CSRF_MARKER in content:
            content = content.replace(CSRF_MARKER, get_token(request).encode())
        response = HttpResponse(content)
        for name, value in stored["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        self._pass_hook(request, response, stored["on_hit"])
        return response

    @staticmethod
    def _storable(request, response):
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name not in CACHEABLE_VIEWS:
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        session = getattr(request, "session", None)
        if session is not None and (session.modified or not session.is_empty()):
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated


class CachedViewRestrictionsMixin:
    """Wagtail checks a page's and its ancestors' view restrictions on every
    view (two queries); keep the answer until the next change anywhere.

    The result is still a queryset over the same rows, so the admin's
    `.order_by(...)` and `.exists()` query afresh as before."""

    def get_view_restrictions(self):
        from wagtail.models import Page, PageViewRestriction

        def compute():
            queryset = Page.get_view_restrictions(self)
            return list(queryset.values_list("page_id", flat=True).distinct()), list(queryset)

        _ids, restrictions = cached("view-restrictions", compute, self.pk)
        # Filtered by the restricted pages found, so that a fresh evaluation
        # (after `.order_by()`, say) gives the same rows.
        queryset = PageViewRestriction.objects.filter(pk__in=[r.pk for r in restrictions])
        queryset._result_cache = restrictions
        queryset._prefetch_done = True
        return queryset
