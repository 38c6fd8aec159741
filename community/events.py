"""The rules of a community's agenda, one function each.

Views, the reminder command, the demo loader and tests all call these. Each
checks its own rules and raises `EventError` with a message for the person
when a rule says no, changing nothing. Emails leave after the transaction
commits (`notify` sees to that), so nobody hears of a rolled-back event.
"""

import re
from datetime import timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pusat import pagecache
from pusat.accounts.actions import notify

from .models import Event, Membership, OfficerTerm, Rsvp
from .roles import is_officer

# Words in a regency's name that place it in WITA or WIT; everything else is
# WIB, where most members live. Only a default for the form: officers choose.
WITA_PLACES = {
    "bali", "badung", "bangli", "buleleng", "denpasar", "gianyar", "jembrana", "karangasem",
    "klungkung", "tabanan", "balikpapan", "samarinda", "bontang", "kutai", "paser", "berau",
    "banjar", "banjarmasin", "banjarbaru", "tabalong", "tarakan", "bulungan", "nunukan",
    "makassar", "gowa", "maros", "parepare", "palu", "manado", "bitung", "gorontalo",
    "kendari", "mamuju", "mataram", "lombok", "sumbawa", "bima", "dompu", "kupang", "ende",
    "sikka", "sumba",
}  # fmt: skip
WIT_PLACES = {
    "papua", "jayapura", "merauke", "sorong", "manokwari", "mimika", "biak", "nabire",
    "jayawijaya", "fakfak", "maluku", "ambon", "tual", "ternate", "tidore", "halmahera",
}  # fmt: skip


class EventError(Exception):
    """A rule said no; the message is for the person, in their language.

    `field` names the form field the message belongs to, when there is one.
    """

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- Who is who -------------------------------------------------------------


def is_active_member(user, community):
    if not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.active().filter(user=user, community=community).exists()


