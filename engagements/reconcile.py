"""Reads for the reconciliation page: the official record's stops beside the news's.

For one traveler and a date range, every extracted stop (origin "extracted") is
paired with the record's stop (origin "record") at the same place: the same
Place, the same city name in the same country, or the same country when one
side names only a country. A pair whose dates overlap (give or take a day) is a
match; a pair at the same place whose dates do not is a date disagreement.
What is left is only in the news or only in the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from diplomacy.models import Origin, Review
from diplomacy.text import normalize_name
from people.models import Official, OfficialAlias

from .models import Citation, Place, Stop
from .services import DATE_SLACK


@dataclass
class Pair:
    news: Stop
    record: Stop

    @property
    def same_dates(self) -> bool:
        return (self.news.start, self.news.end, self.news.precision) == (
            self.record.start,
            self.record.end or self.record.start,
            self.record.precision,
        )


@dataclass
class Reconciliation:
    traveler: Official
    start: date | None
    end: date | None
    matches: list[Pair] = field(default_factory=list)
    disagreements: list[Pair] = field(default_factory=list)
    news_only: list[Stop] = field(default_factory=list)
    record_only: list[Stop] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.matches or self.disagreements or self.news_only or self.record_only)


def travelers_named(needle: str) -> list[Official]:
    """Officials a traveler parameter names: an id, else a name or alias (exact first)."""
    needle = needle.strip()
    if needle.isdigit():
        return list(Official.objects.filter(pk=int(needle)))
    name = normalize_name(needle)
    if not name:
        return []
    aliased = OfficialAlias.objects.filter(normalized=name).values("official_id")
    exact = Official.objects.filter(Q(normalized_name=name) | Q(pk__in=aliased))
    found = list(exact.filter(merged_into__isnull=True)) or list(exact)
    if not found:
        aliased = OfficialAlias.objects.filter(normalized__contains=name).values("official_id")
        found = list(
            Official.objects.filter(
                Q(normalized_name__contains=name) | Q(pk__in=aliased), merged_into__isnull=True
            ).order_by("name")[:20]
        )
    # only people who travel matter here
    travelling = [p for p in found if p.trips.exists()]
    return travelling or found


def _same_person(traveler: Official) -> list[int]:
    """The traveler and the records merged into them."""
    ids, frontier = {traveler.pk}, [traveler.pk]
    while frontier:
        more = set(Official.objects.filter(merged_into__in=frontier).values_list("pk", flat=True))
        frontier = list(more - ids)
        ids |= more
    return sorted(ids)


def _stops(traveler: Official, origin: str, start: date | None, end: date | None):
    stops: QuerySet[Stop] = (
        Stop.objects.filter(trip__traveler__in=_same_person(traveler), origin=origin)
        .exclude(review=Review.REJECTED)
        .select_related("place__country", "trip")
        .prefetch_related(
            Prefetch("citations", queryset=Citation.objects.select_related("article"))
        )
    )
    if start is not None or end is not None:
        # dated stops overlapping the range, and undated ones on a trip that overlaps it
        dated, on_trip = Q(start__isnull=False), Q(start__isnull=True, trip__start__isnull=False)
        if start is not None:
            dated &= Q(end__gte=start - DATE_SLACK) | Q(end__isnull=True, start__gte=start)
            on_trip &= Q(trip__end__gte=start - DATE_SLACK)
        if end is not None:
            dated &= Q(start__lte=end + DATE_SLACK)
            on_trip &= Q(trip__start__lte=end + DATE_SLACK)
        stops = stops.filter(dated | on_trip)
    return list(stops.order_by("start", "end", "pk"))


def places_match(a: Place, b: Place) -> bool:
    """The same place, the same city name in one country, or one country when either side
    names only a country."""
    if a.pk == b.pk:
        return True
    same_country = a.country_id is None or b.country_id is None or a.country_id == b.country_id
    if a.normalized == b.normalized and same_country:
        return True
    if Place.Kind.COUNTRY in (a.kind, b.kind):
        return a.country_id is not None and a.country_id == b.country_id
    return False


def dates_overlap(a: Stop, b: Stop) -> bool:
    """Overlapping date ranges, give or take a day (undated stops overlap nothing)."""
    if a.start is None or b.start is None:
        return False
    a_end, b_end = a.end or a.start, b.end or b.start
    return a.start <= b_end + DATE_SLACK and b.start <= a_end + DATE_SLACK


def _gap(a: Stop, b: Stop) -> int:
    if a.start is None or b.start is None:
        return 10**6
    return abs((a.start - b.start).days)


def reconcile(
    *, traveler: Official, start: date | None = None, end: date | None = None
) -> Reconciliation:
    """The traveler's record and news stops in the range, matched by place and dates."""
    result = Reconciliation(traveler=traveler, start=start, end=end)
    record = _stops(traveler, Origin.RECORD, start, end)
    news = _stops(traveler, Origin.EXTRACTED, start, end)
    used: set[int] = set()
    pending: list[Stop] = []
    # first the pairs that agree on place and dates, then the ones that only share a place
    for stop in news:
        candidates = [
            r
            for r in record
            if r.pk not in used and places_match(stop.place, r.place) and dates_overlap(stop, r)
        ]
        if candidates:
            best = min(candidates, key=lambda r: (r.place_id != stop.place_id, _gap(stop, r)))
            used.add(best.pk)
            result.matches.append(Pair(news=stop, record=best))
        else:
            pending.append(stop)
    for stop in pending:
        candidates = [r for r in record if r.pk not in used and places_match(stop.place, r.place)]
        if candidates:
            best = min(candidates, key=lambda r: _gap(stop, r))
            used.add(best.pk)
            result.disagreements.append(Pair(news=stop, record=best))
        else:
            result.news_only.append(stop)
    result.record_only = [r for r in record if r.pk not in used]
    return result
