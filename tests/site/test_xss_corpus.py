"""Cross-site scripting: known vectors through every field a member, buyer or
officer writes, checked on every page (and JSON-LD block, chat frame, email)
where the text appears.

Each test is one field x one vector, so a failure names both. A page passes
when, parsed the way a browser parses it (html5lib), it has no script but the
site's own (`/static/` files and JSON-LD that parses as JSON), no `on*`
attribute, no `javascript:`/`vbscript:` URL, no `data:` URL outside an image,
and no frame, object, embed or base element; and the field's marker word is
on the page, so the test proves the text was really shown.
"""

import asyncio
import html
import json
import re
from datetime import timedelta
from functools import partial
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone

from community import chat, elections, events, proposals
from community.models import ChatMessage, ChatRoom, Election, Event, Proposal
from courses import actions as course_actions
from courses.models import CompetencyIndicator
from forum import actions as forum_actions
from forum.models import Category
from showcase import actions as showcase_actions
from tests.chat.conftest import connected, receive_until
from tests.community.test_elections import HOUR, windows
from tests.courses.conftest import make_course
from tests.factories import (
    MembershipFactory,
    MinutesFactory,
    OfficerTermFactory,
)
from tests.showcase.conftest import make_showcase

pytestmark = pytest.mark.django_db

# Short enough for every field (the shortest take 80 characters).
VECTORS = {
    "script": '<script>alert("x")</script>',
    "img-onerror": "<img src=x onerror=alert(1)>",
    "svg-onload": "<svg/onload=alert(1)><circle r=9>",
    "javascript-url": '<a href="javascript:alert(1)">k</a> [k](javascript:alert(1))',
    "data-url": '<a href="data:text/html,<script>alert(1)</script>">k</a>',
    "broken-markup": '<scr<script>ipt>alert(1)</script><img src="x" onerror="alert(1)"',
    "script-close": "</script><script>alert(1)</script><!--",
    "attr-breakout": '"><svg onload=alert(1)>',
    "quote-breakout": "'><img src=x onerror=alert(1) x='",
    "template": "{{ request.user.password }} {% debug %} ${alert(1)}",
    "iframe": '<iframe src="javascript:alert(1)"></iframe><base href="//evil.example/">',
    "math-style": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
}

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "ping"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "base", "applet"}
INVISIBLE = re.compile(r"[\x00-\x20]+")


def marker(vector):
    """A plain word that survives any sanitiser, to find the field on the page."""
    return f"Awas{list(VECTORS).index(vector)}z"


def payload(vector):
    return f"{marker(vector)} {VECTORS[vector]}"


def problems_in(body):
    """Everything executable in `body`, parsed as a browser would."""
    soup = BeautifulSoup(body, "html5lib")
    found = []
    for tag in soup.find_all(True):
        name = tag.name.lower()
        if name in FORBIDDEN_ELEMENTS:
            found.append(f"<{name}> element")
        if name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
            found.append("meta refresh")
        for attribute, value in tag.attrs.items():
            attribute = attribute.lower()
            if attribute.startswith("on"):
                found.append(f"<{name} {attribute}=…>")
            if attribute in URL_ATTRIBUTES:
                url = INVISIBLE.sub("", html.unescape(str(value))).lower()
                if url.startswith(("javascript:", "vbscript:")):
                    found.append(f"<{name} {attribute}={url[:30]}>")
                if url.startswith("data:") and not (
                    name == "img" and attribute == "src" and url.startswith("data:image/")
                ):
                    found.append(f"<{name} {attribute}={url[:30]}>")
        if name == "script":
            if tag.get("type") == "application/ld+json":
                text = tag.string or ""
                try:
                    json.loads(text)
                except ValueError:
                    found.append(f"JSON-LD that is not JSON: {text[:80]!r}")
                if "</script" in text.lower():
                    found.append("</script inside JSON-LD")
            elif not (tag.get("src", "").startswith("/static/") and not (tag.string or "").strip()):
                found.append(f"script: {str(tag)[:80]}")
    return found


def json_ld_blocks(body):
    soup = BeautifulSoup(body, "html5lib")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def strings_in(data):
    """Every string inside parsed JSON."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


def check_pages(client, shown_on, vector, field, also=()):
    """Fetch each page and assert it is inert; the pages in `shown_on` must
    also show the field's marker (the ones in `also` may show an excerpt)."""
    for url in [*shown_on, *also]:
        response = client.get(url)
        assert response.status_code == 200, f"{field} x {vector}: {url} gave {response.status_code}"
        body = response.content.decode()
        if url in shown_on:
            assert marker(vector) in body, f"{field} x {vector}: the text is not shown on {url}"
        found = problems_in(body)
        assert not found, f"{field} x {vector} on {url}: {found}"
        for block in json_ld_blocks(body):
            assert isinstance(block, dict | list)


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


