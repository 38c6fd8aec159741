"""Uploaded files as served: never executable in the browser.

Every response that carries a member's file goes through `protect()`:
`X-Content-Type-Options: nosniff` (the browser trusts the declared type),
`Content-Security-Policy: default-src 'none'` (nothing inside the file may
run a script or load anything, even if a crafted file were rendered), and
`Content-Disposition: attachment` for everything but photos and PDFs, so
an HTML, SVG or unknown file is downloaded rather than opened on this origin.

In development `/media/` is served by `serve_media`, which does the same and
refuses the private folders (evidence photos and documents have their own
views that check who is asking). In production the proxy serves `/media/`;
the README gives the headers it must add.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Shown in the browser; anything else is downloaded.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"})
# Media folders with their own access-checked views: evidence photos
# (courses.views.evidence_file) and documents (Wagtail's /dokumen/ view and
# the minutes attachment view).
PRIVATE_FOLDERS = frozenset({"bukti", "documents"})


def protect(response):
    """Add the headers that keep an uploaded file from running as a page."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    disposition = response.get("Content-Disposition", "")
    if content_type not in INLINE_TYPES and not disposition.startswith("attachment"):
        filename = disposition.partition(";")[2].strip()
        response["Content-Disposition"] = "attachment" + (f"; {filename}" if filename else "")
    return response


def serve_media(request, path):
    """Development only: an uploaded file from MEDIA_ROOT, protected."""
    parts = PurePosixPath(path.lstrip("/")).parts
    # No way up and around the private-folder check ("../media/bukti/...").
    if not parts or ".." in parts or parts[0] in PRIVATE_FOLDERS:
        raise Http404
    return protect(serve(request, path, document_root=settings.MEDIA_ROOT))
