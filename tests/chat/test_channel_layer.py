"""The Redis channel layer survives idle waits (CI's PostgreSQL + Redis leg).

channels-redis waits for a socket's messages with a 5 s blocking pop; if the
Redis client's own read timeout is not longer, an idle wait can end in
`redis.exceptions.TimeoutError` instead of an empty pop, and the consumer
waiting on it dies (found by the load test in `scripts/ci_faults.sh`).
"""

import asyncio
import os

import pytest
from channels.layers import get_channel_layer
from channels_redis.core import RedisChannelLayer


@pytest.fixture
def redis_layer():
    if not os.environ.get("REDIS_URL"):
        message = "REDIS_URL is not set: the Redis channel layer test needs a real Redis"
        if os.environ.get("CI_REQUIRE_REDIS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    layer = get_channel_layer()
    assert isinstance(layer, RedisChannelLayer)
    return layer


def test_the_read_timeout_outlasts_the_blocking_pop(redis_layer):
    async def timeout():
        pool = redis_layer.connection(0).connection_pool
        connection = await pool.get_connection()
        try:
            return connection.socket_timeout
        finally:
            await pool.release(connection)
            await redis_layer.close_pools()

    socket_timeout = asyncio.run(timeout())
    assert socket_timeout is None or socket_timeout > redis_layer.brpop_timeout + 1


def test_twenty_idle_receives_wait_quietly_through_two_pops(redis_layer):
    async def idle(channel):
        try:
            await asyncio.wait_for(redis_layer.receive(channel), 11)
        except TimeoutError:
            return "waited"  # ours: nothing was sent, as expected

    async def scenario():
        channels = [await redis_layer.new_channel() for _ in range(20)]
        try:
            return await asyncio.gather(*(idle(c) for c in channels), return_exceptions=True)
        finally:
            await redis_layer.close_pools()

    outcomes = asyncio.run(scenario())
    assert outcomes == ["waited"] * 20, outcomes
