"""Plain-dict representations of facts, shared by the JSON API and the exports.

Each `*_record` function reads only what `with_relations` prefetches, so
serializing a page of results costs a fixed number of queries. Rejected facts
nested inside another (a trip's stops, an engagement's participants) are left
out here too, whatever the queryset prefetched.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Model, Prefetch, QuerySet

from diplomacy.models import Review
from engagements import cameo_facts
from engagements.models import Agreement, Citation, Engagement, Participant, Place, Stop, Trip
from engagements.selectors import VISIBLE
from people.models import Official, Post

Record = dict[str, Any]


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def visible(facts: Any) -> list[Any]:
    """The facts of a prefetched relation that are not rejected, in their order."""
    return [fact for fact in facts if fact.review != Review.REJECTED]


def _cited() -> Prefetch:
    return Prefetch("citations", queryset=Citation.objects.select_related("article"))


def _posts(lookup: str) -> Prefetch:
    """An official's posts, which give their CAMEO actor code (country, role, organisation)."""
    return Prefetch(lookup, queryset=Post.objects.select_related("country", "organization"))


def with_relations(queryset: QuerySet) -> QuerySet:
    """The queryset with what its records need loaded in a fixed number of queries.

    Earlier prefetches are replaced (a conflicting Prefetch of the same lookup
    would be an error), select_related is added to.
    """
    model = queryset.model
    queryset = queryset.prefetch_related(None)
    if model is Trip:
        stops = Stop.objects.filter(VISIBLE).select_related("place__country").order_by("order")
        companions = (
            Trip.objects.filter(VISIBLE)
            .select_related("traveler__country")
            .order_by("traveler__name", "pk")
        )
        return queryset.select_related(
            "traveler__country", "companion_of__traveler__country"
        ).prefetch_related(
            Prefetch("stops", queryset=stops.prefetch_related(_cited())),
            Prefetch("companions", queryset=companions),
            _cited(),
            _posts("traveler__posts"),
        )
    if model is Stop:
        return queryset.select_related(
            "place__country", "trip__traveler__country"
        ).prefetch_related(_cited(), _posts("trip__traveler__posts"))
    if model is Engagement:
        participations = (
            Participant.objects.select_related("official__country")
            .prefetch_related(_posts("official__posts"))
            .order_by("official__name", "pk")
        )
        return queryset.select_related("place__country", "stop__trip").prefetch_related(
            Prefetch("participations", queryset=participations), _cited()
        )
    if model is Official:
        return queryset.select_related("country").prefetch_related(
            "aliases", _posts("posts"), _cited()
        )
    if model is Agreement:
        return queryset.prefetch_related("parties", "aliases", _cited())
    raise TypeError(f"No record format for {model.__name__}")


def citation_record(citation: Citation) -> Record:
    article = citation.article
    return {
        "article": article.pk,
        "title": article.title,
        "url": article.url,
        "outlet": article.source,
        "published": iso(article.published),
        "start": citation.start,
        "end": citation.end,
        "quote": citation.quote,
        "span": (
            [citation.span_start, citation.span_end] if citation.span_start is not None else None
        ),
    }


def _citations(fact: Model) -> list[Record]:
    return [citation_record(c) for c in fact.citations.all()]


def _review(fact: Model) -> Record:
    return {"origin": fact.origin, "review": fact.review, "confidence": fact.confidence}


