"""Settings come from the environment; checked in fresh processes."""

import json
import subprocess

from tests.helpers import PYTHON, ROOT, clean_env

SHOW = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), "
    "'embedded': settings.EMBEDDED_EXTRACTION, 'broker': settings.CELERY_BROKER_URL, "
    "'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, "
    "'fetch_allowed': settings.FETCH_ALLOWED_HOSTS}))"
)


def show(**env: str) -> dict:
    result = subprocess.run(
        [PYTHON, "-c", SHOW],
        cwd=ROOT,
        env=clean_env(DJANGO_SETTINGS_MODULE="diplomacy.settings", **env),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_embedded_default_is_sqlite_with_extraction_in_the_web_process():
    config = show()
    assert config["engine"] == "django.db.backends.sqlite3"
    assert config["name"] == str(ROOT / "db.sqlite3")
    assert config["embedded"] is True  # reports/embedded.py, no broker
    assert config["debug"] is False
    assert config["fetch_allowed"] == []  # downloads refuse every non-public address


def test_database_url_broker_and_hosts_come_from_the_environment():
    config = show(
        DATABASE_URL="postgres://someone@db.example:5433/diplomacy",
        CELERY_BROKER_URL="redis://broker.example:6379/0",
        ALLOWED_HOSTS="tracker.example.org, www.tracker.example.org",
        DEBUG="1",
    )
    assert config["engine"] == "django.db.backends.postgresql"
    assert config["name"] == "diplomacy"
    assert config["embedded"] is False
    assert config["broker"] == "redis://broker.example:6379/0"
    assert config["hosts"] == ["tracker.example.org", "www.tracker.example.org"]
    assert config["debug"] is True


def test_hosts_downloads_may_reach_on_private_addresses_come_from_the_environment():
    config = show(FETCH_ALLOWED_HOSTS="news.intranet.example, feeds.intranet.example")
    assert config["fetch_allowed"] == ["news.intranet.example", "feeds.intranet.example"]


def test_the_web_server_refuses_to_start_without_a_secret_key():
    result = subprocess.run(
        [PYTHON, "-c", "import diplomacy.wsgi"],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    ok = subprocess.run(
        [PYTHON, "-c", "import diplomacy.wsgi"],
        cwd=ROOT,
        env=clean_env(SECRET_KEY="x" * 50),
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
