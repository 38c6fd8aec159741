"""The live chat websocket, `/ws/obrolan/<room-slug>/` (contract in DESIGN.md).

The consumer is thin: every rule is in `chat.py`, run in a worker thread
(`database_sync_to_async`), and every broadcast comes from the channel layer
after the database has committed. The socket speaks JSON frames:

client → server
    {"type": "message", "body": "...", "client_id": "..."}   client_id optional
    {"type": "typing"}
    {"type": "read", "id": N}                                 read up to N
    {"type": "delete", "id": N}                               moderators
server → client
    {"type": "message", "id", "room", "author", "body", "created", "client_id"}
    {"type": "deleted", "id": N, "room": "..."}
    {"type": "presence", "count": N, "names": [...]}
    {"type": "typing", "author": "..."}
    {"type": "error", "code": "...", "message": "...", "client_id": "..."}
                    (client_id when the error refuses a message that had one)

Bad input gets an error frame and the socket stays open; a visitor, a room
that does not exist or is not the person's closes the socket with a code.
"""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from redis.exceptions import RedisError

from . import chat, layerwatch, presence
from .models import ChatMessage

# Close codes (4000–4999 are the application's own).
CLOSE_CODES = {
    "not_signed_in": 4401,
    "forbidden": 4403,
    "room_not_found": 4404,
    # Not a refusal: the server cannot deliver right now; clients retry.
    "unavailable": 1011,
}
# Ids are 64-bit integers in the database: a larger one cannot be stored.
MAX_ID = 2**63 - 1
# Every join and leave tells everyone in the room: N people joining cost N²
# frames. Above this size only the person joining is told (the benchmark's
# 500-client room otherwise spends seconds on presence alone).
PRESENCE_LIVE_LIMIT = 50
# Errors found by the socket itself (the rules' own errors come from chat.py).
SOCKET_ERRORS = {
    "bad_after": gettext_lazy("The message id to resume from is not valid."),
    "bad_json": gettext_lazy("The message could not be read."),
    "unknown_type": gettext_lazy("Unknown kind of message."),
    "bad_id": gettext_lazy("The message id is not valid."),
    "unavailable": gettext_lazy("Live chat is interrupted. Reconnecting…"),
}


def _in_language(user, function, *args):
    with translation.override(chat.language_of(user)):
        return function(*args)