def officer_community(user):
    """The community `user` is an officer of today, or None.

    A person belongs to at most one community, so at most one is expected;
    should terms ever overlap, the one they are a member of comes first.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    terms = OfficerTerm.objects.current().filter(user=user).select_related("community")
    communities = {term.community_id: term.community for term in terms}
    if not communities:
        return None
    membership = Membership.objects.active().filter(user=user).values_list("community", flat=True)
    for community_id in membership:
        if community_id in communities:
            return communities[community_id]
    return sorted(communities.values(), key=lambda community: community.name)[0]


def regional_time_zone(community):
    """The zone a community's regency lies in: WIB unless its name places it east.

    The one place that guesses a community's clock; events, minutes and
    elections all start from it.
    """
    words = set(re.findall(r"[a-z]+", f"{community.regency} {community.district}".lower()))
    if words & WIT_PLACES:
        return Event.TimeZone.WIT
    if words & WITA_PLACES:
        return Event.TimeZone.WITA
    return Event.TimeZone.WIB


def default_time_zone(community):
    """The zone a community's new event most likely uses: its last event's."""
    last = Event.objects.filter(community=community).order_by("-created_at").values("time_zone")[:1]
    if last:
        return last[0]["time_zone"]
    return regional_time_zone(community)


# --- Creating and publishing ------------------------------------------------

EDITABLE_FIELDS = (
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "time_zone",
    "place",
    "online_link",
    "description",
    "capacity",
    "is_public",
)


def _check_officer(user, community):
    if not is_officer(user, community):
        raise EventError(_("Only the officers of this community can post or change its events."))


def _check_fields(event):
    """The rules every saved event obeys, whoever saves it."""
    event.title = (event.title or "").strip()
    event.place = (event.place or "").strip()
    event.online_link = (event.online_link or "").strip()
    event.description = (event.description or "").strip()
    if not event.title:
        raise EventError(_("Give the event a title."), field="title")
    if event.kind not in Event.Kind.values:
        raise EventError(_("Choose what kind of event this is."), field="kind")
    if event.time_zone not in Event.TimeZone.values:
        raise EventError(_("Choose the time zone: WIB, WITA or WIT."), field="time_zone")
    if event.starts_at is None or event.ends_at is None:
        raise EventError(_("Give the start and the end of the event."), field="starts_at")
    if timezone.is_naive(event.starts_at) or timezone.is_naive(event.ends_at):
        # A programming error, not bad input: times must know their zone.
        raise ValueError("Event times must be timezone-aware.")
    if event.ends_at <= event.starts_at:
        raise EventError(_("The event must end after it starts."), field="ends_at")
    if event.online_link:
        try:
            URLValidator(schemes=["http", "https"])(event.online_link)
        except ValidationError:
            raise EventError(
                _("The online link must be a full web address, starting with https://."),
                field="online_link",
            ) from None
    if not event.place and not event.online_link:
        raise EventError(
            _("Give a place or an online link, so members know where to come."), field="place"
        )
    if event.capacity is not None and event.capacity < 1:
        raise EventError(
            _("The capacity must be at least 1, or empty for no limit."), field="capacity"
        )


def create_event(user, community, *, publish=False, **fields):
    """An officer adds an event to their community's agenda, as a draft
    unless `publish` is set."""
    _check_officer(user, community)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {', '.join(sorted(unknown))}")
    event = Event(community=community, created_by=user, **fields)
    _check_fields(event)
    with transaction.atomic():
        event.save()
        if publish:
            publish_event(user, event)
    return event


def update_event(user, event, **fields):
    """An officer changes an event. The capacity cannot drop below the
    members who already said they will come."""
    _check_officer(user, event.community)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        # Locked so a member's RSVP cannot slip in between the count and the save.
        locked = Event.objects.select_for_update().get(pk=event.pk)
        for name, value in fields.items():
            setattr(locked, name, value)
        _check_fields(locked)
        if locked.capacity is not None:
            attending = locked.rsvps.filter(answer=Rsvp.Answer.ATTENDING).count()
            if locked.capacity < attending:
                raise EventError(
                    _(
                        "The capacity cannot be lower than the %(count)s members "
                        "who already said they will attend."
                    )
                    % {"count": attending},
                    field="capacity",
                )
        locked.save()
    return locked


def publish_event(user, event):
    """Show the event to members (and the public, if it is public) and email
    the community's members about it, unless it is already over."""
    _check_officer(user, event.community)
    with transaction.atomic():
        published = Event.objects.filter(pk=event.pk, published_at__isnull=True).update(
            published_at=timezone.now()
        )
        if not published:
            raise EventError(_("This event has already been published."))
        pagecache.invalidate_on_commit()  # an update sends no signal
        event.refresh_from_db()
        if not event.has_ended():
            for member in _members_to_tell(event, exclude=user):
                notify(
                    member,
                    partial(_published_text, event),
                    url=event.get_absolute_url(),
                    email_subject=partial(_published_subject, event),
                )
    return event


def _members_to_tell(event, exclude=None):
    people = get_user_model().objects.filter(
        membership__community=event.community,
        membership__status=Membership.Status.ACTIVE,
        is_active=True,
    )
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return people.order_by("pk")


# --- Answers and attendance -------------------------------------------------


def rsvp(user, event, answer):
    """A member says whether they will come; they may change their mind
    until the event starts. "Attending" only while seats are left."""
    if answer not in Rsvp.Answer.values:
        raise EventError(_("Choose whether you will attend or not."), field="answer")
    if not is_active_member(user, event.community):
        raise EventError(
            _("Only members of %(community)s can answer for this event.")
            % {"community": event.community.name}
        )
    with transaction.atomic():
        # The event row is the lock that queues answers for the last seat: on
        # PostgreSQL through SELECT … FOR UPDATE; on SQLite every write
        # transaction begins IMMEDIATE (see settings), which queues them too.
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if not locked.is_published:
            raise EventError(_("This event has not been published yet."))
        if locked.has_started():
            raise EventError(_("This event has already started, so answers are closed."))
        if answer == Rsvp.Answer.ATTENDING and locked.capacity is not None:
            taken = locked.rsvps.filter(answer=Rsvp.Answer.ATTENDING).exclude(user=user).count()
            if taken >= locked.capacity:
                raise EventError(
                    _("Sorry, this event is full: all %(capacity)s places are taken.")
                    % {"capacity": locked.capacity},
                    field="answer",
                )
        record, _created = Rsvp.objects.update_or_create(
            event=locked, user=user, defaults={"answer": answer, "answered_at": timezone.now()}
        )
    return record


