"""Writes the demo courses (`demo_content.py`) and the demo members' progress
into the database. Called by `manage.py load_demo_data`; safe to run again:
pages are found by slug, indicators by code, progress by member and course,
and test attempts by a stable submission key.
"""

import io
import json
import textwrap
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from pusat.home.management.commands.load_demo_data import stable_id, update_page

from . import actions
from .demo_content import COURSES, DEMO_PROGRESS
from .models import (
    Certificate,
    CompetencyIndicator,
    CourseIndexPage,
    CoursePage,
    CoursePrerequisite,
    Enrollment,
    Evidence,
    LessonPage,
    LessonProgress,
    QuizAttempt,
    SurveyResponse,
)


def at(day, hour=9, days_later=0):
    return timezone.make_aware(datetime.combine(day + timedelta(days=days_later), time(hour)))


def with_ids(key, blocks):
    """Stream data with ids derived from the block's place, and list items in
    Wagtail's item form, so an unchanged course compares equal on a rerun."""
    data = []
    for index, block in enumerate(blocks):
        value = block["value"]
        if isinstance(value, dict):
            value = dict(value)
        for list_name in ("steps", "choices"):
            if isinstance(value, dict) and list_name in value:
                value[list_name] = [
                    {"type": "item", "value": item, "id": stable_id(key, index, list_name, n)}
                    for n, item in enumerate(value[list_name])
                ]
        data.append({"type": block["type"], "value": value, "id": stable_id(key, index)})
    return data


class CourseLoader:
    def __init__(self, publish, admin):
        self.publish = publish
        self.admin = admin

    def load(self):
        index = CourseIndexPage.objects.first()
        if index is None:
            raise RuntimeError("There is no course index page; run `manage.py migrate`.")
        courses = {}
        for spec in COURSES:
            courses[spec["slug"]] = self.load_course(index, spec)
        for spec in COURSES:
            course = courses[spec["slug"]]
            wanted = [courses[slug] for slug in spec["prerequisites"]]
            current = [p.required for p in course.prerequisites.all()]
            if current != wanted:
                course.prerequisites.all().delete()
                for required in wanted:
                    CoursePrerequisite.objects.create(course=course, required=required)
        return courses

    def load_course(self, index, spec):
        slug = spec["slug"]
        course = index.get_children().filter(slug=slug).specific().first()
        fields = {
            "title": spec["title"],
            "summary": spec["summary"],
            "outcomes": spec["outcomes_html"],
            "estimated_minutes": spec["estimated_minutes"],
            "level": spec["level"],
            "stage": spec["stage"],
            "pass_mark": spec["pass_mark"],
        }
        created = course is None
        if created:
            course = CoursePage(slug=slug, live=False, **fields)
            course.pre_test = with_ids(f"{slug}/pre", spec["pre_test"])
            course.post_test = with_ids(f"{slug}/post", spec["post_test"])
            index.add_child(instance=course)
        changed = created
        for name, value in fields.items():
            if getattr(course, name) != value:
                setattr(course, name, value)
                changed = True
        for field_name, key in (("pre_test", "pre"), ("post_test", "post")):
            if self.set_stream(course, field_name, with_ids(f"{slug}/{key}", spec[field_name])):
                changed = True
        changed |= self.load_indicators(course, spec["indicators"])
        if changed:
            course.save()
        self.publish(course, changed, self.admin)
        for position, lesson_spec in enumerate(spec["lessons"]):
            self.load_lesson(course, position, lesson_spec)
        return CoursePage.objects.get(pk=course.pk)

    @staticmethod
    def set_stream(page, field_name, data):
        field = page._meta.get_field(field_name)
        new_value = field.to_python(data)
        field.stream_block.clean(new_value)

        def prepared(value):
            list(value)
            return json.dumps(field.get_prep_value(value), sort_keys=True, default=str)

        if prepared(new_value) != prepared(getattr(page, field_name)):
            setattr(page, field_name, new_value)
            return True
        return False

    @staticmethod
    def load_indicators(course, specs):
        existing = {indicator.code: indicator for indicator in course.indicators.all()}
        changed = False
        for order, spec in enumerate(specs):
            indicator = existing.pop(spec["code"], None)
            if indicator is None:
                CompetencyIndicator.objects.create(course=course, sort_order=order, **spec)
                changed = True
                continue
            for name, value in {**spec, "sort_order": order}.items():
                if getattr(indicator, name) != value:
                    setattr(indicator, name, value)
                    changed = True
            indicator.save()
        for leftover in existing.values():
            leftover.delete()
            changed = True
        return changed

    def load_lesson(self, course, position, spec):
        lesson = course.get_children().filter(slug=spec["slug"]).specific().first()
        fields = {"title": spec["title"], "summary": spec["summary"], "minutes": spec["minutes"]}
        body = with_ids(f"{course.slug}/{spec['slug']}", spec["body"])
        if lesson is None:
            lesson = LessonPage(slug=spec["slug"], live=False, **fields)
            update_page(lesson, body)
            course.add_child(instance=lesson)
            changed = True
        else:
            changed = update_page(lesson, body, **fields)
        self.publish(lesson, changed, self.admin)


