"""CSV (one row per fact, per stop for trips) and JSON (the API's record of each fact)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db.models import Model
from django.http import HttpResponse

from engagements import cameo_facts
from engagements.api import serializers
from engagements.models import Agreement, Engagement, Stop, Trip
from people.models import Official

from .common import download, facts_of, model_of

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A CSV cell; text a spreadsheet would run as a formula is prefixed with a quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _sources(fact: Model) -> dict[str, str]:
    citations = list(fact.citations.all())
    return {
        "sources": " | ".join(c.article.url or c.article.title for c in citations),
        "quotes": " | ".join(c.quote for c in citations),
    }


def _place_columns(place: Any) -> dict[str, object]:
    return {
        "place": place.name if place else "",
        "country": place.country.code if place and place.country_id else "",
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
    }


def _review_columns(fact: Model) -> dict[str, object]:
    return {"origin": fact.origin, "review": fact.review, "confidence": fact.confidence}


def _engagement_rows(engagement: Engagement) -> Iterator[dict[str, object]]:
    people = serializers.participants(engagement)
    actors = [cameo_facts.official_actor(p.official, p.role) for p in people]
    yield {
        "id": engagement.pk,
        "kind": engagement.kind,
        "title": engagement.title,
        "status": engagement.status,
        "start": engagement.start,
        "end": engagement.end,
        "precision": engagement.precision,
        **_place_columns(engagement.place),
        "participants": "; ".join(
            f"{p.official.name} ({p.official.country.code if p.official.country_id else '?'}, "
            f"{p.role})"
            for p in people
        ),
        "cameo_code": cameo_facts.engagement_code(engagement, actors),
        "cameo_actors": "; ".join(actor.code for actor in actors),
        **_review_columns(engagement),
        **_sources(engagement),
    }


def _stop_row(trip: Trip, stop: Stop | None) -> dict[str, object]:
    traveler = trip.traveler
    row: dict[str, object] = {
        "trip": trip.pk,
        "traveler": traveler.name,
        "traveler_country": traveler.country.code if traveler.country_id else "",
        "traveler_cameo_actor": cameo_facts.official_actor(traveler).code,
        "trip_title": trip.title,
        "trip_start": trip.start,
        "trip_end": trip.end,
    }
    if stop is None:
        return row
    return {
        **row,
        "stop": stop.pk,
        "order": stop.order,
        **_place_columns(stop.place),
        "start": stop.start,
        "end": stop.end,
        "precision": stop.precision,
        "cancelled": stop.cancelled,
        "cameo_code": cameo_facts.stop_code(stop),
        **_review_columns(stop),
        **_sources(stop),
    }


def _trip_rows(trip: Trip) -> Iterator[dict[str, object]]:
    stops = serializers.visible(trip.stops.all())
    if not stops:
        yield _stop_row(trip, None)
    for stop in stops:
        yield _stop_row(trip, stop)


def _single_stop_rows(stop: Stop) -> Iterator[dict[str, object]]:
    yield _stop_row(stop.trip, stop)


def _official_rows(official: Official) -> Iterator[dict[str, object]]:
    yield {
        "id": official.pk,
        "name": official.name,
        "aliases": "; ".join(a.alias for a in official.aliases.all()),
        "country": official.country.code if official.country_id else "",
        "cameo_actor": cameo_facts.official_actor(official).code,
        "posts": "; ".join(str(post) for post in official.posts.all()),
        **_review_columns(official),
        **_sources(official),
    }


def _agreement_rows(agreement: Agreement) -> Iterator[dict[str, object]]:
    yield {
        "id": agreement.pk,
        "name": agreement.name,
        "aliases": "; ".join(a.alias for a in agreement.aliases.all()),
        "kind": agreement.kind,
        "status": agreement.status,
        "date": agreement.date,
        "parties": "; ".join(sorted(c.code for c in agreement.parties.all())),
        "cameo_code": cameo_facts.agreement_code(agreement),
        "cameo_actors": "; ".join(a.code for a in cameo_facts.agreement_parties(agreement)),
        **_review_columns(agreement),
        **_sources(agreement),
    }


_PLACE = ["place", "country", "latitude", "longitude"]
_REVIEW = ["origin", "review", "confidence"]
_SOURCES = ["sources", "quotes"]
_STOP = ["trip", "traveler", "traveler_country", "traveler_cameo_actor", "trip_title"]
_STOP += [
    "trip_start",
    "trip_end",
    "stop",
    "order",
    *_PLACE,
    "start",
    "end",
    "precision",
    "cancelled",
]
_STOP += ["cameo_code", *_REVIEW, *_SOURCES]
_CAMEO = ["cameo_code", "cameo_actors"]

CSV_TABLES: dict[type[Model], tuple[list[str], Callable[[Any], Iterator[dict[str, object]]]]] = {
    Engagement: (
        ["id", "kind", "title", "status", "start", "end", "precision", *_PLACE, "participants"]
        + [*_CAMEO, *_REVIEW, *_SOURCES],
        _engagement_rows,
    ),
    Trip: (_STOP, _trip_rows),
    Stop: (_STOP, _single_stop_rows),
    Official: (
        ["id", "name", "aliases", "country", "cameo_actor", "posts", *_REVIEW, *_SOURCES],
        _official_rows,
    ),
    Agreement: (
        ["id", "name", "aliases", "kind", "status", "date", "parties", *_CAMEO]
        + [*_REVIEW, *_SOURCES],
        _agreement_rows,
    ),
}


def export_csv(items: Iterable[Model], *, filename: str | None = None) -> HttpResponse:
    """A CSV file with a header row; one row per fact (per stop for trips)."""
    facts = facts_of(items)
    model = model_of(items, facts)
    out = io.StringIO()
    if model is not None:
        columns, rows = CSV_TABLES[model]
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for fact in facts:
            for row in rows(fact):
                writer.writerow({column: _cell(row.get(column)) for column in columns})
    return download(out.getvalue(), "csv", items, facts, filename)


def export_json(items: Iterable[Model], *, filename: str | None = None) -> HttpResponse:
    """{"count": n, "results": [...]}, the records the API gives for each fact."""
    facts = facts_of(items)
    results = [serializers.record(fact) for fact in facts]
    body = json.dumps({"count": len(results), "results": results}, ensure_ascii=False, indent=1)
    return download(body, "json", items, facts, filename)
