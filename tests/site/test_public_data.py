"""Personal data is never public unless the member chose to show it.

A visitor crawls the demo site (home, showcases and products, forum threads,
events, minutes, election results, certificate checks, community pages, the
sitemap and every JSON-LD block on the way) and no email address or phone
number may appear anywhere in the HTML, except the centre's own contacts and
a WhatsApp number a member put on their own showcase. One member deletes
their account first, so their former contacts are searched for as well.
"""

import html
import re
from collections import Counter, deque
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import phonenumbers
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from courses.models import Certificate
from forum.models import Thread
from pusat.accounts.deletion import delete_account
from pusat.home.models import SiteSettings
from showcase import actions as showcase_actions
from showcase.models import Enquiry, ShowcasePage

User = get_user_model()

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
SKIPPED = ("/admin/", "/media/", "/static/", "/dokumen/", "/jsi18n/", "/akun/keluar/")
PAGE_LIMIT = 600


def phones_in(text):
    """Every phone number in `text`, as E.164, however it is written
    (0812-3456-7890, +62 812…, wa.me/62812…)."""
    spaced = re.sub(r"[/=?&]", " ", text)
    found = {
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in phonenumbers.PhoneNumberMatcher(spaced, "ID")
    }
    for digits in re.findall(r"(?<!\d)62\d{8,13}(?!\d)", text):
        try:
            number = phonenumbers.parse("+" + digits, "ID")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            found.add(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return found


def emails_in(text):
    return {
        address.lower()
        for address in EMAIL.findall(text)
        if not re.search(r"\.(png|jpe?g|webp|gif|svg|avif)$", address, re.I)
    }


def test_the_detectors_find_what_they_must():
    text = (
        'Hubungi <a href="mailto:Luh@Contoh.id">luh</a>, 0812-3456-7890, '
        "+62 813 1234 5678 atau https://wa.me/6281299887766?text=Halo. "
        '<img srcset="foto@2x.png 2x"> Harga Rp250.000, kode 2026-11-23.'
    )
    assert emails_in(text) == {"luh@contoh.id"}
    assert phones_in(text) == {"+6281234567890", "+6281312345678", "+6281299887766"}


def crawl(client, starts, skipped=()):
    seen, queue, pages = set(), deque(starts), {}
    while queue and len(pages) < PAGE_LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(("text/", "application/xml", "application/json")):
            continue
        body = response.content.decode()
        pages[url] = body
        for link in LINK.findall(body) + re.findall(r"<loc>([^<]+)</loc>", body):
            link, _fragment = urldefrag(html.unescape(link))
            parts = urlsplit(link)
            if parts.netloc and parts.netloc not in ("testserver", "localhost", "127.0.0.1"):
                continue
            path = parts.path
            if not path.startswith("/") or path.startswith(SKIPPED + skipped) or parts.query:
                continue
            if path not in seen:
                queue.append(path)
    return pages


@pytest.fixture
def site(db, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_data", stdout=StringIO())
    # A member who wrote in the forum deletes their account.
    leaving = (
        User.objects.filter(
            is_superuser=False,
            groups__name="Anggota",
            pk__in=Thread.objects.values("author"),
        )
        .exclude(groups__name="Administrator")
        .first()
    )
    assert leaving is not None, "the demo has forum authors"
    # A buyer's contact on an enquiry is for the owner only.
    showcase = ShowcasePage.objects.live().exclude(owner=leaving).first()
    showcase_actions.send_enquiry(
        showcase, name="Pembeli Rahasia", contact="pembeli.rahasia@contoh.id", message="Ada?"
    )
    showcase_actions.send_enquiry(
        showcase, name="Pembeli Lain", contact="0813-5550-1234", message="Harga grosir?"
    )
    former = {"email": leaving.email, "phone": leaving.phone}
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(leaving)
    return former


def contacts(site):
    """(known personal contacts, contacts shown by choice)."""
    centre = SiteSettings.objects.first()
    members = User.objects.filter(deleted_at__isnull=True)
    known = {email.lower() for email in members.values_list("email", flat=True)}
    known |= set(members.exclude(phone=None).values_list("phone", flat=True))
    known |= {site["email"], site["phone"], "pembeli.rahasia@contoh.id", "+6281355501234"}
    # Chosen: the centre's own contacts, and each showcase's WhatsApp number.
    chosen = set(
        ShowcasePage.objects.live().exclude(whatsapp="").values_list("whatsapp", flat=True)
    )
    if centre:
        chosen |= {centre.email.lower(), centre.whatsapp} - {""}
    return known, chosen


def leaks_in(pages, known, chosen):
    """Known contacts shown though nobody chose to, and contacts of no one
    (examples in editors' text) by site section."""
    leaks, examples = [], set()
    for url, body in pages.items():
        text = html.unescape(body)
        for contact in (emails_in(text) | phones_in(text)) - chosen:
            if contact in known:
                leaks.append((url, contact))
            else:
                examples.add((url.split("/")[1], contact))
    return leaks, {section for section, _contact in examples}


def kinds_of(pages, chosen):
    kinds = Counter()
    for url, body in pages.items():
        for prefix in ("/etalase/", "/forum/", "/komunitas/", "/kursus/sertifikat/", "/obrolan/"):
            if url.startswith(prefix) and url != prefix:
                kinds[prefix] += 1
        for part in ("/pemilihan/", "/notulen/", "/agenda/", "/usulan/"):
            kinds[part] += part in url
        kinds["json-ld"] += body.count("application/ld+json")
        kinds["whatsapp shown"] += bool(phones_in(html.unescape(body)) & chosen)
    return kinds


def test_a_visitor_sees_no_email_or_phone_unless_chosen(site):
    known, chosen = contacts(site)
    assert Enquiry.objects.count() >= 2
    starts = ["/", "/sitemap.xml", "/etalase/", "/forum/", "/kursus/", "/komunitas/", "/privasi/"]
    starts += [
        f"/kursus/sertifikat/{code}/" for code in Certificate.objects.values_list("code", flat=True)
    ]
    pages = crawl(Client(), starts)

    leaks, example_sections = leaks_in(pages, known, chosen)
    assert leaks == []
    # Contacts that belong to no one are examples an editor wrote into a
    # course lesson ("daftar alamat seperti …@gmail.com"), nowhere else.
    assert example_sections <= {"kursus"}

    # The crawl really went everywhere a leak could hide.
    kinds = kinds_of(pages, chosen)
    assert "/sitemap.xml" in pages and len(pages) >= 100
    assert kinds["/etalase/"] >= 10 and kinds["/forum/"] >= 5 and kinds["/komunitas/"] >= 1
    assert kinds["/kursus/sertifikat/"] >= 1 and kinds["json-ld"] >= 5
    assert kinds["whatsapp shown"] >= 1


def test_a_member_sees_no_other_members_email_or_phone(site):
    """Inside a community (events, minutes, elections and their results,
    proposals, chat) members see each other's names, never their contacts."""
    known, chosen = contacts(site)
    member = (
        User.objects.filter(groups__name="Anggota", membership__status="active", is_active=True)
        .exclude(groups__name__in=["Administrator", "Editor"])
        .exclude(officer_terms__isnull=False)
        .first()
    )
    client = Client()
    client.force_login(member)
    starts = ["/komunitas/", "/obrolan/", "/forum/"]
    pages = crawl(client, starts, skipped=("/akun/",))

    leaks, example_sections = leaks_in(pages, known - {member.email, member.phone}, chosen)
    assert leaks == []
    assert example_sections <= {"kursus"}
    kinds = kinds_of(pages, chosen)
    for part in ("/pemilihan/", "/notulen/", "/agenda/", "/usulan/", "/obrolan/"):
        assert kinds[part] >= 1, part
