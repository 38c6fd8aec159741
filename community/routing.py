"""Websocket routes of the community app: live chat."""

from django.urls import path

from .consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/obrolan/<slug:slug>/", ChatConsumer.as_asgi()),
]
