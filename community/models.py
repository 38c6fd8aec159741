"""e-UMKM communities, their members and their officers' terms.

This is the foundation the community issue builds on: a community, who
belongs to it, and who holds which office for which period. Officer rights
are read from terms (see `roles.py`), never from a flag on the account.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Community(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    regency = models.CharField(_("regency / city"), max_length=80)
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    agreement_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed agreement (surat kesepakatan)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)


class Membership(models.Model):
    """A person's place in one community; each person belongs to at most one."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Member")
        DECLINED = "declined", _("Declined")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="membership",
    )
    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=1000)
    motivation = models.TextField(_("why I want to join"), blank=True, max_length=1000)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} — {self.community}"


class OfficerTermQuerySet(models.QuerySet):
    def current(self, on=None):
        """Terms in force on a given day (today by default)."""
        day = on or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )


class OfficerTerm(models.Model):
    """One person holding one office in one community for a period."""

    class Role(models.TextChoices):
        CHAIR = "ketua", _("Chair (ketua)")
        VICE_CHAIR = "wakil_ketua", _("Vice chair (wakil ketua)")
        SECRETARY = "sekretaris", _("Secretary (sekretaris)")
        TREASURER = "bendahara", _("Treasurer (bendahara)")

    class Source(models.TextChoices):
        ELECTION = "election", _("Election")
        BOOTSTRAP = "bootstrap", _("Recorded by an administrator (first board)")

    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="terms"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.CASCADE,
        related_name="officer_terms",
    )
    role = models.CharField(_("office"), max_length=20, choices=Role.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.ELECTION
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    election = models.ForeignKey(
        "community.Election",
        verbose_name=_("election"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="terms",
    )

    objects = OfficerTermQuerySet.as_manager()

    class Meta:
        ordering = ["community", "role", "-starts_on"]
        verbose_name = _("officer term")
        verbose_name_plural = _("officer terms")
        indexes = [models.Index(fields=["user", "starts_on", "ends_on"])]

    def __str__(self):
        return f"{self.get_role_display()} {self.community}: {self.user}"


# --- Elections ----------------------------------------------------------------


class ElectionQuerySet(models.QuerySet):
    def voting_open(self, at=None):
        moment = at or timezone.now()
        return self.filter(
            voting_opens_at__lte=moment, voting_closes_at__gt=moment, cancelled_at__isnull=True
        )


class Election(models.Model):
    """Choosing a community's board, by majority vote or by consensus.

    The phases follow from the dates: nomination, then voting (majority) or
    deliberation (consensus), then closing and installation. What may be done
    when is decided in `elections.py`, never in views.
    """

    class Method(models.TextChoices):
        MAJORITY = "majority", _("Majority vote (suara terbanyak)")
        CONSENSUS = "consensus", _("Consensus (musyawarah mufakat)")

    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="elections"
    )
    title = models.CharField(_("title"), max_length=150)
    method = models.CharField(
        _("method"), max_length=10, choices=Method.choices, default=Method.MAJORITY
    )
    nomination_opens_at = models.DateTimeField(_("nomination opens"))
    nomination_closes_at = models.DateTimeField(_("nomination closes"))
    voting_opens_at = models.DateTimeField(_("voting opens"))
    voting_closes_at = models.DateTimeField(_("voting closes"))
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (% of members)"),
        default=50,
        help_text=_("The share of eligible members who must take part for the result to count."),
    )
    term_years = models.PositiveSmallIntegerField(_("term length (years)"), default=3)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Set when voting opens (frozen electorate) and at each later step.
    electorate_frozen_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    installed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    agreement_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed agreement (surat kesepakatan)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ElectionQuerySet.as_manager()

    class Meta:
        ordering = ["-voting_opens_at"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self):
        return self.title


