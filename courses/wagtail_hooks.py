"""The course reports in the Wagtail admin: their URLs, and two entries in
the admin's "Reports" menu, shown to editors and administrators only."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pusat.accounts.roles import is_editor

from . import admin_views

NAMESPACE = "courses_reports"
report_urlpatterns = [
    path("", admin_views.CourseReportView.as_view(), name="index"),
    path("<int:course_id>/", admin_views.CourseDetailReportView.as_view(), name="course"),
    path("anggota/", admin_views.MemberReportView.as_view(), name="members"),
    path(
        "anggota/hasil/",
        admin_views.MemberReportView.as_view(results_only=True),
        name="members_results",
    ),
]


@hooks.register("register_admin_urls")
def register_course_report_urls():
    # Wagtail wraps these in its admin-access check; the views narrow it to editors.
    return [path("laporan-kursus/", include((report_urlpatterns, NAMESPACE)))]


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_course_report_menu_item():
    return EditorMenuItem(
        _("Course report"),
        reverse("courses_reports:index"),
        name="course-report",
        icon_name="clipboard-list",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_member_report_menu_item():
    return EditorMenuItem(
        _("Member progress"),
        reverse("courses_reports:members"),
        name="member-progress",
        icon_name="group",
        order=110,
    )
