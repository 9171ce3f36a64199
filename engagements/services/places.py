"""Places: an extracted place resolved to the `Place` on record, created when new."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplomacy.text import normalize_name
from engagements.models import Place
from people.services import countries_load, country_by_code

from .common import MergeResult

if TYPE_CHECKING:
    from extraction.models import Place as ExtractedPlace


def place_key(extracted: ExtractedPlace) -> tuple[str, str]:
    """What a merge's place cache is keyed by: the normalized name and the country code."""
    return normalize_name(extracted.name), (extracted.country or "").upper()


def places_load(extracted: list[ExtractedPlace | None], result: MergeResult) -> None:
    """Look up the places of one merge in one query (the ones not yet in its cache)."""
    wanted = {}
    for place in extracted:
        if place is not None and place.name:
            key = place_key(place)
            if key not in result.places:
                wanted[key] = place
    if not wanted:
        return
    countries_load((code for _, code in wanted), result.countries)
    found = Place.objects.filter(normalized__in={name for name, _ in wanted})
    for place in found.select_related("country"):
        key = (place.normalized, place.country.code if place.country_id else "")
        if key in wanted:
            result.places[key] = place


def place_resolve(
    extracted: ExtractedPlace | None, result: MergeResult | None = None
) -> Place | None:
    """The Place for an extracted place, created (with coordinates) when new."""
    if extracted is None or not extracted.name:
        return None
    cache = result.places if result is not None else {}
    key = place_key(extracted)
    if key in cache:
        return cache[key]
    country = country_by_code(extracted.country, result.countries if result else None)
    normalized = key[0]
    place = Place.objects.filter(normalized=normalized, country=country).first()
    if place is None:
        kind = Place.Kind.COUNTRY if getattr(extracted, "is_country", False) else Place.Kind.CITY
        lat, lon = extracted.latitude, extracted.longitude
        valid = lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180
        place = Place.objects.create(
            name=extracted.name,
            country=country,
            kind=kind,
            latitude=lat if valid else None,
            longitude=lon if valid else None,
        )
    cache[key] = place
    return place
