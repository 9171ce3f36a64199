"""Documents: one article's extraction folded into the record, and what re-extraction prunes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import Q

from diplomacy.locks import keys_lock
from diplomacy.models import Origin, Review
from diplomacy.text import normalize_name
from engagements.models import Agreement, Citation, Engagement, Stop, Trip
from people.models import Official
from people.services import NameMention, OfficialResolver, countries_load

from .agreements import agreement_merge, agreements_load, agreements_write
from .common import MergeResult, citations_write, cite, updates_write
from .dates import DateRange, date_range
from .engagements import engagement_merge, engagements_load, engagements_write
from .places import place_key, places_create, places_load
from .trips import (
    engagements_attach_to_stops,
    trip_companion_link,
    trip_merge_stops,
    trip_renumber,
    trip_search_ranges,
    trips_load,
    trips_write,
)

if TYPE_CHECKING:
    from extraction.models import Document
    from extraction.models import Place as ExtractedPlace
    from extraction.models import Trip as ExtractedTrip
    from reports.models import Article


def article_citations_clear(article: Article) -> None:
    """Forget what an earlier extraction of this article cited (before re-extracting it)."""
    Citation.objects.filter(article=article).delete()


def uncited_facts_prune() -> None:
    """Drop extracted facts no report supports any more, unless a person touched them."""
    untouched = Q(origin=Origin.EXTRACTED, review=Review.UNREVIEWED, edited_fields=[])
    Engagement.objects.filter(untouched, citations__isnull=True).delete()
    Agreement.objects.filter(untouched, citations__isnull=True).delete()
    orphan_stops = Stop.objects.filter(untouched, citations__isnull=True, engagements__isnull=True)
    trips = set(orphan_stops.values_list("trip_id", flat=True))
    orphan_stops.delete()
    Trip.objects.filter(untouched, stops__isnull=True).delete()
    for trip in Trip.objects.filter(pk__in=trips):
        trip_renumber(trip)


def _places(document: Document) -> list[ExtractedPlace | None]:
    return [e.place for e in document.engagements] + [
        s.place for t in document.trips for s in t.stops
    ]


def _lock_keys(document: Document, places: dict) -> set[str]:
    """What one merge looks up by name: two merges sharing none cannot create the same fact.

    Places already on record (in `places`, the merge's cache) need no lock: only
    their creation could race.
    """
    names = set()
    for official in document.officials:
        names |= {official.name, *official.aliases}
    for engagement in document.engagements:
        names |= set(engagement.participants)
    names |= {trip.traveler for trip in document.trips}
    names |= {name for trip in document.trips for name in trip.companions}
    keys = {f"name:{normalize_name(n)}" for n in names}
    for place in _places(document):
        if place is not None and place.name and place_key(place) not in places:
            keys.add(f"place:{place_key(place)[0]}")
    for agreement in document.agreements:
        keys |= {f"agreement:{normalize_name(n)}" for n in [agreement.name, *agreement.aliases]}
    return keys


def document_merge(*, article: Article, document: Document) -> MergeResult:
    """Fold one article's extraction into the record. Call inside a transaction."""
    return documents_merge([(article, document)])


def documents_merge(items: Sequence[tuple[Article, Document]]) -> MergeResult:
    """Fold several articles' extractions into the record at once. Call inside a transaction.

    Each kind of fact is looked up once for all the articles and written once at the end,
    a few statements per kind; in between the articles are merged in memory in order, a
    later one finding what an earlier one created, as if they were merged one by one.

    On PostgreSQL it first locks the names, places and agreements it will look up, then
    the officials they resolve to, so merges about different people run side by side and
    merges about the same people queue (see diplomacy.locks).
    """
    result = MergeResult()
    documents = [document for _, document in items]
    places = [p for d in documents for p in _places(d)]
    countries_load(
        [o.country for d in documents for o in d.officials]
        + [p.country for p in places if p is not None]
        + [c for d in documents for a in d.agreements for c in a.parties],
        result.countries,
    )
    places_load(places, result)
    keys_lock("merge", set().union(*(_lock_keys(d, result.places) for d in documents)))
    places_create(places, result)
    resolver = OfficialResolver(countries=result.countries)
    named = _officials_resolve(items, resolver, result)
    keys_lock("official", {str(p.pk) for officials in named for p in officials.values()})
    _record_load(items, named, resolver.created, result)
    for (article, document), officials in zip(items, named, strict=True):
        engagements = [
            engagement_merge(article=article, extracted=e, officials=officials, result=result)
            for e in document.engagements
            if e.participants
        ]
        for extracted_trip in document.trips:
            traveler = officials[extracted_trip.traveler]
            merged = trip_merge_stops(
                article=article, traveler=traveler, stops=extracted_trip.stops, result=result
            )
            if merged is None:
                continue
            engagements_attach_to_stops(traveler, merged[1], engagements, result)
            # each companion: a trip of their own with the same stops, linked to this one
            for companion in _companions(extracted_trip, officials, traveler):
                theirs = trip_merge_stops(
                    article=article, traveler=companion, stops=extracted_trip.stops, result=result
                )
                if theirs is not None:
                    engagements_attach_to_stops(companion, theirs[1], engagements, result)
                    trip_companion_link(trip=theirs[0], principal=merged[0], result=result)
        for extracted in document.agreements:
            agreement_merge(article=article, extracted=extracted, result=result)
    trips_write(result)
    engagements_write(result)
    agreements_write(result)
    updates_write(result)
    citations_write(result)
    return result


def _companions(
    extracted: ExtractedTrip, officials: dict[str, Official], traveler: Official
) -> list[Official]:
    """The officials travelling with the trip's traveler, each once."""
    out: list[Official] = []
    for name in extracted.companions:
        person = officials.get(name)
        if person is not None and person.pk != traveler.pk and person not in out:
            out.append(person)
    return out


def _officials_resolve(
    items: Sequence[tuple[Article, Document]], resolver: OfficialResolver, result: MergeResult
) -> list[dict[str, Official]]:
    """Per article, its names resolved to officials: looked up together, new ones saved together."""
    mentions, others = [], []
    for _, document in items:
        mentions.append(
            [
                NameMention(
                    name=o.name, country_code=o.country, aliases=tuple(o.aliases), title=o.title
                )
                for o in document.officials
            ]
        )
        named = {o.name for o in document.officials}
        others.append(
            [
                name
                for name in dict.fromkeys(
                    [n for e in document.engagements for n in e.participants]
                    + [t.traveler for t in document.trips]
                    + [n for t in document.trips for n in t.companions]
                )
                if name not in named
            ]
        )
    resolver.prepare(
        [m for ms in mentions for m in ms] + [NameMention(name=n) for ns in others for n in ns]
    )
    resolved = []
    for (article, document), its_mentions, its_others in zip(items, mentions, others, strict=True):
        officials: dict[str, Official] = {}
        for extracted, mention in zip(document.officials, its_mentions, strict=True):
            person = resolver.resolve(mention)
            officials[extracted.name] = person
            result.officials.append(person)
            if extracted.mentions:
                cite(article, extracted.mentions[0], result, official=person)
        for name in its_others:
            officials[name] = resolver.resolve(NameMention(name=name))
        resolved.append(officials)
    resolver.save()
    return resolved


def _record_load(
    items: Sequence[tuple[Article, Document]],
    named: list[dict[str, Official]],
    created: set[int],
    result: MergeResult,
) -> None:
    """Look up, once for all the articles, the engagements, trips and agreements they may repeat.

    Officials created by this merge have none on record: nothing is looked up for them.
    """
    wanted: list[tuple[set[int], DateRange | None]] = []
    travelers: set[int] = set()
    ranges: set[DateRange] = set()
    for (article, document), officials in zip(items, named, strict=True):
        for engagement in document.engagements:
            people = {officials[name].pk for name in engagement.participants}
            if people and not people & created:
                wanted.append((people, date_range(engagement.start, engagement.end)))
        for trip in document.trips:
            # the traveler's trips, and the companions' trips that take the same stops
            for name in [trip.traveler, *trip.companions]:
                traveler = officials[name].pk
                if traveler not in created:
                    travelers.add(traveler)
                    ranges |= trip_search_ranges(article.published, trip.stops)
    engagements_load(result, wanted)
    trips_load(result, travelers, ranges)
    agreements_load(result, [a for d in (d for _, d in items) for a in d.agreements])
