"""Settings for the test suite: the real settings plus a test-only secret key.

The database and broker still come from DATABASE_URL and CELERY_BROKER_URL, so
CI runs the same tests against PostgreSQL and Redis.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")

from .settings import *  # noqa: E402,F403

# Tests do not run collectstatic; serve static files straight from the finders.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks go to kombu's in-memory transport unless a test runs them: tests that
# need extraction ask for it (the `run_tasks` fixture or a real worker on the
# Redis broker named by CELERY_BROKER_URL, which the integration tests read).
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = False
# ...and no background extraction either: the tests of the embedded default turn it on.
EMBEDDED_EXTRACTION = False
CELERY_RESULT_BACKEND = None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A test database in a file, as the embedded default's is: threads (the live server,
    # the drainer) then wait for each other's locks as in production, where an in-memory
    # database's shared cache fails at once with "database table is locked".
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"diplomacy-test-{os.getpid()}.sqlite3")
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
