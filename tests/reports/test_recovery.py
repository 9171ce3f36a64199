"""Articles whose task message the broker lost are queued again, once, when the queue is empty."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.models import Article
from reports.recovery import articles_requeue_lost
from reports.services import articles_reextract
from tests.reports.test_ingest_chunks import text

HOUR = timedelta(hours=1)


def article(i: int, *, queued_ago: timedelta, status: str = Article.Status.QUEUED) -> Article:
    return Article.objects.create(
        text=text(i), status=status, queued_at=timezone.now() - queued_ago
    )


@pytest.mark.django_db(transaction=True)
def test_only_articles_queued_long_ago_are_sent_again_and_only_when_the_queue_is_empty(queued):
    lost = article(1, queued_ago=2 * HOUR)
    article(2, queued_ago=timedelta(minutes=5))  # its message may well still be in the queue
    article(3, queued_ago=2 * HOUR, status=Article.Status.EXTRACTED)

    assert articles_requeue_lost(older_than=HOUR, queue_empty=lambda: False) == []
    assert queued == []

    assert articles_requeue_lost(older_than=HOUR, queue_empty=lambda: True) == [lost.pk]
    assert queued == [lost.pk]
    # sent again just now: the next sweep leaves it alone
    assert articles_requeue_lost(older_than=HOUR, queue_empty=lambda: True) == []
    assert queued == [lost.pk]


@pytest.mark.django_db
def test_queueing_an_article_again_restarts_its_clock(queued):
    done = article(4, queued_ago=3 * HOUR, status=Article.Status.EXTRACTED)
    articles_reextract(Article.objects.filter(pk=done.pk))
    done.refresh_from_db()
    assert done.status == Article.Status.QUEUED
    assert timezone.now() - done.queued_at < timedelta(minutes=1)
    assert articles_requeue_lost(older_than=HOUR, queue_empty=lambda: True) == []
