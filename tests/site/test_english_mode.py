"""English mode: no Indonesian interface text is left on any page, for any role;
and dates, times (WIB/WITA/WIT) and rupiah are written the Indonesian way.

Each role (visitor, member, officer, editor) switches to English and walks
the demo site by its links, a couple of pages of every kind (view, or page
type for Wagtail pages). On every page the visible text and the attributes a
person reads or hears (placeholder, aria-label, title, alt, button values)
are compared with:

* every Indonesian msgstr of the catalogue that differs from its English
  msgid (a gettext string left untranslated at runtime or copied by hand);
* common Indonesian interface words that would only appear through
  hard-coded text bypassing gettext ("Simpan", "Kirim", "Masuk", ...), as the
  whole text of a button, link, label or heading.

Content written by people (page titles and bodies, posts, product names,
member names: the demo content is Indonesian) stays as written, so any text
stored in the database is not an interface string.
"""

import contextlib
import json
import re
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

import polib
import pytest
from bs4 import BeautifulSoup, Comment, Doctype
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import models, transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField

from community.events import regional_time_zone
from community.models import Community, Event, OfficerTerm
from courses.models import Certificate, CourseIndexPage
from forum import actions as forum_actions
from forum.models import Thread
from pusat.home import demo
from showcase.models import Product
from tests.helpers import indonesian

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "django.po"

# Interface words that only reach a page through hard-coded Indonesian.
INDONESIAN_UI_WORDS = {
    "Simpan",
    "Kirim",
    "Masuk",
    "Daftar",
    "Batal",
    "Hapus",
    "Ubah",
    "Kembali",
    "Beranda",
    "Keluar",
    "Cari",
    "Tutup",
    "Lihat",
    "Unduh",
    "Balas",
    "Tambah",
    "Selanjutnya",
    "Sebelumnya",
    "Berikutnya",
    "Lanjut",
    "Setuju",
    "Tolak",
    "Terima",
    "Kursus",
    "Komunitas",
    "Etalase",
    "Obrolan",
    "Profil",
    "Pengaturan",
    "Notifikasi",
    "Kata sandi",
    "Pilih",
    "Pesan",
    "Bagikan",
    "Laporkan",
    "Selesai",
    "Mulai",
    "Ya",
    "Tidak",
}
# Elements whose whole text is interface (buttons, links, labels, headings).
INTERFACE_ELEMENTS = ["a", "button", "label", "legend", "summary", "th", "h1", "h2", "h3", "h4"]
READ_ATTRIBUTES = ["placeholder", "aria-label", "title", "alt"]
# Not pages a person reads in the site's own interface.
SKIPPED_PREFIXES = (
    "/admin/",
    "/dokumen/",
    "/media/",
    "/static/",
    "/jsi18n/",
    "/sitemap.xml",
    "/healthz",
    "/akun/keluar/",
)
# Framework tables: permission and content type names are not content.
NOT_PEOPLES_TEXT = {"auth", "contenttypes", "sessions", "admin"}
PAGES_PER_KIND = 2
MOST_PAGES_PER_ROLE = 150


def _squash(text):
    return re.sub(r"\s+", " ", text).strip()


PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|%%")


def _letters(text):
    return len(re.findall(r"[^\W\d_]", text))


class IndonesianStrings:
    """Indonesian msgstrs that cannot be mistaken for English text: plain
    ones, and ones with placeholders ("%(n)s hari") as patterns."""

    def __init__(self, plain, patterns):
        self.plain = plain
        self.pattern = re.compile("|".join(f"(?:{pattern})" for pattern in patterns))

    def __contains__(self, text):
        if text in self.plain:
            return True
        match = self.pattern.fullmatch(text)
        if match is None:
            return False
        # Mostly the string's own words, not what was filled in: "1 hari" is
        # interface text, "Diskusi: Email untuk Bisnis · Forum" is a name.
        filled = "".join(value for value in match.groups() if value)
        return _letters(filled) <= _letters(text) - _letters(filled)


def _as_pattern(text):
    pieces = PLACEHOLDER.split(text)
    placeholders = PLACEHOLDER.findall(text)
    pattern = re.escape(pieces[0])
    for placeholder, piece in zip(placeholders, pieces[1:], strict=True):
        pattern += ("%" if placeholder == "%%" else "(.+?)") + re.escape(piece)
    return pattern


