"""Everything a member, officer or editor does in a course, one function each.

Views, the admin, the demo loader and tests all call these; each checks its
own rules and raises `CourseError` with a message for the person when a rule
says no, changing nothing. Notifications go out after commit.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.models import Membership
from community.roles import is_officer
from pusat.accounts.actions import notify
from pusat.accounts.roles import is_editor

from .models import (
    Certificate,
    CompetencyIndicator,
    CoursePage,
    Enrollment,
    Evidence,
    LessonPage,
    LessonProgress,
    QuizAttempt,
    SurveyResponse,
)

# Unambiguous characters only: a code is read aloud and typed from paper.
CERTIFICATE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
EVIDENCE_IMAGE_MAX_BYTES = 5 * 1024 * 1024


class CourseError(Exception):
    """A rule said no; the message is for the person, in their language."""


# --- Enrolment and lessons --------------------------------------------------


def enrol(user, course):
    enrollment, _created = Enrollment.objects.get_or_create(user=user, course=course)
    return enrollment


def complete_lesson(user, lesson):
    course = lesson.get_parent().specific
    enrol(user, course)
    try:
        with transaction.atomic():
            LessonProgress.objects.get_or_create(user=user, lesson=lesson, course=course)
    except IntegrityError:
        pass  # a double tap: the first one counted
    maybe_complete(user, course)


def done_lesson_ids(user, course):
    if not user.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(user=user, course=course).values_list("lesson_id", flat=True)
    )


def all_lessons_done(user, course):
    lesson_ids = set(LessonPage.objects.live().child_of(course).values_list("id", flat=True))
    return bool(lesson_ids) and lesson_ids <= done_lesson_ids(user, course)


# --- Tests --------------------------------------------------------------------


def questions(course, kind):
    stream = course.pre_test if kind == QuizAttempt.Kind.PRE else course.post_test
    return list(stream)


def correct_answer(block):
    """The correct answer's value as the form submits it."""
    if block.block_type == "true_false":
        return "true" if block.value["is_true"] else "false"
    for index, choice in enumerate(block.value["choices"]):
        if choice["correct"]:
            return str(index)
    return None


def grade(course, kind, answers):
    """Score `answers` ({block id: answer}); every question must be answered."""
    blocks = questions(course, kind)
    missing = [block.id for block in blocks if not answers.get(block.id)]
    if missing:
        raise CourseError(
            _("Answer every question before sending: %(count)s still empty.")
            % {"count": len(missing)}
        )
    correct = 0
    by_indicator = {}
    for block in blocks:
        right = answers[block.id] == correct_answer(block)
        correct += right
        code = block.value.get("indicator") or ""
        if code:
            tally = by_indicator.setdefault(code, [0, 0])
            tally[0] += right
            tally[1] += 1
    total = len(blocks)
    score = (correct * 100) // total if total else 0
    return correct, total, score, by_indicator


def pre_test_state(user, course):
    """'none' (course has no pre-test), 'todo', 'skipped' or 'done'."""
    if not course.pre_test:
        return "none"
    if QuizAttempt.objects.filter(user=user, course=course, kind="pre").exists():
        return "done"
    enrollment = Enrollment.objects.filter(user=user, course=course).first()
    if enrollment and enrollment.pre_test_skipped:
        return "skipped"
    return "todo"


def skip_pre_test(user, course):
    enrollment = enrol(user, course)
    enrollment.pre_test_skipped = True
    enrollment.save(update_fields=["pre_test_skipped"])


def check_can_take(user, course, kind):
    if kind == QuizAttempt.Kind.POST and not all_lessons_done(user, course):
        raise CourseError(_("The post-test opens when you have finished every lesson."))
    if not questions(course, kind):
        raise CourseError(_("This course has no such test."))


def submit_test(user, course, kind, answers, submission_key):
    """Record one attempt. The same submission key (a second tap) returns the
    first attempt instead of recording another."""
    existing = QuizAttempt.objects.filter(user=user, submission_key=submission_key).first()
    if existing:
        return existing
    check_can_take(user, course, kind)
    correct, total, score, by_indicator = grade(course, kind, answers)
    enrol(user, course)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=user,
                course=course,
                kind=kind,
                submission_key=submission_key,
                answers=answers,
                correct=correct,
                total=total,
                score=score,
                by_indicator=by_indicator,
                passed=kind == QuizAttempt.Kind.POST and score >= course.pass_mark,
            )
    except IntegrityError:
        return QuizAttempt.objects.get(user=user, submission_key=submission_key)
    if attempt.passed:
        maybe_complete(user, course)
    return attempt


def best_score(user, course, kind):
    attempts = QuizAttempt.objects.filter(user=user, course=course, kind=kind)
    return max((attempt.score for attempt in attempts), default=None)


def first_pre_score(user, course):
    attempt = QuizAttempt.objects.filter(user=user, course=course, kind="pre").first()
    return attempt.score if attempt else None


# --- Evidence -----------------------------------------------------------------


