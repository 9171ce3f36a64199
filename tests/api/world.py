"""A small record for API and export tests: two trips, engagements, an agreement, and
a rejected fact of every kind, which nothing may show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engagements.models import Agreement, AgreementAlias, Citation, Engagement, Stop, Trip
from people.models import Official
from tests import factories


@dataclass
class World:
    blinken: Official
    macron: Official
    albares: Official
    ghost: Official
    trip: Trip
    spain_trip: Trip
    rejected_trip: Trip
    rejected_stop: Stop
    meeting: Engagement
    call: Engagement
    summit: Engagement
    undated: Engagement
    rejected_meeting: Engagement
    pact: Agreement
    rejected_pact: Agreement


MEETING_QUOTE = "Blinken met French President Emmanuel Macron on Tuesday in Paris."
CALL_QUOTE = "Blinken spoke by phone with José Manuel Albares."


def build() -> World:
    blinken = factories.official("Antony Blinken", "US", aliases=("Blinken", "Tony Blinken"))
    macron = factories.official("Emmanuel Macron", "FR")
    albares = factories.official("José Manuel Albares", "ES")
    ghost = factories.official("Ghost Minister", "FR")
    ghost.review = "rejected"
    ghost.save()
    paris = factories.place("Paris", "FR", 48.8566, 2.3522)
    mexico = factories.place("Mexico City", "MX", 19.4326, -99.1332)
    madrid = factories.place("Madrid", "ES", 40.4168, -3.7038)
    nowhere = factories.place("Atlantis", "GR", 0.0, 0.0)
    nowhere.latitude = nowhere.longitude = None
    nowhere.save()

    source = factories.article(
        f"{MEETING_QUOTE} {CALL_QUOTE}",
        title="Blinken in Paris",
        url="https://news.example/blinken-paris",
        source="Example News",
    )
    trip = factories.trip(
        blinken,
        [
            (paris, date(2021, 10, 4), date(2021, 10, 6)),
            (mexico, date(2021, 10, 7), None),
            (madrid, date(2021, 10, 8), date(2021, 10, 8)),
        ],
    )
    trip.title = "Paris and Mexico"
    trip.save()
    rejected_stop = trip.stops.get(order=3)
    rejected_stop.review = "rejected"
    rejected_stop.save()
    paris_stop = trip.stops.get(order=1)
    Citation.objects.create(
        article=source, stop=paris_stop, start=0, end=len(MEETING_QUOTE), quote=MEETING_QUOTE
    )

    spain_trip = factories.trip(albares, [(madrid, date(2022, 6, 1), date(2022, 6, 30))])
    spain_trip.stops.update(precision="month")
    rejected_trip = factories.trip(macron, [(nowhere, date(2021, 10, 5), None)])
    rejected_trip.review = "rejected"
    rejected_trip.save()

    meeting = factories.engagement(
        [blinken, macron, ghost],
        on=date(2021, 10, 5),
        where=paris,
        stop=paris_stop,
        source=source,
        quote=MEETING_QUOTE,
        status="held",
        confidence=0.9,
    )
    meeting.participations.filter(official=blinken).update(role="guest")
    meeting.participations.filter(official=macron).update(role="host")
    call = factories.engagement(
        [blinken, albares],
        kind="call",
        on=date(2022, 2, 10),
        source=source,
        quote=CALL_QUOTE,
        status="held",
        origin="record",
    )
    summit = factories.engagement(
        [albares, macron],
        kind="summit",
        where=madrid,
        title="NATO Madrid Summit",
        status="scheduled",
        review="verified",
    )
    summit.start, summit.end, summit.precision = date(2022, 6, 1), date(2022, 6, 30), "month"
    summit.save()
    undated = factories.engagement([macron], kind="talks", where=nowhere)
    rejected_meeting = factories.engagement(
        [blinken, macron], on=date(2021, 10, 5), where=paris, review="rejected", title="Bogus"
    )

    pact = Agreement.objects.create(
        name="AUKUS", kind="pact", status="signed", date=date(2021, 9, 15)
    )
    pact.parties.set([factories.country(c) for c in ("US", "GB", "AU")])
    AgreementAlias.objects.create(agreement=pact, alias="Australia–UK–US Partnership")
    pact_text = "The AUKUS pact was signed on 15 September."
    pact_source = factories.article(pact_text, title="AUKUS signed")
    Citation.objects.create(
        article=pact_source, agreement=pact, start=0, end=len(pact_text), quote=pact_text
    )
    rejected_pact = Agreement.objects.create(
        name="Phantom Accord", kind="accord", review="rejected"
    )
    rejected_pact.parties.set([factories.country("FR")])

    return World(
        blinken=blinken,
        macron=macron,
        albares=albares,
        ghost=ghost,
        trip=trip,
        spain_trip=spain_trip,
        rejected_trip=rejected_trip,
        rejected_stop=rejected_stop,
        meeting=meeting,
        call=call,
        summit=summit,
        undated=undated,
        rejected_meeting=rejected_meeting,
        pact=pact,
        rejected_pact=rejected_pact,
    )
