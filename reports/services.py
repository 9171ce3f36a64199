"""Writes for reports: batches and articles. Loading the same report twice stores it once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from .extracting import batch_refresh
from .loaders import LoadError, ReportInput, read_inputs
from .models import Article, Batch, text_sha256


@dataclass
class IngestResult:
    batch: Batch
    created: list[Article] = field(default_factory=list)
    existing: list[Article] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)


def batch_create(
    *,
    name: str,
    user: AbstractBaseUser | None = None,
    default_published: date | None = None,
    source: str = "",
) -> Batch:
    return Batch.objects.create(
        name=name,
        created_by=user if user is not None and user.is_authenticated else None,
        default_published=default_published,
        source=source,
    )


def article_store(*, batch: Batch, report: ReportInput) -> tuple[Article, bool]:
    """Store one report in the batch; an identical text already stored is returned instead."""
    sha = text_sha256(report.text)
    existing = Article.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing, False
    article = Article(
        batch=batch,
        text=report.text,
        title=report.title[:500],
        url=report.url[:1000],
        source=(report.source or batch.source)[:200],
        published=report.published or batch.default_published,
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another process stored the same text between our check and our insert.
        return Article.objects.get(sha256=sha), False
    return article, True


def ingest_reports(
    *,
    batch: Batch,
    reports: Iterable[ReportInput | LoadError],
    progress: Callable[[], None] | None = None,
) -> IngestResult:
    """Store each readable report; record each unreadable one in the batch and go on."""
    result = IngestResult(batch=batch)
    for report in reports:
        if isinstance(report, LoadError):
            result.errors.append({"input": "", "error": str(report)})
        else:
            article, created = article_store(batch=batch, report=report)
            (result.created if created else result.existing).append(article)
        if progress:
            progress()
    if result.errors:
        batch.errors = [*batch.errors, *result.errors]
        batch.save(update_fields=["errors"])
    articles_enqueue(result.created)
    if not result.created:
        batch_refresh(batch.pk)
    return result


def articles_enqueue(articles: Iterable[Article]) -> None:
    """Queue one extraction task per article, once the surrounding transaction commits."""
    from .tasks import article_extract

    for article in articles:
        article_extract.delay_on_commit(article.pk)


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
        Article.objects.filter(pk__in=ids).update(status=Article.Status.QUEUED, error="")
        for batch_id in {b for _, b in chosen if b}:
            batch_refresh(batch_id)
        articles_enqueue(Article.objects.filter(pk__in=ids).only("pk"))
    return len(ids)


def read_reports(paths: list[Path | str]) -> list[ReportInput | LoadError]:
    """Read every report in the files, folders, archives, feeds and URL lists named.

    A file (or zip member, or URL) that cannot be read becomes its LoadError.
    """
    return read_inputs(paths)
