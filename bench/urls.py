"""The project's URLs plus what only the benchmark needs: `/bench/floor/`, a
minimal Django view rendering a trivial template (the floor every page is
compared with), and media files (DEBUG is off, so Django does not serve them
otherwise; page weight counts the showcase's photos)."""

from django.conf import settings
from django.shortcuts import render
from django.urls import path, re_path
from django.views.static import serve

from pusat.urls import handler403, handler404, handler500  # noqa: F401
from pusat.urls import urlpatterns as project_urls


def floor(request):
    return render(request, "bench/floor.html", {"title": "Lantai"})


urlpatterns = [
    path("bench/floor/", floor),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *project_urls,
]
