"""Ingestion end to end on PostgreSQL, a real Redis broker and real Celery worker processes.

The test process creates the test database; `manage.py ingest` and the workers run
as separate processes against it, as an admin and a deployment would.
"""

from __future__ import annotations

import base64
import json
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
from django.db.models import Count
from django.utils import timezone

from engagements.models import Citation, Engagement
from people.models import Official
from reports.models import Article, Batch, Source
from tests.conftest import skip_or_fail
from tests.feeds import serve
from tests.helpers import BIN, ROOT, clean_env, manage
from tests.reports.test_sources import ITEMS

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
        return self._spawn(
            "worker",
            "--concurrency",
            str(concurrency),
            "-Q",
            self.env["CELERY_QUEUE"],
            "-n",
            f"{self.env['CELERY_QUEUE']}-{len(self.processes)}@%h",
            "--without-gossip",
            "--without-mingle",
        )

    def beat(self, schedule: Path) -> subprocess.Popen:
        """`celery beat`, sending the periodic tasks (the poll of sources due) to our queue."""
        return self._spawn("beat", "--schedule", str(schedule))

    def _spawn(self, *args: str) -> subprocess.Popen:
        process = subprocess.Popen(
            [str(BIN / "celery"), "-A", "diplomacy", *args, "--loglevel=WARNING"],
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


def held_chunks(env: dict[str, str]) -> list[list[int]]:
    """The chunks of article ids taken off our queue by a worker and not acknowledged."""
    held = []
    for value in redis.Redis.from_url(env["CELERY_BROKER_URL"]).hvals("unacked"):
        message, _exchange, routing_key = json.loads(value)
        if routing_key == env["CELERY_QUEUE"]:
            args, _kwargs, _embed = json.loads(base64.b64decode(message["body"]))
            held.append(args[0])
    return held


def distinct_reports(folder: Path, count: int) -> None:
    capitals = ["Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Vienna", "Warsaw", "Prague"]
    topics = ["trade", "energy", "security", "migration", "climate", "health", "shipping"]
    rng = random.Random(7)
    for i in range(count):
        city = capitals[i % len(capitals)]
        # distinct stories, so that none is taken for a republished copy of another
        background = " ".join(rng.choice(topics) + f"-{rng.randrange(10_000)}" for _ in range(40))
        (folder / f"report_{i:02d}.txt").write_text(
            f"U.S. Secretary of State Antony Blinken met officials in {city} on Tuesday "
            f"for talks number {i}.\n\nThe agenda covered {background}.",
            encoding="utf-8",
        )


def test_a_worker_killed_mid_chunk_loses_nothing_and_repeats_nothing(
    services_env, workers, tmp_path
):
    services_env["EXTRACT_CHUNK"] = "5"
    distinct_reports(tmp_path, 40)
    ingest(services_env, tmp_path, "--published", "2021-10-06")
    batch = Batch.objects.get()
    assert batch.articles.count() == 40

    first = workers.start(concurrency=2)
    deadline = time.monotonic() + 60
    while batch.articles.filter(status="extracted").count() < 5:
        assert time.monotonic() < deadline, "the first worker extracted nothing"
        time.sleep(0.02)
    workers.kill(first)
    # the chunks the worker held when it died: taken, not acknowledged, not merged
    held = held_chunks(services_env)
    assert held, "the worker held no chunk when it was killed"
    cut_short = [pk for chunk in held for pk in chunk]
    assert batch.articles.filter(pk__in=cut_short, status="queued").exists()
    assert batch.articles.filter(status="extracted").count() < 40

    workers.start(concurrency=2)
    batch = wait_until_finished(batch, timeout=180)
    assert batch.status == Batch.Status.DONE
    runs = list(batch.articles.values_list("status", "extraction_runs"))
    assert runs == [("extracted", 1)] * 40
    # merged once each: every report cited, no citation written twice
    assert Citation.objects.values("article").distinct().count() == 40
    assert not (
        Citation.objects.values("article", "start", "end", "engagement", "official", "stop")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .exists()
    )


def test_ingest_wait_follows_the_workers_until_every_chunk_is_extracted(
    services_env, workers, tmp_path
):
    services_env["EXTRACT_CHUNK"] = "4"
    distinct_reports(tmp_path, 12)
    workers.start()
    out = ingest(services_env, tmp_path, "--published", "2021-10-06", "--wait")
    assert "12 new article(s)" in out
    assert out.strip().endswith("Batch status: Done.")
    assert list(Article.objects.values_list("status", flat=True)) == ["extracted"] * 12


def test_two_workers_merging_chunks_naming_the_same_new_official_make_one_official(
    services_env, workers, tmp_path
):
    services_env["EXTRACT_CHUNK"] = "3"
    workers.start(concurrency=1)
    workers.start(concurrency=1)
    others = ["Hiro Sato", "Elena Petrov", "Jonas Weber", "Mateo Zapata", "Nadia Haddad", "Lena Xu"]
    for n, person in enumerate(["Zanele Okonkwo", "Tomas Eriksen", "Priya Raman"]):
        folder = tmp_path / f"round_{n}"
        folder.mkdir()
        for i, other in enumerate(others):  # two chunks of three, one per worker
            (folder / f"r{i}.txt").write_text(
                f"Kenyan Foreign Minister {person} met Japanese Trade Minister {other} in "
                f"Nairobi on Tuesday, officials said. They spoke of {other.split()[0]} matters "
                f"and of case {n}-{i}.",
                encoding="utf-8",
            )
        ingest(services_env, folder, "--published", "2021-10-06")
        wait_until_finished(Batch.objects.latest("pk"))
        assert Official.objects.filter(name=person).count() == 1, person
        assert Official.objects.get(name=person).engagements.count() == len(others)
    assert Official.objects.filter(name="Hiro Sato").count() == 1
    assert set(Article.objects.values_list("status", "extraction_runs")) == {("extracted", 1)}


def test_an_article_whose_message_the_broker_lost_is_queued_again_and_the_batch_finishes(
    services_env, workers, tmp_path
):
    # a worker killed between taking a message off the queue and recording it as
    # unacknowledged loses it; here one message (a chunk of two) is removed by hand instead
    services_env["EXTRACT_CHUNK"] = "2"
    for i, city in enumerate(["Paris", "Berlin", "Madrid", "Rome"]):
        (tmp_path / f"report_{i}.txt").write_text(
            f"U.S. Secretary of State Antony Blinken met officials in {city} on Tuesday "
            f"about case number {i}.",
            encoding="utf-8",
        )
    ingest(services_env, tmp_path, "--published", "2021-10-06")
    broker = redis.Redis.from_url(services_env["CELERY_BROKER_URL"])
    assert broker.llen(services_env["CELERY_QUEUE"]) == 2
    assert broker.rpop(services_env["CELERY_QUEUE"]) is not None
    batch = Batch.objects.get()

    workers.start()
    # re-sent after ARTICLE_REQUEUE_AFTER: twice the 5 s visibility timeout here
    batch = wait_until_finished(batch, timeout=90)
    assert batch.status == Batch.Status.DONE
    runs = list(batch.articles.values_list("status", "extraction_runs"))
    assert runs == [("extracted", 1)] * 4


def test_celery_beat_polls_a_due_source_and_a_worker_extracts_its_new_reports(
    services_env, workers, tmp_path
):
    feeds, server = serve()
    try:
        services_env.update(SOURCES_POLL_TICK="1", FETCH_ALLOWED_HOSTS="127.0.0.1")
        url = feeds.feed("/wire.rss", ITEMS)
        source = Source.objects.create(name="Wire", url=url, interval=60)
        workers.start()
        workers.beat(tmp_path / "beat-schedule")
        batch = wait_until(lambda: Batch.objects.filter(feed=source).first(), timeout=60)
        batch = wait_until_finished(batch)
        assert batch.status == Batch.Status.DONE
        assert batch.articles.filter(status="extracted").count() == 2
        source.refresh_from_db()
        assert source.last_result == f"2 new report(s) in batch {batch.pk}"

        # due again: the beat's next ticks poll it, conditionally; nothing new, no batch
        Source.objects.filter(pk=source.pk).update(next_poll_at=timezone.now())
        wait_until(lambda: len(feeds.seen("/wire.rss")) >= 2, timeout=30)
        assert feeds.seen("/wire.rss")[1].headers["If-None-Match"] == '"v1"'
        wait_until(lambda: Source.objects.get(pk=source.pk).last_result == "not modified")
        assert Batch.objects.filter(feed=source).count() == 1
    finally:
        server.shutdown()
        server.server_close()


def wait_until(found, timeout: float = 30):
    """found()'s first true value, asked every 0.2 s; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"nothing after {timeout} s")
