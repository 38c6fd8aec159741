"""The rules of a community's minutes (*notulen*), one function each.

Officers draft and edit minutes, publish them to the community's members or
to the public, and the chair of the meeting (or the community's current
ketua) confirms them. Views, the demo loader and tests all call these; each
checks its own rules and raises `MinutesError` with a message for the person,
changing nothing. An edit made after publication first saves the text as it
was in a `MinutesVersion`, so the history stays readable; it also lifts the
chair's confirmation, which vouched for the old text.
"""

import secrets
from functools import partial
from pathlib import PurePath
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pusat.accounts.actions import notify
from pusat.accounts.roles import is_editor

from .events import regional_time_zone
from .models import (
    ActionItem,
    Event,
    Membership,
    Minutes,
    MinutesAttachment,
    MinutesVersion,
    OfficerTerm,
)
from .roles import is_officer

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# What the first bytes of each accepted kind of file look like: the name
# alone proves nothing, so a renamed program is refused.
ATTACHMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
ATTACHMENT_ALIASES = {"jpeg": "jpg"}
MAX_GUESTS = 1000
MAX_ACTION_ITEMS = 30

TEXT_FIELDS = ("title", "place", "agenda", "discussion", "decisions")
EDITABLE_FIELDS = (
    "event",
    "kind",
    "title",
    "held_at",
    "place",
    "chair",
    "secretary",
    "guests",
    "agenda",
    "discussion",
    "decisions",
)


class MinutesError(Exception):
    """A rule said no; the message is for the person, in their language.

    `field` names the form field the message belongs to, when there is one.
    """

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- Who may see and do what --------------------------------------------------


def visible_to(user, queryset=None):
    """The minutes `user` may read.

    Public minutes for everyone; minutes published to members for the
    community's active members and for editors (and so administrators);
    drafts only for the community's current officers. Subqueries, so a list
    costs the same number of queries for everyone.
    """
    queryset = Minutes.objects.all() if queryset is None else queryset
    public = Q(status=Minutes.Status.PUBLIC)
    if not getattr(user, "is_authenticated", False):
        return queryset.filter(public)
    officer_of = OfficerTerm.objects.current().filter(user=user).values("community")
    if is_editor(user):
        return queryset.filter(~Q(status=Minutes.Status.DRAFT) | Q(community__in=officer_of))
    member_of = Membership.objects.active().filter(user=user).values("community")
    return queryset.filter(
        public
        | Q(status=Minutes.Status.MEMBERS, community__in=member_of)
        | Q(community__in=officer_of)
    )


def can_edit(user, minutes):
    return is_officer(user, minutes.community)


def is_current_chair(user, community):
    """True if `user` is the community's ketua today."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        OfficerTerm.objects.current()
        .filter(user=user, community=community, role=OfficerTerm.Role.CHAIR)
        .exists()
    )


def can_confirm(user, minutes):
    """The meeting's chair, or the community's current ketua, signs off."""
    if not getattr(user, "is_authenticated", False):
        return False
    return minutes.chair_id == user.pk or is_current_chair(user, minutes.community)


def people_of(community, minutes=None):
    """Everyone who may be named in a community's minutes: its active members
    and current officers, plus whoever the minutes already name (a member who
    has since left stays in the record)."""
    User = get_user_model()
    members = Membership.objects.active().filter(community=community).values("user")
    officers = OfficerTerm.objects.current().filter(community=community).values("user")
    condition = Q(pk__in=members) | Q(pk__in=officers)
    if minutes is not None and minutes.pk:
        named = {minutes.chair_id, minutes.secretary_id}
        named.update(minutes.attendees.values_list("pk", flat=True))
        named.update(minutes.action_items.values_list("owner_id", flat=True))
        named.discard(None)
        condition |= Q(pk__in=named)
    return User.objects.filter(condition).order_by("full_name", "pk")


def attendance_of(event):
    """The people an officer recorded as present at `event`."""
    return (
        get_user_model()
        .objects.filter(event_rsvps__event=event, event_rsvps__attended=True)
        .order_by("full_name", "pk")
    )


def _check_officer(user, community):
    if not is_officer(user, community):
        raise MinutesError(
            _("Only the officers of this community can write or change its minutes.")
        )


# --- Time ---------------------------------------------------------------------


def meeting_zone(community, event=None):
    """The clock a meeting is written in: its event's zone, or the zone the
    community's regency lies in (WIB unless the name places it east)."""
    if event is not None:
        return event.zone
    return ZoneInfo(regional_time_zone(community))


