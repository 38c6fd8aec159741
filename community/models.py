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

    objects = OfficerTermQuerySet.as_manager()

    class Meta:
        ordering = ["community", "role", "-starts_on"]
        verbose_name = _("officer term")
        verbose_name_plural = _("officer terms")
        indexes = [models.Index(fields=["user", "starts_on", "ends_on"])]

    def __str__(self):
        return f"{self.get_role_display()} {self.community}: {self.user}"
