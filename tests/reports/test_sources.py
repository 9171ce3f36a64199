"""Feeds polled on a schedule: each poll's new items a batch, conditional requests, backoff.

The feeds are served from a loopback HTTP server (tests/feeds.py), which downloads may
reach only because FETCH_ALLOWED_HOSTS names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from diplomacy.celery import app
from reports.models import Article, Batch, Source
from reports.polling import sources_claim_due
from reports.tasks import sources_poll_due
from tests.feeds import FeedServer, Item, Route, serve

ITEMS = [
    Item(
        "https://wire.example/okafor-sato",
        "Okafor meets Sato",
        "Kenyan Foreign Minister Amina Okafor met Japanese Trade Minister Hiro Sato in "
        "Nairobi on Tuesday, officials said.",
    ),
    Item(
        "https://wire.example/petrov-weber",
        "Petrov in Berlin",
        "French Foreign Minister Elena Petrov met German Defense Minister Jonas Weber in "
        "Berlin on Monday.",
    ),
]
NEW = Item(
    "https://wire.example/zapata-haddad",
    "Zapata in Cairo",
    "Mexican President Mateo Zapata met Egyptian Prime Minister Nadia Haddad in Cairo on Monday.",
)


@pytest.fixture
def feeds(settings) -> Iterator[FeedServer]:
    server_feeds, server = serve()
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    yield server_feeds
    server.shutdown()
    server.server_close()


def make_due(*sources: Source) -> None:
    """As if the sources' next poll time had come."""
    Source.objects.filter(pk__in=[s.pk for s in sources]).update(
        next_poll_at=timezone.now() - timedelta(seconds=1)
    )


def poll(capsys) -> str:
    """What an admin on the embedded default runs (or its --loop does as sources come due)."""
    call_command("poll_sources")
    return capsys.readouterr().out


def batches_of(source: Source) -> list[Batch]:
    return list(Batch.objects.filter(feed=source).order_by("pk"))


@pytest.mark.django_db
def test_a_poll_makes_a_batch_of_the_new_items_only_and_asks_conditionally(
    feeds, queued, capsys, django_capture_on_commit_callbacks
):
    url = feeds.feed("/wire.rss", ITEMS)
    source = Source.objects.create(name="Wire", url=url, interval=15)

    with django_capture_on_commit_callbacks(execute=True):
        out = poll(capsys)
    (batch,) = batches_of(source)
    assert f"Wire: 2 new report(s) in batch {batch.pk}" in out
    assert sorted(batch.articles.values_list("url", flat=True)) == sorted(i.link for i in ITEMS)
    assert set(batch.articles.values_list("status", flat=True)) == {Article.Status.QUEUED}
    assert sorted(queued) == sorted(batch.articles.values_list("pk", flat=True))
    source.refresh_from_db()
    assert (source.etag, source.failures, source.last_error) == ('"v1"', 0, "")
    assert source.next_poll_at - source.last_polled_at == timedelta(minutes=15)
    assert "No source is due a poll." in poll(capsys)  # not due again yet

    # nothing new: the request is conditional, the feed answers 304, no batch is made
    make_due(source)
    assert "Wire: not modified" in poll(capsys)
    last = feeds.seen("/wire.rss")[-1]
    assert last.headers["If-None-Match"] == '"v1"'
    assert last.headers["If-Modified-Since"] == feeds.routes["/wire.rss"].last_modified
    assert len(batches_of(source)) == 1

    # a new item; an old one edited since (same link): only the new one is queued
    edited = Item(ITEMS[0].link, ITEMS[0].title, ITEMS[0].text + " They spoke of grain.")
    feeds.feed("/wire.rss", [NEW, edited, ITEMS[1]])
    make_due(source)
    out = poll(capsys)
    first, second = batches_of(source)
    assert f"Wire: 1 new report(s) in batch {second.pk}" in out
    assert list(second.articles.values_list("url", flat=True)) == [NEW.link]
    assert Article.objects.count() == 3
    source.refresh_from_db()
    assert source.etag == '"v2"'


