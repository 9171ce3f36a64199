"""Writes for engagements, trips, stops, agreements and citations.

`document_merge` folds one article's extraction into the record: officials are
resolved to people already known, a meeting already on record gains a citation
instead of becoming a duplicate, stops join the traveler's trip, agreements are
matched by name or alias. Fields an editor changed are never overwritten;
re-extraction adds citations and fills blanks only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q

from diplomacy.models import Origin, Precision, Review
from diplomacy.text import normalize_name, sentence_around
from people.models import Official
from people.services import country_by_code, official_resolve

from .models import (
    Agreement,
    AgreementAlias,
    Citation,
    Engagement,
    Participant,
    Place,
    Stop,
    Trip,
)

if TYPE_CHECKING:
    from extraction.models import Document, TripStop
    from extraction.models import Engagement as ExtractedEngagement
    from extraction.models import Place as ExtractedPlace
    from reports.models import Article

# Finer precision first: a merge keeps the finest dates any report gave.
PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.UNKNOWN: 3}
# Stops of one traveler this close in time belong to one journey.
TRIP_GAP = timedelta(days=2)
DATE_SLACK = timedelta(days=1)


@dataclass
class MergeResult:
    """What a merge did, plus what it looked up once and the citations it will write."""

    officials: list[Official] = field(default_factory=list)
    countries: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    citations: dict = field(default_factory=dict)
    engagements_created: int = 0
    engagements_matched: int = 0
    stops_created: int = 0
    stops_matched: int = 0
    agreements_created: int = 0
    agreements_matched: int = 0


# ---------------------------------------------------------------- citations


def cite(
    article: Article, span: tuple[int, int] | list[int], result: MergeResult, **target
) -> None:
    """Cite the sentence around span for one fact; written by `citations_write`, once each."""
    start, end = int(span[0]), int(span[1])
    if not (0 <= start < end <= len(article.text)):
        return
    start, end = sentence_around(article.text, start, end)
    if start >= end:
        return
    ((name, fact),) = target.items()
    key = (name, fact.pk, start, end)
    result.citations.setdefault(
        key,
        Citation(article=article, start=start, end=end, quote=article.text[start:end], **target),
    )


def citations_write(result: MergeResult) -> None:
    Citation.objects.bulk_create(result.citations.values())
    result.citations.clear()


# ---------------------------------------------------------------- places


def place_resolve(
    extracted: ExtractedPlace | None, result: MergeResult | None = None
) -> Place | None:
    """The Place for an extracted place, created (with coordinates) when new."""
    if extracted is None or not extracted.name:
        return None
    cache = result.places if result is not None else {}
    key = (normalize_name(extracted.name), (extracted.country or "").upper())
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


# ---------------------------------------------------------------- dates


def _range(start: date | None, end: date | None) -> tuple[date, date] | None:
    if start is None:
        return None
    return start, end or start


def dates_compatible(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Two date ranges that may be the same event: overlapping, give or take a day."""
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] + DATE_SLACK and b[0] <= a[1] + DATE_SLACK


def _finer(new_precision: str, old_precision: str) -> bool:
    return PRECISION_RANK.get(new_precision, 3) < PRECISION_RANK.get(old_precision, 3)


# ---------------------------------------------------------------- engagements


def _engagement_match(
    people: set[int], place: Place | None, when: tuple[date, date] | None, kind: str
) -> Engagement | None:
    """An engagement on record with the same participants, compatible dates and place."""
    if not people:
        return None
    candidates = (
        Engagement.objects.filter(participations__official__in=people)
        .annotate(
            shared=Count("participations", filter=Q(participations__official__in=people)),
            total=Count("participations"),
        )
        .filter(shared=len(people), total=len(people))
    )
    if when is not None:
        candidates = candidates.filter(
            Q(start__isnull=True)
            | Q(start__lte=when[1] + DATE_SLACK, end__gte=when[0] - DATE_SLACK)
            | Q(start__lte=when[1] + DATE_SLACK, end__isnull=True)
        )
    for candidate in candidates.select_related("place").order_by("pk"):
        if place and candidate.place_id and candidate.place_id != place.pk:
            continue
        theirs = _range(candidate.start, candidate.end)
        if dates_compatible(when, theirs):
            return candidate
        # one report gives no date: the same people at the same place doing the same thing
        one_undated = (when is None) != (theirs is None)
        if one_undated and candidate.kind == kind and place and candidate.place_id == place.pk:
            return candidate
    return None


