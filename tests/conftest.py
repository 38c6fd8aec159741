"""Fixtures shared by the whole suite."""

import pytest
from channels.layers import channel_layers
from django.core.cache import cache
from django.utils import timezone, translation

from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MemberFactory,
    OfficerTermFactory,
)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters and cached fragments must not leak between tests.
    cache.clear()
    # The chat's rate limiter has its own storage (Redis or this process).
    from community import chat

    chat.reset_rate_limits()
    # Each test gets its own channel layer: a channels-redis layer keeps locks
    # bound to the event loop of the test that first used it.
    channel_layers.backends.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_and_zone():
    # A request leaves its language (and a view its time zone) active on the
    # thread, as Django's own LocaleMiddleware does; start every test on the
    # site's defaults so no test reads the previous test's English.
    translation.deactivate()
    timezone.deactivate()
    yield
    translation.deactivate()
    timezone.deactivate()


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def officer(db):
    term = OfficerTermFactory()
    return term.user


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def administrator(db):
    return AdministratorFactory()


@pytest.fixture
def community(db):
    return CommunityFactory()


def pytest_collection_modifyitems(config, items):
    """Run browser tests last: Playwright leaves an event loop marked as
    running in the main thread, which breaks `async_to_sync` in later tests.

    Every transactional test also restores the migrated database from its
    serialized copy. Otherwise the flush after one such test re-runs
    post_migrate (the role groups), and the next test that restores the copy
    collides with those rows.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("transaction"):
            item.add_marker(
                pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": True}),
                append=False,
            )
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
