"""Read queries for trips, engagements and agreements."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from diplomacy.models import Review
from diplomacy.text import normalize_name
from people.models import Official, OfficialAlias

from .filters import EngagementFilters, TripFilters
from .models import Agreement, AgreementAlias, Citation, Engagement, Participant, Stop, Trip

VISIBLE = ~Q(review=Review.REJECTED)
VISIBLE_STOP = ~Q(stops__review=Review.REJECTED)


def trip_list(filters: TripFilters | None = None) -> QuerySet[Trip]:
    """Trips analysts see (rejected ones hidden), newest first, filtered.

    traveler: a part of the traveler's name or alias, accents ignored; country: a
    country visited (ISO code); start/end: trips overlapping the range; q: text in
    the trip's places, title or traveler.
    """
    filters = filters or TripFilters()
    trips = Trip.objects.filter(VISIBLE)
    needle = normalize_name(filters.traveler)
    if needle:
        trips = trips.filter(
            Q(traveler__normalized_name__contains=needle)
            | Q(
                traveler__in=OfficialAlias.objects.filter(normalized__contains=needle).values(
                    "official_id"
                )
            )
        )
    if filters.country:
        trips = trips.filter(
            pk__in=Stop.objects.filter(VISIBLE, place__country__code=filters.country).values(
                "trip_id"
            )
        )
    if filters.start:
        trips = trips.filter(
            Q(end__gte=filters.start) | Q(end__isnull=True, start__gte=filters.start)
        )
    if filters.end:
        trips = trips.filter(start__lte=filters.end)
    if filters.origin:
        trips = trips.filter(origin=filters.origin)
    text = normalize_name(filters.q)
    if text:
        trips = trips.filter(
            Q(title__icontains=filters.q)
            | Q(traveler__normalized_name__contains=text)
            | Q(pk__in=Stop.objects.filter(place__normalized__contains=text).values("trip_id"))
        )
    return (
        trips.select_related("traveler__country")
        .annotate(stop_count=Count("stops", filter=VISIBLE_STOP))
        .order_by("-start", "pk")
    )


def trip_places(trips: list[Trip]) -> dict[int, list[str]]:
    """The places of each trip in order, in one query (for list pages)."""
    names: dict[int, list[str]] = {trip.pk: [] for trip in trips}
    for trip_id, name in (
        Stop.objects.filter(VISIBLE, trip__in=names)
        .order_by("trip_id", "order")
        .values_list("trip_id", "place__name")
    ):
        names[trip_id].append(name)
    return names


def trip_companions(trip: Trip) -> list[Trip]:
    """The trips accompanying this one that analysts see, by traveler (one query)."""
    return list(
        trip.companions.filter(VISIBLE).select_related("traveler").order_by("traveler__name", "pk")
    )


def trip_principal(trip: Trip) -> Trip | None:
    """The trip this one accompanies, unless there is none or it is rejected."""
    if trip.companion_of_id is None:
        return None
    return Trip.objects.filter(VISIBLE, pk=trip.companion_of_id).select_related("traveler").first()


def _engagements_with_sources(*, visible_only: bool = True) -> QuerySet[Engagement]:
    return (
        Engagement.objects.filter(VISIBLE if visible_only else Q())
        .select_related("place__country")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participant.objects.select_related("official__country").prefetch_related(
                    "official__posts__country"
                ),
            ),
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
        .order_by("start", "pk")
    )


@dataclass
class ItineraryStop:
    stop: Stop
    gap_days: int | None  # days between the previous stop's end and this one's start


def trip_itinerary(trip: Trip, *, include_rejected: bool = False) -> list[ItineraryStop]:
    """The trip's stops in order with the gaps between them, each stop with its
    engagements, their participants (titles, countries) and sources: a fixed number of
    queries whatever the size of the trip. Rejected stops only for editors who ask."""
    stops = (
        trip.stops.filter(Q() if include_rejected else VISIBLE)
        .select_related("place__country")
        .prefetch_related(
            Prefetch("engagements", queryset=_engagements_with_sources()),
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
        .order_by("order")
    )
    out: list[ItineraryStop] = []
    previous_end = None
    for stop in stops:
        gap = None
        if previous_end and stop.start:
            gap = (stop.start - previous_end).days - 1
        out.append(ItineraryStop(stop=stop, gap_days=gap))
        previous_end = stop.end or stop.start or previous_end
    return out


def stop_with_engagements(stop_id: int) -> Stop:
    return (
        Stop.objects.filter(VISIBLE)
        .select_related("place__country", "trip__traveler")
        .prefetch_related(
            Prefetch("engagements", queryset=_engagements_with_sources()),
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
        .get(pk=stop_id)
    )


def engagement_list(filters: EngagementFilters | None = None) -> QuerySet[Engagement]:
    """Visible engagements, newest first, filtered like the trips list plus kind and status.

    traveler: a participant's name; country: the place's country or a participant's.
    """
    filters = filters or EngagementFilters()
    engagements = Engagement.objects.filter(VISIBLE)
    if filters.official:
        engagements = engagements.filter(
            pk__in=Participant.objects.filter(official_id=filters.official).values("engagement")
        )
    needle = normalize_name(filters.traveler)
    if needle:
        people = Official.objects.filter(
            Q(normalized_name__contains=needle)
            | Q(pk__in=OfficialAlias.objects.filter(normalized__contains=needle).values("official"))
        )
        engagements = engagements.filter(
            pk__in=Participant.objects.filter(official__in=people).values("engagement")
        )
    if filters.country:
        engagements = engagements.filter(
            Q(place__country__code=filters.country)
            | Q(
                pk__in=Participant.objects.filter(official__country__code=filters.country).values(
                    "engagement"
                )
            )
        )
    if filters.start:
        engagements = engagements.filter(end__gte=filters.start)
    if filters.end:
        engagements = engagements.filter(start__lte=filters.end)
    if filters.origin:
        engagements = engagements.filter(origin=filters.origin)
    if filters.kind:
        engagements = engagements.filter(kind=filters.kind)
    if filters.status:
        engagements = engagements.filter(status=filters.status)
    if filters.q:
        engagements = engagements.filter(
            Q(title__icontains=filters.q) | Q(place__normalized__contains=normalize_name(filters.q))
        )
    return (
        engagements.select_related("place__country")
        .prefetch_related("participations__official")
        .order_by("-start", "pk")
    )


def agreement_list(*, q: str = "", party: str = "") -> QuerySet[Agreement]:
    """Visible agreements by name; q matches the name or an alias, party an ISO code."""
    agreements = Agreement.objects.filter(VISIBLE)
    needle = normalize_name(q)
    if needle:
        agreements = agreements.filter(
            Q(normalized_name__contains=needle)
            | Q(
                pk__in=AgreementAlias.objects.filter(normalized__contains=needle).values(
                    "agreement"
                )
            )
        )
    if party:
        agreements = agreements.filter(parties__code=party.upper())
    return agreements.prefetch_related("parties", "aliases").order_by("name")


def agreement_engagements(agreement: Agreement) -> QuerySet[Engagement]:
    """Engagements reported in the same reports that mention the agreement."""
    articles = Citation.objects.filter(agreement=agreement).values("article")
    return (
        _engagements_with_sources()
        .filter(pk__in=Citation.objects.filter(article__in=articles).values("engagement"))
        .order_by("-start", "pk")
    )


def review_queue(
    *, review: str = Review.UNREVIEWED, batch: int | None = None, kind: str = ""
) -> QuerySet[Engagement]:
    """Engagements to review (or rejected ones, to recover), least confident first.

    batch: only facts cited by that batch's reports; kind: one engagement kind.
    """
    queue = (
        Engagement.objects.filter(review=review)
        .select_related("place__country")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participant.objects.select_related("official__country").prefetch_related(
                    "official__posts"
                ),
            ),
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
    )
    if batch:
        queue = queue.filter(
            pk__in=Citation.objects.filter(article__batch_id=batch).values("engagement")
        )
    if kind:
        queue = queue.filter(kind=kind)
    return queue.order_by("confidence", "pk")


def engagement_for_row(pk: int) -> Engagement:
    """One engagement with what its timeline row shows (participants' posts, sources),
    rejected or not: editors see the row they just rejected."""
    return _engagements_with_sources(visible_only=False).get(pk=pk)


REVIEWABLE = {
    "engagements": Engagement,
    "stops": Stop,
    "trips": Trip,
    "agreements": Agreement,
}


def review_queue_of(fact: str, *, review: str, batch: int | None = None) -> QuerySet:
    """Stops, trips, agreements or officials to review, least confident first, with sources."""
    from people.models import Official

    model = REVIEWABLE.get(fact, Official if fact == "officials" else None)
    if model is None:
        raise ValueError(f"unknown kind of fact {fact!r}")
    queue = model.objects.filter(review=review).prefetch_related(
        Prefetch("citations", queryset=Citation.objects.select_related("article"))
    )
    if model is Stop:
        queue = queue.select_related("place__country", "trip__traveler")
    elif model is Trip:
        queue = queue.select_related("traveler")
    elif model is Official:
        queue = queue.filter(merged_into=None).select_related("country")
    if batch:
        field = model._meta.model_name
        queue = queue.filter(pk__in=Citation.objects.filter(article__batch_id=batch).values(field))
    return queue.order_by("confidence", "pk")
