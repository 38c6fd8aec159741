"""Key pages: which URLs, their SQL query counts, server time and page weight.

`prepare(scale)` runs in a child process with Django set up on that scale's
database: it picks the URLs (the same kinds of page at every scale), signs a
member and an officer in (session cookies for the real server), and counts
each page's SQL queries with Django's test client and CaptureQueriesContext:
once with an empty cache ("cold", what a first visitor or a signed-in member
costs) and once more ("warm").

`time_page` and `page_weight` run in the orchestrator against the real
server over loopback (a keep-alive HTTP connection, like a browser).
"""

import gzip
import http.client
import json
import subprocess
import sys
import time
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from bench.common import PYTHON, ROOT, django_env, percentile

MEMBER_EMAIL = "komang.arta@contoh.id"  # enrolled in three demo courses
OFFICER_EMAIL = "luh.sukerti@contoh.id"  # ketua of the Karangasem community
PUBLIC = {"home", "lesson", "showcase page", "product", "thread page (last page)"}


def page_list():
    """(name, path, who) for every key page, chosen the same way at each scale."""
    from django.db.models import Count

    from community.models import Election
    from courses.models import CoursePage, LessonPage
    from forum.models import Category, Thread
    from showcase.models import Product, ShowcasePage

    course = CoursePage.objects.live().order_by("-path").first()
    lesson = LessonPage.objects.live().child_of(course).order_by("path").first()
    showcase = (
        ShowcasePage.objects.live().annotate(n=Count("products")).order_by("-n", "-path").first()
    )
    product = Product.objects.filter(showcase=showcase).order_by("sort_order", "pk").last()
    category = (
        Category.objects.filter(community__isnull=True)
        .annotate(n=Count("threads"))
        .order_by("-n")
        .first()
    )
    thread = (
        Thread.objects.filter(category__community__isnull=True).order_by("-reply_count").first()
    )
    last_page = thread.reply_count // 20 + 1
    election = Election.objects.exclude(closed_at=None).order_by("pk").first()
    regency = showcase.regency or "Karangasem"
    showcase.url  # noqa: B018 - warms the site root cache before counting
    pages = [
        ("home", "/", "visitor"),
        ("course index", "/kursus/", "visitor"),
        ("course", course.url, "visitor"),
        ("lesson", lesson.url, "visitor"),
        ("showcase directory", "/etalase/", "visitor"),
        (
            "showcase directory filtered",
            "/etalase/?" + urlencode({"kabupaten": regency, "kategori": showcase.category}),
            "visitor",
        ),
        ("showcase page", showcase.url, "visitor"),
        ("product", f"{showcase.url}produk/{product.slug}/", "visitor"),
        ("forum index", "/forum/", "visitor"),
        ("thread list", category.get_absolute_url(), "visitor"),
        ("thread page (last page)", f"{thread.get_absolute_url()}?page={last_page}", "visitor"),
        ("agenda", "/komunitas/agenda/", "member"),
        ("minutes", "/komunitas/notulen/", "member"),
        ("election results", f"/komunitas/pemilihan/{election.pk}/hasil/", "member"),
        ("Belajar Saya", "/kursus/saya/", "member"),
        ("officer dashboard", "/komunitas/dasbor/", "officer"),
        ("floor", "/bench/floor/", "visitor"),
    ]
    return pages


