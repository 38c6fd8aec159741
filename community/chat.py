"""Live chat: the rules, one function each.

The websocket consumer, the no-JavaScript pages, the admin and the tests all
call these. A rule that says no raises `ChatError` with a code (for programs)
and a message in the person's language (for people), and changes nothing.

Everything others see happens after the database has committed: a message is
saved, then `transaction.on_commit` hands it to the channel layer (zulip's
`send_event_on_commit`), so nobody ever sees a message that was not stored
and every broadcast carries the stored id that `?after=<id>` backfill uses.
"""

import logging
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from limits import parse
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from redis.exceptions import RedisError

from pusat.accounts.roles import is_editor

from .models import (
    ChatMessage,
    ChatModerationLog,
    ChatMute,
    ChatReadMarker,
    ChatRoom,
    Membership,
)
from .roles import is_officer

MAX_LENGTH = getattr(settings, "CHAT_MESSAGE_MAX_LENGTH", 2000)
CLIENT_ID_MAX_LENGTH = 64
PAGE_SIZE = 50
# limits' notation: "5 per 5 seconds".
RATE_LIMIT = getattr(settings, "CHAT_RATE_LIMIT", "5 per 5 seconds")
MUTE_CHOICES = [
    (10, gettext_lazy("10 minutes")),
    (60, gettext_lazy("1 hour")),
    (24 * 60, gettext_lazy("1 day")),
    (7 * 24 * 60, gettext_lazy("1 week")),
]

Kind = ChatRoom.Kind
logger = logging.getLogger(__name__)


class ChatError(Exception):
    """A rule said no. `code` is for programs, `message` for people."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = str(message)


def language_of(user):
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


# --- Who may do what --------------------------------------------------------


def can_access(user, room):
    """May `user` read and write in `room`? The rule is `visible_to`."""
    return ChatRoom.objects.visible_to(user).filter(pk=room.pk).exists()


def room_for(user, slug):
    """The room at `slug` if `user` may enter it; a ChatError otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise ChatError("not_signed_in", _("Sign in to chat."))
    room = ChatRoom.objects.select_related("community", "first_person", "second_person").filter(
        slug=slug
    )
    room = room.first()
    if room is None:
        raise ChatError("room_not_found", _("This chat room does not exist."))
    if not can_access(user, room):
        raise ChatError("forbidden", _("This chat room is not open to you."))
    return room


def can_moderate(user, room):
    """Officers moderate their own community's rooms; editors every room
    they can enter. Nobody moderates direct messages."""
    if not getattr(user, "is_authenticated", False) or room.kind == Kind.DIRECT:
        return False
    if room.community_id is not None and is_officer(user, room.community):
        return True
    return room.kind != Kind.OFFICERS and is_editor(user)


def check_moderator(user, room):
    if not can_moderate(user, room):
        raise ChatError("not_moderator", _("Only the room's moderators may do this."))


def muted_until(user, room):
    mute = ChatMute.objects.in_force().filter(user=user, room=room).order_by("-until").first()
    return mute.until if mute is not None else None


# --- Sending ---------------------------------------------------------------

_limiter = None
_fallback_limiter = None


def rate_limiter():
    """One moving-window limiter per process, kept in Redis when there is one
    (so every server process counts the same messages), else in memory."""
    global _limiter
    if _limiter is None:
        redis_url = getattr(settings, "REDIS_URL", None)
        if redis_url:
            storage = storage_from_string(
                redis_url, wrap_exceptions=True, socket_connect_timeout=1, socket_timeout=1
            )
        else:
            storage = storage_from_string("memory://")
        _limiter = MovingWindowRateLimiter(storage)
    return _limiter


def fallback_limiter():
    """Counts in this process while Redis is away, so an outage neither
    refuses every message nor lifts the limit."""
    global _fallback_limiter
    if _fallback_limiter is None:
        _fallback_limiter = MovingWindowRateLimiter(storage_from_string("memory://"))
    return _fallback_limiter


def reset_rate_limits():
    rate_limiter().storage.reset()
    fallback_limiter().storage.reset()


def check_rate(user):
    limit = parse(RATE_LIMIT)
    try:
        allowed = rate_limiter().hit(limit, "chat", str(user.pk))
    except StorageError:
        logger.warning("Chat rate limit storage unavailable; counting in this process")
        allowed = fallback_limiter().hit(limit, "chat", str(user.pk))
    if not allowed:
        raise ChatError(
            "rate_limited", _("You are sending messages too fast. Wait a moment and try again.")
        )


