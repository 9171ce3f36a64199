"""Running the extractor on a stored article and merging what it finds."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from diplomacy.locks import record_lock
from engagements.services import article_citations_clear, document_merge, uncited_facts_prune

from .loaders.limits import size
from .models import Article, Batch
from .sandbox import ExtractionStopped, ExtractorError, alarm_limit
from .similarity import THRESHOLD, band_keys, similarity

logger = logging.getLogger(__name__)

# Runs the extractor on (text, published, time limit in seconds) and returns its Document.
Extractor = Callable[[str, date | None, float], Any]


def extract_in_process(text: str, published: date | None, seconds: float) -> Any:
    """The extractor run in this process, stopped by an alarm past `seconds` (main thread)."""
    from extraction import extract

    with alarm_limit(seconds):
        return extract(text, published)


def too_long_to_extract(text: str) -> str:
    """Why a report is not extracted at all ("" when it may be): its text is over the limit."""
    limit = settings.EXTRACTION_MAX_BYTES
    count = len(text.encode("utf-8"))
    if count <= limit:
        return ""
    return (
        f"Too long to extract: {size(count)} of text, over the {size(limit)} limit per "
        "report (EXTRACTION_MAX_BYTES); split it into smaller reports."
    )


def failure_message(exc: BaseException) -> str:
    """What an admin reads for a report whose extraction failed."""
    if isinstance(exc, ExtractionStopped):
        return str(exc)
    if isinstance(exc, ExtractorError):
        return f"Extraction failed: {exc}"
    return f"Extraction failed: {type(exc).__name__}: {exc}"


def article_fail(article: Article, message: str) -> None:
    """Mark a queued article failed with the message, and finish its batch if it was the last."""
    from extraction import EXTRACTOR_VERSION

    Article.objects.filter(pk=article.pk, status=Article.Status.QUEUED).update(
        status=Article.Status.FAILED, error=message[:2000], extractor_version=EXTRACTOR_VERSION
    )
    batch_finish_if_done(article.batch_id)


class _Superseded(Exception):
    """Another run merged the article while this one was merging it."""


def article_extract(*, article_id: int, extractor: Extractor = extract_in_process) -> str:
    """Extract one queued article and merge its facts, once. Returns what happened, for logs.

    Idempotent: only a queued article is extracted (re-extraction queues it
    again first). The merge and the article's new status commit together, so a
    worker killed halfway leaves the article queued for the next delivery. A text
    over EXTRACTION_MAX_BYTES is not extracted, and an extraction running past
    EXTRACTION_TIME_LIMIT seconds is stopped: either fails that article alone.
    """
    from extraction import EXTRACTOR_VERSION

    article = Article.objects.filter(pk=article_id).defer("extraction").first()
    if article is None:
        return "gone"
    if article.status != Article.Status.QUEUED:
        return f"already {article.status}"
    original = near_duplicate_of(article)
    if original is not None:
        Article.objects.filter(pk=article.pk, status=Article.Status.QUEUED).update(
            status=Article.Status.DUPLICATE, duplicate_of=original, error=""
        )
        batch_finish_if_done(article.batch_id)
        return "duplicate"
    refusal = too_long_to_extract(article.text)
    if refusal:
        article_fail(article, refusal)
        return "too long"
    try:
        document = extractor(article.text, article.published, settings.EXTRACTION_TIME_LIMIT)
    except Exception as exc:  # the extractor choking on one report fails that report alone
        stopped = isinstance(exc, ExtractionStopped)
        logger.warning("extraction of article %s failed: %s", article_id, exc, exc_info=not stopped)
        article_fail(article, failure_message(exc))
        return "failed"
    runs = article.extraction_runs
    try:
        with transaction.atomic():
            # merges about different people run side by side (see diplomacy.locks);
            # a re-run prunes across the record, so it runs alone
            record_lock(shared=not runs)
            if runs:
                article_citations_clear(article)
            document_merge(article=article, document=document)
            if runs:
                # re-extraction: facts only the earlier run supported go, unless people touched them
                uncited_facts_prune()
            # the status changes only if nobody merged this article meanwhile (a redelivered
            # task running twice); otherwise this merge is rolled back
            done = Article.objects.filter(
                pk=article_id, status=Article.Status.QUEUED, extraction_runs=runs
            ).update(
                status=Article.Status.EXTRACTED,
                error="",
                extraction=document.to_dict(),
                extractor_version=EXTRACTOR_VERSION,
                extracted_at=timezone.now(),
                extraction_runs=runs + 1,
            )
            if not done:
                raise _Superseded
    except _Superseded:
        return "already merged by another run"
    batch_finish_if_done(article.batch_id)
    return "extracted"


def near_duplicate_of(article: Article) -> Article | None:
    """An earlier report this one republishes with small edits (its facts count once, there).

    Candidates share an LSH band key with this article; only earlier articles
    (lower id) count, so of two copies processed at the same time the later one
    is always the duplicate.
    """
    keys = band_keys(article.signature)
    if not keys:
        return None
    candidates = (
        Article.objects.filter(pk__lt=article.pk, bands__key__in=keys)
        .exclude(status=Article.Status.FAILED)
        .distinct()
        .values_list("pk", "signature", "duplicate_of")
    )
    best, best_score = None, THRESHOLD
    for pk, signature, duplicate_of in candidates:
        score = similarity(article.signature, signature)
        if score >= best_score:
            best, best_score = duplicate_of or pk, score
    return Article.objects.get(pk=best) if best else None


def batch_finish_if_done(batch_id: int | None) -> None:
    """After a worker is done with an article: finish the batch if it was the last one.

    One indexed query while others are still queued. Each worker asks after its
    own article commits, so the last to finish always sees none queued. A batch
    still loading (pending) is left to the load, which settles it at its end.
    """
    if batch_id is None:
        return
    if Article.objects.filter(batch_id=batch_id, status=Article.Status.QUEUED).exists():
        return
    _batch_settle(batch_id, loading_done=False)


def batch_refresh(batch_id: int | None) -> None:
    """Recount a batch's articles: running while any is queued, else finished.

    Called when loading a batch ends and when its articles are queued again.
    """
    if batch_id is not None:
        _batch_settle(batch_id, loading_done=True)


def _batch_settle(batch_id: int, *, loading_done: bool) -> None:
    # The batch row is locked while counting: a worker finishing the last article
    # and the load ending at the same moment see each other's writes, in turn.
    with transaction.atomic():
        status = (
            Batch.objects.select_for_update()
            .filter(pk=batch_id)
            .values_list("status", flat=True)
            .first()
        )
        if status is None or (status == Batch.Status.PENDING and not loading_done):
            return
        counts = Article.objects.filter(batch_id=batch_id).aggregate(
            queued=Count("pk", filter=Q(status=Article.Status.QUEUED)),
            failed=Count("pk", filter=Q(status=Article.Status.FAILED)),
        )
        batch = Batch.objects.filter(pk=batch_id)
        if counts["queued"]:
            if status != Batch.Status.RUNNING:
                batch.update(status=Batch.Status.RUNNING, finished_at=None)
            return
        has_errors = counts["failed"] or batch.exclude(errors=[]).exists()
        batch.update(
            status=Batch.Status.FAILED if has_errors else Batch.Status.DONE,
            finished_at=timezone.now(),
        )
