"""Typed result objects of the extractor and their JSON contract shape."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Span = tuple[int, int]

ENGAGEMENT_KINDS = (
    "meeting",
    "call",
    "talks",
    "dialogue",
    "conference",
    "visit",
    "summit",
    "other",
)
PRECISIONS = ("day", "month", "year", "unknown")
STATUSES = ("held", "scheduled", "cancelled", "unknown")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _spans(spans: list[Span]) -> list[list[int]]:
    return [[int(a), int(b)] for a, b in spans]


@dataclass
class Place:
    """A city or named venue resolved against the gazetteer."""

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    span: Span | None = None
    is_country: bool = False


@dataclass
class Official:
    name: str
    title: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "country": self.country,
            "aliases": list(self.aliases),
            "mentions": _spans(self.mentions),
        }


@dataclass
class Engagement:
    kind: str
    participants: list[str]
    title: str | None = None
    place: Place | None = None
    start: date | None = None
    end: date | None = None
    precision: str = "unknown"
    status: str = "unknown"
    confidence: float = 0.5
    evidence: list[Span] = field(default_factory=list)

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "participants": list(self.participants),
            "place": self.place.name if self.place else None,
            "country": self.country,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "precision": self.precision,
            "status": self.status,
            "confidence": round(self.confidence, 3),
            "evidence": _spans(self.evidence),
            "lat": self.place.latitude if self.place else None,
            "lon": self.place.longitude if self.place else None,
        }


@dataclass
class TripStop:
    place: Place
    start: date | None = None
    end: date | None = None
    precision: str = "unknown"
    confidence: float = 0.5
    evidence: list[Span] = field(default_factory=list)
    cancelled: bool = False  # the stop of a trip called off or postponed

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place.name,
            "country": self.place.country,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "cancelled": self.cancelled,
            "evidence": _spans(self.evidence),
            "lat": self.place.latitude,
            "lon": self.place.longitude,
        }


@dataclass
class Trip:
    traveler: str
    stops: list[TripStop] = field(default_factory=list)
    # officials travelling with the traveler ("accompanied by"), names as in officials[].name
    companions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "traveler": self.traveler,
            "stops": [s.to_dict() for s in self.stops],
            "companions": list(self.companions),
        }


@dataclass
class Agreement:
    name: str
    aliases: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    date: date | None = None
    precision: str = "unknown"
    confidence: float = 0.5
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "parties": list(self.parties),
            "date": _iso(self.date),
            "evidence": _spans(self.evidence),
        }


@dataclass
class Document:
    published: date | None
    officials: list[Official] = field(default_factory=list)
    engagements: list[Engagement] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": _iso(self.published),
            "officials": [o.to_dict() for o in self.officials],
            "engagements": [e.to_dict() for e in self.engagements],
            "trips": [t.to_dict() for t in self.trips],
            "agreements": [a.to_dict() for a in self.agreements],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
