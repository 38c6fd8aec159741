"""The course reports in the Wagtail admin, for editors and administrators.

Three listings built on Wagtail's own `ReportView`, so they look and behave
like the admin's other reports (breadcrumbs, pagination, XLSX export): the
courses (`/admin/laporan-kursus/`), one course with its survey answers
(`/admin/laporan-kursus/<id>/`), and the members with their stage
(`/admin/laporan-kursus/anggota/`). The numbers come from `reports.py`; these
views only lay them out, and write them as CSV with `?export=csv`.
"""

import itertools

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from pusat.accounts.roles import is_editor

from . import reports

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value):
    """Text a spreadsheet would run as a formula (a member may type
    `=HYPERLINK(...)` into a survey) is kept as text by a leading quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


class AverageColumn(Column):
    """An average, or a dash when there is nothing to average yet."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return "—" if value is None else value


class CourseReportMixin:
    """Editors and administrators only (Wagtail lets in anyone with admin
    access), and CSV that Excel on Windows opens with Indonesian text intact."""

    header_icon = "clipboard-list"
    export_filename = "laporan"
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_CSV: defuse_formula},
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))

    def write_csv_response(self, rows):
        # A byte-order mark first: without it Excel reads UTF-8 as the Windows
        # code page and garbles every “curly quote”, dash and accented letter.
        content = itertools.chain(["\ufeff"], self.stream_csv(rows))
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    @cached_property
    def header_buttons(self):
        # CSV up front, as the issue asks; XLSX stays in Wagtail's "more" menu.
        return [HeaderButton(_("Download CSV"), url=self.csv_export_url, icon_name="download")]

    @cached_property
    def header_more_buttons(self):
        return [
            button for button in super().header_more_buttons if button.url != self.csv_export_url
        ]


class CourseReportView(CourseReportMixin, ReportView):
    """Every course: enrolments, progress, test scores and the gain, survey."""

    template_name = "courses/admin/course_report.html"
    page_title = _("Course report")
    index_url_name = "courses_reports:index"
    export_filename = "laporan-kursus"
    paginate_by = None  # a handful of courses: one table, no pages
    columns = [
        TitleColumn(
            "title",
            label=_("Course"),
            get_url=lambda row: reverse("courses_reports:course", args=[row.course_id]),
        ),
        Column("enrolled", label=_("Enrolled")),
        Column("in_progress", label=_("In progress")),
        Column("completed", label=_("Completed")),
        AverageColumn("avg_pre", label=_("Average pre-test")),
        AverageColumn("avg_post", label=_("Average post-test")),
        AverageColumn("avg_gain", label=_("Average gain")),
        # The four survey averages are on each course's page and in the CSV;
        # here they would squeeze the table off the screen.
        Column("survey_responses", label=_("Survey responses")),
    ]
    export_headings = {
        "title": _("Course"),
        "enrolled": _("Enrolled"),
        "in_progress": _("In progress"),
        "completed": _("Completed"),
        "avg_pre": _("Average pre-test score"),
        "avg_post": _("Average post-test score"),
        "avg_gain": _("Average gain"),
        "gain_members": _("Members with both tests"),
        "survey_responses": _("Survey responses"),
        "clarity_material": _("The material was clear (1–5)"),
        "clarity_examples": _("The examples were clear (1–5)"),
        "usefulness": _("Useful for my business (1–5)"),
        "pace": _("The pace suited me (1–5)"),
    }
    list_export = list(export_headings)

    def get_queryset(self):
        return reports.course_rows()


class CourseDetailReportView(CourseReportMixin, ReportView):
    """One course's numbers, and every survey answer with its comment."""

    template_name = "courses/admin/course_detail_report.html"
    header_icon = "comment"
    paginate_by = 50
    verbose_name_plural = _("survey responses")
    columns = [
        DateColumn("created_at", label=_("Date")),
        Column("clarity_material", label=_("Clear material")),
        Column("clarity_examples", label=_("Clear examples")),
        Column("usefulness", label=_("Usefulness")),
        Column("pace", label=_("Pace")),
        Column("comment", label=_("What should we improve?")),
    ]
    export_headings = {
        "created_at": _("Date"),
        "clarity_material": _("The material was clear (1–5)"),
        "clarity_examples": _("The examples were clear (1–5)"),
        "usefulness": _("Useful for my business (1–5)"),
        "pace": _("The pace suited me (1–5)"),
        "comment": _("What should we improve?"),
    }
    list_export = list(export_headings)
    custom_field_preprocess = {
        "created_at": {
            ReportView.FORMAT_CSV: lambda value: f"{timezone.localtime(value):%Y-%m-%d %H:%M}",
            ReportView.FORMAT_XLSX: lambda value: timezone.make_naive(value),
        }
    }

    @cached_property
    def course(self):
        # Looked up after the permission check in `dispatch`, not in `setup`.
        row = reports.course_row(self.kwargs["course_id"])
        if row is None:
            raise Http404
        return row

    def get_page_title(self):
        return self.course.title

    def get_filename(self):
        return f"survei-kursus-{self.course.course_id}-{timezone.localdate():%Y-%m-%d}"

    def get_index_url(self):
        return reverse("courses_reports:course", args=[self.course.course_id])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("courses_reports:index"), "label": _("Course report")},
            {"url": "", "label": self.course.title},
        ]

    def get_queryset(self):
        return reports.survey_responses(self.course.course_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["course"] = self.course
        return context


class MemberReportView(CourseReportMixin, ReportView):
    """Every member: community, courses enrolled and completed, stage."""

    template_name = "courses/admin/member_report.html"
    header_icon = "group"
    page_title = _("Member progress")
    index_url_name = "courses_reports:members"
    index_results_url_name = "courses_reports:members_results"
    export_filename = "laporan-anggota"
    paginate_by = 50
    is_searchable = True
    search_fields = ["full_name", "email", "business_name"]
    verbose_name_plural = _("members")
    columns = [
        Column("name", label=_("Name")),
        Column("business_name", label=_("Business")),
        Column("community", label=_("Community")),
        Column("courses_enrolled", label=_("Courses enrolled")),
        Column("courses_completed", label=_("Courses completed")),
        Column("stage_label", label=_("e-UMKM stage")),
    ]
    export_headings = {
        "name": _("Name"),
        "email": _("Email"),
        "business_name": _("Business"),
        "community": _("Community"),
        "courses_enrolled": _("Courses enrolled"),
        "courses_completed": _("Courses completed"),
        "stage_label": _("e-UMKM stage"),
    }
    list_export = list(export_headings)

    def get_queryset(self):
        return self.search_queryset(reports.members())

    def get_table(self, object_list):
        # Rows are made once, here, from this page of members (or all of
        # them for an export); `decorate_paginated_queryset` hands the same
        # rows to the export.
        self.rows = reports.member_rows(object_list)
        return super().get_table(self.rows)

    def decorate_paginated_queryset(self, object_list):
        return self.rows