def _indonesian_interface_strings():
    catalogue = polib.pofile(str(CATALOGUE))
    english = {_squash(entry.msgid) for entry in catalogue}
    english |= {_squash(entry.msgid_plural) for entry in catalogue if entry.msgid_plural}
    plain, patterns = set(), set()
    for entry in catalogue.translated_entries():
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            text = _squash(form)
            # Markup never is one text node; short strings and ones that are
            # English too ("Email", "Forum") prove nothing.
            if "<" in text or len(text) < 4 or text in english:
                continue
            if PLACEHOLDER.search(text):
                # Enough words of its own to say it is this string.
                if _letters(PLACEHOLDER.sub("", text)) >= 4:
                    patterns.add(_as_pattern(text))
            else:
                plain.add(text)
    return IndonesianStrings(plain, patterns)


def _leaves(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _leaves(item)


def _pieces(value):
    """A stored value, and each piece of text it shows once rendered."""
    yield _squash(value)
    for line in value.splitlines():
        yield _squash(line)
    if "<" in value and ">" in value:
        soup = BeautifulSoup(value, "html.parser")
        for node in soup.find_all(string=True):
            yield _squash(node)
        for element in soup.find_all(True):
            yield _squash(element.get_text(" "))


def _stored_text():
    """Every piece of text people stored: titles, bodies, names, posts."""
    stored = set()
    for model in apps.get_models():
        if model._meta.app_label in NOT_PEOPLES_TEXT:
            continue
        # Fields with choices store codes; their labels are interface text.
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | StreamField)
            and not field.choices
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                if isinstance(value, str) and value.startswith(("[", "{")):
                    with contextlib.suppress(ValueError):
                        value = json.loads(value)
                if hasattr(value, "raw_data"):
                    value = list(value.raw_data)
                for leaf in _leaves(value):
                    stored.update(_pieces(leaf))
    stored.discard("")
    return stored


def _interface_texts(soup):
    """(where, text) pairs a person sees or hears on the page."""
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Doctype):
            continue
        if node.parent.name in {"script", "style", "noscript", "template", "textarea"}:
            continue
        text = _squash(node)
        if text:
            yield f"text in <{node.parent.name}>", text
    for attribute in READ_ATTRIBUTES:
        for element in soup.find_all(attrs={attribute: True}):
            yield f"{attribute}= on <{element.name}>", _squash(element[attribute])
    # Texts scripts show later (chat status, "typing…"), handed over in data-text-*.
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            if attribute.startswith("data-text") and isinstance(value, str):
                yield f"{attribute}= on <{element.name}>", _squash(value)
    # What search engines and link previews show.
    for element in soup.find_all("meta", attrs={"content": True}):
        if element.get("name") == "description" or element.get("property", "").startswith("og:"):
            yield (
                f"meta {element.get('name') or element.get('property')}",
                _squash(element["content"]),
            )
    for element in soup.find_all("input", attrs={"type": ["submit", "button", "reset"]}):
        if element.get("value"):
            yield "value= on a button", _squash(element["value"])
    for element in soup.find_all(INTERFACE_ELEMENTS):
        yield f"whole text of <{element.name}>", _squash(element.get_text(" "))


def indonesian_on_page(html, stored, indonesian):
    """The Indonesian interface strings found on one page."""
    soup = BeautifulSoup(html, "html.parser")
    found = set()
    for where, text in _interface_texts(soup):
        if not text or text in stored:
            continue
        if text in indonesian or text in INDONESIAN_UI_WORDS:
            found.add((where, text))
    return found


def _route_words():
    """The fixed words in routable pages' sub-URLs ("kelola", "produk", "baru")."""
    words = set()
    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                fixed = re.sub(r"<[^>]+>|\(\?P<[^>]+>[^)]*\)", "/", str(pattern.pattern))
                words.update(re.findall(r"[a-z][a-z-]*", fixed))
    return words