def clean_body(body):
    if isinstance(body, str):
        # A NUL byte is never typed, and PostgreSQL cannot store one in text.
        body = body.replace("\x00", "")
    if not isinstance(body, str) or not body.strip():
        raise ChatError("empty", _("Write a message first."))
    body = body.strip()
    if len(body) > MAX_LENGTH:
        raise ChatError(
            "too_long",
            _("A message can be at most %(max)d characters (this one has %(count)d).")
            % {"max": MAX_LENGTH, "count": len(body)},
        )
    return body


def clean_client_id(client_id):
    if client_id is None:
        return ""
    if (
        not isinstance(client_id, str)
        or len(client_id) > CLIENT_ID_MAX_LENGTH
        or "\x00" in client_id
    ):
        raise ChatError("bad_client_id", _("The message id from your device is not valid."))
    return client_id


def post_message(user, room, body, client_id=""):
    """Save a message and broadcast it once saved. Returns (message, created).

    A resend with a `client_id` already stored for this person in this room
    returns the stored message (created=False) and broadcasts nothing again.
    """
    body = clean_body(body)
    client_id = clean_client_id(client_id)
    if not can_access(user, room):
        raise ChatError("forbidden", _("This chat room is not open to you."))
    if client_id:
        existing = _stored(room, user, client_id)
        if existing is not None:
            return existing, False
    until = muted_until(user, room)
    if until is not None:
        raise ChatError(
            "muted",
            _("A moderator has muted you in this room until %(until)s.")
            % {"until": timezone.localtime(until).strftime("%d-%m-%Y %H:%M")},
        )
    check_rate(user)
    try:
        with transaction.atomic():
            previous_id = _lock_room(room)
            message = ChatMessage.objects.create(
                room=room, author=user, body=body, client_id=client_id
            )
            message.author = user
            broadcast(room, message_frame(message), previous_id=previous_id)
    except IntegrityError:
        # The same resend arrived twice at once; the other one was stored.
        existing = _stored(room, user, client_id)
        if existing is None:
            raise
        return existing, False
    mark_read(user, room, message.pk)
    return message, True


def _lock_room(room):
    """Take the room's write lock and return its newest message id (0 if none).

    One writer per room at a time, so a room's message ids are given and
    committed in the same order, and each broadcast can name the message
    before it: a socket that has not seen that one yet knows a broadcast from
    another process overtook it, and reads the gap from the database instead
    of losing it (found by `faults/test_chat_restart.py`). On SQLite writes are
    serialised anyway and the row lock is a no-op.
    """
    ChatRoom.objects.select_for_update(no_key=True).filter(pk=room.pk).values_list("pk").get()
    return newest_message_id(room)


def newest_message_id(room):
    """The id of the room's newest stored message (0 if none)."""
    newest = ChatMessage.objects.filter(room=room).order_by("-pk").values_list("pk").first()
    return newest[0] if newest else 0


def _stored(room, user, client_id):
    return (
        ChatMessage.objects.select_related("room", "author")
        .filter(room=room, author=user, client_id=client_id)
        .first()
    )


def message_frame(message):
    """The contract's message frame (DESIGN.md)."""
    return {
        "type": "message",
        "id": message.pk,
        "room": message.room.slug,
        "author": str(message.author),
        "body": message.body,
        "created": message.created.isoformat(),
        "client_id": message.client_id,
    }


def broadcast(room, frame, previous_id=None):
    """Send `frame` to everyone connected to `room`, once the data is committed.
    A new message's broadcast carries the id of the room's message before it."""
    event = {"type": "chat.frame", "frame": frame}
    if previous_id is not None:
        event["previous_id"] = previous_id

    def send():
        try:
            async_to_sync(get_channel_layer().group_send)(room.group_name, event)
        except (RedisError, OSError):
            # The message is stored; sockets are down with the channel layer
            # and get it by backfill (?after=) when they reconnect.
            logger.warning("Chat broadcast failed: channel layer unavailable", exc_info=True)

    transaction.on_commit(send)


# --- Reading ----------------------------------------------------------------


def history(room, before=None, limit=PAGE_SIZE):
    """The latest `limit` messages (older than `before`, if given), oldest first,
    and whether there are older ones."""
    messages = room.messages.shown().select_related("author").order_by("-id")
    if before is not None:
        messages = messages.filter(pk__lt=before)
    page = list(messages[: limit + 1])
    has_older = len(page) > limit
    page = page[:limit]
    page.reverse()
    return page, has_older


def messages_after(room, after):
    """Every shown message newer than `after`, in order: reconnect backfill."""
    return list(room.messages.shown().filter(pk__gt=after).select_related("author", "room"))


