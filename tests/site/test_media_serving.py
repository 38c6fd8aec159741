"""Uploaded files as served: a content type the browser trusts (nosniff), a
policy that lets nothing inside run, and a download for anything that is not
a photo or a PDF. Private folders are never served as plain media."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from PIL import Image

from community import minutes as minutes_rules
from courses import actions as course_actions
from pusat.media import serve_media
from tests.community.test_minutes import PDF, cast, make_minutes  # noqa: F401 (fixture)
from tests.courses.conftest import make_course, png_upload
from tests.factories import MemberFactory

HTML = b"<!doctype html><script>alert(document.cookie)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 20, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    files = {
        "original_images/foto.png": png_bytes(),
        "original_images/halaman.html": HTML,
        "original_images/gambar.svg": SVG,
        "original_images/catatan.txt": b"<script>alert(1)</script>",
        "original_images/tanpa-jenis": HTML,
        "bukti/2026/11/rahasia.png": png_bytes(),
        "documents/notulen-1-abc.pdf": PDF,
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    settings.MEDIA_ROOT = root
    return root


def get(path):
    return serve_media(RequestFactory().get(f"/media/{path}"), path)


def assert_protected(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"


class TestDevelopmentMedia:
    def test_photos_are_shown_inline_with_their_type(self, media):
        response = get("original_images/foto.png")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert not response.get("Content-Disposition", "").startswith("attachment")
        assert_protected(response)

    @pytest.mark.parametrize("name", ["halaman.html", "gambar.svg", "catatan.txt", "tanpa-jenis"])
    def test_anything_else_is_downloaded_never_rendered(self, media, name):
        response = get(f"original_images/{name}")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert_protected(response)

    @pytest.mark.parametrize(
        "path",
        [
            "bukti/2026/11/rahasia.png",
            "documents/notulen-1-abc.pdf",
            "../media/bukti/2026/11/rahasia.png",
            "original_images/../bukti/2026/11/rahasia.png",
            "/bukti/2026/11/rahasia.png",
            "./bukti/2026/11/rahasia.png",
            "original_images/tidak-ada.png",
        ],
        ids=["evidence", "documents", "traversal", "dot-dot", "rooted", "dot", "missing"],
    )
    def test_private_folders_and_escapes_are_not_served(self, media, path):
        with pytest.raises(Http404):
            get(path)


@pytest.mark.django_db
class TestAccessCheckedFiles:
    def test_evidence_photo_is_inline_but_cannot_run(self, client, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path / "media"
        member = MemberFactory()
        course = make_course()
        evidence = course_actions.submit_evidence(
            member, course.indicators.get(code="lampiran"), image=png_upload()
        )
        client.force_login(member)
        response = client.get(f"/kursus/bukti/{evidence.pk}/berkas/")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response["Content-Disposition"] == "inline"
        assert_protected(response)

    @pytest.mark.parametrize(
        ("name", "content", "downloaded"),
        [("Daftar Hadir.pdf", PDF, False), ("Daftar Hadir.docx", b"PK\x03\x04rest", True)],
        ids=["pdf", "docx"],
    )
    def test_minutes_attachment(self, client, settings, tmp_path, cast, name, content, downloaded):  # noqa: F811
        settings.MEDIA_ROOT = tmp_path / "media"
        minutes = make_minutes(cast)
        attachment = minutes_rules.update_minutes(
            cast.officer, minutes, attachment=SimpleUploadedFile(name, content)
        ).attachments.get()
        client.force_login(cast.member)
        response = client.get(f"/komunitas/notulen/{minutes.pk}/lampiran/{attachment.pk}/")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment") is downloaded
        assert_protected(response)
