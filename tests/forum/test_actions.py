"""The forum's rules and actions, called directly."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forum import actions
from forum.actions import ForumError
from forum.models import (
    ForumProfile,
    ModerationLog,
    Post,
    Reaction,
    Report,
    Suspension,
    Thread,
    ThreadRead,
)
from pusat.accounts.models import Notification
from tests.factories import EditorFactory, MemberFactory, UserFactory

from .conftest import photo

pytestmark = pytest.mark.django_db


def test_solution_notifies_the_answerer(
    question, asker, member, django_capture_on_commit_callbacks
):
    answer = actions.create_reply(member, question, "Pakai kertas putih sebagai pemantul.")
    with django_capture_on_commit_callbacks(execute=True):
        actions.mark_solution(asker, answer)
    question.refresh_from_db()
    assert question.solution == answer
    note = Notification.objects.get(user=member)
    assert note.url == answer.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_only_asker_or_moderator_marks_the_solution(question, member, editor):
    answer = actions.create_reply(member, question, "Pakai kertas putih.")
    stranger = MemberFactory()
    with pytest.raises(ForumError):
        actions.mark_solution(stranger, answer)
    with pytest.raises(ForumError):
        actions.mark_solution(member, answer)
    actions.mark_solution(editor, answer)
    assert ModerationLog.objects.filter(action="solution", actor=editor).exists()


def test_the_question_cannot_be_its_own_solution(question, asker):
    with pytest.raises(ForumError):
        actions.mark_solution(asker, question.posts.first())


def test_followers_are_notified_by_their_email_choice(
    question, asker, member, django_capture_on_commit_callbacks
):
    third = MemberFactory(full_name="Wayan Sudarta")
    actions.create_reply(third, question, "Saya juga penasaran.")
    actions.set_email_frequency(third, ForumProfile.EmailFrequency.NONE)
    before = Notification.objects.filter(user=asker).count()
    with django_capture_on_commit_callbacks(execute=True):
        actions.create_reply(member, question, "Coba lampu LED putih.")
    assert Notification.objects.filter(user=asker).count() == before + 1
    assert Notification.objects.filter(user=third).count() == 1
    assert Notification.objects.filter(user=member).count() == 0
    assert [m.to for m in mail.outbox] == [[asker.email]]  # third chose no email


def test_mentions_notify_people_who_can_read(
    question, member, restricted_category, community_member
):
    mentioned = MemberFactory(full_name="Ketut Arini")
    actions.profile_for(mentioned)
    actions.create_reply(member, question, "Tanya @ketut-arini, beliau jago foto.")
    assert Notification.objects.filter(user=mentioned).count() == 1
    # Someone who cannot read the restricted category is not told about it.
    thread = actions.create_thread(
        community_member, restricted_category, "Rapat bulan depan", "Hai @ketut-arini, ikut?"
    )
    assert thread and Notification.objects.filter(user=mentioned).count() == 1


def test_unread_marker_moves_with_reading(question, asker, member):
    read = ThreadRead.objects.get(user=asker, thread=question)
    first = question.posts.first()
    assert read.last_read_post_id == first.pk
    reply = actions.create_reply(member, question, "Jawaban pertama.")
    question.refresh_from_db()
    assert question.last_post_pk == reply.pk > read.last_read_post_id
    actions.mark_read(asker, question, reply.pk)
    actions.mark_read(asker, question, first.pk)  # never goes back
    assert ThreadRead.objects.get(user=asker, thread=question).last_read_post_id == reply.pk


def test_reactions_toggle_and_not_on_own_post(question, asker, member):
    post = question.posts.first()
    assert actions.toggle_reaction(member, post, "terima-kasih") is True
    assert actions.toggle_reaction(member, post, "terima-kasih") is False
    assert actions.toggle_reaction(member, post, "membantu") is True
    assert Reaction.objects.filter(post=post).count() == 1
    with pytest.raises(ForumError):
        actions.toggle_reaction(asker, post, "membantu")
    with pytest.raises(ForumError):
        actions.toggle_reaction(member, post, "suka")


def test_edit_window_and_soft_delete(question, asker, member):
    reply = actions.create_reply(member, question, "Versi pertama.")
    actions.edit_post(member, reply, "Versi kedua.")
    reply.refresh_from_db()
    assert reply.edited_at and "Versi kedua" in reply.body_html
    with pytest.raises(ForumError):
        actions.edit_post(asker, reply, "Bukan milik saya.")
    Post.objects.filter(pk=reply.pk).update(created_at=timezone.now() - timedelta(hours=2))
    reply.refresh_from_db()
    with pytest.raises(ForumError):
        actions.edit_post(member, reply, "Terlambat.")
    with pytest.raises(ForumError):
        actions.delete_post(asker, reply)
    actions.delete_post(member, reply)
    question.refresh_from_db()
    assert Post.objects.filter(pk=reply.pk).exists() and question.reply_count == 0


def test_locked_thread_and_suspension_refuse_posting(question, member, editor):
    actions.set_thread_flag(editor, question, "is_locked", True)
    with pytest.raises(ForumError):
        actions.create_reply(member, question, "Masih boleh?")
    actions.create_reply(editor, question, "Moderator masih bisa menutup diskusi.")
    actions.set_thread_flag(editor, question, "is_locked", False)
    actions.suspend(editor, member, 3, "Promosi berulang")
    with pytest.raises(ForumError, match="ditangguhkan|suspended"):
        actions.create_reply(member, question, "Halo?")
    assert Post.objects.filter(author=member).count() == 0
    assert ModerationLog.objects.filter(action__in=["lock", "unlock", "suspend"]).count() == 3


def test_new_accounts_have_a_link_limit(question):
    newcomer = MemberFactory()
    body = "Cek https://a.id https://b.id https://c.id"
    with pytest.raises(ForumError):
        actions.create_reply(newcomer, question, body)
    veteran = MemberFactory()
    type(veteran).objects.filter(pk=veteran.pk).update(
        date_joined=timezone.now() - timedelta(days=60)
    )
    veteran.refresh_from_db()
    actions.create_reply(veteran, question, body)


def test_reports_once_then_resolved_with_a_record(question, asker, member, editor):
    post = question.posts.first()
    actions.report_post(member, post, "Isinya promosi judi")
    with pytest.raises(ForumError):
        actions.report_post(member, post, "Lagi")
    with pytest.raises(ForumError):
        actions.report_post(asker, post, "Punya sendiri")
    report = Report.objects.get()
    with pytest.raises(ForumError):
        actions.resolve_report(member, report, hide=True, reason="x")
    actions.resolve_report(editor, report, hide=True, reason="Spam")
    report.refresh_from_db()
    post.refresh_from_db()
    assert report.resolved_by == editor and report.resolution == "disembunyikan"
    assert post.is_hidden and post.hidden_reason == "Spam"
    assert set(ModerationLog.objects.values_list("action", flat=True)) == {"hide-post", "resolve"}
    with pytest.raises(ForumError):
        actions.resolve_report(editor, report, hide=False)


def test_officers_moderate_only_their_community(
    restricted_category, public_category, community_member, community_officer, other_member
):
    thread = actions.create_thread(
        community_member, restricted_category, "Arisan online", "Ayo ikut."
    )
    actions.set_thread_flag(community_officer, thread, "is_pinned", True)
    elsewhere = actions.create_thread(other_member, public_category, "Harga ongkir", "Mahal ya.")
    with pytest.raises(ForumError):
        actions.set_thread_flag(community_officer, elsewhere, "is_pinned", True)
    with pytest.raises(ForumError):
        actions.move_thread(community_officer, thread, public_category)
    assert actions.can_suspend(community_officer, community_member)
    assert not actions.can_suspend(community_officer, other_member)
    with pytest.raises(ForumError):
        actions.suspend(community_officer, other_member, 3, "x")
    assert not Suspension.objects.exists()


def test_move_and_hide_thread_are_logged(question, editor, restricted_category):
    with pytest.raises(ForumError):
        actions.set_thread_flag(editor, question, "is_hidden", True, "")
    actions.set_thread_flag(editor, question, "is_hidden", True, "Salah kamar")
    actions.move_thread(editor, question, restricted_category, "Khusus anggota")
    question.refresh_from_db()
    assert question.category == restricted_category and question.is_hidden
    assert ModerationLog.objects.filter(action="move", reason__contains="Khusus").exists()


def test_attachments_are_checked_and_limited(question, member):
    post = actions.create_reply(
        member, question, "Ini contohnya.", [photo(), photo("b.png", fmt="PNG")]
    )
    assert post.attachments.count() == 2
    with pytest.raises(ForumError):
        actions.create_reply(member, question, "Kebanyakan.", [photo() for _ in range(5)])
    fake = photo()
    fake.file.seek(0)
    from django.core.files.uploadedfile import SimpleUploadedFile

    script = SimpleUploadedFile("foto.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    with pytest.raises(ForumError):
        actions.create_reply(member, question, "Ini bukan foto.", [script])
    assert Post.objects.filter(author=member).count() == 1


def test_visitor_and_non_members_cannot_post(public_category):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ForumError):
        actions.create_thread(AnonymousUser(), public_category, "Judul panjang", "Isi")
    with pytest.raises(ForumError):
        actions.create_thread(UserFactory(), public_category, "Judul panjang", "Isi")
    actions.create_thread(EditorFactory(), public_category, "Pengumuman penting", "Isi")
    assert Thread.objects.count() == 1


def test_handles_are_unique():
    a = actions.profile_for(MemberFactory(full_name="Made Wirawan"))
    b = actions.profile_for(MemberFactory(full_name="Made Wirawan"))
    assert (a.handle, b.handle) == ("made-wirawan", "made-wirawan-2")


def test_mention_finds_someone_without_a_forum_profile_by_name(question, member):
    newcomer = MemberFactory(full_name="Ni Wayan Sari")
    actions.create_reply(member, question, "Bu @ni-wayan-sari pernah coba ini?")
    assert Notification.objects.filter(user=newcomer).count() == 1
    assert ForumProfile.objects.get(user=newcomer).handle == "ni-wayan-sari"
