"""Numbers for the course reports in the Wagtail admin.

Pure functions over the database: they return plain rows, and `admin_views.py`
only lays them out as tables and CSV. Each report costs the same few queries
however many courses or members there are, because the counting and
averaging happen in SQL (grouped aggregates and subqueries), never row by row.

The pre/post gain compares, for each member who took both tests, their
*first* pre-test (what they knew before the course) with their *best*
post-test (retakes are allowed until they pass).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)

from community.models import Membership
from pusat.accounts.roles import MEMBER_GROUP

from .models import (
    Certificate,
    CoursePage,
    Enrollment,
    LessonProgress,
    QuizAttempt,
    Stage,
    SurveyResponse,
)
from .stages import COURSE_STAGES, stage_from

SURVEY_FIELDS = ["clarity_material", "clarity_examples", "usefulness", "pace"]


def _rounded(value):
    return None if value is None else round(value, 1)


# --- Per course ---------------------------------------------------------------


@dataclass(frozen=True)
class CourseRow:
    course_id: int
    title: str
    enrolled: int = 0
    in_progress: int = 0
    completed: int = 0
    avg_pre: float | None = None
    avg_post: float | None = None
    avg_gain: float | None = None
    # Members with both a pre-test and a post-test: the gain's sample size.
    gain_members: int = 0
    survey_responses: int = 0
    clarity_material: float | None = None
    clarity_examples: float | None = None
    usefulness: float | None = None
    pace: float | None = None


def _enrollment_stats(course_ids):
    """{course id: counts and score averages}, one grouped query."""
    same_member = {"user": OuterRef("user_id"), "course": OuterRef("course_id")}
    attempts = QuizAttempt.objects.filter(**same_member)
    first_pre = attempts.filter(kind=QuizAttempt.Kind.PRE).order_by("created_at", "pk")
    best_post = attempts.filter(kind=QuizAttempt.Kind.POST).order_by("-score")
    # Started = did anything beyond enrolling (opening a lesson enrols you).
    started = Exists(LessonProgress.objects.filter(**same_member)) | Exists(attempts)
    rows = (
        Enrollment.objects.filter(course_id__in=course_ids)
        .annotate(
            first_pre=Subquery(first_pre.values("score")[:1]),
            best_post=Subquery(best_post.values("score")[:1]),
            started=started,
        )
        .values("course_id")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            in_progress=Count("pk", filter=Q(completed_at__isnull=True, started=True)),
            avg_pre=Avg("first_pre"),
            avg_post=Avg("best_post"),
            # NULL when either test is missing, and AVG skips NULLs.
            avg_gain=Avg(F("best_post") - F("first_pre")),
            gain_members=Count("pk", filter=Q(first_pre__isnull=False, best_post__isnull=False)),
        )
        .order_by()
    )
    return {row.pop("course_id"): row for row in rows}


def _survey_stats(course_ids):
    """{course id: number of responses and the average of each question}."""
    rows = (
        SurveyResponse.objects.filter(course_id__in=course_ids)
        .values("course_id")
        .annotate(survey_responses=Count("pk"), **{name: Avg(name) for name in SURVEY_FIELDS})
        .order_by()
    )
    return {row.pop("course_id"): row for row in rows}


def course_rows(courses=None):
    """One `CourseRow` per course (all courses, drafts too, in tree order).

    Three queries: the courses, their enrolments, their surveys.
    """
    courses = CoursePage.objects.all() if courses is None else courses
    found = list(courses.order_by("path").values("pk", "title"))
    ids = [course["pk"] for course in found]
    enrolments = _enrollment_stats(ids)
    surveys = _survey_stats(ids)
    rows = []
    for course in found:
        numbers = {**enrolments.get(course["pk"], {}), **surveys.get(course["pk"], {})}
        for name in ["avg_pre", "avg_post", "avg_gain", *SURVEY_FIELDS]:
            numbers[name] = _rounded(numbers.get(name))
        rows.append(CourseRow(course_id=course["pk"], title=course["title"], **numbers))
    return rows


def course_row(course_id):
    """The `CourseRow` of one course, or None if there is no such course."""
    rows = course_rows(CoursePage.objects.filter(pk=course_id))
    return rows[0] if rows else None


def survey_responses(course_id):
    """A course's survey answers, newest first, as dicts (one lazy query).

    Without the member's name: the survey asks for honest criticism, and the
    people who read it do not need to know who wrote it.
    """
    return (
        SurveyResponse.objects.filter(course_id=course_id)
        .order_by("-created_at", "-pk")
        .values("pk", "created_at", *SURVEY_FIELDS, "comment")
    )


# --- Per member ---------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    user_id: int
    name: str
    email: str
    business_name: str
    community: str
    courses_enrolled: int
    courses_completed: int
    stage: Stage

    @property
    def stage_label(self):
        return self.stage.label


def _showcase_exists():
    """A live showcase owned by the member, when the showcase app has one."""
    try:
        showcase_page = apps.get_model("showcase", "ShowcasePage")
    except LookupError:
        return Value(False, output_field=BooleanField())
    return Exists(showcase_page.objects.live().filter(owner=OuterRef("pk")))


def members():
    """Every member (the "Anggota" group) with what their report row needs,
    ordered by name: one query, so it can be paginated or searched first."""
    certificates = Certificate.objects.filter(user=OuterRef("pk"))
    active = Membership.Status.ACTIVE
    return (
        get_user_model()
        .objects.filter(groups__name=MEMBER_GROUP)
        .only("pk", "full_name", "email", "business_name")
        .annotate(
            # Only an active membership counts; a pending request is not a community yet.
            community_name=Case(
                When(membership__status=active, then=F("membership__community__name")),
                default=Value(""),
            ),
            courses_enrolled=Count("enrollments", distinct=True),
            courses_completed=Count(
                "enrollments",
                filter=Q(enrollments__completed_at__isnull=False),
                distinct=True,
            ),
            active_member=Exists(Membership.objects.active().filter(user=OuterRef("pk"))),
            published_showcase=_showcase_exists(),
            **{
                f"done_{stage.value}": Exists(certificates.filter(course__stage=stage.value))
                for stage in COURSE_STAGES
            },
        )
        .order_by("full_name", "pk")
    )


def member_rows(users):
    """`MemberRow`s for users from `members()` (a page of them, or all)."""
    rows = []
    for user in users:
        done = {stage.value for stage in COURSE_STAGES if getattr(user, f"done_{stage.value}")}
        rows.append(
            MemberRow(
                user_id=user.pk,
                name=user.full_name,
                email=user.email,
                business_name=user.business_name,
                community=user.community_name,
                courses_enrolled=user.courses_enrolled,
                courses_completed=user.courses_completed,
                stage=stage_from(done, user.active_member and user.published_showcase),
            )
        )
    return rows
