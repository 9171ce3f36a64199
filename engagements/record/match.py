"""What record entries refer to: their places, the trips they form and continue, the people.

Each entry has a place (the first city of its locale the gazetteer knows in its country, or
the country itself); consecutive entries of one traveler no more than `TRIP_GAP` apart form
one trip, and a trip continues the traveler's record trip adjacent in time. The travelers and
the officials the remarks name are resolved to `Official`s once per run (`RecordPeople`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from diplomacy.models import Origin
from diplomacy.text import normalize_name
from engagements.models import Stop, Trip
from engagements.services import TRIP_GAP
from extraction import Place as ExtractedPlace
from extraction import extract, titles
from extraction import gazetteer as gz
from extraction.places import resolve_place
from people.models import Official
from people.services import official_resolve

from .parse import PARENTHETICAL, President, RecordEntry, short_name

# Where a foreign leader's visit took place when its description names no US place.
DEFAULT_VISIT_PLACE = "Washington"
_ORG_TITLE = re.compile(
    r"secretary[- ]general|high representative|\b(?:UN|U\.N\.|NATO|EU|OAS|OSCE|IAEA|WHO)\b|"
    r"commission|director[- ]general|pope|his holiness",
    re.I,
)


# ---------------------------------------------------------------- places


def entry_place(entry: RecordEntry) -> ExtractedPlace:
    """The place of an entry: the first city of its locale found in its country, with
    coordinates; the country itself when the locale is empty; the locale as written
    (no coordinates) when the gazetteer does not know it."""
    if entry.place_hint is not None:
        return entry.place_hint
    preferred = frozenset({entry.country}) if entry.country else frozenset()
    locale = PARENTHETICAL.sub("", entry.locale)
    parts = [part.strip(" .") for part in re.split(r"[,;/]|\band\b", locale)]
    parts = [p for p in parts if p]
    for part in parts:
        found = _gazetteer_place(part, preferred)
        if found is not None and (entry.country is None or found.country == entry.country):
            return found
    if parts:
        return ExtractedPlace(parts[0][:200], entry.country)
    return _country_place(entry.country, entry.country_name)


@lru_cache(maxsize=4096)
def _gazetteer_place(name: str, preferred: frozenset[str]) -> ExtractedPlace | None:
    resolved = resolve_place(name, preferred)
    if resolved is not None and not resolved[0].is_country:
        return resolved[0]
    city = gz.lookup_city(name, preferred)
    if city is not None and (not preferred or city.country in preferred):
        return ExtractedPlace(name, city.country, city.latitude, city.longitude)
    return None


def _country_place(code: str | None, name: str) -> ExtractedPlace:
    lat_lon = gz.country_centroids().get(code) if code else None
    return ExtractedPlace(
        name or code or "Unknown",
        code,
        lat_lon[0] if lat_lon else None,
        lat_lon[1] if lat_lon else None,
        is_country=True,
    )


def visit_place(description: str, published: date) -> ExtractedPlace:
    """Where in the US a visit took place: a US place its description names, else Washington."""
    document = extract(description, published) if description else None
    if document is not None:
        mentioned = [e.place for e in document.engagements if e.place] + [
            s.place for t in document.trips for s in t.stops
        ]
        for place in sorted(mentioned, key=lambda p: p.span or (0, 0)):
            if place.country == "US" and not place.is_country and place.latitude is not None:
                return place
    found = _gazetteer_place(DEFAULT_VISIT_PLACE, frozenset({"US"}))
    return found or ExtractedPlace(DEFAULT_VISIT_PLACE, "US")


def visits_with_places(entries: list[RecordEntry]) -> list[RecordEntry]:
    """The visit entries, each with the place its description names (see `visit_place`)."""
    for entry in entries:
        if entry.place_hint is None:
            entry.place_hint = visit_place(entry.remarks, entry.start)
    return entries


# ---------------------------------------------------------------- trips


def group_trips(entries: list[RecordEntry], gap: timedelta = TRIP_GAP) -> list[list[RecordEntry]]:
    """Consecutive entries of one traveler at most `gap` apart, as trips (in date order)."""
    by_traveler: dict[tuple[str, str], list[RecordEntry]] = {}
    for entry in entries:
        key = (entry.record_id.split(":", 1)[0], normalize_name(entry.traveler))
        by_traveler.setdefault(key, []).append(entry)
    trips: list[list[RecordEntry]] = []
    for items in by_traveler.values():
        items.sort(key=lambda e: (e.start, e.end, e.number))
        current: list[RecordEntry] = []
        until: date | None = None
        for entry in items:
            if current and until is not None and entry.start - until > gap:
                trips.append(current)
                current = []
            if not current:
                until = entry.end
            current.append(entry)
            until = max(until or entry.end, entry.end)
        if current:
            trips.append(current)
    return trips


def imported_stops(group: list[RecordEntry]) -> dict[str, int]:
    """The entries of the group already imported: record id -> the trip holding its stop."""
    return dict(
        Stop.objects.filter(record_id__in=[e.record_id for e in group]).values_list(
            "record_id", "trip_id"
        )
    )


def record_trip_for(
    traveler: Official, group: list[RecordEntry], known: dict[str, int]
) -> Trip | None:
    """The record trip these entries continue: one already holding some of them, or one
    of the traveler's record trips adjacent in time."""
    if known:
        return Trip.objects.get(pk=next(iter(known.values())))
    first, last = min(e.start for e in group), max(e.end for e in group)
    stop = (
        Stop.objects.filter(
            trip__traveler=traveler,
            trip__origin=Origin.RECORD,
            record_id__startswith=group[0].record_id.split(":", 1)[0] + ":",
            start__lte=last + TRIP_GAP,
            end__gte=first - TRIP_GAP,
        )
        .select_related("trip")
        .order_by("trip_id")
        .first()
    )
    return stop.trip if stop else None