def evidence_picture(description):
    """A stand-in screenshot: the description written on a phone-shaped card."""
    image = Image.new("RGB", (540, 720), (245, 247, 246))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 540, 64), fill=(11, 85, 99))
    draw.text((24, 24), "Tangkapan layar (contoh)", fill=(255, 255, 255))
    y = 96
    for line in textwrap.wrap(description, width=52):
        draw.text((24, y), line, fill=(29, 35, 39))
        y += 22
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name="bukti.png")


def answers_for(course, kind, score):
    """Answers that earn exactly `score` (the data only uses reachable scores)."""
    blocks = actions.questions(course, kind)
    total = len(blocks)
    right = next(k for k in range(total + 1) if (k * 100) // total == score)
    answers = {}
    for number, block in enumerate(blocks):
        correct = actions.correct_answer(block)
        if number < right:
            answers[block.id] = correct
        elif block.block_type == "true_false":
            answers[block.id] = "false" if correct == "true" else "true"
        else:
            answers[block.id] = "1" if correct == "0" else "0"
    return answers


def record_attempt(user, course, kind, score, when):
    key = f"demo-{kind}-{course.slug}"
    answers = answers_for(course, kind, score)
    correct, total, graded, by_indicator = actions.grade(course, kind, answers)
    QuizAttempt.objects.update_or_create(
        user=user,
        submission_key=key,
        defaults={
            "course": course,
            "kind": kind,
            "answers": answers,
            "correct": correct,
            "total": total,
            "score": graded,
            "by_indicator": by_indicator,
            "passed": kind == "post" and graded >= course.pass_mark,
            "created_at": when,
        },
    )


def load_progress(courses):
    User = get_user_model()
    for spec in DEMO_PROGRESS:
        user = User.objects.get(email__iexact=spec["email"])
        course = courses[spec["course"]]
        start = spec["enrolled_on"]
        Enrollment.objects.update_or_create(
            user=user,
            course=course,
            defaults={
                "enrolled_at": at(start),
                "pre_test_skipped": spec["pre_test_skipped"],
                "completed_at": at(spec["completed_on"]) if spec.get("completed_on") else None,
            },
        )
        if spec["pre_test_score"] is not None:
            record_attempt(user, course, "pre", spec["pre_test_score"], at(start, 10))
        lessons = list(course.lessons())
        done = lessons if spec["lessons_done"] == "all" else lessons[: spec["lessons_done"]]
        for number, lesson in enumerate(done):
            LessonProgress.objects.get_or_create(
                user=user,
                lesson=lesson,
                defaults={"course": course, "completed_at": at(start, 19, days_later=number)},
            )
        finished = spec.get("completed_on") or start
        if spec["post_test_score"] is not None:
            record_attempt(user, course, "post", spec["post_test_score"], at(finished, 8))
        for item in spec["evidence"]:
            load_evidence(user, course, item, start)
        if spec.get("completed_on"):
            Certificate.objects.get_or_create(
                user=user,
                course=course,
                defaults={
                    "code": actions.new_certificate_code(),
                    "member_name": user.full_name,
                    "course_title": course.title,
                    "issued_at": at(spec["completed_on"], 11),
                },
            )
        if spec.get("survey"):
            SurveyResponse.objects.update_or_create(
                user=user, course=course, defaults=spec["survey"]
            )


def load_evidence(user, course, item, start):
    User = get_user_model()
    indicator = course.indicators.get(code=item["indicator"])
    reviewer = User.objects.get(email__iexact=item["reviewer"]) if item.get("reviewer") else None
    evidence = Evidence.objects.filter(user=user, indicator=indicator).first()
    if evidence is None:
        evidence = Evidence(user=user, indicator=indicator, course=course)
    evidence.link = item.get("link", "")
    evidence.text = item.get("text", "")
    if item.get("image") and not evidence.image:
        evidence.image.save("bukti.png", evidence_picture(item["image"]), save=False)
    evidence.status = item["status"]
    evidence.feedback = item.get("feedback", "")
    evidence.submitted_at = at(start, 20, days_later=2)
    evidence.reviewed_by = reviewer if item["status"] != "submitted" else None
    evidence.reviewed_at = at(start, 9, days_later=4) if item["status"] != "submitted" else None
    evidence.save()


def load(publish, admin):
    courses = CourseLoader(publish, admin).load()
    load_progress(courses)
    return courses