def prepare_in_child():
    from bench.common import setup_django

    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    User = get_user_model()
    users = {
        "member": User.objects.get(email=MEMBER_EMAIL),
        "officer": User.objects.get(email=OFFICER_EMAIL),
    }
    cookies = {"visitor": ""}
    for who, user in users.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        name = settings.SESSION_COOKIE_NAME
        cookies[who] = f"{name}={client.cookies[name].value}"

    def count(client, path):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        return len(queries), response

    rows = []
    for name, path, who in page_list():
        client = Client(HTTP_HOST="127.0.0.1")
        if who != "visitor":
            client.force_login(users[who])
        # Once ever: image renditions and rows made on first use.
        client.get(path)
        # cold: nothing cached at all (the first request after a restart).
        cache.clear()
        cold, response = count(client, path)
        # render: the page rendered by its view, with what is kept until the
        # next change (site, settings, routes, permissions) already cached.
        with override_settings(PAGE_CACHE_ENABLED=False):
            client.get(path)
            render, _ = count(client, path)
        # stored: what a repeated request costs (for visitors, the stored page).
        client.get(path)
        stored, _ = count(client, path)
        rows.append(
            {
                "name": name,
                "path": path,
                "who": who,
                "status": response.status_code,
                "queries_cold": cold,
                "queries_render": render,
                "queries_warm": stored,
            }
        )
    print(json.dumps({"pages": rows, "cookies": cookies}))


def prepare(scale):
    result = subprocess.run(
        [PYTHON, "-m", "bench.pages", "--prepare"],
        cwd=ROOT,
        env=django_env(scale),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


class Connection:
    """A keep-alive HTTP/1.1 connection to the server on loopback."""

    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path, cookie="", encoding="br, gzip"):
        headers = {"Accept-Encoding": encoding, "Accept-Language": "id"}
        if cookie:
            headers["Cookie"] = cookie
        for attempt in range(2):
            try:
                self.conn.request("GET", path, headers=headers)
                response = self.conn.getresponse()
                body = response.read()
                return response, body
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        self.conn.close()


def time_page(port, path, cookie, repeat=50, warmup=5):
    """Round-trip times in ms of `repeat` sequential requests after `warmup`."""
    conn = Connection(port)
    try:
        status = None
        for _ in range(warmup):
            response, _body = conn.get(path, cookie)
            status = response.status
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            response, _body = conn.get(path, cookie)
            samples.append((time.perf_counter() - started) * 1000)
            status = response.status
    finally:
        conn.close()
    return {
        "status": status,
        "p50": percentile(samples, 50),
        "p95": percentile(samples, 95),
        "n": len(samples),
    }


class AssetParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css, self.js, self.images = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.css.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])
        elif tag == "img" and attrs.get("src") and not attrs["src"].startswith("data:"):
            self.images.append(attrs["src"])


def page_weight(port, path, cookie=""):
    """Bytes on the wire of a first load: HTML + same-site CSS and JS as served
    (whitenoise serves them compressed); HTML that the server sends
    uncompressed is counted gzip-compressed (as any proxy in front would), and
    marked so. Images (same-site) are counted separately."""
    conn = Connection(port)
    base = f"http://127.0.0.1:{port}"
    try:
        response, body = conn.get(path, cookie)
        html_encoding = response.getheader("Content-Encoding")
        html_wire = len(body) if html_encoding else len(gzip.compress(body, 6))
        raw = body
        if html_encoding == "gzip":
            raw = gzip.decompress(body)
        elif html_encoding == "br":
            import brotli

            raw = brotli.decompress(body)
        parser = AssetParser()
        parser.feed(raw.decode("utf-8", "replace"))
        totals = {"css": 0, "js": 0, "images": 0}
        requests = 1
        for kind, urls in (("css", parser.css), ("js", parser.js), ("images", parser.images)):
            for url in dict.fromkeys(parser.css if kind == "css" else urls):
                absolute = urljoin(base + path, url)
                if urlsplit(absolute).netloc != urlsplit(base).netloc:
                    continue
                asset, data = conn.get(urlsplit(absolute).path, cookie)
                requests += 1
                totals[kind] += len(data)
    finally:
        conn.close()
    return {
        "html": html_wire,
        "html_compressed_by_server": bool(html_encoding),
        "css": totals["css"],
        "js": totals["js"],
        "first_load": html_wire + totals["css"] + totals["js"],
        "images": totals["images"],
        "with_images": html_wire + totals["css"] + totals["js"] + totals["images"],
        "requests": requests,
    }


if __name__ == "__main__":
    if "--prepare" in sys.argv:
        prepare_in_child()
