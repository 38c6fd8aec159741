"""Live chat pages under /obrolan/ (websockets are in routing.py)."""

from django.urls import path

from . import chat_views

app_name = "chat"

urlpatterns = [
    path("", chat_views.index, name="index"),
    path("pesan-langsung/", chat_views.direct, name="direct"),
    path("<slug:slug>/", chat_views.room, name="room"),
    path("<slug:slug>/hapus/<int:pk>/", chat_views.delete, name="delete"),
    path("<slug:slug>/bisukan/<int:pk>/", chat_views.mute, name="mute"),
]
