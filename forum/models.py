"""The forum: categories, threads, posts and what grows around them.

A thread is a title plus its posts; the first post is the question or the
opening text, the rest are replies. Counters that lists show (posts in a
thread, the last activity) are kept on the thread by `actions.py`, so a list
of threads never counts rows. Who may read, post or moderate is decided in
`actions.py`; these models only hold the facts.

Neighbours: `ThreadRead` (unread markers), `ThreadFollow` (notifications),
`Reaction`, `Attachment` (Wagtail images), and the moderation records
`Report`, `Suspension` and `ModerationLog`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string

from pusat.admin_forms import SafeAdminModelForm


class CategoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public categories, plus the restricted ones `user` belongs to."""
        from .actions import visible_category_filter

        return self.filter(visible_category_filter(user))


class Category(models.Model):
    """A place for one kind of conversation, optionally for one community only."""

    base_form_class = SafeAdminModelForm  # the admin refuses a damaged post, not a 500

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), max_length=500, blank=True)
    community = models.ForeignKey(
        "community.Community",
        verbose_name=_("only for members of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forum_categories",
        help_text=_("Leave empty for a public category everyone can read."),
    )
    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_category",
        help_text=_("Set automatically for a course's discussion category."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forum:category", args=[self.slug])


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user, moderator=False):
        threads = self.filter(category__in=Category.objects.visible_to(user))
        if not moderator:
            threads = threads.filter(is_hidden=False)
        return threads

    def listed(self):
        """Pinned first, then the most recently active."""
        return self.select_related("author", "last_post_author").order_by(
            "-is_pinned", "-last_post_at", "-pk"
        )


class Thread(models.Model):
    class Kind(models.TextChoices):
        DISCUSSION = "diskusi", _("Discussion")
        QUESTION = "tanya", _("Question")

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="threads"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="forum_threads",
    )
    title = models.CharField(_("title"), max_length=150)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DISCUSSION)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    solution = models.ForeignKey(
        "Post",
        verbose_name=_("solution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept by actions.refresh_thread: what the lists show without counting.
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    last_post_at = models.DateTimeField(_("last post at"), default=timezone.now)
    last_post_pk = models.PositiveBigIntegerField(default=0, editable=False)
    last_post_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-last_post_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(fields=["category", "is_hidden", "-is_pinned", "-last_post_at"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:thread", args=[self.pk])

    @property
    def is_question(self):
        return self.kind == self.Kind.QUESTION


class PostQuerySet(models.QuerySet):
    def shown(self):
        """Posts everyone sees: not hidden by a moderator, not deleted."""
        return self.filter(is_hidden=False, deleted_at__isnull=True)


class Post(models.Model):
    """One message in a thread. The Markdown the author wrote is kept, and the
    sanitised HTML made from it once, when it is saved."""

    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="forum_posts",
    )
    body = models.TextField(_("text"), max_length=10000)
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["thread", "id"])]

    def __str__(self):
        return f"{self.author} · {self.thread}"

    def get_absolute_url(self):
        return reverse("forum:post", args=[self.pk])

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class Attachment(models.Model):
    """A photo on a post, stored as a Wagtail image after `checked_image`."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    image = models.ForeignKey(
        get_image_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return f"{self.post} · {self.image}"


class Reaction(models.Model):
    class Kind(models.TextChoices):
        THANKS = "terima-kasih", _("Thanks")
        HELPFUL = "membantu", _("Helpful")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="forum_one_reaction_each")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.post}"


class ThreadFollow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="forum_follow_once")]

    def __str__(self):
        return f"{self.user} → {self.thread}"


class ThreadRead(models.Model):
    """How far a person has read a thread: the newest post id they saw."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read_post_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="forum_read_once")]

    def __str__(self):
        return f"{self.user} · {self.thread} · {self.last_read_post_id}"


class ForumProfile(models.Model):
    """A person's forum settings: the @handle others mention, and how often
    forum news may come by email."""

    class EmailFrequency(models.TextChoices):
        EACH = "setiap", _("Each time")
        DAILY = "harian", _("A daily digest")
        NONE = "tidak", _("Never")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_profile"
    )
    handle = models.SlugField(_("mention name"), max_length=60, unique=True)
    email_frequency = models.CharField(
        _("forum email"),
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.EACH,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("forum profile")
        verbose_name_plural = _("forum profiles")

    def __str__(self):
        return f"@{self.handle}"


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """A member's report of a post; one per person per post."""

    class Resolution(models.TextChoices):
        HIDDEN = "disembunyikan", _("Post hidden")
        DISMISSED = "ditolak", _("No action needed")

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.CharField(
        _("resolution"), max_length=20, choices=Resolution.choices, blank=True
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="forum_report_once")
        ]

    def __str__(self):
        return f"{self.post} · {self.reason[:40]}"


class SuspensionQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at)


class Suspension(models.Model):
    """A period in which a person may read but not post."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="forum_suspensions",
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    ends_at = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self):
        return f"{self.user} · {self.ends_at:%Y-%m-%d}"


class ModerationLog(models.Model):
    """Every moderation action: who, what, on which thread, post or person, why."""

    class Action(models.TextChoices):
        PIN = "pin", _("Pinned")
        UNPIN = "unpin", _("Unpinned")
        LOCK = "lock", _("Locked")
        UNLOCK = "unlock", _("Unlocked")
        MOVE = "move", _("Moved")
        HIDE_THREAD = "hide-thread", _("Thread hidden")
        UNHIDE_THREAD = "unhide-thread", _("Thread shown again")
        HIDE_POST = "hide-post", _("Post hidden")
        UNHIDE_POST = "unhide-post", _("Post shown again")
        SUSPEND = "suspend", _("Member suspended")
        RESOLVE_REPORT = "resolve", _("Report resolved")
        MARK_SOLUTION = "solution", _("Solution marked")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), null=True, blank=True, on_delete=models.SET_NULL
    )
    post = models.ForeignKey(
        Post, verbose_name=_("post"), null=True, blank=True, on_delete=models.SET_NULL
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self):
        return f"{self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"