# --- The places people write, each returning (client, pages to check) ----------


def community_cast():
    community = MembershipFactory().community
    member = MembershipFactory(community=community).user
    officer = OfficerTermFactory(community=community).user
    MembershipFactory(community=community, user=officer)
    return SimpleNamespace(community=community, member=member, officer=officer)


def write_profile(field, text):
    cast = community_cast()
    setattr(cast.member, field, text[:80])
    cast.member.save()
    category = Category.objects.create(name="Umum", slug="umum")
    thread = forum_actions.create_thread(cast.member, category, "Salam kenal", "Halo semua.")
    if field == "full_name":
        # Other members see the name in the forum and in the community's chat.
        room = ChatRoom.objects.get(community=cast.community, kind="members")
        chat.post_message(cast.member, room, "Halo", "")
        return as_user(cast.officer), [f"/forum/topik/{thread.pk}/", f"/obrolan/{room.slug}/"], []
    return as_user(cast.member), ["/akun/profil/"], [f"/forum/topik/{thread.pk}/"]


def write_forum(field, text):
    cast = community_cast()
    category = Category.objects.create(name="Umum", slug="umum")
    title = text[:150] if field == "title" else "Pertanyaan foto produk"
    body = text if field == "body" else "Isi pertanyaan."
    thread = forum_actions.create_thread(cast.member, category, title, body)
    forum_actions.create_reply(cast.officer, thread, body)
    shown = [f"/forum/topik/{thread.pk}/", f"/forum/cari/?q={marker_of(text)}"]
    if field == "title":
        shown.append("/forum/kategori/umum/")
    return as_user(cast.officer), shown, ["/forum/kategori/umum/", "/forum/"]


def marker_of(text):
    return text.split(" ", 1)[0]


def write_chat_form(field, text):
    cast = community_cast()
    room = ChatRoom.objects.get(community=cast.community, kind="members")
    client = as_user(cast.member)
    response = client.post(f"/obrolan/{room.slug}/", {"body": text, "client_id": "form-1"})
    assert response.status_code in (200, 302)
    assert ChatMessage.objects.get(room=room).body == text  # stored as typed
    return as_user(cast.officer), [f"/obrolan/{room.slug}/"], ["/obrolan/"]


SHOWCASE_TEXT_FIELDS = ("title", "story", "opening_hours", "village")


def write_showcase(field, text):
    limit = {"title": 120, "story": 1500, "opening_hours": 120, "village": 80}
    showcase = make_showcase(products=1, **{field: text[: limit[field]]})
    showcase.refresh_from_db()
    shown = [showcase.url]
    if field == "title":
        shown += ["/etalase/", f"/etalase/?q={marker_of(text)}"]
    return Client(), shown, ["/etalase/"]


def write_product(field, text):
    showcase = make_showcase(products=1)
    product = showcase.products.get()
    setattr(product, field, text[:120])
    product.save()
    shown = [product.get_url()] + ([showcase.url] if field == "name" else [])
    return Client(), shown, [showcase.url, "/etalase/"]


def write_enquiry(field, text, outbox):
    showcase = make_showcase(products=1)
    values = {"name": "Budi", "contact": "0812-1111-2222", "message": "Ada warna merah?"}
    values[field] = text[:120]
    showcase_actions.send_enquiry(showcase, **values)
    return as_user(showcase.owner), ["/etalase/kelola/"], []


def write_minutes(field, text):
    cast = community_cast()
    minutes = MinutesFactory(
        community=cast.community, chair=cast.officer, secretary=cast.officer, **{field: text}
    )
    base = f"/komunitas/notulen/{minutes.pk}/"
    shown = [base, base + "cetak/"] + (["/komunitas/notulen/"] if field == "title" else [])
    return as_user(cast.member), shown, ["/komunitas/notulen/"]


def write_proposal(field, text):
    cast = community_cast()
    values = {"title": "Kelas foto produk", "description": "Tiap bulan di balai banjar."}
    values[field] = text[:150]
    proposal = Proposal.objects.create(community=cast.community, proposed_by=cast.member, **values)
    shown = [f"/komunitas/usulan/{proposal.pk}/"]
    if field == "title":
        shown.append("/komunitas/usulan/")
    return as_user(cast.officer), shown, ["/komunitas/usulan/"]