@pytest.mark.django_db
def test_a_feed_that_ignores_conditional_requests_makes_no_batch_when_nothing_is_new(
    feeds, queued, capsys
):
    url = feeds.feed("/plain.rss", ITEMS, validators=False)
    source = Source.objects.create(name="Plain", url=url)
    poll(capsys)
    make_due(source)
    assert "Plain: nothing new (2 item(s) stored already)" in poll(capsys)
    assert len(batches_of(source)) == 1
    assert "If-None-Match" not in feeds.seen("/plain.rss")[-1].headers


@pytest.mark.django_db
def test_a_failing_feed_records_its_error_and_backs_off_while_another_still_loads(
    feeds, queued, capsys
):
    feeds.routes["/broken.rss"] = Route(b"oops", status=500, content_type="text/plain")
    feeds.routes["/garbage.rss"] = Route(b"\x00\x01 <<<not xml at all", content_type="text/xml")
    broken = Source.objects.create(name="Broken", url=feeds.url("/broken.rss"), interval=10)
    garbage = Source.objects.create(name="Garbage", url=feeds.url("/garbage.rss"), interval=10)
    good = Source.objects.create(name="Good", url=feeds.feed("/good.rss", ITEMS), interval=10)

    out = poll(capsys)
    assert "Good: 2 new report(s)" in out
    assert len(batches_of(good)) == 1
    broken.refresh_from_db()
    garbage.refresh_from_db()
    assert broken.last_error == f"{broken.url}: HTTP 500 Internal Server Error"
    assert garbage.last_error.startswith(f"{garbage.url}: not an RSS or Atom feed")
    for source in (broken, garbage):
        assert source.failures == 1
        assert source.next_poll_at - source.last_polled_at == timedelta(minutes=20)
        assert not batches_of(source)

    make_due(broken)
    poll(capsys)
    broken.refresh_from_db()
    assert broken.failures == 2
    assert broken.next_poll_at - broken.last_polled_at == timedelta(minutes=40)

    feeds.feed("/broken.rss", [NEW])  # mended
    make_due(broken)
    assert "Broken: 1 new report(s)" in poll(capsys)
    broken.refresh_from_db()
    assert (broken.failures, broken.last_error) == (0, "")
    assert broken.next_poll_at - broken.last_polled_at == timedelta(minutes=10)


@pytest.mark.django_db
def test_the_backoff_stops_at_a_day(feeds):
    source = Source(name="x", url="https://x.example/feed", interval=60, failures=30)
    assert source.backoff() == timedelta(days=1)
    assert Source(name="y", url="https://y.example", interval=5, failures=2).backoff() == (
        timedelta(minutes=20)
    )


@pytest.mark.django_db
def test_a_source_on_a_refused_address_records_a_clear_error(feeds, settings, capsys):
    settings.FETCH_ALLOWED_HOSTS = []
    source = Source.objects.create(name="Intranet", url=feeds.feed("/wire.rss", ITEMS))
    out = poll(capsys)
    source.refresh_from_db()
    assert source.last_error == (
        f"{source.url}: refused, 127.0.0.1 is a loopback address "
        "(an admin may allow the host in FETCH_ALLOWED_HOSTS)"
    )
    assert f"Intranet: failed: {source.last_error}" in out
    assert source.failures == 1
    assert feeds.requests == []  # nothing was sent to it
    assert not Batch.objects.exists()


@pytest.mark.django_db
def test_disabled_sources_are_not_polled_and_a_claimed_source_is_claimed_once(feeds):
    on = Source.objects.create(name="On", url=feeds.feed("/on.rss", ITEMS))
    Source.objects.create(name="Off", url=feeds.feed("/off.rss", ITEMS), enabled=False)
    assert sources_claim_due() == [on.pk]
    assert sources_claim_due() == []  # a second beat, or poll_sources beside it


@pytest.mark.django_db
def test_the_beat_task_polls_the_sources_due(feeds, run_tasks):
    assert app.conf.beat_schedule["poll-due-sources"]["task"] == sources_poll_due.name
    source = Source.objects.create(name="Wire", url=feeds.feed("/wire.rss", ITEMS))
    with run_tasks():
        sources_poll_due.delay()
    (batch,) = batches_of(source)
    batch.refresh_from_db()
    # the embedded default: the new articles were extracted in process too
    assert set(batch.articles.values_list("status", flat=True)) == {Article.Status.EXTRACTED}
    assert batch.status == Batch.Status.DONE