def mark_attendance(user, event, attended_users):
    """An officer records who came, once the event has started.

    Every active member of the community is either ticked (came) or not;
    members who answered but are not ticked are recorded as absent.
    """
    if not is_officer(user, event.community):
        raise EventError(_("Only the officers of this community can record attendance."))
    if not event.is_published or not event.has_started():
        raise EventError(_("Attendance can be recorded once the event has started."))
    attended_ids = {getattr(person, "pk", person) for person in attended_users}
    members = set(
        Membership.objects.active()
        .filter(community=event.community)
        .values_list("user_id", flat=True)
    )
    if attended_ids - members:
        raise EventError(_("Attendance can only be recorded for members of this community."))
    now = timezone.now()
    marked = {"attended": True, "attendance_marked_by": user, "attendance_marked_at": now}
    with transaction.atomic():
        rows = Rsvp.objects.filter(event=event)
        rows.filter(user_id__in=attended_ids).update(**marked)
        rows.exclude(user_id__in=attended_ids).update(**{**marked, "attended": False})
        known = set(rows.values_list("user_id", flat=True))
        Rsvp.objects.bulk_create(
            Rsvp(event=event, user_id=user_id, **marked) for user_id in attended_ids - known
        )
        pagecache.invalidate_on_commit()  # updates and bulk inserts send no signal
    return len(attended_ids)


def counts(event):
    """How many said they will come and how many said they will not."""
    return Rsvp.objects.filter(event=event).aggregate(
        attending=Count("pk", filter=Q(answer=Rsvp.Answer.ATTENDING)),
        not_attending=Count("pk", filter=Q(answer=Rsvp.Answer.NOT_ATTENDING)),
        attended=Count("pk", filter=Q(attended=True)),
    )


# --- Reminders --------------------------------------------------------------


def send_reminders(now=None):
    """Email members about published events that start tomorrow, in the
    event's own time zone. Each event is reminded once: the mark is set in
    the same transaction as the notifications, and only by the run that sets
    it, so two runs at once cannot both send. Returns the events reminded."""
    now = now or timezone.now()
    candidates = Event.objects.published().filter(
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        # Tomorrow ends at most two days from now in any Indonesian zone.
        starts_at__lt=now + timedelta(days=2),
    )
    reminded = []
    for event in candidates.select_related("community"):
        tomorrow = now.astimezone(event.zone).date() + timedelta(days=1)
        if event.local_starts_at.date() != tomorrow:
            continue
        with transaction.atomic():
            claimed = Event.objects.filter(pk=event.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
            declined = Rsvp.objects.filter(event=event, answer=Rsvp.Answer.NOT_ATTENDING)
            people = _members_to_tell(event).exclude(pk__in=declined.values("user_id"))
            for member in people:
                notify(
                    member,
                    partial(_reminder_text, event),
                    url=event.get_absolute_url(),
                    email_subject=partial(_reminder_subject, event),
                )
        reminded.append(event)
    return reminded


def where(event):
    """The place and/or the online link, as one line."""
    parts = [part for part in (event.place, event.online_link) if part]
    return " · ".join(parts)


# Messages are built in each person's own language: `notify` calls these
# inside a translation override.


def _published_text(event):
    return _("New event in %(community)s: %(title)s, %(when)s.") % {
        "community": event.community.name,
        "title": event.title,
        "when": event.schedule,
    }


def _published_subject(event):
    return _("New event: %(title)s") % {"title": event.title}


def _reminder_text(event):
    return _("Reminder: %(title)s is tomorrow, %(when)s. Where: %(where)s.") % {
        "title": event.title,
        "when": event.schedule,
        "where": where(event),
    }


def _reminder_subject(event):
    return _("Tomorrow: %(title)s") % {"title": event.title}
