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
"""

import asyncio
import logging
import weakref

from django.conf import settings
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

WATCH_SECONDS = 2
PING_TIMEOUT = 1

_watchers = weakref.WeakKeyDictionary()  # event loop -> Watcher


class Watcher:
    def __init__(self, url):
        import redis.asyncio

        self.client = redis.asyncio.from_url(
            url, socket_connect_timeout=PING_TIMEOUT, socket_timeout=PING_TIMEOUT
        )
        self.sockets = weakref.WeakSet()
        self.task = None

    async def ping(self):
        try:
            await asyncio.wait_for(self.client.ping(), PING_TIMEOUT + 0.5)
        except (RedisError, OSError, TimeoutError) as error:
            logger.warning("Redis unreachable: chat sockets closed (%s)", error)
            return False
        return True

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
