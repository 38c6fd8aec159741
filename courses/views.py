"""Course views: thin wrappers around `actions.py`.

Page contexts (`*_context`) are called by the page models' `get_context`;
the routed views (`enrol`, `take_test`, …) are reached through the pages'
`RoutablePageMixin` routes, so their URLs read `/kursus/<course>/pre-test/`.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.roles import is_officer
from pusat.accounts.roles import is_editor
from pusat.media import protect

from . import actions
from .forms import EvidenceForm, ReviewForm, SurveyForm
from .models import (
    Certificate,
    CoursePage,
    Enrollment,
    Evidence,
    LessonPage,
    LessonProgress,
    QuizAttempt,
)
from .stages import stage_of

# --- Page contexts ----------------------------------------------------------


def lesson_count_subquery():
    lessons = (
        LessonPage.objects.live()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .values("depth")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Subquery(lessons, output_field=IntegerField())


def course_index_context(page, request):
    courses = list(
        CoursePage.objects.live()
        .public()
        .child_of(page)
        .order_by("path")
        .select_related("cover")
        .prefetch_related("cover__renditions")
        .annotate(lesson_count=lesson_count_subquery())
    )
    done = {}
    if request.user.is_authenticated:
        done = dict(
            LessonProgress.objects.filter(user=request.user, lesson__live=True)
            .values_list("course_id")
            .annotate(n=Count("id"))
        )
    for course in courses:
        course.lesson_count = course.lesson_count or 0
        course.done_count = done.get(course.pk, 0)
        course.percent = (
            (course.done_count * 100) // course.lesson_count if course.lesson_count else 0
        )
    return {"courses": courses}


def course_page_context(course, request):
    lessons = list(course.lessons())
    user = request.user
    context = {
        "lessons": lessons,
        "indicators": list(course.indicators.all()),
        "prerequisites": [
            p.required for p in course.prerequisites.select_related("required") if p.required.live
        ],
    }
    if not user.is_authenticated:
        return context
    done = actions.done_lesson_ids(user, course)
    for lesson in lessons:
        lesson.is_done = lesson.pk in done
    enrollment = Enrollment.objects.filter(user=user, course=course).first()
    evidence = {e.indicator_id: e for e in Evidence.objects.filter(user=user, course=course)}
    for indicator in context["indicators"]:
        indicator.my_evidence = evidence.get(indicator.pk)
    attempts = list(QuizAttempt.objects.filter(user=user, course=course))
    pre = [a for a in attempts if a.kind == "pre"]
    post = [a for a in attempts if a.kind == "post"]
    done_count = sum(1 for lesson in lessons if lesson.is_done)
    context.update(
        {
            "enrollment": enrollment,
            "done_count": done_count,
            "percent": (done_count * 100) // len(lessons) if lessons else 0,
            "next_lesson": next((lesson for lesson in lessons if not lesson.is_done), None),
            "pre_attempt": pre[0] if pre else None,
            "best_post": max(post, key=lambda a: a.score) if post else None,
            "pre_test_state": "done"
            if pre
            else ("skipped" if enrollment and enrollment.pre_test_skipped else "todo"),
            "post_test_open": bool(lessons) and done_count == len(lessons),
            "returned_count": sum(1 for e in evidence.values() if e.status == "returned"),
            "certificate": Certificate.objects.filter(user=user, course=course).first(),
        }
    )
    return context


def lesson_page_context(lesson, request):
    course = lesson.course
    siblings = list(course.lessons().only("id", "title", "url_path", "path"))
    position = next((i for i, s in enumerate(siblings) if s.pk == lesson.pk), 0)
    context = {
        "course": course,
        "siblings": siblings,
        "position": position + 1,
        "previous_lesson": siblings[position - 1] if position > 0 else None,
        "next_lesson": siblings[position + 1] if position + 1 < len(siblings) else None,
        "indicators": {i.code: i for i in course.indicators.all()},
    }
    if request.user.is_authenticated:
        done = actions.done_lesson_ids(request.user, course)
        context["is_done"] = lesson.pk in done
        context["done_count"] = len(done)
        context["pre_test_state"] = actions.pre_test_state(request.user, course)
    return context


# --- Routed views (called from the page models) ------------------------------


def _login_redirect(request):
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(request.get_full_path())


@require_POST
def enrol(request, course):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    actions.enrol(request.user, course)
    messages.success(request, _("You are enrolled. Good luck!"))
    return redirect(course.url)


@require_POST
def skip_pre_test(request, course):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    actions.skip_pre_test(request.user, course)
    first = course.lessons().first()
    messages.info(request, _("Fine — the pre-test will be offered again later."))
    return redirect(first.url if first else course.url)


def take_test(request, course, kind):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    try:
        actions.check_can_take(request.user, course, kind)
    except actions.CourseError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    blocks = actions.questions(course, kind)
    answers = {}
    error = None
    if request.method == "POST":
        answers = {block.id: request.POST.get(f"q-{block.id}", "") for block in blocks}
        try:
            attempt = actions.submit_test(
                request.user, course, kind, answers, request.POST.get("submission_key", "")[:64]
            )
        except actions.CourseError as exc:
            error = str(exc)
        else:
            return redirect(f"{course.url}hasil/{attempt.pk}/")
    return render(
        request,
        "courses/test.html",
        {
            "page": course,
            "course": course,
            "kind": kind,
            "questions": [
                {"block": block, "answer": answers.get(block.id, "")} for block in blocks
            ],
            "submission_key": request.POST.get("submission_key") or uuid.uuid4().hex,
            "error": error,
        },
        status=400 if error else 200,
    )


def test_result(request, course, attempt_id):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    attempt = get_object_or_404(QuizAttempt, pk=attempt_id, user=request.user, course=course)
    rows = []
    for block in actions.questions(course, attempt.kind):
        given = attempt.answers.get(block.id)
        if given is None:
            continue  # a question added after this attempt
        rows.append(
            {
                "block": block,
                "given": given,
                "correct": given == actions.correct_answer(block),
                "right_answer": actions.correct_answer(block),
            }
        )
    pre = actions.first_pre_score(request.user, course)
    gains = []
    if attempt.kind == "post":
        first_pre = QuizAttempt.objects.filter(user=request.user, course=course, kind="pre").first()
        indicators = {i.code: i.title for i in course.indicators.all()}
        for code, (right, total) in attempt.by_indicator.items():
            before = first_pre.by_indicator.get(code) if first_pre else None
            gains.append(
                {
                    "title": indicators.get(code, code),
                    "after": (right * 100) // total if total else 0,
                    "before": (before[0] * 100) // before[1] if before and before[1] else None,
                }
            )
    return render(
        request,
        "courses/test_result.html",
        {
            "page": course,
            "course": course,
            "attempt": attempt,
            "rows": rows,
            "pre_score": pre,
            "gains": gains,
        },
    )


def evidence(request, course, code=None):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    indicators = list(course.indicators.all())
    mine = {e.indicator_id: e for e in Evidence.objects.filter(user=request.user, course=course)}
    forms = {}
    status = 200
    for indicator in indicators:
        posted = request.method == "POST" and indicator.code == code
        form = EvidenceForm(
            request.POST if posted else None,
            request.FILES if posted else None,
            indicator=indicator,
            prefix=indicator.code,
        )
        if posted:
            if form.is_valid():
                try:
                    actions.submit_evidence(
                        request.user,
                        indicator,
                        image=form.cleaned_data.get("image"),
                        link=form.cleaned_data.get("link", ""),
                        text=form.cleaned_data.get("text", ""),
                    )
                except actions.CourseError as error:
                    messages.error(request, str(error))
                    return redirect(f"{course.url}bukti/")
                messages.success(request, _("Evidence sent. An officer will review it soon."))
                return redirect(f"{course.url}bukti/#{indicator.code}")
            status = 400
        indicator.my_evidence = mine.get(indicator.pk)
        forms[indicator.pk] = form
    if request.method == "POST" and code not in {i.code for i in indicators}:
        raise Http404
    for indicator in indicators:
        indicator.form = forms[indicator.pk]
    return render(
        request,
        "courses/evidence.html",
        {"page": course, "course": course, "indicators": indicators},
        status=status,
    )


def survey(request, course):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    if not Certificate.objects.filter(user=request.user, course=course).exists():
        messages.error(request, _("The survey opens when you have completed the course."))
        return redirect(course.url)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.submit_survey(request.user, course, form.cleaned_data)
        messages.success(request, _("Thank you! Your answers help us improve the course."))
        return redirect(course.url)
    return render(
        request,
        "courses/survey.html",
        {"page": course, "course": course, "form": form},
        status=400 if form.errors else 200,
    )


def my_certificate(request, course):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    certificate = get_object_or_404(Certificate, user=request.user, course=course)
    return render(
        request,
        "courses/certificate.html",
        {"page": course, "certificate": certificate},
    )


@require_POST
def complete_lesson(request, lesson):
    if not request.user.is_authenticated:
        return _login_redirect(request)
    actions.complete_lesson(request.user, lesson)
    course = lesson.course
    following = course.lessons().filter(path__gt=lesson.path).first()
    if following:
        messages.success(request, _("Lesson marked done. On to the next one!"))
        return redirect(following.url)
    messages.success(request, _("All lessons done. The post-test is open."))
    return redirect(course.url)


# --- Plain views under /kursus/ -------------------------------------------------


def verify_certificate(request, code):
    """Public check of a certificate code: valid or not, nothing personal beyond
    what is printed on the certificate itself."""
    certificate = Certificate.objects.filter(code=code.strip().upper()).first()
    return render(
        request,
        "courses/certificate_verify.html",
        {"certificate": certificate, "code": code},
        status=200 if certificate else 404,
    )


@login_required
def my_learning(request):
    """ "Belajar Saya": every enrolled course with progress, next lesson, evidence
    and certificates."""
    enrollments = list(
        Enrollment.objects.filter(user=request.user, course__live=True)
        .select_related("course")
        .annotate(lesson_count=lesson_count_subquery_for("course"))
        .order_by("-enrolled_at")
    )
    done = dict(
        LessonProgress.objects.filter(user=request.user, lesson__live=True)
        .values_list("course_id")
        .annotate(n=Count("id"))
    )
    done_lessons = set(
        LessonProgress.objects.filter(user=request.user).values_list("lesson_id", flat=True)
    )
    course_ids = [e.course_id for e in enrollments]
    next_lessons = {}
    in_my_courses = Q(pk__in=[])
    for enrollment in enrollments:
        in_my_courses |= Q(path__startswith=enrollment.course.path)
    for lesson in (
        LessonPage.objects.live()
        .filter(in_my_courses)
        .exclude(pk__in=done_lessons)
        .order_by("path")
        .only("id", "title", "path", "url_path", "depth")
    ):
        parent_path = lesson.path[: -LessonPage.steplen]
        next_lessons.setdefault(parent_path, lesson)
    certificates = {
        c.course_id: c for c in Certificate.objects.filter(user=request.user, course__in=course_ids)
    }
    evidence_counts = {}
    for row in (
        Evidence.objects.filter(user=request.user, course__in=course_ids)
        .values("course_id", "status")
        .annotate(n=Count("id"))
    ):
        evidence_counts.setdefault(row["course_id"], {})[row["status"]] = row["n"]
    for enrollment in enrollments:
        course = enrollment.course
        enrollment.lesson_count = enrollment.lesson_count or 0
        enrollment.done_count = done.get(course.pk, 0)
        enrollment.percent = (
            (enrollment.done_count * 100) // enrollment.lesson_count
            if enrollment.lesson_count
            else 0
        )
        enrollment.next_lesson = next_lessons.get(course.path)
        enrollment.certificate = certificates.get(course.pk)
        enrollment.evidence = evidence_counts.get(course.pk, {})
    return render(
        request,
        "courses/my_learning.html",
        {"enrollments": enrollments, "stage": stage_of(request.user)},
    )


def lesson_count_subquery_for(prefix):
    lessons = (
        LessonPage.objects.live()
        .filter(
            path__startswith=OuterRef(f"{prefix}__path"),
            depth=OuterRef(f"{prefix}__depth") + 1,
        )
        .order_by()
        .values("depth")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Subquery(lessons, output_field=IntegerField())


@login_required
def review_queue(request):
    queue = list(actions.reviewable_evidence(request.user)[:100])
    if not (is_editor(request.user) or is_officer(request.user)):
        raise PermissionDenied
    return render(request, "courses/review_queue.html", {"queue": queue, "form": ReviewForm()})


@login_required
@require_POST
def review(request, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("indicator", "course"), pk=pk)
    if not actions.can_review(request.user, evidence.user):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or return."))
        return redirect("courses:review_queue")
    try:
        actions.review_evidence(
            request.user,
            evidence,
            approve=form.cleaned_data["decision"] == "approve",
            feedback=form.cleaned_data["feedback"],
        )
    except actions.CourseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Review saved and the member has been told."))
    return redirect("courses:review_queue")


@login_required
def evidence_file(request, pk):
    """Evidence images are private: the member and their reviewers only."""
    evidence = get_object_or_404(Evidence, pk=pk)
    if request.user != evidence.user and not actions.can_review(request.user, evidence.user):
        raise Http404
    if not evidence.image:
        raise Http404
    response = FileResponse(evidence.image.open("rb"))
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return protect(response)