def write_nomination(field, text):
    cast = community_cast()
    election = elections.create_election(
        cast.officer,
        cast.community,
        title="Pemilihan Ketua",
        method=Election.Method.MAJORITY,
        windows=windows(timezone.now() - HOUR),
        roles=["ketua"],
    )
    elections.nominate(cast.member, election.positions.get(), cast.member, **{field: text})
    return as_user(cast.officer), [f"/komunitas/pemilihan/{election.pk}/"], []


def write_evidence(field, text):
    cast = community_cast()
    course = make_course()
    indicator = CompetencyIndicator.objects.create(
        course=course, code="teks", title="Menulis salam pembuka", evidence_kind="text"
    )
    evidence = course_actions.submit_evidence(cast.member, indicator, text=text)
    assert evidence.text == text
    return as_user(cast.officer), ["/kursus/tinjauan/"], []


def write_event(field, text):
    cast = community_cast()
    starts = timezone.now() + timedelta(days=3)
    values = {
        "title": "Bimtek Toko Online",
        "kind": Event.Kind.TRAINING,
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "time_zone": "Asia/Makassar",
        "place": "Balai Banjar",
        "description": "Membawa ponsel.",
    }
    values[field] = text[:150]
    event = events.create_event(cast.officer, cast.community, publish=True, **values)
    shown = [f"/komunitas/agenda/{event.pk}/"]
    if field == "title":
        shown.append("/komunitas/agenda/")
    return as_user(cast.member), shown, ["/komunitas/agenda/"]


SURFACES = {
    "profile.full_name": lambda text: write_profile("full_name", text),
    "profile.business_name": lambda text: write_profile("business_name", text),
    "profile.regency": lambda text: write_profile("regency", text),
    "profile.district": lambda text: write_profile("district", text),
    "forum.title": lambda text: write_forum("title", text),
    "forum.body": lambda text: write_forum("body", text),
    "chat.no_js_form": lambda text: write_chat_form("body", text),
    **{f"showcase.{name}": partial(write_showcase, name) for name in SHOWCASE_TEXT_FIELDS},
    "product.name": lambda text: write_product("name", text),
    "product.description": lambda text: write_product("description", text),
    "enquiry.name": lambda text: write_enquiry("name", text, mail.outbox),
    "enquiry.contact": lambda text: write_enquiry("contact", text, mail.outbox),
    "enquiry.message": lambda text: write_enquiry("message", text, mail.outbox),
    "minutes.title": lambda text: write_minutes("title", text),
    "minutes.place": lambda text: write_minutes("place", text),
    "minutes.agenda": lambda text: write_minutes("agenda", text),
    "minutes.discussion": lambda text: write_minutes("discussion", text),
    "minutes.decisions": lambda text: write_minutes("decisions", text),
    "proposal.title": lambda text: write_proposal("title", text),
    "proposal.description": lambda text: write_proposal("description", text),
    "nomination.statement": lambda text: write_nomination("statement", text),
    "nomination.programme": lambda text: write_nomination("programme", text),
    "evidence.text": lambda text: write_evidence("text", text),
    "event.title": lambda text: write_event("title", text),
    "event.place": lambda text: write_event("place", text),
    "event.description": lambda text: write_event("description", text),
}


@pytest.mark.parametrize("vector", list(VECTORS))
@pytest.mark.parametrize("field", list(SURFACES))
def test_field_is_inert_wherever_shown(field, vector, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client, shown_on, also = SURFACES[field](payload(vector))
    check_pages(client, shown_on, vector, field, also)


def test_the_checker_catches_each_kind_of_executable_markup():
    """The checker itself must fail on what it is meant to catch."""
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg><circle onload=alert(1)></svg>",
        '<a href=" JaVa\tScRiPt:alert(1)">k</a>',
        '<a href="data:text/html,x">k</a>',
        '<iframe src="/"></iframe>',
        '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>',
        '<script src="https://evil.example/x.js"></script>',
    ]:
        assert problems_in(f"<!doctype html><html><body>{bad}</body></html>"), bad
    assert not problems_in(
        '<!doctype html><html><head><script src="/static/js/chat.js"></script>'
        '<script type="application/ld+json">{"name": "\\u003c/script\\u003e"}</script></head>'
        '<body><img src="data:image/png;base64,AA==" alt=""><a href="/x">x</a></body></html>'
    )


# --- JSON-LD, the forum's @name, links, chat frames and emails ----------------