class Position(models.Model):
    """One office to fill in an election."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="positions")
    role = models.CharField(_("office"), max_length=20, choices=OfficerTerm.Role.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["election", "role"], name="community_position_unique")
        ]

    def __str__(self):
        return f"{self.get_role_display()} — {self.election}"


class Nomination(models.Model):
    """A member put forward for a position; they stand only once they accept."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="nominations")
    nominee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nominations"
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    statement = models.TextField(_("short statement"), blank=True, max_length=1000)
    programme = models.TextField(_("programme"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["position", "nominee"], name="community_nomination_unique"
            )
        ]

    def __str__(self):
        return f"{self.nominee} — {self.position}"

    @property
    def is_candidate(self):
        return self.accepted_at is not None and self.declined_at is None


class EligibleVoter(models.Model):
    """The electorate, frozen when voting opens and published with the results."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="electorate")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "user"], name="community_eligible_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.election}"


class Participation(models.Model):
    """That a member voted for a position — never what they chose.

    Kept apart from `Ballot` so the ballot box cannot be linked to voters; the
    unique constraint is what makes a second, simultaneous vote fail.
    """

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # A day, not a moment: a timestamp could be matched against the ballots.
    voted_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["position", "user"], name="community_one_vote_per_position"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.position}"


def random_ballot_id():
    import uuid

    return uuid.uuid4()


class Ballot(models.Model):
    """One anonymous vote. A random id and no time or voter: row order and ids
    reveal nothing. `receipt_hash` lets the voter check it was counted."""

    id = models.UUIDField(primary_key=True, default=random_ballot_id, editable=False)
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="ballots")
    choice = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="+")
    receipt_hash = models.CharField(max_length=64, unique=True)

    def __str__(self):
        # Nothing about the choice: a ballot printed in a log stays secret.
        return f"ballot — {self.position}"


class TieBreak(models.Model):
    """How a tied position was decided: a recorded run-off or consensus."""

    class Method(models.TextChoices):
        RUNOFF = "runoff", _("Run-off vote")
        CONSENSUS = "consensus", _("Consensus")

    position = models.OneToOneField(Position, on_delete=models.CASCADE, related_name="tie_break")
    method = models.CharField(max_length=10, choices=Method.choices)
    winner = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="+")
    account = models.TextField(_("how it was decided"), max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.position}: {self.winner}"


class ConsensusDecision(models.Model):
    """The agreed holder of a position in a consensus election."""

    position = models.OneToOneField(Position, on_delete=models.CASCADE, related_name="consensus")
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    account = models.TextField(_("account of the deliberation"), max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.position}: {self.holder}"


class ConsensusAttendance(models.Model):
    """Who attended the deliberation; each member confirms they were there."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "user"], name="community_attendance_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.election}"


