from django.urls import path, register_converter

from . import (
    election_views,
    event_views,
    membership_views,
    minutes_views,
    proposal_views,
    views,
)

app_name = "community"

register_converter(membership_views.CommunitySlugConverter, "community_slug")

urlpatterns = [
    path("", views.index, name="index"),
    path("pemilihan/", election_views.election_list, name="elections"),
    path("pemilihan/baru/", election_views.election_create, name="election_create"),
    path("pemilihan/tanda-terima/", election_views.verify, name="election_verify"),
    path("pemilihan/<int:pk>/", election_views.election_detail, name="election_detail"),
    path("pemilihan/<int:pk>/calonkan/", election_views.nominate, name="election_nominate"),
    path("pemilihan/<int:pk>/suara/", election_views.ballot, name="election_ballot"),
    path("pemilihan/<int:pk>/tutup/", election_views.close, name="election_close"),
    path("pemilihan/<int:pk>/lantik/", election_views.install, name="election_install"),
    path("pemilihan/<int:pk>/hasil/", election_views.results, name="election_results"),
    path("pemilihan/<int:pk>/log/", election_views.audit, name="election_audit"),
    path("pemilihan/pencalonan/<int:pk>/", election_views.respond, name="nomination_respond"),
    path("pemilihan/<int:pk>/mufakat/", election_views.consensus, name="election_consensus"),
    path("pemilihan/<int:pk>/jadwal/", election_views.change_windows, name="election_windows"),
    path("pemilihan/<int:pk>/hadir/", election_views.confirm_attendance, name="election_attend"),
    path(
        "pemilihan/<int:pk>/seri/<int:position_pk>/",
        election_views.break_tie,
        name="election_break_tie",
    ),
    path("agenda/", event_views.agenda, name="agenda"),
    path("agenda/baru/", event_views.event_create, name="event_create"),
    path("agenda/ical/", event_views.agenda_ical, name="agenda_ical"),
    path("agenda/<int:pk>/", event_views.event_detail, name="event_detail"),
    path("agenda/<int:pk>/ubah/", event_views.event_edit, name="event_edit"),
    path("agenda/<int:pk>/terbitkan/", event_views.event_publish, name="event_publish"),
    path("agenda/<int:pk>/jawab/", event_views.event_rsvp, name="event_rsvp"),
    path("agenda/<int:pk>/kehadiran/", event_views.event_attendance, name="event_attendance"),
    path("agenda/<int:pk>/ical/", event_views.event_ical, name="event_ical"),
    path("notulen/", minutes_views.minutes_list, name="minutes"),
    path("notulen/baru/", minutes_views.minutes_create, name="minutes_create"),
    path("notulen/<int:pk>/", minutes_views.minutes_detail, name="minutes_detail"),
    path("notulen/<int:pk>/ubah/", minutes_views.minutes_edit, name="minutes_edit"),
    path("notulen/<int:pk>/terbitkan/", minutes_views.minutes_publish, name="minutes_publish"),
    path("notulen/<int:pk>/sahkan/", minutes_views.minutes_confirm, name="minutes_confirm"),
    path("notulen/<int:pk>/cetak/", minutes_views.minutes_print, name="minutes_print"),
    path(
        "notulen/<int:pk>/lampiran/<int:attachment_pk>/",
        minutes_views.minutes_attachment,
        name="minutes_attachment",
    ),
    path("usulan/", proposal_views.proposal_list, name="proposals"),
    path("usulan/baru/", proposal_views.proposal_create, name="proposal_create"),
    path("usulan/<int:pk>/", proposal_views.proposal_detail, name="proposal_detail"),
    path("usulan/<int:pk>/dukung/", proposal_views.proposal_support, name="proposal_support"),
    path(
        "usulan/<int:pk>/tarik-dukungan/",
        proposal_views.proposal_unsupport,
        name="proposal_unsupport",
    ),
    path("usulan/<int:pk>/keputusan/", proposal_views.proposal_decide, name="proposal_decide"),
    path("dasbor/", proposal_views.dashboard, name="dashboard"),
    path("dasbor/csv/", proposal_views.dashboard_csv, name="dashboard_csv"),
    # Communities and members. `community_slug` never matches a reserved
    # prefix (agenda/, pemilihan/, …), so these may sit anywhere in the list.
    path("permintaan/<int:pk>/", membership_views.join_request, name="join_request"),
    path("<community_slug:slug>/", membership_views.detail, name="detail"),
    path("<community_slug:slug>/gabung/", membership_views.join, name="join"),
    path("<community_slug:slug>/anggota/", membership_views.members, name="members"),
    path("<community_slug:slug>/permintaan/", membership_views.join_requests, name="join_requests"),
]
