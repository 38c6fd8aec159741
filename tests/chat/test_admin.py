"""Chat in the Wagtail admin: editors create programme rooms and look up
messages, mutes and the moderation log; direct messages never show there."""

import pytest

from community import chat
from community.models import ChatRoom

ROOMS = "/admin/snippets/community/chatroom/"


def test_an_editor_creates_a_programme_room(client, people):
    client.force_login(people.editor)
    response = client.post(
        f"{ROOMS}add/",
        {
            "name": "Program Pameran Desember",
            "slug": "pameran-desember",
            "description": "Persiapan",
        },
    )
    assert response.status_code == 302
    room = ChatRoom.objects.get(slug="pameran-desember")
    assert room.kind == "programme"
    assert chat.can_access(people.outsider, room)


def test_a_bad_slug_creates_nothing(client, people):
    client.force_login(people.editor)
    response = client.post(f"{ROOMS}add/", {"name": "Pameran", "slug": "karangasem-anggota"})
    assert response.status_code == 200
    assert not ChatRoom.objects.filter(name="Pameran").exists()


@pytest.mark.parametrize(
    "url",
    [
        ROOMS,
        "/admin/snippets/community/chatmessage/",
        "/admin/snippets/community/chatmute/",
        "/admin/snippets/community/chatmoderationlog/",
    ],
)
def test_editors_see_the_lists_members_do_not(client, people, url):
    message, _ = chat.post_message(people.member, people.members_room, "Halo dari pasar")
    chat.delete_message(
        people.officer, chat.post_message(people.member, people.members_room, "x")[0]
    )
    chat.mute(people.officer, people.members_room, people.member, 10)
    direct = chat.direct_room(people.member, people.second_member)
    chat.post_message(people.second_member, direct, "rahasia kita")
    client.force_login(people.editor)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "rahasia kita" not in body and direct.name not in body
    client.force_login(people.member)
    assert client.get(url).status_code == 302
