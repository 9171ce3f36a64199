"""Read queries for trips, engagements and agreements."""

from django.db.models import Count, Prefetch, Q, QuerySet

from diplomacy.models import Review
from diplomacy.text import normalize_name

from .models import Agreement, Citation, Engagement, Stop, Trip

VISIBLE = ~Q(review=Review.REJECTED)


def trip_list(*, traveler: str = "") -> QuerySet[Trip]:
    """Trips analysts see (rejected ones hidden), newest first, optionally by traveler name."""
    trips = Trip.objects.filter(VISIBLE).select_related("traveler__country")
    needle = normalize_name(traveler)
    if needle:
        trips = trips.filter(
            Q(traveler__normalized_name__contains=needle)
            | Q(traveler__aliases__normalized__contains=needle)
        ).distinct()
    return trips.annotate(stop_count=Count("stops", distinct=True)).order_by("-start", "pk")


def _engagements_with_sources() -> QuerySet[Engagement]:
    return (
        Engagement.objects.filter(VISIBLE)
        .select_related("place__country")
        .prefetch_related(
            "participations__official__country",
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
        .order_by("start", "pk")
    )


def trip_itinerary(trip: Trip) -> list[Stop]:
    """The trip's visible stops in order, each with its engagements and their sources."""
    stops = (
        trip.stops.filter(VISIBLE)
        .select_related("place__country")
        .prefetch_related(
            Prefetch("engagements", queryset=_engagements_with_sources()),
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
        .order_by("order")
    )
    return list(stops)


def engagement_list() -> QuerySet[Engagement]:
    return (
        Engagement.objects.filter(VISIBLE)
        .select_related("place__country")
        .prefetch_related("participations__official")
        .order_by("-start", "pk")
    )


def agreement_list() -> QuerySet[Agreement]:
    return Agreement.objects.filter(VISIBLE).prefetch_related("parties", "aliases").order_by("name")


def review_queue() -> QuerySet[Engagement]:
    """Unreviewed engagements, least confident first, with their sources."""
    return _engagements_with_sources().filter(review=Review.UNREVIEWED).order_by("confidence", "pk")