class AuditEntry(models.Model):
    """Every election action, readable by officers and members. A vote is
    logged as "cast", with the voter and position but never the choice."""

    class Action(models.TextChoices):
        CREATED = "created", _("Election created")
        WINDOW_CHANGED = "window_changed", _("Dates changed")
        NOMINATED = "nominated", _("Nomination")
        ACCEPTED = "accepted", _("Nomination accepted")
        DECLINED = "declined", _("Nomination declined")
        VOTING_OPENED = "voting_opened", _("Voting opened; electorate frozen")
        VOTE_CAST = "vote_cast", _("Vote cast")
        CONSENSUS_RECORDED = "consensus_recorded", _("Consensus recorded")
        TIE_BROKEN = "tie_broken", _("Tie resolved")
        CLOSED = "closed", _("Closed and results published")
        INSTALLED = "installed", _("Board installed")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="audit")
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("election audit entry")
        verbose_name_plural = _("election audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} — {self.detail}"


# --- Events -------------------------------------------------------------------


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def visible_to(self, user):
        """What `user` may see on the agenda.

        Published public events for everyone; published events of their own
        community for its active members; drafts for that community's current
        officers; everything for administrators. Subqueries, not lookups, so
        the list costs the same number of queries for everyone.
        """
        from pusat.accounts.roles import is_administrator

        public = models.Q(published_at__isnull=False, is_public=True)
        if not getattr(user, "is_authenticated", False):
            return self.filter(public)
        if is_administrator(user):
            return self.all()
        member_of = Membership.objects.active().filter(user=user).values("community")
        officer_of = OfficerTerm.objects.current().filter(user=user).values("community")
        return self.filter(
            public
            | models.Q(published_at__isnull=False, community__in=member_of)
            | models.Q(community__in=officer_of)
        )

    def upcoming(self, at=None):
        """Not yet over (an event under way still counts), soonest first."""
        return self.filter(ends_at__gte=at or timezone.now()).order_by("starts_at", "pk")

    def past(self, at=None):
        return self.filter(ends_at__lt=at or timezone.now()).order_by("-starts_at", "-pk")


class Event(models.Model):
    """A meeting, training, advocacy session or fair on a community's agenda.

    Times are stored in UTC and always shown in the event's own zone (WIB,
    WITA or WIT), the one its members live in. An event is a draft, seen only
    by the community's officers, until `published_at` is set. Who may do what
    is decided in `events.py`; `Rsvp` holds the answers and the attendance.
    """

    class Kind(models.TextChoices):
        ADVOCACY = "advokasi", _("Advocacy (advokasi)")
        TRAINING = "bimtek", _("Technical training (bimtek / pelatihan)")
        MEETING = "pertemuan", _("Members' meeting (pertemuan anggota)")
        EXHIBITION = "pameran", _("Exhibition (pameran)")
        OTHER = "lainnya", _("Other")

    class TimeZone(models.TextChoices):
        # Indonesia's three zones have no daylight saving; Bali, Nusa Tenggara,
        # Sulawesi and East, South and North Kalimantan (Balikpapan) are WITA.
        WIB = "Asia/Jakarta", _("WIB (Sumatra, Java, West and Central Kalimantan)")
        WITA = "Asia/Makassar", _("WITA (Bali, Nusa Tenggara, Sulawesi, East Kalimantan)")
        WIT = "Asia/Jayapura", _("WIT (Maluku, Papua)")

    ZONE_ABBREVIATIONS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}

    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="events"
    )
    title = models.CharField(_("title"), max_length=150)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.MEETING)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"), max_length=20, choices=TimeZone.choices, default=TimeZone.WIB
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("How many people can attend. Leave empty if there is no limit."),
    )
    is_public = models.BooleanField(
        _("visible to the public"),
        default=False,
        help_text=_("Otherwise only members of the community see it."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Set in the same transaction as the reminders, so a rerun skips the event.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["community", "starts_at"]),
            models.Index(fields=["ends_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="community_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="community_event_capacity_positive",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("community:event_detail", args=[self.pk])

    @property
    def zone(self):
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.time_zone)

    @property
    def zone_label(self):
        return self.ZONE_ABBREVIATIONS.get(self.time_zone, self.time_zone)

    @property
    def local_starts_at(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def schedule(self):
        """When, the Indonesian way: "Sabtu, 6 Desember 2026, 09.00–12.00 WITA"."""
        from django.utils import dateformat
        from django.utils.translation import get_language

        # Indonesian writes times with a dot (09.00); English with a colon.
        clock = "H:i" if (get_language() or "").startswith("en") else "H.i"
        day = "l, j F Y"
        start, end = self.local_starts_at, self.local_ends_at
        if start.date() == end.date():
            text = f"{dateformat.format(start, f'{day}, {clock}')}–{dateformat.format(end, clock)}"
        else:
            text = (
                f"{dateformat.format(start, f'{day}, {clock}')} – "
                f"{dateformat.format(end, f'{day}, {clock}')}"
            )
        return f"{text} {self.zone_label}"

    @property
    def is_published(self):
        return self.published_at is not None

    def has_started(self, at=None):
        return self.starts_at <= (at or timezone.now())

    def has_ended(self, at=None):
        return self.ends_at < (at or timezone.now())


class Rsvp(models.Model):
    """A member's answer to an event and, afterwards, whether they came.

    `attended` stays empty until an officer records attendance. A member who
    came without answering gets a row with no answer, so minutes can list
    everyone who was there from this table alone.
    """

    class Answer(models.TextChoices):
        ATTENDING = "hadir", _("Attending (hadir)")
        NOT_ATTENDING = "tidak_hadir", _("Not attending (tidak hadir)")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="rsvps"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="event_rsvps",
    )
    answer = models.CharField(_("answer"), max_length=12, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendance recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendance_marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="community_rsvp_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.event}: {self.get_answer_display() or '—'}"


# --- Minutes -----------------------------------------------------------------------


class MinutesQuerySet(models.QuerySet):
    def published(self):
        return self.exclude(status=Minutes.Status.DRAFT)


class Minutes(models.Model):
    """Notulen: the record of a meeting, kept the way cooperatives keep their
    minute book, drafted by an officer and published to members or the public."""

    class Kind(models.TextChoices):
        BOARD = "pengurus", _("Board meeting (rapat pengurus)")
        MEMBERS = "anggota", _("Members' meeting (rapat anggota)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        MEMBERS = "members", _("Published to members")
        PUBLIC = "public", _("Published to the public")

    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="minutes"
    )
    event = models.ForeignKey(
        "community.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes",
    )
    kind = models.CharField(_("meeting kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_at = models.DateTimeField(_("held at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chaired by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("minutes taken by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attendees"), blank=True, related_name="+"
    )
    guests = models.PositiveSmallIntegerField(_("other attendees (not members)"), default=0)
    agenda = models.TextField(_("agenda"), max_length=4000)
    discussion = models.TextField(_("discussion"), blank=True, max_length=20000)
    decisions = models.TextField(_("decisions"), blank=True, max_length=8000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by the chair"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MinutesQuerySet.as_manager()

    class Meta:
        ordering = ["-held_at"]
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        indexes = [models.Index(fields=["community", "status", "held_at"])]

    def __str__(self):
        return self.title


class ActionItem(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="action_items")
    description = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description


class MinutesAttachment(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return str(self.document)


class MinutesVersion(models.Model):
    """The text as it was before an edit made after publication."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")
    snapshot = models.JSONField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-edited_at"]

    def __str__(self):
        return f"{self.minutes} @ {self.edited_at:%Y-%m-%d %H:%M}"


# --- Programme proposals ---------------------------------------------------------


class Proposal(models.Model):
    """Usulan program kerja: proposed by a member, supported by others,
    prioritised and followed up by the officers."""

    class Priority(models.TextChoices):
        PRIORITY = "prioritas", _("Priority")
        NON_PRIORITY = "non_prioritas", _("Not a priority")

    class Status(models.TextChoices):
        PROPOSED = "diusulkan", _("Proposed")
        ACCEPTED = "diterima", _("Accepted")
        REJECTED = "ditolak", _("Rejected")
        RUNNING = "berjalan", _("Running")
        DONE = "selesai", _("Done")

    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    created_at = models.DateTimeField(default=timezone.now)
    priority = models.CharField(_("priority"), max_length=15, choices=Priority.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    status_reason = models.TextField(_("reason"), blank=True, max_length=2000)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("programme proposal")
        verbose_name_plural = _("programme proposals")
        indexes = [models.Index(fields=["community", "status"])]

    def __str__(self):
        return self.title


class ProposalSupport(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="community_support_unique")
        ]

    def __str__(self):
        return f"{self.user} + {self.proposal}"


# Live chat has its own module; importing it here makes its models part of
# this app.
from .chat_models import (  # noqa: E402, F401
    ChatMessage,
    ChatModerationLog,
    ChatMute,
    ChatReadMarker,
    ChatRoom,
)
