"""Minutes (`/komunitas/notulen/`): thin views over `minutes.py`.

Every page reads `minutes.visible_to(user)`, so minutes a person may not
read are simply not there (404). Every change goes through a rule in
`minutes.py`, whose `MinutesError` message is shown to the person with
nothing changed. The forms live here because only these views use them.
"""

from datetime import datetime, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import dateformat, timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pusat.media import protect

from . import minutes as rules
from .events import officer_community
from .minutes import MinutesError
from .models import Event, Minutes, MinutesAttachment
from .roles import is_officer

PAGE_SIZE = 20
# Events offered in the form: the last year and the coming month.
EVENT_CHOICE_PAST_DAYS = 365
EVENT_CHOICE_FUTURE_DAYS = 30
ACTION_PREFIX = "aksi"
# Shown in the browser rather than downloaded.
INLINE_KINDS = {"pdf", "jpg", "png"}


# --- Forms --------------------------------------------------------------------


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({dateformat.format(obj.local_starts_at, 'j F Y')})"


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as read on the meeting's own clock (no zone yet);
    `MinutesForm.minutes_fields` applies the zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H.%M"])
        super().__init__(**kwargs)

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and timezone.is_aware(result):
            result = timezone.make_naive(result, timezone.get_current_timezone())
        return result


