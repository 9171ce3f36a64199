"""Trips and stops: an article's stops joined to the traveler's trip on record, in order."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import F
from simple_history.utils import bulk_create_with_history

from diplomacy.models import Origin, Precision, Review
from engagements.models import Engagement, Place, Stop, Trip
from people.models import Official

from .common import MergeResult, cite, confidence
from .dates import TRIP_GAP, date_range, dates_compatible, precision_finer
from .places import place_resolve

if TYPE_CHECKING:
    from extraction.models import TripStop
    from reports.models import Article


def _traveler_trip_near(traveler: Official, windows: list[tuple[date, date]]) -> Trip | None:
    """The traveler's trip with a stop overlapping or adjacent to the first window that has one."""
    if not windows:
        return None
    low = min(w[0] for w in windows) - TRIP_GAP
    high = max(w[1] for w in windows) + TRIP_GAP
    stops = list(
        Stop.objects.filter(trip__traveler=traveler, start__lte=high, end__gte=low)
        .exclude(review=Review.REJECTED)
        .select_related("trip")
        .order_by("trip__pk")
    )
    for when in windows:
        for stop in stops:
            if stop.start <= when[1] + TRIP_GAP and stop.end >= when[0] - TRIP_GAP:
                return stop.trip
    return None


def _date_order(stops: list[Stop]) -> list[Stop]:
    """Dated stops in date order; an undated one keeps its place after the stop before it."""
    ordered: list[Stop] = []
    for stop in stops:
        if stop.start is None:
            ordered.append(stop)
            continue
        # insert before the first dated stop that starts later
        at = len(ordered)
        for i, other in enumerate(ordered):
            if other.start is not None and other.start > stop.start:
                at = i
                break
        ordered.insert(at, stop)
    return ordered


def _span(ordered: list[Stop]) -> tuple[date | None, date | None]:
    """The first and last day of the stops' dates."""
    starts = [s.start for s in ordered if s.start]
    ends = [s.end or s.start for s in ordered if s.start]
    return min(starts, default=None), max(ends, default=None)


def _trip_span(trip: Trip, ordered: list[Stop]) -> None:
    """Set the trip's dates to those of its stops."""
    span = _span(ordered)
    if span != (trip.start, trip.end):
        trip.start, trip.end = span
        trip.save(update_fields=["start", "end", "updated_at"])


def trip_renumber(trip: Trip) -> None:
    """Order the trip's stops by date (undated ones keep their place) and refresh its dates."""
    ordered = _date_order(list(trip.stops.order_by("order", "pk")))
    stops_number(trip, ordered)
    _trip_span(trip, ordered)


def stops_number(trip: Trip, ordered: list[Stop], new: list[Stop] = ()) -> None:
    """Number the trip's stops 1, 2, ... in the order given, saving the new ones among them."""
    existing = [s for s in ordered if s.pk is not None]
    moved = any(s.order != n for n, s in enumerate(ordered, start=1) if s.pk is not None)
    if moved:
        # two passes keep (trip, order) unique at every step
        Stop.objects.filter(trip=trip).update(order=F("order") + 100000)
    for number, stop in enumerate(ordered, start=1):
        stop.order = number
    if new:
        bulk_create_with_history(list(new), Stop)
    if moved:
        Stop.objects.bulk_update(existing, ["order"])


def _fill_stop(stop: Stop, extracted: TripStop) -> None:
    """Date an undated stop, sharpen a vague one, or widen a day-precise one to cover both."""
    if extracted.start is None or set(stop.edited_fields) & {"start", "end", "precision"}:
        return
    start, end = extracted.start, extracted.end or extracted.start
    if stop.start is not None and not precision_finer(extracted.precision, stop.precision):
        if not (stop.precision == extracted.precision == Precision.DAY):
            return
        start, end = min(stop.start, start), max(stop.end or stop.start, end)
    if (start, end, extracted.precision) == (stop.start, stop.end, stop.precision):
        return
    stop.start, stop.end, stop.precision = start, end, extracted.precision
    if stop.pk is None:  # created by this merge, saved with the others
        return
    stop.version += 1
    stop.save(update_fields=["start", "end", "precision", "version", "updated_at"])


