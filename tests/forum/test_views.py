"""Forum pages: permissions for every role, bad input, constant queries."""

import pytest
from django.urls import reverse
from django.utils import timezone

from forum import actions
from forum.models import Post, Report, Thread
from tests.factories import MemberFactory
from tests.helpers import indonesian

from .conftest import photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_thread(restricted_category, community_member):
    return actions.create_thread(
        community_member, restricted_category, "Jadwal arisan online", "Mulai minggu depan."
    )


ROLES = ["visitor", "member", "other_member", "community_member", "community_officer", "editor"]


def _as(client, request, role):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    return client


@pytest.mark.parametrize(
    "role,public,restricted",
    [
        ("visitor", 200, 404),
        ("member", 200, 404),
        ("other_member", 200, 404),
        ("community_member", 200, 200),
        ("community_officer", 200, 200),
        ("editor", 200, 200),
    ],
)
def test_reading_by_role(client, request, role, public, restricted, question, restricted_thread):
    client = _as(client, request, role)
    assert client.get(question.get_absolute_url()).status_code == public
    assert client.get(restricted_thread.get_absolute_url()).status_code == restricted
    category = client.get(restricted_thread.category.get_absolute_url())
    assert category.status_code == (200 if restricted == 200 else 403)
    listing = client.get(reverse("forum:index")).content.decode()
    assert ("Info Komunitas" in listing) == (restricted == 200)


@pytest.mark.parametrize(
    "role,status",
    [
        ("visitor", 302),
        ("member", 403),
        ("other_member", 403),
        ("community_member", 302),
        ("community_officer", 302),
        ("editor", 302),
    ],
)
def test_posting_in_a_restricted_category_by_role(
    client, request, role, status, restricted_category
):
    client = _as(client, request, role)
    url = reverse("forum:new_thread", args=[restricted_category.slug])
    response = client.post(
        url, {"title": "Kumpul hari Sabtu", "kind": "diskusi", "body": "Siapa ikut?"}
    )
    assert response.status_code == status
    created = Thread.objects.filter(title="Kumpul hari Sabtu").exists()
    assert created == (status == 302 and role != "visitor")


def test_visitor_reads_a_public_thread_without_forms(client, question):
    response = client.get(question.get_absolute_url())
    text = response.content.decode()
    assert question.title in text and "gelap" in text
    assert 'name="body"' not in text
    assert client.post(reverse("forum:reply", args=[question.pk]), {"body": "x"}).status_code == 302
    assert question.posts.count() == 1


def test_post_times_are_machine_readable_to_the_second(client, question):
    """The <time datetime> of a post carries whole seconds and an offset:
    microseconds there only add digits a reader or a scanner can mistake
    for a phone number (a crawl once read 102907+07:00 as one)."""
    post = question.posts.get()
    Post.objects.filter(pk=post.pk).update(created_at=post.created_at.replace(microsecond=623152))
    text = client.get(question.get_absolute_url()).content.decode()
    local = timezone.localtime(post.created_at)
    assert f'datetime="{local:%Y-%m-%dT%H:%M:%S%z}"' in text
    assert "623152" not in text


@pytest.mark.parametrize(
    "data,message",
    [
        ({"title": "", "kind": "tanya", "body": "Isi"}, "Write a title of at least"),
        ({"title": "Hai", "kind": "tanya", "body": "Isi"}, "Write a title of at least"),
        ({"title": "x" * 151, "kind": "tanya", "body": "Isi"}, "151"),
        ({"title": "Judul yang baik", "kind": "tanya", "body": "   "}, "Write your message first."),
        ({"title": "Judul yang baik", "kind": "tanya", "body": "x" * 10001}, "10001"),
        ({"title": "Judul yang baik", "kind": "lain", "body": "Isi"}, "lain"),
    ],
)
def test_bad_thread_input_changes_nothing(client, member, public_category, data, message):
    client.force_login(member)
    response = client.post(reverse("forum:new_thread", args=[public_category.slug]), data)
    assert response.status_code == 400
    assert not Thread.objects.exists()


def test_bad_input_gets_indonesian_messages(client, member, public_category):
    client.force_login(member)
    response = client.post(
        reverse("forum:new_thread", args=[public_category.slug]),
        {"title": "Judul yang baik", "kind": "tanya", "body": " "},
    )
    assert "Tulis pesan Anda dulu." in response.content.decode()


