"""Read queries behind the API: query-string filters turned into querysets.

Rejected facts never come out of here. Filters on related rows use EXISTS
subqueries rather than joins, so results need no DISTINCT and are counted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from diplomacy.models import Review
from diplomacy.text import normalize_name
from engagements.models import (
    Agreement,
    AgreementAlias,
    Citation,
    Engagement,
    Participant,
    Stop,
    Trip,
)
from engagements.selectors import VISIBLE
from people.models import Country, Official, OfficialAlias, Post


class BadParameter(ValueError):
    """A query-string parameter the API cannot use; its message goes back to the client."""


@dataclass(frozen=True)
class Filters:
    traveler: str = ""
    country: str = ""
    start: date | None = None
    end: date | None = None
    q: str = ""
    kind: str = ""
    status: str = ""
    origin: str = ""
    review: str = ""


FILTER_NAMES = tuple(Filters.__dataclass_fields__)


def parse_date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}.") from None


def parse_filters(
    params: dict[str, str], *, allowed: tuple[str, ...], choices: dict[str, list[str]]
) -> Filters:
    """Filters from query-string values; unknown names and invalid values raise BadParameter."""
    values: dict[str, object] = {}
    for name, raw in params.items():
        if name not in allowed:
            raise BadParameter(
                f"Unknown parameter {name!r}; this endpoint accepts: {', '.join(allowed)}."
            )
        value = raw.strip()
        if not value:
            continue
        if name in ("start", "end"):
            values[name] = parse_date(name, value)
        elif name == "country":
            code = value.upper()
            if len(code) != 2 or not code.isalpha():
                raise BadParameter(f"country must be an ISO 3166-1 alpha-2 code, not {value!r}.")
            values[name] = code
        elif name in choices:
            if value not in choices[name]:
                raise BadParameter(f"{name} must be one of: {', '.join(choices[name])}.")
            values[name] = value
        else:
            values[name] = value
    filters = Filters(**values)  # type: ignore[arg-type]
    if filters.start and filters.end and filters.start > filters.end:
        raise BadParameter("start must not be after end.")
    if filters.country and not Country.objects.filter(code=filters.country).exists():
        raise BadParameter(f"Unknown country code {filters.country!r}.")
    return filters


def _overlapping(filters: Filters, start: str = "start", end: str = "end") -> Q:
    """Rows whose [start, end] range (end defaulting to start) meets the filter's range.

    Rows with no known date never match a date filter.
    """
    condition = Q()
    if not (filters.start or filters.end):
        return condition
    condition &= Q(**{f"{start}__isnull": False})
    if filters.end:
        condition &= Q(**{f"{start}__lte": filters.end})
    if filters.start:
        condition &= Q(**{f"{end}__gte": filters.start}) | Q(
            **{f"{end}__isnull": True, f"{start}__gte": filters.start}
        )
    return condition


def _named(needle: str, official: str = "") -> Q:
    """Officials (reached through the `official` path) whose name or an alias contains needle."""
    prefix = f"{official}__" if official else ""
    alias = OfficialAlias.objects.filter(
        official=OuterRef(f"{official}_id" if official else "pk"), normalized__contains=needle
    )
    return Q(**{f"{prefix}normalized_name__contains": needle}) | Q(Exists(alias))


def _participant(engagement_ref: str = "pk", **conditions: object) -> Exists:
    return Exists(Participant.objects.filter(engagement=OuterRef(engagement_ref), **conditions))


def _cited(target: str, text: str) -> Exists:
    return Exists(Citation.objects.filter(**{target: OuterRef("pk")}, quote__icontains=text))


def _common(queryset: QuerySet, filters: Filters) -> QuerySet:
    """The filters every fact has: origin and review state."""
    queryset = queryset.filter(VISIBLE)
    if filters.origin:
        queryset = queryset.filter(origin=filters.origin)
    if filters.review:
        queryset = queryset.filter(review=filters.review)
    return queryset


def _newest_first(queryset: QuerySet) -> QuerySet:
    return queryset.order_by(F("start").desc(nulls_last=True), "pk")


def trips(filters: Filters) -> QuerySet[Trip]:
    """Trips by traveler, a country visited (at a stop), overlapping dates and free text."""
    queryset = _common(Trip.objects.all(), filters)
    if needle := normalize_name(filters.traveler):
        queryset = queryset.filter(_named(needle, "traveler"))
    if filters.country:
        visited = Stop.objects.filter(
            VISIBLE, trip=OuterRef("pk"), place__country__code=filters.country
        )
        queryset = queryset.filter(Exists(visited))
    queryset = queryset.filter(_overlapping(filters))
    if filters.q:
        needle = normalize_name(filters.q)
        stop_cited = Citation.objects.filter(
            stop__trip=OuterRef("pk"), quote__icontains=filters.q
        ).exclude(stop__review=Review.REJECTED)
        at_place = Stop.objects.filter(
            VISIBLE, trip=OuterRef("pk"), place__normalized__contains=needle
        )
        queryset = queryset.filter(
            Q(title__icontains=filters.q)
            | (_named(needle, "traveler") if needle else Q(pk__in=[]))
            | Q(Exists(at_place))
            | Q(_cited("trip", filters.q))
            | Q(Exists(stop_cited))
        )
    return _newest_first(queryset)


def stops_of(trip_queryset: QuerySet[Trip], filters: Filters) -> QuerySet[Stop]:
    """The visible stops of those trips, narrowed by the stop-level filters (country, dates)."""
    queryset = Stop.objects.filter(VISIBLE, trip__in=trip_queryset.order_by().values("pk"))
    if filters.country:
        queryset = queryset.filter(place__country__code=filters.country)
    queryset = queryset.filter(_overlapping(filters))
    return queryset.order_by(F("start").asc(nulls_last=True), "trip", "order")


def engagements(filters: Filters) -> QuerySet[Engagement]:
    """Engagements by participant, place or participant country, dates, text, kind, status."""
    queryset = _common(Engagement.objects.all(), filters)
    if needle := normalize_name(filters.traveler):
        queryset = queryset.filter(
            Exists(
                Participant.objects.filter(engagement=OuterRef("pk")).filter(
                    _named(needle, "official")
                )
            )
        )
    if filters.country:
        queryset = queryset.filter(
            Q(place__country__code=filters.country)
            | Q(_participant(official__country__code=filters.country))
        )
    queryset = queryset.filter(_overlapping(filters))
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.q:
        needle = normalize_name(filters.q)
        by_name = Participant.objects.filter(engagement=OuterRef("pk")).filter(
            _named(needle, "official")
        )
        queryset = queryset.filter(
            Q(title__icontains=filters.q)
            | (
                Q(place__normalized__contains=needle) | Q(Exists(by_name))
                if needle
                else Q(pk__in=[])
            )
            | Q(_cited("engagement", filters.q))
        )
    return _newest_first(queryset)


def officials(filters: Filters) -> QuerySet[Official]:
    """Officials (not merged away) by name or alias, country and origin."""
    queryset = _common(Official.objects.filter(merged_into=None), filters)
    if filters.country:
        queryset = queryset.filter(country__code=filters.country)
    if filters.q:
        needle = normalize_name(filters.q)
        posts = Post.objects.filter(official=OuterRef("pk"), title__icontains=filters.q)
        queryset = queryset.filter((_named(needle) if needle else Q(pk__in=[])) | Q(Exists(posts)))
    return queryset.order_by("name", "pk")


def agreements(filters: Filters) -> QuerySet[Agreement]:
    """Agreements by party, date, name or alias (or cited text), kind, status and origin."""
    queryset = _common(Agreement.objects.all(), filters)
    if filters.country:
        party = Agreement.parties.through.objects.filter(
            agreement=OuterRef("pk"), country__code=filters.country
        )
        queryset = queryset.filter(Exists(party))
    queryset = queryset.filter(_overlapping(filters, start="date", end="date"))
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.q:
        needle = normalize_name(filters.q)
        alias = AgreementAlias.objects.filter(agreement=OuterRef("pk"), normalized__contains=needle)
        queryset = queryset.filter(
            (Q(normalized_name__contains=needle) | Q(Exists(alias)) if needle else Q(pk__in=[]))
            | Q(_cited("agreement", filters.q))
        )
    return queryset.order_by("name", "pk")
