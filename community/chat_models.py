"""Live chat: rooms, their messages, who has read what, mutes and the
moderation log.

Imported by `models.py`, so these are ordinary `community` models. Who may
enter which room is answered in one place, `ChatRoom.objects.visible_to`
(wrapped by `chat.can_access`), for the consumer, the pages and the tests.
The rules that change things (post, delete, mute) live in `chat.py`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class ChatRoomQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rooms `user` may read and write in: THE access rule.

        - members' room: active members and officers of its community, editors;
        - officers' room: the community's current officers only;
        - learning room: people enrolled in the course, editors;
        - programme room: every member of the centre, editors;
        - direct messages: the two people in it.
        """
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from pusat.accounts.roles import is_editor, is_member

        from .models import Membership, OfficerTerm

        Kind = ChatRoom.Kind
        member_of = Membership.objects.active().filter(user=user).values("community")
        officer_of = OfficerTerm.objects.current().filter(user=user).values("community")
        editor = is_editor(user)
        rule = Q(kind=Kind.MEMBERS, community__in=member_of)
        rule |= Q(kind=Kind.MEMBERS, community__in=officer_of)
        rule |= Q(kind=Kind.OFFICERS, community__in=officer_of)
        rule |= Q(kind=Kind.COURSE, course__enrollments__user=user)
        rule |= Q(kind=Kind.DIRECT, first_person=user) | Q(kind=Kind.DIRECT, second_person=user)
        if editor:
            rule |= Q(kind__in=[Kind.MEMBERS, Kind.COURSE, Kind.PROGRAMME])
        elif is_member(user):
            rule |= Q(kind=Kind.PROGRAMME)
        # The enrolment join can repeat a room; filter on ids instead.
        return self.filter(pk__in=ChatRoom.objects.filter(rule).values("pk"))


class ChatRoom(models.Model):
    class Kind(models.TextChoices):
        MEMBERS = "members", _("Members' room")
        OFFICERS = "officers", _("Officers' room")
        COURSE = "course", _("Learning room")
        PROGRAMME = "programme", _("Programme room")
        DIRECT = "direct", _("Direct messages")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The room's address: /obrolan/<slug>/."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    community = models.ForeignKey(
        "community.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="chat_rooms",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="chat_rooms",
    )
    # Direct messages: the two people, the lower id first.
    first_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    second_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = ChatRoomQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("chat room")
        verbose_name_plural = _("chat rooms")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "kind"],
                condition=Q(kind__in=["members", "officers"]),
                name="community_chatroom_one_per_community_kind",
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(kind="course"),
                name="community_chatroom_one_per_course",
            ),
            models.UniqueConstraint(
                fields=["first_person", "second_person"],
                condition=Q(kind="direct"),
                name="community_chatroom_one_per_pair",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("chat:room", args=[self.slug])

    @property
    def group_name(self):
        # Channel layer group names allow ASCII letters, digits, "-", "_" and ".".
        return f"chat.{self.pk}"

    def title_for(self, user):
        """Direct messages are named after the other person."""
        if self.kind == self.Kind.DIRECT:
            other = self.second_person if self.first_person_id == user.pk else self.first_person
            return str(other) if other is not None else self.name
        return self.name


class ChatMessageQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(deleted_at__isnull=True)


class ChatMessage(models.Model):
    """One message, stored as typed (escaped when shown).

    `client_id` is the sender's own id for the message; a resend after a
    dropped connection carries the same one and finds the stored row.
    """

    room = models.ForeignKey(
        ChatRoom, verbose_name=_("room"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="chat_messages",
    )
    body = models.TextField(_("message"))
    client_id = models.CharField(_("client id"), max_length=64, blank=True)
    created = models.DateTimeField(_("sent at"), default=timezone.now)
    # A deleted message keeps its row (so a late resend is still recognised),
    # loses its text, and disappears from history; the text is in the log.
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    objects = ChatMessageQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        indexes = [models.Index(fields=["room", "id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "author", "client_id"],
                condition=~Q(client_id=""),
                name="community_chatmessage_client_id_once",
            )
        ]

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"


class ChatReadMarker(models.Model):
    """The last message a person has seen in a room; unread = newer than it."""

    room = models.ForeignKey(ChatRoom, on_delete=models.CASCADE, related_name="read_markers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_read_markers"
    )
    last_read_id = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "user"], name="community_chatreadmarker_once")
        ]

    def __str__(self):
        return f"{self.user} — {self.room}: {self.last_read_id}"


class ChatMuteQuerySet(models.QuerySet):
    def in_force(self, at=None):
        return self.filter(until__gt=at or timezone.now())


class ChatMute(models.Model):
    room = models.ForeignKey(
        ChatRoom, verbose_name=_("room"), on_delete=models.CASCADE, related_name="mutes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("muted person"),
        on_delete=models.CASCADE,
        related_name="chat_mutes",
    )
    until = models.DateTimeField(_("muted until"))
    muted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("muted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = ChatMuteQuerySet.as_manager()

    class Meta:
        verbose_name = _("chat mute")
        verbose_name_plural = _("chat mutes")

    def __str__(self):
        return f"{self.user} — {self.room}"


class ChatModerationLog(models.Model):
    class Action(models.TextChoices):
        DELETE = "delete", _("Message deleted")
        MUTE = "mute", _("Member muted")

    room = models.ForeignKey(
        ChatRoom, verbose_name=_("room"), on_delete=models.CASCADE, related_name="moderation_log"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message_id = models.BigIntegerField(_("message id"), null=True, blank=True)
    body = models.TextField(_("deleted text"), blank=True)
    until = models.DateTimeField(_("muted until"), null=True, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("chat moderation entry")
        verbose_name_plural = _("chat moderation log")

    def __str__(self):
        return f"{self.get_action_display()} — {self.room}"


# --- Rooms that exist by themselves -----------------------------------------


def ensure_community_rooms(community):
    """Every community has a members' room and an officers' room."""
    # Room names are data, written once in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        _create_community_rooms(community)


def _create_community_rooms(community):
    for kind, suffix, label in [
        (ChatRoom.Kind.MEMBERS, "anggota", _("Members of %(community)s")),
        (ChatRoom.Kind.OFFICERS, "pengurus", _("Officers of %(community)s")),
    ]:
        ChatRoom.objects.get_or_create(
            community=community,
            kind=kind,
            defaults={
                "name": str(label) % {"community": community.name},
                "slug": f"{community.slug}-{suffix}"[:120],
            },
        )


def ensure_course_room(course):
    """Every course has a learning room for the people enrolled in it."""
    with translation.override(settings.LANGUAGE_CODE):
        name = str(_("Learning: %(course)s") % {"course": course.title})[:120]
    ChatRoom.objects.get_or_create(
        course=course,
        kind=ChatRoom.Kind.COURSE,
        defaults={
            "name": name,
            "slug": f"kursus-{course.slug}-{course.pk}"[:120],
        },
    )


@receiver(post_save, sender="community.Community", dispatch_uid="chat_community_rooms")
def _community_rooms(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_community_rooms(instance)


@receiver(post_save, sender="courses.CoursePage", dispatch_uid="chat_course_room")
def _course_room(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_course_room(instance)
