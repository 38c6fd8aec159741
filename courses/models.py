"""The learning model: course pages, lessons, tests, indicators, and what
each member has done with them.

Editors write `CourseIndexPage` → `CoursePage` → `LessonPage` in the Wagtail
admin. A course carries its competency indicators (inline) and its pre-test
and post-test (StreamFields of questions). Everything a member does —
enrolling, finishing a lesson, a test attempt, evidence, the survey, the
certificate — is a plain model below, written only through `actions.py`.
A member's e-UMKM stage is computed in `stages.py`, never stored.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pusat.admin_forms import SafeAdminPageForm
from pusat.pagecache import CachedViewRestrictionsMixin

from .blocks import LessonStreamBlock, QuizStreamBlock


class Stage(models.TextChoices):
    """The e-UMKM stages, in order (DESIGN.md)."""

    PREPARATORY = "persiapan", _("Preparatory")
    PRESENCE = "presence", _("Presence")
    PORTAL = "portal", _("Portal")
    TRANSACTION = "transaksi", _("Transaction integration")
    AUTONOMY = "kemandirian", _("Autonomy")


STAGE_ORDER = [stage.value for stage in Stage]


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
    """`/kursus/`: every published course, with the member's progress."""

    base_form_class = SafeAdminPageForm  # a damaged post is refused, not a 500

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course index")

    def get_context(self, request, *args, **kwargs):
        from .views import course_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_index_context(self, request))
        return context


class CoursePage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """One self-paced course module; its lessons are its child pages.

    Its routes (`daftar/`, `pre-test/`, `post-test/`, `bukti/`, `survei/`,
    `sertifikat/`) are the member's actions on it, handled in `views.py`.
    """

    base_form_class = SafeAdminPageForm  # a damaged post is refused, not a 500

    class Level(models.TextChoices):
        BEGINNER = "pemula", _("Beginner")
        INTERMEDIATE = "menengah", _("Intermediate")

    summary = models.TextField(_("summary"), max_length=400)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(_("cover description"), max_length=200, blank=True)
    outcomes = RichTextField(
        _("learning outcomes"), features=["ul", "ol", "bold", "italic"], blank=True
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"), default=60, validators=[MinValueValidator(5)]
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default="pemula")
    stage = models.CharField(
        _("stage it leads to"),
        max_length=12,
        blank=True,
        choices=[
            (Stage.PRESENCE.value, Stage.PRESENCE.label),
            (Stage.PORTAL.value, Stage.PORTAL.label),
            (Stage.TRANSACTION.value, Stage.TRANSACTION.label),
        ],
        help_text=_("Leave empty for a course that leads to no stage."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("post-test pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    pre_test = StreamField(QuizStreamBlock(), blank=True, verbose_name=_("pre-test"))
    post_test = StreamField(QuizStreamBlock(), blank=True, verbose_name=_("post-test"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("cover"), FieldPanel("cover_alt")], heading=_("Cover")),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("level"),
                FieldPanel("stage"),
                FieldPanel("pass_mark"),
            ],
            heading=_("About the course"),
        ),
        InlinePanel("prerequisites", label=_("Prerequisite courses")),
        InlinePanel("indicators", label=_("Competency indicators"), min_num=1),
        FieldPanel("pre_test"),
        FieldPanel("post_test"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("outcomes"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        codes = {indicator.code for indicator in self.indicators.all()}
        for field in ("pre_test", "post_test"):
            for block in getattr(self, field):
                code = block.value.get("indicator")
                if code and code not in codes:
                    raise ValidationError(
                        {
                            field: _(
                                "Question “%(question)s” points to indicator code "
                                "“%(code)s”, which this course does not have."
                            )
                            % {"question": block.value.get("question"), "code": code}
                        }
                    )

    def get_context(self, request, *args, **kwargs):
        from .views import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(self, request))
        return context

    def lessons(self):
        return LessonPage.objects.live().child_of(self).order_by("path")

    @property
    def index_url(self):
        """The course index's address, taken from this page's own (no query)."""
        return self.url.rstrip("/").rsplit("/", 1)[0] + "/"

    @path("daftar/")
    def enrol_route(self, request):
        from . import views

        return views.enrol(request, self)

    @path("pre-test/")
    def pre_test_route(self, request):
        from . import views

        return views.take_test(request, self, QuizAttempt.Kind.PRE)

    @path("pre-test/lewati/")
    def skip_pre_test_route(self, request):
        from . import views

        return views.skip_pre_test(request, self)

    @path("post-test/")
    def post_test_route(self, request):
        from . import views

        return views.take_test(request, self, QuizAttempt.Kind.POST)

    @path("hasil/<int:attempt_id>/")
    def result_route(self, request, attempt_id):
        from . import views

        return views.test_result(request, self, attempt_id)

    @path("bukti/")
    @path("bukti/<slug:code>/")
    def evidence_route(self, request, code=None):
        from . import views

        return views.evidence(request, self, code)

    @path("survei/")
    def survey_route(self, request):
        from . import views

        return views.survey(request, self)

    @path("sertifikat/")
    def certificate_route(self, request):
        from . import views

        return views.my_certificate(request, self)

    @path("offline/")
    def offline_route(self, request):
        from . import offline

        return offline.course_manifest(request, self)

    @property
    def stage_label(self):
        return Stage(self.stage).label if self.stage else ""


class CoursePrerequisite(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisites")
    required = models.ForeignKey(
        CoursePage,
        verbose_name=_("required course"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")


class CompetencyIndicator(Orderable):
    """Something a member shows they can do, with evidence an officer checks."""

    class EvidenceKind(models.TextChoices):
        IMAGE = "image", _("Screenshot or photo")
        LINK = "link", _("Link")
        TEXT = "text", _("Short text")

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("A short name used by quiz questions and tasks, e.g. email-lampiran."),
    )
    title = models.CharField(_("indicator"), max_length=200)
    evidence_kind = models.CharField(
        _("what counts as evidence"), max_length=10, choices=EvidenceKind.choices
    )
    evidence_hint = models.CharField(
        _("what to submit"),
        max_length=300,
        help_text=_("Tell the member exactly what to send, e.g. a screenshot of the sent email."),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("evidence_kind"),
        FieldPanel("evidence_hint"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("competency indicator")
        verbose_name_plural = _("competency indicators")
        constraints = [
            models.UniqueConstraint(fields=["course", "code"], name="courses_indicator_code_unique")
        ]

    def __str__(self):
        return self.title


class LessonPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """One lesson: readable by anyone, progress for members."""

    base_form_class = SafeAdminPageForm  # a damaged post is refused, not a 500

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    minutes = models.PositiveIntegerField(_("reading time (minutes)"), default=10)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @cached_property
    def course(self):
        """The parent course, specific, in one query (get_parent().specific makes two)."""
        return CoursePage.objects.get(path=self.path[: -self.steplen])

    def get_context(self, request, *args, **kwargs):
        from .views import lesson_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_page_context(self, request))
        return context

    @path("")
    def lesson_route(self, request):
        from .actions import enrol

        # Opening a lesson while signed in enrols you (one tap less).
        if request.user.is_authenticated:
            enrol(request.user, self.course)
        return self.render(request)

    @path("selesai/")
    def complete_route(self, request):
        from . import views

        return views.complete_lesson(request, self)


# --- What members do -------------------------------------------------------


class EnrollmentQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrollments")
    enrolled_at = models.DateTimeField(default=timezone.now)
    pre_test_skipped = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="courses_enrollment_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.course}"


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="courses_progress_unique")
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user} ✓ {self.lesson}"


class QuizAttempt(models.Model):
    class Kind(models.TextChoices):
        PRE = "pre", _("Pre-test")
        POST = "post", _("Post-test")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="attempts")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    # The form's one-time key: a second tap on a slow network finds the first attempt.
    submission_key = models.CharField(max_length=64)
    answers = models.JSONField(default=dict)
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField(help_text="Percent, rounded down.")
    # {indicator code: [correct, total]} for the per-indicator gain.
    by_indicator = models.JSONField(default=dict)
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "submission_key"], name="courses_attempt_submission_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "course", "kind"])]

    def __str__(self):
        return f"{self.user} — {self.course} ({self.kind}): {self.score}"


def evidence_upload_path(instance, filename):
    # A random name: the member's file name may carry personal data.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"bukti/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


class EvidenceQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Evidence.Status.SUBMITTED)


