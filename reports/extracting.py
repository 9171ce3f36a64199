"""Running the extractor on stored articles, a chunk at a time, and merging what it finds."""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from diplomacy.locks import record_lock
from engagements.services import article_citations_clear, documents_merge, uncited_facts_prune

from .loaders.limits import size
from .models import Article, ArticleBand, Batch
from .sandbox import ExtractionStopped, ExtractorError, alarm_limit
from .similarity import THRESHOLD, band_keys, similarity

if TYPE_CHECKING:
    from extraction.models import Document

logger = logging.getLogger(__name__)


# Errors a retry of the whole task may cure (a lost connection, a deadlock): never one
# article's fault, so they are raised for Celery to retry rather than failing it.
TRANSIENT = (OperationalError, InterfaceError)


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
    """Another run merged an article while this one was merging it."""


def article_extract(*, article_id: int, extractor: Extractor = extract_in_process) -> str:
    """Extract and merge one queued article, once (`articles_extract`); what happened, for logs."""
    outcome = articles_extract(article_ids=[article_id], extractor=extractor)
    if not outcome:  # not queued
        article = Article.objects.filter(pk=article_id).only("status").first()
        return "gone" if article is None else f"already {article.status}"
    return next(iter(outcome))


def articles_extract(
    *, article_ids: Sequence[int], extractor: Extractor = extract_in_process
) -> dict[str, int]:
    """Extract a chunk of queued articles and merge what they report, each once.

    Returns how many ended which way, for logs. Idempotent: only queued articles are
    taken (re-extraction queues them again first), and an article's merge commits with
    its new status, so a worker killed halfway leaves the chunk queued for the next
    delivery. Articles never merged before are merged together, in one transaction
    (`documents_merge`: one look-up and one write per kind of fact for the chunk); should
    that fail, they are merged one by one, so an article that cannot be merged fails
    alone. Re-extractions run one by one, alone (they prune across the record). A text
    over EXTRACTION_MAX_BYTES is not extracted, and an extraction running past
    EXTRACTION_TIME_LIMIT seconds is stopped: either fails that article alone.
    """
    from extraction import EXTRACTOR_VERSION

    articles = list(
        Article.objects.filter(pk__in=set(article_ids), status=Article.Status.QUEUED)
        .defer("extraction")
        .order_by("pk")
    )
    outcome: Counter[str] = Counter()
    began = time.perf_counter()
    originals = near_duplicates(articles)
    extracted: list[tuple[Article, Document]] = []
    extracting = 0.0
    for article in articles:
        if article.pk in originals:
            Article.objects.filter(pk=article.pk, status=Article.Status.QUEUED).update(
                status=Article.Status.DUPLICATE, duplicate_of=originals[article.pk], error=""
            )
            outcome["duplicate"] += 1
            continue
        refusal = too_long_to_extract(article.text)
        if refusal:
            _fail(article, refusal, EXTRACTOR_VERSION)
            outcome["too long"] += 1
            continue
        started = time.perf_counter()
        try:
            document = extractor(article.text, article.published, settings.EXTRACTION_TIME_LIMIT)
            extracted.append((article, document))
        except Exception as exc:  # the extractor choking on one report fails that report alone
            stopped = isinstance(exc, ExtractionStopped)
            logger.warning(
                "extraction of article %s failed: %s", article.pk, exc, exc_info=not stopped
            )
            _fail(article, failure_message(exc), EXTRACTOR_VERSION)
            outcome["failed"] += 1
        extracting += time.perf_counter() - started
    first = [(a, d) for a, d in extracted if not a.extraction_runs]
    if first:
        try:
            merged = articles_merge(first)
            outcome["extracted"] += merged
            if merged < len(first):
                outcome["already merged by another run"] += len(first) - merged
        except TRANSIENT:
            raise
        except Exception as exc:
            if not isinstance(exc, _Superseded):
                logger.exception("merging %d articles together failed: one by one now", len(first))
            for item in first:
                outcome[_merge_alone(*item)] += 1
    for item in extracted:
        if item[0].extraction_runs:
            outcome[_merge_alone(*item)] += 1
    for batch_id in sorted({a.batch_id for a in articles if a.batch_id is not None}):
        batch_finish_if_done(batch_id)
    if articles:
        # bench/ingest.py reads these lines from the workers' logs
        logger.info(
            "chunk of %d article(s): %s; extraction %.4f s, the rest %.4f s",
            len(articles),
            ", ".join(f"{n} {what}" for what, n in sorted(outcome.items())),
            extracting,
            time.perf_counter() - began - extracting,
        )
    return dict(outcome)


