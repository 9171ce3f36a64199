"""The production topology's services: PostgreSQL, a Redis broker and a Celery worker.

Skipped on a machine without them; CI sets REQUIRE_SERVICES=1, which turns a skip
into a failure.
"""

import os
import subprocess
import time

import pytest
import redis
from django.db import IntegrityError, connection, transaction
from kombu import Connection

from diplomacy.celery import app
from tests.conftest import skip_or_fail
from tests.helpers import BIN, ROOT, clean_env, stop


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        skip_or_fail("DATABASE_URL does not point at PostgreSQL")


def require_broker() -> str:
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url:
        skip_or_fail("CELERY_BROKER_URL is not set")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        skip_or_fail(f"the broker at {url} does not answer: {exc}")
    return url


@pytest.mark.services
@pytest.mark.django_db
def test_the_schema_and_its_constraints_hold_on_postgresql():
    require_postgresql()
    from people.models import Country, Official, OfficialAlias

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        assert int(cursor.fetchone()[0].split(".")[0]) >= 13
    assert Country.objects.get(code="MX").name == "Mexico"
    person = Official.objects.create(name="Marcelo Ebrard")
    OfficialAlias.objects.create(official=person, alias="Ebrard")
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialAlias.objects.create(official=person, alias="EBRARD")


@pytest.mark.services
def test_a_celery_worker_on_the_redis_broker_answers():
    url = require_broker()
    env = clean_env(
        CELERY_BROKER_URL=url,
        DATABASE_URL=os.environ.get("DATABASE_URL", ""),
        SECRET_KEY="worker-test-key",
    )
    hostname = f"test-{os.getpid()}@%h"
    worker = subprocess.Popen(
        [str(BIN / "celery"), "-A", "diplomacy", "worker", "--pool", "solo", "-n", hostname],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        replies: list = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not replies:
            with Connection(url) as connection:
                replies = app.control.ping(timeout=1.0, connection=connection)
            replies = [r for r in replies if any(f"test-{os.getpid()}@" in k for k in r)]
        assert replies, "no worker answered a ping within 60 s"
        assert list(replies[0].values())[0] == {"ok": "pong"}
    finally:
        stop(worker)


@pytest.mark.services
@pytest.mark.django_db
def test_a_report_of_megabytes_is_stored_and_found_by_full_text_search():
    """PostgreSQL refuses a tsvector over 1 MB: the full-text index covers a report's start."""
    require_postgresql()
    from diplomacy.search import articles_matching
    from reports.models import Article

    words = " ".join(f"Minister{i} met President{i * 7} in Lima." for i in range(120_000))
    article = Article.objects.create(text=f"Submarine talks opened the week. {words}")
    assert len(article.text) > 4_000_000
    assert list(articles_matching("submarine")) == [article]