def _fill_engagement(engagement: Engagement, extracted: ExtractedEngagement, place: Place | None):
    """Fill blanks and sharpen dates from another report; never touch edited fields."""
    edited = set(engagement.edited_fields)
    changed = []
    if extracted.title and not engagement.title and "title" not in edited:
        engagement.title = extracted.title[:300]
        changed.append("title")
    if place and engagement.place_id is None and "place" not in edited:
        engagement.place = place
        changed.append("place")
    if (
        extracted.start
        and not edited & {"start", "end", "precision"}
        and _finer(extracted.precision, engagement.precision)
    ):
        engagement.start, engagement.end = extracted.start, extracted.end or extracted.start
        engagement.precision = extracted.precision
        changed += ["start", "end", "precision"]
    if "status" not in edited:
        status = _merged_status(engagement.status, extracted.status)
        if status != engagement.status:
            engagement.status = status
            changed.append("status")
    if extracted.confidence > engagement.confidence and engagement.review == Review.UNREVIEWED:
        engagement.confidence = round(min(extracted.confidence, 1.0), 3)
        changed.append("confidence")
    if changed:
        engagement.version += 1
        engagement.save(update_fields=[*changed, "version", "updated_at"])


def _merged_status(old: str, new: str) -> str:
    """A scheduled event later reported held (or cancelled) takes the newer status."""
    if old == Engagement.Status.UNKNOWN:
        return new
    if old == Engagement.Status.SCHEDULED and new in (
        Engagement.Status.HELD,
        Engagement.Status.CANCELLED,
    ):
        return new
    return old


def engagement_merge(
    *,
    article: Article,
    extracted: ExtractedEngagement,
    officials: dict[str, Official],
    result: MergeResult,
) -> Engagement:
    people = [_official_for(name, officials) for name in extracted.participants]
    ids = {p.pk for p in people}
    place = place_resolve(extracted.place, result)
    when = _range(extracted.start, extracted.end)
    engagement = _engagement_match(ids, place, when, extracted.kind)
    if engagement is None:
        engagement = Engagement.objects.create(
            kind=extracted.kind if extracted.kind in Engagement.Kind.values else "other",
            title=(extracted.title or "")[:300],
            place=place,
            start=extracted.start,
            end=(extracted.end or extracted.start) if extracted.start else None,
            precision=extracted.precision if extracted.start else Precision.UNKNOWN,
            status=extracted.status
            if extracted.status in Engagement.Status.values
            else Engagement.Status.UNKNOWN,
            confidence=round(max(0.0, min(extracted.confidence, 1.0)), 3),
            origin=Origin.EXTRACTED,
        )
        Participant.objects.bulk_create(
            Participant(engagement=engagement, official_id=pk) for pk in ids
        )
        result.engagements_created += 1
    else:
        _fill_engagement(engagement, extracted, place)
        result.engagements_matched += 1
    for span in extracted.evidence:
        cite(article, span, result, engagement=engagement)
    return engagement


def _official_for(name: str, officials: dict[str, Official]) -> Official:
    person = officials.get(name)
    if person is None:
        person = official_resolve(name=name)
        officials[name] = person
    return person


# ---------------------------------------------------------------- trips


def _traveler_trip_near(traveler: Official, when: tuple[date, date]) -> Trip | None:
    """The traveler's trip with a stop overlapping or adjacent to these dates."""
    stop = (
        Stop.objects.filter(
            trip__traveler=traveler,
            start__lte=when[1] + TRIP_GAP,
            end__gte=when[0] - TRIP_GAP,
        )
        .exclude(review=Review.REJECTED)
        .select_related("trip")
        .order_by("trip__pk")
        .first()
    )
    return stop.trip if stop else None


