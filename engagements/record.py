"""The official record: the Office of the Historian's travels and visits, imported as facts.

Two public-domain XML collections feed it:

* travels (``<trips><trip role= who=>``): one entry per country a President or
  Secretary of State visited, with dates, a locale and a remarks line;
* visits (``<visits><visit>``): one entry per visit of a foreign leader to the US.

Each entry becomes a `Stop` (origin "record", ``record_id`` "travels:<id>" or
"visits:<id>", which is what makes a second import add nothing); consecutive
entries of one traveler no more than `TRIP_GAP` apart form one `Trip`. The
remarks go through the extractor, and the officials it names become engagements
at that stop, each cited from an `Article` holding the entry's text.

Also here: `stop_accept_record_dates`, the one write of the reconciliation page.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from django.db import transaction
from django.db.models import Max

from diplomacy.models import Origin, Precision
from diplomacy.text import normalize_name, sentence_around
from extraction import EXTRACTOR_VERSION, extract, titles
from extraction import Place as ExtractedPlace
from extraction import gazetteer as gz
from extraction.places import resolve_place
from people.models import Official
from people.services import official_resolve
from reports.models import Article, text_sha256

from .models import Citation, Engagement, Participant, Stop, Trip
from .services import TRIP_GAP, MergeResult, place_resolve, trip_renumber

SOURCE = "Office of the Historian"
TRAVELS_URL = "https://history.state.gov/departmenthistory/travels/{role}/{who}"
VISITS_URL = "https://history.state.gov/departmenthistory/visits/{country}"
ROLE_TITLES = {"secretary": "Secretary of State", "president": "President"}
# Where a foreign leader's visit took place when its description names no US place.
DEFAULT_VISIT_PLACE = "Washington"

# Country names of the record that neither pycountry nor the extractor's gazetteer know
# (states that no longer exist map to their successor, territories to their country).
_RECORD_COUNTRIES = {
    "holy-see": "VA",
    "west-bank": "PS",
    "palestinian-authority": "PS",
    "czechoslovakia": "CZ",
    "yugoslavia": "RS",
    "serbia-and-montenegro": "RS",
    "serbia-montenegro": "RS",
    "german-democratic-republic": "DE",
    "netherlands-antilles": "CW",
    "kosovo": "XK",
    "ussr": "RU",
    "soviet-union": "RU",
    "zaire": "CD",
    "rhodesia": "ZW",
}
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_ORG_TITLE = re.compile(
    r"secretary[- ]general|high representative|\b(?:UN|U\.N\.|NATO|EU|OAS|OSCE|IAEA|WHO)\b|"
    r"commission|director[- ]general|pope|his holiness",
    re.I,
)


# ---------------------------------------------------------------- parsing


@dataclass
class RecordEntry:
    """One entry of the record, whichever collection it comes from."""

    record_id: str
    traveler: str
    traveler_title: str
    traveler_country: str | None
    start: date
    end: date
    country: str | None
    country_name: str
    locale: str
    remarks: str
    url: str = ""
    # Country of the officials the remarks name when the extractor cannot tell.
    hosts_country: str | None = None
    # For visits the place is only known after reading the description.
    place_hint: ExtractedPlace | None = None

    @property
    def number(self) -> int:
        digits = self.record_id.rsplit(":", 1)[-1]
        return int(digits) if digits.isdigit() else 0


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def record_country(country_id: str, name: str) -> str | None:
    """The ISO alpha-2 code of a record's country (its id like "korea-south", its name)."""
    name = name.replace("’", "'")
    forms = [name, _PARENTHETICAL.sub("", name)]
    if "," in name:
        head, _, tail = _PARENTHETICAL.sub("", name).partition(",")
        forms += [f"{tail.strip()} {head.strip()}", head.strip()]
    words = country_id.split("-")
    forms += [" ".join(words), " ".join(reversed(words))]
    for form in forms:
        code = gz.country_code(form.strip())
        if code:
            return code
    return _RECORD_COUNTRIES.get(country_id)


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path


