"""The demo forum: realistic, idempotent, with a solved question and a pinned notice."""

import io

import pytest
from django.core.management import call_command

from forum.models import Category, Post, Thread

pytestmark = pytest.mark.django_db


def test_demo_forum_loads_once():
    call_command("load_demo_data", verbosity=0, stdout=io.StringIO())
    counts = (Category.objects.count(), Thread.objects.count(), Post.objects.count())
    assert counts[1] >= 15 and counts[2] >= 50
    assert Thread.objects.filter(is_pinned=True).exists()
    solved = Thread.objects.filter(kind="tanya", solution__isnull=False)
    assert solved.exists()
    assert Category.objects.filter(course__isnull=False, name__startswith="Diskusi: ").count() == 4
    assert Category.objects.filter(community__slug="e-umkm-karangasem").exists()
    thread = Thread.objects.get(title__startswith="Foto kain endek")
    assert thread.reply_count == 3 and thread.last_post_author.full_name == "Ni Luh Putu Sukerti"
    call_command("load_demo_data", verbosity=0, stdout=io.StringIO())
    assert (Category.objects.count(), Thread.objects.count(), Post.objects.count()) == counts
