"""Settings for the chat benchmark: the dev settings (DEBUG off through the
environment) without the per-person rate limit, which would otherwise be
what the benchmark measures."""

from pusat.settings.dev import *  # noqa: F403

CHAT_RATE_LIMIT = "1000000 per 1 second"
