"""Write the load test's plan as JSON on stdout: a signed-in session per
demo member (created in the database, as a sign-in would) and, for each,
the ids it may use: forum threads it may reply to, events it may answer,
the chat room it may write in, and the pages everyone reads.

    python -m loadtest.prepare > plan.json
"""

import json
import sys
import time

from loadtest.django_env import setup


def main():
    setup()
    from django.test import Client
    from django.utils import timezone, translation

    from community.models import ChatRoom, Event, Membership
    from courses.models import LessonPage
    from forum import actions as forum_actions
    from forum.models import Thread
    from pusat.accounts.models import User
    from showcase.models import ShowcasePage

    members = User.objects.filter(groups__name="Anggota", is_active=True).order_by("pk")
    accounts = []
    for user in members:
        community_ids = list(
            Membership.objects.active().filter(user=user).values_list("community", flat=True)
        )
        threads = [
            thread.pk
            for thread in Thread.objects.order_by("pk")[:40]
            if forum_actions.posting_refusal(user, thread.category, thread) is None
        ][:5]
        future = Event.objects.filter(
            community__in=community_ids,
            published_at__isnull=False,
            starts_at__gt=timezone.now() + timezone.timedelta(hours=2),
        ).order_by("pk")[:3]
        # "Attending" can be refused when seats run out; "not attending" never.
        events = [
            {
                "id": event.pk,
                "answers": ["tidak_hadir", "hadir"] if event.capacity is None else ["tidak_hadir"],
            }
            for event in future
        ]
        room = ChatRoom.objects.visible_to(user).filter(kind=ChatRoom.Kind.MEMBERS).first()
        if not (threads and room):
            continue
        client = Client()
        client.force_login(user)
        accounts.append(
            {
                "user": user.pk,
                "session": client.cookies["sessionid"].value,
                "threads": threads,
                "events": events,
                "room": room.slug,
            }
        )
    with translation.override("id"):
        rsvp_ok = [
            str(translation.gettext("Thank you! You are on the list of attendees.")),
            str(translation.gettext("Noted: you will not attend.")),
        ]
        too_fast = str(
            translation.gettext("You are posting very quickly. Wait a minute and try again.")
        )
    plan = {
        "marker": f"beban-{int(time.time())}",
        "accounts": accounts,
        "rsvp_ok": rsvp_ok,
        "too_fast": too_fast,
        "pages": ["/", "/forum/", "/kursus/", "/komunitas/agenda/"]
        + [page.url for page in LessonPage.objects.live().order_by("pk")[:8]]
        + [f"/forum/topik/{pk}/" for (pk,) in Thread.objects.order_by("pk").values_list("pk")[:8]]
        + [page.url for page in ShowcasePage.objects.live().order_by("pk")[:6]],
    }
    if not accounts:
        sys.exit("no member account can post: is the demo site loaded?")
    json.dump(plan, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
