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

from django.db.models import F, Q
from simple_history.utils import bulk_create_with_history

from diplomacy.locks import keys_lock
from diplomacy.models import Origin, Precision, Review
from diplomacy.text import normalize_name, sentence_around
from people.models import Official
from people.services import NameMention, OfficialResolver, countries_load, country_by_code

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
    # engagements this merge creates, written together at its end, with their participants
    new_engagements: list[Engagement] = field(default_factory=list)
    people: dict[int, set[int]] = field(default_factory=dict)
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
    # keyed by the object: a fact created by this merge has no primary key yet
    result.citations.setdefault((name, id(fact), start, end), (article, name, fact, start, end))


def citations_write(result: MergeResult) -> None:
    Citation.objects.bulk_create(
        Citation(article=a, start=start, end=end, quote=a.text[start:end], **{name: fact})
        for a, name, fact, start, end in result.citations.values()
    )
    result.citations.clear()


# ---------------------------------------------------------------- places


def _place_key(extracted: ExtractedPlace) -> tuple[str, str]:
    """What a merge's place cache is keyed by: the normalized name and the country code."""
    return normalize_name(extracted.name), (extracted.country or "").upper()


def places_load(extracted: list[ExtractedPlace | None], result: MergeResult) -> None:
    """Look up the places of one merge in one query (the ones not yet in its cache)."""
    wanted = {}
    for place in extracted:
        if place is not None and place.name:
            key = _place_key(place)
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
    key = _place_key(extracted)
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
    """An engagement on record with all these participants, compatible dates and place.

    A report may name only some of those present: it still reports the same meeting.
    """
    if not people:
        return None
    candidates = Engagement.objects.all()
    for pk in sorted(people):  # one indexed join per participant: all of them took part
        candidates = candidates.filter(participations__official=pk)
    if when is not None:
        candidates = candidates.filter(
            Q(start__isnull=True)
            | Q(start__lte=when[1] + DATE_SLACK, end__gte=when[0] - DATE_SLACK)
            | Q(start__lte=when[1] + DATE_SLACK, end__isnull=True)
        )
    return next((c for c in candidates.order_by("pk") if _same_event(c, place, when, kind)), None)


def _same_event(
    candidate: Engagement, place: Place | None, when: tuple[date, date] | None, kind: str
) -> bool:
    """The candidate (with the right people) is the engagement at that place, those dates."""
    if place and candidate.place_id and candidate.place_id != place.pk:
        return False
    theirs = _range(candidate.start, candidate.end)
    if dates_compatible(when, theirs):
        return True
    # one report gives no date: the same people at the same place doing the same thing
    one_undated = (when is None) != (theirs is None)
    return bool(one_undated and candidate.kind == kind and place and candidate.place_id == place.pk)


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
    if changed and engagement.pk is not None:  # else created by this merge, saved later
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


def _pending_match(
    people: set[int], place: Place | None, when: tuple[date, date] | None, kind: str, result
) -> Engagement | None:
    """An engagement this merge is about to create that the extracted one repeats."""
    return next(
        (
            e
            for e in result.new_engagements
            if people <= result.people[id(e)] and _same_event(e, place, when, kind)
        ),
        None,
    )


