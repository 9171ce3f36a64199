"""Trips and stops: an article's stops joined to the traveler's trip on record, in order.

A merge loads its travelers' trips near its dates once (`trips_load`), joins each
article's stops to them in memory (`trip_merge_stops`), and writes new trips, new stops
and the new order of moved stops at its end (`trips_write`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import F, Q
from simple_history.utils import bulk_create_with_history

from diplomacy.bulk import rows_insert, rows_update
from diplomacy.models import Origin, Precision, Review
from engagements.models import Engagement, Place, Stop, Trip
from people.models import Official

from .common import MergeResult, cite, confidence
from .dates import TRIP_GAP, DateRange, date_range, dates_compatible, precision_finer, ranges_joined
from .places import place_resolve

if TYPE_CHECKING:
    from extraction.models import TripStop
    from reports.models import Article

# Undated stops join a trip of the traveler with a stop this close to the publication date.
UNDATED_REACH = timedelta(days=14)
# Added to the orders of a trip's stops while they are renumbered, to keep them unique.
_SHIFT = 100000


def trip_search_ranges(published: date | None, stops: list[TripStop]) -> set[DateRange]:
    """The days an article's stops for one traveler may find that traveler's trips in."""
    ranges = {
        (w[0] - TRIP_GAP, w[1] + TRIP_GAP)
        for w in (date_range(s.start, s.end) for s in stops)
        if w is not None
    }
    if published is not None:
        ranges.add((published - UNDATED_REACH, published + UNDATED_REACH))
    return ranges


def trips_load(result: MergeResult, travelers: set[int], ranges: set[DateRange]) -> None:
    """Load the travelers' trips with a stop in any of the ranges, all their stops (1 query)."""
    if not travelers or not ranges:
        return
    near = Q()
    for low, high in ranges_joined(ranges):
        near |= Q(start__lte=high, end__gte=low)
    trips = Stop.objects.filter(near, trip__traveler__in=travelers).values("trip_id")
    book = result.trips
    loaded: dict[int, Trip] = {}
    for stop in (
        Stop.objects.filter(trip__in=trips)
        .select_related("trip")
        .order_by("trip_id", "order", "pk")
    ):
        if stop.trip_id not in loaded:
            trip = loaded[stop.trip_id] = stop.trip
            book.of_traveler[trip.traveler_id].append(trip)
            book.stops[id(trip)] = []
        stop.trip = loaded[stop.trip_id]  # one instance per trip
        book.stops[id(stop.trip)].append(stop)
        book.orders[stop.pk] = stop.order


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
        Stop.objects.filter(trip=trip).update(order=F("order") + _SHIFT)
    for number, stop in enumerate(ordered, start=1):
        stop.order = number
    if new:
        bulk_create_with_history(list(new), Stop)
    if moved:
        Stop.objects.bulk_update(existing, ["order"])


def _fill_stop(stop: Stop, extracted: TripStop, result: MergeResult) -> None:
    """Date an undated stop, sharpen a vague one, or widen a day-precise one to cover both; a
    stop another report called off that this one tells of as made is made."""
    if stop.cancelled and not extracted.cancelled and "cancelled" not in stop.edited_fields:
        stop.cancelled = False
        result.change(stop, "cancelled", version=True)
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
    result.change(stop, "start", "end", "precision", version=True)


def _trip_for(
    article: Article,
    traveler: Official,
    resolved: list[tuple[TripStop, Place]],
    result: MergeResult,
) -> Trip | None:
    """The traveler's trip (on record or new in this merge) these stops belong to, if any.

    The first trip with a stop within two days of a stop's dates, the stops taken in the
    article's order; for undated stops, the first with a stop at one of their places
    within two weeks of publication.
    """
    trips = result.trips.of_traveler.get(traveler.pk, [])
    stops_of = result.trips.stops
    windows = [w for w in (date_range(s.start, s.end) for s, _ in resolved) if w is not None]
    for low, high in windows:
        for trip in trips:
            if any(
                s.review != Review.REJECTED and _within(s, low - TRIP_GAP, high + TRIP_GAP)
                for s in stops_of[id(trip)]
            ):
                return trip
    if article.published:
        day, places = article.published, {p.pk for _, p in resolved}
        for trip in trips:
            if any(
                s.place_id in places and _within(s, day - UNDATED_REACH, day + UNDATED_REACH)
                for s in stops_of[id(trip)]
            ):
                return trip
    return None


def _within(stop: Stop, low: date, high: date) -> bool:
    """The stop is dated and its days meet [low, high]."""
    return (
        stop.start is not None and stop.end is not None and stop.start <= high and stop.end >= low
    )


