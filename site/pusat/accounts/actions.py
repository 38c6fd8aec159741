"""Account-wide actions other apps call."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from .models import Notification


def notify(user, message, url="", email_subject=None):
    """Tell `user` something on-site, and by email when a subject is given.

    The email leaves only after the surrounding transaction commits, so
    nobody is told about something that was then rolled back. `message` and
    `email_subject` may be callables, called in the person's own language.
    """
    with translation.override(user.language or settings.LANGUAGE_CODE):
        text = str(message() if callable(message) else message)
        if callable(email_subject):
            email_subject = email_subject()
        subject = str(email_subject) if email_subject else None
    notification = Notification.objects.create(user=user, message=text[:300], url=url)
    if subject and user.email:
        link = f"{settings.WAGTAILADMIN_BASE_URL}{url}" if url else ""
        transaction.on_commit(
            lambda: send_mail(
                subject,
                f"{text}\n\n{link}".strip(),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
                fail_silently=True,
            )
        )
    return notification


# --- Sessions ---------------------------------------------------------------
# qsessions keeps each session's account, device and last activity in the
# database (and reads it from the cache), so these are plain queries.


def active_sessions(request):
    """The signed-in person's unexpired sessions, this one first."""
    from qsessions.models import Session

    current = request.session.session_key
    found = Session.objects.filter(user=request.user, expire_date__gt=timezone.now())
    return sorted(found, key=lambda s: (s.session_key != current, -s.updated_at.timestamp()))


def end_session(request, session_key):
    """End one of the person's own sessions; returns how many ended (0 or 1).

    The current session is ended by signing out, not here.
    """
    from qsessions.models import Session

    if not session_key or session_key == request.session.session_key:
        return 0
    found = Session.objects.filter(user=request.user, session_key=session_key)
    return len([session.delete() for session in found])


def end_other_sessions(request):
    """End every session of the person except the one making this request."""
    from qsessions.models import Session

    others = Session.objects.filter(user=request.user).exclude(
        session_key=request.session.session_key
    )
    count = others.count()
    if count:  # an empty delete_many is an error on the Redis cache
        others.delete()  # qsessions' queryset delete also clears the cache
    return count


def end_all_sessions(user):
    from qsessions.models import Session

    sessions = Session.objects.filter(user=user)
    if sessions.exists():  # an empty delete_many is an error on the Redis cache
        sessions.delete()
