"""Email members the day before an event: run once a day, e.g. from cron
at 07.00 WIB (`manage.py send_event_reminders`). Safe to rerun: each event
is reminded once (see `community.events.send_reminders`)."""

from django.core.management.base import BaseCommand

from community.events import send_reminders


class Command(BaseCommand):
    help = "Email community members about published events that start tomorrow (once each)."

    def handle(self, *args, **options):
        reminded = send_reminders()
        for event in reminded:
            self.stdout.write(f"  {event.community.name}: {event.title} ({event.schedule})")
        self.stdout.write(self.style.SUCCESS(f"Reminders sent for {len(reminded)} event(s)."))
