"""The embedded default (no broker): reports are extracted after the response, each under
its size and time limits, one drainer at a time, each article once."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reports import embedded
from reports.extracting import article_extract, extract_in_process
from reports.models import Article, Batch
from reports.sandbox import ExtractionTimeout, Sandbox
from tests.integration.test_worker import wait_until_finished
from tests.reports.test_views import GOOD_TEXT, upload

# A report the extractor takes well over a second to read: many sentences with names,
# places and days (its sentences differ, so it is nobody's near-duplicate).
SLOW_TEXT = "\n\n".join(
    f"Minister Alpha{i} met President Beta{i * 7} in Paris on Tuesday for talks number {i}."
    for i in range(3000)
)


@pytest.fixture
def embedded_default(settings):
    """No broker: reports are extracted by the drainer thread (or the command itself)."""
    settings.EMBEDDED_EXTRACTION = True
    yield settings
    assert embedded.wait(120), "the drainer thread did not finish"


def test_an_upload_returns_before_extraction_and_the_batch_is_extracted_after(
    transactional_db, embedded_default, admin_user
):
    client = Client()
    client.force_login(admin_user)
    started = time.monotonic()
    response = client.post(
        reverse("reports:upload"),
        {"files": [upload("good.txt", GOOD_TEXT.encode())], "published": "2021-10-05"},
    )
    assert response.status_code == 302
    assert time.monotonic() - started < 5
    batch = Batch.objects.get()
    assert wait_until_finished(batch).status == Batch.Status.DONE
    article = batch.articles.get()
    assert article.status == Article.Status.EXTRACTED
    assert article.claimed_at is not None
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Done" in page


def test_a_report_over_the_size_limit_fails_alone_with_a_clear_message(
    transactional_db, embedded_default, admin_user
):
    embedded_default.EXTRACTION_MAX_BYTES = 2_000
    client = Client()
    client.force_login(admin_user)
    client.post(
        reverse("reports:upload"),
        {
            "files": [
                upload("huge.txt", ("The minister spoke at length. " * 400).encode()),
                upload("good.txt", GOOD_TEXT.encode()),
            ],
            "published": "2021-10-05",
        },
    )
    batch = wait_until_finished(Batch.objects.get())
    assert batch.status == Batch.Status.FAILED
    huge = batch.articles.get(status=Article.Status.FAILED)
    assert huge.error.startswith("Too long to extract: 11.7 kB of text, over the 2 kB limit")
    assert batch.articles.get(status=Article.Status.EXTRACTED).text == GOOD_TEXT
    page = client.get(batch.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert "Too long to extract" in page  # the progress panel names each failure


def test_a_report_past_the_time_limit_is_stopped_and_the_next_one_still_runs(
    transactional_db, embedded_default
):
    batch = Batch.objects.create(name="Slow and quick", status=Batch.Status.RUNNING)
    slow = Article.objects.create(batch=batch, text=SLOW_TEXT)
    quick = Article.objects.create(batch=batch, text=GOOD_TEXT)
    embedded_default.EXTRACTION_TIME_LIMIT = 0.5
    # the first extraction in a fresh child must not count its start-up against the limit
    embedded.sandbox_stop()
    started = time.monotonic()
    assert embedded.drain() == 2
    assert time.monotonic() - started < 60
    slow.refresh_from_db()
    quick.refresh_from_db()
    assert slow.status == Article.Status.FAILED
    assert slow.error == (
        "Extraction stopped after 0.5 s, the time limit per report (EXTRACTION_TIME_LIMIT); "
        "the rest of the batch goes on."
    )
    assert quick.status == Article.Status.EXTRACTED
    batch.refresh_from_db()
    assert batch.status == Batch.Status.FAILED


@pytest.mark.django_db
def test_an_article_is_claimed_once_and_a_stale_claim_is_taken_over(settings):
    settings.EMBEDDED_EXTRACTION = True
    first = Article.objects.create(text="First report.")
    second = Article.objects.create(text="Second report.")
    assert embedded.article_claim() == first.pk
    assert embedded.article_claim() == second.pk
    assert embedded.article_claim() is None  # both held
    # the drainer holding the first one died long ago: its claim lapses
    Article.objects.filter(pk=first.pk).update(
        claimed_at=timezone.now() - embedded.lease() - timedelta(seconds=1)
    )
    assert embedded.article_claim() == first.pk
    Article.objects.filter(pk=second.pk).update(status=Article.Status.EXTRACTED, claimed_at=None)
    assert embedded.article_claim() is None  # only queued articles are taken


@pytest.mark.django_db
def test_re_extraction_releases_the_claim(settings, admin_client_):
    settings.EMBEDDED_EXTRACTION = True
    article = Article.objects.create(
        text="Done report.", status=Article.Status.FAILED, claimed_at=timezone.now()
    )
    admin_client_.post(reverse("reports:article_reextract", args=[article.pk]))
    article.refresh_from_db()
    assert (article.status, article.claimed_at) == (Article.Status.QUEUED, None)


@pytest.mark.django_db
def test_the_ingest_command_extracts_the_batch_before_it_ends(embedded_default, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    call_command("ingest", str(tmp_path), "--published", "2021-10-05")
    batch = Batch.objects.get()
    assert batch.status == Batch.Status.DONE
    assert batch.articles.get().status == Article.Status.EXTRACTED
    assert embedded._thread is None  # the command drained it itself


@pytest.mark.django_db
def test_in_process_as_celery_workers_run_it_an_overlong_extraction_is_stopped(settings):
    settings.EXTRACTION_TIME_LIMIT = 0.3
    article = Article.objects.create(text=SLOW_TEXT)
    assert article_extract(article_id=article.pk) == "failed"
    article.refresh_from_db()
    assert article.error.startswith("Extraction stopped after 0.3 s")


def test_the_alarm_limit_stops_extraction_in_the_main_thread():
    started = time.monotonic()
    with pytest.raises(ExtractionTimeout):
        extract_in_process(SLOW_TEXT, None, 0.2)
    assert time.monotonic() - started < 5


def test_the_sandbox_extracts_and_is_restarted_after_an_overrun():
    sandbox = Sandbox()
    try:
        document = sandbox.extract(GOOD_TEXT, None, seconds=60)
        assert any(o.name == "Emmanuel Macron" for o in document.officials)
        first = sandbox.pid
        with pytest.raises(ExtractionTimeout):
            sandbox.extract(SLOW_TEXT, None, seconds=0.2)
        assert sandbox.pid is None  # killed
        assert sandbox.extract(GOOD_TEXT, None, seconds=60).officials
        assert sandbox.pid not in (None, first)
    finally:
        sandbox.close()
