"""The engines behind the site: the channel layer, the cache and the ASGI
entry point. Each test runs against whatever the environment configures —
in-memory by default, real Redis in CI's second leg — never a fake."""

import asyncio
import os
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels.testing import HttpCommunicator, WebsocketCommunicator
from django.core.cache import cache

from pusat.asgi import application


def test_channel_layer_delivers_a_group_message():
    layer = get_channel_layer()
    expected = "RedisChannelLayer" if os.environ.get("REDIS_URL") else "InMemoryChannelLayer"
    assert type(layer).__name__ == expected

    async def roundtrip():
        channel = await layer.new_channel()
        group = f"test-{uuid.uuid4().hex}"
        await layer.group_add(group, channel)
        await layer.group_send(group, {"type": "chat.message", "body": "Halo semua"})
        message = await layer.receive(channel)
        await layer.group_discard(group, channel)
        return message

    assert async_to_sync(roundtrip)() == {"type": "chat.message", "body": "Halo semua"}


def test_a_burst_of_broadcasts_does_not_run_out_of_redis_connections():
    """400 group sends at once (a big room's burst): with channels-redis, each
    holds a pooled connection, and redis-py's default pool refuses the 101st."""
    layer = get_channel_layer()

    async def burst():
        channel = await layer.new_channel()
        group = f"test-{uuid.uuid4().hex}"
        await layer.group_add(group, channel)
        await asyncio.gather(
            *(layer.group_send(group, {"type": "chat.message", "n": n}) for n in range(400))
        )
        first = await layer.receive(channel)
        await layer.group_discard(group, channel)
        return first

    assert async_to_sync(burst)()["type"] == "chat.message"


def test_cache_stores_and_expires_values():
    key = f"test-{uuid.uuid4().hex}"
    cache.set(key, {"harga": 25000}, timeout=30)
    assert cache.get(key) == {"harga": 25000}
    cache.delete(key)
    assert cache.get(key) is None


# Serialized rollback: the flush after the test leaves the database empty for
# the next transactional test to restore (browser tests rely on that).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_asgi_application_serves_http():
    async def fetch():
        communicator = HttpCommunicator(
            application, "GET", "/healthz", headers=[(b"host", b"localhost")]
        )
        return await communicator.get_response()

    response = async_to_sync(fetch)()
    assert response["status"] == 200
    assert b'"database": "ok"' in response["body"]


# Serialized rollback: the flush after the test leaves the database empty for
# the next transactional test to restore (browser tests rely on that).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_websockets_from_another_origin_are_refused():
    async def connect():
        communicator = WebsocketCommunicator(
            application, "/ws/obrolan/umum/", headers=[(b"origin", b"https://jahat.example")]
        )
        connected, _code = await communicator.connect()
        await communicator.disconnect()
        return connected

    assert async_to_sync(connect)() is False
