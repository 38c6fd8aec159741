"""Settings shared by every environment.

Everything that differs between a laptop and a production server comes from
environment variables, with defaults that need no set-up at all: a SQLite
file, an in-memory channel layer, a local-memory cache, console email and a
local media folder. `DATABASE_URL` and `REDIS_URL` switch on the real engines.
"""

import os
from pathlib import Path

import dj_database_url

# The repository root: site/pusat/settings/base.py -> three parents up.
BASE_DIR = Path(__file__).resolve().parents[3]
PROJECT_DIR = BASE_DIR / "site" / "pusat"


def env(name, default=None):
    """Read an environment variable, treating an empty value as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = env(name)
    return default if value is None else int(value)


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("SECRET_KEY", "local-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # daphne first, so `runserver` serves ASGI (websockets included).
    "daphne",
    "pusat.accounts",
    "pusat.home",
    "courses",
    "community",
    "forum",
    "showcase",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "channels",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    # Sessions that know their account, device and last activity, so a member
    # can see where they are signed in and sign the other devices out.
    "qsessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # `manage.py dbbackup/mediabackup` and `dbrestore/mediarestore` (make backup, make restore).
    "dbbackup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "qsessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Wagtail's site for this host from the cache, not a query per request.
    "pusat.pagecache.SiteLookupMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pusat.middleware.SessionRefreshMiddleware",
    # After authentication: the language and text size may come from the account.
    "pusat.middleware.PreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the preferences (its key has the language and text size): anonymous
    # public pages served from the cache, see pusat/pagecache.py.
    "pusat.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks, so it sees the final response of a sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pusat.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pusat.context_processors.site_preferences",
            ],
        },
    },
]

WSGI_APPLICATION = "pusat.wsgi.application"
ASGI_APPLICATION = "pusat.asgi.application"

# --- Database -------------------------------------------------------------
# SQLite in the project folder by default; DATABASE_URL for PostgreSQL.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Under ASGI every request runs its sync code in a thread of its own
        # (asgiref's ThreadSensitiveContext), so a connection kept per thread
        # (CONN_MAX_AGE) is never reused and piles up until PostgreSQL's
        # max_connections is gone. A psycopg pool per process instead: at most
        # DATABASE_POOL_SIZE connections, reused across requests and checked
        # before use (Django does that with CONN_HEALTH_CHECKS); a request waits
        # up to DATABASE_POOL_TIMEOUT seconds for one. Django requires
        # CONN_MAX_AGE = 0 with a pool.
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
            "max_size": env_int("DATABASE_POOL_SIZE", 10),
            "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
            "max_idle": 300,
        }
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                # WAL and a busy timeout let readers and a writer overlap,
                # which the ASGI server does as soon as two people click.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Channels and cache ---------------------------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # redis-py's pool refuses a 101st concurrent connection by default
    # (MaxConnectionsError), which a burst of joins or broadcasts in a big room
    # reaches, closing sockets with 1011; bench/RESULTS.md compares this core
    # layer with the pub/sub one (faster fan-out, but sockets stay open and
    # silent through a Redis outage instead of closing and backfilling).
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "max_connections": env_int("REDIS_MAX_CONNECTIONS", 1000),
                        # redis-py 8 reads with a 5 s socket timeout by default,
                        # the same as the layer's 5 s blocking pop: an idle
                        # receive then often ends in TimeoutError, which kills a
                        # consumer (redis/redis-py#4091). Wait longer than the pop.
                        "socket_timeout": 10,
                        # RESP2, not redis-py 8's default RESP3: under RESP3 the
                        # asyncio pool of redis-py 8.1.0 skips its check for a
                        # connection the server has closed (redis/redis-py#4252),
                        # so after a Redis restart every idle pooled connection
                        # failed its next command ("Connection closed by
                        # server"). With RESP2 the pool replaces them quietly.
                        "protocol": 2,
                    }
                ]
            },
        }
    }
    # django-redis rather than Django's own RedisCache: with IGNORE_EXCEPTIONS
    # a Redis outage is a cache miss (sessions fall back to the database,
    # presence to empty), not a 500 on every page. Short socket timeouts keep
    # a hung Redis from holding requests.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pkk",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous public pages are cached whole and invalidated on every change
# (pusat/pagecache.py); the timeout is only a backstop for clock-driven pages.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Showcase visits are added up in memory and written this many seconds later
# (0: one write per visit); see showcase/actions.py.
VISIT_COUNT_DELAY = env_int("VISIT_COUNT_DELAY", 2)

# --- Accounts -------------------------------------------------------------
# Sessions are read from the cache and written through to the database.
SESSION_ENGINE = "qsessions.backends.cached_db"
# "Remember me" keeps a member signed in for this long after their last
# visit; without it the session ends when the browser closes.
SESSION_REMEMBER_DAYS = env_int("SESSION_REMEMBER_DAYS", 14)
SESSION_COOKIE_AGE = SESSION_REMEMBER_DAYS * 24 * 60 * 60
# An active session's expiry moves forward at most this often, so staying
# signed in does not cost a database write on every page.
SESSION_REFRESH_SECONDS = 24 * 60 * 60
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out person before any password check.
    "axes.backends.AxesStandaloneBackend",
    "pusat.accounts.backends.EmailOrPhoneBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {
        "NAME": "pusat.accounts.validators.MaximumLengthValidator",
        "OPTIONS": {"max_length": 128},
    },
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"

# Sign-in guessing protection (django-axes): five failures for one account or
# from one address lock that account or address out for fifteen minutes.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "pusat.accounts.backends.axes_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Internationalisation -------------------------------------------------
# Indonesian is the interface language; English the second. The locale is
# `id-id` rather than `id` so that Wagtail's admin catalogue (`id_ID`) and
# Django's (`id`) both load: gettext falls back from id_ID to id.
LANGUAGE_CODE = "id-id"
LANGUAGES = [
    ("id-id", "Bahasa Indonesia"),
    ("en", "English"),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "pkk_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TEXT_SIZE_COOKIE_NAME = "pkk_text_size"

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
    # Where `make backup` writes the database dump and the media archive.
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("BACKUP_DIR", str(BASE_DIR / "backups"))},
    },
}
# PostgreSQL is dumped in pg_dump's custom format and restored with pg_restore.
DBBACKUP_CONNECTOR_MAPPING = {
    "django.db.backends.postgresql": "dbbackup.db.postgresql.PgDumpBinaryConnector",
}
DBBACKUP_SEND_EMAIL = False
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Email ----------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Pusat Komunitas Kreatif <noreply@localhost>")

# --- Forms ----------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Content-Security-Policy (django-csp 4) -------------------------------
# Only our own origin: no CDN, no inline script. Wagtail's admin needs inline
# styles and its own scripts, which are same-origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", "ws:", "wss:"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Browser features no page here uses are switched off for every frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Pusat Komunitas Kreatif"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "jpg", "png"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_USER_LOGIN_FORM = "pusat.accounts.forms.AdminLoginForm"
# Editors publish directly; the centre has no separate moderators.
WAGTAIL_WORKFLOW_ENABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # Wagtail logs every page edit and background task at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
