"""People: one account model for members, officers, editors and administrators.

Members sign in with their email address or their WhatsApp number; the
number is stored in E.164 form so both `0812…` and `+62812…` find it.
What a person may do comes from `roles.py`, never from fields typed here.
"""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class BusinessCategory(models.TextChoices):
    CULINARY = "kuliner", _("Culinary")
    CRAFTS = "kerajinan", _("Crafts")
    FASHION = "fesyen", _("Fashion / woven cloth")
    AGRICULTURE = "pertanian", _("Agriculture / plantation")
    SERVICES = "jasa", _("Services")
    OTHER = "lainnya", _("Other")


class TextSize(models.TextChoices):
    NORMAL = "normal", _("Normal")
    LARGE = "besar", _("Large")


class AccountManager(UserManager):
    """Accounts are keyed by email; there is no separate username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    # first_name/last_name stay because Wagtail's admin user forms use them;
    # `full_name` is the name people give us (many Indonesians have one name)
    # and the two are kept in step on save.
    username = None

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    full_name = models.CharField(_("full name"), max_length=120)
    phone = models.CharField(
        _("WhatsApp number"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stored in international form, e.g. +6281234567890."),
    )
    business_name = models.CharField(_("business name"), max_length=120, blank=True)
    business_category = models.CharField(
        _("business category"), max_length=20, choices=BusinessCategory.choices, blank=True
    )
    regency = models.CharField(_("regency / city"), max_length=80, blank=True)
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    text_size = models.CharField(
        _("text size"), max_length=10, choices=TextSize.choices, default=TextSize.NORMAL
    )
    # Set when the person deleted their account: the row stays as an
    # anonymous tombstone (see `deletion.py`).
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = AccountManager()

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        if self.deleted_at:
            return str(_("Deleted member"))
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        # The whole name: a first word is often a title or birth-order name
        # ("Ni", "I Wayan"), not what a person is called.
        return self.full_name or self.email

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_names = (
            instance.__dict__.get("full_name"),
            instance.__dict__.get("first_name"),
            instance.__dict__.get("last_name"),
        )
        return instance

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        loaded = getattr(self, "_loaded_names", (None, None, None))
        split_changed = (self.first_name, self.last_name) != loaded[1:]
        if not self.full_name or (split_changed and self.full_name == loaded[0]):
            # Edited through Wagtail's admin, which only knows first/last name.
            self.full_name = f"{self.first_name} {self.last_name}".strip()
        else:
            first, _sep, rest = self.full_name.strip().partition(" ")
            self.first_name, self.last_name = first[:150], rest[:150]
        super().save(*args, **kwargs)
        self._loaded_names = (self.full_name, self.first_name, self.last_name)


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something a person should know: shown on-site (a count in the header)
    and, where the sender asks, sent by email. Any app creates them through
    `pusat.accounts.actions.notify`."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(_("message"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.message
