"""Indonesian first, English second: catalogue, switch, and text size."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.helpers import indonesian, page_text

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_every_interface_string_has_an_indonesian_translation():
    catalogue = polib.pofile(str(CATALOGUE))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == []
    assert fuzzy == []
    assert len(catalogue.translated_entries()) > 100


# What `make messages` skips, plus what makemessages never reads; copying less
# keeps the extraction to a few seconds.
NOT_SCANNED = {
    ".git",
    ".venv",
    "node_modules",
    "staticfiles",
    "media",
    ".test-media",
    "test-artifacts",
    "backups",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}
SCANNED_SUFFIXES = {".py", ".html", ".txt", ".po"}
CANARY_CODE = "A canary string only this test adds to the code"
CANARY_TEMPLATE = "A canary string only this test adds to a template"


def _copy_for_extraction(source, target):
    """The tree as makemessages sees it: source files, templates, the catalogue."""

    def skipped(directory, name):
        path = Path(directory) / name
        if name in NOT_SCANNED or (name == "data" and path.parent.name == "bench"):
            return True
        return path.is_file() and path.suffix not in SCANNED_SUFFIXES

    def ignore(directory, names):
        return {name for name in names if skipped(directory, name)}

    shutil.copytree(source, target, ignore=ignore, symlinks=True)


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def test_no_string_in_the_code_lacks_a_translation_even_before_makemessages(tmp_path):
    """Extract every translatable string from the working tree as it is now
    (a copy, so the shared catalogue is never touched) and compare it with
    the committed catalogue: a new `_("...")` or `{% translate %}` whose
    author forgot `scripts/update_catalogue.sh` fails here.

    Two canary strings are planted in the copy to prove the extraction sees
    new code and templates; they must be the only strings found missing.
    """
    tree = tmp_path / "tree"
    _copy_for_extraction(Path(settings.BASE_DIR), tree)
    (tree / "courses" / "i18n_canary.py").write_text(
        f'from django.utils.translation import gettext as _\n\n_("{CANARY_CODE}")\n'
    )
    (tree / "templates" / "i18n_canary.html").write_text(
        f'{{% load i18n %}}<p>{{% translate "{CANARY_TEMPLATE}" %}}</p>\n'
    )
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "id",
            "--ignore=.venv",
            "--ignore=node_modules",
            "--ignore=staticfiles",
            "--no-obsolete",
            "--keep-pot",
        ],
        cwd=tree,
        env={**os.environ, "DJANGO_ENV": "test"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    extracted = {_key(entry) for entry in polib.pofile(str(tree / "locale" / "django.pot"))}
    translated = {
        _key(entry)
        for entry in polib.pofile(str(CATALOGUE)).translated_entries()
        if "fuzzy" not in entry.flags
    }
    missing = sorted(msgid for context, msgid in extracted - translated)
    # The extraction really ran over code and templates.
    assert CANARY_CODE in missing and CANARY_TEMPLATE in missing
    assert len(extracted) > 100
    missing = [msgid for msgid in missing if msgid not in {CANARY_CODE, CANARY_TEMPLATE}]
    assert missing == [], (
        f"{len(missing)} interface strings have no Indonesian translation in "
        f"{CATALOGUE.relative_to(settings.BASE_DIR)}; add them with "
        f"scripts/update_catalogue.sh (extraction took {elapsed:.1f} s):\n"
        + "\n".join(repr(msgid) for msgid in missing)
    )


@pytest.mark.django_db
class TestLanguage:
    def test_indonesian_by_default_even_for_an_english_browser(self, client):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        body = page_text(response)
        assert '<html lang="id"' in body
        assert indonesian("Courses") in body
        assert ">Courses<" not in body

    def test_switch_to_english_and_back(self, client):
        response = client.post("/akun/bahasa/", {"language": "en", "next": "/akun/daftar/"})
        assert response.status_code == 302
        assert response["Location"] == "/akun/daftar/"
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
        body = page_text(client.get("/akun/daftar/"))
        assert '<html lang="en"' in body
        assert "Create your account" in body
        assert ">Courses<" in body
        client.post("/akun/bahasa/", {"language": "id-id", "next": "/"})
        body = page_text(client.get("/akun/daftar/"))
        assert indonesian("Create your account") in body

    def test_choice_is_remembered_on_the_account(self, client, member):
        client.force_login(member)
        client.post("/akun/bahasa/", {"language": "en", "next": "/"})
        member.refresh_from_db()
        assert member.language == "en"
        # Another browser, no cookie: the account's choice applies.
        client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
        assert '<html lang="en"' in client.get("/").content.decode()

    def test_unknown_language_changes_nothing(self, client, member):
        client.force_login(member)
        response = client.post("/akun/bahasa/", {"language": "fr", "next": "/"})
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
        member.refresh_from_db()
        assert member.language == ""

    def test_switch_refuses_an_outside_redirect(self, client):
        response = client.post(
            "/akun/bahasa/", {"language": "en", "next": "https://jahat.example/"}
        )
        assert response["Location"] == "/"

    def test_switch_needs_post_and_csrf(self, member):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        assert strict.post("/akun/bahasa/", {"language": "en"}).status_code == 403
        assert strict.get("/akun/bahasa/").status_code == 405

    def test_wagtail_admin_speaks_indonesian(self, client, editor):
        client.force_login(editor)
        body = client.get("/admin/").content.decode()
        assert 'lang="id-id"' in body
        assert "Dasbor" in body


@pytest.mark.django_db
class TestTextSize:
    def test_large_text_without_javascript(self, client):
        response = client.post("/akun/ukuran-teks/", {"text_size": "besar", "next": "/forum/"})
        assert response.status_code == 302
        assert response["Location"] == "/forum/"
        assert response.cookies[settings.TEXT_SIZE_COOKIE_NAME].value == "besar"
        body = client.get("/").content.decode()
        assert 'class="text-besar"' in body
        assert 'value="besar" class="text-large-sample" aria-pressed="true"' in body

    def test_remembered_on_the_account_for_other_browsers(self, client, member):
        client.force_login(member)
        client.post("/akun/ukuran-teks/", {"text_size": "besar"})
        member.refresh_from_db()
        assert member.text_size == "besar"
        client.cookies.pop(settings.TEXT_SIZE_COOKIE_NAME)
        assert 'class="text-besar"' in client.get("/").content.decode()

    def test_unknown_size_is_refused_with_a_message(self, client):
        response = client.post("/akun/ukuran-teks/", {"text_size": "raksasa"}, follow=True)
        assert settings.TEXT_SIZE_COOKIE_NAME not in client.cookies
        assert indonesian("That text size is not available.") in page_text(response)
        assert 'class="text-normal"' in response.content.decode()