class MinutesForm(forms.Form):
    event = EventChoiceField(
        label=gettext_lazy("Event on the agenda"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=gettext_lazy("No event"),
        help_text=gettext_lazy(
            "Optional. With an event, the attendance recorded for it fills the attendees."
        ),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Meeting kind"), choices=Minutes.Kind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    held_at = LocalDateTimeField(
        label=gettext_lazy("Held on"),
        help_text=gettext_lazy("Day and starting time, on the community's own clock."),
    )
    place = forms.CharField(label=gettext_lazy("Place"), max_length=200, required=False)
    chair = PersonChoiceField(
        label=gettext_lazy("Chaired by"), queryset=Event.objects.none(), required=False
    )
    secretary = PersonChoiceField(
        label=gettext_lazy("Minutes taken by"), queryset=Event.objects.none(), required=False
    )
    attendees = PeopleChoiceField(
        label=gettext_lazy("Members present"),
        queryset=Event.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Leave all unticked to take the attendance recorded for the chosen event."
        ),
    )
    guests = forms.IntegerField(
        label=gettext_lazy("Other attendees (not members)"),
        min_value=0,
        max_value=rules.MAX_GUESTS,
        initial=0,
        help_text=gettext_lazy("For example officials of the regional office or guest speakers."),
    )
    agenda = forms.CharField(
        label=gettext_lazy("Agenda"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One item per line."),
        error_messages={"required": gettext_lazy("Write the agenda of the meeting.")},
    )
    discussion = forms.CharField(
        label=gettext_lazy("Discussion"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    decisions = forms.CharField(
        label=gettext_lazy("Decisions"),
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One decision per line."),
    )
    attachment = forms.FileField(
        label=gettext_lazy("Add an attachment"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}
        ),
        help_text=gettext_lazy("Optional: a PDF, Word (docx), JPG or PNG file of at most 10 MB."),
    )
    remove_attachments = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Remove attachments"),
        queryset=MinutesAttachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    FILE_FIELDS = ("attachment", "remove_attachments")

    def __init__(self, *args, community, minutes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community
        people = rules.people_of(community, minutes)
        for name in ("chair", "secretary", "attendees"):
            self.fields[name].queryset = people
        now = timezone.now()
        offered = Q(
            starts_at__gte=now - timedelta(days=EVENT_CHOICE_PAST_DAYS),
            starts_at__lte=now + timedelta(days=EVENT_CHOICE_FUTURE_DAYS),
        )
        if minutes is not None and minutes.event_id:
            offered |= Q(pk=minutes.event_id)
        self.fields["event"].queryset = Event.objects.filter(offered, community=community).order_by(
            "-starts_at", "-pk"
        )
        self.fields["event"].error_messages["invalid_choice"] = _(
            "Minutes can only be written for an event of %(community)s."
        ) % {"community": community.name}
        if minutes is not None and minutes.pk:
            self.fields["remove_attachments"].queryset = minutes.attachments.select_related(
                "document"
            ).order_by("pk")
            self.fields["remove_attachments"].label_from_instance = lambda item: item.document.title
        if minutes is None or not self.fields["remove_attachments"].queryset.exists():
            del self.fields["remove_attachments"]

    def meeting_fields(self):
        return [self[name] for name in self.fields if name not in self.FILE_FIELDS]

    def file_fields(self):
        return [self[name] for name in self.fields if name in self.FILE_FIELDS]

    @classmethod
    def initial_for(cls, minutes):
        initial = {name: getattr(minutes, name) for name in rules.EDITABLE_FIELDS}
        initial["held_at"] = rules.local_held_at(minutes).replace(tzinfo=None)
        initial["attendees"] = list(minutes.attendees.values_list("pk", flat=True))
        return initial

    @classmethod
    def initial_from_event(cls, event):
        """What an event already says about the meeting."""
        return {
            "event": event.pk,
            "title": _("Minutes: %(title)s") % {"title": event.title},
            "kind": Minutes.Kind.MEMBERS,
            "held_at": event.local_starts_at.replace(tzinfo=None),
            "place": event.place or event.online_link,
            "attendees": list(rules.attendance_of(event).values_list("pk", flat=True)),
        }

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            try:
                rules.check_attachment(upload)
            except MinutesError as error:
                raise ValidationError(error.message, code="attachment") from None
        return upload

    def minutes_fields(self):
        """The cleaned values for `minutes.py`, the time placed in the
        meeting's zone (the event's, or the community's)."""
        data = {name: self.cleaned_data[name] for name in rules.EDITABLE_FIELDS}
        zone = rules.meeting_zone(self.community, data["event"])
        data["held_at"] = timezone.make_aware(data["held_at"], zone)
        return data

    def attendees_value(self):
        """The people ticked, or None (take the event's attendance) when
        none are ticked and an event is chosen."""
        chosen = list(self.cleaned_data["attendees"])
        if not chosen and self.cleaned_data.get("event") is not None:
            return None
        return chosen


class ActionItemForm(forms.Form):
    description = forms.CharField(label=gettext_lazy("What"), max_length=300, required=False)
    owner = PersonChoiceField(
        label=gettext_lazy("Who"), queryset=Event.objects.none(), required=False
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people

    def clean(self):
        data = super().clean()
        if (data.get("owner") or data.get("due_on")) and not data.get("description"):
            self.add_error("description", _("Describe what is to be done in each action item."))
        return data


ActionItemFormSet = forms.formset_factory(
    ActionItemForm, extra=3, max_num=rules.MAX_ACTION_ITEMS, validate_max=True
)


def _action_formset(request, community, minutes=None):
    people = rules.people_of(community, minutes)
    kwargs = {"prefix": ACTION_PREFIX, "form_kwargs": {"people": people}}
    if request.method == "POST":
        return ActionItemFormSet(request.POST, **kwargs)
    if minutes is not None:
        kwargs["initial"] = [
            {"description": item.description, "owner": item.owner_id, "due_on": item.due_on}
            for item in minutes.action_items.all()
        ]
    return ActionItemFormSet(**kwargs)


def _action_items(formset):
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and form.cleaned_data.get("description")
    ]


def _add_error(form, error):
    form.add_error(error.field if error.field in form.fields else None, error.message)


# --- Lists and pages ----------------------------------------------------------


def _annotated(minutes_list):
    for minutes in minutes_list:
        minutes.when = rules.when(minutes)
    return minutes_list


def minutes_list(request):
    """The minutes a person may read, newest meeting first, a page at a time."""
    chosen = (
        rules.visible_to(request.user)
        .select_related("community", "event")
        .annotate(action_count=Count("action_items"))
        .order_by("-held_at", "-pk")
    )
    page = Paginator(chosen, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/minutes/list.html",
        {
            "page": page,
            "minutes_list": _annotated(list(page.object_list)),
            "can_create": officer_community(request.user) is not None,
        },
    )


def _visible_minutes(request, pk):
    queryset = rules.visible_to(request.user).select_related(
        "community", "event", "chair", "secretary", "confirmed_by", "created_by"
    )
    minutes = get_object_or_404(queryset, pk=pk)
    minutes.when = rules.when(minutes)
    return minutes


def _record(minutes):
    """What the detail and the printable page show besides the minutes row."""
    return {
        "minutes": minutes,
        "attendees": list(minutes.attendees.order_by("full_name", "pk")),
        "action_items": list(minutes.action_items.select_related("owner")),
        "attachments": list(minutes.attachments.select_related("document").order_by("pk")),
    }


def minutes_detail(request, pk):
    minutes = _visible_minutes(request, pk)
    officer = is_officer(request.user, minutes.community)
    versions = list(minutes.versions.select_related("edited_by"))
    for version in versions:
        held = version.snapshot.get("held_at_local")
        version.held_at = datetime.fromisoformat(held) if held else None
        version.action_items = [
            {**item, "due_on": parse_date(item["due_on"]) if item.get("due_on") else None}
            for item in version.snapshot.get("action_items", [])
        ]
    context = _record(minutes) | {
        "zone": rules.meeting_zone(minutes.community, minutes.event),
        "versions": versions,
        "is_minutes_officer": officer,
        "can_confirm": (
            minutes.status != Minutes.Status.DRAFT
            and minutes.confirmed_at is None
            and rules.can_confirm(request.user, minutes)
        ),
    }
    return render(request, "community/minutes/detail.html", context)


def minutes_print(request, pk):
    """The minutes laid out as a page of the minute book, for A4 paper."""
    minutes = _visible_minutes(request, pk)
    context = _record(minutes) | {
        "day": rules.day(minutes),
        "zone": rules.meeting_zone(minutes.community, minutes.event),
    }
    context["attendance_count"] = len(context["attendees"]) + minutes.guests
    return render(request, "community/minutes/print.html", context)


def minutes_attachment(request, pk, attachment_pk):
    """An attachment, for whoever may read the minutes (checked now, not
    when the link was shown)."""
    minutes = _visible_minutes(request, pk)
    attachment = get_object_or_404(
        MinutesAttachment.objects.select_related("document"), pk=attachment_pk, minutes=minutes
    )
    document = attachment.document
    kind = document.file_extension.lower()
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return protect(
        FileResponse(
            handle, as_attachment=kind not in INLINE_KINDS, filename=f"{document.title}.{kind}"
        )
    )


# --- Officers: write, edit, publish; the chair confirms -----------------------


def _not_allowed(request, message):
    return render(request, "community/minutes/not_allowed.html", {"message": message}, status=403)


@login_required
def minutes_create(request):
    community = officer_community(request.user)
    if community is None:
        return _not_allowed(
            request, _("Only the officers of a community can write or change its minutes.")
        )
    if request.method == "POST":
        form = MinutesForm(request.POST, request.FILES, community=community)
        formset = _action_formset(request, community)
        if form.is_valid() and formset.is_valid():
            try:
                minutes = rules.create_minutes(
                    request.user,
                    community,
                    attendees=form.attendees_value(),
                    action_items=_action_items(formset),
                    attachment=form.cleaned_data.get("attachment"),
                    **form.minutes_fields(),
                )
            except MinutesError as error:
                _add_error(form, error)
            else:
                messages.success(
                    request,
                    _("The minutes are saved as a draft. Publish them when they are ready."),
                )
                return redirect("community:minutes_detail", minutes.pk)
    else:
        initial = {"kind": Minutes.Kind.MEMBERS, "guests": 0}
        event_pk = request.GET.get("acara", "")
        if event_pk.isascii() and event_pk.isdigit():
            event = Event.objects.filter(pk=int(event_pk)).select_related("community").first()
            if event is None or event.community_id != community.pk:
                messages.error(
                    request,
                    _("Minutes can only be written for an event of %(community)s.")
                    % {"community": community.name},
                )
            else:
                initial |= MinutesForm.initial_from_event(event)
        form = MinutesForm(initial=initial, community=community)
        formset = _action_formset(request, community)
    return render(
        request,
        "community/minutes/form.html",
        {"form": form, "formset": formset, "community": community, "minutes": None},
    )


@login_required
def minutes_edit(request, pk):
    minutes = _visible_minutes(request, pk)
    if not rules.can_edit(request.user, minutes):
        return _not_allowed(
            request, _("Only the officers of this community can write or change its minutes.")
        )
    community = minutes.community
    if request.method == "POST":
        form = MinutesForm(request.POST, request.FILES, community=community, minutes=minutes)
        formset = _action_formset(request, community, minutes)
        if form.is_valid() and formset.is_valid():
            attendees = form.attendees_value()
            if attendees is None:
                attendees = list(rules.attendance_of(form.cleaned_data["event"]))
            try:
                rules.update_minutes(
                    request.user,
                    minutes,
                    attendees=attendees,
                    action_items=_action_items(formset),
                    attachment=form.cleaned_data.get("attachment"),
                    remove_attachments=form.cleaned_data.get("remove_attachments") or (),
                    **form.minutes_fields(),
                )
            except MinutesError as error:
                _add_error(form, error)
            else:
                if minutes.status == Minutes.Status.DRAFT:
                    messages.success(request, _("The minutes are updated."))
                else:
                    messages.success(
                        request,
                        _("The minutes are updated; the earlier text is kept in their history."),
                    )
                return redirect("community:minutes_detail", minutes.pk)
    else:
        form = MinutesForm(
            initial=MinutesForm.initial_for(minutes), community=community, minutes=minutes
        )
        formset = _action_formset(request, community, minutes)
    return render(
        request,
        "community/minutes/form.html",
        {"form": form, "formset": formset, "community": community, "minutes": minutes},
    )


@login_required
@require_POST
def minutes_publish(request, pk):
    minutes = _visible_minutes(request, pk)
    try:
        published = rules.publish_minutes(request.user, minutes, request.POST.get("audience", ""))
    except MinutesError as error:
        messages.error(request, error.message)
    else:
        if published.status == Minutes.Status.PUBLIC:
            messages.success(request, _("The minutes are published for everyone to read."))
        else:
            messages.success(
                request, _("The minutes are published to the members of the community.")
            )
    return redirect("community:minutes_detail", minutes.pk)


@login_required
@require_POST
def minutes_confirm(request, pk):
    minutes = _visible_minutes(request, pk)
    try:
        rules.confirm_minutes(request.user, minutes)
    except MinutesError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: you have confirmed these minutes."))
    return redirect("community:minutes_detail", minutes.pk)
