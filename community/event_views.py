"""The community agenda (`/komunitas/agenda/`): thin views over `events.py`.

Lists and the calendar feed read `Event.objects.visible_to(user)`; every
change goes through a rule in `events.py`, whose `EventError` message is
shown to the person with nothing changed. The forms live here because only
these views use them.
"""

from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import events
from .events import EventError
from .models import Event, Membership, Rsvp
from .roles import is_officer

PAGE_SIZE = 20
# The whole-agenda feed: what is coming and what was recent, never unbounded.
FEED_PAST_DAYS = 90
FEED_LIMIT = 200


# --- Forms --------------------------------------------------------------------


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as written on the event's own clock (no zone yet).

    Django would read it in the server's zone; the form applies the zone the
    officer chose instead, so "09.00 WITA" is stored as 01.00 UTC.
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H.%M"])
        super().__init__(**kwargs)

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and timezone.is_aware(result):
            result = timezone.make_naive(result, timezone.get_current_timezone())
        return result


class EventForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=150)
    kind = forms.ChoiceField(label=gettext_lazy("Kind of event"), choices=Event.Kind.choices)
    starts_at = LocalDateTimeField(label=gettext_lazy("Starts"))
    ends_at = LocalDateTimeField(label=gettext_lazy("Ends"))
    time_zone = forms.ChoiceField(
        label=gettext_lazy("Time zone"),
        choices=Event.TimeZone.choices,
        help_text=gettext_lazy("The clock the start and end are written in."),
    )
    place = forms.CharField(
        label=gettext_lazy("Place"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Address or building, e.g. Kantor Pusat, Jl. Contoh Raya 17."),
    )
    online_link = forms.CharField(
        label=gettext_lazy("Online link"),
        max_length=300,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text=gettext_lazy("For an online meeting: the full link, starting with https://."),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Capacity"),
        required=False,
        min_value=1,
        max_value=100000,
        help_text=gettext_lazy("How many people can attend. Leave empty if there is no limit."),
    )
    is_public = forms.BooleanField(
        label=gettext_lazy("Visible to the public (otherwise members only)"), required=False
    )

    @classmethod
    def initial_for(cls, event):
        initial = {name: getattr(event, name) for name in events.EDITABLE_FIELDS}
        initial["starts_at"] = event.local_starts_at.replace(tzinfo=None)
        initial["ends_at"] = event.local_ends_at.replace(tzinfo=None)
        return initial

    def event_fields(self):
        """The cleaned values, with the times placed in the chosen zone."""
        data = dict(self.cleaned_data)
        zone = Event(time_zone=data["time_zone"]).zone
        for name in ("starts_at", "ends_at"):
            data[name] = timezone.make_aware(data[name], zone)
        return data


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(choices=Rsvp.Answer.choices)


class AttendanceForm(forms.Form):
    attended = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].queryset = get_user_model().objects.filter(
            membership__community=community, membership__status=Membership.Status.ACTIVE
        )


# --- Lists and pages ----------------------------------------------------------


def _listed(queryset, user):
    """An agenda queryset with what a list shows, in one query."""
    queryset = queryset.select_related("community").annotate(
        attending_count=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.ATTENDING))
    )
    if user.is_authenticated:
        mine = Rsvp.objects.filter(event=OuterRef("pk"), user=user).order_by().values("answer")
        queryset = queryset.annotate(my_answer=Subquery(mine[:1]))
    return queryset


