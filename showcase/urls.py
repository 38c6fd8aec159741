"""`/etalase/` itself is a Wagtail page (`ShowcaseIndexPage`) with its member
showcases as child pages; every other showcase URL is a route on those pages.

This module only keeps the name `showcase:index` (used by the header and the
community directory) pointing at `/etalase/`: it hands the request straight
to Wagtail's page serving, so nothing here shadows the page tree.
"""

from django.urls import path
from wagtail import views as wagtail_views

app_name = "showcase"

urlpatterns = [
    path("", wagtail_views.serve, {"path": "etalase/"}, name="index"),
]
