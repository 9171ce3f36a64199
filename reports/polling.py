"""Writes for sources: polling feeds for new reports, each poll that finds some a batch.

`sources_poll_due` claims the enabled sources whose time has come, with one conditional
UPDATE each (so two beats, or the beat and `manage.py poll_sources`, never poll one source
at the same time), and hands each to `dispatch`: the `source_poll` task on a broker, a
poll in process without one. `source_poll` downloads the feed, conditionally (a 304 Not
Modified makes no batch), stores the items not stored already (by URL or by text) as a
new batch, queued for extraction, and records the outcome on the source. A failure is
recorded, and pushes the source's next poll out (`Source.backoff`); it never raises, so
one failing feed never stops the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from .loaders import LoadError, ReportInput
from .loaders.feed import feed_reports
from .loaders.fetch import Download, fetch
from .models import Article, Batch, Source, text_sha256
from .services import batch_create, ingest_reports

logger = logging.getLogger(__name__)


@dataclass
class PollResult:
    """What one poll of a source did."""

    source: Source
    batch: Batch | None = None
    new: int = 0
    known: int = 0
    not_modified: bool = False
    error: str = ""

    @property
    def summary(self) -> str:
        if self.error:
            return f"failed: {self.error}"
        if self.not_modified:
            return "not modified"
        if self.batch is None:
            return f"nothing new ({self.known} item(s) stored already)"
        return f"{self.new} new report(s) in batch {self.batch.pk}"


def sources_claim_due(*, now: datetime | None = None) -> list[int]:
    """Claim the enabled sources due a poll; their ids.

    A claimed source is not due again for SOURCES_POLL_LEASE seconds, by when its poll has
    set the time of the next one (or died, and the source is polled again).
    """
    now = now or timezone.now()
    due = Source.objects.filter(enabled=True, next_poll_at__lte=now).order_by("next_poll_at", "pk")
    return [pk for pk, at in due.values_list("pk", "next_poll_at") if _claim(pk, at, now)]


def _claim(pk: int, due_at: datetime, now: datetime) -> bool:
    """Take the source for a poll, unless someone else did since it was read as due."""
    lease = now + timedelta(seconds=settings.SOURCES_POLL_LEASE)
    return bool(Source.objects.filter(pk=pk, next_poll_at=due_at).update(next_poll_at=lease))


def sources_poll_due(*, dispatch: Callable[[int], object]) -> list[int]:
    """Claim the sources due a poll and hand each one's id to `dispatch`; their ids."""
    claimed = sources_claim_due()
    for pk in claimed:
        dispatch(pk)
    return claimed


def source_poll_now(*, source: Source) -> bool:
    """Poll the source as soon as possible (a task on a broker; in process without one).

    False if it is being polled already.
    """
    from .tasks import source_poll

    now = timezone.now()
    if not _claim(source.pk, source.next_poll_at, now):
        return False
    source_poll.delay_on_commit(source.pk)
    return True


def source_poll(*, source: Source, user: AbstractBaseUser | None = None) -> PollResult:
    """Poll one source: its new items become a batch, queued for extraction.

    Never raises: a feed that cannot be downloaded or read records its error on the
    source, whose next poll is pushed out; the others go on.
    """
    result = PollResult(source=source)
    now = timezone.now()
    download = None
    try:
        download = fetch(source.url, etag=source.etag, last_modified=source.last_modified)
        if download.not_modified:
            result.not_modified = True
        else:
            items = list(
                feed_reports(
                    source.url,
                    download.data,
                    content_type=download.content_type,
                    empty_ok=True,
                )
            )
            _store_new(source, items, result, user)
    except LoadError as exc:
        result.error = str(exc)
    except Exception as exc:  # whatever a feed does to us fails that feed alone
        logger.exception("polling source %s failed", source.pk)
        result.error = f"{source.url}: {type(exc).__name__}: {exc}"
    _record(source, result, download, now)
    return result


def _store_new(
    source: Source,
    items: list[ReportInput | LoadError],
    result: PollResult,
    user: AbstractBaseUser | None,
) -> None:
    reports = [item for item in items if isinstance(item, ReportInput)]
    new = reports_not_stored(reports)
    result.known = len(reports) - len(new)
    if not new:
        return
    stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    batch = batch_create(
        name=f"{source.name} {stamp}"[:200], user=user, source=source.name[:200], feed=source
    )
    # entries that could not be read are listed in the batch, with the new ones
    errors = [item for item in items if isinstance(item, LoadError)]
    loaded = ingest_reports(batch=batch, reports=[*new, *errors])
    result.batch, result.new = batch, len(loaded.created)
    if not loaded.created and not loaded.errors:  # another poll stored them meanwhile
        batch.delete()
        result.batch = None


def reports_not_stored(reports: list[ReportInput]) -> list[ReportInput]:
    """The reports whose URL and text no stored article has (each once), in order."""
    urls = {r.url[:1000] for r in reports if r.url}
    shas = {text_sha256(r.text) for r in reports}
    seen = set(Article.objects.filter(url__in=urls).values_list("url", flat=True))
    seen |= set(Article.objects.filter(sha256__in=shas).values_list("sha256", flat=True))
    new = []
    for report in reports:
        keys = {text_sha256(report.text)} | ({report.url[:1000]} if report.url else set())
        if not keys & seen:
            new.append(report)
        seen |= keys
    return new


def _record(source: Source, result: PollResult, download: Download | None, now: datetime) -> None:
    """Save how the poll went and when the next one is due."""
    if result.error:
        source.failures += 1
        source.last_error = result.error[:2000]
    else:
        source.failures = 0
        source.last_error = ""
        if download is not None:
            source.etag = download.etag[:500]
            source.last_modified = download.last_modified[:100]
    source.last_result = result.summary[:300]
    source.last_polled_at = now
    source.next_poll_at = now + source.backoff()
    source.save(
        update_fields=[
            "failures",
            "last_error",
            "etag",
            "last_modified",
            "last_result",
            "last_polled_at",
            "next_poll_at",
        ]
    )


def source_create(*, name: str, url: str, interval: int, enabled: bool = True) -> Source:
    """A new source, due a poll at once."""
    return Source.objects.create(name=name, url=url, interval=interval, enabled=enabled)


def source_update(*, source: Source, name: str, url: str, interval: int, enabled: bool) -> Source:
    """Change what an admin sets; a new interval moves the next poll to match."""
    interval_changed = interval != source.interval
    source.name, source.url, source.interval, source.enabled = name, url, interval, enabled
    fields = ["name", "url", "interval", "enabled"]
    if interval_changed:
        source.next_poll_at = (source.last_polled_at or timezone.now()) + source.backoff()
        fields.append("next_poll_at")
    source.save(update_fields=fields)
    return source
