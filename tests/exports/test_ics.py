from datetime import date

import icalendar

from engagements import exports
from engagements.models import Engagement, Stop, Trip
from tests.api.world import MEETING_QUOTE


def events(response) -> dict[str, icalendar.Event]:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def dates(event: icalendar.Event) -> tuple[date, date]:
    return event.decoded("DTSTART"), event.decoded("DTEND")


def test_a_day_engagement_is_an_all_day_event_with_an_exclusive_end(world):
    found = events(exports.export_ics(Engagement.objects.all()))
    meeting = found[f"engagement-{world.meeting.pk}@diplomacy-tracker"]
    assert dates(meeting) == (date(2021, 10, 5), date(2021, 10, 6))
    assert str(meeting["SUMMARY"]) == "Meeting: Antony Blinken, Emmanuel Macron"
    assert str(meeting["LOCATION"]) == "Paris, France"
    description = str(meeting["DESCRIPTION"])
    assert MEETING_QUOTE in description and "Blinken in Paris" in description
    assert str(meeting["STATUS"]) == "CONFIRMED"
    assert not isinstance(meeting.decoded("DTSTART"), __import__("datetime").datetime)


def test_a_month_engagement_spans_the_whole_month(world):
    found = events(exports.export_ics(Engagement.objects.all()))
    summit = found[f"engagement-{world.summit.pk}@diplomacy-tracker"]
    assert dates(summit) == (date(2022, 6, 1), date(2022, 7, 1))
    assert str(summit["SUMMARY"]) == "NATO Madrid Summit"


def test_undated_and_rejected_engagements_are_left_out(world):
    found = events(exports.export_ics(Engagement.objects.all()))
    assert set(found) == {
        f"engagement-{pk}@diplomacy-tracker"
        for pk in (world.meeting.pk, world.call.pk, world.summit.pk)
    }


def test_uids_are_stable_across_exports(world):
    first = events(exports.export_ics(Engagement.objects.all()))
    second = events(exports.export_ics(Engagement.objects.filter(kind="call")))
    uid = f"engagement-{world.call.pk}@diplomacy-tracker"
    assert first[uid].to_ical() == second[uid].to_ical()


def test_trip_stops_are_events(world):
    found = events(exports.export_ics(Trip.objects.all()))
    paris_stop, mexico_stop = world.trip.stops.filter(order__in=[1, 2]).order_by("order")
    paris = found[f"stop-{paris_stop.pk}@diplomacy-tracker"]
    assert dates(paris) == (date(2021, 10, 4), date(2021, 10, 7))
    assert str(paris["SUMMARY"]) == "Antony Blinken in Paris"
    assert MEETING_QUOTE in str(paris["DESCRIPTION"])
    mexico = found[f"stop-{mexico_stop.pk}@diplomacy-tracker"]
    assert dates(mexico) == (date(2021, 10, 7), date(2021, 10, 8))  # no end: one day
    madrid = found[f"stop-{world.spain_trip.stops.get().pk}@diplomacy-tracker"]
    assert dates(madrid) == (date(2022, 6, 1), date(2022, 7, 1))
    assert f"stop-{world.rejected_stop.pk}@diplomacy-tracker" not in found
    assert len(found) == 3  # the rejected trip's stop is not there either


def test_all_day_span_rules():
    span = exports.all_day_span
    assert span(date(2021, 12, 31), None, "day") == (date(2021, 12, 31), date(2022, 1, 1))
    assert span(date(2021, 12, 1), date(2021, 12, 31), "month") == (
        date(2021, 12, 1),
        date(2022, 1, 1),
    )
    assert span(date(2021, 11, 1), date(2022, 1, 31), "month") == (
        date(2021, 11, 1),
        date(2022, 2, 1),
    )
    assert span(date(2021, 1, 1), date(2021, 12, 31), "year") == (
        date(2021, 1, 1),
        date(2022, 1, 1),
    )
    assert span(None, None, "unknown") is None


def test_stops_of_a_rejected_trip_are_left_out(world):
    found = events(exports.export_ics(Stop.objects.all()))
    rejected = world.rejected_trip.stops.get()
    assert f"stop-{rejected.pk}@diplomacy-tracker" not in found
    assert len(found) == 3