def local_held_at(minutes):
    return minutes.held_at.astimezone(meeting_zone(minutes.community, minutes.event))


def when(minutes):
    """The meeting's day and hour the Indonesian way: "Sabtu, 3 Oktober 2026,
    09.00 WITA". Reads `community` and `event`, so lists select them."""
    local = local_held_at(minutes)
    clock = "H:i" if (get_language() or "").startswith("en") else "H.i"
    zone = Event.ZONE_ABBREVIATIONS.get(local.tzinfo.key, local.tzinfo.key)
    return f"{dateformat.format(local, f'l, j F Y, {clock}')} {zone}"


def day(minutes):
    """The meeting's day alone, for the signature line of the minute book."""
    return dateformat.format(local_held_at(minutes), "j F Y")


# --- Checking what is written -------------------------------------------------


def _check_fields(minutes, people_ids):
    """The rules every saved set of minutes obeys, whoever saves it."""
    for name in TEXT_FIELDS:
        setattr(minutes, name, (getattr(minutes, name) or "").strip())
    if not minutes.title:
        raise MinutesError(_("Give the minutes a title."), field="title")
    if minutes.kind not in Minutes.Kind.values:
        raise MinutesError(
            _("Choose whether this was a board meeting or a members' meeting."), field="kind"
        )
    if minutes.held_at is None:
        raise MinutesError(_("Give the day and time of the meeting."), field="held_at")
    if timezone.is_naive(minutes.held_at):
        # A programming error, not bad input: times must know their zone.
        raise ValueError("Meeting times must be timezone-aware.")
    if not minutes.agenda:
        raise MinutesError(_("Write the agenda of the meeting."), field="agenda")
    for name in TEXT_FIELDS:
        limit = Minutes._meta.get_field(name).max_length
        if len(getattr(minutes, name)) > limit:
            raise MinutesError(
                _("This text is too long: keep it under %(count)s characters.") % {"count": limit},
                field=name,
            )
    if minutes.guests is None or not 0 <= minutes.guests <= MAX_GUESTS:
        raise MinutesError(
            _("Give the number of other attendees, from 0 to %(max)s.") % {"max": MAX_GUESTS},
            field="guests",
        )
    if minutes.event_id is not None and minutes.event.community_id != minutes.community_id:
        raise MinutesError(
            _("Minutes can only be written for an event of %(community)s.")
            % {"community": minutes.community.name},
            field="event",
        )
    for name in ("chair", "secretary"):
        person_id = getattr(minutes, f"{name}_id")
        if person_id is not None and person_id not in people_ids:
            raise MinutesError(
                _("The chair and the secretary must be members of this community."), field=name
            )


def _clean_attendees(attendees, people_ids):
    ids = {getattr(person, "pk", person) for person in attendees}
    if ids - people_ids:
        raise MinutesError(
            _("Only members of this community can be listed as attendees."), field="attendees"
        )
    return ids


def _clean_action_items(items, people_ids):
    """Action items as dicts of description, owner and due date."""
    cleaned = []
    for item in items:
        description = (item.get("description") or "").strip()
        owner = item.get("owner")
        owner_id = getattr(owner, "pk", owner)
        if not description:
            raise MinutesError(_("Describe what is to be done in each action item."))
        if len(description) > ActionItem._meta.get_field("description").max_length:
            raise MinutesError(_("Keep each action item under 300 characters."))
        if owner_id is not None and owner_id not in people_ids:
            raise MinutesError(_("Action items can only be given to members of this community."))
        cleaned.append(
            ActionItem(description=description, owner_id=owner_id, due_on=item.get("due_on"))
        )
    if len(cleaned) > MAX_ACTION_ITEMS:
        raise MinutesError(
            _("Keep to at most %(count)s action items.") % {"count": MAX_ACTION_ITEMS}
        )
    return cleaned


def check_attachment(upload):
    """Accept a PDF, Word (docx), JPG or PNG file of at most 10 MB, judged by
    its first bytes as well as its name. Returns the file's kind."""
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise MinutesError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(ATTACHMENT_MAX_BYTES),
            },
            field="attachment",
        )
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    kind = ATTACHMENT_ALIASES.get(extension, extension)
    signatures = ATTACHMENT_SIGNATURES.get(kind)
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if signatures is None or not any(head.startswith(sign) for sign in signatures):
        raise MinutesError(
            _("Attach a PDF, Word (docx), JPG or PNG file."),
            field="attachment",
        )
    return kind


