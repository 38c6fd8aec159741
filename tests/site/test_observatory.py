"""Mozilla HTTP Observatory's published scoring, applied to real responses
of the production settings.

The Observatory scans a deployed host; we can't reach one from a test, so
this test scores what the Observatory would see, following its published
rules (https://github.com/mozilla/http-observatory, `docs/scoring.md`):
start at 100, apply each test's modifier, and bonuses count only when the
score without them is at least 90. A+ is 100 or more.

The responses come from a subprocess running `DJANGO_ENV=production` on a
migrated SQLite file with collected static files: the home page, the
sign-in page (CSRF cookie), a real sign-in (session cookie), the language
and text-size switches (their cookies), a refused choice (the messages
cookie) and a plain-http request (the redirect to https).
"""

import json
import re
import secrets
from http.cookies import SimpleCookie

import pytest

from tests.site.test_settings import run_manage

HOST = "pusat.example.id"

# Runs inside the production process; prints one JSON line.
PROBE = """
import json
from django.test import Client
from pusat.accounts.models import User

User.objects.create_user(email="obs@contoh.id", password="kalimat sandi yang panjang")
client = Client(HTTP_HOST="%(host)s")
seen = {}

def keep(name, response):
    seen[name] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": [morsel.OutputString() for morsel in response.cookies.values()],
        "body": response.content.decode() if name == "home" else "",
    }

keep("home", client.get("/", secure=True))
keep("login_page", client.get("/akun/masuk/", secure=True))
keep("login", client.post(
    "/akun/masuk/",
    {"username": "obs@contoh.id", "password": "kalimat sandi yang panjang", "remember": "on"},
    secure=True,
))
keep("language", client.post("/akun/bahasa/", {"language": "en", "next": "/"}, secure=True))
keep("text_size", client.post("/akun/ukuran-teks/", {"text_size": "besar"}, secure=True))
# An unknown language is refused with a message, which travels in a cookie.
keep("message", client.post("/akun/bahasa/", {"language": "xx", "next": "/"}, secure=True))
keep("plain_http", Client(HTTP_HOST="%(host)s").get("/"))
print(json.dumps(seen))
"""


def directives(policy):
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0].lower()] = [word.lower() for word in words[1:]]
    return parsed


def score_csp(headers):
    if "Content-Security-Policy" not in headers:
        return "csp-not-implemented", -25
    policy = directives(headers["Content-Security-Policy"])
    default = policy.get("default-src", [])
    scripts = policy.get("script-src", default)
    styles = policy.get("style-src", default)
    active = scripts + policy.get("object-src", default)
    if "'unsafe-inline'" in scripts or "data:" in scripts:
        return "csp-implemented-with-unsafe-inline", -20
    if any(source in ("http:", "ftp:") or source.startswith("http://") for source in active):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in scripts:
        return "csp-implemented-with-unsafe-eval", -10
    if "'unsafe-inline'" in styles:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if default == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def parse_cookie(line):
    jar = SimpleCookie()
    jar.load(line)
    (name, morsel), *_ = jar.items()
    flags = {part.strip().lower() for part in line.split(";")[1:]}
    return name, morsel, flags


def score_cookies(all_cookies, hsts):
    if not all_cookies:
        return "cookies-not-found", 0
    worst = ("cookies-secure-with-httponly-sessions-and-samesite", 5)
    for line in all_cookies:
        name, morsel, flags = parse_cookie(line)
        session = "session" in name.lower() or name.lower() in {"sessionid", "csrftoken"}
        secure = bool(morsel["secure"])
        if session and not morsel["httponly"]:
            return f"cookies-session-without-httponly-flag ({name})", -30
        if session and not secure:
            return (
                ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                if hsts
                else ("cookies-session-without-secure-flag", -40)
            )
        if not secure:
            return (
                ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                if hsts
                else ("cookies-without-secure-flag", -20)
            )
        if not morsel["samesite"] and not any(flag.startswith("samesite") for flag in flags):
            worst = ("cookies-secure-with-httponly-sessions", 0)
    return worst


def score_hsts(headers):
    value = headers.get("Strict-Transport-Security", "")
    match = re.search(r"max-age=(\d+)", value)
    if not match:
        return "hsts-not-implemented", -20
    # "preload" counts only once the host is on browsers' preload list,
    # which a test can't know, so no bonus is claimed here.
    if int(match.group(1)) >= 15768000:
        return "hsts-implemented-max-age-at-least-six-months", 0
    return "hsts-implemented-max-age-less-than-six-months", -10


def score_frames(headers):
    policy = directives(headers.get("Content-Security-Policy", ""))
    if policy.get("frame-ancestors") == ["'none'"]:
        return "x-frame-options-implemented-via-csp", 5
    if headers.get("X-Frame-Options", "").upper() in {"DENY", "SAMEORIGIN"}:
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-not-implemented", -20