class Evidence(models.Model):
    """A member's proof for one indicator. Resubmitting replaces a returned one."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for improvement")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence"
    )
    indicator = models.ForeignKey(
        CompetencyIndicator, on_delete=models.CASCADE, related_name="evidence"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    image = models.ImageField(_("image"), upload_to=evidence_upload_path, blank=True)
    link = models.URLField(_("link"), blank=True, max_length=500)
    text = models.TextField(_("text"), blank=True, max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    feedback = models.TextField(_("feedback"), blank=True, max_length=2000)
    submitted_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "indicator"], name="courses_evidence_unique")
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.user} — {self.indicator}"


class Certificate(models.Model):
    """Issued once per member and course when everything is done."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(max_length=20, unique=True)
    # Kept as issued: the certificate shows what was true on that day.
    member_name = models.CharField(max_length=120)
    course_title = models.CharField(max_length=255)
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="courses_certificate_unique")
        ]

    def __str__(self):
        return self.code


class SurveyResponse(models.Model):
    """The short satisfaction survey after a course (Likert 1–5)."""

    LIKERT = [(n, str(n)) for n in range(1, 6)]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_responses"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="surveys")
    clarity_material = models.PositiveSmallIntegerField(_("The material was clear"), choices=LIKERT)
    clarity_examples = models.PositiveSmallIntegerField(
        _("The examples were clear"), choices=LIKERT
    )
    usefulness = models.PositiveSmallIntegerField(
        _("The course is useful for my business"), choices=LIKERT
    )
    pace = models.PositiveSmallIntegerField(_("The pace suited me"), choices=LIKERT)
    comment = models.TextField(_("What should we improve?"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="courses_survey_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.course}"