def parse_travels(paths: Iterable[str | Path]) -> list[RecordEntry]:
    """Every trip entry of the travels XML files (and folders of them) given."""
    entries = []
    for path in _files(paths):
        root = ET.parse(path).getroot()
        if root.tag != "trips":
            continue
        for trip in root.iter("trip"):
            start = _date(_text(trip.find("start-date")))
            if start is None:
                continue
            end = _date(_text(trip.find("end-date"))) or start
            role = trip.get("role") or _text(trip.find("role"))
            who = trip.get("who") or ""
            country = trip.find("country")
            country_name = _text(country)
            code = record_country(
                country.get("id", "") if country is not None else "", country_name
            )
            entries.append(
                RecordEntry(
                    record_id=f"travels:{_text(trip.find('id'))}",
                    traveler=_PARENTHETICAL.sub("", _text(trip.find("name"))).strip(),
                    traveler_title=ROLE_TITLES.get(role, role.title()),
                    traveler_country="US",
                    start=start,
                    end=max(end, start),
                    country=code,
                    country_name=_PARENTHETICAL.sub("", country_name).strip() or country_name,
                    locale=_text(trip.find("locale")),
                    remarks=_text(trip.find("remarks")),
                    url=TRAVELS_URL.format(role=role, who=who) if who else "",
                    hosts_country=code,
                )
            )
    return entries


def split_title(visitor: str) -> tuple[str | None, str]:
    """ "Prime Minister Kyriakos Mitsotakis" -> ("Prime Minister", "Kyriakos Mitsotakis")."""
    visitor = " ".join(visitor.split())
    match = titles.title_regex().match(visitor)
    if match and match.end() < len(visitor):
        return match.group("title"), visitor[match.end() :].strip(" ,")
    return None, visitor


def parse_visits(paths: Iterable[str | Path]) -> list[RecordEntry]:
    """Every visit entry of the visits XML files (and folders of them) given."""
    entries = []
    for path in _files(paths):
        root = ET.parse(path).getroot()
        if root.tag != "visits":
            continue
        for visit in root.iter("visit"):
            start = _date(_text(visit.find("start-date")))
            if start is None:
                continue
            end = _date(_text(visit.find("end-date"))) or start
            origin = visit.find("from")
            origin_id = origin.get("id", "") if origin is not None else ""
            title, name = split_title(_text(visit.find("visitor")))
            if not name:
                continue
            entries.append(
                RecordEntry(
                    record_id=f"visits:{_text(visit.find('id'))}",
                    traveler=name,
                    traveler_title=title or "",
                    traveler_country=record_country(origin_id, _text(origin)),
                    start=start,
                    end=max(end, start),
                    country="US",
                    country_name="United States",
                    locale="",
                    remarks=_text(visit.find("description")),
                    url=VISITS_URL.format(country=origin_id) if origin_id else "",
                    hosts_country="US",
                )
            )
    return entries


# ---------------------------------------------------------------- places


def entry_place(entry: RecordEntry) -> ExtractedPlace:
    """The place of an entry: the first city of its locale found in its country, with
    coordinates; the country itself when the locale is empty; the locale as written
    (no coordinates) when the gazetteer does not know it."""
    if entry.place_hint is not None:
        return entry.place_hint
    preferred = frozenset({entry.country}) if entry.country else frozenset()
    locale = _PARENTHETICAL.sub("", entry.locale)
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


# ---------------------------------------------------------------- people


@dataclass(frozen=True)
class _President:
    name: str
    surname: str
    start: date
    end: date


@lru_cache(maxsize=8)
def _presidents(path: str) -> tuple[_President, ...]:
    file = Path(path)
    if not file.is_file():
        return ()
    out = []
    for item in ET.parse(file).getroot().iter("president"):
        name = _PARENTHETICAL.sub("", _text(item.find("name"))).strip()
        start = _date(_text(item.find("took-office-date")))
        end = _date(_text(item.find("left-office-date"))) or date.max
        if name and start:
            out.append(_President(name, normalize_name(name).split()[-1], start, end))
    return tuple(out)


def short_name(name: str) -> str:
    """First and last word of a full name: "Antony John Blinken" -> "Antony Blinken"."""
    words = name.split()
    return f"{words[0]} {words[-1]}" if len(words) > 2 else ""


# ---------------------------------------------------------------- import


