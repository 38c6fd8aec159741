"""After the load test: every write a simulated person saw succeed is in the
database, every chat message stored came back to its sender, and no request
got a 5xx. Prints one line per check and exits 1 if any fails.

    python -m loadtest.verify plan.json results.json locust_stats.csv
"""

import csv
import json
import sys

from loadtest.django_env import setup


def main(plan_path, results_path, stats_path):
    setup()
    from community.models import ChatMessage, Rsvp
    from forum.models import Post

    plan = json.load(open(plan_path))  # noqa: SIM115
    seen = json.load(open(results_path))  # noqa: SIM115
    marker = plan["marker"]
    with open(stats_path) as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    requests = int(total["Request Count"])
    failures = int(total["Failure Count"])

    replies = set(Post.objects.filter(body__startswith=marker).values_list("body", flat=True))
    chat = set(
        ChatMessage.objects.filter(client_id__startswith=marker).values_list("client_id", flat=True)
    )
    last_answer = {}
    for user, event, answer in seen["rsvps"]:
        last_answer.setdefault((user, event), set()).add(answer)
    stored = {
        (user, event): answer
        for user, event, answer in Rsvp.objects.filter(
            event__in={event for _user, event in last_answer}
        ).values_list("user", "event", "answer")
    }
    checks = [
        ("requests", requests, requests > 0),
        ("5xx responses", seen["statuses"].get("500", 0), seen["statuses"].get("500", 0) == 0),
        ("failed requests", failures, failures == 0),
        (
            "forum replies seen succeed / in database",
            f"{len(seen['replies'])} / {len(set(seen['replies']) & replies)}",
            bool(seen["replies"]) and set(seen["replies"]) <= replies,
        ),
        (
            "chat messages seen stored / in database",
            f"{len(seen['chat'])} / {len(set(seen['chat']) & chat)}",
            bool(seen["chat"]) and set(seen["chat"]) <= chat,
        ),
        (
            # A message stored but never broadcast back to its sender (within
            # the client's 10 s) is a message lost to everyone else as well.
            "chat messages in database / seen by their sender",
            f"{len(chat)} / {len(chat & set(seen['chat']))}",
            chat <= set(seen["chat"]),
        ),
        (
            "RSVPs seen succeed (person, event) / in database",
            f"{len(last_answer)} / {sum(stored.get(k) in v for k, v in last_answer.items())}",
            bool(last_answer) and all(stored.get(k) in v for k, v in last_answer.items()),
        ),
        ("forum replies refused as too fast (4xx-like, not writes)", seen["reply_refused"], True),
        ("chat messages refused as too fast", seen["chat_refused"], True),
    ]
    width = max(len(name) for name, _value, _ok in checks)
    for name, value, ok in checks:
        print(f"  {'ok  ' if ok else 'FAIL'} {name.ljust(width)}  {value}")
    return 0 if all(ok for _name, _value, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
