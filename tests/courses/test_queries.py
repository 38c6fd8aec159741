"""Every course page costs the same number of queries, whatever the amount of
data behind it (DESIGN.md's budget). The counts are exact on purpose: a new
query on these pages must be a decision, not an accident."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import actions
from tests.courses.conftest import make_course
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

# Measured once and pinned: signed-in member, warm caches.
EXPECTED = {"index": 7, "course": 12, "lesson": 11, "my_learning": 9}


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def build(size):
    # `size` courses, `size` members, and `size` lessons in the course measured.
    courses = [make_course(f"Kursus {n}", lessons=1) for n in range(size - 1)]
    courses.append(make_course("Kursus terakhir", lessons=size))
    member = MemberFactory()
    for _other in range(size - 1):
        MemberFactory()
    for course in courses:
        for lesson in course.lessons()[:1]:
            actions.complete_lesson(member, lesson)
    return courses, member


@pytest.mark.parametrize("size", [1, 50])
def test_query_counts_do_not_grow_with_data(client, size):
    courses, member = build(size)
    client.force_login(member)
    lesson = courses[-1].lessons().last()
    measured = {
        "index": count_queries(client, "/kursus/"),
        "course": count_queries(client, courses[-1].url),
        "lesson": count_queries(client, lesson.url),
        "my_learning": count_queries(client, "/kursus/saya/"),
    }
    assert measured == EXPECTED
