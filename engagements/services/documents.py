"""Documents: one article's extraction folded into the record, and what re-extraction prunes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from diplomacy.locks import keys_lock
from diplomacy.models import Origin, Review
from diplomacy.text import normalize_name
from engagements.models import Agreement, Citation, Engagement, Stop, Trip
from people.models import Official
from people.services import NameMention, OfficialResolver, countries_load

from .agreements import agreement_merge
from .common import MergeResult, citations_write, cite
from .engagements import engagement_merge, engagements_write
from .places import place_key, places_load
from .trips import engagements_attach_to_stops, trip_merge_stops, trip_renumber

if TYPE_CHECKING:
    from extraction.models import Document
    from extraction.models import Place as ExtractedPlace
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
    keys = {f"name:{normalize_name(n)}" for n in names}
    for place in _places(document):
        if place is not None and place.name and place_key(place) not in places:
            keys.add(f"place:{place_key(place)[0]}")
    for agreement in document.agreements:
        keys |= {f"agreement:{normalize_name(n)}" for n in [agreement.name, *agreement.aliases]}
    return keys


def document_merge(*, article: Article, document: Document) -> MergeResult:
    """Fold one article's extraction into the record. Call inside a transaction.

    On PostgreSQL it first locks the names, places and agreements it will look
    up, then the officials they resolve to, so merges of articles about
    different people run side by side and merges about the same people queue.
    """
    result = MergeResult()
    countries_load(
        [o.country for o in document.officials]
        + [p.country for p in _places(document) if p is not None]
        + [c for a in document.agreements for c in a.parties],
        result.countries,
    )
    places_load(_places(document), result)
    keys_lock("merge", _lock_keys(document, result.places))
    resolver = OfficialResolver(countries=result.countries)
    mentions = [
        NameMention(name=o.name, country_code=o.country, aliases=tuple(o.aliases), title=o.title)
        for o in document.officials
    ]
    named = {o.name for o in document.officials}
    others = [
        name
        for name in dict.fromkeys(
            [n for e in document.engagements for n in e.participants]
            + [t.traveler for t in document.trips]
        )
        if name not in named
    ]
    resolver.prepare([*mentions, *(NameMention(name=n) for n in others)])
    officials: dict[str, Official] = {}
    for extracted, mention in zip(document.officials, mentions, strict=True):
        person = resolver.resolve(mention)
        officials[extracted.name] = person
        result.officials.append(person)
        if extracted.mentions:
            cite(article, extracted.mentions[0], result, official=person)
    for name in others:
        officials[name] = resolver.resolve(NameMention(name=name))
    resolver.save()
    keys_lock("official", {str(p.pk) for p in officials.values()})
    engagements = [
        engagement_merge(article=article, extracted=e, officials=officials, result=result)
        for e in document.engagements
        if e.participants
    ]
    for extracted_trip in document.trips:
        traveler = officials[extracted_trip.traveler]
        merged = trip_merge_stops(
            article=article,
            traveler=traveler,
            stops=extracted_trip.stops,
            result=result,
            new_traveler=traveler.pk in resolver.created,
        )
        if merged is not None:
            engagements_attach_to_stops(traveler, merged[1], engagements, result)
    engagements_write(result)
    for extracted in document.agreements:
        agreement_merge(article=article, extracted=extracted, result=result)
    citations_write(result)
    return result
