"""Live chat pages under /obrolan/ (websockets are in routing.py)."""

from django.urls import path

from . import views

app_name = "chat"

urlpatterns = [
    path("", views.chat_index, name="index"),
]
