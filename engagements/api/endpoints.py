"""What each list endpoint serves: its model, permission, filters and export formats.

The views and the OpenAPI schema both read this table, so the documented
parameters are the accepted ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet

from diplomacy.models import Origin, Review
from engagements.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Engagement,
    EngagementKind,
    EngagementStatus,
    Trip,
)
from people.models import Official

from . import selectors
from .selectors import Filters

PAGING = ("page", "page_size", "format")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

ORIGINS = list(Origin.values)
REVIEWS = [value for value in Review.values if value != Review.REJECTED]


@dataclass(frozen=True)
class Endpoint:
    name: str  # the URL segment and the export file name: "trips"
    model: type[Model]
    permission: str
    summary: str
    filters: tuple[str, ...]
    select: Callable[[Filters], QuerySet]
    formats: tuple[str, ...] = ("csv", "json")
    choices: dict[str, list[str]] = field(default_factory=dict)
    # Descriptions of filters whose meaning differs per endpoint.
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def accepted(self) -> tuple[str, ...]:
        return (*self.filters, *PAGING)

    def all_choices(self) -> dict[str, list[str]]:
        return {"origin": ORIGINS, "review": REVIEWS, **self.choices}


TRIPS = Endpoint(
    name="trips",
    model=Trip,
    permission="engagements.view_trip",
    summary="Trips: one traveler's journey with its stops in order",
    filters=("traveler", "country", "start", "end", "q", "origin", "review"),
    select=selectors.trips,
    formats=("csv", "json", "geojson", "ics", "cameo"),
    notes={
        "country": "Trips with a stop in this country (ISO 3166-1 alpha-2). In GeoJSON and "
        "iCalendar exports, which list stops, only the stops in this country.",
        "q": "Text in the trip title, the traveler's name, a stop's place or a sentence cited for "
        "the trip or a stop.",
        "format": "Download every matching trip instead of a page: csv (one row per stop), "
        "json, geojson or ics (the stops, narrowed by country and dates), or cameo (CAMEO "
        "event rows, tab-separated, Phoenix column order: each stop abroad a visit).",
    },
)

ENGAGEMENTS = Endpoint(
    name="engagements",
    model=Engagement,
    permission="engagements.view_engagement",
    summary="Engagements: meetings, calls, talks, visits, summits and the like",
    filters=("traveler", "country", "start", "end", "q", "kind", "status", "origin", "review"),
    select=selectors.engagements,
    formats=("csv", "json", "geojson", "ics", "cameo"),
    choices={"kind": list(EngagementKind.values), "status": list(EngagementStatus.values)},
    notes={
        "traveler": "A participant's name or alias contains this (accents and case ignored).",
        "country": "The place is in this country, or a participant is from it.",
        "q": "Text in the title, the place, a participant's name or a cited sentence.",
    },
)

OFFICIALS = Endpoint(
    name="officials",
    model=Official,
    permission="people.view_official",
    summary="Officials (records merged into another are left out)",
    filters=("country", "q", "origin", "review"),
    select=selectors.officials,
    notes={
        "country": "The official's country.",
        "q": "The name or an alias contains this (accents and case ignored), or a post title.",
    },
)

AGREEMENTS = Endpoint(
    name="agreements",
    model=Agreement,
    permission="engagements.view_agreement",
    summary="Agreements: treaties, pacts, deals, accords, memoranda and their parties",
    filters=("country", "start", "end", "q", "kind", "status", "origin", "review"),
    select=selectors.agreements,
    formats=("csv", "json", "cameo"),
    choices={"kind": list(AgreementKind.values), "status": list(AgreementStatus.values)},
    notes={
        "country": "A party to the agreement.",
        "start": "Agreements dated on or after this day.",
        "end": "Agreements dated on or before this day.",
        "q": "The name or an alias contains this, or a cited sentence does.",
    },
)

ENDPOINTS = (TRIPS, ENGAGEMENTS, OFFICIALS, AGREEMENTS)