def _store_attachment(user, minutes, upload, kind):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    title = PurePath(upload.name).stem.strip()[:200] or _("Attachment")
    # A random stored name: Wagtail serves documents at /dokumen/<id>/<name>,
    # so only someone shown the link (by the minutes page) can open it.
    upload.name = f"notulen-{minutes.pk}-{secrets.token_hex(12)}.{kind}"
    document = get_document_model()(
        title=title,
        file=upload,
        collection=Collection.get_first_root_node(),
        uploaded_by_user=user,
    )
    document._set_document_file_metadata()
    document.save()
    return MinutesAttachment.objects.create(minutes=minutes, document=document)


# --- History ------------------------------------------------------------------


def snapshot(minutes):
    """The minutes as they read now, names included, for the history."""
    local = local_held_at(minutes)
    return {
        "title": minutes.title,
        "kind": minutes.kind,
        "held_at": minutes.held_at.isoformat(),
        "held_at_local": local.strftime("%Y-%m-%d %H:%M"),
        "zone": Event.ZONE_ABBREVIATIONS.get(local.tzinfo.key, local.tzinfo.key),
        "place": minutes.place,
        "event": minutes.event.title if minutes.event_id else None,
        "chair": minutes.chair.full_name if minutes.chair_id else None,
        "secretary": minutes.secretary.full_name if minutes.secretary_id else None,
        "attendees": list(
            minutes.attendees.order_by("full_name").values_list("full_name", flat=True)
        ),
        "guests": minutes.guests,
        "agenda": minutes.agenda,
        "discussion": minutes.discussion,
        "decisions": minutes.decisions,
        "action_items": [
            {
                "description": item.description,
                "owner": item.owner.full_name if item.owner_id else None,
                "due_on": item.due_on.isoformat() if item.due_on else None,
            }
            for item in minutes.action_items.select_related("owner")
        ],
        "attachments": [
            attachment.document.title
            for attachment in minutes.attachments.select_related("document").order_by("pk")
        ],
        "status": minutes.status,
        "confirmed_by": minutes.confirmed_by.full_name if minutes.confirmed_by_id else None,
        "confirmed_at": minutes.confirmed_at.isoformat() if minutes.confirmed_at else None,
    }


# --- Writing ------------------------------------------------------------------


def _unknown(fields):
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown minutes fields: {', '.join(sorted(unknown))}")


def create_minutes(user, community, *, attendees=None, action_items=(), attachment=None, **fields):
    """An officer drafts minutes for their community.

    With an event of the same community and no `attendees` given, the
    attendees are the people recorded as present at the event.
    """
    _check_officer(user, community)
    _unknown(fields)
    minutes = Minutes(community=community, created_by=user, **fields)
    people_ids = set(people_of(community).values_list("pk", flat=True))
    _check_fields(minutes, people_ids)
    if attendees is None:
        attendees = attendance_of(minutes.event) if minutes.event_id else []
    attendee_ids = _clean_attendees(attendees, people_ids)
    items = _clean_action_items(action_items, people_ids)
    kind = check_attachment(attachment) if attachment else None
    with transaction.atomic():
        minutes.save()
        minutes.attendees.set(attendee_ids)
        for item in items:
            item.minutes = minutes
        ActionItem.objects.bulk_create(items)
        if attachment:
            _store_attachment(user, minutes, attachment, kind)
    return minutes


