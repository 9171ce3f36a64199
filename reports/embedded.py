"""The embedded default (no broker): queued reports are extracted after the response.

With no CELERY_BROKER_URL, storing a batch queues nothing on a broker: once the
transaction commits, `wake()` starts a drainer thread in this process (unless
one runs) that takes queued articles one at a time, oldest first, and extracts
each in a child process (`reports.sandbox`) so that one past its time limit is
stopped; the thread ends when the queue is empty and is started again by the
next wake. The batch page wakes it too, so a batch left queued by a restart
goes on. Commands (`ingest`, `reextract`) drain in their own thread instead:
`foreground()` keeps them from starting a thread they would not wait for.

Safe with SQLite and with several web processes: one drainer per process, and
an article is claimed with a conditional UPDATE (it is still queued and nobody
claimed it, or the claim is older than a lease no extraction outlives), so each
runs once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connections
from django.db.models import Q
from django.utils import timezone

from .extracting import article_extract, article_fail, failure_message
from .models import Article
from .sandbox import Sandbox

logger = logging.getLogger(__name__)

_sandbox = Sandbox()
_drain_lock = threading.Lock()  # one drainer at a time in this process
_state = threading.Lock()  # guards the three below
_thread: threading.Thread | None = None
_again = False  # woken while draining: look at the queue once more before ending
_foreground = 0  # commands draining in their own thread: wake() starts no thread


def active() -> bool:
    """Whether reports are extracted here rather than by Celery workers."""
    return bool(settings.EMBEDDED_EXTRACTION)


def _extract(text: str, published: date | None, seconds: float) -> Any:
    return _sandbox.extract(text, published, seconds=seconds)


def lease() -> timedelta:
    """How long a claim holds: past it, the drainer that claimed the article is gone."""
    return timedelta(seconds=2 * settings.EXTRACTION_TIME_LIMIT + 120)


def article_claim() -> int | None:
    """Take the oldest queued article nobody holds; its id, or None when there is none."""
    now = timezone.now()
    free = Q(claimed_at=None) | Q(claimed_at__lt=now - lease())
    candidates = (
        Article.objects.filter(free, status=Article.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", "claimed_at")[:20]
    )
    for pk, claimed_at in candidates:
        # taken only if it is as we read it: queued, and claimed by nobody since
        if Article.objects.filter(
            pk=pk, status=Article.Status.QUEUED, claimed_at=claimed_at
        ).update(claimed_at=now):
            return pk
    return None


def drain(progress: Callable[[], None] | None = None) -> int:
    """Extract queued articles in this thread until none is left; how many were taken."""
    taken = 0
    with _drain_lock:
        while (pk := article_claim()) is not None:
            try:
                article_extract(article_id=pk, extractor=_extract)
            except Exception as exc:  # e.g. the merge broke: this article fails, the rest goes on
                logger.exception("extraction of article %s failed", pk)
                article = Article.objects.filter(pk=pk).only("pk", "batch_id").first()
                if article is not None:
                    article_fail(article, failure_message(exc))
            taken += 1
            if progress is not None:
                progress()
    return taken


def wake() -> None:
    """Have the queue drained after this request: start the drainer thread unless it runs."""
    global _again, _thread
    if not active():
        return
    with _state:
        if _foreground:
            return
        _again = True
        if _thread is not None:
            return
        _thread = threading.Thread(target=_run, name="extraction-drainer", daemon=True)
        _thread.start()


def _run() -> None:
    global _again, _thread
    try:
        while True:
            with _state:
                _again = False
            try:
                drain()
            except Exception:  # the database went away: the next wake tries again
                logger.exception("the extraction drainer stopped")
            finally:
                close_old_connections()
            with _state:
                if not _again:
                    _thread = None
                    return
    finally:
        connections.close_all()


def wait(timeout: float | None = None) -> bool:
    """Wait for the drainer thread to end (tests, shutdown); False if it still runs."""
    thread = _thread
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


@contextmanager
def foreground() -> Iterator[None]:
    """Within the block, wake() starts no thread: the caller drains (`drain`) itself."""
    global _foreground
    with _state:
        _foreground += 1
    try:
        yield
    finally:
        with _state:
            _foreground -= 1


def sandbox_stop() -> None:
    """Stop the extraction child process (it starts again when needed)."""
    with _drain_lock:
        _sandbox.close()
