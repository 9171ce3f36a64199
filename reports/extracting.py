"""Running the extractor on a stored article and merging what it finds."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from diplomacy.locks import record_lock
from engagements.services import article_citations_clear, document_merge, uncited_facts_prune

from .models import Article, Batch
from .similarity import THRESHOLD, band_keys, similarity

logger = logging.getLogger(__name__)


def article_extract(*, article_id: int) -> str:
    """Extract one queued article and merge its facts, once. Returns what happened, for logs.

    Idempotent: only a queued article is extracted (re-extraction queues it
    again first). The merge and the article's new status commit together, so a
    worker killed halfway leaves the article queued for the next delivery.
    """
    from extraction import EXTRACTOR_VERSION, extract

    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "gone"
    if article.status != Article.Status.QUEUED:
        return f"already {article.status}"
    original = near_duplicate_of(article)
    if original is not None:
        Article.objects.filter(pk=article.pk, status=Article.Status.QUEUED).update(
            status=Article.Status.DUPLICATE, duplicate_of=original, error=""
        )
        batch_refresh(article.batch_id)
        return "duplicate"
    try:
        document = extract(article.text, article.published)
    except Exception as exc:  # the extractor choking on one report fails that report alone
        logger.exception("extraction failed for article %s", article_id)
        Article.objects.filter(pk=article_id).update(
            status=Article.Status.FAILED,
            error=f"Extraction failed: {type(exc).__name__}: {exc}"[:2000],
            extractor_version=EXTRACTOR_VERSION,
        )
        batch_refresh(article.batch_id)
        return "failed"
    with transaction.atomic():
        # one merge at a time: two must not both create the same person
        record_lock()
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return "gone"
        if article.status != Article.Status.QUEUED:
            return f"already {article.status}"
        article_citations_clear(article)
        document_merge(article=article, document=document)
        if article.extraction_runs:
            # re-extraction: facts only the earlier run supported go, unless people touched them
            uncited_facts_prune()
        article.status = Article.Status.EXTRACTED
        article.error = ""
        article.extraction = document.to_dict()
        article.extractor_version = EXTRACTOR_VERSION
        article.extracted_at = timezone.now()
        article.extraction_runs += 1
        article.save(
            update_fields=[
                "status",
                "error",
                "extraction",
                "extractor_version",
                "extracted_at",
                "extraction_runs",
            ]
        )
    batch_refresh(article.batch_id)
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


def batch_refresh(batch_id: int | None) -> None:
    """Recount a batch's articles and mark it finished once none is queued."""
    if batch_id is None:
        return
    counts = Article.objects.filter(batch_id=batch_id).aggregate(
        queued=Count("pk", filter=Q(status=Article.Status.QUEUED)),
        failed=Count("pk", filter=Q(status=Article.Status.FAILED)),
    )
    if counts["queued"]:
        Batch.objects.filter(pk=batch_id).exclude(status=Batch.Status.RUNNING).update(
            status=Batch.Status.RUNNING, finished_at=None
        )
        return
    has_errors = counts["failed"] or Batch.objects.filter(pk=batch_id).exclude(errors=[]).exists()
    Batch.objects.filter(pk=batch_id).update(
        status=Batch.Status.FAILED if has_errors else Batch.Status.DONE,
        finished_at=timezone.now(),
    )
