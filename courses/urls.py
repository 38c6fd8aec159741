"""Course views outside the page tree. `/kursus/` itself and each course and
lesson are Wagtail pages (see models.py); these paths sit beside them."""

from django.urls import path

from . import offline, views

app_name = "courses"

urlpatterns = [
    path("saya/", views.my_learning, name="my_learning"),
    path("sertifikat/<str:code>/", views.verify_certificate, name="verify_certificate"),
    path("tinjauan/", views.review_queue, name="review_queue"),
    path("tinjauan/<int:pk>/", views.review, name="review"),
    path("bukti/<int:pk>/berkas/", views.evidence_file, name="evidence_file"),
    path("sw.js", offline.service_worker, name="service_worker"),
]