def score_referrer(headers):
    private = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    value = headers.get("Referrer-Policy", "").split(",")[-1].strip().lower()
    if value in private:
        return "referrer-policy-private", 5
    if not value:
        return "referrer-policy-not-implemented", 0
    return "referrer-policy-unsafe", -5


def score_nosniff(headers):
    if headers.get("X-Content-Type-Options", "").lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-not-implemented", -5


def score_scripts(body):
    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", body)
    if not sources:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    if all(source.startswith("/") and not source.startswith("//") for source in sources):
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    return "sri-not-implemented-but-external-scripts-loaded-securely", -5


def score_cors(headers):
    if headers.get("Access-Control-Allow-Origin", "") == "*":
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    return "cross-origin-resource-sharing-not-implemented", 0


def score_redirect(response):
    location = response["headers"].get("Location", "")
    if response["status"] not in (301, 302, 307, 308):
        return "redirection-missing", -20
    if location.startswith(f"https://{HOST}/"):
        return "redirection-to-https", 0
    return "redirection-off-host-from-http", -5


def observatory(seen):
    home = seen["home"]["headers"]
    cookies = [line for response in seen.values() for line in response["cookies"]]
    results = [
        score_csp(home),
        score_cookies(cookies, "Strict-Transport-Security" in home),
        score_hsts(home),
        score_frames(home),
        score_referrer(home),
        score_nosniff(home),
        score_scripts(seen["home"]["body"]),
        score_cors(home),
        score_redirect(seen["plain_http"]),
    ]
    penalties = sum(modifier for _, modifier in results if modifier < 0)
    bonuses = sum(modifier for _, modifier in results if modifier > 0)
    score = 100 + penalties + (bonuses if 100 + penalties >= 90 else 0)
    return score, results


@pytest.fixture(scope="module")
def production_responses(tmp_path_factory):
    folder = tmp_path_factory.mktemp("observatory")
    env = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SQLITE_PATH": str(folder / "production.sqlite3"),
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "DATABASE_URL": "",
        "REDIS_URL": "",
    }
    for command in (("migrate", "--noinput", "-v", "0"), ("collectstatic", "--noinput", "-v", "0")):
        result = run_manage(*command, **env)
        assert result.returncode == 0, result.stderr
    result = run_manage("shell", "-c", PROBE % {"host": HOST}, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_probe_saw_real_pages_and_cookies(production_responses):
    seen = production_responses
    assert seen["home"]["status"] == 200
    assert seen["login"]["status"] == 302, "the sign-in must succeed to see the session cookie"
    names = {parse_cookie(line)[0] for response in seen.values() for line in response["cookies"]}
    assert {"sessionid", "csrftoken", "pkk_language", "pkk_text_size", "messages"} <= names, {
        name: (response["status"], response["headers"].get("Location"))
        for name, response in seen.items()
    }


def test_every_cookie_is_secure_and_samesite_and_sessions_are_httponly(production_responses):
    cookies = [line for response in production_responses.values() for line in response["cookies"]]
    name, modifier = score_cookies(cookies, hsts=True)
    assert (name, modifier) == ("cookies-secure-with-httponly-sessions-and-samesite", 5)


def test_no_observatory_test_costs_points(production_responses):
    score, results = observatory(production_responses)
    losing = [(name, modifier) for name, modifier in results if modifier < 0]
    assert losing == []
    assert dict(results) == {
        "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
        "cookies-secure-with-httponly-sessions-and-samesite": 5,
        "hsts-implemented-max-age-at-least-six-months": 0,
        "x-frame-options-implemented-via-csp": 5,
        "referrer-policy-private": 5,
        "x-content-type-options-nosniff": 0,
        # The home page needs no JavaScript at all.
        "sri-not-implemented-but-no-scripts-loaded": 0,
        "cross-origin-resource-sharing-not-implemented": 0,
        "redirection-to-https": 0,
    }


def test_the_production_site_scores_a_plus(production_responses):
    score, _ = observatory(production_responses)
    assert score >= 100, f"Observatory score {score}: below A+"
    assert score == 115


def test_the_scorer_itself_catches_weak_headers():
    """The scoring above must be able to fail: weak settings lose points."""
    weak = {"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'"}
    assert score_csp(weak)[1] == -20
    assert score_csp({})[1] == -25
    assert score_hsts({"Strict-Transport-Security": "max-age=3600"})[1] == -10
    assert score_frames({})[1] == -20
    assert score_cookies(["sessionid=x; Path=/; Secure"], hsts=True)[1] == -30
    assert score_cookies(["text_size=large; Path=/; SameSite=Lax"], hsts=False)[1] == -20
    assert score_scripts('<script src="https://cdn.example.com/x.js"></script>')[1] == -5