def test_script_and_javascript_links_are_neutralised_on_the_page(client, member, question):
    client.force_login(member)
    body = "<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>"
    response = client.post(reverse("forum:reply", args=[question.pk]), {"body": body})
    assert response.status_code == 302
    page = client.get(question.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and 'href="javascript' not in page
    assert "<img src=x" not in page


def test_oversized_or_non_image_attachment_is_refused(client, member, question):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(member)
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 bukan foto", content_type="image/jpeg")
    response = client.post(
        reverse("forum:reply", args=[question.pk]), {"body": "Ini fotonya", "images": [fake]}
    )
    assert response.status_code == 400
    assert question.posts.count() == 1


def test_reply_with_photo_shows_phone_sized_lazy_image(client, member, question):
    client.force_login(member)
    response = client.post(
        reverse("forum:reply", args=[question.pk]),
        {"body": "Seperti ini", "images": [photo(size=(900, 600))]},
    )
    assert response.status_code == 302
    page = client.get(question.get_absolute_url()).content.decode()
    assert 'loading="lazy"' in page and "srcset=" in page and "width-360" in page


def test_preview_does_not_post(client, member, question):
    client.force_login(member)
    response = client.post(
        reverse("forum:reply", args=[question.pk]), {"body": "**tebal**", "pratinjau": "1"}
    )
    assert response.status_code == 200
    assert "<strong>tebal</strong>" in response.content.decode()
    assert question.posts.count() == 1


def test_locked_and_suspended_posting_is_refused(client, member, editor, question):
    actions.set_thread_flag(editor, question, "is_locked", True)
    client.force_login(member)
    response = client.post(reverse("forum:reply", args=[question.pk]), {"body": "Boleh?"})
    assert response.status_code == 403
    assert "Topik ini dikunci" in response.content.decode()
    assert question.posts.count() == 1


def test_editing_another_members_post_is_refused(client, member, asker, question):
    post = question.posts.first()
    client.force_login(member)
    response = client.post(reverse("forum:edit_post", args=[post.pk]), {"body": "Diubah"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert "Diubah" not in post.body


def test_reporting_twice_is_refused(client, member, question):
    post = question.posts.first()
    client.force_login(member)
    url = reverse("forum:report", args=[post.pk])
    assert client.post(url, {"reason": "Promosi"}).status_code == 302
    response = client.post(url, {"reason": "Promosi lagi"})
    assert response.status_code == 400
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    "role,status",
    [("member", 403), ("other_member", 403), ("community_officer", 200), ("editor", 200)],
)
def test_report_queue_by_role(client, request, role, status, restricted_thread, community_member):
    reporter = MemberFactory()
    actions.report_post(reporter, restricted_thread.posts.first(), "Tidak sopan")
    client = _as(client, request, role)
    response = client.get(reverse("forum:reports"))
    assert response.status_code == status
    if status == 200:
        assert "Tidak sopan" in response.content.decode()


def test_officer_handles_a_report(client, community_officer, restricted_thread):
    post = restricted_thread.posts.first()
    report = actions.report_post(MemberFactory(), post, "Jualan obat palsu")
    client.force_login(community_officer)
    response = client.post(
        reverse("forum:resolve_report", args=[report.pk]), {"decision": "hide", "reason": "Spam"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    report.refresh_from_db()
    assert post.is_hidden and report.resolved_by == community_officer


def test_member_cannot_moderate(client, member, question):
    client.force_login(member)
    response = client.post(
        reverse("forum:moderate_thread", args=[question.pk]), {"tindakan": "kunci"}
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert not question.is_locked


def test_search_highlights_safely(client, question, member):
    actions.create_reply(member, question, "Pakai <b>reflektor</b> murah dari kardus.")
    response = client.get(reverse("forum:search"), {"q": "reflektor"})
    text = response.content.decode()
    assert "<mark>reflektor</mark>" in text and "<b>" not in text


def test_first_unread_jumps_to_the_new_reply(client, asker, member, question):
    reply = actions.create_reply(member, question, "Balasan baru.")
    client.force_login(asker)
    listing = client.get(question.category.get_absolute_url()).content.decode()
    assert reverse("forum:first_unread", args=[question.pk]) in listing
    response = client.get(reverse("forum:first_unread", args=[question.pk]), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"#pesan-{reply.pk}")


def _make_threads(category, authors, count, replies=2):
    for number in range(count):
        thread = actions.create_thread(
            authors[number % len(authors)], category, f"Topik nomor {number}", "Isi topik."
        )
        for reply in range(replies):
            actions.create_reply(authors[(number + reply + 1) % len(authors)], thread, "Balasan")


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_lists_and_thread_page_use_constant_queries(
    client, request, role, public_category, django_assert_num_queries
):
    authors = [MemberFactory() for _ in range(3)]
    client = _as(client, request, role)
    expected = {"visitor": (1, 3, 5), "member": (6, 7, 12)}[role]

    def measure():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        thread = Thread.objects.order_by("-pk").first()
        client.get(thread.get_absolute_url())  # first read writes the read marker
        counts = []
        for url in (
            reverse("forum:index"),
            public_category.get_absolute_url(),
            thread.get_absolute_url(),
        ):
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts.append(len(queries))
        return tuple(counts)

    _make_threads(public_category, authors, 2)
    few = measure()
    _make_threads(public_category, authors, 20, replies=5)
    assert (few, measure()) == (expected, expected)
    assert Post.objects.count() == 2 * 3 + 20 * 6


def test_quote_fills_the_reply_box(client, member, question):
    client.force_login(member)
    post = question.posts.first()
    page = client.get(question.get_absolute_url(), {"kutip": post.pk}).content.decode()
    assert "&gt; Saya memotret kain tenun" in page and "**Luh Sukerti:**" in page


def test_new_accounts_are_rate_limited(client, question, settings):
    settings.FORUM_NEW_ACCOUNT_POST_RATE = "2/m"
    newcomer = MemberFactory()
    client.force_login(newcomer)
    url = reverse("forum:reply", args=[question.pk])
    assert client.post(url, {"body": "Satu"}).status_code == 302
    assert client.post(url, {"body": "Dua"}).status_code == 302
    response = client.post(url, {"body": "Tiga"})
    assert response.status_code == 400
    assert "terlalu cepat" in response.content.decode()
    assert question.posts.filter(author=newcomer).count() == 2


def test_suspended_member_gets_the_reason(client, member, editor, question):
    actions.suspend(editor, member, 7, "Promosi berulang")
    client.force_login(member)
    response = client.post(reverse("forum:reply", args=[question.pk]), {"body": "Halo"})
    assert response.status_code == 403
    assert "Promosi berulang" in response.content.decode()
    assert question.posts.count() == 1


def test_officer_pins_locks_moves_and_suspends(
    client, community_officer, community_member, restricted_category, community
):
    from forum.models import Category, ModerationLog, Suspension

    thread = actions.create_thread(community_member, restricted_category, "Rapat pengurus", "Isi")
    other = Category.objects.create(name="Arsip", slug="arsip", community=community)
    client.force_login(community_officer)
    url = reverse("forum:moderate_thread", args=[thread.pk])
    for action in ("sematkan", "kunci"):
        assert client.post(url, {"tindakan": action}).status_code == 302
    response = client.post(url, {"tindakan": "sembunyikan", "reason": ""}, follow=True)
    assert "Tulis alasan singkat." in response.content.decode()
    client.post(url, {"tindakan": "pindahkan", "category": other.pk, "reason": "Arsip"})
    thread.refresh_from_db()
    assert thread.is_pinned and thread.is_locked and not thread.is_hidden
    assert thread.category == other
    suspend_url = reverse("forum:suspend", args=[community_member.pk])
    assert client.post(suspend_url, {"days": 99, "reason": "x"}).status_code == 400
    assert client.post(suspend_url, {"days": 3, "reason": "Kasar"}).status_code == 302
    assert Suspension.objects.get().user == community_member
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "pin",
        "lock",
        "move",
        "suspend",
    ]


def test_hidden_post_shows_a_placeholder_to_members(client, member, editor, question):
    reply = actions.create_reply(editor, question, "Balasan yang kemudian disembunyikan.")
    actions.set_post_hidden(editor, reply, True, "Di luar topik")
    client.force_login(member)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "kemudian disembunyikan" not in page
    client.force_login(editor)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "kemudian disembunyikan" in page and "Di luar topik" in page


def test_edit_within_the_window_shows_edited(client, member, question):
    reply = actions.create_reply(member, question, "Versi awal.")
    client.force_login(member)
    response = client.post(reverse("forum:edit_post", args=[reply.pk]), {"body": "Versi baru."})
    assert response.status_code == 302
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Versi baru." in page and indonesian("edited") in page


def test_thread_page_with_photos_uses_constant_queries(
    client, member, question, django_assert_num_queries, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = question.get_absolute_url()

    def count_after(photos):
        actions.create_reply(member, question, "Foto contoh", [photo() for _ in range(photos)])
        client.get(url)  # the first view makes the renditions
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    client.force_login(member)
    # A member's thread page (12) plus attachments' images and renditions.
    assert count_after(1) == count_after(4) == count_after(3) == 14


@pytest.mark.parametrize("role", ["editor", "community_officer"])
def test_moderators_pages_use_constant_queries(
    client, request, role, restricted_category, community_member, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    moderator = request.getfixturevalue(role)
    client.force_login(moderator)

    def counts():
        thread = actions.create_thread(community_member, restricted_category, "Topik ramai", "Isi")
        for number in range(3):
            reporter = MemberFactory()
            actions.report_post(reporter, thread.posts.first(), f"Alasan {number}")
            actions.create_reply(community_member, thread, f"Balasan {number}")
        result = []
        for url in (reverse("forum:reports"), thread.get_absolute_url()):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            result.append(len(queries))
        return result

    expected = {"editor": [8, 15], "community_officer": [7, 15]}[role]
    assert counts() == counts() == expected
