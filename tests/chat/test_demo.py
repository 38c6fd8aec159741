"""The demo chat: rooms with a short Indonesian conversation, loaded once."""

import io

import pytest
from django.core.management import call_command

from community.models import ChatMessage, ChatRoom

pytestmark = pytest.mark.django_db


def test_demo_rooms_have_conversations_and_a_rerun_adds_nothing():
    call_command("load_demo_data", stdout=io.StringIO())
    rooms = ChatRoom.objects.filter(messages__isnull=False).distinct()
    kinds = set(rooms.values_list("kind", flat=True))
    assert kinds == {"members", "officers", "course", "programme", "direct"}
    count = ChatMessage.objects.count()
    assert count >= 20
    assert ChatMessage.objects.filter(body__contains="ekspedisi").exists()
    call_command("load_demo_data", stdout=io.StringIO())
    assert ChatMessage.objects.count() == count
    assert ChatRoom.objects.filter(kind="programme").count() == 1
