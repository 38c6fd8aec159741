"""URL discovery and helpers shared by the permission matrix and the CSRF tests.

Every URL of the project is found here, not listed by hand: the patterns of
Django's resolver (walking includes), with Wagtail's page serving expanded
into each page type and, for `RoutablePageMixin` pages, each of their routes;
the Wagtail admin counts as one group. `url_for` turns a key into a concrete
URL filled from the objects of `access_world.World`.
"""

import hashlib
import re
from urllib.parse import urlparse

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

ADMIN_GROUP = "wagtail admin"


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield prefix + str(pattern.pattern), name


def page_keys():
    """One key per page type, or per route of a routable page type."""
    keys = []
    for model in get_page_models():
        if model is Page:
            continue
        label = model._meta.label
        if issubclass(model, RoutablePageMixin):
            for route in model.get_subpage_urls():
                keys.append(f"{label} /{route.pattern}")
        else:
            keys.append(label)
    return keys


def project_keys():
    """Every URL of the project, as the keys of the permission matrix."""
    keys = []
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            key = ADMIN_GROUP
        elif name == "wagtail_serve":
            keys.extend(page_keys())
            continue
        else:
            key = name or route
        if key not in keys:
            keys.append(key)
    return keys


def websocket_keys():
    """Every websocket route, walked from the ASGI application's router
    through its middleware (`application`/`inner`) and nested routers."""
    from channels.routing import URLRouter

    from pusat.asgi import application

    keys = []

    def walk(app, prefix=""):
        if isinstance(app, URLRouter):
            for route in app.routes:
                if isinstance(route.callback, URLRouter):
                    walk(route.callback, prefix + str(route.pattern))
                else:
                    keys.append(prefix + str(route.pattern))
            return
        for attribute in ("application", "inner"):
            if hasattr(app, attribute):
                walk(getattr(app, attribute), prefix)
                return
        raise AssertionError(f"cannot see past {app!r} to the websocket routes")

    walk(application.application_mapping["websocket"])
    return keys


def websocket_url_for(world, key):
    """A websocket route filled with the world's community chat room."""
    return "/" + _fill(key.lstrip("^/"), {"slug": world.room.slug})


def _fill(pattern, values):
    def replace(match):
        return str(values[match.group(1)])

    return re.sub(r"<(?:\w+:)?(\w+)>", replace, pattern)


def page_url(world, key):
    label, _space, route = key.partition(" ")
    model = apps.get_model(label)
    page = world.pages[label]
    values = {
        "attempt_id": world.attempt.pk,
        "code": world.evidence.indicator.code,
        "product_id": world.product.pk,
        "product_slug": world.product.slug,
    }
    if label == "courses.CoursePage" and "attempt_id" in route:
        page = world.attempt_course
    assert isinstance(page, model)
    return page.url + _fill(route.lstrip("/"), values)


def url_for(world, key):
    if key == ADMIN_GROUP:
        return "/admin/"
    if " " in key or key in world.pages:
        return page_url(world, key)
    kwargs = {
        "healthz": {},
        "wagtaildocs_serve": (world.document.pk, world.document.filename),
        "wagtaildocs_authenticate_with_password": {"restriction_id": 999999},
        "wagtailcore_authenticate_with_password": {
            "page_view_restriction_id": world.restriction.pk,
            "page_id": world.restriction.page_id,
        },
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "courses:verify_certificate": {"code": world.certificate.code},
        "courses:review": {"pk": world.evidence.pk},
        "courses:evidence_file": {"pk": world.evidence.pk},
        "community:election_detail": {"pk": world.election.pk},
        "community:nomination_respond": {"pk": world.nomination.pk},
        "community:election_break_tie": {
            "pk": world.election.pk,
            "position_pk": world.position.pk,
        },
        "community:minutes_attachment": {
            "pk": world.minutes.pk,
            "attachment_pk": world.attachment.pk,
        },
        "community:join_request": {"pk": world.join_request.pk},
        "forum:resolve_report": {"pk": world.report.pk},
        "forum:course": {"course_id": world.course.pk},
        "forum:suspend": {"user_pk": world.member.pk},
        "chat:room": {"slug": world.room.slug},
        "chat:delete": {"slug": world.room.slug, "pk": world.message.pk},
        "chat:mute": {"slug": world.room.slug, "pk": world.message.pk},
    }.get(key)
    if kwargs is None:
        pattern = reverse_pattern(key)
        params = re.findall(r"<(?:\w+:)?(\w+)>", pattern)
        by_prefix = {
            "community:election": world.election,
            "community:event": world.event,
            "community:minutes": world.minutes,
            "community:proposal": world.proposal,
            "forum:": None,
        }
        kwargs = {}
        for param in params:
            if param == "slug":
                kwargs["slug"] = (
                    world.category.slug if key.startswith("forum:") else world.community.slug
                )
            elif param == "pk":
                if key.startswith("forum:") and key in (
                    "forum:thread",
                    "forum:reply",
                    "forum:first_unread",
                    "forum:follow",
                    "forum:moderate_thread",
                ):
                    kwargs["pk"] = world.thread.pk
                elif key.startswith("forum:"):
                    kwargs["pk"] = world.post.pk
                else:
                    target = next(
                        (obj for prefix, obj in by_prefix.items() if key.startswith(prefix)), None
                    )
                    assert target is not None, f"no object for {key}"
                    kwargs["pk"] = target.pk
            else:
                raise AssertionError(f"no value for <{param}> of {key}")
    if isinstance(kwargs, tuple):
        return reverse(key, args=kwargs)
    return reverse(key, kwargs=kwargs)


def reverse_pattern(key):
    for route, name in _walk(get_resolver().url_patterns):
        if name == key:
            return route
    raise AssertionError(f"{key} is not a URL name")


def outcome(response):
    """What a response means for access: '200', 'L' (to the site's sign-in),
    'A' (to the admin's sign-in), '302' (anywhere else), '403', '404', '405', …"""
    if response.status_code in (301, 302):
        path = urlparse(response["Location"]).path
        if path == reverse("accounts:login"):
            return "L"
        if path.startswith("/admin/login/"):
            return "A"
        return "302"
    return str(response.status_code)


# The apps whose data the project's views change.
WATCHED_APPS = {
    "accounts",
    "home",
    "courses",
    "community",
    "forum",
    "showcase",
}
WATCHED_MODELS = {
    "auth.group",
    "wagtailcore.page",
    "wagtailcore.revision",
    "wagtailcore.pageviewrestriction",
    "wagtaildocs.document",
    "wagtailimages.image",
}

# Tables whose rows change on a request by design, not by a refused action.
VOLATILE = {
    "qsessions.session",
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "forum.threadread",
    "admin.logentry",
}


def fingerprint():
    """A hash of every row of every table the project writes to, per model."""
    hashes = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in VOLATILE or model._meta.proxy:
            continue
        if model._meta.app_label not in WATCHED_APPS and label not in WATCHED_MODELS:
            continue
        # StreamField values are compared through the page's revisions.
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if not isinstance(field, StreamField)
        ]
        rows = model._default_manager.order_by("pk").values_list(*fields)
        hashes[model._meta.label_lower] = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return hashes