def place_record(place: Place | None) -> Record | None:
    if place is None:
        return None
    return {
        "id": place.pk,
        "name": place.name,
        "kind": place.kind,
        "country": place.country.code if place.country_id else None,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def person_record(person: Official) -> Record:
    return {
        "id": person.pk,
        "name": person.name,
        "country": person.country.code if person.country_id else None,
    }


def stop_record(stop: Stop) -> Record:
    return {
        "id": stop.pk,
        "order": stop.order,
        "place": place_record(stop.place),
        "start": iso(stop.start),
        "end": iso(stop.end),
        "precision": stop.precision,
        # a stop abroad is the traveller's visit to that country (CAMEO 042)
        "cameo": cameo_facts.event_record(cameo_facts.stop_code(stop)),
        **_review(stop),
        "citations": _citations(stop),
    }


def dyads_record(dyads: list) -> list[Record]:
    """CAMEO event rows: source and target actor codes and the event code."""
    return [{"source": d.source.code, "target": d.target.code, "code": d.code} for d in dyads]


def trip_link_record(trip: Trip | None) -> Record | None:
    """Another trip, named by its id and traveler (a companion's, or the principal's)."""
    if trip is None or trip.review == Review.REJECTED:
        return None
    return {"id": trip.pk, "traveler": person_record(trip.traveler)}


def trip_record(trip: Trip) -> Record:
    return {
        "id": trip.pk,
        "title": trip.title,
        "traveler": {
            **person_record(trip.traveler),
            "cameo_actor": cameo_facts.official_actor(trip.traveler).code,
        },
        "start": iso(trip.start),
        "end": iso(trip.end),
        **_review(trip),
        "stops": [stop_record(stop) for stop in visible(trip.stops.all())],
        # the trip this one accompanies, and the trips accompanying it
        "companion_of": trip_link_record(trip.companion_of),
        "companions": [trip_link_record(t) for t in visible(trip.companions.all())],
        "citations": _citations(trip),
    }


def participants(engagement: Engagement) -> list[Participant]:
    """The engagement's participations whose official is not rejected."""
    return [p for p in engagement.participations.all() if p.official.review != Review.REJECTED]


def engagement_record(engagement: Engagement) -> Record:
    stop = engagement.stop
    people = participants(engagement)
    actors = {p.pk: cameo_facts.official_actor(p.official, p.role) for p in people}
    code = cameo_facts.engagement_code(engagement, list(actors.values()))
    return {
        "id": engagement.pk,
        "kind": engagement.kind,
        "title": engagement.title,
        "status": engagement.status,
        "place": place_record(engagement.place),
        "start": iso(engagement.start),
        "end": iso(engagement.end),
        "precision": engagement.precision,
        "participants": [
            {**person_record(p.official), "role": p.role, "cameo_actor": actors[p.pk].code}
            for p in people
        ],
        "cameo": cameo_facts.event_record(code),
        "cameo_dyads": dyads_record(cameo_facts.engagement_dyads(engagement, people)),
        "trip": stop.trip_id if stop is not None and not stop.is_rejected else None,
        **_review(engagement),
        "citations": _citations(engagement),
    }


def official_record(official: Official) -> Record:
    return {
        "id": official.pk,
        "name": official.name,
        "aliases": [alias.alias for alias in official.aliases.all()],
        "country": official.country.code if official.country_id else None,
        "cameo_actor": cameo_facts.official_actor(official).code,
        "posts": [
            {
                "title": post.title,
                "country": post.country.code if post.country_id else None,
                "organization": post.organization.name if post.organization_id else None,
                "start": iso(post.start),
                "end": iso(post.end),
            }
            for post in official.posts.all()
        ],
        **_review(official),
        "citations": _citations(official),
    }


def agreement_record(agreement: Agreement) -> Record:
    return {
        "id": agreement.pk,
        "name": agreement.name,
        "aliases": [alias.alias for alias in agreement.aliases.all()],
        "kind": agreement.kind,
        "status": agreement.status,
        "date": iso(agreement.date),
        "parties": sorted(country.code for country in agreement.parties.all()),
        "cameo": cameo_facts.event_record(cameo_facts.agreement_code(agreement)),
        "cameo_parties": [actor.code for actor in cameo_facts.agreement_parties(agreement)],
        "cameo_dyads": dyads_record(cameo_facts.agreement_dyads(agreement)),
        **_review(agreement),
        "citations": _citations(agreement),
    }


RECORDS = {
    Trip: trip_record,
    Stop: stop_record,
    Engagement: engagement_record,
    Official: official_record,
    Agreement: agreement_record,
}


def record(fact: Model) -> Record:
    """The dict for any fact of a kind the API serves."""
    return RECORDS[type(fact)](fact)
