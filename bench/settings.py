"""Settings for the benchmark's servers and seeders: the dev settings with
DEBUG off (from the environment, see bench/common.py), the bench's own
urlconf (the project's URLs plus the floor view and media), and no per-person
chat rate limit, which would otherwise be what the chat benchmark measures."""

from pusat.settings.dev import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
CHAT_RATE_LIMIT = "1000000 per 1 second"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405

# The chat benchmark compares channels-redis's two layers in one run.
_LAYER = {
    "core": "channels_redis.core.RedisChannelLayer",
    "pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
}.get(env("BENCH_CHANNEL_LAYER", ""))  # noqa: F405
if REDIS_URL and _LAYER:  # noqa: F405
    CHANNEL_LAYERS = {"default": {**CHANNEL_LAYERS["default"], "BACKEND": _LAYER}}  # noqa: F405

# Django passes its own `check` to a psycopg pool when CONN_HEALTH_CHECKS is on;
# a second one in the pool options is refused, so keep Django's.
_POOL = DATABASES["default"].get("OPTIONS", {}).get("pool")  # noqa: F405
if isinstance(_POOL, dict) and DATABASES["default"].get("CONN_HEALTH_CHECKS"):  # noqa: F405
    _POOL.pop("check", None)
