"""Account-wide actions other apps call."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation

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