# ---------------------------------------------------------------- people


def same_person(name: str, full_name: str) -> bool:
    """ "Blinken" or "Antony Blinken" in the remarks of Antony John Blinken's own entry."""
    words, full = normalize_name(name).split(), normalize_name(full_name).split()
    return bool(words) and words[-1] == full[-1] and set(words) <= set(full)


class RecordPeople:
    """The travelers and officials record entries name, each resolved once per run.

    countries is the run's cache of countries by code (shared with its place look-ups).
    """

    def __init__(self, *, presidents: tuple[President, ...], countries: dict) -> None:
        self.presidents = [(normalize_name(p.name).split()[-1], p) for p in presidents]
        self.countries = countries
        self.travelers: dict[tuple[str, str], Official] = {}
        self.officials: dict[tuple[str, str | None, str | None], Official] = {}
        self._ambiguous: set[str] = set()

    def note_short_names(self, entries: list[RecordEntry]) -> None:
        """Short forms two people share ("George Bush") are never used as aliases."""
        owners: dict[str, set[str]] = {}
        names = {e.traveler for e in entries} | {p.name for _, p in self.presidents}
        for name in names:
            short = normalize_name(short_name(name))
            if short:
                owners.setdefault(short, set()).add(normalize_name(name))
        self._ambiguous = {s for s, who in owners.items() if len(who) > 1}

    def _aliases(self, name: str) -> list[str]:
        short = short_name(name)
        return [short] if short and normalize_name(short) not in self._ambiguous else []

    def traveler_for(self, entry: RecordEntry) -> Official:
        key = (normalize_name(entry.traveler), entry.traveler_title.lower())
        person = self.travelers.get(key)
        if person is None:
            person = official_resolve(
                name=entry.traveler,
                country_code=entry.traveler_country,
                aliases=self._aliases(entry.traveler),
                title=entry.traveler_title or None,
                countries=self.countries,
            )
            self.travelers[key] = person
        return person

    def _president_on(self, surname: str, day: date) -> President | None:
        for president_surname, president in self.presidents:
            if president_surname == surname and president.start <= day <= president.end:
                return president
        return None

    def official_for(self, extracted: Any, entry: RecordEntry) -> Official:
        """The official a name in the remarks refers to, in the most likely country."""
        name, title = extracted.name, extracted.title
        country = extracted.country or titles.default_country_for_title(title)
        president = None
        if title and title.lower() == "president":
            president = self._president_on(normalize_name(name).split()[-1], entry.start)
        if president is not None:
            name, country = president.name, "US"
        elif country is None and not (title and _ORG_TITLE.search(title)):
            country = entry.hosts_country
        key = (normalize_name(name), country, (title or "").lower() or None)
        person = self.officials.get(key)
        if person is None:
            aliases = list(extracted.aliases)
            if president is not None:
                aliases += [extracted.name, *self._aliases(president.name)]
            person = official_resolve(
                name=name,
                country_code=country,
                aliases=aliases,
                title=title,
                countries=self.countries,
            )
            self.officials[key] = person
        return person
