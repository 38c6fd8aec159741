"""Who is in a chat room, shared by every server process.

Each socket in a room has one entry, `[user id, name]`, under its channel
name. A join or a leave changes that one entry atomically and reads the
whole room back in the same step: with Redis, a hash per room (HSET or
HDEL, then HGETALL, in one MULTI); without Redis there is one server process
(the in-memory channel layer), and a lock of the event loop guards the
read-modify-write of the room's dict in the cache. Reading the dict, changing
it and writing it back without either lost a person when two processes
changed the same room at once.
"""

import asyncio
import json
import weakref

from django.core.cache import cache

from . import layerwatch

TIMEOUT = 24 * 60 * 60
_locks = weakref.WeakKeyDictionary()  # event loop -> asyncio.Lock


def key(room_id):
    return f"chat:presence:{room_id}"


def _lock():
    loop = asyncio.get_running_loop()
    lock = _locks.get(loop)
    if lock is None:
        lock = _locks[loop] = asyncio.Lock()
    return lock


async def change(room_id, channel_name, entry=None):
    """Add this socket (`entry` = [user id, name]) or remove it (`entry`
    None); returns the room afterwards, {channel name: [user id, name]}."""
    watch = layerwatch.watcher()
    if watch is not None:
        async with watch.client.pipeline(transaction=True) as pipe:
            if entry is None:
                pipe.hdel(key(room_id), channel_name)
            else:
                pipe.hset(key(room_id), channel_name, json.dumps(entry))
            pipe.expire(key(room_id), TIMEOUT)
            pipe.hgetall(key(room_id))
            *_, found = await pipe.execute()
        return {name.decode(): json.loads(value) for name, value in found.items()}
    async with _lock():
        present = await cache.aget(key(room_id)) or {}
        if entry is None:
            present.pop(channel_name, None)
        else:
            present[channel_name] = entry
        await cache.aset(key(room_id), present, TIMEOUT)
    return present


async def members(room_id):
    """The room now, {channel name: [user id, name]}."""
    watch = layerwatch.watcher()
    if watch is not None:
        found = await watch.client.hgetall(key(room_id))
        return {name.decode(): json.loads(value) for name, value in found.items()}
    return await cache.aget(key(room_id)) or {}
