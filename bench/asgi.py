"""The site's ASGI application as the benchmark serves it (bench.settings:
the floor view, media), plus a bare echo consumer for `bench/chat.py`.

`/ws/echo/<room>/` joins a channel-layer group and re-broadcasts what it
receives: no session, no checks, no database. Run next to the real chat in
the same daphne process, it shows what persistence and the rules cost.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from django.core.asgi import get_asgi_application  # noqa: E402

django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.generic.websocket import AsyncJsonWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402

from pusat.frontcache import FrontPageCache  # noqa: E402
from pusat.routing import websocket_urlpatterns  # noqa: E402


class EchoConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.group = "echo." + self.scope["url_route"]["kwargs"]["room"]
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content):
        frame = {
            "type": "message",
            "body": content.get("body"),
            "client_id": content.get("client_id"),
        }
        await self.channel_layer.group_send(self.group, {"type": "echo.frame", "frame": frame})

    async def echo_frame(self, event):
        await self.send_json(event["frame"])


application = ProtocolTypeRouter(
    {
        "http": FrontPageCache(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(
                URLRouter(
                    [path("ws/echo/<slug:room>/", EchoConsumer.as_asgi()), *websocket_urlpatterns]
                )
            )
        ),
    }
)
