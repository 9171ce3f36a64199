"""Places: an extracted place resolved to the `Place` on record, created when new."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplomacy.bulk import rows_insert
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


def places_create(extracted: list[ExtractedPlace | None], result: MergeResult) -> None:
    """Find or create, in one look-up and one insert, the places of a merge not in its cache.

    Call once the merge holds the locks of those places' names (see `documents_merge`):
    another merge may have created some while this one waited.
    """
    wanted: dict[tuple[str, str], ExtractedPlace] = {}
    for place in extracted:
        if place is not None and place.name and place_key(place) not in result.places:
            wanted.setdefault(place_key(place), place)
    if not wanted:
        return
    countries_load((code for _, code in wanted), result.countries)
    found = {
        (p.normalized, p.country_id): p
        for p in Place.objects.filter(normalized__in={name for name, _ in wanted})
    }
    new = []
    for key, place in wanted.items():
        country = country_by_code(place.country, result.countries)
        on_record = (key[0], country.pk if country else None)
        if on_record not in found:
            found[on_record] = _new_place(place, country, key[0])
            new.append(found[on_record])
        result.places[key] = found[on_record]
    rows_insert(Place, new)


def _new_place(extracted: ExtractedPlace, country, normalized: str) -> Place:
    """An unsaved Place for an extracted place, with its coordinates when they are valid."""
    kind = Place.Kind.COUNTRY if getattr(extracted, "is_country", False) else Place.Kind.CITY
    lat, lon = extracted.latitude, extracted.longitude
    valid = lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180
    return Place(
        name=extracted.name,
        normalized=normalized,
        country=country,
        kind=kind,
        latitude=lat if valid else None,
        longitude=lon if valid else None,
    )


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
        place = _new_place(extracted, country, normalized)
        place.save()
    cache[key] = place
    return place
