"""The officers' dashboard: one community's numbers, for the page and the CSV.

Pure functions over the database, like `courses/reports.py`, whose member
query and stage ladder they reuse. The whole dashboard costs six queries
however many members, courses, events or proposals the community has: the
counting and averaging happen in SQL (grouped aggregates and subqueries),
never row by row.

The pre/post gain follows the course reports: for each member and course, the
*first* pre-test against the *best* post-test, counted only where both exist.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import reports
from courses.admin_views import defuse_formula
from courses.models import Enrollment, QuizAttempt, Stage
from pusat import pagecache

from . import proposals
from .models import Community, Event, Membership, Proposal, Rsvp

# The most recent past events and the best-supported open proposals shown;
# the totals always cover all of them.
EVENT_LIMIT = 12
PROPOSAL_LIMIT = 10
# Events end with the clock alone: computed numbers are kept at most this long.
CACHE_SECONDS = 5 * 60


def _rounded(value):
    return None if value is None else round(value, 1)


@dataclass(frozen=True)
class StageBar:
    stage: Stage
    count: int
    # Share of the community's members, 0–100: the bar's length.
    percent: int

    @property
    def label(self):
        return self.stage.label


@dataclass(frozen=True)
class CourseNumbers:
    course_id: int
    title: str
    enrolled: int
    completed: int
    avg_pre: float | None
    avg_post: float | None
    avg_gain: float | None
    # Members with both a pre-test and a post-test: the gain's sample size.
    gain_members: int


@dataclass(frozen=True)
class Dashboard:
    community: Community
    generated_at: datetime
    member_count: int
    stages: list
    members_completed: int
    courses: list
    completions: int
    average_gain: float | None
    gain_members: int
    events: list
    events_held: int
    attendances: int
    average_attendance: float | None
    proposal_counts: list
    open_count: int
    open_proposals: list


# --- The parts ----------------------------------------------------------------


def stage_bars(community):
    """(bars for every stage in order, member count, members with a completed
    course), from one query over the community's active members."""
    users = reports.members().filter(
        membership__community=community, membership__status=Membership.Status.ACTIVE
    )
    rows = reports.member_rows(users)
    counts = Counter(row.stage for row in rows)
    total = len(rows)
    bars = [
        StageBar(
            stage=stage,
            count=counts[stage],
            percent=round(counts[stage] * 100 / total) if total else 0,
        )
        for stage in Stage
    ]
    completed = sum(1 for row in rows if row.courses_completed)
    return bars, total, completed


def course_numbers(community):
    """One `CourseNumbers` per course the community's members enrolled in, in
    the course tree's order, plus the gain totals (sum, sample size); one
    grouped query."""
    same_member = {"user": OuterRef("user_id"), "course": OuterRef("course_id")}
    attempts = QuizAttempt.objects.filter(**same_member)
    first_pre = attempts.filter(kind=QuizAttempt.Kind.PRE).order_by("created_at", "pk")
    best_post = attempts.filter(kind=QuizAttempt.Kind.POST).order_by("-score")
    gain = F("best_post") - F("first_pre")
    rows = (
        Enrollment.objects.filter(
            user__membership__community=community,
            user__membership__status=Membership.Status.ACTIVE,
        )
        .annotate(
            first_pre=Subquery(first_pre.values("score")[:1]),
            best_post=Subquery(best_post.values("score")[:1]),
        )
        .values("course_id", "course__title", "course__path")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            avg_pre=Avg("first_pre"),
            avg_post=Avg("best_post"),
            # NULL when either test is missing; AVG and SUM skip NULLs.
            avg_gain=Avg(gain),
            gain_sum=Sum(gain),
            gain_members=Count("pk", filter=Q(first_pre__isnull=False, best_post__isnull=False)),
        )
        .order_by("course__path")
    )
    courses = []
    gain_sum = gain_members = 0
    for row in rows:
        gain_sum += row["gain_sum"] or 0
        gain_members += row["gain_members"]
        courses.append(
            CourseNumbers(
                course_id=row["course_id"],
                title=row["course__title"],
                enrolled=row["enrolled"],
                completed=row["completed"],
                avg_pre=_rounded(row["avg_pre"]),
                avg_post=_rounded(row["avg_post"]),
                avg_gain=_rounded(row["avg_gain"]),
                gain_members=row["gain_members"],
            )
        )
    return courses, gain_sum, gain_members


