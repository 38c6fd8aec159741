"""A chat client speaking the documented websocket protocol the way
`static/js/chat.js` does: connect with `?after=<last id seen>`, keep every
message typed until the server returns it (matched by `client_id`), resend
the unconfirmed ones on every reconnect, retry with a short backoff.

It never drops a frame itself: every message frame received is recorded,
so a duplicate or a gap sent by the server shows in `frames`.
"""

import asyncio
import contextlib
import itertools
import json

import websockets


class ChatClient:
    def __init__(self, name, cookie, room, ports, after):
        self.name = name
        self.cookie = cookie
        self.room = room
        self.ports = ports  # tried in turn after a failed or dropped connection
        self.port_index = 0
        self.last_id = after
        self.frames = []  # every message frame received, in arrival order
        self.errors = []
        self.rate_limited = 0
        self.acks = 0
        self.unavailable = 0
        self.pending = {}  # client_id -> body, until the server returns it
        self.sent = {}  # client_id -> body, everything ever typed
        self.connections = 0
        self.socket = None
        self.numbers = itertools.count(1)
        self.stopped = False

    def url(self):
        port = self.ports[self.port_index % len(self.ports)]
        return f"ws://127.0.0.1:{port}/ws/obrolan/{self.room}/?after={self.last_id}"

    async def run(self):
        while not self.stopped:
            try:
                async with websockets.connect(
                    self.url(),
                    origin="http://127.0.0.1",
                    additional_headers={"Cookie": f"sessionid={self.cookie}"},
                    open_timeout=3,
                    close_timeout=1,
                ) as socket:
                    self.socket = socket
                    self.connections += 1
                    for client_id, body in list(self.pending.items()):
                        await socket.send(self.frame(client_id, body))
                    async for raw in socket:
                        self.receive(json.loads(raw))
            except (TimeoutError, OSError, websockets.exceptions.WebSocketException):
                pass
            finally:
                self.socket = None
            if not self.stopped:
                self.port_index += 1
                await asyncio.sleep(0.3)

    def receive(self, frame):
        if frame["type"] == "message":
            seen = any(earlier["id"] == frame["id"] for earlier in self.frames)
            if seen and frame.get("client_id") in self.sent:
                # The documented answer to a resend of a message already
                # stored (and already received, e.g. by backfill): an ack.
                self.acks += 1
                return
            self.frames.append(frame)
            self.last_id = max(self.last_id, frame["id"])
            self.pending.pop(frame.get("client_id"), None)
        elif frame["type"] == "error":
            client_id = frame.get("client_id")
            if frame["code"] == "unavailable":
                self.unavailable += 1  # Redis is away; the socket closes, we retry
            elif frame["code"] == "rate_limited" and client_id in self.pending:
                # A reconnect resends the whole queue at once and can pass the
                # 5-per-5-seconds limit: try that one again a little later.
                self.rate_limited += 1
                asyncio.get_running_loop().call_later(2, self.resend, client_id)
            else:
                self.errors.append(frame)

    def resend(self, client_id):
        socket = self.socket
        if socket is not None and client_id in self.pending:
            asyncio.ensure_future(self.send_quietly(socket, client_id))

    async def send_quietly(self, socket, client_id):
        with contextlib.suppress(websockets.exceptions.WebSocketException):
            await socket.send(self.frame(client_id, self.pending[client_id]))

    @staticmethod
    def frame(client_id, body):
        return json.dumps({"type": "message", "body": body, "client_id": client_id})

    async def say(self, body):
        client_id = f"{self.name}-{next(self.numbers)}"
        self.sent[client_id] = body
        self.pending[client_id] = body
        socket = self.socket
        if socket is not None:
            # On failure it stays pending and is resent on reconnect.
            await self.send_quietly(socket, client_id)
        return client_id

    async def close(self):
        self.stopped = True
        if self.socket is not None:
            await self.socket.close()


def room_and_members(count):
    """A community members' room with at least `count` members of the demo site."""
    from community.models import ChatRoom, Membership

    for room in ChatRoom.objects.filter(kind=ChatRoom.Kind.MEMBERS).order_by("pk"):
        memberships = Membership.objects.active().filter(community=room.community)
        people = [membership.user for membership in memberships.select_related("user")]
        people = [
            person for person in people if ChatRoom.objects.visible_to(person).filter(pk=room.pk)
        ]
        if len(people) >= count:
            return room, people[:count]
    raise AssertionError(f"no community room with {count} members in the demo data")
