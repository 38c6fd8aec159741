from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("cari/", views.search, name="search"),
    path("pengaturan/", views.preferences, name="preferences"),
    path("laporan/", views.reports, name="reports"),
    path("laporan/<int:pk>/selesai/", views.resolve_report, name="resolve_report"),
    path("kursus/<int:course_id>/", views.course_discussion, name="course"),
    path("kategori/<slug:slug>/", views.category, name="category"),
    path("kategori/<slug:slug>/baru/", views.new_thread, name="new_thread"),
    path("topik/<int:pk>/", views.thread, name="thread"),
    path("topik/<int:pk>/balas/", views.reply, name="reply"),
    path("topik/<int:pk>/belum-dibaca/", views.first_unread, name="first_unread"),
    path("topik/<int:pk>/ikuti/", views.follow, name="follow"),
    path("topik/<int:pk>/moderasi/", views.moderate_thread, name="moderate_thread"),
    path("pesan/<int:pk>/", views.post, name="post"),
    path("pesan/<int:pk>/ubah/", views.edit_post, name="edit_post"),
    path("pesan/<int:pk>/hapus/", views.delete_post, name="delete_post"),
    path("pesan/<int:pk>/reaksi/", views.react, name="react"),
    path("pesan/<int:pk>/solusi/", views.mark_solution, name="mark_solution"),
    path("pesan/<int:pk>/laporkan/", views.report, name="report"),
    path("pesan/<int:pk>/moderasi/", views.moderate_post, name="moderate_post"),
    path("anggota/<int:user_pk>/tangguhkan/", views.suspend, name="suspend"),
]
