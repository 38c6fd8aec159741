"""Showcase visits are added up in memory and written together."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from showcase import actions
from showcase.models import WeeklyCount
from tests.showcase.conftest import make_showcase

pytestmark = pytest.mark.django_db

VIEW = WeeklyCount.Kind.VIEW
WHATSAPP = WeeklyCount.Kind.WHATSAPP


@pytest.fixture
def delayed(settings):
    settings.VISIT_COUNT_DELAY = 60  # no timer fires during a test
    yield
    actions.flush_visits()


def test_visits_are_written_together(delayed):
    showcase = make_showcase(products=1)
    product = showcase.products.get()
    for _ in range(5):
        actions.count(showcase.pk, VIEW)
    actions.count(showcase.pk, WHATSAPP, product.pk)
    assert not WeeklyCount.objects.filter(showcase=showcase).exists()
    with CaptureQueriesContext(connection) as queries:
        assert actions.flush_visits() == 6
    # Per kept row: an UPDATE that finds nothing, then the INSERT in a savepoint.
    assert len([q for q in queries if q["sql"].startswith("INSERT")]) == 2
    assert WeeklyCount.objects.get(showcase=showcase, product=None, kind=VIEW).count == 5
    assert WeeklyCount.objects.get(product=product, kind=WHATSAPP).count == 1
    # Later visits add to the same rows.
    actions.count(showcase.pk, VIEW)
    with CaptureQueriesContext(connection) as queries:
        assert actions.flush_visits() == 1
    assert len(queries) == 1  # one UPDATE
    assert WeeklyCount.objects.get(showcase=showcase, product=None, kind=VIEW).count == 6
    assert actions.flush_visits() == 0


def test_the_owners_chart_includes_visits_not_yet_written(delayed):
    showcase = make_showcase()
    for _ in range(3):
        actions.count(showcase.pk, VIEW)
    assert actions.weekly_chart(showcase)[-1]["views"] == 3


def test_without_a_delay_each_visit_is_written_at_once(settings):
    settings.VISIT_COUNT_DELAY = 0
    showcase = make_showcase()
    actions.count(showcase.pk, VIEW)
    assert WeeklyCount.objects.get(showcase=showcase).count == 1
    assert actions.flush_visits() == 0
