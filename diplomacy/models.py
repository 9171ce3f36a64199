"""Abstract bases shared by the fact models of several apps."""

from django.db import models
from simple_history.models import HistoricalRecords


class Origin(models.TextChoices):
    EXTRACTED = "extracted", "Extracted from news"
    RECORD = "record", "Official record"
    MANUAL = "manual", "Entered by hand"


class Review(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


class Fact(models.Model):
    """A fact editors can verify, reject and correct.

    `edited_fields` lists the fields a person has set by hand; re-extraction
    never overwrites them. `version` grows with every save through the editing
    services and is what conflict checks compare.
    """

    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.EXTRACTED)
    review = models.CharField(max_length=16, choices=Review.choices, default=Review.UNREVIEWED)
    confidence = models.FloatField(default=1.0)
    edited_fields = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Every change, by whom (an editor, or nobody for extraction and imports), before/after.
    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at"])

    class Meta:
        abstract = True

    @property
    def is_verified(self) -> bool:
        return self.review == Review.VERIFIED

    @property
    def is_rejected(self) -> bool:
        return self.review == Review.REJECTED


def fact_constraints(prefix: str) -> list[models.BaseConstraint]:
    """Database checks every concrete Fact table carries (valid enums, confidence in [0, 1])."""
    return [
        models.CheckConstraint(
            condition=models.Q(origin__in=Origin.values), name=f"{prefix}_origin_valid"
        ),
        models.CheckConstraint(
            condition=models.Q(review__in=Review.values), name=f"{prefix}_review_valid"
        ),
        models.CheckConstraint(
            condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1),
            name=f"{prefix}_confidence_range",
        ),
    ]


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


def date_range_constraints(prefix: str) -> list[models.BaseConstraint]:
    """start <= end when both are known; precision is a valid value; unknown means no dates."""
    return [
        models.CheckConstraint(
            condition=models.Q(start__isnull=True)
            | models.Q(end__isnull=True)
            | models.Q(start__lte=models.F("end")),
            name=f"{prefix}_start_before_end",
        ),
        models.CheckConstraint(
            condition=models.Q(precision__in=Precision.values), name=f"{prefix}_precision_valid"
        ),
        models.CheckConstraint(
            condition=~models.Q(precision=Precision.UNKNOWN)
            | (models.Q(start__isnull=True) & models.Q(end__isnull=True)),
            name=f"{prefix}_unknown_has_no_dates",
        ),
    ]
