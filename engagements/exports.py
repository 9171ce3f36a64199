"""Downloads of what a page or an API list shows: CSV, JSON, GeoJSON and iCalendar.

Each `export_*` function takes the facts to export (a queryset, already
filtered by the caller, or any iterable of model instances) and returns an
HttpResponse with the right content type and a Content-Disposition filename.
A queryset gets the relations its rows need loaded in a fixed number of
queries. Rejected facts are dropped wherever they appear.

What each format holds:

- CSV and JSON: one record per fact (trips: one CSV row per stop).
- GeoJSON: a FeatureCollection of Point features, [longitude, latitude], for
  stops (a trip stands for its stops) and engagements whose place has
  coordinates; the rest are left out.
- iCalendar: one all-day VEVENT per stop or engagement with a known date. Day
  precision spans the given days, month precision the whole month(s), year
  precision the whole year(s); DTEND is exclusive (the day after).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
from django.db.models import Model, QuerySet
from django.http import HttpResponse

from diplomacy.models import Precision, Review
from people.models import Official

from .api import serializers
from .models import Agreement, Engagement, Stop, Trip

UID_DOMAIN = "diplomacy-tracker"
PRODID = "-//Diplomacy tracker//Engagements//EN"

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
    "ics": "text/calendar; charset=utf-8",
}

NAMES: dict[type[Model], str] = {
    Trip: "trips",
    Stop: "stops",
    Engagement: "engagements",
    Official: "officials",
    Agreement: "agreements",
}


# -- shared -------------------------------------------------------------------


def _shown(fact: Model) -> bool:
    """Not rejected, and (for a stop) not on a rejected trip."""
    if getattr(fact, "review", None) == Review.REJECTED:
        return False
    return not (isinstance(fact, Stop) and fact.trip.is_rejected)


def _facts(items: Iterable[Model]) -> list[Model]:
    """The items as a list, relations loaded for a queryset, rejected facts dropped."""
    if isinstance(items, QuerySet):
        items = serializers.with_relations(items)
    return [item for item in items if _shown(item)]


def _model_of(items: Iterable[Model], facts: list[Model]) -> type[Model] | None:
    if isinstance(items, QuerySet):
        return items.model
    return type(facts[0]) if facts else None


def _attachment(body: str | bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(model: type[Model] | None, fmt: str, filename: str | None) -> str:
    return filename or f"{NAMES.get(model, 'export') if model else 'export'}.{fmt}"


def _located_stops(facts: list[Model]) -> Iterator[Model]:
    """Stops and engagements; a trip is replaced by its visible stops, in order."""
    for fact in facts:
        if isinstance(fact, Trip):
            yield from serializers.visible(fact.stops.all())
        elif isinstance(fact, (Stop, Engagement)):
            yield fact
        else:
            raise TypeError(f"{type(fact).__name__} has no place or dates to export")


def _place_label(place: Any) -> str:
    if place is None:
        return ""
    return f"{place.name}, {place.country.name}" if place.country_id else place.name


def _names(engagement: Engagement) -> list[str]:
    return [p.official.name for p in serializers.participants(engagement)]


def _traveler(stop: Stop) -> Official:
    return stop.trip.traveler


# -- CSV ----------------------------------------------------------------------

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
            for p in serializers.participants(engagement)
        ),
        **_review_columns(engagement),
        **_sources(engagement),
    }


def _stop_row(trip: Trip, stop: Stop | None) -> dict[str, object]:
    traveler = trip.traveler
    row: dict[str, object] = {
        "trip": trip.pk,
        "traveler": traveler.name,
        "traveler_country": traveler.country.code if traveler.country_id else "",
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
        **_review_columns(agreement),
        **_sources(agreement),
    }


_PLACE = ["place", "country", "latitude", "longitude"]
_REVIEW = ["origin", "review", "confidence"]
_SOURCES = ["sources", "quotes"]
_STOP = ["trip", "traveler", "traveler_country", "trip_title", "trip_start", "trip_end"]
_STOP += ["stop", "order", *_PLACE, "start", "end", "precision", *_REVIEW, *_SOURCES]

CSV_TABLES: dict[type[Model], tuple[list[str], Callable[[Any], Iterator[dict[str, object]]]]] = {
    Engagement: (
        ["id", "kind", "title", "status", "start", "end", "precision", *_PLACE, "participants"]
        + [*_REVIEW, *_SOURCES],
        _engagement_rows,
    ),
    Trip: (_STOP, _trip_rows),
    Stop: (_STOP, _single_stop_rows),
    Official: (["id", "name", "aliases", "country", "posts", *_REVIEW, *_SOURCES], _official_rows),
    Agreement: (
        ["id", "name", "aliases", "kind", "status", "date", "parties", *_REVIEW, *_SOURCES],
        _agreement_rows,
    ),
}


def export_csv(items: Iterable[Model], *, filename: str | None = None) -> HttpResponse:
    """A CSV file with a header row; one row per fact (per stop for trips)."""
    facts = _facts(items)
    model = _model_of(items, facts)
    out = io.StringIO()
    if model is not None:
        columns, rows = CSV_TABLES[model]
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for fact in facts:
            for row in rows(fact):
                writer.writerow({column: _cell(row.get(column)) for column in columns})
    return _attachment(out.getvalue(), "csv", _filename(model, "csv", filename))


# -- JSON ---------------------------------------------------------------------


def export_json(items: Iterable[Model], *, filename: str | None = None) -> HttpResponse:
    """{"count": n, "results": [...]}, the records the API gives for each fact."""
    facts = _facts(items)
    results = [serializers.record(fact) for fact in facts]
    body = json.dumps({"count": len(results), "results": results}, ensure_ascii=False, indent=1)
    return _attachment(body, "json", _filename(_model_of(items, facts), "json", filename))


# -- GeoJSON ------------------------------------------------------------------


def _point(place: Any) -> dict[str, object] | None:
    if place is None or place.latitude is None or place.longitude is None:
        return None
    if not (-90 <= place.latitude <= 90 and -180 <= place.longitude <= 180):
        return None
    return {"type": "Point", "coordinates": [place.longitude, place.latitude]}


def _feature(fact: Stop | Engagement) -> dict[str, object] | None:
    geometry = _point(fact.place)
    if geometry is None:
        return None
    common = {
        "place": fact.place.name,
        "country": fact.place.country.code if fact.place.country_id else None,
        "start": serializers.iso(fact.start),
        "end": serializers.iso(fact.end),
        "precision": fact.precision,
        "origin": fact.origin,
        "review": fact.review,
        "quotes": [c.quote for c in fact.citations.all()],
    }
    if isinstance(fact, Stop):
        traveler = _traveler(fact)
        properties = {
            "fact": "stop",
            "id": fact.pk,
            "kind": "stop",
            "title": f"{traveler.name} in {fact.place.name}",
            "trip": fact.trip_id,
            "order": fact.order,
            "participants": [traveler.name],
            **common,
        }
    else:
        properties = {
            "fact": "engagement",
            "id": fact.pk,
            "kind": fact.kind,
            "title": _summary(fact),
            "status": fact.status,
            "participants": _names(fact),
            **common,
        }
    return {
        "type": "Feature",
        "id": f"{properties['fact']}-{fact.pk}",
        "geometry": geometry,
        "properties": properties,
    }


def export_geojson(items: Iterable[Model], *, filename: str | None = None) -> HttpResponse:
    """A FeatureCollection of the stops and engagements that have coordinates."""
    facts = _facts(items)
    features = [f for f in map(_feature, _located_stops(facts)) if f is not None]
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return _attachment(body, "geojson", _filename(_model_of(items, facts), "geojson", filename))


# -- iCalendar ----------------------------------------------------------------

ICS_STATUS = {"held": "CONFIRMED", "scheduled": "CONFIRMED", "cancelled": "CANCELLED"}


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def all_day_span(start: date | None, end: date | None, precision: str) -> tuple[date, date] | None:
    """(DTSTART, exclusive DTEND) of an all-day event, or None when the date is unknown."""
    first = start or end
    if first is None or precision == Precision.UNKNOWN:
        return None
    last = max(end or first, first)
    if precision == Precision.MONTH:
        return first.replace(day=1), _next_month(last)
    if precision == Precision.YEAR:
        return date(first.year, 1, 1), date(last.year + 1, 1, 1)
    return first, last + timedelta(days=1)


def _summary(engagement: Engagement) -> str:
    if engagement.title:
        return engagement.title
    names = _names(engagement)
    label = engagement.get_kind_display()
    return f"{label}: {', '.join(names)}" if names else label


def _cited_lines(fact: Model) -> list[str]:
    lines = []
    for citation in fact.citations.all():
        article = citation.article
        where = ", ".join(
            part
            for part in (article.title, article.source, serializers.iso(article.published))
            if part
        )
        lines.append(f"“{citation.quote}” ({where})" + (f" {article.url}" if article.url else ""))
    return lines


def _stamp(fact: Model) -> datetime:
    return fact.updated_at or datetime.now(tz=UTC)


def _event(fact: Stop | Engagement) -> icalendar.Event | None:
    span = all_day_span(fact.start, fact.end, fact.precision)
    if span is None:
        return None
    event = icalendar.Event()
    if isinstance(fact, Stop):
        traveler = _traveler(fact)
        event.add("uid", f"stop-{fact.pk}@{UID_DOMAIN}")
        event.add("summary", f"{traveler.name} in {fact.place.name}")
        details = [f"Trip stop {fact.order} of {traveler.name}."]
        event.add("categories", ["stop"])
    else:
        event.add("uid", f"engagement-{fact.pk}@{UID_DOMAIN}")
        event.add("summary", _summary(fact))
        details = [f"{fact.get_kind_display()}, {fact.get_status_display().lower()}."]
        names = _names(fact)
        if names:
            details.append("Participants: " + ", ".join(names) + ".")
        event.add("categories", [fact.kind])
        if fact.status in ICS_STATUS:
            event.add("status", ICS_STATUS[fact.status])
    event.add("dtstamp", _stamp(fact))
    event.add("dtstart", span[0])
    event.add("dtend", span[1])
    event.add("transp", "TRANSPARENT")
    if fact.place is not None:
        event.add("location", _place_label(fact.place))
        if fact.place.latitude is not None and fact.place.longitude is not None:
            event.add("geo", (fact.place.latitude, fact.place.longitude))
    event.add("description", "\n".join([*details, *_cited_lines(fact)]))
    return event


def export_ics(
    items: Iterable[Model], *, filename: str | None = None, name: str = "Diplomacy tracker"
) -> HttpResponse:
    """An iCalendar file: one VEVENT per stop or engagement with a known date."""
    facts = _facts(items)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for fact in _located_stops(facts):
        event = _event(fact)
        if event is not None:
            calendar.add_component(event)
    return _attachment(
        calendar.to_ical(), "ics", _filename(_model_of(items, facts), "ics", filename)
    )


EXPORTERS: dict[str, Callable[..., HttpResponse]] = {
    "csv": export_csv,
    "json": export_json,
    "geojson": export_geojson,
    "ics": export_ics,
}