def submit_evidence(user, indicator, *, image=None, link="", text=""):
    """Submit or resubmit evidence for one indicator."""
    course = indicator.course
    current = Evidence.objects.filter(user=user, indicator=indicator).first()
    if current and current.status == Evidence.Status.APPROVED:
        raise CourseError(_("This evidence has already been approved; there is nothing to redo."))
    kind = indicator.evidence_kind
    if kind == CompetencyIndicator.EvidenceKind.IMAGE and not image:
        raise CourseError(_("Choose a screenshot or photo to send."))
    if kind == CompetencyIndicator.EvidenceKind.LINK and not link:
        raise CourseError(_("Fill in the link to your work."))
    if kind == CompetencyIndicator.EvidenceKind.TEXT and not text.strip():
        raise CourseError(_("Write your answer before sending."))
    enrol(user, course)
    evidence = current or Evidence(user=user, indicator=indicator, course=course)
    if evidence.image and image:
        evidence.image.delete(save=False)
    evidence.image = image or evidence.image
    evidence.link = link
    evidence.text = text.strip()
    evidence.status = Evidence.Status.SUBMITTED
    evidence.submitted_at = timezone.now()
    evidence.reviewed_at = None
    evidence.reviewed_by = None
    evidence.save()
    return evidence


def can_review(reviewer, member):
    """Editors review everyone; officers review their own community's members."""
    if not reviewer.is_authenticated or reviewer == member:
        return False
    if is_editor(reviewer):
        return True
    membership = Membership.objects.active().filter(user=member).first()
    return membership is not None and is_officer(reviewer, membership.community)


def reviewable_evidence(reviewer):
    """The queue: pending evidence this person may review, oldest first."""
    pending = Evidence.objects.pending().select_related("user", "indicator", "course")
    if is_editor(reviewer):
        return pending.exclude(user=reviewer)
    from community.roles import current_terms

    communities = current_terms(reviewer).values("community")
    members = Membership.objects.active().filter(community__in=communities).values("user")
    return pending.filter(user__in=members).exclude(user=reviewer)


def review_evidence(reviewer, evidence, *, approve, feedback=""):
    if not can_review(reviewer, evidence.user):
        raise CourseError(_("You may only review evidence of your own community's members."))
    if evidence.status != Evidence.Status.SUBMITTED:
        raise CourseError(_("This evidence has already been reviewed."))
    if not approve and not feedback.strip():
        raise CourseError(_("Tell the member what to improve when you return evidence."))
    evidence.status = Evidence.Status.APPROVED if approve else Evidence.Status.RETURNED
    evidence.feedback = feedback.strip()
    evidence.reviewed_by = reviewer
    evidence.reviewed_at = timezone.now()
    evidence.save(update_fields=["status", "feedback", "reviewed_by", "reviewed_at"])
    title = evidence.indicator.title
    url = evidence.course.url + "bukti/"
    if approve:
        notify(
            evidence.user,
            lambda: _("Your evidence for “%(indicator)s” was approved.") % {"indicator": title},
            url=url,
            email_subject=gettext_lazy("Your evidence was approved"),
        )
        maybe_complete(evidence.user, evidence.course)
    else:
        notify(
            evidence.user,
            lambda: (
                _("Your evidence for “%(indicator)s” needs improvement: %(feedback)s")
                % {"indicator": title, "feedback": evidence.feedback}
            ),
            url=url,
            email_subject=gettext_lazy("Your evidence needs improvement"),
        )
    return evidence


# --- Completion ----------------------------------------------------------------


def completion_status(user, course):
    """What is still missing before the certificate, as three booleans."""
    lessons = all_lessons_done(user, course)
    post_passed = QuizAttempt.objects.filter(
        user=user, course=course, kind="post", passed=True
    ).exists()
    indicator_ids = set(course.indicators.values_list("id", flat=True))
    approved = set(
        Evidence.objects.filter(
            user=user, course=course, status=Evidence.Status.APPROVED
        ).values_list("indicator_id", flat=True)
    )
    return {
        "lessons": lessons,
        "post_test": post_passed,
        "evidence": indicator_ids <= approved,
    }


def new_certificate_code():
    return "PKK-" + get_random_string(8, CERTIFICATE_ALPHABET)


def maybe_complete(user, course):
    """Issue the certificate when lessons, post-test and evidence are all done."""
    if Certificate.objects.filter(user=user, course=course).exists():
        return None
    if not all(completion_status(user, course).values()):
        return None
    now = timezone.now()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user,
                course=course,
                code=new_certificate_code(),
                member_name=user.full_name,
                course_title=course.title,
                issued_at=now,
            )
            Enrollment.objects.filter(user=user, course=course).update(completed_at=now)
    except IntegrityError:
        return Certificate.objects.get(user=user, course=course)
    course_title = course.title
    notify(
        user,
        lambda: (
            _("Congratulations! You completed “%(course)s” and earned a certificate.")
            % {"course": course_title}
        ),
        url=course.url + "sertifikat/",
        email_subject=gettext_lazy("Your certificate is ready"),
    )
    return certificate


def submit_survey(user, course, data):
    if not Certificate.objects.filter(user=user, course=course).exists():
        raise CourseError(_("The survey opens when you have completed the course."))
    response, _created = SurveyResponse.objects.update_or_create(
        user=user, course=course, defaults=data
    )
    return response


def published_courses():
    return CoursePage.objects.live().public().order_by("path")
