"""Celery tasks for reports: one task per article."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from . import extracting


@shared_task(
    acks_late=True,  # proven idempotent: an extracted article is never merged twice
    ignore_result=True,  # what happened is the article's status, in the database
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError, BrokerError),
    retry_backoff=2,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=8,
)
def article_extract(article_id: int) -> str:
    """Extract and merge one queued article (see reports.extracting.article_extract)."""
    return extracting.article_extract(article_id=article_id)
