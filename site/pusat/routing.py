"""All websocket routes of the project, gathered from the apps that have them.

Live chat (`/ws/obrolan/<room-slug>/`) plugs in here from `community.routing`.
"""

from community.routing import websocket_urlpatterns as chat_patterns

websocket_urlpatterns = [*chat_patterns]
