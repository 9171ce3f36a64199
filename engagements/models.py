"""Places, engagements (meetings, calls, visits...), trips and their stops,
agreements, and the citations that tie every fact to the sentence it came from."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from diplomacy.models import Fact, Precision, date_range_constraints, fact_constraints
from diplomacy.text import normalize_name
from people.models import Country, Official


class PlaceKind(models.TextChoices):
    CITY = "city", "City"
    VENUE = "venue", "Venue"
    COUNTRY = "country", "Country"
    OTHER = "other", "Other"


class Place(models.Model):
    """A city, a venue or a whole country, with coordinates when known."""

    Kind = PlaceKind

    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.CITY)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="places"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geonames_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized", "country"], name="place_unique_in_country"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=PlaceKind.values), name="place_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | (models.Q(latitude__gte=-90) & models.Q(latitude__lte=90)),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | (models.Q(longitude__gte=-180) & models.Q(longitude__lte=180)),
                name="place_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.country.code}" if self.country_id else self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class EngagementKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    CALL = "call", "Call"
    TALKS = "talks", "Talks"
    DIALOGUE = "dialogue", "Dialogue"
    CONFERENCE = "conference", "Conference"
    VISIT = "visit", "Visit"
    SUMMIT = "summit", "Summit"
    OTHER = "other", "Other"


class EngagementStatus(models.TextChoices):
    HELD = "held", "Held"
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"
    UNKNOWN = "unknown", "Unknown"


class Engagement(Fact):
    """A meeting, call, talks, dialogue, conference, visit or summit between officials."""

    Kind = EngagementKind

    Status = EngagementStatus

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MEETING)
    title = models.CharField("event title", max_length=300, blank=True)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="engagements"
    )
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=8, choices=Precision.choices, default=Precision.UNKNOWN)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UNKNOWN)
    # The stop of a trip this engagement happened at, when known.
    stop = models.ForeignKey(
        "Stop", null=True, blank=True, on_delete=models.SET_NULL, related_name="engagements"
    )
    participants = models.ManyToManyField(
        Official, through="Participant", related_name="engagements"
    )

    class Meta:
        ordering = ["-start", "pk"]
        constraints = [
            *fact_constraints("engagement"),
            *date_range_constraints("engagement"),
            models.CheckConstraint(
                condition=models.Q(kind__in=EngagementKind.values), name="engagement_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=EngagementStatus.values),
                name="engagement_status_valid",
            ),
        ]
        indexes = [
            # engagement lists and timelines filter and sort by date
            models.Index(fields=["start", "end"], name="engagement_dates_idx"),
        ]

    def __str__(self) -> str:
        label = self.title or self.get_kind_display()
        return f"{label} ({self.start:%Y-%m-%d})" if self.start else label

    def get_absolute_url(self) -> str:
        return reverse("engagements:engagement", args=[self.pk])


class ParticipantRole(models.TextChoices):
    PARTICIPANT = "participant", "Participant"
    HOST = "host", "Host"
    GUEST = "guest", "Guest"
    TRAVELER = "traveler", "Traveler"


class Participant(models.Model):
    """An official taking part in an engagement, with a role where known."""

    Role = ParticipantRole

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="participations"
    )
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.PARTICIPANT)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "official"], name="participant_once_per_engagement"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ParticipantRole.values), name="participant_role_valid"
            ),
        ]
        indexes = [
            # an official's history: their engagements
            models.Index(fields=["official", "engagement"], name="participant_official_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.official} in {self.engagement}"


class Trip(Fact):
    """One traveler's journey: stops in order. Stops from many reports join one trip."""

    traveler = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="trips")
    title = models.CharField(max_length=300, blank=True)
    # The principal's trip this one accompanies ("Blinken will be accompanied by Garland"):
    # a companion's trip has the principal's stops; the principal's lists it as a companion.
    companion_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="companions"
    )
    # Derived from the stops (kept in step by the services) so lists can sort and filter.
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start", "pk"]
        constraints = [
            *fact_constraints("trip"),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(start__lte=models.F("end")),
                name="trip_start_before_end",
            ),
            models.CheckConstraint(
                condition=~models.Q(companion_of=models.F("pk")),
                name="trip_not_its_own_companion",
            ),
        ]
        indexes = [
            # the timeline: a traveler's trips by date
            models.Index(fields=["traveler", "start"], name="trip_traveler_start_idx"),
            models.Index(fields=["start"], name="trip_start_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"Trip of {self.traveler}"

    def get_absolute_url(self) -> str:
        return reverse("engagements:trip", args=[self.pk])


class Stop(Fact):
    """A place a traveler was at, in order within a trip."""

    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="stops")
    order = models.PositiveIntegerField()
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="stops")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=8, choices=Precision.choices, default=Precision.UNKNOWN)
    # The stop of a trip called off or postponed: kept on the itinerary, marked, not counted
    # as a place the traveler was at.
    cancelled = models.BooleanField("called off", default=False)
    # Identifies an imported official-record entry, so a second import adds nothing.
    record_id = models.CharField(max_length=100, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["trip", "order"]
        constraints = [
            *fact_constraints("stop"),
            *date_range_constraints("stop"),
            models.UniqueConstraint(
                fields=["trip", "order"],
                name="stop_order_unique_in_trip",
            ),
        ]
        indexes = [models.Index(fields=["start"], name="stop_start_idx")]

    def __str__(self) -> str:
        return f"{self.place} ({self.start:%Y-%m-%d})" if self.start else str(self.place)


class AgreementKind(models.TextChoices):
    """What an agreement is (engagements.agreement_kinds classifies names and sentences)."""

    TREATY = "treaty", "Treaty"
    SECURITY = "security", "Security pact"
    TRADE = "trade", "Trade agreement"
    PEACE = "peace", "Peace agreement"
    CEASEFIRE = "ceasefire", "Ceasefire"
    MEMORANDUM = "memorandum", "Memorandum of understanding"
    JOINT_STATEMENT = "joint_statement", "Joint statement"
    PACT = "pact", "Pact"
    DEAL = "deal", "Deal"
    ACCORD = "accord", "Accord"
    OTHER = "other", "Other"


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    SIGNED = "signed", "Signed"
    IN_FORCE = "in_force", "In force"
    ENDED = "ended", "Ended"
    UNKNOWN = "unknown", "Unknown"


class Agreement(Fact):
    """A pact, treaty, deal or accord, with the countries party to it."""

    Kind = AgreementKind

    Status = AgreementStatus

    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, db_index=True, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UNKNOWN)
    date = models.DateField(null=True, blank=True)
    parties = models.ManyToManyField(Country, blank=True, related_name="agreements")

    class Meta:
        ordering = ["name"]
        constraints = [
            *fact_constraints("agreement"),
            models.CheckConstraint(
                condition=models.Q(kind__in=AgreementKind.values), name="agreement_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AgreementStatus.values), name="agreement_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("engagements:agreement", args=[self.pk])


class AgreementAlias(models.Model):
    """Another name of an agreement (an acronym, a short form)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    normalized = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        verbose_name_plural = "agreement aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "normalized"], name="agreement_alias_unique_per_agreement"
            )
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_name(self.alias)
        super().save(*args, **kwargs)


CITABLE = ("official", "engagement", "trip", "stop", "agreement")


def _exactly_one_target() -> models.Q:
    condition = models.Q()
    for name in CITABLE:
        only = models.Q(**{f"{name}__isnull": False})
        for other in CITABLE:
            if other != name:
                only &= models.Q(**{f"{other}__isnull": True})
        condition |= only
    return condition


class Citation(models.Model):
    """The source of a fact: an article, the sentence quoted from it (start to end, whole
    sentences, never cut inside the supporting words) and, inside it, the span of the words
    that support the fact (span_start to span_end; unknown for older citations)."""

    article = models.ForeignKey(
        "reports.Article", on_delete=models.CASCADE, related_name="citations"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    official = models.ForeignKey(
        Official, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    engagement = models.ForeignKey(
        Engagement, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    trip = models.ForeignKey(
        Trip, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    stop = models.ForeignKey(
        Stop, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lt=models.F("end")), name="citation_span_nonempty"
            ),
            models.CheckConstraint(condition=_exactly_one_target(), name="citation_one_target"),
            models.CheckConstraint(
                condition=models.Q(span_start__isnull=True, span_end__isnull=True)
                | models.Q(
                    span_start__gte=models.F("start"),
                    span_start__lt=models.F("span_end"),
                    span_end__lte=models.F("end"),
                ),
                name="citation_span_inside_quote",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article}: [{self.start}, {self.end})"

    def quote_parts(self) -> tuple[str, str, str]:
        """The quoted sentence as (before, the supporting words, after); when the span is not
        known, the whole sentence is the supporting words."""
        if self.span_start is None or self.span_end is None:
            return "", self.quote, ""
        a, b = self.span_start - self.start, self.span_end - self.start
        return self.quote[:a], self.quote[a:b], self.quote[b:]

    @property
    def target(self) -> models.Model | None:
        for name in CITABLE:
            if getattr(self, f"{name}_id"):
                return getattr(self, name)
        return None