def agenda(request):
    """Upcoming events (or, with `?tampil=lalu`, past ones), a page at a time."""
    show_past = request.GET.get("tampil") == "lalu"
    visible = Event.objects.visible_to(request.user)
    chosen = visible.past() if show_past else visible.upcoming()
    page = Paginator(_listed(chosen, request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/events/agenda.html",
        {
            "page": page,
            "events": page.object_list,
            "show_past": show_past,
            "can_create": events.officer_community(request.user) is not None,
        },
    )


def _visible_event(request, pk):
    queryset = Event.objects.visible_to(request.user).select_related("community", "created_by")
    return get_object_or_404(queryset, pk=pk)


def event_detail(request, pk):
    event = _visible_event(request, pk)
    user = request.user
    officer = is_officer(user, event.community)
    member = events.is_active_member(user, event.community)
    my_rsvp = Rsvp.objects.filter(event=event, user=user).first() if member else None
    context = {
        "event": event,
        "counts": events.counts(event),
        "is_event_officer": officer,
        "is_event_member": member,
        "my_rsvp": my_rsvp,
        "can_answer": member and event.is_published and not event.has_started(),
        "where": events.where(event),
    }
    if event.capacity is not None:
        context["seats_left"] = max(event.capacity - context["counts"]["attending"], 0)
    if member or officer:
        # Who said they will come: for the community only, never the public.
        context["attendees"] = [
            rsvp.user
            for rsvp in event.rsvps.filter(answer=Rsvp.Answer.ATTENDING)
            .select_related("user")
            .order_by("user__full_name")
        ]
    if officer and event.is_published and event.has_started():
        context["attendance_rows"] = _attendance_rows(event)
    return render(request, "community/events/detail.html", context)


def _attendance_rows(event):
    """Every active member of the community with their answer and attendance."""
    answers = {rsvp.user_id: rsvp for rsvp in Rsvp.objects.filter(event=event)}
    people = (
        get_user_model()
        .objects.filter(
            membership__community=event.community,
            membership__status=Membership.Status.ACTIVE,
        )
        .order_by("full_name", "pk")
    )
    return [(person, answers.get(person.pk)) for person in people]


# --- Officers: create, edit, publish, attendance ------------------------------


def _not_allowed(request, message):
    return render(request, "community/events/not_allowed.html", {"message": message}, status=403)


@login_required
def event_create(request):
    community = events.officer_community(request.user)
    if community is None:
        return _not_allowed(
            request, _("Only the officers of a community can post events on its agenda.")
        )
    if request.method == "POST":
        form = EventForm(request.POST)
        if form.is_valid():
            try:
                event = events.create_event(
                    request.user,
                    community,
                    publish="publish" in request.POST,
                    **form.event_fields(),
                )
            except EventError as error:
                form.add_error(error.field, error.message)
            else:
                if event.is_published:
                    messages.success(request, _("The event is published and members are told."))
                else:
                    messages.success(
                        request, _("The event is saved as a draft. Publish it when it is ready.")
                    )
                return redirect(event)
    else:
        form = EventForm(
            initial={
                "time_zone": events.default_time_zone(community),
                "kind": Event.Kind.MEETING,
            }
        )
    return render(
        request,
        "community/events/form.html",
        {"form": form, "community": community, "event": None},
    )


@login_required
def event_edit(request, pk):
    event = _visible_event(request, pk)
    if not is_officer(request.user, event.community):
        return _not_allowed(
            request, _("Only the officers of this community can post or change its events.")
        )
    if request.method == "POST":
        form = EventForm(request.POST)
        if form.is_valid():
            try:
                events.update_event(request.user, event, **form.event_fields())
            except EventError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The event is updated."))
                return redirect(event)
    else:
        form = EventForm(initial=EventForm.initial_for(event))
    return render(
        request,
        "community/events/form.html",
        {"form": form, "community": event.community, "event": event},
    )


@login_required
@require_POST
def event_publish(request, pk):
    event = _visible_event(request, pk)
    try:
        events.publish_event(request.user, event)
    except EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The event is published and members are told."))
    return redirect(event)


@login_required
@require_POST
def event_rsvp(request, pk):
    event = _visible_event(request, pk)
    form = RsvpForm(request.POST)
    answer = form.cleaned_data["answer"] if form.is_valid() else None
    try:
        events.rsvp(request.user, event, answer)
    except EventError as error:
        messages.error(request, error.message)
    else:
        if answer == Rsvp.Answer.ATTENDING:
            messages.success(request, _("Thank you! You are on the list of attendees."))
        else:
            messages.success(request, _("Noted: you will not attend."))
    return redirect(event)


@login_required
@require_POST
def event_attendance(request, pk):
    event = _visible_event(request, pk)
    if not is_officer(request.user, event.community):
        return _not_allowed(
            request, _("Only the officers of this community can record attendance.")
        )
    form = AttendanceForm(request.POST, community=event.community)
    if not form.is_valid():
        messages.error(request, _("Attendance can only be recorded for members of this community."))
        return redirect(event)
    try:
        count = events.mark_attendance(request.user, event, form.cleaned_data["attended"])
    except EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Attendance is saved: %(count)s members came.") % {"count": count}
        )
    return redirect(event)


# --- iCalendar ----------------------------------------------------------------


def _uid_domain():
    # Stable whatever host name the request came in on, so a calendar app
    # recognises the same event in the single-event file and in the feed.
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def _calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Pusat Komunitas Kreatif//Agenda Komunitas//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _vevent(request, event, stamp):
    entry = icalendar.Event()
    entry.add("uid", f"agenda-{event.pk}@{_uid_domain()}")
    entry.add("dtstamp", stamp)
    entry.add("dtstart", event.local_starts_at)
    entry.add("dtend", event.local_ends_at)
    entry.add("summary", event.title)
    entry.add("categories", [event.get_kind_display()])
    entry.add("last-modified", event.updated_at)
    url = request.build_absolute_uri(event.get_absolute_url())
    entry.add("url", url)
    where = events.where(event)
    if where:
        entry.add("location", where)
    description = "\n\n".join(
        part for part in (event.description, event.community.name, url) if part
    )
    entry.add("description", description)
    entry.add("class", "PUBLIC" if event.is_public else "PRIVATE")
    entry.add("status", "CONFIRMED" if event.is_published else "TENTATIVE")
    return entry


def _ical_response(calendar, filename):
    # VTIMEZONE blocks for WIB/WITA/WIT, so phones need no zone database.
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ical(request, pk):
    event = _visible_event(request, pk)
    calendar = _calendar(event.title)
    calendar.add_component(_vevent(request, event, timezone.now()))
    return _ical_response(calendar, f"agenda-{event.pk}.ics")


def agenda_ical(request):
    """Every published event the person may see: what is coming and the last
    three months."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    chosen = (
        Event.objects.visible_to(request.user)
        .published()
        .filter(ends_at__gte=since)
        .select_related("community")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )
    calendar = _calendar(_("Community agenda"))
    stamp = timezone.now()
    for event in chosen:
        calendar.add_component(_vevent(request, event, stamp))
    return _ical_response(calendar, "agenda.ics")