def _trip_for(
    article: Article, traveler: Official, resolved: list[tuple[TripStop, Place]]
) -> Trip | None:
    """The traveler's trip on record these stops belong to, if any."""
    windows = [w for w in (date_range(s.start, s.end) for s, _ in resolved) if w is not None]
    trip = _traveler_trip_near(traveler, windows)
    if trip is None and article.published:
        # undated stops: the same place in a trip of the traveler around publication
        day = article.published
        stop = (
            Stop.objects.filter(
                trip__traveler=traveler,
                place__in=[p.pk for _, p in resolved],
                start__lte=day + timedelta(days=14),
                end__gte=day - timedelta(days=14),
            )
            .select_related("trip")
            .first()
        )
        trip = stop.trip if stop else None
    return trip


def trip_merge_stops(
    *,
    article: Article,
    traveler: Official,
    stops: list[TripStop],
    result: MergeResult,
    new_traveler: bool = False,
) -> tuple[Trip, list[Stop]] | None:
    """Join one article's stops for a traveler to the traveler's trip on record, or start one.

    Returns the trip and its stops in order. The stops are placed in memory
    (an undated one after the article's previous stop, dated ones by date) and
    written together.
    """
    resolved = [(s, place_resolve(s.place, result)) for s in stops]
    resolved = [(s, p) for s, p in resolved if p is not None]
    if not resolved:
        return None
    # a traveler created by this merge has no trip on record yet
    trip = None if new_traveler else _trip_for(article, traveler, resolved)
    # a new trip is saved once its stops are placed, with their dates
    ordered = list(trip.stops.order_by("order", "pk")) if trip is not None else []
    new: list[Stop] = []
    previous: Stop | None = None
    for extracted, place in resolved:
        stop = next((s for s in ordered if s.place_id == place.pk), None)
        if stop is None:
            stop = Stop(
                place=place,
                start=extracted.start,
                end=(extracted.end or extracted.start) if extracted.start else None,
                precision=extracted.precision if extracted.start else Precision.UNKNOWN,
                confidence=confidence(extracted.confidence),
                origin=Origin.EXTRACTED,
            )
            # an undated stop follows the article's previous stop
            if previous is not None and extracted.start is None:
                ordered.insert(ordered.index(previous) + 1, stop)
            else:
                ordered.append(stop)
            new.append(stop)
            result.stops_created += 1
        else:
            _fill_stop(stop, extracted)
            result.stops_matched += 1
        for span in extracted.evidence:
            cite(article, span, result, stop=stop)
        previous = stop
    ordered = _date_order(ordered)
    if trip is None:
        trip = Trip(traveler=traveler, origin=Origin.EXTRACTED)
        trip.start, trip.end = _span(ordered)
        trip.save()
    else:
        _trip_span(trip, ordered)
    for stop in new:
        stop.trip = trip
    stops_number(trip, ordered, new)
    return trip, ordered


def engagements_attach_to_stops(
    traveler: Official, stops: list[Stop], engagements: list[Engagement], result: MergeResult
) -> None:
    """Put each engagement of the traveler at the trip's stop with the same place and dates.

    An engagement the merge has not saved yet just takes the stop; saved ones are updated.
    """
    for engagement in engagements:
        if engagement.stop_id or "stop" in engagement.edited_fields:
            continue
        if traveler.pk not in result.people.get(id(engagement), ()) and (
            engagement.pk is None
            or not engagement.participations.filter(official=traveler).exists()
        ):
            continue
        when = date_range(engagement.start, engagement.end)
        for stop in stops:
            same_place = engagement.place_id == stop.place_id or (
                engagement.place_id is None and len(stops) == 1
            )
            stop_when = date_range(stop.start, stop.end)
            fits = when is None or stop_when is None or dates_compatible(when, stop_when)
            if same_place and fits:
                engagement.stop = stop
                if engagement.pk is not None:
                    engagement.save(update_fields=["stop", "updated_at"])
                break
