"""Ingestion end to end on PostgreSQL, a real Redis broker and real Celery worker processes.

The test process creates the test database; `manage.py ingest` and the workers run
as separate processes against it, as an admin and a deployment would.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import redis
from django.db import connection

from engagements.models import Engagement
from people.models import Official
from reports.models import Article, Batch
from tests.conftest import skip_or_fail
from tests.helpers import BIN, ROOT, clean_env, manage

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

SAMPLES = ROOT / "sample_data"


@pytest.fixture
def services_env() -> dict[str, str]:
    """Environment for child processes: this test's database, Redis, a queue of its own."""
    if connection.vendor != "postgresql":
        skip_or_fail("DATABASE_URL does not point at PostgreSQL")
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url:
        skip_or_fail("CELERY_BROKER_URL is not set")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        skip_or_fail(f"the broker at {url} does not answer: {exc}")
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    return clean_env(
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=url,
        CELERY_QUEUE=f"test-{uuid.uuid4().hex[:12]}",
        CELERY_VISIBILITY_TIMEOUT="5",
        SECRET_KEY="integration-test-key",
        DB_CONN_MAX_AGE="0",
    )


class Workers:
    """Start and stop Celery worker processes for one test."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.processes: list[subprocess.Popen] = []

    def start(self, concurrency: int = 2) -> subprocess.Popen:
        process = subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "diplomacy",
                "worker",
                "--concurrency",
                str(concurrency),
                "-Q",
                self.env["CELERY_QUEUE"],
                "-n",
                f"{self.env['CELERY_QUEUE']}-{len(self.processes)}@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=WARNING",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL the worker and its pool children: no chance to finish or acknowledge."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


@pytest.fixture
def workers(services_env) -> Iterator[Workers]:
    pool = Workers(services_env)
    yield pool
    pool.stop_all()
    redis.Redis.from_url(services_env["CELERY_BROKER_URL"]).delete(services_env["CELERY_QUEUE"])


def ingest(env: dict[str, str], *paths: Path | str) -> str:
    result = manage("ingest", *map(str, paths), env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def wait_until_finished(batch: Batch, timeout: float = 120) -> Batch:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status in (Batch.Status.DONE, Batch.Status.FAILED):
            return batch
        time.sleep(0.3)
    queued = batch.articles.filter(status="queued").count()
    raise AssertionError(f"batch {batch.pk} unfinished after {timeout}s: {queued} queued")


def test_a_batch_is_extracted_by_a_worker_and_loading_it_again_adds_nothing(services_env, workers):
    workers.start()
    ingest(services_env, SAMPLES)
    batch = wait_until_finished(Batch.objects.get())
    assert batch.status == Batch.Status.DONE
    assert list(Article.objects.values_list("status", "extraction_runs")) == [("extracted", 1)] * 3
    counts = {"engagements": Engagement.objects.count(), "officials": Official.objects.count()}
    assert counts["engagements"] > 0 and counts["officials"] > 0

    out = ingest(services_env, SAMPLES)
    assert "Nothing new" in out
    assert Batch.objects.count() == 1
    assert Engagement.objects.count() == counts["engagements"]
    assert Official.objects.count() == counts["officials"]


def test_one_meeting_in_two_reports_is_one_engagement_with_two_citations(
    services_env, workers, tmp_path
):
    (tmp_path / "a.txt").write_text(
        "U.S. Secretary of State Antony Blinken met French President Emmanuel Macron "
        "in Paris on Tuesday, officials said.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "French President Emmanuel Macron held talks with U.S. Secretary of State "
        "Antony Blinken in Paris on Tuesday.",
        encoding="utf-8",
    )
    workers.start()
    ingest(services_env, tmp_path, "--published", "2021-10-06")
    wait_until_finished(Batch.objects.get())
    meetings = Engagement.objects.filter(participants__name="Emmanuel Macron").filter(
        participants__name="Antony Blinken"
    )
    assert meetings.count() == 1
    assert meetings.get().citations.values("article").distinct().count() == 2
    assert meetings.get().start == date(2021, 10, 5)


def test_an_editors_correction_survives_re_extraction_by_the_worker(services_env, workers):
    workers.start()
    ingest(services_env, SAMPLES)
    batch = wait_until_finished(Batch.objects.get())
    talks = Engagement.objects.filter(participants__name="Luigi Di Maio").get()
    talks.title = "Bilateral on Libya"
    talks.status = Engagement.Status.HELD
    talks.edited_fields = ["title", "status"]
    talks.save()
    before = Engagement.objects.count()

    result = manage("reextract", "--batch", str(batch.pk), env=services_env)
    assert result.returncode == 0, result.stderr
    wait_until_finished(batch)
    assert set(Article.objects.values_list("extraction_runs", flat=True)) == {2}

    talks.refresh_from_db()
    assert (talks.title, talks.status) == ("Bilateral on Libya", "held")
    assert talks.citations.exists()
    assert Engagement.objects.count() == before


def test_a_worker_killed_mid_batch_loses_nothing_and_repeats_nothing(
    services_env, workers, tmp_path
):
    capitals = ["Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Vienna", "Warsaw", "Prague"]
    topics = [
        "trade",
        "energy",
        "security",
        "migration",
        "climate",
        "health",
        "shipping",
        "grain",
        "debt",
        "tariffs",
    ]
    rng = random.Random(7)
    for i in range(40):
        city = capitals[i % len(capitals)]
        # distinct stories, so that none is taken for a republished copy of another
        background = " ".join(rng.choice(topics) + f"-{rng.randrange(10_000)}" for _ in range(40))
        (tmp_path / f"report_{i:02d}.txt").write_text(
            f"U.S. Secretary of State Antony Blinken met officials in {city} on Tuesday "
            f"for talks number {i}.\n\nThe agenda covered {background}.",
            encoding="utf-8",
        )
    ingest(services_env, tmp_path, "--published", "2021-10-06")
    batch = Batch.objects.get()
    assert batch.articles.count() == 40

    first = workers.start(concurrency=2)
    deadline = time.monotonic() + 60
    while batch.articles.filter(status="extracted").count() < 3:
        assert time.monotonic() < deadline, "the first worker extracted nothing"
        time.sleep(0.05)
    workers.kill(first)
    done_when_killed = batch.articles.filter(status="extracted").count()
    assert done_when_killed < 40, "the batch finished before the worker could be killed"

    workers.start(concurrency=2)
    batch = wait_until_finished(batch, timeout=180)
    assert batch.status == Batch.Status.DONE
    runs = list(batch.articles.values_list("status", "extraction_runs"))
    assert runs == [("extracted", 1)] * 40


def test_an_article_whose_message_the_broker_lost_is_queued_again_and_the_batch_finishes(
    services_env, workers, tmp_path
):
    # a worker killed between taking a message off the queue and recording it as
    # unacknowledged loses it; here the message is removed by hand instead
    for i, city in enumerate(["Paris", "Berlin", "Madrid", "Rome"]):
        (tmp_path / f"report_{i}.txt").write_text(
            f"U.S. Secretary of State Antony Blinken met officials in {city} on Tuesday "
            f"about case number {i}.",
            encoding="utf-8",
        )
    ingest(services_env, tmp_path, "--published", "2021-10-06")
    broker = redis.Redis.from_url(services_env["CELERY_BROKER_URL"])
    assert broker.llen(services_env["CELERY_QUEUE"]) == 4
    assert broker.rpop(services_env["CELERY_QUEUE"]) is not None
    batch = Batch.objects.get()

    workers.start()
    # re-sent after ARTICLE_REQUEUE_AFTER: twice the 5 s visibility timeout here
    batch = wait_until_finished(batch, timeout=90)
    assert batch.status == Batch.Status.DONE
    runs = list(batch.articles.values_list("status", "extraction_runs"))
    assert runs == [("extracted", 1)] * 4
