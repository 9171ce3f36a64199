"""Writing the record: each entry becomes a record `Stop` with its `Article` and citation.

A stop has origin "record" and ``record_id`` "travels:<id>" or "visits:<id>", which is what
makes a second import add nothing. Entries grouped into one trip (see `match.group_trips`)
join one `Trip`. The remarks go through the extractor, and the officials it names become
engagements at that stop, each cited from the entry's article.

Also here: `stop_accept_record_dates`, the one write of the reconciliation page.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Max

from diplomacy.models import Origin, Precision
from diplomacy.text import normalize_name, sentence_around
from engagements.models import Citation, Engagement, Participant, Stop, Trip
from engagements.services import MergeResult, confidence, place_resolve, trip_renumber
from extraction import EXTRACTOR_VERSION, Document, extract
from people.models import Official
from reports.models import Article, text_sha256

from .match import (
    RecordPeople,
    entry_place,
    group_trips,
    imported_stops,
    record_trip_for,
    same_person,
    visits_with_places,
)
from .parse import RecordEntry, parse_presidents, parse_travels, parse_visits

SOURCE = "Office of the Historian"


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


# An engagement to create, with its participants (and roles), its quoted span and article.
Pending = tuple[Engagement, list[tuple[Official, str]], tuple[int, int], Article]


class RecordImporter:
    """Imports record entries; looks each traveler, official and place up once per run."""

    def __init__(
        self,
        *,
        presidents: str | Path | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.progress = progress or (lambda n: None)
        self.merge = MergeResult()  # carries the country and place caches of place_resolve
        self.people = RecordPeople(
            presidents=parse_presidents(str(presidents)) if presidents else (),
            countries=self.merge.countries,
        )
        self.summary = ImportSummary()

    def run(self, entries: list[RecordEntry]) -> ImportSummary:
        began = time.perf_counter()
        officials_before = Official.objects.count()
        self.people.note_short_names(entries)
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
        known = imported_stops(group)
        new = [e for e in group if e.record_id not in known]
        summary.stops_existing += len(group) - len(new)
        if known:
            summary.engagements_existing += Engagement.objects.filter(
                stop__record_id__in=list(known), origin=Origin.RECORD
            ).count()
        if not new:
            summary.trips_existing += 1
            return
        traveler = self.people.traveler_for(group[0])
        trip = record_trip_for(traveler, group, known)
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
        pending: list[Pending] = []
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

    def _engagements(
        self,
        traveler: Official,
        entry: RecordEntry,
        stop: Stop,
        document: Document,
        offset: int,
        text: str,
    ) -> Iterator[tuple[Engagement, list[tuple[Official, str]], tuple[int, int]]]:
        """Engagements the remarks name: a meeting with several officials becomes one
        meeting with each ("met with the President and the Prime Minister")."""
        host_role = Participant.Role.HOST if entry.is_visit else Participant.Role.PARTICIPANT
        extracted_officials = {o.name: o for o in document.officials}
        for extracted in document.engagements:
            people = []
            for name in extracted.participants:
                info = extracted_officials.get(name)
                if info is None:
                    continue
                if same_person(info.name, traveler.name):
                    continue
                person = self.people.official_for(info, entry)
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
                    confidence=confidence(extracted.confidence),
                    origin=Origin.RECORD,
                    stop=stop,
                )
                roles = [(traveler, Participant.Role.TRAVELER)] + [(p, host_role) for p in group]
                yield engagement, roles, span


def _header(entry: RecordEntry, stop: Stop) -> str:
    """The first line of an entry's article: who, where and when (unique per entry)."""
    where = stop.place.name
    if entry.country_name and normalize_name(entry.country_name) != normalize_name(where):
        where = f"{where}, {entry.country_name}"
    if entry.locale and normalize_name(entry.locale) != normalize_name(stop.place.name):
        where = f"{where} ({entry.locale})"
    who = f"{entry.traveler_title} {entry.traveler}".strip()
    if entry.is_visit:
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
    if group[0].is_visit:
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


def import_visits(
    paths: Iterable[str | Path],
    *,
    presidents: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    entries = visits_with_places(parse_visits(paths))
    return RecordImporter(presidents=presidents, progress=progress).run(entries)


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
