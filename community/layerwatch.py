"""Is Redis, which carries the chat's channel layer, reachable?

With Redis gone the channel layer cannot deliver: a socket would look
connected and stay silent (the pub/sub layer reconnects quietly in the
background). So, when `REDIS_URL` is set, one watcher per server process
(per event loop) pings Redis every `WATCH_SECONDS`; when a ping fails it
closes every chat socket of the process with 1011, and `connect` refuses new
ones the same way while Redis stays away. chat.js then shows
"Menyambung ulang…" and retries with backoff; once Redis answers, the
reconnect's `?after=` backfill brings every message stored meanwhile.
Without Redis (the in-memory layer) there is nothing to watch.

When a ping fails the watcher also closes this process's channel-layer
connections (and its own): a connection that outlives the Redis that served
it must not be handed out again once Redis is back. (redis-py 8.1.0's
asyncio pool did hand them out under RESP3, redis/redis-py#4252: the first
socket to join after the restart then failed on one; the settings ask for
RESP2, and this is the second line of defence.)
"""

import asyncio
import logging
import weakref

from django.conf import settings
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

WATCH_SECONDS = 2
PING_TIMEOUT = 1
RESET_TIMEOUT = 5

_watchers = weakref.WeakKeyDictionary()  # event loop -> Watcher


class Watcher:
    def __init__(self, url):
        import redis.asyncio

        self.client = redis.asyncio.from_url(
            url, socket_connect_timeout=PING_TIMEOUT, socket_timeout=PING_TIMEOUT, protocol=2
        )
        self.sockets = weakref.WeakSet()
        self.task = None
        self.resetting = None

    async def ping(self):
        try:
            await asyncio.wait_for(self.client.ping(), PING_TIMEOUT + 0.5)
        except (RedisError, OSError, TimeoutError) as error:
            logger.warning("Redis unreachable: chat sockets closed (%s)", error)
            if self.resetting is None or self.resetting.done():
                self.resetting = asyncio.get_running_loop().create_task(self.reset_connections())
            return False
        return True

    async def reset_connections(self):
        """Close every Redis connection of this process's channel layer and of
        the watcher: commands then fail at once while Redis is away, and start
        on fresh connections when it is back."""
        from channels.layers import get_channel_layer

        layer = get_channel_layer()
        try:
            await self.client.connection_pool.disconnect()
            if hasattr(layer, "close_pools"):
                await asyncio.wait_for(layer.close_pools(), RESET_TIMEOUT)
        except Exception:  # best effort: the pools reconnect on their own anyway
            logger.warning("Closing the channel layer's connections failed", exc_info=True)

    def forget(self, consumer):
        self.sockets.discard(consumer)

    def watch(self, consumer):
        self.sockets.add(consumer)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self.run())

    async def run(self):
        while self.sockets:
            await asyncio.sleep(WATCH_SECONDS)
            if not self.sockets:
                break
            if not await self.ping():
                for consumer in list(self.sockets):
                    self.sockets.discard(consumer)
                    await consumer.lost_channel_layer()


def watcher():
    """This event loop's watcher, or None without Redis."""
    url = getattr(settings, "REDIS_URL", None)
    if not url:
        return None
    loop = asyncio.get_running_loop()
    found = _watchers.get(loop)
    if found is None:
        found = _watchers[loop] = Watcher(url)
    return found
