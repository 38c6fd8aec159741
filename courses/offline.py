"""Saving a course for offline reading on a phone.

Nothing happens until a member taps "Save for offline reading" on a course
page. Then `static/js/offline.js` registers the service worker served by
`service_worker` at `/kursus/sw.js` (so its scope is `/kursus/`), reads the
course's `offline/` route (`course_manifest`, JSON; Wagtail's page URLs allow
no dot, hence no `.json`) and puts every URL it lists, plus the layout's own
CSS, script and icons, into one Cache Storage cache for that course. The
worker (`static/js/sw.js`) answers only for URLs in such a cache: pages
network first with the saved copy as fallback, images from the saved copy.
"""

import hashlib
from functools import lru_cache
from html.parser import HTMLParser

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.http import etag, require_GET

SERVICE_WORKER = "js/sw.js"


def _load_service_worker():
    """(source, ETag) of the service worker script."""
    path = finders.find(SERVICE_WORKER)
    if path is None:
        raise Http404
    with open(path, encoding="utf-8") as script:
        source = script.read()
    return source, hashlib.sha256(source.encode()).hexdigest()[:32]


_load_service_worker_once = lru_cache(maxsize=1)(_load_service_worker)


def _service_worker():
    # Read once in production; on every request while developing.
    return _load_service_worker() if settings.DEBUG else _load_service_worker_once()


@require_GET
@etag(lambda request: _service_worker()[1])
def service_worker(request):
    """The service worker, served from /kursus/ so that its scope is /kursus/.

    `no-cache`: the browser revalidates it (a 304 thanks to the ETag) whenever
    it checks for an update, so a fixed worker reaches phones at once.
    """
    response = HttpResponse(
        _service_worker()[0], content_type="application/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache"
    return response


class _ImageCollector(HTMLParser):
    """Every image URL in a piece of HTML: `src`, and each `srcset` candidate."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("img", "source"):
            return
        attrs = dict(attrs)
        if attrs.get("src"):
            self.urls.append(attrs["src"])
        for candidate in (attrs.get("srcset") or "").split(","):
            url = candidate.strip().split(" ")[0]
            if url:
                self.urls.append(url)


def _same_origin(url):
    # The worker may only fetch our own origin (CSP connect-src 'self').
    return url.startswith("/") and not url.startswith("//")


def lesson_image_urls(lesson, context):
    """The image URLs a lesson page shows, rendered exactly as on the page.

    The lesson body is rendered with the page's own block templates, so the
    renditions (phone-sized, `srcset` candidates included) are the very files
    the page will ask for.
    """
    collector = _ImageCollector()
    for block in lesson.body:
        collector.feed(str(block.render(context=context)))
    collector.close()
    return [url for url in collector.urls if _same_origin(url)]


def course_manifest(request, course):
    """`<course>/offline/` (JSON): what to save for reading `course` offline.

    `pages`: the course page and every live, public lesson (never drafts);
    `images`: the images those lessons show. Lessons are public, so anyone
    may save them; what a signed-in member saves is their own view of them.
    """
    lessons = list(course.lessons().public())
    indicators = {indicator.code: indicator for indicator in course.indicators.all()}
    pages = [course.get_url(request)]
    images = []
    for lesson in lessons:
        pages.append(lesson.get_url(request))
        context = {"request": request, "page": lesson, "course": course, "indicators": indicators}
        images.extend(lesson_image_urls(lesson, context))
    response = JsonResponse(
        {
            "course": course.pk,
            "pages": pages,
            "images": list(dict.fromkeys(images)),
        }
    )
    response["Cache-Control"] = "no-cache"
    return response