def trip_renumber(trip: Trip) -> None:
    """Order the trip's stops by date (undated ones keep their place) and refresh its dates."""
    stops = list(trip.stops.order_by("order", "pk"))
    ordered: list[Stop] = []
    for stop in stops:
        if stop.start is None:
            ordered.append(stop)
            continue
        # insert before the first dated stop that starts later
        at = len(ordered)
        for i, other in enumerate(ordered):
            if other.start is not None and other.start > stop.start:
                at = i
                break
        ordered.insert(at, stop)
    if [s.order for s in ordered] != list(range(1, len(ordered) + 1)):
        # two passes keep (trip, order) unique at every step
        Stop.objects.filter(trip=trip).update(order=F("order") + 100000)
        for number, stop in enumerate(ordered, start=1):
            stop.order = number
        Stop.objects.bulk_update(ordered, ["order"])
    starts = [s.start for s in ordered if s.start]
    ends = [s.end or s.start for s in ordered if s.start]
    span = (min(starts, default=None), max(ends, default=None))
    if span != (trip.start, trip.end):
        trip.start, trip.end = span
        trip.save(update_fields=["start", "end", "updated_at"])


def _fill_stop(stop: Stop, extracted: TripStop) -> None:
    """Date an undated stop, sharpen a vague one, or widen a day-precise one to cover both."""
    if extracted.start is None or set(stop.edited_fields) & {"start", "end", "precision"}:
        return
    start, end = extracted.start, extracted.end or extracted.start
    if stop.start is not None and not _finer(extracted.precision, stop.precision):
        if not (stop.precision == extracted.precision == Precision.DAY):
            return
        start, end = min(stop.start, start), max(stop.end or stop.start, end)
    if (start, end, extracted.precision) == (stop.start, stop.end, stop.precision):
        return
    stop.start, stop.end, stop.precision = start, end, extracted.precision
    stop.version += 1
    stop.save(update_fields=["start", "end", "precision", "version", "updated_at"])


def trip_merge_stops(
    *, article: Article, traveler: Official, stops: list[TripStop], result: MergeResult
) -> Trip | None:
    """Join one article's stops for a traveler to the traveler's trip on record, or start one."""
    resolved = [(s, place_resolve(s.place, result)) for s in stops]
    resolved = [(s, p) for s, p in resolved if p is not None]
    if not resolved:
        return None
    trip = None
    for extracted, _ in resolved:
        when = _range(extracted.start, extracted.end)
        if when is not None:
            trip = _traveler_trip_near(traveler, when)
            if trip is not None:
                break
    if trip is None and article.published:
        # undated stops: the same place in a trip of the traveler around publication
        day = article.published
        places = [p.pk for _, p in resolved]
        stop = (
            Stop.objects.filter(
                trip__traveler=traveler,
                place__in=places,
                start__lte=day + timedelta(days=14),
                end__gte=day - timedelta(days=14),
            )
            .select_related("trip")
            .first()
        )
        trip = stop.trip if stop else None
    if trip is None:
        trip = Trip.objects.create(traveler=traveler, origin=Origin.EXTRACTED)
    previous: Stop | None = None
    for extracted, place in resolved:
        stop = trip.stops.filter(place=place).order_by("order").first()
        if stop is None:
            last = trip.stops.order_by("-order").values_list("order", flat=True).first() or 0
            # an undated stop follows the article's previous stop
            order = previous.order + 1 if previous and extracted.start is None else last + 1
            if order <= last:
                Stop.objects.filter(trip=trip, order__gte=order).update(order=F("order") + 100000)
                Stop.objects.filter(trip=trip, order__gte=100000 + order).update(
                    order=F("order") - 100000 + 1
                )
            stop = Stop.objects.create(
                trip=trip,
                order=order,
                place=place,
                start=extracted.start,
                end=(extracted.end or extracted.start) if extracted.start else None,
                precision=extracted.precision if extracted.start else Precision.UNKNOWN,
                confidence=round(max(0.0, min(extracted.confidence, 1.0)), 3),
                origin=Origin.EXTRACTED,
            )
            result.stops_created += 1
        else:
            _fill_stop(stop, extracted)
            result.stops_matched += 1
        for span in extracted.evidence:
            cite(article, span, result, stop=stop)
        stop.refresh_from_db(fields=["order"])
        previous = stop
    trip_renumber(trip)
    return trip


