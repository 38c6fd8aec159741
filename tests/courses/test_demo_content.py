"""The demo course content (`courses/demo_content.py`) holds together.

Pure data checks, no database: the shapes the loader and the Wagtail blocks
expect, the limits of the model fields, and a demo progress that the rules in
`courses/actions.py` could really have produced.
"""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from courses.blocks import LessonStreamBlock, QuizStreamBlock
from courses.demo_content import COURSES, DEMO_PROGRESS
from pusat.home import demo

COURSE_SLUGS = [
    "email-untuk-bisnis",
    "blog-dan-web-marketing",
    "toko-online",
    "fotografi-produk",
]
LESSON_RANGE = {
    "email-untuk-bisnis": (5, 7),
    "blog-dan-web-marketing": (5, 7),
    "toko-online": (5, 7),
    "fotografi-produk": (4, 6),
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LESSON_BLOCK_TYPES = {"text", "steps", "callout", "task"}
EVIDENCE_KINDS = {"image", "link", "text"}
SURVEY_SCORES = ["clarity_material", "clarity_examples", "usefulness", "pace"]
# What each rich-text field's editor features allow (courses/blocks.py, models.py).
ALLOWED_TAGS = {
    "text": {"p", "h2", "h3", "b", "i", "a", "ol", "ul", "li", "br"},
    "step": {"p", "b", "i", "a", "br"},
    "callout": {"p", "b", "i", "a", "br"},
    "task": {"p", "b", "i", "a", "ol", "ul", "li", "br"},
    "outcomes": {"p", "b", "i", "ol", "ul", "li", "br"},
}
VOID_TAGS = {"br"}

COURSES_BY_SLUG = {course["slug"]: course for course in COURSES}
MEMBERS_BY_EMAIL = {member["email"]: member for member in demo.MEMBERS}


class _TagChecker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()
        self.stack = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def tags_of(html):
    checker = _TagChecker()
    checker.feed(html)
    checker.close()
    assert not checker.errors and not checker.stack, (html[:80], checker.errors, checker.stack)
    return checker.tags


def plain_words(html):
    return re.sub(r"<[^>]+>", " ", html).split()


def rich_texts(lesson):
    """(kind, html) for every rich-text value in a lesson body."""
    for block in lesson["body"]:
        value = block["value"]
        if block["type"] == "text":
            yield "text", value
        elif block["type"] == "steps":
            for step in value["steps"]:
                yield "step", step["text"]
        elif block["type"] == "callout":
            yield "callout", value["text"]
        elif block["type"] == "task":
            yield "task", value["instructions"]


def lesson_words(lesson):
    words = 0
    for block in lesson["body"]:
        if block["type"] in {"steps", "task"}:
            words += len(block["value"]["title"].split())
    for _kind, html in rich_texts(lesson):
        words += len(plain_words(html))
    return words


def questions(course):
    return [("pre_test", q) for q in course["pre_test"]] + [
        ("post_test", q) for q in course["post_test"]
    ]


def possible_scores(total):
    return {correct * 100 // total for correct in range(total + 1)}


def course_ids(courses):
    return [course["slug"] for course in courses]


# --- Courses -----------------------------------------------------------------------


def test_the_four_courses_in_order():
    assert [course["slug"] for course in COURSES] == COURSE_SLUGS
    stages = [course["stage"] for course in COURSES]
    assert stages == ["presence", "portal", "transaksi", ""]


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_course_fields(course):
    assert course["title"] and len(course["title"]) <= 255
    assert 0 < len(course["summary"]) <= 400
    assert course["level"] in {"pemula", "menengah"}
    assert 1 <= course["pass_mark"] <= 100
    assert course["estimated_minutes"] >= sum(lesson["minutes"] for lesson in course["lessons"])
    assert course["outcomes_html"].startswith("<ul><li>")
    assert tags_of(course["outcomes_html"]) <= ALLOWED_TAGS["outcomes"]


def test_prerequisites_are_earlier_courses():
    seen = set()
    for course in COURSES:
        assert set(course["prerequisites"]) <= seen, course["slug"]
        seen.add(course["slug"])
    assert COURSES_BY_SLUG["blog-dan-web-marketing"]["prerequisites"] == ["email-untuk-bisnis"]
    assert COURSES_BY_SLUG["toko-online"]["prerequisites"] == ["blog-dan-web-marketing"]
    assert COURSES_BY_SLUG["fotografi-produk"]["prerequisites"] == []


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_indicators(course):
    codes = [indicator["code"] for indicator in course["indicators"]]
    assert 2 <= len(codes) <= 4
    assert len(set(codes)) == len(codes)
    for indicator in course["indicators"]:
        assert SLUG.match(indicator["code"]) and len(indicator["code"]) <= 40
        assert 0 < len(indicator["title"]) <= 200
        assert indicator["evidence_kind"] in EVIDENCE_KINDS
        assert 0 < len(indicator["evidence_hint"]) <= 300


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_lessons(course):
    low, high = LESSON_RANGE[course["slug"]]
    assert low <= len(course["lessons"]) <= high
    slugs = [lesson["slug"] for lesson in course["lessons"]]
    assert len(set(slugs)) == len(slugs)
    for lesson in course["lessons"]:
        assert SLUG.match(lesson["slug"])
        assert lesson["title"] and len(lesson["title"]) <= 255
        assert 0 < len(lesson["summary"]) <= 300
        assert lesson["minutes"] > 0
        types = [block["type"] for block in lesson["body"]]
        assert set(types) <= LESSON_BLOCK_TYPES, "no videos or other blocks in the demo"
        assert "text" in types and "steps" in types, lesson["slug"]
        assert 250 <= lesson_words(lesson) <= 600, (lesson["slug"], lesson_words(lesson))
    all_types = {block["type"] for lesson in course["lessons"] for block in lesson["body"]}
    assert "callout" in all_types


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_lesson_blocks_are_well_formed(course):
    for lesson in course["lessons"]:
        for block in lesson["body"]:
            value = block["value"]
            if block["type"] == "steps":
                assert len(value["title"]) <= 150
                assert value["steps"]
                assert all(set(step) == {"text"} for step in value["steps"])
            elif block["type"] == "callout":
                assert value["kind"] in {"tip", "warning"}
            elif block["type"] == "task":
                assert 0 < len(value["title"]) <= 150
        for kind, html in rich_texts(lesson):
            assert html.startswith("<"), (lesson["slug"], html[:40])
            assert tags_of(html) <= ALLOWED_TAGS[kind], (lesson["slug"], kind, html[:80])


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_every_indicator_has_a_task_and_every_task_an_indicator(course):
    codes = {indicator["code"] for indicator in course["indicators"]}
    tasks = [
        block["value"]["indicator"]
        for lesson in course["lessons"]
        for block in lesson["body"]
        if block["type"] == "task"
    ]
    assert set(tasks) <= codes
    assert codes <= set(tasks)


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_tests(course):
    codes = {indicator["code"] for indicator in course["indicators"]}
    for field in ("pre_test", "post_test"):
        test = course[field]
        assert 6 <= len(test) <= 8, field
        assert {q["type"] for q in test} == {"multiple_choice", "true_false"}, field
        assert {q["value"]["indicator"] for q in test} == codes, field
    pre = {q["value"]["question"] for q in course["pre_test"]}
    post = {q["value"]["question"] for q in course["post_test"]}
    assert not pre & post, "the post-test asks different questions"


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_questions(course):
    for field, q in questions(course):
        value = q["value"]
        assert 0 < len(value["question"]) <= 500, (field, value["question"])
        assert 0 < len(value["explanation"]) <= 1000
        if q["type"] == "multiple_choice":
            assert set(value) == {"question", "choices", "explanation", "indicator"}
            assert 2 <= len(value["choices"]) <= 6
            assert [c["correct"] for c in value["choices"]].count(True) == 1, value["question"]
            texts = [c["text"] for c in value["choices"]]
            assert len(set(texts)) == len(texts)
            assert all(0 < len(text) <= 300 for text in texts)
        else:
            assert q["type"] == "true_false"
            assert set(value) == {"question", "is_true", "explanation", "indicator"}
            assert isinstance(value["is_true"], bool)


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_correct_answers_are_not_always_in_the_same_place(course):
    places = Counter(
        [c["correct"] for c in q["value"]["choices"]].index(True)
        for _field, q in questions(course)
        if q["type"] == "multiple_choice"
    )
    assert len(places) >= 3, places


@pytest.mark.parametrize("course", COURSES, ids=course_ids(COURSES))
def test_the_wagtail_blocks_accept_the_content(course):
    for field in ("pre_test", "post_test"):
        block = QuizStreamBlock()
        block.clean(block.to_python(course[field]))
    for lesson in course["lessons"]:
        block = LessonStreamBlock()
        block.clean(block.to_python(lesson["body"]))


# --- Demo progress -------------------------------------------------------------------


def _board_officers():
    officers = {}
    for board in demo.FIRST_BOARDS:
        officers.setdefault(board["community"], set()).update(
            email for _role, email in board["officers"]
        )
    return officers


def _is_complete(entry, course):
    approved = {e["indicator"] for e in entry["evidence"] if e["status"] == "approved"}
    return (
        entry["lessons_done"] == "all"
        and entry["post_test_score"] is not None
        and entry["post_test_score"] >= course["pass_mark"]
        and approved == {indicator["code"] for indicator in course["indicators"]}
    )


def test_progress_members_and_courses_exist():
    for entry in DEMO_PROGRESS:
        assert entry["email"] in MEMBERS_BY_EMAIL, entry["email"]
        assert entry["course"] in COURSES_BY_SLUG, entry["course"]
    pairs = [(entry["email"], entry["course"]) for entry in DEMO_PROGRESS]
    assert len(set(pairs)) == len(pairs)


@pytest.mark.parametrize("entry", DEMO_PROGRESS, ids=lambda e: f"{e['email']}-{e['course']}")
def test_progress_entry_is_possible(entry):
    course = COURSES_BY_SLUG[entry["course"]]
    member = MEMBERS_BY_EMAIL[entry["email"]]
    lessons = len(course["lessons"])
    done = entry["lessons_done"]
    assert done == "all" or (isinstance(done, int) and 0 <= done < lessons)
    assert entry["enrolled_on"] >= member["joined_on"]

    if entry["pre_test_skipped"]:
        assert entry["pre_test_score"] is None
    if entry["pre_test_score"] is not None:
        assert entry["pre_test_score"] in possible_scores(len(course["pre_test"]))
    if entry["post_test_score"] is not None:
        assert done == "all", "the post-test opens after every lesson"
        assert entry["post_test_score"] in possible_scores(len(course["post_test"]))

    kinds = {i["code"]: i["evidence_kind"] for i in course["indicators"]}
    indicators = [evidence["indicator"] for evidence in entry["evidence"]]
    assert len(set(indicators)) == len(indicators)
    officers = _board_officers().get(member["community"], set())
    for evidence in entry["evidence"]:
        kind = kinds[evidence["indicator"]]
        assert evidence["status"] in {"submitted", "approved", "returned"}
        assert set(evidence) & EVIDENCE_KINDS == {kind}, evidence
        assert evidence[kind].strip()
        if kind == "link":
            assert evidence["link"].startswith("https://") and len(evidence["link"]) <= 500
        assert len(evidence[kind]) <= 2000 and len(evidence["feedback"]) <= 2000
        if evidence["status"] == "submitted":
            assert evidence["reviewer"] is None and evidence["feedback"] == ""
        else:
            reviewer = evidence["reviewer"]
            assert reviewer != entry["email"]
            assert reviewer in officers or reviewer == demo.EDITOR_EMAIL, reviewer
        if evidence["status"] == "returned":
            assert evidence["feedback"].strip(), "returned evidence says what to improve"

    complete = _is_complete(entry, course)
    assert (entry["completed_on"] is not None) == complete
    if complete:
        assert entry["completed_on"] >= entry["enrolled_on"]
    if entry["survey"] is not None:
        assert complete, "the survey opens after the certificate"
        assert set(entry["survey"]) == {*SURVEY_SCORES, "comment"}
        assert all(entry["survey"][key] in range(1, 6) for key in SURVEY_SCORES)
        assert len(entry["survey"]["comment"]) <= 2000


def test_prerequisites_were_completed_before_enrolling():
    done = {}
    for entry in DEMO_PROGRESS:
        course = COURSES_BY_SLUG[entry["course"]]
        for required in course["prerequisites"]:
            finished = done.get((entry["email"], required))
            assert finished and finished <= entry["enrolled_on"], (entry["email"], required)
        if entry["completed_on"]:
            done[(entry["email"], entry["course"])] = entry["completed_on"]


def test_progress_covers_the_demo_stories():
    def has(entry, status):
        return any(evidence["status"] == status for evidence in entry["evidence"])

    finished = [e for e in DEMO_PROGRESS if e["completed_on"] and e["survey"]]
    assert any(e["course"] == "email-untuk-bisnis" for e in finished)
    assert any(
        e["course"] == "blog-dan-web-marketing"
        and e["lessons_done"] == 3
        and e["pre_test_score"] is not None
        and any(ev["status"] == "submitted" and "link" in ev for ev in e["evidence"])
        for e in DEMO_PROGRESS
    )
    assert any(
        e["course"] == "toko-online" and e["pre_test_skipped"] and e["lessons_done"] == 0
        for e in DEMO_PROGRESS
    )
    assert any(e["course"] == "fotografi-produk" and has(e, "returned") for e in DEMO_PROGRESS)