def trip_merge_stops(
    *,
    article: Article,
    traveler: Official,
    stops: list[TripStop],
    result: MergeResult,
) -> tuple[Trip, list[Stop]] | None:
    """Join one article's stops for a traveler to the traveler's trip, or start one.

    Returns the trip and its stops in order. The stops are placed in memory (an
    undated one after the article's previous stop, dated ones by date); `trips_write`
    writes them with the merge's others.
    """
    resolved = [(s, place_resolve(s.place, result)) for s in stops]
    resolved = [(s, p) for s, p in resolved if p is not None]
    if not resolved:
        return None
    book = result.trips
    trip = _trip_for(article, traveler, resolved, result)
    ordered = list(book.stops[id(trip)]) if trip is not None else []
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
                cancelled=extracted.cancelled,
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
            _fill_stop(stop, extracted, result)
            result.stops_matched += 1
        for span in extracted.evidence:
            cite(article, span, result, stop=stop)
        previous = stop
    ordered = _date_order(ordered)
    if trip is None:
        trip = Trip(traveler=traveler, origin=Origin.EXTRACTED)
        book.of_traveler[traveler.pk].append(trip)
        book.new_trips.append(trip)
    for stop in new:
        stop.trip = trip
    book.new_stops += new
    for number, stop in enumerate(ordered, start=1):
        stop.order = number
    book.stops[id(trip)] = ordered
    book.touched[id(trip)] = trip
    return trip, ordered


# Fields an editor sets when they link or unlink a companion's trip (a revert names the column).
COMPANION_FIELDS = frozenset({"companion_of", "companion_of_id"})


def trip_companion_link(*, trip: Trip, principal: Trip, result: MergeResult) -> None:
    """Link a companion's trip to the principal's, which it accompanies (in memory, written
    by `trips_write` and `updates_write`).

    A trip keeps the link it has (the first report's), and one an editor set or removed; a
    trip never accompanies a trip of its own traveler, nor one that accompanies it.
    """
    if trip is principal or trip.traveler_id == principal.traveler_id:
        return
    if COMPANION_FIELDS & set(trip.edited_fields):
        return
    book = result.trips
    if id(trip) in book.linked or trip.companion_of_id is not None:
        return
    if trip.pk is not None and principal.companion_of_id == trip.pk:
        return
    above: Trip | None = principal
    while above is not None:  # the principal's own links made by this merge
        if above is trip:
            return
        above = book.linked.get(id(above))
    trip.companion_of = principal
    book.linked[id(trip)] = principal
    result.change(trip, "companion_of")  # a trip on record; a new one is written whole


def trips_write(result: MergeResult) -> None:
    """Write the merge's new trips and stops, the moved stops' orders and the trips' dates."""
    book = result.trips
    for trip in book.touched.values():
        span = _span(book.stops[id(trip)])
        if trip.pk is None:
            trip.start, trip.end = span
        elif span != (trip.start, trip.end):
            trip.start, trip.end = span
            result.change(trip, "start", "end")
    pending = list(book.new_trips)
    while pending:
        # a companion's new trip after the new trip it accompanies, which it refers to
        waiting = {id(t) for t in pending}
        ready = [t for t in pending if id(book.linked.get(id(t))) not in waiting]
        rows_insert(Trip, ready, history=True)
        pending = [t for t in pending if t.pk is None]
    moved = [
        trip
        for trip in book.touched.values()
        if any(s.pk is not None and s.order != book.orders[s.pk] for s in book.stops[id(trip)])
    ]
    if moved:
        # two passes keep (trip, order) unique at every step
        Stop.objects.filter(trip__in=[t.pk for t in moved]).update(order=F("order") + _SHIFT)
    if book.new_stops:
        rows_insert(Stop, book.new_stops, history=True)
    if moved:
        rows_update(
            Stop, [s for t in moved for s in book.stops[id(t)] if s.pk is not None], ["order"]
        )
    book.orders.update((s.pk, s.order) for t in book.touched.values() for s in book.stops[id(t)])
    book.touched.clear()
    book.linked.clear()
    book.new_trips, book.new_stops = [], []


def engagements_attach_to_stops(
    traveler: Official, stops: list[Stop], engagements: list[Engagement], result: MergeResult
) -> None:
    """Put each engagement of the traveler at the trip's stop with the same place and dates."""
    for engagement in engagements:
        if (
            engagement.stop_id
            or id(engagement) in result.at_stop
            or "stop" in engagement.edited_fields
        ):
            continue
        # who takes part: on record for a matched engagement, as extracted for a new one
        if traveler.pk not in result.people.get(id(engagement), ()):
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
                result.at_stop.add(id(engagement))
                result.change(engagement, "stop")
                break
