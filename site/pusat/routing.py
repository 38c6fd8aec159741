"""All websocket routes of the project, gathered from the apps that have them.

Live chat (`/ws/obrolan/<room-slug>/`) plugs in here from `community.routing`.
"""

websocket_urlpatterns = []