def articles_merge(items: list[tuple[Article, Document]]) -> int:
    """Merge the articles still queued among items in one transaction; how many it merged.

    The items are articles never merged before, or one re-extraction. A re-extraction
    drops what its earlier run cited first, and prunes the facts only that run supported
    after, holding the record lock alone; first extractions hold it shared, side by side
    (see diplomacy.locks).
    """
    from extraction import EXTRACTOR_VERSION

    runs = items[0][0].extraction_runs
    ids = [article.pk for article, _ in items]
    with transaction.atomic():
        # claimed here: a redelivered chunk running at the same time skips them
        mine = set(
            Article.objects.select_for_update(skip_locked=True)
            .filter(pk__in=ids, status=Article.Status.QUEUED, extraction_runs=runs)
            .values_list("pk", flat=True)
        )
        items = [(article, document) for article, document in items if article.pk in mine]
        if not items:
            return 0
        record_lock(shared=not runs)
        if runs:
            article_citations_clear(items[0][0])
        documents_merge(items)
        if runs:
            # facts only the earlier run supported go, unless people touched them
            uncited_facts_prune()
        # the status changes only if nobody merged these articles meanwhile (on SQLite, which
        # takes no row locks); otherwise this merge is rolled back
        if _extracted_mark(items, runs, EXTRACTOR_VERSION) != len(items):
            raise _Superseded
    return len(items)


def _extracted_mark(items: list[tuple[Article, Document]], runs: int, version: str) -> int:
    """Set the articles extracted, each with its extraction, if still queued after `runs` runs.

    Returns how many were. On PostgreSQL one statement; elsewhere two.
    """
    ids = [article.pk for article, _ in items]
    now = timezone.now()
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Article._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS a SET status = %s, error = '', extractor_version = %s, "
                "extracted_at = %s, extraction_runs = %s, extraction = u.extraction::jsonb "
                "FROM unnest(%s::bigint[], %s::text[]) AS u(id, extraction) "
                "WHERE a.id = u.id AND a.status = %s AND a.extraction_runs = %s",
                [
                    Article.Status.EXTRACTED,
                    version,
                    now,
                    runs + 1,
                    ids,
                    [json.dumps(document.to_dict()) for _, document in items],
                    Article.Status.QUEUED,
                    runs,
                ],
            )
            return cursor.rowcount
    done = Article.objects.filter(
        pk__in=ids, status=Article.Status.QUEUED, extraction_runs=runs
    ).update(
        status=Article.Status.EXTRACTED,
        error="",
        extractor_version=version,
        extracted_at=now,
        extraction_runs=runs + 1,
    )
    for article, document in items:
        article.extraction = document.to_dict()
    Article.objects.bulk_update([a for a, _ in items], ["extraction"])
    return done


def _merge_alone(article: Article, document: Document) -> str:
    """Merge one article in its own transaction; a merge that breaks fails that article."""
    from extraction import EXTRACTOR_VERSION

    try:
        merged = articles_merge([(article, document)])
    except TRANSIENT:
        raise
    except _Superseded:
        merged = 0
    except Exception as exc:
        logger.exception("merging article %s failed", article.pk)
        _fail(article, f"Merge failed: {type(exc).__name__}: {exc}", EXTRACTOR_VERSION)
        return "failed"
    return "extracted" if merged else "already merged by another run"


def _fail(article: Article, error: str, version: str) -> None:
    Article.objects.filter(pk=article.pk, status=Article.Status.QUEUED).update(
        status=Article.Status.FAILED, error=error[:2000], extractor_version=version
    )


def near_duplicates(articles: Sequence[Article]) -> dict[int, int]:
    """For each article republishing an earlier report with small edits, that report's pk.

    Candidates share an LSH band key with the article; only earlier articles (lower id)
    count, so of two copies processed at the same time the later one is always the
    duplicate. Their facts count once, at the first copy. Two queries for the chunk.
    """
    keys = {a.pk: band_keys(a.signature) for a in articles}
    wanted = set().union(*keys.values()) if keys else set()
    if not wanted:
        return {}
    holders: dict[int, set[int]] = {}
    for article_id, key in (
        ArticleBand.objects.filter(key__in=wanted, article_id__lt=max(keys))
        .exclude(article__status=Article.Status.FAILED)
        .values_list("article_id", "key")
    ):
        holders.setdefault(key, set()).add(article_id)
    candidates = {
        pk: {c for key in its_keys for c in holders.get(key, ()) if c < pk}
        for pk, its_keys in keys.items()
    }
    signatures = {
        pk: (signature, duplicate_of)
        for pk, signature, duplicate_of in Article.objects.filter(
            pk__in=set().union(*candidates.values())
        ).values_list("pk", "signature", "duplicate_of")
    }
    originals = {}
    for article in articles:
        best, best_score = None, THRESHOLD
        for pk in sorted(candidates[article.pk]):
            signature, duplicate_of = signatures[pk]
            score = similarity(article.signature, signature)
            if score >= best_score:
                best, best_score = duplicate_of or pk, score
        if best:
            originals[article.pk] = best
    return originals


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