@pytest.mark.parametrize("vector", ["script-close", "attr-breakout", "script"])
def test_json_ld_carries_the_text_as_data(vector, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    text = payload(vector)
    showcase = make_showcase(products=1, title=text[:120], story=text)
    product = showcase.products.get()
    product.description = text
    product.save()
    for url in (showcase.url, product.get_url()):
        body = Client().get(url).content.decode()
        blocks = json_ld_blocks(body)
        assert blocks, url
        # The text survives as data: parsed JSON holds it exactly.
        assert any(text[:120] in value for value in strings_in(blocks)), url
        assert not problems_in(body)


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript://%0aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        '" onmouseover="alert(1)',
    ],
)
def test_showcase_links_refuse_script_urls_and_change_nothing(
    client, member, link, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    showcase = make_showcase(owner=member, products=0)
    before = showcase.tokopedia_url
    client.force_login(member)
    data = {
        **{
            name: getattr(showcase, name)
            for name in (
                "title",
                "story",
                "category",
                "regency",
                "district",
                "village",
                "opening_hours",
                "whatsapp",
                "cover_alt",
                "shopee_url",
                "bukalapak_url",
                "other_store_url",
                "instagram_url",
                "facebook_url",
                "tiktok_url",
                "blog_url",
            )
        },
        "tokopedia_url": link,
        "publish": "1",
    }
    response = client.post("/etalase/kelola/", data)
    assert response.status_code in (200, 400)
    showcase.refresh_from_db()
    assert showcase.tokopedia_url == before
    assert not problems_in(Client().get(showcase.url).content.decode())


@pytest.mark.parametrize("vector", ["attr-breakout", "script", "quote-breakout"])
def test_forum_mention_name_refuses_markup_and_changes_nothing(client, member, vector):
    profile = forum_actions.profile_for(member)
    before = profile.handle
    client.force_login(member)
    response = client.post(
        "/forum/pengaturan/", {"handle": payload(vector), "email_frequency": "none"}
    )
    assert response.status_code in (200, 400)
    profile.refresh_from_db()
    assert profile.handle == before
    assert not problems_in(response.content.decode())


@pytest.mark.django_db(transaction=True)
def test_chat_frames_carry_the_text_as_typed(monkeypatch):
    """Every vector through the real consumer (one transactional test, as the
    consumer runs in another thread): the live frame and the backfill frame
    are JSON whose body is the text as typed (chat.js only ever puts it into
    the page with textContent), and the page without JavaScript shows it inert."""
    monkeypatch.setattr(chat, "RATE_LIMIT", "100 per 1 second")
    cast = community_cast()
    room = ChatRoom.objects.get(community=cast.community, kind="members")

    async def exchange():
        sender = await connected(cast.member, room.slug)
        reader = await connected(cast.officer, room.slug)
        live = {}
        for number, vector in enumerate(VECTORS):
            await sender.send_json_to(
                {"type": "message", "body": payload(vector), "client_id": f"x{number}"}
            )
            live[vector] = await receive_until(reader, "message")
        await sender.disconnect()
        await reader.disconnect()
        late = await connected(cast.officer, room.slug, after=0)
        backfill = [await receive_until(late, "message") for _vector in VECTORS]
        await late.disconnect()
        return live, backfill

    live, backfill = asyncio.run(exchange())
    for vector, frame in live.items():
        assert frame["body"] == payload(vector), vector
    assert [frame["body"] for frame in backfill] == [payload(vector) for vector in VECTORS]
    stored = list(ChatMessage.objects.filter(room=room).values_list("body", flat=True))
    assert sorted(stored) == sorted(payload(vector) for vector in VECTORS)
    officer = as_user(cast.officer)
    for vector in VECTORS:
        check_pages(officer, [f"/obrolan/{room.slug}/"], vector, "chat.consumer")


def test_chat_script_never_writes_html():
    script = (Path(__file__).resolve().parents[2] / "static/js/chat.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


@pytest.mark.parametrize("vector", ["script", "attr-breakout", "img-onerror"])
def test_emails_and_notifications_with_member_text_are_inert(
    vector, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    text = payload(vector)
    showcase = make_showcase(products=1)
    with django_capture_on_commit_callbacks(execute=True):
        showcase_actions.send_enquiry(
            showcase, name=text[:120], contact="0812-1111-2222", message=text
        )
    assert len(mail.outbox) == 1
    for message in mail.outbox:
        assert marker(vector) in message.body
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                assert not problems_in(content)
        # Subjects are one line: no header injection from member text.
        assert "\n" not in message.subject and "\r" not in message.subject
    # The officers' notification of a proposal names its title.
    cast = community_cast()
    with django_capture_on_commit_callbacks(execute=True):
        proposals.propose(cast.member, cast.community, text[:150], text)
    check_pages(as_user(cast.officer), ["/akun/notifikasi/"], vector, "notification")
    check_pages(as_user(showcase.owner), ["/akun/notifikasi/"], vector, "notification")