def update_minutes(
    user,
    minutes,
    *,
    attendees=None,
    action_items=None,
    attachment=None,
    remove_attachments=(),
    **fields,
):
    """An officer changes minutes. `None` leaves attendees or action items
    as they are. After publication the old text goes into the history first
    and the chair's confirmation is lifted: they confirmed other words."""
    _check_officer(user, minutes.community)
    _unknown(fields)
    kind = check_attachment(attachment) if attachment else None
    with transaction.atomic():
        # Locked so two officers' edits queue and each leaves its version.
        locked = (
            Minutes.objects.select_for_update(of=("self",))
            .select_related("community", "event", "chair", "secretary", "confirmed_by")
            .get(pk=minutes.pk)
        )
        people_ids = set(people_of(locked.community, locked).values_list("pk", flat=True))
        before = snapshot(locked) if locked.status != Minutes.Status.DRAFT else None
        for name, value in fields.items():
            setattr(locked, name, value)
        _check_fields(locked, people_ids)
        attendee_ids = _clean_attendees(attendees, people_ids) if attendees is not None else None
        items = _clean_action_items(action_items, people_ids) if action_items is not None else None
        removing = {getattr(item, "pk", item) for item in remove_attachments}
        if removing - set(locked.attachments.values_list("pk", flat=True)):
            raise MinutesError(_("That attachment does not belong to these minutes."))
        if before is not None:
            MinutesVersion.objects.create(minutes=locked, snapshot=before, edited_by=user)
            locked.confirmed_by = None
            locked.confirmed_at = None
        locked.save()
        if attendee_ids is not None:
            locked.attendees.set(attendee_ids)
        if items is not None:
            locked.action_items.all().delete()
            for item in items:
                item.minutes = locked
            ActionItem.objects.bulk_create(items)
        if removing:
            # The documents stay: an older version may still name them.
            locked.attachments.filter(pk__in=removing).delete()
        if attachment:
            _store_attachment(user, locked, attachment, kind)
    return locked


def publish_minutes(user, minutes, audience):
    """Show the minutes to the community's members or to everyone. Published
    minutes may be moved between the two; the first publication tells the
    members, and asks the chair to confirm."""
    _check_officer(user, minutes.community)
    if audience not in (Minutes.Status.MEMBERS, Minutes.Status.PUBLIC):
        raise MinutesError(_("Choose whether to publish to members or to the public."))
    with transaction.atomic():
        locked = (
            Minutes.objects.select_for_update(of=("self",))
            .select_related("community")
            .get(pk=minutes.pk)
        )
        if locked.status == audience:
            raise MinutesError(
                _("These minutes are already published: %(status)s.")
                % {"status": locked.get_status_display()}
            )
        if locked.held_at > timezone.now():
            raise MinutesError(_("Minutes can be published once the meeting has been held."))
        first_time = locked.status == Minutes.Status.DRAFT
        locked.status = audience
        if first_time:
            locked.published_at = timezone.now()
        locked.save(update_fields=["status", "published_at", "updated_at"])
        if first_time:
            _tell_members(user, locked)
    return locked


def confirm_minutes(user, minutes):
    """The chair of the meeting, or the community's ketua, signs off
    published minutes on the site."""
    if not can_confirm(user, minutes):
        raise MinutesError(
            _("Only the chair of the meeting or the community's ketua can confirm these minutes.")
        )
    if minutes.status == Minutes.Status.DRAFT:
        raise MinutesError(_("Minutes can be confirmed once they are published."))
    with transaction.atomic():
        unconfirmed = Minutes.objects.published().filter(pk=minutes.pk, confirmed_at__isnull=True)
        confirmed = unconfirmed.update(confirmed_by=user, confirmed_at=timezone.now())
        if not confirmed:
            raise MinutesError(_("These minutes have already been confirmed."))
    minutes.refresh_from_db()
    return minutes


# --- Telling people -----------------------------------------------------------


def detail_url(minutes):
    return reverse("community:minutes_detail", args=[minutes.pk])


def _tell_members(actor, minutes):
    people = (
        get_user_model()
        .objects.filter(
            membership__community=minutes.community,
            membership__status=Membership.Status.ACTIVE,
            is_active=True,
        )
        .exclude(pk=actor.pk)
        .order_by("pk")
    )
    url = detail_url(minutes)
    for person in people:
        if person.pk == minutes.chair_id:
            continue
        notify(person, partial(_published_text, minutes), url=url)
    chair = minutes.chair
    if chair is not None and chair.pk != actor.pk and chair.is_active:
        notify(
            chair,
            partial(_confirm_text, minutes),
            url=url,
            email_subject=partial(_confirm_subject, minutes),
        )


# Built in each person's own language: `notify` calls these inside a
# translation override.


def _published_text(minutes):
    return _("New minutes in %(community)s: %(title)s.") % {
        "community": minutes.community.name,
        "title": minutes.title,
    }


def _confirm_text(minutes):
    return _(
        "The minutes of %(title)s are published. As the chair, please read and confirm them."
    ) % {"title": minutes.title}


def _confirm_subject(minutes):
    return _("Please confirm the minutes: %(title)s") % {"title": minutes.title}
