"""News reports (articles), the batches admins load them in, and the feeds polled for more."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from . import similarity

# How much of an untitled report's text stands for its title.
OPENING_CHARS = 90


def text_sha256(text: str) -> str:
    """The content hash that identifies an article: sha256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class BatchStatus(models.TextChoices):
    PENDING = "pending", "Loading"  # reports are still being stored
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Done with failures"


class Source(models.Model):
    """A feed polled for new reports; a poll that finds new items makes a batch of them.

    `next_poll_at` is when it is due: its interval after a poll, pushed out further after
    each failure in a row (see `backoff`). Polls send the `etag` and `last_modified` the
    feed last sent, so a feed with nothing new can answer 304 Not Modified.
    """

    name = models.CharField(max_length=200)
    url = models.URLField("feed URL", max_length=1000, unique=True)
    interval = models.PositiveIntegerField(
        "poll every (minutes)", default=15, validators=[MinValueValidator(1)]
    )
    enabled = models.BooleanField(default=True)
    next_poll_at = models.DateTimeField(default=timezone.now)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    # what the last poll did ("3 new reports", "not modified", ...), or its error
    last_result = models.CharField(max_length=300, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    failures = models.PositiveIntegerField("failures in a row", default=0, editable=False)
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(interval__gte=1), name="source_interval_min")
        ]
        indexes = [
            # sources_claim_due: WHERE enabled AND next_poll_at <= now
            models.Index(
                fields=["next_poll_at"], condition=models.Q(enabled=True), name="source_due_idx"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def backoff(self) -> timedelta:
        """How long after a poll the next one is due: the interval, doubled per failure."""
        minutes = self.interval * 2 ** min(self.failures, 16)
        cap = max(self.interval, settings.SOURCES_BACKOFF_MAX_MINUTES)
        return timedelta(minutes=min(minutes, cap))

    def is_due(self, now: datetime | None = None) -> bool:
        return self.enabled and self.next_poll_at <= (now or timezone.now())


class Batch(models.Model):
    """A set of reports loaded together (an upload, an `ingest` run, a feed)."""

    Status = BatchStatus

    name = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Used only for reports that carry no publication date of their own.
    default_published = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=200, blank=True)
    # Inputs that never became articles (unreadable file, bad record): [{"input", "error"}].
    errors = models.JSONField(default=list, blank=True)
    # the feed whose poll made this batch, if one did
    feed = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="batches"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "batches"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=BatchStatus.values), name="batch_status_valid"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reports:batch", args=[self.pk])


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    EXTRACTED = "extracted", "Extracted"
    FAILED = "failed", "Failed"
    DUPLICATE = "duplicate", "Duplicate"


class Article(models.Model):
    """One news report: its text and where and when it was published."""

    Status = ArticleStatus

    batch = models.ForeignKey(
        Batch, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    source = models.CharField("outlet", max_length=200, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    # What the extractor returned (the evaluation contract's JSON), as merged.
    extraction = models.JSONField(null=True, blank=True, editable=False)
    # A near-duplicate (a wire story republished with small edits) points at the first copy.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When its extraction task was last sent (workers re-send it if the broker lost it).
    queued_at = models.DateTimeField(default=timezone.now, editable=False)
    # When the embedded default's drainer took it (reports/embedded.py); None: nobody has.
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    extracted_at = models.DateTimeField(null=True, blank=True)
    # MinHash signature of the text's shingles, for finding republished copies.
    signature = models.JSONField(default=list, blank=True, editable=False)
    # How many times an extraction of this article was merged (re-extraction adds one).
    extraction_runs = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-published", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ArticleStatus.values), name="article_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="article_sha256_hex"
            ),
        ]
        indexes = [
            # the batch page counts its articles by status
            models.Index(fields=["batch", "status"], name="article_batch_status_idx"),
            # a feed's poll: which of its items are stored already (WHERE url IN ...)
            models.Index(fields=["url"], name="article_url_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.opening() or f"Article {self.pk}"

    def save(self, *args, **kwargs) -> None:
        new = self.pk is None
        self.set_derived_fields()
        super().save(*args, **kwargs)
        if new:
            ArticleBand.objects.bulk_create(self.band_rows())

    def get_absolute_url(self) -> str:
        return reverse("reports:article", args=[self.pk])

    def opening(self, limit: int = OPENING_CHARS) -> str:
        """The text's first words, for a report with no title: its first paragraph, cut at
        a word with an ellipsis past `limit` characters."""
        first = " ".join(self.text[: limit * 4].strip().split("\n", 1)[0].split())
        if len(first) <= limit:
            return first
        return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"

    @property
    def needs_date(self) -> bool:
        """A report with no publication date: its relative dates stay unresolved."""
        return self.published is None

    def set_derived_fields(self) -> None:
        """Set what the text determines: its content hash and, unless set, its signature.

        save() calls it; a caller that bulk_creates articles calls it on each one first.
        """
        self.sha256 = text_sha256(self.text)
        if not self.signature:
            self.signature = similarity.signature(self.text)

    def band_rows(self) -> list[ArticleBand]:
        """The unsaved LSH band rows of the stored article's signature (none when it is empty)."""
        return [ArticleBand(article=self, key=key) for key in similarity.band_keys(self.signature)]


class ArticleBand(models.Model):
    """An LSH band key of an article's signature: finds near-duplicate candidates by index."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField()

    class Meta:
        indexes = [
            # near_duplicate_of: WHERE key IN (...) AND article_id < %s
            models.Index(fields=["key", "article"], name="articleband_key_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.key}"
