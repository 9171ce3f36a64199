"""Celery tasks for reports: extraction (a chunk of articles per task) and feed polls."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from . import extracting, polling
from .models import Source

# What both extraction tasks share: proven idempotent (an extracted article is never merged
# twice), so acknowledged late, and retried on errors a retry may cure.
_EXTRACTION = {
    "acks_late": True,
    "ignore_result": True,  # what happened is each article's status, in the database
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError, BrokerError),
    "retry_backoff": 2,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(**_EXTRACTION)
def articles_extract(article_ids: list[int]) -> dict[str, int]:
    """Extract a chunk of queued articles and merge them together (see
    reports.extracting.articles_extract)."""
    return extracting.articles_extract(article_ids=article_ids)


@shared_task(**_EXTRACTION)
def article_extract(article_id: int) -> str:
    """Extract and merge one queued article (messages sent before tasks took chunks)."""
    return extracting.article_extract(article_id=article_id)


@shared_task(ignore_result=True)
def sources_poll_due() -> list[int]:
    """What `celery beat` runs every SOURCES_POLL_TICK seconds: a poll task per source due."""
    return polling.sources_poll_due(dispatch=source_poll.delay_on_commit)


@shared_task(ignore_result=True)
def source_poll(source_id: int) -> str:
    """Poll one claimed source (see reports.polling.source_poll); what happened, for logs."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return "gone"
    return polling.source_poll(source=source).summary