def past_events(community, now=None):
    """(the latest published events that have ended, each with `said_yes` and
    `attended_count`; totals over all of them), two queries."""
    held = Event.objects.filter(community=community).published().past(now)
    events = list(
        held.annotate(
            said_yes=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.ATTENDING)),
            attended_count=Count("rsvps", filter=Q(rsvps__attended=True)),
        )[:EVENT_LIMIT]
    )
    totals = held.order_by().aggregate(
        events_held=Count("pk", distinct=True),
        attendances=Count("rsvps", filter=Q(rsvps__attended=True)),
    )
    return events, totals


def proposal_numbers(community):
    """(count per status in the model's order, open count, the best-supported
    open proposals), two queries."""
    found = dict(
        Proposal.objects.filter(community=community)
        .values_list("status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = [(status, found.get(status, 0)) for status in Proposal.Status]
    open_count = sum(found.get(status, 0) for status in proposals.OPEN_STATUSES)
    top = list(proposals.listed(community, None)[:PROPOSAL_LIMIT])
    return counts, open_count, top


def cached_build(community):
    """`build(community)` as it was at most `CACHE_SECONDS` ago and after the
    last change anywhere (see pusat/pagecache.py): the page says when its
    numbers were computed. Counting every member's courses grows with the
    community; reading the stored numbers does not."""
    return pagecache.cached(
        "dashboard", lambda: build(community), community.pk, seconds=CACHE_SECONDS
    )


def build(community, now=None):
    """Everything the dashboard shows for `community`."""
    now = now or timezone.now()
    bars, member_count, members_completed = stage_bars(community)
    courses, gain_sum, gain_members = course_numbers(community)
    events, event_totals = past_events(community, now)
    counts, open_count, top = proposal_numbers(community)
    held = event_totals["events_held"]
    return Dashboard(
        community=community,
        generated_at=now,
        member_count=member_count,
        stages=bars,
        members_completed=members_completed,
        courses=courses,
        completions=sum(course.completed for course in courses),
        average_gain=_rounded(gain_sum / gain_members) if gain_members else None,
        gain_members=gain_members,
        events=events,
        events_held=held,
        attendances=event_totals["attendances"],
        average_attendance=_rounded(event_totals["attendances"] / held) if held else None,
        proposal_counts=counts,
        open_count=open_count,
        open_proposals=top,
    )


# --- CSV ----------------------------------------------------------------------


def csv_rows(board):
    """The dashboard as rows of (section, item, measure, value), with a header:
    one long table a spreadsheet can filter and pivot. Empty averages are empty
    cells; text that people typed cannot start a formula."""

    def text(value):
        return defuse_formula(str(value))

    def number(value):
        return "" if value is None else value

    rows = [[_("Section"), _("Item"), _("Measure"), _("Value")]]
    add = rows.append
    members = _("Members")
    add([_("Community"), text(board.community.name), _("Active members"), board.member_count])
    for bar in board.stages:
        add([_("e-UMKM stage"), str(bar.label), members, bar.count])

    section = _("Courses")
    for course in board.courses:
        title = text(course.title)
        add([section, title, _("Enrolled"), course.enrolled])
        add([section, title, _("Completed"), course.completed])
        add([section, title, _("Average pre-test score"), number(course.avg_pre)])
        add([section, title, _("Average post-test score"), number(course.avg_post)])
        add([section, title, _("Average gain (points)"), number(course.avg_gain)])
        add([section, title, _("Members with both tests"), course.gain_members])
    every_course = _("All courses")
    add([section, every_course, _("Completed"), board.completions])
    add([section, every_course, _("Members with a completed course"), board.members_completed])
    add([section, every_course, _("Average gain (points)"), number(board.average_gain)])
    add([section, every_course, _("Members with both tests"), board.gain_members])

    section = _("Events")
    for event in board.events:
        item = text(f"{event.local_starts_at:%Y-%m-%d} {event.title}")
        add([section, item, _("Said they would attend"), event.said_yes])
        add([section, item, _("Attended"), event.attended_count])
    every_event = _("All past events")
    add([section, every_event, _("Events held"), board.events_held])
    add([section, every_event, _("Attendances"), board.attendances])
    add([section, every_event, _("Average attendance per event"), number(board.average_attendance)])

    section = _("Proposals")
    for status, count in board.proposal_counts:
        add([section, str(status.label), _("Proposals"), count])
    add([section, _("Open"), _("Proposals"), board.open_count])
    for proposal in board.open_proposals:
        add([_("Open proposals"), text(proposal.title), _("Supporters"), proposal.support_count])
    return rows
