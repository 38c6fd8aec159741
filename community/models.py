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
