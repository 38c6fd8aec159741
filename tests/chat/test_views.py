"""The chat pages without JavaScript: room list with unread counts, a room
with its latest messages and older pages, the message form, moderation forms
and direct messages."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer

from community import chat
from community.models import ChatMessage, ChatModerationLog, ChatMute, ChatRoom
from tests.factories import MembershipFactory
from tests.helpers import indonesian, page_text

# The site, centre settings, groups and permissions come from the cache
# (pusat/pagecache.py) once warm.
INDEX_QUERIES = 6
ROOM_QUERIES = 11


def say(user, room, count, start=0):
    for number in range(start, start + count):
        chat.post_message(user, room, f"Pesan nomor {number}")
        chat.reset_rate_limits()


class TestIndex:
    def test_a_visitor_learns_what_chat_is(self, client, db):
        response = client.get("/obrolan/")
        assert response.status_code == 200
        assert indonesian("Sign in to chat") in page_text(response)

    def test_a_member_sees_their_rooms_with_unread_counts(self, client, people):
        say(people.second_member, people.members_room, 3)
        client.force_login(people.member)
        text = page_text(client.get("/obrolan/"))
        assert people.members_room.name in text
        assert people.officers_room.name not in text
        assert "3 belum dibaca" in text

    def test_opening_a_room_clears_its_unread_count(self, client, people):
        say(people.second_member, people.members_room, 2)
        client.force_login(people.member)
        client.get(people.members_room.get_absolute_url())
        assert "belum dibaca" not in page_text(client.get("/obrolan/"))
        say(people.second_member, people.members_room, 1, start=5)
        assert "1 belum dibaca" in page_text(client.get("/obrolan/"))

    def test_own_messages_are_never_unread(self, client, people):
        say(people.member, people.members_room, 2)
        client.force_login(people.member)
        assert "belum dibaca" not in page_text(client.get("/obrolan/"))

    @pytest.mark.parametrize("rooms", [2, 20])
    def test_queries_stay_constant(self, client, people, django_assert_num_queries, rooms):
        for number in range(rooms):
            room = ChatRoom.objects.create(
                kind="programme", name=f"Program {number}", slug=f"p{number}"
            )
            say(people.second_member, room, 2)
        client.force_login(people.member)
        client.get("/obrolan/")  # warm up: the site settings row is created once
        # the base layout (user, notifications) + rooms with their unread
        # counts, own community, candidates
        with django_assert_num_queries(INDEX_QUERIES):
            response = client.get("/obrolan/")
        assert len(response.context["rooms"]) == rooms + 1


class TestRoom:
    def test_shows_the_latest_fifty_and_pages_back(self, client, people):
        room = people.members_room
        say(people.second_member, room, 55)
        client.force_login(people.member)
        response = client.get(room.get_absolute_url())
        shown = response.context["chat_messages"]
        assert [message.body for message in shown][0] == "Pesan nomor 5"
        assert len(shown) == 50
        text = page_text(response)
        assert indonesian("Older messages") in text
        older = client.get(f"{room.get_absolute_url()}?sebelum={shown[0].pk}")
        assert [message.body for message in older.context["chat_messages"]] == [
            f"Pesan nomor {number}" for number in range(5)
        ]
        assert indonesian("Back to the latest messages") in page_text(older)
        assert not older.context["has_older"]

    @pytest.mark.parametrize("count", [2, 20])
    def test_queries_stay_constant(self, client, people, django_assert_num_queries, count):
        say(people.second_member, people.members_room, count)
        client.force_login(people.member)
        client.get(people.members_room.get_absolute_url())  # warm up
        # the base layout + room, access, history, read marker, moderator check
        with django_assert_num_queries(ROOM_QUERIES):
            response = client.get(people.members_room.get_absolute_url())
        assert len(response.context["chat_messages"]) == count

    def test_text_is_escaped_and_links_are_clickable(self, client, people):
        chat.post_message(
            people.second_member,
            people.members_room,
            "<script>alert(1)</script> lihat https://contoh.id/katalog?a=1&b=2 ya",
        )
        client.force_login(people.member)
        body = client.get(people.members_room.get_absolute_url()).content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert '<a href="https://contoh.id/katalog?a=1&amp;b=2" rel="nofollow">' in body

    def test_the_form_posts_a_message_that_is_saved_and_broadcast(
        self, client, people, django_capture_on_commit_callbacks
    ):
        room = people.members_room
        layer = get_channel_layer()
        client.force_login(people.member)

        def post():
            with django_capture_on_commit_callbacks(execute=True):
                return client.post(
                    room.get_absolute_url(), {"body": "Dari HP tanpa JavaScript", "client_id": "f1"}
                )

        async def listen_while_posting():
            # One event loop throughout: the Redis pub/sub layer subscribes per loop.
            channel = await layer.new_channel()
            await layer.group_add(room.group_name, channel)
            response = await sync_to_async(post)()
            event = await layer.receive(channel)
            await layer.group_discard(room.group_name, channel)
            return response, event

        response, event = async_to_sync(listen_while_posting)()
        assert response.status_code == 302
        message = ChatMessage.objects.get()
        assert event["type"] == "chat.frame"
        assert event["frame"] == chat.message_frame(message)

    def test_a_double_tap_stores_one_message(self, client, people):
        client.force_login(people.member)
        for _ in range(2):
            client.post(people.members_room.get_absolute_url(), {"body": "Halo", "client_id": "x1"})
        assert ChatMessage.objects.count() == 1

    @pytest.mark.parametrize(
        ("body", "msgid"), [("", "Write a message first."), ("   ", "Write a message first.")]
    )
    def test_bad_input_says_why_and_saves_nothing(self, client, people, body, msgid):
        client.force_login(people.member)
        response = client.post(people.members_room.get_absolute_url(), {"body": body})
        assert response.status_code == 400
        assert indonesian(msgid) in page_text(response)
        assert not ChatMessage.objects.exists()

    def test_an_over_long_message_is_refused(self, client, people):
        client.force_login(people.member)
        response = client.post(
            people.members_room.get_absolute_url(), {"body": "a" * (chat.MAX_LENGTH + 1)}
        )
        assert response.status_code == 400
        assert not ChatMessage.objects.exists()

    def test_a_muted_member_is_told_so(self, client, people):
        chat.mute(people.officer, people.members_room, people.member, 10)
        client.force_login(people.member)
        response = client.post(people.members_room.get_absolute_url(), {"body": "halo"})
        assert response.status_code == 400
        assert "Moderator membisukan Anda" in page_text(response)
        assert not ChatMessage.objects.exists()

    def test_an_unknown_room_is_404(self, client, people):
        client.force_login(people.member)
        response = client.get("/obrolan/tidak-ada/")
        assert response.status_code == 404
        assert indonesian("This chat room does not exist.") in page_text(response)

    def test_the_page_loads_the_chat_script_and_no_inline_script(self, client, people):
        client.force_login(people.member)
        body = client.get(people.members_room.get_absolute_url()).content.decode()
        assert '<script src="/static/js/chat.js" defer></script>' in body
        assert body.count("<script") == 1


class TestModeration:
    @pytest.fixture
    def message(self, people):
        return chat.post_message(people.member, people.members_room, "iklan pinjol")[0]

    def url(self, message, action):
        return f"/obrolan/{message.room.slug}/{action}/{message.pk}/"

    @pytest.mark.parametrize("role", ["officer", "editor"])
    def test_moderators_delete(self, client, people, message, role):
        client.force_login(getattr(people, role))
        response = client.post(self.url(message, "hapus"))
        assert response.status_code == 302
        message.refresh_from_db()
        assert message.deleted_at is not None
        assert ChatModerationLog.objects.get().body == "iklan pinjol"
        assert "iklan pinjol" not in page_text(client.get(message.room.get_absolute_url()))

    @pytest.mark.parametrize(
        ("role", "status"),
        [("member", 400), ("second_member", 400), ("outsider", 403), ("other_officer", 403)],
    )
    def test_others_cannot_delete(self, client, people, message, role, status):
        client.force_login(getattr(people, role))
        response = client.post(self.url(message, "hapus"))
        assert response.status_code == status
        message.refresh_from_db()
        assert message.deleted_at is None
        assert not ChatModerationLog.objects.exists()

    def test_moderators_see_the_moderation_forms_members_do_not(self, client, people, message):
        client.force_login(people.officer)
        assert indonesian("Mute") in page_text(client.get(message.room.get_absolute_url()))
        client.force_login(people.second_member)
        assert 'action="/obrolan/' not in client.get(
            message.room.get_absolute_url()
        ).content.decode().replace('action="/obrolan/karangasem-anggota/"', "")

    def test_an_officer_mutes_for_a_period(self, client, people, message):
        client.force_login(people.officer)
        response = client.post(self.url(message, "bisukan"), {"minutes": "60"})
        assert response.status_code == 302
        mute = ChatMute.objects.get()
        assert mute.user == people.member
        assert 59 * 60 < (mute.until - mute.created_at).total_seconds() <= 3600
        assert ChatModerationLog.objects.filter(action="mute").count() == 1

    def test_a_bad_duration_mutes_nobody(self, client, people, message):
        client.force_login(people.officer)
        response = client.post(self.url(message, "bisukan"), {"minutes": "999999"})
        assert response.status_code == 400
        assert not ChatMute.objects.exists()

    def test_a_member_cannot_mute(self, client, people, message):
        client.force_login(people.second_member)
        response = client.post(self.url(message, "bisukan"), {"minutes": "60"})
        assert response.status_code == 400
        assert not ChatMute.objects.exists()


class TestDirectMessages:
    def test_two_members_of_a_community_get_one_room(self, client, people):
        client.force_login(people.member)
        first = client.post("/obrolan/pesan-langsung/", {"person": people.second_member.pk})
        client.force_login(people.second_member)
        second = client.post("/obrolan/pesan-langsung/", {"person": people.member.pk})
        assert first["Location"] == second["Location"]
        room = ChatRoom.objects.get(kind="direct")
        assert room.title_for(people.member) == "Komang Ayu"

    @pytest.mark.parametrize("target", ["outsider", "member", "nobody"])
    def test_only_with_someone_else_of_the_same_community(self, client, people, target):
        client.force_login(people.member)
        person = {"outsider": people.outsider.pk, "member": people.member.pk, "nobody": "x"}
        response = client.post("/obrolan/pesan-langsung/", {"person": person[target]})
        assert response.status_code == 400
        assert not ChatRoom.objects.filter(kind="direct").exists()

    def test_the_list_offers_the_members_of_the_own_community(self, client, people):
        client.force_login(people.member)
        text = page_text(client.get("/obrolan/"))
        assert "Komang Ayu" in text and "Made Oka" not in text

    def test_a_member_without_a_community_cannot_start_one(self, client, people):
        loner = MembershipFactory(community=people.community, status="pending").user
        client.force_login(loner)
        response = client.post("/obrolan/pesan-langsung/", {"person": people.member.pk})
        assert response.status_code == 400
