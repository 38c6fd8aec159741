"""Course discussion categories and the daily digest."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from forum import actions
from forum.models import Category, ForumProfile
from tests.courses.conftest import make_course

pytestmark = pytest.mark.django_db


def test_publishing_a_course_makes_and_renames_its_category(client):
    course = make_course(title="Fotografi Produk", lessons=1)
    category = Category.objects.get(course=course)
    assert category.name == "Diskusi: Fotografi Produk"
    course.title = "Fotografi Produk untuk Pemula"
    course.save_revision().publish()
    category.refresh_from_db()
    assert category.name == "Diskusi: Fotografi Produk untuk Pemula"
    assert Category.objects.filter(course=course).count() == 1


def test_each_lesson_links_to_its_discussion(client):
    course = make_course(title="Toko Online", lessons=1)
    lesson = course.get_children().first()
    page = client.get(lesson.url).content.decode()
    link = reverse("forum:course", args=[course.pk])
    assert link in page
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == Category.objects.get(course=course).get_absolute_url()


def test_daily_digest_sends_once(question, asker, member):
    actions.set_email_frequency(asker, ForumProfile.EmailFrequency.DAILY)
    actions.create_reply(member, question, "Coba pakai reflektor.")
    mail.outbox.clear()
    call_command("send_forum_digest", stdout=__import__("io").StringIO())
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [asker.email]
    assert question.title in mail.outbox[0].body
    call_command("send_forum_digest", stdout=__import__("io").StringIO())
    assert len(mail.outbox) == 1


def test_daily_choosers_get_no_email_per_reply(
    question, asker, member, django_capture_on_commit_callbacks
):
    actions.set_email_frequency(asker, ForumProfile.EmailFrequency.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        actions.create_reply(member, question, "Coba pakai reflektor.")
    assert mail.outbox == []


def test_preferences_page_saves_and_refuses_nonsense(client, member):
    client.force_login(member)
    url = reverse("forum:preferences")
    assert client.get(url).status_code == 200
    assert client.post(url, {"email_frequency": "setiap-jam"}).status_code == 200
    assert actions.profile_for(member).email_frequency == "setiap"
    assert client.post(url, {"email_frequency": "harian"}).status_code == 302
    assert actions.profile_for(member).email_frequency == "harian"
    client.logout()
    assert client.get(url).status_code == 302
