"""The test suite: the same engines as development (or whatever
DATABASE_URL/REDIS_URL name), with fast password hashing."""

import os
from urllib.parse import urlsplit, urlunsplit


def worker_redis_url(url, worker):
    """The suite's Redis URL for one pytest-xdist worker: gw0 keeps the URL's
    database, gw1 takes the next one, and so on. Every test starts with
    cache.clear() (FLUSHDB), so workers sharing one database would empty each
    other's cache mid-test."""
    if not url or not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{base + int(worker[2:])}"))


# Set before base reads it, and in the environment so that the servers the
# tests start (daphne, the production process) use the same database.
if os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = worker_redis_url(
        os.environ["REDIS_URL"], os.environ.get("PYTEST_XDIST_WORKER", "")
    )

from .base import *  # noqa: E402, F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests read media they upload; keep it out of the project folder.
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No manifest in tests: templates can name static files before collectstatic.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "dbbackup": STORAGES["dbbackup"],  # noqa: F405
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Whole anonymous pages are stored by default; the suite measures and checks
# the views themselves, and tests/site/test_page_cache.py turns it on.
PAGE_CACHE_ENABLED = False
# Visits written at once, so a test reads them back straight away.
VISIT_COUNT_DELAY = 0

# The election race test (tests/community/test_election_attacks.py) runs 25
# threads at once beside the test's own connection: the suite's PostgreSQL
# pool has room for them (production keeps DATABASE_POOL_SIZE, default 10).
if "pool" in DATABASES["default"].get("OPTIONS", {}):  # noqa: F405
    DATABASES["default"]["OPTIONS"]["pool"]["max_size"] = env_int("DATABASE_POOL_SIZE", 30)  # noqa: F405