def engagements_attach_to_stops(trip: Trip, engagements: list[Engagement]) -> None:
    """Put each engagement of the traveler at the trip's stop with the same place and dates."""
    stops = list(trip.stops.select_related("place"))
    for engagement in engagements:
        if engagement.stop_id or "stop" in engagement.edited_fields:
            continue
        if not engagement.participations.filter(official=trip.traveler).exists():
            continue
        for stop in stops:
            same_place = engagement.place_id == stop.place_id or (
                engagement.place_id is None and len(stops) == 1
            )
            when = _range(engagement.start, engagement.end)
            stop_when = _range(stop.start, stop.end)
            fits = when is None or stop_when is None or dates_compatible(when, stop_when)
            if same_place and fits:
                engagement.stop = stop
                engagement.save(update_fields=["stop", "updated_at"])
                break


# ---------------------------------------------------------------- agreements


def agreement_merge(*, article: Article, extracted, result: MergeResult) -> Agreement:
    forms = {normalize_name(n) for n in [extracted.name, *extracted.aliases]} - {""}
    agreement = (
        Agreement.objects.filter(Q(normalized_name__in=forms) | Q(aliases__normalized__in=forms))
        .order_by("pk")
        .first()
    )
    if agreement is None:
        agreement = Agreement.objects.create(
            name=extracted.name[:300],
            date=extracted.date,
            confidence=round(max(0.0, min(extracted.confidence, 1.0)), 3),
            kind=_agreement_kind(extracted.name),
            origin=Origin.EXTRACTED,
        )
        result.agreements_created += 1
    else:
        if extracted.date and agreement.date is None and "date" not in agreement.edited_fields:
            agreement.date = extracted.date
            agreement.save(update_fields=["date", "updated_at"])
        result.agreements_matched += 1
    known = {agreement.normalized_name} | set(
        agreement.aliases.values_list("normalized", flat=True)
    )
    for alias in [extracted.name, *extracted.aliases]:
        if normalize_name(alias) and normalize_name(alias) not in known:
            AgreementAlias.objects.create(agreement=agreement, alias=alias[:300])
            known.add(normalize_name(alias))
    if "parties" not in agreement.edited_fields:
        for code in extracted.parties:
            country = country_by_code(code, result.countries)
            if country is not None:
                agreement.parties.add(country)
    for span in extracted.evidence:
        cite(article, span, result, agreement=agreement)
    return agreement


def _agreement_kind(name: str) -> str:
    words = set(normalize_name(name).split())
    for kind in ("treaty", "pact", "deal", "accord", "memorandum"):
        if kind in words:
            return kind
    if "agreement" in words:
        return Agreement.Kind.OTHER
    return Agreement.Kind.OTHER


# ---------------------------------------------------------------- documents


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


def document_merge(*, article: Article, document: Document) -> MergeResult:
    """Fold one article's extraction into the record. Call inside a transaction."""
    result = MergeResult()
    officials: dict[str, Official] = {}
    for extracted in document.officials:
        person = official_resolve(
            name=extracted.name,
            country_code=extracted.country,
            aliases=extracted.aliases,
            title=extracted.title,
            countries=result.countries,
        )
        officials[extracted.name] = person
        result.officials.append(person)
        if extracted.mentions:
            cite(article, extracted.mentions[0], result, official=person)
    engagements = [
        engagement_merge(article=article, extracted=e, officials=officials, result=result)
        for e in document.engagements
        if e.participants
    ]
    for extracted_trip in document.trips:
        traveler = _official_for(extracted_trip.traveler, officials)
        trip = trip_merge_stops(
            article=article, traveler=traveler, stops=extracted_trip.stops, result=result
        )
        if trip is not None:
            engagements_attach_to_stops(trip, engagements)
    for extracted in document.agreements:
        agreement_merge(article=article, extracted=extracted, result=result)
    citations_write(result)
    return result