def _kind(path, query, route_words):
    """Pages of one kind share a view (or, for Wagtail, a page type's route:
    slugs and numbers are wildcards, a sub-URL's fixed words are not)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    view = match.view_name
    if view == "wagtail_serve":
        segments = [segment for segment in path.split("/") if segment]
        view = "/".join(
            segment if index == 0 or segment in route_words else "*"
            for index, segment in enumerate(segments)
        )
    return view, tuple(sorted({key for key, _ in parse_qsl(query)}))


def crawl(client, seeds=()):
    """Visit a few pages of every kind reachable by links, from the home page,
    the account pages and the given seeds; yield (url, html)."""
    queue = ["/", "/akun/masuk/", "/akun/daftar/", "/akun/kata-sandi/lupa/", *seeds]
    seen_urls, per_kind = set(queue), defaultdict(int)
    route_words = _route_words()
    visited = 0
    while queue and visited < MOST_PAGES_PER_ROLE:
        url = queue.pop(0)
        parts = urlsplit(url)
        kind = _kind(parts.path, parts.query, route_words)
        if kind is None or per_kind[kind] >= PAGES_PER_KIND:
            continue
        per_kind[kind] += 1
        response = client.get(url)
        visited += 1
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        yield url, html
        for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
            target = urlsplit(link["href"])
            if target.scheme or target.netloc or not target.path.startswith("/"):
                continue
            if target.path.startswith(SKIPPED_PREFIXES):
                continue
            next_url = target.path + (f"?{target.query}" if target.query else "")
            if next_url not in seen_urls:
                seen_urls.add(next_url)
                queue.append(next_url)


# The main pages each role must have reached, as address patterns.
SLUG = r"[\w-]+"
EVERYONE_READS = [
    r"/",
    r"/kursus/",
    rf"/kursus/(?!saya/){SLUG}/",
    rf"/kursus/{SLUG}/(?!pre-test/|post-test/|bukti/|survei/|sertifikat/){SLUG}/",
    rf"/kursus/sertifikat/{SLUG}/",
    r"/komunitas/",
    rf"/komunitas/(?!agenda/|notulen/|pemilihan/|usulan/|dasbor/){SLUG}/",
    r"/komunitas/agenda/",
    r"/komunitas/agenda/\d+/",
    r"/komunitas/notulen/",
    r"/forum/",
    rf"/forum/kategori/{SLUG}/",
    r"/forum/topik/\d+/",
    r"/obrolan/",
    r"/etalase/",
    rf"/etalase/(?!kelola/){SLUG}/",
    rf"/etalase/{SLUG}/produk/{SLUG}/",
    r"/akun/kata-sandi/lupa/",
]
MEMBERS_READ = [
    r"/kursus/saya/",
    rf"/kursus/{SLUG}/pre-test/",
    r"/komunitas/notulen/\d+/",
    r"/komunitas/pemilihan/",
    r"/komunitas/pemilihan/\d+/",
    r"/komunitas/usulan/\d+/",
    rf"/obrolan/{SLUG}/",
    r"/etalase/kelola/",
    r"/akun/profil/",
    r"/akun/notifikasi/",
    r"/akun/sesi/",
]
MUST_REACH = {
    "visitor": [*EVERYONE_READS, r"/akun/masuk/", r"/akun/daftar/"],
    "member": [*EVERYONE_READS, *MEMBERS_READ],
    "officer": [
        *EVERYONE_READS,
        *MEMBERS_READ,
        r"/komunitas/dasbor/",
        r"/komunitas/agenda/baru/",
        r"/komunitas/notulen/baru/",
        r"/etalase/kelola/produk/baru/",
    ],
    "editor": [*EVERYONE_READS, r"/forum/laporan/", r"/komunitas/dasbor/"],
}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", stdout=StringIO())
        yield {"stored": _stored_text(), "indonesian": _indonesian_interface_strings()}
        transaction.set_rollback(True)


def _account(role):
    User = get_user_model()
    if role == "visitor":
        return None
    if role == "editor":
        return User.objects.get(email=demo.EDITOR_EMAIL)
    officers = OfficerTerm.objects.current().select_related("user")
    if role == "officer":
        return officers.order_by("role", "pk").first().user
    return (
        User.objects.filter(membership__isnull=False, is_staff=False)
        .exclude(pk__in=officers.values("user"))
        .order_by("pk")
        .first()
    )


def _english_client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.post("/akun/bahasa/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


@pytest.mark.parametrize("role", ["visitor", "member", "officer", "editor"])
def test_english_pages_show_no_indonesian_interface_text(db, demo_site, role):
    user = _account(role)
    if role != "visitor":
        assert user is not None, f"The demo site has no {role}"
    client = _english_client(user)
    problems, visited = [], []
    # The newest forum threads: the first categories in the list may be empty.
    threads = Thread.objects.visible_to(user or AnonymousUser()).order_by("-pk")[:3]
    seeds = [thread.get_absolute_url() for thread in threads]
    for url, html in crawl(client, seeds):
        visited.append(url)
        assert '<html lang="en"' in html, url
        for where, text in sorted(
            indonesian_on_page(html, demo_site["stored"], demo_site["indonesian"])
        ):
            problems.append(f"{url}: {where}: {text!r}")
    # The walk reached the main pages of this role.
    unreached = [
        pattern
        for pattern in MUST_REACH[role]
        if not any(re.fullmatch(pattern, url.split("?")[0]) for url in visited)
    ]
    assert unreached == [], f"Never reached as {role}: {unreached}\nVisited: {visited}"
    assert problems == [], f"{len(problems)} Indonesian strings in English mode:\n" + "\n".join(
        problems
    )


def test_the_check_finds_indonesian_interface_text(db, demo_site):
    """The same check on the Indonesian home page finds plenty, and none of
    it is content: proof that the English run would notice a slip."""
    html = Client().get("/").content.decode()
    assert '<html lang="id"' in html
    found = indonesian_on_page(html, demo_site["stored"], demo_site["indonesian"])
    found = {text for _, text in found}
    assert len(found) >= 5, found


# --- Indonesian formats on the real pages ------------------------------------

DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def _main_text(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return _squash(soup.find("main").get_text(" "))


def _clients():
    indonesian_client = Client()
    english_client = _english_client(None)
    return indonesian_client, english_client


def _public_event(community, day):
    zone = regional_time_zone(community)
    starts_at = datetime(day.year, day.month, day.day, 9, 0, tzinfo=ZoneInfo(zone))
    return Event.objects.create(
        community=community,
        title="Temu Usaha",
        kind=Event.Kind.TRAINING,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3, minutes=30),
        time_zone=zone,
        place="Balai Desa",
        is_public=True,
        published_at=timezone.now() - timedelta(days=1),
    )


@pytest.mark.parametrize(
    ("regency", "label"),
    [("Karangasem", "WITA"), ("Kota Bekasi", "WIB"), ("Kota Jayapura", "WIT")],
)
def test_event_times_in_the_communitys_own_zone_and_indonesian_dates(db, demo_site, regency, label):
    community = Community.objects.create(
        name=f"Uji zona {label}", slug=f"uji-{label.lower()}", regency=regency
    )
    # 17 August 2031 is a Sunday: Indonesian day and month names differ from English.
    event = _public_event(community, date(2031, 8, 17))
    indonesian_client, english_client = _clients()
    url = f"/komunitas/agenda/{event.pk}/"

    text = _main_text(indonesian_client.get(url))
    assert f"Minggu, 17 Agustus 2031, 09.00–12.30 {label}" in text
    assert "August" not in text and "Sunday" not in text

    text = _main_text(english_client.get(url))
    assert f"Sunday, 17 August 2031, 09:00–12:30 {label}" in text

    # The agenda lists it the same way.
    agenda = _main_text(indonesian_client.get("/komunitas/agenda/"))
    assert "17 Agustus 2031" in agenda and label in agenda


def test_demo_events_show_wita_for_karangasem(db, demo_site):
    event = (
        Event.objects.filter(is_public=True, published_at__isnull=False)
        .select_related("community")
        .order_by("starts_at")
        .first()
    )
    assert regional_time_zone(event.community) == Event.TimeZone.WITA
    starts = event.starts_at.astimezone(ZoneInfo(event.time_zone))
    text = _main_text(Client().get(f"/komunitas/agenda/{event.pk}/"))
    expected = (
        f"{DAYS[starts.weekday()]}, {starts.day} {MONTHS[starts.month - 1]} {starts.year}, "
        f"{starts:%H.%M}"
    )
    assert expected in text
    assert "WITA" in text


def test_prices_in_rupiah_with_dot_thousands(db, demo_site):
    product = Product.objects.filter(price__isnull=False).order_by("pk").first()
    product.price, product.price_max = 1250000, None
    product.save(update_fields=["price", "price_max"])
    indonesian_client, english_client = _clients()
    # The currency is the rupiah in both languages: written the Indonesian way.
    for client in (indonesian_client, english_client):
        text = _main_text(client.get(product.get_url()))
        assert "Rp 1.250.000" in text
        assert "1,250,000" not in text


def test_certificate_dates_in_indonesian(db, demo_site):
    certificate = Certificate.objects.order_by("pk").first()
    certificate.issued_at = datetime(2025, 8, 17, 5, 0, tzinfo=UTC)
    certificate.save(update_fields=["issued_at"])
    indonesian_client, english_client = _clients()
    url = f"/kursus/sertifikat/{certificate.code}/"
    assert "17 Agustus 2025" in _main_text(indonesian_client.get(url))
    assert "17 August 2025" in _main_text(english_client.get(url))


def test_content_written_by_people_stays_as_written_in_english(db, demo_site):
    """Page titles and bodies from the Wagtail admin, and the names of
    communities, are shown as their authors wrote them, and the check does
    not count them as interface text."""
    client = _english_client(None)
    course_index = CourseIndexPage.objects.live().get()
    html = client.get(course_index.url).content.decode()
    assert f"<h1>{course_index.title}</h1>" in html
    assert course_index.title in demo_site["stored"]
    # It is an Indonesian interface word too, so only the content rule keeps it.
    assert (
        course_index.title in demo_site["indonesian"] or course_index.title in INDONESIAN_UI_WORDS
    )
    reported = indonesian_on_page(html, demo_site["stored"], demo_site["indonesian"])
    assert course_index.title not in {text for _, text in reported}
    # The same Indonesian word outside stored content would be reported.
    assert indonesian_on_page(
        "<main><h1>Menu utama</h1></main>", demo_site["stored"], demo_site["indonesian"]
    ) == {("text in <h1>", "Menu utama"), ("whole text of <h1>", "Menu utama")}
    connected = indonesian("Connected")
    assert indonesian_on_page(
        f'<div data-text-connected="{connected}"></div>',
        demo_site["stored"],
        demo_site["indonesian"],
    ) == {("data-text-connected= on <div>", connected)}
    # Strings with placeholders are recognised filled in.
    photos = indonesian("Up to %(n)s photos: JPG, PNG or WebP, at most 5 MB each.") % {"n": 4}
    assert photos in demo_site["indonesian"]
    assert indonesian("%(n)s day") % {"n": 1} in demo_site["indonesian"]


def test_error_page_in_english(db, demo_site):
    client = _english_client(None)
    response = client.get("/tidak-ada-halaman-seperti-ini/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert indonesian_on_page(html, demo_site["stored"], demo_site["indonesian"]) == set()


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("visitor", "/akun/daftar/"),
        ("visitor", "/akun/masuk/"),
        ("member", "/akun/kata-sandi/"),
        ("member", "forum:new_thread"),
        ("officer", "/komunitas/agenda/baru/"),
        ("officer", "/etalase/kelola/produk/baru/"),
    ],
)
def test_form_errors_in_english(db, demo_site, role, url):
    """Refused forms answer in English too: messages built at import time
    would stay in the language active then."""
    if url == "forum:new_thread":
        category = Thread.objects.visible_to(_account(role)).order_by("pk").first().category
        url = f"/forum/kategori/{category.slug}/baru/"
    client = _english_client(_account(role))
    response = client.post(url, {"next": "/"})
    assert response.status_code in (200, 400), url
    html = response.content.decode()
    assert re.search(r"errorlist|is-invalid|invalid-feedback|role=\"alert\"", html), url
    found = indonesian_on_page(html, demo_site["stored"], demo_site["indonesian"])
    assert found == set(), found
    if "/forum/" in url:
        assert f"Write a title of at least {forum_actions.TITLE_MIN} characters." in html