def messages_between(room, after, up_to):
    """Shown messages with `after` < id <= `up_to`, in id order: the gap a
    socket fills when a broadcast overtook an earlier one."""
    return list(
        room.messages.shown()
        .filter(pk__gt=after, pk__lte=up_to)
        .select_related("author", "room")
        .order_by("pk")
    )


def mark_read(user, room, last_id):
    """Move the person's read marker forward (never back)."""
    updated = ChatReadMarker.objects.filter(room=room, user=user, last_read_id__lt=last_id).update(
        last_read_id=last_id
    )
    if not updated:
        try:
            with transaction.atomic():
                ChatReadMarker.objects.get_or_create(
                    room=room, user=user, defaults={"last_read_id": last_id}
                )
        except IntegrityError:
            pass


def rooms_for(user):
    """The rooms a person may enter, each with `unread`: messages by others
    newer than their read marker. One query, whatever the number of rooms."""
    last_read = ChatReadMarker.objects.filter(room=OuterRef("pk"), user=user).values("last_read_id")
    return (
        ChatRoom.objects.visible_to(user)
        .select_related("community", "first_person", "second_person")
        .annotate(last_read=Coalesce(Subquery(last_read[:1]), 0))
        .annotate(
            unread=Count(
                "messages",
                filter=Q(
                    messages__pk__gt=F("last_read"),
                    messages__deleted_at__isnull=True,
                )
                & ~Q(messages__author=user),
            )
        )
        .order_by("kind", "name")
    )


# --- Moderation -------------------------------------------------------------


def delete_message(moderator, message):
    """Remove a message for everyone, live and in history; log it."""
    room = message.room
    check_moderator(moderator, room)
    if message.deleted_at is not None:
        return message
    with transaction.atomic():
        ChatModerationLog.objects.create(
            room=room,
            action=ChatModerationLog.Action.DELETE,
            moderator=moderator,
            target_id=message.author_id,
            message_id=message.pk,
            body=message.body,
        )
        message.deleted_at = timezone.now()
        message.body = ""
        message.save(update_fields=["deleted_at", "body"])
        broadcast(room, {"type": "deleted", "id": message.pk, "room": room.slug})
    return message


def mute(moderator, room, person, minutes):
    """Keep `person` from sending in `room` for `minutes`; log it."""
    check_moderator(moderator, room)
    if minutes not in dict(MUTE_CHOICES):
        raise ChatError("bad_duration", _("Choose how long the mute lasts."))
    if person == moderator or can_moderate(person, room):
        raise ChatError("cannot_mute", _("Moderators cannot be muted."))
    until = timezone.now() + timedelta(minutes=minutes)
    with transaction.atomic():
        ChatMute.objects.create(room=room, user=person, until=until, muted_by=moderator)
        ChatModerationLog.objects.create(
            room=room,
            action=ChatModerationLog.Action.MUTE,
            moderator=moderator,
            target=person,
            until=until,
        )
    return until


# --- Direct messages ------------------------------------------------------


def check_direct(user, other):
    if not getattr(user, "is_authenticated", False):
        raise ChatError("not_signed_in", _("Sign in to chat."))
    if other is None or other.pk == user.pk:
        raise ChatError("bad_person", _("Choose someone to write to."))
    communities = set(
        Membership.objects.active()
        .filter(user__in=[user, other])
        .values_list("user_id", "community_id")
    )
    mine = {community for person, community in communities if person == user.pk}
    theirs = {community for person, community in communities if person == other.pk}
    if not mine & theirs:
        raise ChatError(
            "not_same_community",
            _("Direct messages are between members of the same community."),
        )


def direct_room(user, other):
    """The one direct-message room of two members of the same community."""
    check_direct(user, other)
    first, second = sorted([user, other], key=lambda person: person.pk)
    try:
        with transaction.atomic():
            room, _created = ChatRoom.objects.get_or_create(
                kind=Kind.DIRECT,
                first_person=first,
                second_person=second,
                defaults={
                    "name": f"{first} · {second}"[:120],
                    "slug": f"pesan-{first.pk}-{second.pk}",
                },
            )
    except IntegrityError:
        room = ChatRoom.objects.get(kind=Kind.DIRECT, first_person=first, second_person=second)
    return room


def direct_candidates(user):
    """The people a member may start a direct conversation with."""
    from django.contrib.auth import get_user_model

    community = (
        Membership.objects.active().filter(user=user).values_list("community", flat=True).first()
    )
    if community is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(membership__community=community, membership__status="active")
        .exclude(pk=user.pk)
        .order_by("full_name")
    )


def in_language(user, function, *args, **kwargs):
    """Run `function` with the person's language active (for error messages)."""
    with translation.override(language_of(user)):
        return function(*args, **kwargs)
