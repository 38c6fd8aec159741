"""A bounded load test of the production arrangement (see scripts/ci_faults.sh):
50 people for 60 seconds reading pages, replying in the forum, chatting over
the websocket and answering event invitations.

Every write a simulated person sees succeed is recorded (forum replies and
chat messages by a marker in their text or client_id, RSVPs by person and
event) and written to LOADTEST_RESULTS when the run ends, so
`loadtest.verify` can find each one in the database. Any 5xx, or a chat
message that is never confirmed, is a failure.

Input: LOADTEST_PLAN, the JSON written by `python -m loadtest.prepare`.
"""

import itertools
import json
import os
import random
import re
import time
import uuid
from collections import Counter
from http.cookiejar import DefaultCookiePolicy

from locust import HttpUser, between, events, task
from websockets.sync.client import connect

PLAN = json.loads(open(os.environ["LOADTEST_PLAN"]).read())  # noqa: SIM115
RESULTS = os.environ["LOADTEST_RESULTS"]
MARKER = PLAN["marker"]
ACCOUNTS = itertools.cycle(PLAN["accounts"])
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

seen = {"replies": [], "chat": [], "rsvps": [], "chat_refused": 0, "reply_refused": 0}
statuses = Counter()


class LoopbackCookies(DefaultCookiePolicy):
    """Production cookies are Secure; on loopback http the test plays the TLS
    proxy by storing them as plain cookies. (Allowing Secure cookies in
    `return_ok_secure` is not enough: requests copies the jar into one with the
    default policy for every request, which then drops them, so the CSRF
    cookie was never sent back and every form post got 403.)"""

    def set_ok(self, cookie, request):
        cookie.secure = False
        return super().set_ok(cookie, request)


@events.request.add_listener
def count_status(request_type, name, response=None, exception=None, **kwargs):
    status = getattr(response, "status_code", None)
    if status is not None:
        statuses[status // 100 * 100] += 1


@events.quitting.add_listener
def write_results(environment, **kwargs):
    with open(RESULTS, "w") as out:
        json.dump({**seen, "statuses": dict(statuses)}, out)
    if statuses[500]:
        environment.process_exit_code = 1


class Member(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        self.account = next(ACCOUNTS)
        self.client.cookies.set_policy(LoopbackCookies())
        # The host's own domain, so the server's refreshed cookie replaces it.
        host = self.host.split("://", 1)[1].split(":")[0]
        self.client.cookies.set("sessionid", self.account["session"], domain=host)

    @task(12)
    def read(self):
        url = random.choice(PLAN["pages"])
        self.client.get(url, name=url if len(PLAN["pages"]) < 40 else "page")

    def form_token(self, url):
        response = self.client.get(url, name=url.split("?")[0])
        found = TOKEN.search(response.text)
        return found.group(1) if found else None

    @task(2)
    def reply(self):
        thread = random.choice(self.account["threads"])
        url = f"/forum/topik/{thread}/"
        token = self.form_token(url)
        if token is None:
            return  # the page itself failed, and is counted
        body = f"{MARKER} balasan {uuid.uuid4().hex}"
        with self.client.post(
            f"{url}balas/",
            data={"csrfmiddlewaretoken": token, "body": body},
            headers={"Referer": self.host + url},
            allow_redirects=False,
            name="/forum/topik/[id]/balas/",
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                seen["replies"].append(body)
                response.success()
            elif response.status_code == 400 and PLAN["too_fast"] in response.text:
                # Refused with a message (posting too fast): not a write.
                seen["reply_refused"] += 1
                response.success()
            else:
                response.failure(f"reply answered {response.status_code}")

    @task(2)
    def rsvp(self):
        if not self.account["events"]:
            return
        event = random.choice(self.account["events"])
        answer = random.choice(event["answers"])
        url = f"/komunitas/agenda/{event['id']}/"
        token = self.form_token(url)
        if token is None:
            return  # the page itself failed, and is counted
        with self.client.post(
            f"{url}jawab/",
            data={"csrfmiddlewaretoken": token, "answer": answer},
            headers={"Referer": self.host + url},
            allow_redirects=False,
            name="/komunitas/agenda/[id]/jawab/",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"RSVP answered {response.status_code}")
                return
        # The confirmation is a message shown on the page the answer
        # redirects to (followed by hand: its cookie must go along).
        with self.client.get(
            response.headers["Location"],
            name="/komunitas/agenda/[id]/ (after answering)",
            allow_redirects=False,
            catch_response=True,
        ) as page:
            if page.status_code == 200 and any(text in page.text for text in PLAN["rsvp_ok"]):
                seen["rsvps"].append([self.account["user"], event["id"], answer])
                page.success()
            else:
                page.failure(f"RSVP: no confirmation shown ({page.status_code})")

    @task(3)
    def chat(self):
        """Open the room's socket, say one thing, wait for it to come back
        stored (the broadcast echo), close: a phone popping in."""
        client_id = f"{MARKER}-{uuid.uuid4().hex}"
        url = self.host.replace("http", "ws", 1) + f"/ws/obrolan/{self.account['room']}/"
        with (
            self.environment.events.request.measure("WS", "/ws/obrolan/[room]/ say"),
            connect(
                url,
                origin=self.host,
                additional_headers={"Cookie": f"sessionid={self.account['session']}"},
                open_timeout=10,
                close_timeout=2,
            ) as ws,
        ):
            frame = {"type": "message", "body": f"Halo {client_id}", "client_id": client_id}
            ws.send(json.dumps(frame))
            # Ten seconds for the echo in all: a busy room sends other frames
            # meanwhile, so a timeout per frame would wait for ever.
            deadline = time.monotonic() + 10
            while True:
                frame = json.loads(ws.recv(timeout=max(0, deadline - time.monotonic())))
                if frame.get("client_id") != client_id:
                    continue
                if frame["type"] == "message":
                    seen["chat"].append(client_id)
                    break
                if frame["type"] == "error" and frame["code"] == "rate_limited":
                    seen["chat_refused"] += 1
                    break
                raise AssertionError(f"chat error {frame}")
