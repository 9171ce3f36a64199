"""Writes for reports: batches and articles. Loading the same report twice stores it once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from diplomacy.bulk import rows_insert, values_insert

from . import similarity
from .extracting import batch_refresh
from .loaders import LoadError, ReportInput, read_inputs
from .loaders.masthead import dateline_date
from .models import Article, ArticleBand, Batch, Source, text_sha256


@dataclass
class IngestResult:
    batch: Batch
    created: list[Article] = field(default_factory=list)
    existing: list[Article] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)


# Reports stored per transaction by ingest_reports; each chunk's articles are queued on commit.
INGEST_CHUNK = 100


def batch_create(
    *,
    name: str,
    user: AbstractBaseUser | None = None,
    default_published: date | None = None,
    source: str = "",
    feed: Source | None = None,
) -> Batch:
    return Batch.objects.create(
        name=name,
        created_by=user if user is not None and user.is_authenticated else None,
        default_published=default_published,
        source=source,
        feed=feed,
    )


def _article_for(*, batch: Batch, report: ReportInput) -> Article:
    """The unsaved article for a report, its fields cut to their columns' lengths.

    Its date: the report's own, else its yearless dateline's day (the year from the batch's
    date), else the batch's date.
    """
    return Article(
        batch=batch,
        text=report.text,
        title=report.title[:500],
        url=report.url[:1000],
        source=(report.source or batch.source)[:200],
        published=report.published
        or dateline_date(report.dateline, batch.default_published)
        or batch.default_published,
    )


def article_store(*, batch: Batch, report: ReportInput) -> tuple[Article, bool]:
    """Store one report in the batch; an identical text already stored is returned instead."""
    sha = text_sha256(report.text)
    existing = Article.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing, False
    article = _article_for(batch=batch, report=report)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another process stored the same text between our check and our insert.
        return Article.objects.get(sha256=sha), False
    return article, True


def articles_store(*, batch: Batch, reports: list[ReportInput]) -> list[tuple[Article, bool]]:
    """Store a chunk of reports in the batch in one transaction and queue the new articles.

    Returns (article, created) per report, in order. A text already stored, or met earlier
    in the chunk, is stored once: its later reports get that article, not created. The new
    articles are queued once the transaction commits. The batch stays pending (loading)
    until `ingest_reports` settles it: workers never finish a batch still loading.
    """
    shas = [text_sha256(report.text) for report in reports]
    stored = {a.sha256: a for a in Article.objects.filter(sha256__in=set(shas))}
    fresh: dict[str, Article] = {}
    for report, sha in zip(reports, shas, strict=True):
        if sha not in stored and sha not in fresh:
            fresh[sha] = article = _article_for(batch=batch, report=report)
            article.set_derived_fields()  # a bulk insert skips save(), which does this
    if not fresh:
        return [(stored[sha], False) for sha in shas]
    with transaction.atomic():
        try:
            with transaction.atomic():
                rows_insert(Article, fresh.values())
                values_insert(
                    ArticleBand,
                    ["article_id", "key"],
                    (
                        (article.pk, key)
                        for article in fresh.values()
                        for key in similarity.band_keys(article.signature)
                    ),
                )
        except IntegrityError:
            # Another process stored one of these texts between our check and our insert:
            # store the chunk's reports one by one instead, which copes with that.
            out = [article_store(batch=batch, report=report) for report in reports]
        else:
            out = []
            for sha in shas:
                if sha in stored:
                    out.append((stored[sha], False))
                else:
                    stored[sha] = fresh[sha]  # a later copy in the chunk gets it, not created
                    out.append((fresh[sha], True))
        articles_enqueue(article for article, created in out if created)
    return out


def ingest_reports(
    *,
    batch: Batch,
    reports: Iterable[ReportInput | LoadError],
    progress: Callable[[], None] | None = None,
) -> IngestResult:
    """Store each readable report; record each unreadable one in the batch and go on.

    Reports are stored INGEST_CHUNK at a time, each chunk in its own transaction, and a
    chunk's new articles are queued as soon as it commits: the workers start on the first
    chunk while the next ones are being stored.
    """
    result = IngestResult(batch=batch)
    inputs = iter(reports)
    try:
        while chunk := list(islice(inputs, INGEST_CHUNK)):
            errors = [{"input": "", "error": str(i)} for i in chunk if isinstance(i, LoadError)]
            if errors:
                # recorded before the chunk's articles are queued, so the batch ends up failed
                result.errors += errors
                batch.errors = [*batch.errors, *errors]
                batch.save(update_fields=["errors"])
            readable = [i for i in chunk if not isinstance(i, LoadError)]
            for article, created in articles_store(batch=batch, reports=readable):
                (result.created if created else result.existing).append(article)
            if progress:
                for _ in chunk:
                    progress()
    finally:
        # loaded (or the load broke off): running while any article is queued, else
        # done (or failed); what was stored stays stored and queued
        batch_refresh(batch.pk)
    return result


def articles_enqueue(articles: Iterable[Article]) -> None:
    """Queue the articles' extraction once the surrounding transaction commits.

    With a broker, one task per EXTRACT_CHUNK articles: each task merges its chunk
    together. On the embedded default (no broker) the queue is the articles' status: the
    drainer thread is woken once the transaction commits (see reports.embedded).
    """
    from . import embedded
    from .tasks import articles_extract

    if embedded.active():
        if any(True for _ in articles):
            transaction.on_commit(embedded.wake)
        return
    ids = iter([article.pk for article in articles])
    while chunk := list(islice(ids, settings.EXTRACT_CHUNK)):
        articles_extract.delay_on_commit(chunk)


def articles_reextract(articles: QuerySet[Article]) -> int:
    """Queue articles for extraction again (failed ones retried, extracted ones re-run).

    Duplicates stay duplicates. Returns how many were queued.
    """
    with transaction.atomic():
        chosen = list(
            articles.exclude(status=Article.Status.DUPLICATE)
            .select_for_update()
            .values_list("pk", "batch_id")
        )
        ids = [pk for pk, _ in chosen]
        Article.objects.filter(pk__in=ids).update(
            status=Article.Status.QUEUED, error="", queued_at=timezone.now(), claimed_at=None
        )
        for batch_id in {b for _, b in chosen if b}:
            batch_refresh(batch_id)
        articles_enqueue(Article.objects.filter(pk__in=ids).only("pk"))
    return len(ids)


def article_date_set(*, article: Article, published: date) -> int:
    """Set a report's publication date and queue it for extraction again, so that its
    relative dates ("Tuesday", "later this month") resolve. Corrections editors made to its
    facts are kept (re-extraction never overwrites an edited field). Returns 1 if queued."""
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published=published)
        article.published = published
        return articles_reextract(Article.objects.filter(pk=article.pk))


def read_reports(paths: list[Path | str]) -> list[ReportInput | LoadError]:
    """Read every report in the files, folders, archives, feeds and URL lists named.

    A file (or zip member, or URL) that cannot be read becomes its LoadError.
    """
    return read_inputs(paths)
