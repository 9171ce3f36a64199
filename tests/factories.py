"""Small builders for test records (plain functions, explicit arguments)."""

from __future__ import annotations

from datetime import date

from engagements.models import Citation, Engagement, Participant, Place, Stop, Trip
from people.models import Country, Official, OfficialAlias
from reports.models import Article


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def official(name: str, code: str | None = None, aliases: tuple[str, ...] = ()) -> Official:
    person = Official.objects.create(name=name, country=country(code) if code else None)
    for alias in aliases:
        OfficialAlias.objects.create(official=person, alias=alias)
    return person


def place(name: str, code: str, lat: float = 0.0, lon: float = 0.0) -> Place:
    return Place.objects.create(name=name, country=country(code), latitude=lat, longitude=lon)


def article(text: str, **fields) -> Article:
    fields.setdefault("published", date(2021, 10, 6))
    return Article.objects.create(text=text, **fields)


def trip(traveler: Official, stops: list[tuple[Place, date | None, date | None]]) -> Trip:
    known = [d for _, s, e in stops for d in (s, e) if d]
    journey = Trip.objects.create(
        traveler=traveler, start=min(known, default=None), end=max(known, default=None)
    )
    for order, (where, start, end) in enumerate(stops, start=1):
        Stop.objects.create(
            trip=journey,
            order=order,
            place=where,
            start=start,
            end=end,
            precision="day" if start else "unknown",
        )
    return journey


def engagement(
    people: list[Official],
    *,
    kind: str = "meeting",
    on: date | None = None,
    where: Place | None = None,
    stop: Stop | None = None,
    source: Article | None = None,
    quote: str = "",
    **fields,
) -> Engagement:
    meeting = Engagement.objects.create(
        kind=kind,
        start=on,
        end=on,
        precision="day" if on else "unknown",
        place=where,
        stop=stop,
        **fields,
    )
    for person in people:
        Participant.objects.create(engagement=meeting, official=person)
    if source is not None:
        start = source.text.index(quote) if quote else 0
        end = start + len(quote) if quote else len(source.text)
        Citation.objects.create(
            article=source, engagement=meeting, start=start, end=end, quote=source.text[start:end]
        )
    return meeting
