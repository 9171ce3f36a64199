"""Recovering articles whose task message the broker lost.

With Redis, a worker takes a message off the queue and only then records it
as unacknowledged; a worker killed in between loses the message, and its
article would stay queued for good, its batch never finishing. Every worker
therefore runs a small timer (`LostArticleSweep`): when the queue is empty,
articles queued longer ago than `ARTICLE_REQUEUE_AFTER` seconds are queued
again. The extraction task is idempotent, so a message that was merely late
(still in a worker's hands) does nothing the second time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from celery import bootsteps
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# Articles re-queued per sweep, at most.
SWEEP_LIMIT = 1000


def articles_requeue_lost(*, older_than: timedelta, queue_empty: Callable[[], bool]) -> list[int]:
    """Queue again the articles queued before `older_than` ago, if the queue is empty.

    Returns their ids. Two workers sweeping at once never take the same article.
    """
    from .models import Article
    from .services import articles_enqueue

    cutoff = timezone.now() - older_than
    stale = Article.objects.filter(status=Article.Status.QUEUED, queued_at__lt=cutoff)
    if not stale.exists() or not queue_empty():
        return []
    with transaction.atomic():
        ids = list(
            stale.select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:SWEEP_LIMIT]
        )
        Article.objects.filter(pk__in=ids).update(queued_at=timezone.now())
        articles_enqueue(Article(pk=pk) for pk in ids)
    if ids:
        logger.warning("re-queued %d article(s) whose task message was lost: %s", len(ids), ids)
    return ids


def broker_queue_empty(app: Any, queue: str) -> bool:
    """No message waits in the named broker queue (a queue the broker does not know is empty)."""
    from kombu.exceptions import ChannelError

    with app.connection_for_read() as connection:
        try:
            _, count, _ = connection.default_channel.queue_declare(queue=queue, passive=True)
        except ChannelError:  # Redis drops an empty list: the queue is not there
            return True
    return count == 0


class LostArticleSweep(bootsteps.StartStopStep):
    """A worker step: every few seconds, re-queue articles whose message was lost."""

    requires = {"celery.worker.components:Timer"}

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.timer_entry = None

    def start(self, worker: Any) -> None:
        from django.conf import settings

        after = timedelta(seconds=settings.ARTICLE_REQUEUE_AFTER)
        queue = settings.CELERY_TASK_DEFAULT_QUEUE
        interval = min(60.0, max(2.0, after.total_seconds() / 4))

        def sweep() -> None:
            try:
                articles_requeue_lost(
                    older_than=after, queue_empty=lambda: broker_queue_empty(worker.app, queue)
                )
            except Exception:  # a sweep that fails (database down) is tried again later
                logger.exception("the sweep for lost articles failed")
            finally:
                from django.db import close_old_connections

                close_old_connections()

        self.timer_entry = worker.timer.call_repeatedly(interval, sweep, priority=10)

    def stop(self, worker: Any) -> None:
        if self.timer_entry is not None:
            self.timer_entry.cancel()