def engagement_merge(
    *,
    article: Article,
    extracted: ExtractedEngagement,
    officials: dict[str, Official],
    result: MergeResult,
) -> Engagement:
    """The engagement on record (or about to be) the extracted one reports, given a citation.

    A new engagement is only built here; `engagements_write` saves it with the
    others of the merge.
    """
    people = [officials[name] for name in extracted.participants]
    ids = {p.pk for p in people}
    place = place_resolve(extracted.place, result)
    when = _range(extracted.start, extracted.end)
    engagement = _engagement_match(ids, place, when, extracted.kind) or _pending_match(
        ids, place, when, extracted.kind, result
    )
    if engagement is None:
        engagement = Engagement(
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
        result.new_engagements.append(engagement)
        result.engagements_created += 1
    else:
        _fill_engagement(engagement, extracted, place)
        result.engagements_matched += 1
    # who is known to take part (a matched engagement on record may have more)
    result.people[id(engagement)] = result.people.get(id(engagement), set()) | ids
    for span in extracted.evidence:
        cite(article, span, result, engagement=engagement)
    return engagement


def engagements_write(result: MergeResult) -> None:
    """Save the engagements the merge created (with history) and their participants."""
    if not result.new_engagements:
        return
    bulk_create_with_history(result.new_engagements, Engagement)
    Participant.objects.bulk_create(
        Participant(engagement=engagement, official_id=pk)
        for engagement in result.new_engagements
        for pk in sorted(result.people[id(engagement)])
    )
    result.new_engagements = []


# ---------------------------------------------------------------- trips


def _traveler_trip_near(traveler: Official, windows: list[tuple[date, date]]) -> Trip | None:
    """The traveler's trip with a stop overlapping or adjacent to the first window that has one."""
    if not windows:
        return None
    low = min(w[0] for w in windows) - TRIP_GAP
    high = max(w[1] for w in windows) + TRIP_GAP
    stops = list(
        Stop.objects.filter(trip__traveler=traveler, start__lte=high, end__gte=low)
        .exclude(review=Review.REJECTED)
        .select_related("trip")
        .order_by("trip__pk")
    )
    for when in windows:
        for stop in stops:
            if stop.start <= when[1] + TRIP_GAP and stop.end >= when[0] - TRIP_GAP:
                return stop.trip
    return None


def _date_order(stops: list[Stop]) -> list[Stop]:
    """Dated stops in date order; an undated one keeps its place after the stop before it."""
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
    return ordered


def _span(ordered: list[Stop]) -> tuple[date | None, date | None]:
    """The first and last day of the stops' dates."""
    starts = [s.start for s in ordered if s.start]
    ends = [s.end or s.start for s in ordered if s.start]
    return min(starts, default=None), max(ends, default=None)


def _trip_span(trip: Trip, ordered: list[Stop]) -> None:
    """Set the trip's dates to those of its stops."""
    span = _span(ordered)
    if span != (trip.start, trip.end):
        trip.start, trip.end = span
        trip.save(update_fields=["start", "end", "updated_at"])


def trip_renumber(trip: Trip) -> None:
    """Order the trip's stops by date (undated ones keep their place) and refresh its dates."""
    ordered = _date_order(list(trip.stops.order_by("order", "pk")))
    stops_number(trip, ordered)
    _trip_span(trip, ordered)


def stops_number(trip: Trip, ordered: list[Stop], new: list[Stop] = ()) -> None:
    """Number the trip's stops 1, 2, ... in the order given, saving the new ones among them."""
    existing = [s for s in ordered if s.pk is not None]
    moved = any(s.order != n for n, s in enumerate(ordered, start=1) if s.pk is not None)
    if moved:
        # two passes keep (trip, order) unique at every step
        Stop.objects.filter(trip=trip).update(order=F("order") + 100000)
    for number, stop in enumerate(ordered, start=1):
        stop.order = number
    if new:
        bulk_create_with_history(list(new), Stop)
    if moved:
        Stop.objects.bulk_update(existing, ["order"])


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
    if stop.pk is None:  # created by this merge, saved with the others
        return
    stop.version += 1
    stop.save(update_fields=["start", "end", "precision", "version", "updated_at"])


def _trip_for(
    article: Article, traveler: Official, resolved: list[tuple[TripStop, Place]]
) -> Trip | None:
    """The traveler's trip on record these stops belong to, if any."""
    windows = [w for w in (_range(s.start, s.end) for s, _ in resolved) if w is not None]
    trip = _traveler_trip_near(traveler, windows)
    if trip is None and article.published:
        # undated stops: the same place in a trip of the traveler around publication
        day = article.published
        stop = (
            Stop.objects.filter(
                trip__traveler=traveler,
                place__in=[p.pk for _, p in resolved],
                start__lte=day + timedelta(days=14),
                end__gte=day - timedelta(days=14),
            )
            .select_related("trip")
            .first()
        )
        trip = stop.trip if stop else None
    return trip


def trip_merge_stops(
    *,
    article: Article,
    traveler: Official,
    stops: list[TripStop],
    result: MergeResult,
    new_traveler: bool = False,
) -> tuple[Trip, list[Stop]] | None:
    """Join one article's stops for a traveler to the traveler's trip on record, or start one.

    Returns the trip and its stops in order. The stops are placed in memory
    (an undated one after the article's previous stop, dated ones by date) and
    written together.
    """
    resolved = [(s, place_resolve(s.place, result)) for s in stops]
    resolved = [(s, p) for s, p in resolved if p is not None]
    if not resolved:
        return None
    # a traveler created by this merge has no trip on record yet
    trip = None if new_traveler else _trip_for(article, traveler, resolved)
    # a new trip is saved once its stops are placed, with their dates
    ordered = list(trip.stops.order_by("order", "pk")) if trip is not None else []
    new: list[Stop] = []
    previous: Stop | None = None
    for extracted, place in resolved:
        stop = next((s for s in ordered if s.place_id == place.pk), None)
        if stop is None:
            stop = Stop(
                place=place,
                start=extracted.start,
                end=(extracted.end or extracted.start) if extracted.start else None,
                precision=extracted.precision if extracted.start else Precision.UNKNOWN,
                confidence=round(max(0.0, min(extracted.confidence, 1.0)), 3),
                origin=Origin.EXTRACTED,
            )
            # an undated stop follows the article's previous stop
            if previous is not None and extracted.start is None:
                ordered.insert(ordered.index(previous) + 1, stop)
            else:
                ordered.append(stop)
            new.append(stop)
            result.stops_created += 1
        else:
            _fill_stop(stop, extracted)
            result.stops_matched += 1
        for span in extracted.evidence:
            cite(article, span, result, stop=stop)
        previous = stop
    ordered = _date_order(ordered)
    if trip is None:
        trip = Trip(traveler=traveler, origin=Origin.EXTRACTED)
        trip.start, trip.end = _span(ordered)
        trip.save()
    else:
        _trip_span(trip, ordered)
    for stop in new:
        stop.trip = trip
    stops_number(trip, ordered, new)
    return trip, ordered


def engagements_attach_to_stops(
    traveler: Official, stops: list[Stop], engagements: list[Engagement], result: MergeResult
) -> None:
    """Put each engagement of the traveler at the trip's stop with the same place and dates.

    An engagement the merge has not saved yet just takes the stop; saved ones are updated.
    """
    for engagement in engagements:
        if engagement.stop_id or "stop" in engagement.edited_fields:
            continue
        if traveler.pk not in result.people.get(id(engagement), ()) and (
            engagement.pk is None
            or not engagement.participations.filter(official=traveler).exists()
        ):
            continue
        when = _range(engagement.start, engagement.end)
        for stop in stops:
            same_place = engagement.place_id == stop.place_id or (
                engagement.place_id is None and len(stops) == 1
            )
            stop_when = _range(stop.start, stop.end)
            fits = when is None or stop_when is None or dates_compatible(when, stop_when)
            if same_place and fits:
                engagement.stop = stop
                if engagement.pk is not None:
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
        if place is not None and place.name and _place_key(place) not in places:
            keys.add(f"place:{_place_key(place)[0]}")
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
