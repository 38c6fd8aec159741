from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pusat.accounts import views as account_views
from pusat.home import views as home_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("akun/", include("pusat.accounts.urls")),
    path("privasi/", account_views.privacy_notice, name="privacy"),
    path("kursus/", include("courses.urls")),
    path("komunitas/", include("community.urls")),
    path("forum/", include("forum.urls")),
    path("obrolan/", include("community.chat_urls")),
    path("etalase/", include("showcase.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

if settings.DEBUG:
    from django.urls import re_path

    from pusat.media import serve_media

    # Uploaded files with headers that keep them from running (pusat/media.py).
    urlpatterns += [re_path(r"^media/(?P<path>.+)$", serve_media)]

# Wagtail's page tree serves everything not matched above.
urlpatterns += [path("", include(wagtail_urls))]

handler403 = "pusat.home.views.permission_denied"
handler404 = "pusat.home.views.page_not_found"
handler500 = "pusat.home.views.server_error"
