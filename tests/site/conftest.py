"""Fixtures shared by the site-wide tests."""

import pytest
from django.db import transaction

from tests.site.access_world import World


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo site plus the access objects (`access_world.py`), built once
    per test module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield World()
        transaction.set_rollback(True)
