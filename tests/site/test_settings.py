"""Settings: safe local defaults, real engines from the environment, and a
production mode that refuses to start half-configured."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ENV",
            # Set by the browser tests' conftest; never part of a deployment.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def load_settings(module, **env):
    """Import a settings module fresh in a subprocess and print a value."""
    code = (
        "import sys; sys.path.insert(0, 'site');"
        f"import importlib; s = importlib.import_module('{module}');"
        "print(repr((s.DATABASES['default']['ENGINE'], s.CHANNEL_LAYERS['default']['BACKEND'],"
        " s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, str(s.MEDIA_ROOT))))"
    )
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_BACKEND", "MEDIA_ROOT"}
    }
    clean.update(env)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)  # noqa: S307 - our own repr of a tuple of strings


def test_defaults_need_no_setup():
    engine, layer, cache, email, media = load_settings("pusat.settings.dev")
    assert engine == "django.db.backends.sqlite3"
    assert layer == "channels.layers.InMemoryChannelLayer"
    assert cache == "django.core.cache.backends.locmem.LocMemCache"
    assert email == "django.core.mail.backends.console.EmailBackend"
    assert media == str(ROOT / "media")


def test_environment_switches_to_postgresql_and_redis():
    engine, layer, cache, _email, _media = load_settings(
        "pusat.settings.dev",
        DATABASE_URL="postgres://app:app@127.0.0.1:5432/app",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert engine == "django.db.backends.postgresql"
    assert layer == "channels_redis.core.RedisChannelLayer"
    assert cache == "django_redis.cache.RedisCache"


def test_interface_defaults_to_indonesian():
    assert settings.LANGUAGE_CODE == "id-id"
    assert [code for code, _name in settings.LANGUAGES] == ["id-id", "en"]
    assert settings.TIME_ZONE == "Asia/Jakarta"


def test_the_suite_runs_on_the_configured_database():
    # In CI's second leg DATABASE_URL names a real PostgreSQL: prove it is used.
    expected = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    assert connection.vendor == expected


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DJANGO_ENV="production", ALLOWED_HOSTS="pusat.example.id")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DJANGO_ENV="production", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


def test_production_refuses_the_local_development_key():
    result = run_manage(
        "check",
        DJANGO_ENV="production",
        ALLOWED_HOSTS="pusat.example.id",
        SECRET_KEY=settings.SECRET_KEY,
    )
    assert result.returncode != 0


def test_production_passes_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="pusat.example.id",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_turns_on_transport_security():
    code = (
        "import sys; sys.path.insert(0, 'site'); import pusat.settings.production as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'],"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['frame-ancestors'])"
    )
    env = dict(os.environ, SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="pusat.example.id")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True True 31536000 [\"'self'\"] [\"'none'\"]"


def test_every_response_carries_a_content_security_policy(client, db):
    response = client.get("/akun/masuk/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_production_static_files_are_compressed_with_hashed_names(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        "-v",
        "0",
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="pusat.example.id",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css" and hashed.startswith("css/site.")
    assert (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists()
    assert (tmp_path / f"{hashed}.br").exists()


def test_production_sends_every_security_header(tmp_path):
    """A real request through the production settings and middleware.

    `/healthz` needs no migrated database and no collected static files, and
    passes through the same middleware as every page.
    """
    env = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "pusat.example.id",
        "SQLITE_PATH": str(tmp_path / "production.sqlite3"),
        "DATABASE_URL": "",
        "REDIS_URL": "",
    }
    code = (
        "import json; from django.test import Client;"
        "r = Client(HTTP_HOST='pusat.example.id').get('/healthz', secure=True);"
        "print(json.dumps({'status': r.status_code, 'headers': dict(r.headers)}))"
    )
    result = run_manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    headers = answer["headers"]
    assert answer["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in headers["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]


def test_each_test_worker_gets_its_own_redis_database():
    from pusat.settings.test import worker_redis_url

    assert worker_redis_url("redis://127.0.0.1:6391/0", "gw0") == "redis://127.0.0.1:6391/0"
    assert worker_redis_url("redis://127.0.0.1:6391/0", "gw3") == "redis://127.0.0.1:6391/3"
    assert worker_redis_url("redis://:secret@redis:6379", "gw1") == "redis://:secret@redis:6379/1"
    # A URL that names its own database is counted from there.
    assert worker_redis_url("redis://127.0.0.1:6391/5", "gw2") == "redis://127.0.0.1:6391/7"
    # One process (no xdist) and no Redis are left alone.
    assert worker_redis_url("redis://127.0.0.1:6391/5", "") == "redis://127.0.0.1:6391/5"
    assert worker_redis_url("", "gw1") == ""
