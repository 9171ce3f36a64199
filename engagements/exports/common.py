"""What every export does: the facts shown (rejected ones dropped), the file's name and type."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpResponse

from diplomacy.models import Review
from engagements.api import serializers
from engagements.models import Agreement, Engagement, Stop, Trip
from people.models import Official

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
    "ics": "text/calendar; charset=utf-8",
    "cameo": "text/tab-separated-values; charset=utf-8",
}
# A format's file name extension, where it is not the format's name.
EXTENSIONS = {"cameo": "tsv"}

NAMES: dict[type[Model], str] = {
    Trip: "trips",
    Stop: "stops",
    Engagement: "engagements",
    Official: "officials",
    Agreement: "agreements",
}


def shown(fact: Model) -> bool:
    """Not rejected, and (for a stop) not on a rejected trip."""
    if getattr(fact, "review", None) == Review.REJECTED:
        return False
    return not (isinstance(fact, Stop) and fact.trip.is_rejected)


def facts_of(items: Iterable[Model]) -> list[Model]:
    """The items as a list, relations loaded for a queryset, rejected facts dropped."""
    if isinstance(items, QuerySet):
        items = serializers.with_relations(items)
    return [item for item in items if shown(item)]


def model_of(items: Iterable[Model], facts: list[Model]) -> type[Model] | None:
    if isinstance(items, QuerySet):
        return items.model
    return type(facts[0]) if facts else None


def file_name(stem: str, fmt: str) -> str:
    """The download's file name: "trips.csv", "engagements.tsv" (?format=cameo)."""
    return f"{stem}.{EXTENSIONS.get(fmt, fmt)}"


def download(
    body: str | bytes, fmt: str, items: Iterable[Model], facts: list[Model], filename: str | None
) -> HttpResponse:
    """The export as an attachment, named filename or after what it holds ("trips.csv")."""
    model = model_of(items, facts)
    name = filename or file_name(NAMES.get(model, "export") if model else "export", fmt)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def located_facts(facts: list[Model]) -> Iterator[Model]:
    """Stops and engagements; a trip is replaced by its visible stops, in order."""
    for fact in facts:
        if isinstance(fact, Trip):
            yield from serializers.visible(fact.stops.all())
        elif isinstance(fact, (Stop, Engagement)):
            yield fact
        else:
            raise TypeError(f"{type(fact).__name__} has no place or dates to export")


def place_label(place: Any) -> str:
    if place is None:
        return ""
    return f"{place.name}, {place.country.name}" if place.country_id else place.name


def participant_names(engagement: Engagement) -> list[str]:
    return [p.official.name for p in serializers.participants(engagement)]


def traveler_of(stop: Stop) -> Official:
    return stop.trip.traveler


def summary(engagement: Engagement) -> str:
    if engagement.title:
        return engagement.title
    names = participant_names(engagement)
    label = engagement.get_kind_display()
    return f"{label}: {', '.join(names)}" if names else label