class ChatConsumer(AsyncJsonWebsocketConsumer):
    room = None
    # Set when the server refused a frame because the client has gone.
    client_gone = False

    # --- Connecting -------------------------------------------------------

    async def connect(self):
        self.user = self.scope.get("user")
        slug = self.scope["url_route"]["kwargs"]["slug"]
        # Accept first so that a refusal can say why in a frame, then close.
        await self.accept()
        watch = layerwatch.watcher()
        if watch is not None and not await watch.ping():
            await self.lost_channel_layer()
            return
        try:
            self.room = await self.call(chat.room_for, self.user, slug)
        except chat.ChatError as error:
            await self.send_error(error)
            await self.close(code=CLOSE_CODES.get(error.code, 4403))
            return
        # The newest message id this socket has been sent (or, without
        # ?after=, the room's newest once the socket is in the group), set by
        # `backfill` before any broadcast is handled: every later message
        # reaches it once and in order, by its broadcast or, when a broadcast
        # overtook an earlier one, from the database.
        self.last_sent_id = None
        self.name = str(self.user)
        try:
            await self.channel_layer.group_add(self.room.group_name, self.channel_name)
            await self.backfill()
            await self.update_presence(join=True)
        except (RedisError, OSError):
            # Redis went away (or failed a command) while this socket joined:
            # it may not be in the room's group, so it would stay silent.
            # Refuse it like any socket during an outage; the client retries
            # and backfills.
            await self.lost_channel_layer()
            return
        if watch is not None:
            watch.watch(self)

    async def lost_channel_layer(self):
        """Redis is away: say so and close with 1011, so the client retries."""
        await self.send_socket_error("unavailable")
        await self.close(code=CLOSE_CODES["unavailable"])

    async def backfill(self):
        after = _query_value(self.scope, "after")
        # isdigit() alone admits "²" and other digits int() refuses.
        if after is not None and (not (after.isascii() and after.isdigit()) or int(after) > MAX_ID):
            await self.send_socket_error("bad_after")
            after = None
        if after is None:
            # No history wanted: start from what is stored now. Read after
            # joining the group, so a message stored later is broadcast to
            # this socket too. (Starting from nothing, a broadcast that
            # overtook an earlier one was sent first and the earlier one then
            # dropped as already sent: a lost message under load.)
            self.last_sent_id = await database_sync_to_async(chat.newest_message_id)(self.room)
            return
        self.last_sent_id = int(after)
        messages = await database_sync_to_async(chat.messages_after)(self.room, int(after))
        for message in messages:
            await self.send_message_frame(chat.message_frame(message))

    async def disconnect(self, code):
        if self.room is None:
            return
        watch = layerwatch.watcher()
        if watch is not None:
            watch.forget(self)
        try:
            await self.channel_layer.group_discard(self.room.group_name, self.channel_name)
            await self.update_presence(join=False)
        except (RedisError, OSError):
            pass  # Redis is away; its group memberships expire on their own

    # --- Receiving --------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        if self.room is None:
            return
        try:
            data = json.loads(text_data) if text_data is not None else None
            # JSON may escape lone surrogates ("\\ud800"): not text anyone can store.
            json.dumps(data, ensure_ascii=False).encode()
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            await self.send_socket_error("bad_json")
            return
        handler = {
            "message": self.receive_message,
            "typing": self.receive_typing,
            "read": self.receive_read,
            "delete": self.receive_delete,
        }.get(data["type"] if isinstance(data.get("type"), str) else None)
        if handler is None:
            await self.send_socket_error("unknown_type")
            return
        try:
            await handler(data)
        except chat.ChatError as error:
            await self.send_error(error)

    async def receive_message(self, data):
        try:
            message, created = await self.call(
                chat.post_message, self.user, self.room, data.get("body"), data.get("client_id")
            )
        except chat.ChatError as error:
            # Name the refused message: with Redis, the broadcast of the one
            # before may arrive after this error.
            client_id = data.get("client_id")
            valid = isinstance(client_id, str) and len(client_id) <= chat.CLIENT_ID_MAX_LENGTH
            await self.send_error(error, client_id if valid else None)
            return
        if not created:
            # A resend of a stored message: tell this device only, so it can
            # stop resending; the others already have it.
            await self.send_json(chat.message_frame(message))

    async def receive_typing(self, data):
        await self.channel_layer.group_send(
            self.room.group_name,
            {"type": "chat.typing", "author": self.name, "sender": self.channel_name},
        )

    async def receive_read(self, data):
        last_id = data.get("id")
        if not isinstance(last_id, int) or isinstance(last_id, bool) or not 0 <= last_id <= MAX_ID:
            await self.send_socket_error("bad_id")
            return
        await self.call(chat.mark_read, self.user, self.room, last_id)

    async def receive_delete(self, data):
        await self.call(self._delete, data.get("id"))

    def _delete(self, message_id):
        chat.check_moderator(self.user, self.room)
        message = ChatMessage.objects.filter(
            room=self.room, pk=message_id if isinstance(message_id, int) else None
        ).first()
        if message is None:
            raise chat.ChatError("message_not_found", _("That message does not exist."))
        chat.delete_message(self.user, message)

    # --- Group events -----------------------------------------------------

    async def chat_frame(self, event):
        frame = event["frame"]
        if frame.get("type") == "message":
            previous_id = event.get("previous_id")
            if previous_id is not None and previous_id > self.last_sent_id:
                # An earlier message's broadcast (from another process or
                # thread) has not arrived yet: send what is stored, in order,
                # so a reconnect with ?after= can never skip it.
                missing = await database_sync_to_async(chat.messages_between)(
                    self.room, self.last_sent_id, frame["id"]
                )
                for message in missing:
                    await self.send_message_frame(chat.message_frame(message))
                return
            await self.send_message_frame(frame)
        else:
            await self.send_json(frame)

    async def chat_typing(self, event):
        if event["sender"] != self.channel_name:
            await self.send_json({"type": "typing", "author": event["author"]})

    async def send_message_frame(self, frame):
        # Backfill and live delivery can overlap on connect; ids only grow, so
        # anything at or below the last id sent is a duplicate.
        if frame["id"] <= self.last_sent_id:
            return
        self.last_sent_id = frame["id"]
        await self.send_json(frame)

    # --- Presence (shared by every server process, see presence.py) --------

    async def update_presence(self, join):
        entry = [self.user.pk, self.name] if join else None
        present = await presence.change(self.room.pk, self.channel_name, entry)
        names = sorted({name for _pk, name in present.values()})
        frame = {"type": "presence", "count": len(names), "names": names[:PRESENCE_LIVE_LIMIT]}
        if len(names) <= PRESENCE_LIVE_LIMIT:
            await self.channel_layer.group_send(
                self.room.group_name, {"type": "chat.frame", "frame": frame}
            )
        elif join:
            await self.send_json(frame)

    # --- Helpers ----------------------------------------------------------

    async def send_json(self, content, close=False):
        """A broadcast can reach a socket whose client has just left, before
        the consumer reads the disconnect waiting behind it. The server then
        refuses the frame (daphne: "Attempt to send on a closed protocol",
        uvicorn: RuntimeError), which would end the consumer without its
        `disconnect`, leaving the person present in the room. The frame has
        nowhere to go: drop it and let the disconnect that follows clean up."""
        await self._unless_gone(super().send_json(content, close=close))

    async def close(self, code=None, reason=None):
        await self._unless_gone(super().close(code=code, reason=reason))

    async def _unless_gone(self, sending):
        if self.client_gone:
            sending.close()
            return
        try:
            await sending
        except Exception:  # the servers raise plain Exception and RuntimeError
            self.client_gone = True

    async def call(self, function, *args):
        """Run a rule from chat.py in a worker thread, in the person's language."""
        return await database_sync_to_async(_in_language)(self.user, function, *args)

    async def send_socket_error(self, code):
        with translation.override(chat.language_of(self.user)):
            message = str(SOCKET_ERRORS[code])
        await self.send_error(chat.ChatError(code, message))

    async def send_error(self, error, client_id=None):
        frame = {"type": "error", "code": error.code, "message": error.message}
        if client_id:
            frame["client_id"] = client_id
        await self.send_json(frame)


def _query_value(scope, name):
    from urllib.parse import parse_qs

    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(name)
    return values[-1] if values else None