@dataclass
class ImportSummary:
    entries: int = 0
    trips_created: int = 0
    trips_extended: int = 0
    trips_existing: int = 0
    stops_created: int = 0
    stops_existing: int = 0
    engagements_created: int = 0
    engagements_existing: int = 0
    articles_created: int = 0
    officials_created: int = 0
    seconds: float = 0.0
    unplaced: list[str] = field(default_factory=list)

    @property
    def created_anything(self) -> bool:
        return bool(
            self.trips_created
            + self.trips_extended
            + self.stops_created
            + self.engagements_created
            + self.articles_created
            + self.officials_created
        )

    def lines(self) -> list[str]:
        return [
            f"entries: {self.entries}",
            f"trips: {self.trips_created} created, {self.trips_extended} extended, "
            f"{self.trips_existing} existing",
            f"stops: {self.stops_created} created, {self.stops_existing} existing",
            f"engagements: {self.engagements_created} created, "
            f"{self.engagements_existing} existing",
            f"articles: {self.articles_created} created",
            f"officials: {self.officials_created} created",
            f"places without coordinates: {len(self.unplaced)}",
            f"time: {self.seconds:.1f} s",
        ]


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


class RecordImporter:
    """Imports record entries; looks each traveler, official and place up once per run."""

    def __init__(
        self,
        *,
        presidents: str | Path | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.presidents = _presidents(str(presidents)) if presidents else ()
        self.progress = progress or (lambda n: None)
        self.merge = MergeResult()  # carries the country and place caches of place_resolve
        self.travelers: dict[tuple[str, str], Official] = {}
        self.officials: dict[tuple[str, str | None, str | None], Official] = {}
        self.summary = ImportSummary()
        self._ambiguous: set[str] = set()

    # -- people

    def _note_short_names(self, entries: list[RecordEntry]) -> None:
        """Short forms two people share ("George Bush") are never used as aliases."""
        owners: dict[str, set[str]] = {}
        names = {e.traveler for e in entries} | {p.name for p in self.presidents}
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
                countries=self.merge.countries,
            )
            self.travelers[key] = person
        return person

    def _president_on(self, surname: str, day: date) -> _President | None:
        for president in self.presidents:
            if president.surname == surname and president.start <= day <= president.end:
                return president
        return None

    def official_for(self, extracted, entry: RecordEntry) -> Official:
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
                countries=self.merge.countries,
            )
            self.officials[key] = person
        return person

    # -- the run

    def run(self, entries: list[RecordEntry]) -> ImportSummary:
        began = time.perf_counter()
        officials_before = Official.objects.count()
        self._note_short_names(entries)
        self.summary.entries += len(entries)
        for group in group_trips(entries):
            with transaction.atomic():
                self._import_trip(group)
            self.progress(len(group))
        self.summary.officials_created += Official.objects.count() - officials_before
        self.summary.seconds += time.perf_counter() - began
        return self.summary

    def _import_trip(self, group: list[RecordEntry]) -> None:
        summary = self.summary
        known = dict(
            Stop.objects.filter(record_id__in=[e.record_id for e in group]).values_list(
                "record_id", "trip_id"
            )
        )
        new = [e for e in group if e.record_id not in known]
        summary.stops_existing += len(group) - len(new)
        if known:
            summary.engagements_existing += Engagement.objects.filter(
                stop__record_id__in=list(known), origin=Origin.RECORD
            ).count()
        if not new:
            summary.trips_existing += 1
            return
        traveler = self.traveler_for(group[0])
        trip = self._trip_for(traveler, group, known)
        places = [place_resolve(entry_place(e), self.merge) for e in new]
        for entry, place in zip(new, places, strict=True):
            if place is not None and place.latitude is None:
                summary.unplaced.append(f"{entry.record_id}: {entry.locale or entry.country_name}")
        if trip is None:
            trip = Trip.objects.create(
                traveler=traveler,
                origin=Origin.RECORD,
                title=_trip_title(group)[:300],
                start=min(e.start for e in group),
                end=max(e.end for e in group),
            )
            summary.trips_created += 1
            first_order = 1
        else:
            summary.trips_extended += 1
            first_order = (trip.stops.aggregate(last=Max("order"))["last"] or 0) + 1
        stops = Stop.objects.bulk_create(
            Stop(
                trip=trip,
                order=first_order + i,
                place=place,
                start=entry.start,
                end=entry.end,
                precision=Precision.DAY,
                origin=Origin.RECORD,
                record_id=entry.record_id,
            )
            for i, (entry, place) in enumerate(zip(new, places, strict=True))
        )
        summary.stops_created += len(stops)
        if first_order > 1:
            trip_renumber(trip)
        self._write_sources(traveler, new, stops)

    def _trip_for(
        self, traveler: Official, group: list[RecordEntry], known: dict[str, int]
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

    def _write_sources(
        self, traveler: Official, entries: list[RecordEntry], stops: list[Stop]
    ) -> None:
        """An article per entry, the stop's citation, and the engagements its remarks name."""
        texts = []
        documents = []
        for entry, stop in zip(entries, stops, strict=True):
            header = _header(entry, stop)
            text = f"{header}\n\n{entry.remarks}" if entry.remarks else header
            texts.append((header, text))
            documents.append(extract(entry.remarks, entry.start) if entry.remarks else None)
        shas = [text_sha256(text) for _, text in texts]
        existing = set(Article.objects.filter(sha256__in=shas).values_list("sha256", flat=True))
        fresh = [
            Article(
                title=header[:500],
                url=entry.url,
                source=SOURCE,
                published=entry.start,
                text=text,
                sha256=sha,
                status=Article.Status.EXTRACTED,
                extractor_version=EXTRACTOR_VERSION,
                extraction=document.to_dict() if document else None,
            )
            for entry, (header, text), sha, document in zip(
                entries, texts, shas, documents, strict=True
            )
            if sha not in existing
        ]
        # bulk_create skips Article.save(): record entries get no near-duplicate signature,
        # which is meant for news reports republished by several outlets.
        Article.objects.bulk_create(fresh, ignore_conflicts=True)
        self.summary.articles_created += len(fresh)
        articles = {a.sha256: a for a in Article.objects.filter(sha256__in=shas)}

        citations: list[Citation] = []
        pending: list[tuple[Engagement, list[tuple[Official, str]], tuple[int, int], Article]] = []
        for entry, stop, (header, text), sha, document in zip(
            entries, stops, texts, shas, documents, strict=True
        ):
            article = articles[sha]
            citations.append(
                Citation(article=article, start=0, end=len(header), quote=header, stop=stop)
            )
            if document is None:
                continue
            offset = len(header) + 2
            for engagement, people, span in self._engagements(
                traveler, entry, stop, document, offset, text
            ):
                pending.append((engagement, people, span, article))
        created = Engagement.objects.bulk_create(item[0] for item in pending)
        self.summary.engagements_created += len(created)
        participants = []
        for engagement, (_, people, (start, end), article) in zip(created, pending, strict=True):
            participants += [
                Participant(engagement=engagement, official=person, role=role)
                for person, role in people
            ]
            citations.append(
                Citation(
                    article=article,
                    start=start,
                    end=end,
                    quote=article.text[start:end],
                    engagement=engagement,
                )
            )
        Participant.objects.bulk_create(participants, ignore_conflicts=True)
        Citation.objects.bulk_create(citations)

    def _engagements(self, traveler, entry, stop, document, offset, text):
        """Engagements the remarks name: a meeting with several officials becomes one
        meeting with each ("met with the President and the Prime Minister")."""
        host_role = (
            Participant.Role.HOST
            if entry.record_id.startswith("visits:")
            else Participant.Role.PARTICIPANT
        )
        extracted_officials = {o.name: o for o in document.officials}
        for extracted in document.engagements:
            people = []
            for name in extracted.participants:
                info = extracted_officials.get(name)
                if info is None:
                    continue
                if _same_person(info.name, traveler.name):
                    continue
                person = self.official_for(info, entry)
                if person.pk != traveler.pk and person not in people:
                    people.append(person)
            if not people:
                continue
            if extracted.evidence:
                a, b = extracted.evidence[0]
                span = sentence_around(text, offset + a, offset + b)
            else:
                span = (offset, len(text))
            if span[0] >= span[1]:
                span = (offset, len(text))
            kind = extracted.kind if extracted.kind in Engagement.Kind.values else "other"
            groups = [[p] for p in people] if kind == Engagement.Kind.MEETING else [people]
            for group in groups:
                engagement = Engagement(
                    kind=kind,
                    title=(extracted.title or "")[:300],
                    place=stop.place,
                    start=entry.start,
                    end=entry.end,
                    precision=Precision.DAY,
                    status=Engagement.Status.HELD,
                    confidence=round(max(0.0, min(extracted.confidence, 1.0)), 3),
                    origin=Origin.RECORD,
                    stop=stop,
                )
                roles = [(traveler, Participant.Role.TRAVELER)] + [(p, host_role) for p in group]
                yield engagement, roles, span


def _same_person(name: str, full_name: str) -> bool:
    """ "Blinken" or "Antony Blinken" in the remarks of Antony John Blinken's own entry."""
    words, full = normalize_name(name).split(), normalize_name(full_name).split()
    return bool(words) and words[-1] == full[-1] and set(words) <= set(full)


def _header(entry: RecordEntry, stop: Stop) -> str:
    """The first line of an entry's article: who, where and when (unique per entry)."""
    where = stop.place.name
    if entry.country_name and normalize_name(entry.country_name) != normalize_name(where):
        where = f"{where}, {entry.country_name}"
    if entry.locale and normalize_name(entry.locale) != normalize_name(stop.place.name):
        where = f"{where} ({entry.locale})"
    who = f"{entry.traveler_title} {entry.traveler}".strip()
    if entry.record_id.startswith("visits:"):
        origin = f" of {entry.traveler_country}" if entry.traveler_country else ""
        return (
            f"Visit of {who}{origin} to the United States: {where}, "
            f"{entry.start:%Y-%m-%d} to {entry.end:%Y-%m-%d} (record {entry.record_id})."
        )
    return (
        f"{who} in {where}, {entry.start:%Y-%m-%d} to {entry.end:%Y-%m-%d} "
        f"(record {entry.record_id})."
    )


def _trip_title(group: list[RecordEntry]) -> str:
    names: list[str] = []
    for entry in group:
        if entry.country_name and entry.country_name not in names:
            names.append(entry.country_name)
    if group[0].record_id.startswith("visits:"):
        return f"{group[0].traveler}: visit to the United States"
    return f"{group[0].traveler}: {', '.join(names)}"


def import_travels(
    paths: Iterable[str | Path],
    *,
    presidents: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    entries = parse_travels(paths)
    return RecordImporter(presidents=presidents, progress=progress).run(entries)


def visits_with_places(entries: list[RecordEntry]) -> list[RecordEntry]:
    for entry in entries:
        if entry.place_hint is None:
            entry.place_hint = visit_place(entry.remarks, entry.start)
    return entries


def import_visits(
    paths: Iterable[str | Path],
    *,
    presidents: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    entries = visits_with_places(parse_visits(paths))
    return RecordImporter(presidents=presidents, progress=progress).run(entries)


def presidents_file_near(paths: Iterable[str | Path]) -> Path | None:
    """The travels collection's presidents.xml, looked for beside and above the paths."""
    for raw in paths:
        path = Path(raw).resolve()
        for folder in [path, *path.parents][:4]:
            for candidate in (
                folder / "presidents" / "presidents.xml",
                folder / "hsg-travels" / "presidents" / "presidents.xml",
            ):
                if candidate.is_file():
                    return candidate
    return None


# ---------------------------------------------------------------- reconciliation write


def stop_accept_record_dates(*, stop: Stop, record: Stop, editor=None) -> Stop:
    """Give an extracted stop the dates of the official record's stop, as an edit."""
    with transaction.atomic():
        locked = Stop.objects.select_for_update().get(pk=stop.pk)
        locked.start, locked.end = record.start, record.end or record.start
        locked.precision = record.precision if record.start else Precision.UNKNOWN
        edited = list(locked.edited_fields)
        for name in ("start", "end", "precision"):
            if name not in edited:
                edited.append(name)
        locked.edited_fields = edited
        locked.version += 1  # the row is locked: a plain increment is safe
        locked.save(
            update_fields=["start", "end", "precision", "edited_fields", "version", "updated_at"]
        )
        locked.refresh_from_db()
        trip_renumber(locked.trip)
    return locked


__all__ = [
    "ImportSummary",
    "RecordEntry",
    "RecordImporter",
    "group_trips",
    "import_travels",
    "import_visits",
    "parse_travels",
    "parse_visits",
    "stop_accept_record_dates",
]
