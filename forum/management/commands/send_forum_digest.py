"""Email each member who chose a daily digest what happened in the forum.

Run once a day (cron or a systemd timer): `manage.py send_forum_digest`.
The digest lists the forum notifications since the previous digest; running
it twice in a row sends nothing new.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from forum.models import ForumProfile
from pusat.accounts.models import Notification


class Command(BaseCommand):
    help = "Send the daily forum digest to members who chose it."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = 0
        profiles = ForumProfile.objects.filter(
            email_frequency=ForumProfile.EmailFrequency.DAILY, user__is_active=True
        ).select_related("user")
        for profile in profiles:
            since = profile.last_digest_at or now - timedelta(days=1)
            news = list(
                Notification.objects.filter(
                    user=profile.user, url__startswith="/forum/", created_at__gt=since
                ).order_by("created_at")[:50]
            )
            profile.last_digest_at = now
            profile.save(update_fields=["last_digest_at"])
            if not news or not profile.user.email:
                continue
            with translation.override(profile.user.language or settings.LANGUAGE_CODE):
                lines = [
                    f"- {item.message}\n  {settings.WAGTAILADMIN_BASE_URL}{item.url}"
                    for item in news
                ]
                body = "\n".join([_("What happened in the forum since yesterday:"), "", *lines])
                subject = _("Forum digest: %(n)s new") % {"n": len(news)}
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [profile.user.email])
            sent += 1
        self.stdout.write(f"{sent} digest(s) sent.")
