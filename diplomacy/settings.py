"""Settings for the diplomacy tracker, read entirely from the environment.

Environment variables (all optional on a developer machine):

DEBUG              "1"/"true" turns on debug mode (default off).
SECRET_KEY         required by the web server unless DEBUG is on (then a development key is used).
ALLOWED_HOSTS      comma-separated host names (default: localhost names only).
CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://tracker.example.org
DATABASE_URL       e.g. postgres://user:pass@host:5432/diplomacy
                   (default: a SQLite file db.sqlite3 in the project directory).
CELERY_BROKER_URL  e.g. redis://127.0.0.1:6379/0. Unset: the embedded default, where reports
                   are extracted by a background thread of the web process (reports/embedded.py).
CELERY_RESULT_BACKEND  defaults to the broker URL when it is Redis.
CELERY_QUEUE       the queue tasks go to (default "celery").
CELERY_VISIBILITY_TIMEOUT  seconds before a task a dead worker held is redelivered (3600).
EXTRACT_CHUNK      articles per extraction task, merged together (50).
SOURCES_POLL_TICK  seconds between the beat's looks for feeds due a poll (60).
FETCH_ALLOWED_HOSTS  comma-separated host names report downloads may reach even though they
                   resolve to loopback or private addresses (default: none).
EXTRACTION_MAX_BYTES  a report with more text (UTF-8 bytes) is not extracted (300 kB).
EXTRACTION_TIME_LIMIT  seconds one report's extraction may take before it is stopped (120).
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# The web server refuses to start without a real key unless DEBUG is on (see
# diplomacy.security, called by wsgi.py and asgi.py). Command-line tools such as
# `manage.py extract` sign nothing, so they get a throwaway key of their own.
SECRET_KEY_FROM_ENVIRONMENT = bool(SECRET_KEY)
if not SECRET_KEY:
    SECRET_KEY = (
        "django-insecure-development-only-key-do-not-use-in-production"
        if DEBUG
        else secrets.token_urlsafe(50)
    )


ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials.apps.SimpleAppConfig",
    "simple_history",
    "people",
    "engagements",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "diplomacy.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "diplomacy.context_processors.downloads",
            ],
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    },
]

WSGI_APPLICATION = "diplomacy.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite: one writer at a time (the web requests and the embedded default's drainer
    # thread): wait for a lock rather than fail at once, take the write lock when a
    # transaction begins (no deadlock upgrading a read), and let pages read while the
    # drainer writes (write-ahead log).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

if not DEBUG:
    # Production serves static files with whitenoise from collectstatic's output;
    # in debug mode runserver serves them straight from the source folders.
    INSTALLED_APPS.insert(
        INSTALLED_APPS.index("django.contrib.staticfiles"), "whitenoise.runserver_nostatic"
    )
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Celery: with a broker, workers extract the reports. With none (the embedded default
# for one machine), a background thread of the web process does, in a child process
# (reports/embedded.py); other tasks, if any, run in the calling process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
EMBEDDED_EXTRACTION = not CELERY_BROKER_URL
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = (
    os.environ.get(
        "CELERY_RESULT_BACKEND",
        CELERY_BROKER_URL if CELERY_BROKER_URL.startswith(("redis://", "rediss://")) else "",
    )
    or None
)
CELERY_TASK_ACKS_LATE = False  # set per task, only on tasks proven idempotent
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "celery")
# A task a dead worker had taken goes back to the queue after this many seconds
# (tasks are idempotent, so a redelivery of a slow task does no harm).
_visibility = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _visibility,
    # Redis sweeps for abandoned tasks every interval x throttle seconds (100 s by
    # default); with a short timeout, sweep often enough to honour it.
    "unacked_restore_interval": max(1, min(10, _visibility // 5)),
    "unacked_restore_throttle": 1 if _visibility < 300 else 10,
}
CELERY_TIMEZONE = TIME_ZONE
# Celery's Django fixup closes the database connection around every task unless
# told to reuse it, and a fresh PostgreSQL backend per task (connect, cold
# caches) costs more than a short task. Workers keep their connection for this
# many tasks; one that broke or outlived DB_CONN_MAX_AGE is dropped between
# tasks, as Django does between requests (see diplomacy/celery.py).
# An article still queued this many seconds after its task was sent, while the
# queue is empty, lost its message: workers send it again (reports/recovery.py).
ARTICLE_REQUEUE_AFTER = int(os.environ.get("ARTICLE_REQUEUE_AFTER", str(2 * _visibility)))
CELERY_DB_REUSE_MAX = int(os.environ.get("CELERY_DB_REUSE_MAX", "1000"))
# Articles per extraction task: a task extracts its chunk and merges it in one transaction,
# one look-up and one write per kind of fact for the whole chunk (reports/extracting.py).
EXTRACT_CHUNK = max(1, int(os.environ.get("EXTRACT_CHUNK", "50")))

# Feeds polled for new reports (reports.Source, reports/polling.py). `celery beat` runs the
# task that polls the sources due every SOURCES_POLL_TICK seconds; `manage.py poll_sources
# --loop` does the same without a broker. A failing source's interval doubles per failure
# in a row, up to SOURCES_BACKOFF_MAX_MINUTES; a source claimed for a poll that never
# ended (its worker died) is due again after SOURCES_POLL_LEASE seconds.
SOURCES_POLL_TICK = max(1, int(os.environ.get("SOURCES_POLL_TICK", "60")))
SOURCES_BACKOFF_MAX_MINUTES = 24 * 60
SOURCES_POLL_LEASE = 600
CELERY_BEAT_SCHEDULE = {
    "poll-due-sources": {
        "task": "reports.tasks.sources_poll_due",
        "schedule": float(SOURCES_POLL_TICK),
        # a tick nobody took within the tick is dropped; the next one polls the same sources
        "options": {"expires": float(SOURCES_POLL_TICK)},
    }
}

# Extraction of one report (reports/extracting.py): a longer text fails at once, an
# extraction running longer is stopped; either fails that report alone.
EXTRACTION_MAX_BYTES = int(os.environ.get("EXTRACTION_MAX_BYTES", str(300 * 1024)))
EXTRACTION_TIME_LIMIT = float(os.environ.get("EXTRACTION_TIME_LIMIT", "120"))

# Report loading (reports/loaders/limits.py reads these at each call): sizes in bytes.
LOADER_MAX_FILE_BYTES = 20 * 1024 * 1024  # any one report file, upload or archive member
LOADER_MAX_ARCHIVE_BYTES = 100 * 1024 * 1024  # a .zip file itself, as stored (compressed)
LOADER_MAX_ZIP_MEMBERS = 5_000  # entries in one archive, folders included
LOADER_MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024  # all members of one archive, expanded
LOADER_MAX_ZIP_RATIO = 100  # expanded / compressed size of one member...
LOADER_ZIP_RATIO_MIN_BYTES = 1024 * 1024  # ...checked for members expanding past this size
LOADER_MAX_URL_BYTES = 5 * 1024 * 1024  # one downloaded page or feed
LOADER_MAX_URLS = 1_000  # URLs in one .urls list
FETCH_TIMEOUT = 15  # seconds for one download: connecting, redirects and reading together
FETCH_MAX_REDIRECTS = 5  # redirects one download follows, each checked like the first URL
# Downloads refuse hosts with a loopback, private, link-local (cloud metadata), multicast or
# otherwise non-public address; the host names listed here (exactly, any case) are let through.
FETCH_ALLOWED_HOSTS = env_list("FETCH_ALLOWED_HOSTS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
