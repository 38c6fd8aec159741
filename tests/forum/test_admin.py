"""The forum in the Wagtail admin: editors see and filter, members do not."""

import pytest
from django.urls import reverse

from forum import actions
from forum.models import Category

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["category", "thread", "report", "suspension", "moderationlog"])
def test_editor_lists_with_filters(client, editor, question, model):
    actions.report_post(editor, question.posts.first(), "Spam")
    client.force_login(editor)
    url = reverse(f"wagtailsnippets_forum_{model}:list")
    response = client.get(url)
    assert response.status_code == 200


def test_editor_filters_threads_by_category(client, editor, question, public_category):
    client.force_login(editor)
    url = reverse("wagtailsnippets_forum_thread:list")
    response = client.get(url, {"category": public_category.pk})
    assert question.title in response.content.decode()
    other = Category.objects.create(name="Lain", slug="lain")
    response = client.get(url, {"category": other.pk})
    assert question.title not in response.content.decode()


def test_editor_adds_a_category(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_forum_category:add"),
        {"name": "Pemasaran Online", "slug": "pemasaran-online", "description": "", "position": 1},
    )
    assert response.status_code == 302
    assert Category.objects.filter(slug="pemasaran-online").exists()


def test_member_cannot_open_the_admin_lists(client, member):
    client.force_login(member)
    response = client.get(reverse("wagtailsnippets_forum_thread:list"))
    assert response.status_code in (302, 403)


def test_only_administrators_delete_categories(client, editor, administrator, public_category):
    url = reverse("wagtailsnippets_forum_category:delete", args=[public_category.pk])
    client.force_login(editor)
    client.post(url)
    assert Category.objects.filter(pk=public_category.pk).exists()
    client.force_login(administrator)
    client.post(url)
    assert not Category.objects.filter(pk=public_category.pk).exists()
