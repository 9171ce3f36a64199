"""iCalendar: one all-day VEVENT per stop or engagement with a known date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import icalendar
from django.db.models import Model
from django.http import HttpResponse

from diplomacy.models import Precision
from engagements.api import serializers
from engagements.models import Engagement, Stop

from .common import (
    download,
    facts_of,
    located_facts,
    participant_names,
    place_label,
    summary,
    traveler_of,
)

UID_DOMAIN = "diplomacy-tracker"
PRODID = "-//Diplomacy tracker//Engagements//EN"
ICS_STATUS = {"held": "CONFIRMED", "scheduled": "CONFIRMED", "cancelled": "CANCELLED"}


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def all_day_span(start: date | None, end: date | None, precision: str) -> tuple[date, date] | None:
    """(DTSTART, exclusive DTEND) of an all-day event, or None when the date is unknown."""
    first = start or end
    if first is None or precision == Precision.UNKNOWN:
        return None
    last = max(end or first, first)
    if precision == Precision.MONTH:
        return first.replace(day=1), _next_month(last)
    if precision == Precision.YEAR:
        return date(first.year, 1, 1), date(last.year + 1, 1, 1)
    return first, last + timedelta(days=1)


def _cited_lines(fact: Model) -> list[str]:
    lines = []
    for citation in fact.citations.all():
        article = citation.article
        where = ", ".join(
            part
            for part in (article.title, article.source, serializers.iso(article.published))
            if part
        )
        lines.append(f"“{citation.quote}” ({where})" + (f" {article.url}" if article.url else ""))
    return lines


def _stamp(fact: Model) -> datetime:
    return fact.updated_at or datetime.now(tz=UTC)


def _event(fact: Stop | Engagement) -> icalendar.Event | None:
    span = all_day_span(fact.start, fact.end, fact.precision)
    if span is None:
        return None
    event = icalendar.Event()
    if isinstance(fact, Stop):
        traveler = traveler_of(fact)
        event.add("uid", f"stop-{fact.pk}@{UID_DOMAIN}")
        event.add("summary", f"{traveler.name} in {fact.place.name}")
        details = [f"Trip stop {fact.order} of {traveler.name}."]
        event.add("categories", ["stop"])
        if fact.cancelled:
            details.append("Called off.")
            event.add("status", "CANCELLED")
    else:
        event.add("uid", f"engagement-{fact.pk}@{UID_DOMAIN}")
        event.add("summary", summary(fact))
        details = [f"{fact.get_kind_display()}, {fact.get_status_display().lower()}."]
        names = participant_names(fact)
        if names:
            details.append("Participants: " + ", ".join(names) + ".")
        event.add("categories", [fact.kind])
        if fact.status in ICS_STATUS:
            event.add("status", ICS_STATUS[fact.status])
    event.add("dtstamp", _stamp(fact))
    event.add("dtstart", span[0])
    event.add("dtend", span[1])
    event.add("transp", "TRANSPARENT")
    if fact.place is not None:
        event.add("location", place_label(fact.place))
        if fact.place.latitude is not None and fact.place.longitude is not None:
            event.add("geo", (fact.place.latitude, fact.place.longitude))
    event.add("description", "\n".join([*details, *_cited_lines(fact)]))
    return event


def export_ics(
    items: Iterable[Model], *, filename: str | None = None, name: str = "Diplomacy tracker"
) -> HttpResponse:
    """An iCalendar file: one VEVENT per stop or engagement with a known date."""
    facts = facts_of(items)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for fact in located_facts(facts):
        event = _event(fact)
        if event is not None:
            calendar.add_component(event)
    return download(calendar.to_ical(), "ics", items, facts, filename)
