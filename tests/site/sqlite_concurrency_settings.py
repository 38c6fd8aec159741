"""Settings for the SQLite concurrency test's server: the test settings with
the forum's posting rate limits out of the way, so every refusal the test
sees is the database's, not the rate limiter's."""

from pusat.settings.test import *  # noqa: F403

FORUM_POST_RATE = "100000/m"
FORUM_NEW_ACCOUNT_POST_RATE = "100000/m"
